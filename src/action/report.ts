import * as core from '@actions/core'
import type { Attempt, GateResult, LoopResult, ResultKind } from '../core/types.js'
import { attemptsTable, gateResultList } from '../github/pr-body.js'
import { listDenials } from '../core/supervised-loop.js'

/** How a run of the action ended, for outputs, the job summary and the issue comment. */
export interface RunOutcome {
  result: ResultKind | 'skipped'
  reason: string
  job?: 'issue-to-pr' | 'self-heal'
  attempts: Attempt[]
  branch?: string
  prNumber?: number
  prUrl?: string
  patchPath?: string
  bundlePath?: string
  /** stage propose: the artifact holding the bundle, when the runner offered artifact storage. */
  artifactName?: string
  lastGate?: GateResult
  /** Lines worth showing as they are (what was pushed, what a dry run would have done). */
  notes: string[]
  /** Things the user should act on (no PID namespace, no review rule). */
  warnings: string[]
  runUrl?: string
  dryRun?: boolean
}

/** Turns the loop's value into the outcome the front-end reports. */
export function outcomeFromLoop(result: LoopResult, extra: Pick<RunOutcome, 'job' | 'runUrl' | 'dryRun' | 'warnings'>): RunOutcome {
  const base = { ...extra, attempts: result.attempts.filter((a) => a.number > 0) }
  switch (result.kind) {
    case 'proposed':
      return {
        ...base,
        result: 'proposed',
        reason: extra.dryRun
          ? `Dry run: the gate passed after ${base.attempts.length} agent run(s); nothing was pushed.`
          : `The gate passed after ${base.attempts.length} agent run(s); a draft pull request awaits review.`,
        branch: result.proposed.branch,
        prNumber: result.proposed.prNumber,
        prUrl: result.proposed.prUrl,
        patchPath: result.patchPath,
        lastGate: result.lastGate,
        notes: result.proposed.notes
      }
    case 'not-reproduced':
      return { ...base, result: result.kind, reason: result.reason, lastGate: result.reproduction, notes: [] }
    case 'gave-up':
      return { ...base, result: result.kind, reason: result.reason, patchPath: result.patchPath, lastGate: result.lastGate, notes: [] }
    default:
      return {
        ...base,
        result: result.kind,
        reason: result.reason,
        patchPath: 'patchPath' in result ? result.patchPath : undefined,
        notes: []
      }
  }
}

/** Sets every output, so later steps can rely on each being present. */
export function setOutputs(outcome: RunOutcome): void {
  core.setOutput('result', outcome.result)
  core.setOutput('reason', outcome.reason)
  core.setOutput('pr-number', outcome.prNumber ?? '')
  core.setOutput('pr-url', outcome.prUrl ?? '')
  core.setOutput('branch', outcome.branch ?? '')
  core.setOutput('attempts', String(outcome.attempts.length))
  core.setOutput('patch-path', outcome.patchPath ?? '')
  core.setOutput('bundle-path', outcome.bundlePath ?? '')
  core.setOutput('artifact-name', outcome.artifactName ?? '')
}

const ICON: Record<RunOutcome['result'], string> = {
  proposed: '✅',
  'no-change': '➖',
  'not-reproduced': '🔁',
  'gave-up': '🛑',
  'agent-failed': '💥',
  rejected: '⛔',
  skipped: '⏭️'
}

/** The markdown shared by the job summary and the issue comment. */
export function outcomeMarkdown(outcome: RunOutcome): string {
  const parts: string[] = [`### ${ICON[outcome.result]} Gated Agent: \`${outcome.result}\``, outcome.reason]
  if (outcome.prUrl) parts.push(`**Draft pull request:** [#${outcome.prNumber}](${outcome.prUrl}) from \`${outcome.branch}\``)
  else if (outcome.branch && outcome.result === 'proposed') parts.push(`**Branch:** \`${outcome.branch}\``)
  if (outcome.notes.length > 0) parts.push(outcome.notes.map((n) => `- ${n}`).join('\n'))
  if (outcome.attempts.length > 0) parts.push(`#### Attempts\n\n${attemptsTable(outcome.attempts)}`)
  const denied = outcome.attempts.filter((a) => (a.agent.denials ?? []).length > 0)
  if (denied.length > 0) {
    // A refused read is not a refused edit: each says which tool was refused, and on what.
    const rows = denied.map((a) => `- Attempt ${a.number}: ${listDenials(a.agent.denials ?? [])}`)
    parts.push(`#### Tool uses the agent's CLI denied\n\n${rows.join('\n')}`)
  }
  if (outcome.lastGate) parts.push(`#### Last gate run\n\n${gateResultList(outcome.lastGate)}`)
  if (outcome.patchPath && outcome.result !== 'proposed') {
    parts.push(`The last attempt's change is kept in \`${outcome.patchPath}\` (output \`patch-path\`).`)
  }
  for (const warning of outcome.warnings) parts.push(`> [!WARNING]\n> ${warning}`)
  if (outcome.runUrl) parts.push(`[This run](${outcome.runUrl})`)
  return parts.join('\n\n')
}

/** Writes the job summary; a runner without a summary file is not an error. */
export async function writeSummary(outcome: RunOutcome): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  await core.summary.addRaw(outcomeMarkdown(outcome), true).write()
}

/** An outcome that did nothing, and why (not our event, an actor who may not trigger, a closed issue). */
export function skipped(job: 'issue-to-pr' | 'self-heal' | undefined, reason: string, context: { runUrl: string }): RunOutcome {
  return {
    result: 'skipped',
    reason,
    ...(job === 'self-heal' ? { job } : {}),
    attempts: [],
    notes: [],
    warnings: [],
    runUrl: context.runUrl
  }
}
