/**
 * Model usage over a run's agent runs, as the agent CLIs reported it: totals, and the one way it is
 * written everywhere it is shown (log, job summary, PR body, the CLI's closing lines).
 */
import type { AgentUsage, Attempt } from './types.js'

/** The usage summed over the runs that reported any, and how many of the runs did. */
export interface UsageTotal {
  usage: AgentUsage
  /** Runs that reported usage. */
  reported: number
  /** Runs in all. */
  runs: number
}

/**
 * The sum of what the attempts' agent runs reported; undefined when none reported anything, so an
 * agent that reports nothing shows as unknown, never as 0. A count or cost no run reported stays
 * absent; one some runs reported is their sum (a lower bound when others reported none).
 */
export function totalUsage(attempts: readonly Pick<Attempt, 'agent'>[]): UsageTotal | undefined {
  const usages = attempts.map((a) => a.agent.usage).filter((u): u is AgentUsage => u !== undefined && hasAny(u))
  if (usages.length === 0) return undefined
  const sum = (key: 'inputTokens' | 'outputTokens' | 'costUsd'): number | undefined => {
    const values = usages.map((u) => u[key]).filter((v): v is number => v !== undefined)
    return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0)
  }
  const usage: AgentUsage = {}
  const input = sum('inputTokens')
  const output = sum('outputTokens')
  const cost = sum('costUsd')
  if (input !== undefined) usage.inputTokens = input
  if (output !== undefined) usage.outputTokens = output
  if (cost !== undefined) usage.costUsd = cost
  if (usages.some((u) => u.approximate)) usage.approximate = true
  return { usage, reported: usages.length, runs: attempts.length }
}

function hasAny(usage: AgentUsage): boolean {
  return usage.inputTokens !== undefined || usage.outputTokens !== undefined || usage.costUsd !== undefined
}

/** `1530 in / 273 out tokens, $0.0118` (`~1500 in` when the CLI rounded), as far as reported; `—` for nothing. */
export function formatUsage(usage: AgentUsage | undefined): string {
  if (!usage || !hasAny(usage)) return '—'
  const parts: string[] = []
  const about = usage.approximate ? '~' : ''
  if (usage.inputTokens !== undefined || usage.outputTokens !== undefined) {
    parts.push(`${about}${usage.inputTokens ?? '?'} in / ${about}${usage.outputTokens ?? '?'} out tokens`)
  }
  if (usage.costUsd !== undefined) parts.push(`$${usage.costUsd.toFixed(4)}`)
  return parts.join(', ')
}

/** A dollar amount for an output: plain decimal, float noise rounded away at a millionth of a cent. */
export function formatCostOutput(costUsd: number): string {
  return String(Number(costUsd.toFixed(8)))
}
