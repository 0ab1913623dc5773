/**
 * One ledger per agent pull request: every agent run spent on it, from the first proposal through
 * every follow-up and heal in place, with the agent's wall time and the cost it reported, kept in a
 * hidden marker in the PR body: `<!-- gated-agent:ledger runs=N agent-ms=M cost-usd=X -->`.
 * `follow-up-cap` bounds the runs; `max-agent-minutes` and `max-cost-usd` count what it records.
 *
 * Self-heal's heal PRs keep the same ledger (their retry cap across runs, below), and so do the PRs
 * two-job publish opens. The older heal marker (`<!-- gated-agent:heal attempts=N -->`, before the
 * ledger) is read as N runs and replaced when the body is next written. The body is
 * written only by the action and by people with write access, but it quotes text others wrote: a
 * marker is only ever read as the **largest** figures any marker in the body holds, so a forged
 * marker can raise the count (spending less), never lower it.
 */
import type { Attempt } from '../core/types.js'
import type { GitHubApi, PullRef } from './github-api.js'

/** What the agent runs on one pull request spent so far. */
export interface PrLedger {
  runs: number
  agentMs: number
  costUsd: number
}

const LEDGER = /<!--\s*gated-agent:ledger\s+runs=(\d{1,6})\s+agent-ms=(\d{1,15})\s+cost-usd=(\d{1,9}(?:\.\d{1,6})?)\s*-->/g
const OLD_HEAL = /<!--\s*gated-agent:heal\s+attempts=(\d{1,6})\s*-->/g
const NOTE_START = '<!-- gated-agent:heal-note -->'
const NOTE_END = '<!-- /gated-agent:heal-note -->'

/** An empty ledger: nothing spent. */
export const EMPTY_LEDGER: PrLedger = { runs: 0, agentMs: 0, costUsd: 0 }

/** The hidden marker for a ledger. */
export function ledgerMarker(ledger: PrLedger): string {
  const runs = Math.max(0, Math.floor(ledger.runs))
  const ms = Math.max(0, Math.round(ledger.agentMs))
  const cost =
    Math.max(0, ledger.costUsd)
      .toFixed(6)
      .replace(/\.?0+$/, '') || '0'
  return `<!-- gated-agent:ledger runs=${runs} agent-ms=${ms} cost-usd=${cost} -->`
}

/** The ledger a PR body records (the largest figures of any marker in it), or undefined when it has none. */
export function readLedger(body: string | null | undefined): PrLedger | undefined {
  const text = body ?? ''
  let found: PrLedger | undefined
  for (const match of text.matchAll(LEDGER)) {
    const next = { runs: Number(match[1]), agentMs: Number(match[2]), costUsd: Number(match[3]) }
    found = found ? maxOf(found, next) : next
  }
  for (const match of text.matchAll(OLD_HEAL)) {
    const next = { runs: Number(match[1]), agentMs: 0, costUsd: 0 }
    found = found ? maxOf(found, next) : next
  }
  return found
}

/** The body with its ledger set (every old or new marker replaced by one new marker, appended when absent). */
export function withLedger(body: string, ledger: PrLedger): string {
  const stripped = body.replace(LEDGER, '').replace(OLD_HEAL, '').replace(/\s+$/, '')
  return `${stripped}\n\n${ledgerMarker(ledger)}\n`
}

/** The ledger after this run's attempts: one run each, their agent time and reported cost added. */
export function addAttempts(ledger: PrLedger, attempts: readonly Attempt[]): PrLedger {
  return {
    runs: ledger.runs + attempts.length,
    agentMs: ledger.agentMs + attempts.reduce((sum, a) => sum + Math.max(0, a.agent.durationMs), 0),
    costUsd: ledger.costUsd + attempts.reduce((sum, a) => sum + Math.max(0, a.agent.usage?.costUsd ?? 0), 0)
  }
}

/** Two ledgers added up: what an open PR recorded and what this run spent. */
export function sumLedgers(a: PrLedger, b: PrLedger): PrLedger {
  return { runs: a.runs + b.runs, agentMs: a.agentMs + b.agentMs, costUsd: a.costUsd + b.costUsd }
}

/** The ledger in words, for the PR and the summary. */
export function describeLedger(ledger: PrLedger, cap: number): string {
  const minutes = (ledger.agentMs / 60_000).toFixed(1)
  const cost = ledger.costUsd > 0 ? `, $${ledger.costUsd.toFixed(4)} reported` : ''
  return `${ledger.runs} of ${cap} agent runs (\`follow-up-cap\`), ${minutes} agent minute(s)${cost}`
}

function maxOf(a: PrLedger, b: PrLedger): PrLedger {
  return { runs: Math.max(a.runs, b.runs), agentMs: Math.max(a.agentMs, b.agentMs), costUsd: Math.max(a.costUsd, b.costUsd) }
}

/**
 * The body with a status note at its top, between hidden delimiters, replacing any earlier note:
 * a later run (a heal that gave up, a follow-up) says what happened without rewriting the proposal.
 */
export function withStatusNote(body: string, note: string): string {
  const block = `${NOTE_START}\n> [!NOTE]\n${note
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')}\n${NOTE_END}`
  const start = body.indexOf(NOTE_START)
  const end = body.indexOf(NOTE_END)
  if (start >= 0 && end > start) return `${body.slice(0, start)}${block}${body.slice(end + NOTE_END.length)}`
  return `${block}\n\n${body}`
}

/**
 * Self-heal's cap across runs, read from the same ledger: each failing branch has one heal branch
 * and one draft PR, updated on later failures; once its ledger records `retry-cap` runs, self-heal
 * stops and says so instead of spending more (a build that keeps breaking needs a person). Closing
 * the PR starts the count afresh.
 */
export type HealBudget =
  | { kind: 'fresh'; remaining: number }
  | { kind: 'carried'; pull: PullRef; ledger: PrLedger; remaining: number }
  | { kind: 'spent'; pull: PullRef; ledger: PrLedger }

/** Reads the open heal PR's ledger and says what is left of `retryCap`. */
export async function readHealBudget(
  api: Pick<GitHubApi, 'findOpenPullByHead'>,
  healBranch: string,
  retryCap: number
): Promise<HealBudget> {
  const pull = await api.findOpenPullByHead(healBranch)
  if (!pull) return { kind: 'fresh', remaining: retryCap }
  // A PR on the heal branch without a marker (opened by hand, or edited away): nothing recorded.
  const ledger = readLedger(pull.body) ?? EMPTY_LEDGER
  if (ledger.runs >= retryCap) return { kind: 'spent', pull, ledger }
  return { kind: 'carried', pull, ledger, remaining: retryCap - ledger.runs }
}

/**
 * Records on an open PR a run that did not update its change: the ledger, and a note saying what
 * happened. Title and body only; the PR's draft state is never touched.
 */
export async function recordRun(
  api: Pick<GitHubApi, 'updatePull'>,
  pull: PullRef,
  change: { ledger: PrLedger; note: string; fallbackTitle: string }
): Promise<PullRef> {
  const body = withStatusNote(withLedger(pull.body ?? '', change.ledger), change.note)
  return api.updatePull(pull.number, { title: pull.title || change.fallbackTitle, body })
}
