/**
 * Best of N: several propose jobs (a matrix, one agent each) hand the publish job one bundle each;
 * the publish job verifies them all and proposes one. This module is the choice itself, pure and
 * deterministic, so that the same bundles always give the same winner and the same table:
 *
 * 1. a green gate with clean policies (and a bundle that passed verification) first;
 * 2. then the fewest changed lines (added plus removed, as the patch's hunks count them; a binary
 *    file counts as one);
 * 3. then the fewest agent runs;
 * 4. then the lowest cost (a candidate whose CLI reported no cost comes after every known cost);
 * 5. then the candidate's name (plain code-unit order, no locale).
 *
 * Candidates that are not green are never chosen, however small their change.
 */
import { parsePatch } from './unified-diff.js'

/**
 * What a candidate label may be (input `candidate`, a bundle's `candidate`): it names an artifact,
 * a directory, a step output (`bundle-digest-<candidate>`) and a row of a markdown table, so it is
 * letters, digits, `-` and `_`, starting with a letter or digit, at most 64 characters.
 */
export const CANDIDATE_LABEL = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

/** The verdict of a candidate named in `bundle-digest` whose bundle is not there (its job failed early). */
export const NO_BUNDLE = 'no bundle'

/** What the publish job knows of one candidate, after verifying its bundle. */
export interface CandidateFacts {
  /** The candidate's label (for a bundle that could not be read: its directory's name). */
  name: string
  /** The propose job's verdict (`proposed`, `gave-up`, ...), or `refused` when verification failed. */
  verdict: string
  /** The gate passed, the policies were clean, and the bundle passed every check of the publish job. */
  green: boolean
  /** Why the bundle was refused, when it was. */
  refusal?: string
  changedLines: number
  agentRuns: number
  /** Total reported cost in US dollars; undefined when the CLI reported none. */
  costUsd?: number
}

/** A candidate in the order of the choice, with why it was not the one chosen. */
export interface RankedCandidate extends CandidateFacts {
  chosen: boolean
  /** Empty for the chosen one. */
  whyNot: string
}

/** The ranking, best first, and the winner when any candidate is green. */
export interface CandidateChoice {
  ranked: RankedCandidate[]
  winner?: RankedCandidate
}

/** Orders two candidates by the documented rules; negative when `a` goes first. */
export function compareCandidates(a: CandidateFacts, b: CandidateFacts): number {
  if (a.green !== b.green) return a.green ? -1 : 1
  if (a.changedLines !== b.changedLines) return a.changedLines - b.changedLines
  if (a.agentRuns !== b.agentRuns) return a.agentRuns - b.agentRuns
  const costA = a.costUsd ?? Number.POSITIVE_INFINITY
  const costB = b.costUsd ?? Number.POSITIVE_INFINITY
  if (costA !== costB) return costA < costB ? -1 : 1
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0
}

/** Ranks the candidates and picks the best green one; says for each other why it lost. */
export function chooseCandidate(candidates: readonly CandidateFacts[]): CandidateChoice {
  const sorted = [...candidates].sort(compareCandidates)
  const best = sorted[0]?.green ? sorted[0] : undefined
  const ranked = sorted.map((c): RankedCandidate => {
    const chosen = c === best
    return { ...c, chosen, whyNot: chosen ? '' : whyNotChosen(c, best) }
  })
  return { ranked, winner: ranked.find((c) => c.chosen) }
}

/** One sentence: the first rule by which `c` lost to `best`. */
function whyNotChosen(c: CandidateFacts, best: CandidateFacts | undefined): string {
  if (c.refusal !== undefined) return 'its bundle was refused: it failed verification'
  if (c.verdict === NO_BUNDLE) return 'its propose job handed over no bundle'
  if (!c.green) return `the gate did not pass (${c.verdict})`
  if (!best) return 'not chosen'
  if (c.changedLines !== best.changedLines) return `${c.changedLines} changed lines, more than ${best.changedLines}`
  if (c.agentRuns !== best.agentRuns) return `${c.agentRuns} agent runs, more than ${best.agentRuns}`
  if (c.costUsd !== best.costUsd) {
    return c.costUsd === undefined
      ? 'no cost reported, after a known cost'
      : `cost ${formatCost(c.costUsd)}, more than ${formatCost(best.costUsd)}`
  }
  return `ties on every count; its name sorts after ${best.name}`
}

/** A cost as the table shows it: `$0.42`, or `—` when unknown. */
export function formatCost(costUsd: number | undefined): string {
  if (costUsd === undefined) return '—'
  return `$${costUsd < 0.01 && costUsd > 0 ? costUsd.toPrecision(2) : costUsd.toFixed(2)}`
}

/** Lines added plus lines removed by a `git diff`; each binary file counts as one. */
export function countChangedLines(patch: string): number {
  return parsePatch(patch).reduce((sum, file) => sum + (file.binary ? 1 : file.lines.filter((l) => l.kind !== 'context').length), 0)
}

/** A name safe in a markdown table cell: a label as it is, anything else with its odd characters replaced. */
export function displayName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '?').slice(0, 100)
  return safe === '' ? '?' : safe
}

/** The markdown table of every candidate, in the order of the choice. */
export function candidateTable(choice: CandidateChoice): string {
  const rows = choice.ranked.map(
    (c) =>
      `| \`${displayName(c.name)}\`${c.chosen ? ' ✅' : ''} | ${c.verdict} | ${c.refusal === undefined ? c.agentRuns : '—'} | ${
        c.refusal === undefined ? c.changedLines : '—'
      } | ${c.refusal === undefined ? formatCost(c.costUsd) : '—'} | ${c.chosen ? 'chosen' : c.whyNot} |`
  )
  return ['| candidate | verdict | agent runs | changed lines | cost | why not chosen |', '|---|---|---|---|---|---|', ...rows].join('\n')
}
