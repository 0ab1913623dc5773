import * as core from '@actions/core'
import type { Attempt, GateResult, LoopResult, ResultKind } from '../core/types.js'
import { attemptsTable, gateResultList } from '../github/pr-body.js'
import type { ProgressComment } from '../github/progress-comment.js'
import { listDenials } from '../core/supervised-loop.js'
import { formatCostOutput, totalUsage } from '../core/usage.js'

/** How a run of the action ended, for outputs, the job summary and the issue comment. */
export interface RunOutcome {
  result: ResultKind | 'skipped' | 'failed'
  reason: string
  job?: 'issue-to-pr' | 'self-heal'
  attempts: Attempt[]
  branch?: string
  prNumber?: number
  prUrl?: string
  patchPath?: string
  bundlePath?: string
  /** stage propose: the digest binding the bundle to the gate's verdict (output bundle-digest). */
  bundleDigest?: string
  /** stage propose: the artifact holding the bundle, when the runner offered artifact storage. */
  artifactName?: string
  /**
   * Best of N: stage propose's candidate (its digest is also output as bundle-digest-<candidate>,
   * so that a matrix's outputs do not overwrite each other), or the candidate stage publish chose.
   */
  candidate?: string
  /** Best of N, stage publish: the markdown table of every candidate (summary, comment, PR body). */
  candidates?: string
  /** Lines for the job summary only (not the issue comment): they may quote an untrusted bundle. */
  details?: string
  lastGate?: GateResult
  /** Lines worth showing as they are (what was pushed, what a dry run would have done). */
  notes: string[]
  /** Things the user should act on (no PID namespace, no review rule). */
  warnings: string[]
  runUrl?: string
  dryRun?: boolean
  /** Self-heal: what the heal ledger says after this run (agent runs spent on the failing branch). */
  healLedger?: HealLedgerFacts
  /** The agent broke the repository beyond restoring: why the work tree could not be put back. */
  unrestored?: string
}

/** Agent runs spent on a failing branch across runs, as the heal pull request records them. */
export interface HealLedgerFacts {
  failingBranch: string
  /** Agent runs spent on the branch, this run's included. */
  spent: number
  cap: number
  /** The open heal pull request this run recorded its spent runs on (it kept the earlier fix). */
  recordedOn?: number
}

/**
 * The reason as people read it (output `reason`, the summary, the comment): the job's reason, then
 * what the heal ledger says. The ledger sentences come from its fields, so nothing downstream
 * needs to read them back out of text.
 */
export function outcomeReason(outcome: RunOutcome): string {
  const ledger = outcome.healLedger
  if (!ledger) return outcome.reason
  const capSpent = ledger.spent >= ledger.cap
  if (ledger.recordedOn !== undefined) {
    return `${outcome.reason} Recorded on pull request #${ledger.recordedOn}: ${ledger.spent} of ${ledger.cap} agent runs spent on ${ledger.failingBranch}.${capSpent ? ' The retry cap is now spent there.' : ''}`
  }
  if (outcome.result === 'proposed' && capSpent) {
    return `${outcome.reason} The retry cap is now spent on ${ledger.failingBranch} (${ledger.spent} of ${ledger.cap} agent runs across runs): later failures will not run the agent until the heal pull request is closed.`
  }
  return outcome.reason
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
        ...(result.kind === 'rejected' && result.unrestored !== undefined ? { unrestored: result.unrestored } : {}),
        notes: []
      }
  }
}

/** Sets every output, so later steps can rely on each being present. */
export function setOutputs(outcome: RunOutcome): void {
  core.setOutput('result', outcome.result)
  core.setOutput('reason', outcomeReason(outcome))
  core.setOutput('pr-number', outcome.prNumber ?? '')
  core.setOutput('pr-url', outcome.prUrl ?? '')
  core.setOutput('branch', outcome.branch ?? '')
  core.setOutput('attempts', String(outcome.attempts.length || attemptOfPatch(outcome.patchPath)))
  core.setOutput('patch-path', outcome.patchPath ?? '')
  core.setOutput('bundle-path', outcome.bundlePath ?? '')
  core.setOutput('artifact-name', outcome.artifactName ?? '')
  core.setOutput('bundle-digest', outcome.bundleDigest ?? '')
  // Totals over the agent runs, as far as the CLI reported them: empty when it reported none, never 0.
  const total = totalUsage(outcome.attempts)?.usage
  core.setOutput('input-tokens', total?.inputTokens === undefined ? '' : String(total.inputTokens))
  core.setOutput('output-tokens', total?.outputTokens === undefined ? '' : String(total.outputTokens))
  core.setOutput('cost-usd', total?.costUsd === undefined ? '' : formatCostOutput(total.costUsd))
  core.setOutput('candidate', outcome.candidate ?? '')
  if (outcome.candidate && outcome.bundleDigest) core.setOutput(`bundle-digest-${outcome.candidate}`, outcome.bundleDigest)
}

/**
 * The outputs of a run an error ended: `result` is `failed`, `reason` the error, `patch-path`
 * the agent's last change when it got that far; every other output is set, empty.
 */
export function setFailureOutputs(reason: string, patchPath?: string): void {
  setOutputs({ result: 'failed', reason, attempts: [], notes: [], warnings: [], patchPath })
}

const REPORTED = Symbol.for('gated-agent.reported')

/** Marks an error whose outputs are set already, so the entry point does not set them again. */
export function markReported(error: unknown): void {
  if (typeof error === 'object' && error !== null) (error as Record<symbol, boolean>)[REPORTED] = true
}

/** Whether {@link markReported} was called on the error. */
export function wasReported(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, boolean>)[REPORTED] === true
}

/** The attempt a kept patch came from (`attempt-<n>.patch`), 0 when none. */
function attemptOfPatch(patchPath: string | undefined): number {
  return Number(/attempt-(\d+)\.patch$/.exec(patchPath ?? '')?.[1] ?? 0)
}

const ICON: Record<RunOutcome['result'], string> = {
  proposed: '✅',
  'no-change': '➖',
  'not-reproduced': '🔁',
  'gave-up': '🛑',
  'agent-failed': '💥',
  rejected: '⛔',
  skipped: '⏭️',
  failed: '💥'
}

/** The markdown shared by the job summary and the issue comment. */
export function outcomeMarkdown(outcome: RunOutcome): string {
  const parts: string[] = [`### ${ICON[outcome.result]} Gated Agent: \`${outcome.result}\``, outcomeReason(outcome)]
  if (outcome.prUrl) parts.push(`**Draft pull request:** [#${outcome.prNumber}](${outcome.prUrl}) from \`${outcome.branch}\``)
  else if (outcome.branch && outcome.result === 'proposed') parts.push(`**Branch:** \`${outcome.branch}\``)
  if (outcome.notes.length > 0) parts.push(outcome.notes.map((n) => `- ${n}`).join('\n'))
  if (outcome.candidates) parts.push(`#### Candidates (best of N)\n\n${outcome.candidates}`)
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
  if (outcome.unrestored !== undefined) {
    parts.push(
      `> [!CAUTION]\n> The work tree is not as the checkout left it (${outcome.unrestored.split('\n')[0]}): later steps of this job see what the agent left.`
    )
  }
  for (const warning of outcome.warnings) parts.push(`> [!WARNING]\n> ${warning}`)
  if (outcome.runUrl) parts.push(`[This run](${outcome.runUrl})`)
  return parts.join('\n\n')
}

/** Writes the job summary; a runner without a summary file is not an error. */
export async function writeSummary(outcome: RunOutcome): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const details = outcome.details ? `\n\n${outcome.details}` : ''
  await core.summary.addRaw(outcomeMarkdown(outcome) + details, true).write()
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

/**
 * Edits the progress comment with the outcome. A failure here changes nothing that happened (the
 * PR is open, the branch pushed): it becomes a warning on the outcome, never a failed run.
 */
export async function finishComment(comment: ProgressComment, outcome: RunOutcome, warn: (message: string) => void): Promise<void> {
  try {
    await comment.finish(outcomeMarkdown(outcome))
  } catch (error) {
    const what = outcome.prUrl ? `The draft pull request is open, but the progress comment` : 'The progress comment'
    const warning = `${what} could not be updated with the outcome (${(error as Error).message}); it may still say the run is working: ${comment.url}`
    warn(warning)
    outcome.warnings.push(warning)
  }
}
