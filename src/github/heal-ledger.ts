/**
 * The retry cap across runs. Each failing branch has one heal branch and one draft PR, updated on
 * later failures; the PR's body carries, in a hidden marker, how many agent runs were spent on the
 * branch so far. Once `retry-cap` runs are spent, self-heal stops and says so instead of spending
 * more: a build that keeps breaking needs a person. Closing the PR starts the count afresh.
 */
import type { GitHubApi, PullRef } from './github-api.js'
import { withLedger, type PrLedger } from './pr-ledger.js'

const MARKER = /<!--\s*gated-agent:heal\s+attempts=(\d{1,6})\s*-->/
const NOTE_START = '<!-- gated-agent:heal-note -->'
const NOTE_END = '<!-- /gated-agent:heal-note -->'

/** The hidden marker a heal PR body carries: `<!-- gated-agent:heal attempts=N -->`. */
export function healMarker(attemptsSpent: number): string {
  return `<!-- gated-agent:heal attempts=${Math.max(0, Math.floor(attemptsSpent))} -->`
}

/** The attempts a heal PR body records, or undefined when it carries no marker. */
export function readHealAttempts(body: string | undefined): number | undefined {
  const match = MARKER.exec(body ?? '')
  return match ? Number(match[1]) : undefined
}

/** The body with its marker set to `attemptsSpent` (replaced, or appended when absent). */
export function withHealMarker(body: string, attemptsSpent: number): string {
  if (MARKER.test(body)) return body.replace(MARKER, healMarker(attemptsSpent))
  return `${body.replace(/\s+$/, '')}\n\n${healMarker(attemptsSpent)}\n`
}

/**
 * The body with a status note at its top, between hidden delimiters, replacing any earlier note:
 * a later run says what happened to the latest failure without rewriting the proposal's text.
 */
export function withHealNote(body: string, note: string): string {
  const block = `${NOTE_START}\n> [!NOTE]\n${note
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')}\n${NOTE_END}`
  const start = body.indexOf(NOTE_START)
  const end = body.indexOf(NOTE_END)
  if (start >= 0 && end > start) return `${body.slice(0, start)}${block}${body.slice(end + NOTE_END.length)}`
  return `${block}\n\n${body}`
}

/** How many agent runs this run may spend on the failing branch. */
export type HealBudget =
  | { kind: 'fresh'; remaining: number }
  | { kind: 'carried'; pull: PullRef; spent: number; remaining: number }
  | { kind: 'spent'; pull: PullRef; spent: number }

/** Reads the open heal PR's marker and says what is left of `retryCap`. */
export async function readHealBudget(
  api: Pick<GitHubApi, 'findOpenPullByHead'>,
  healBranch: string,
  retryCap: number
): Promise<HealBudget> {
  const pull = await api.findOpenPullByHead(healBranch)
  if (!pull) return { kind: 'fresh', remaining: retryCap }
  // A PR on the heal branch without a marker (opened by hand, or edited away): nothing recorded.
  const spent = readHealAttempts(pull.body) ?? 0
  if (spent >= retryCap) return { kind: 'spent', pull, spent }
  return { kind: 'carried', pull, spent, remaining: retryCap - spent }
}

/**
 * Records on the open heal PR a run that did not update it: the new count in the marker, and a
 * note saying what happened. Title and body only; the PR's draft state is never touched.
 */
export async function recordHealRun(
  api: Pick<GitHubApi, 'updatePull'>,
  pull: PullRef,
  change: { attemptsSpent: number; note: string; fallbackTitle: string; ledger?: PrLedger }
): Promise<PullRef> {
  const counted = withHealMarker(pull.body ?? '', change.attemptsSpent)
  // The PR's ledger too (agent time and cost, for the budgets across runs), the heal marker kept.
  const ledgered = change.ledger ? withLedger(counted, { ...change.ledger, runs: change.attemptsSpent }, { keepHealMarker: true }) : counted
  const body = withHealNote(ledgered, change.note)
  return api.updatePull(pull.number, { title: pull.title || change.fallbackTitle, body })
}
