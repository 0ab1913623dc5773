/**
 * One ledger per agent pull request: every agent run spent on it, from the first proposal through
 * every follow-up and heal in place, with the agent's wall time and the cost it reported, kept in a
 * hidden marker in the PR body: `<!-- gated-agent:ledger runs=N agent-ms=M cost-usd=X -->`.
 * `follow-up-cap` bounds the runs; `max-agent-minutes` and `max-cost-usd` count what it records.
 *
 * The older heal marker (`<!-- gated-agent:heal attempts=N -->`) is read as N runs. The body is
 * written only by the action and by people with write access, but it quotes text others wrote: a
 * marker is only ever read as the **largest** figures any marker in the body holds, so a forged
 * marker can raise the count (spending less), never lower it.
 */
import type { Attempt } from '../core/types.js'

/** What the agent runs on one pull request spent so far. */
export interface PrLedger {
  runs: number
  agentMs: number
  costUsd: number
}

const LEDGER = /<!--\s*gated-agent:ledger\s+runs=(\d{1,6})\s+agent-ms=(\d{1,15})\s+cost-usd=(\d{1,9}(?:\.\d{1,6})?)\s*-->/g
const OLD_HEAL = /<!--\s*gated-agent:heal\s+attempts=(\d{1,6})\s*-->/g

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
export function readLedger(body: string | undefined): PrLedger | undefined {
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

/**
 * The body with its ledger set (every old or new marker replaced by one new marker, appended when
 * absent). `keepHealMarker`: leave the old heal marker, which self-heal's heal PRs still keep.
 */
export function withLedger(body: string, ledger: PrLedger, options: { keepHealMarker?: boolean } = {}): string {
  const withoutLedger = body.replace(LEDGER, '')
  const stripped = (options.keepHealMarker ? withoutLedger : withoutLedger.replace(OLD_HEAL, '')).replace(/\s+$/, '')
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

/** The ledger in words, for the PR and the summary. */
export function describeLedger(ledger: PrLedger, cap: number): string {
  const minutes = (ledger.agentMs / 60_000).toFixed(1)
  const cost = ledger.costUsd > 0 ? `, $${ledger.costUsd.toFixed(4)} reported` : ''
  return `${ledger.runs} of ${cap} agent runs (\`follow-up-cap\`), ${minutes} agent minute(s)${cost}`
}

function maxOf(a: PrLedger, b: PrLedger): PrLedger {
  return { runs: Math.max(a.runs, b.runs), agentMs: Math.max(a.agentMs, b.agentMs), costUsd: Math.max(a.costUsd, b.costUsd) }
}
