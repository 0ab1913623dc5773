/**
 * The draft pull request's description: what it does, the issue it closes, how many attempts it
 * took and what the gate said, and a footer that says a person decides. The table and list
 * builders are shared with the job summary.
 */
import type { Attempt, GateResult, Proposal, StepResult } from '../core/types.js'
import { formatUsage, totalUsage } from '../core/usage.js'
import type { FailingStep } from './failed-run-evidence.js'
import { findTestWeakening, formatFinding, type Finding } from '../core/test-weakening-policy.js'

/** Where the proposal comes from, for the summary line. */
export interface PullBodyContext {
  /** Issue-to-pr: the issue the PR closes. */
  issueNumber?: number
  /** Self-heal: the branch whose build was red. */
  failingBranch?: string
  /** Self-heal: the failed run that was healed. */
  failedRunUrl?: string
  /** Self-heal: the steps that failed in CI, listed before the gate's result after the fix. */
  failingSteps?: FailingStep[]
  /** Self-heal: agent runs spent on the failing branch across runs (kept in a hidden marker), and the cap. */
  healAttempts?: { spent: number; cap: number }
  /** This run of Gated Agent, for the footer. */
  runUrl?: string
}

/** The markdown body of the draft PR. */
export function pullRequestBody(proposal: Proposal, context: PullBodyContext = {}): string {
  const attempts = proposal.attempts.length
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`
  const sections: string[] = []
  if (proposal.job === 'issue-to-pr' && context.issueNumber !== undefined) {
    sections.push(`Implements #${context.issueNumber}; the repository's gate passed after ${tries}.`, `Closes #${context.issueNumber}`)
  } else if (proposal.job === 'self-heal') {
    const where = context.failingBranch ? ` on ${codeSpan(context.failingBranch)}` : ''
    const run = context.failedRunUrl ? ` ([failed run](${context.failedRunUrl}))` : ''
    sections.push(`Fixes the failing build${where}${run}; the gate reproduced the failure and passed after ${tries}.`)
    if (context.failingSteps && context.failingSteps.length > 0)
      sections.push(`### Failing in CI\n\n${failingStepsList(context.failingSteps)}`)
  } else {
    sections.push(`The repository's gate passed after ${tries}.`)
  }
  const files = proposal.change.paths.length
  sections.push(`**Files changed:** ${files}`)
  const weakened = proposal.job === 'issue-to-pr' ? findTestWeakening(proposal.change) : []
  if (weakened.length > 0) sections.push(testWarningSection(weakened))
  sections.push(`### Attempts\n\n${attemptsTable(proposal.attempts)}`)
  sections.push(`### Last gate run\n\n${gateResultList(proposal.lastGate)}`)
  const heal = context.healAttempts
  if (proposal.job === 'self-heal' && heal) {
    const where = context.failingBranch ? ` on ${codeSpan(context.failingBranch)}` : ''
    const left =
      heal.spent >= heal.cap
        ? 'the cap is spent: a later failure of the branch will not run the agent until this pull request is closed.'
        : 'a later failure of the branch updates this pull request, until the cap is spent.'
    sections.push(`**Agent runs spent${where}:** ${heal.spent} of ${heal.cap} (\`retry-cap\`); ${left}`)
  }
  const ranBy = context.runUrl ? `[Gated Agent](${context.runUrl})` : 'Gated Agent'
  sections.push(
    `---\n_A **draft** proposed by ${ranBy} for human review. The agent cannot merge, approve or mark it ready for review: a person reads the diff and decides._`
  )
  return `${sections.join('\n\n')}\n`
}

/** The warning a reviewer must read: tests this change deletes, skips or strips of assertions. */
export function testWarningSection(findings: readonly Finding[]): string {
  const listed = findings.slice(0, 30).map((finding) => `> - ${codeSpan(formatFinding(finding))}`)
  if (findings.length > 30) listed.push(`> - … and ${findings.length - 30} more`)
  return [
    `> [!WARNING]`,
    `> **This change weakens tests.** The issue may require it, but check each one: a deleted test, a removed assertion or a new skip lets broken code pass.`,
    '>',
    ...listed
  ].join('\n')
}

/** A markdown list of the steps that failed in CI, each as job › step. */
export function failingStepsList(steps: readonly FailingStep[]): string {
  if (steps.length === 0) return '_GitHub listed no failed step._'
  return steps.map((step) => `- ✗ ${failingStepText(step)}`).join('\n')
}

/** One failing CI step as markdown: `job` › `step`, or the job alone when it failed outside its steps. */
export function failingStepText(step: FailingStep): string {
  return step.step === undefined ? `${codeSpan(step.job)} (the job itself)` : `${codeSpan(step.job)} › ${codeSpan(step.step)}`
}

/**
 * A markdown table: attempt, agent exit, gate steps passed, duration, and the model usage when the
 * agent CLI reported any, with a total row over two or more attempts.
 */
export function attemptsTable(attempts: readonly Attempt[]): string {
  const total = totalUsage(attempts)
  const rows = attempts.map((attempt) => {
    const durationMs = attempt.agent.durationMs + (attempt.gate?.durationMs ?? 0)
    const usage = total ? ` ${formatUsage(attempt.agent.usage)} |` : ''
    return `| ${attempt.number} | ${agentExit(attempt)} | ${gateCount(attempt.gate)} | ${formatDuration(durationMs)} |${usage}`
  })
  const head = total
    ? ['| Attempt | Agent exit | Gate | Duration | Usage |', '| ---: | --- | --- | ---: | --- |']
    : ['| Attempt | Agent exit | Gate | Duration |', '| ---: | --- | --- | ---: |']
  if (total && attempts.length > 1) {
    const durationMs = attempts.reduce((sum, a) => sum + a.agent.durationMs + (a.gate?.durationMs ?? 0), 0)
    const unreported = total.reported < total.runs ? ` (${total.runs - total.reported} run(s) reported none)` : ''
    rows.push(`| **Total** | | | ${formatDuration(durationMs)} | ${formatUsage(total.usage)}${unreported} |`)
  }
  return [...head, ...rows].join('\n')
}

/** A markdown list of the gate's steps, each with ✓ or ✗, why it failed, and its duration. */
export function gateResultList(gate: GateResult): string {
  if (gate.steps.length === 0) return '_No gate steps ran._'
  return gate.steps.map((step) => `- ${step.ok ? '✓' : '✗'} ${codeSpan(step.name)} — ${stepOutcome(step)}`).join('\n')
}

/** A duration as people read it: `0.4s`, `12.3s`, `2m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(Math.max(0, ms) / 1000).toFixed(1)}s`
  const totalSeconds = Math.round(ms / 1000)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  return hours > 0 ? `${hours}h ${String(minutes).padStart(2, '0')}m` : `${minutes}m ${String(seconds).padStart(2, '0')}s`
}

function agentExit(attempt: Attempt): string {
  if (attempt.agent.timedOut) return 'timed out'
  return attempt.agent.exitCode === null ? 'killed' : String(attempt.agent.exitCode)
}

function gateCount(gate: GateResult | undefined): string {
  if (!gate) return 'not run'
  const passed = gate.steps.filter((step) => step.ok).length
  return `${gate.ok ? '✓' : '✗'} ${passed}/${gate.steps.length} passed`
}

function stepOutcome(step: StepResult): string {
  const duration = formatDuration(step.durationMs)
  if (step.ok) return duration
  if (step.timedOut) return `timed out after ${duration}`
  if (step.missingTool) return `command not found, ${duration}`
  return step.exitCode === null ? `failed, ${duration}` : `exit ${step.exitCode}, ${duration}`
}

/** Inline code that survives any content: a fence longer than the longest backtick run inside. */
export function codeSpan(text: string): string {
  const oneLine = text.replace(/\s*\n\s*/g, ' ')
  const longestRun = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = longestRun > 0 || oneLine.startsWith('`') || oneLine.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${oneLine}${pad}${fence}`
}
