/**
 * The supervised loop: the agent edits, the gate judges, failures go back to the agent, and a
 * green change goes to the proposer. It never merges; it only ever hands a change to a Proposer.
 *
 * The cap's arithmetic: **`retryCap` is the maximum number of agent runs, in both jobs.**
 * - issue-to-pr: up to `retryCap` agent runs, each followed by one gate run (gate runs = agent runs).
 * - self-heal: one gate run first on the unmodified tree (the reproduction, no agent); when it is
 *   red, up to `retryCap` agent runs, each followed by one gate run (gate runs = 1 + agent runs).
 *   An agent run that leaves the tree unchanged skips its gate run (the tree is the reproduction's,
 *   which was red) and still counts against the cap.
 *
 * No progress ends the loop early as `gave-up` (unless `stopOnNoProgress` is false): two attempts
 * in a row whose gates fail the same way (see failure-signature.ts), or whose changes are
 * byte-identical (the second is not gated: its tree is the first's, which was red). A green gate
 * always proposes, whatever came before.
 *
 * Budgets (`spendLimits`: agent minutes, and cost where the agent reports it) are checked before
 * each attempt: once the attempts' spending reaches one, the loop ends as `gave-up` with `budget`
 * set, before another agent run. Each run's timeout is what is left of the minutes budget; a run cut
 * short by it ends the same way. A run that reports no cost adds none. `spentBefore` (what earlier
 * runs on the same pull request spent, from its ledger) counts towards both budgets.
 *
 * Between attempts the tree is not restored: the agent iterates on its own change. Every end other
 * than `proposed` restores the tree; each attempt's change is first saved to a patch file, so
 * nothing is lost.
 */
import { sameFailure } from './failure-signature.js'
import { boundFailureText } from './output-tail.js'
import { attemptPatchFile, buildPrompt, taskFiles } from './prompt.js'
import { formatUsage } from './usage.js'
import type { InstructionsFile } from './types.js'
import type {
  Agent,
  AgentRun,
  AgentRunLimits,
  BudgetReached,
  Attempt,
  Change,
  ContextFile,
  Denial,
  Gate,
  GateResult,
  LoopResult,
  Policy,
  Proposer,
  Reporter,
  Task,
  Workspace
} from './types.js'

/** The ports the loop drives. */
export interface LoopDeps {
  agent: Agent
  gate: Gate
  workspace: Workspace
  proposer: Proposer
  /** Checks of the change that count as gate steps (protected paths, test weakening). */
  policies?: Policy[]
  reporter: Reporter
}

/** How much failing output goes back to the agent: per failed step, and in all. */
export interface FailureBudget {
  perStep: number
  total: number
}

/** Enough of each failure for an agent to act on, small enough to keep prompts cheap. */
export const DEFAULT_FAILURE_BUDGET: FailureBudget = { perStep: 8_000, total: 20_000 }

/** What the loop works on, and how long it may try. */
export interface LoopOptions {
  task: Task
  /** The maximum number of agent runs (an integer, at least 1). */
  retryCap: number
  instructions?: InstructionsFile
  failureBudget?: FailureBudget
  /** End the loop early when two attempts in a row make no progress; true by default. */
  stopOnNoProgress?: boolean
  /** Spending limits, checked before each attempt; each absent means no such budget. */
  spendLimits?: SpendLimits
}

/** The budgets: total agent wall time over the attempts, and total cost where the agent reports it. */
export interface SpendLimits {
  /** `max-agent-minutes`: a positive number of minutes. */
  agentMinutes?: number
  /** `max-cost-usd`: a positive number of US dollars; runs that report no cost add nothing. */
  costUsd?: number
  /**
   * What earlier runs on the same pull request spent (self-heal and PR follow-ups read it from the
   * PR's ledger): it counts towards both budgets, so a budget bounds the PR, not one run.
   */
  spentBefore?: { agentMs: number; costUsd: number }
}

/**
 * Thrown by a proposer that refuses a green change (e.g. a later check rejects it); the loop
 * turns it into a `rejected` result. Any other proposer error propagates to the front-end.
 */
export class ProposalRefusedError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ProposalRefusedError'
  }
}

/** Every end of the loop but `proposed`: each restores the tree and carries a reason. */
type Ended = Exclude<LoopResult, { kind: 'proposed' }>

/** A green attempt, waiting for the proposer. */
interface Green {
  kind: 'green'
  attempts: Attempt[]
  change: Change
  patchPath: string
  lastGate: GateResult
}

/** Runs the job's loop to its end; see the module comment for the cap's arithmetic. */
export async function runSupervisedLoop(deps: LoopDeps, options: LoopOptions): Promise<LoopResult> {
  if (!Number.isInteger(options.retryCap) || options.retryCap < 1) {
    throw new RangeError(`retryCap must be an integer of at least 1, got ${options.retryCap}`)
  }
  const { workspace, reporter } = deps
  const { preExistingDirty } = await workspace.begin()
  if (preExistingDirty.length > 0) {
    const shown = preExistingDirty.slice(0, 10).join(', ')
    const more = preExistingDirty.length > 10 ? ` and ${preExistingDirty.length - 10} more` : ''
    reporter.warning(
      `${preExistingDirty.length} path(s) were already changed before the run and are left out of the proposal: ${shown}${more}.`
    )
  }

  let outcome: Ended | Green
  try {
    outcome = await attemptUntilGreen(deps, options)
  } catch (error) {
    // An internal failure (a port threw): put the tree back, then let the error keep its stack.
    await tryRestore(workspace, reporter)
    throw error
  }
  if (outcome.kind !== 'green') return finish(deps, outcome)

  try {
    const proposed = await deps.proposer.propose({
      job: options.task.job,
      change: outcome.change,
      attempts: outcome.attempts,
      lastGate: outcome.lastGate,
      patchPath: outcome.patchPath
    })
    reporter.info(`Result: proposed (branch ${proposed.branch}${proposed.prUrl ? `, ${proposed.prUrl}` : ''}).`)
    return { kind: 'proposed', attempts: outcome.attempts, proposed, patchPath: outcome.patchPath, lastGate: outcome.lastGate }
  } catch (error) {
    if (!(error instanceof ProposalRefusedError)) {
      // Not proposed (a push rejected, GitHub unreachable): the change stays in its patch file only.
      await tryRestore(workspace, reporter)
      throw error
    }
    return finish(deps, {
      kind: 'rejected',
      attempts: outcome.attempts,
      patchPath: outcome.patchPath,
      reason: `The green change was refused before proposing: ${sentence(error.message)} It is kept in ${outcome.patchPath}.`
    })
  }
}

async function finish(deps: LoopDeps, result: Ended): Promise<LoopResult> {
  try {
    await deps.workspace.restore()
  } catch (error) {
    // A repository the agent broke (its .git deleted) may be beyond restoring: the result stands,
    // and says what could not be put back instead of claiming it was.
    if (result.kind !== 'rejected' || result.unusable === undefined) throw error
    const unrestored = error instanceof Error ? error.message : String(error)
    result = { ...result, unrestored, reason: unusableReason(result.unusable, unrestored) }
  }
  deps.reporter.info(`Result: ${result.kind}. ${result.reason}`)
  return result
}

/** The reason for a repository the agent broke, restored or (with `unrestored`) not. */
function unusableReason(unusable: string, unrestored?: string): string {
  const start = `The agent left the repository unusable (${unusable})`
  return unrestored === undefined
    ? `${start}; the work tree was restored and nothing is proposed.`
    : `${start}; nothing is proposed. The work tree could not be restored: ${unrestored}`
}

async function tryRestore(workspace: Workspace, reporter: Reporter): Promise<void> {
  try {
    await workspace.restore()
  } catch (error) {
    reporter.warning(`Could not restore the work tree: ${error instanceof Error ? error.message : String(error)}`)
  }
}

async function attemptUntilGreen(deps: LoopDeps, options: LoopOptions): Promise<Ended | Green> {
  const { agent, gate, workspace, reporter } = deps
  const { task, retryCap: cap } = options
  const budget = options.failureBudget ?? DEFAULT_FAILURE_BUDGET
  const attempts: Attempt[] = []
  let lastGate: GateResult | undefined
  let reproduction: string | undefined

  if (task.job === 'self-heal') {
    reporter.startGroup('Reproduction: the gate on the unmodified tree')
    try {
      lastGate = await gate.run('reproduction')
      reportGate(reporter, 'reproduction', lastGate)
      reporter.info(
        lastGate.ok ? 'Gate green: the failure does not reproduce.' : 'Gate red: the failure reproduces; asking the agent for a fix.'
      )
    } finally {
      reporter.endGroup()
    }
    const unusable = gateCannotRun(lastGate)
    if (unusable !== undefined) {
      reporter.info('Decision: the gate cannot run on this runner; the agent is not run.')
      return { kind: 'rejected', attempts, reason: `${unusable} The agent was not run.` }
    }
    if (lastGate.ok) {
      return {
        kind: 'not-reproduced',
        attempts,
        reproduction: lastGate,
        reason:
          'The gate passes on the unmodified tree, so the failure does not reproduce here: the agent was not run and nothing is proposed.'
      }
    }
    reproduction = boundFailureText(lastGate.steps, budget)
  }

  let previousFailure: string | undefined
  let previousMadeNoChange = false
  // The files the prompt names go to the agent's context directory; an agent without one gets none.
  const contextDir = agent.contextDir
  const files = contextDir ? taskFiles(task) : []
  const patches: ContextFile[] = []
  const stopOnNoProgress = options.stopOnNoProgress ?? true
  /** The previous attempt's change and (when it was gated) its red gate, for the no-progress stop. */
  let previous: { patch: string; gate?: GateResult } | undefined
  const limits = options.spendLimits ?? {}
  for (let n = 1; n <= cap; n++) {
    const reached = budgetReached(attempts, limits)
    if (reached !== undefined) {
      reporter.info(`Decision: the ${budgetName(reached)} budget is spent; stopping before attempt ${n}.`)
      return budgetStop(attempts, lastGate, cap, reached, limits.spentBefore)
    }
    reporter.startGroup(`Attempt ${n}/${cap}`)
    try {
      const prompt = buildPrompt({
        task,
        instructions: options.instructions,
        reproduction,
        previousFailure,
        previousMadeNoChange,
        attempt: n,
        contextDir,
        earlierPatches: patches.map((p) => p.name)
      })
      const runLimits: AgentRunLimits = {}
      if (limits.agentMinutes !== undefined) {
        runLimits.timeoutMs = Math.max(1, Math.ceil(limits.agentMinutes * 60_000 - agentMs(attempts) - (limits.spentBefore?.agentMs ?? 0)))
      }
      const run = await agent.run(prompt, n, [...files, ...patches], runLimits)
      reportAgent(reporter, n, cap, run)
      const attempt: Attempt = { number: n, agent: run }
      attempts.push(attempt)

      const broken = await workspace.checkIntact()
      if (broken !== undefined) {
        reporter.info('Decision: the agent broke the repository; stopping.')
        return {
          kind: 'rejected',
          attempts,
          unusable: broken,
          reason: unusableReason(broken)
        }
      }

      const change = await workspace.change()
      const empty = change.paths.length === 0
      if (!empty) attempt.patchPath = await workspace.savePatch(change, `attempt-${n}`)
      if (!empty && contextDir) patches.push(attemptPatchFile(n, change.patch))

      const cutShort = run.timedOut ? budgetReached(attempts, limits) : undefined
      if (cutShort !== undefined) {
        // The run was stopped at what was left of the minutes budget, not at the agent's own timeout.
        reporter.info(`Decision: the agent was stopped at the end of the ${budgetName(cutShort)} budget; stopping.`)
        return budgetStop(attempts, lastGate, cap, cutShort, limits.spentBefore)
      }
      if (run.timedOut || run.exitCode !== 0) {
        reporter.info('Decision: the agent command failed; stopping.')
        const how = run.timedOut ? `timed out after ${seconds(run.durationMs)}` : `exited with code ${run.exitCode}`
        const kept = attempt.patchPath ? `its change is kept in ${attempt.patchPath}` : 'it changed nothing'
        return {
          kind: 'agent-failed',
          attempts,
          exitCode: run.exitCode,
          patchPath: attempt.patchPath,
          reason: `The agent command ${how} on attempt ${n}; ${kept}, and the work tree was restored.`
        }
      }

      const deniedEdits = (run.denials ?? []).filter((d) => d.kind !== 'read')
      const deniedReads = (run.denials ?? []).filter((d) => d.kind === 'read')
      if (empty && deniedEdits.length > 0) {
        reporter.info('Decision: the agent was refused its edits; stopping.')
        return {
          kind: 'agent-failed',
          attempts,
          exitCode: run.exitCode,
          reason: `The agent changed nothing because its CLI denied it ${deniedEdits.length} edit(s) or other tool use(s): ${listDenials(run.denials ?? [])}. Give the agent CLI permission to edit files in the work tree.`
        }
      }
      if (run.denials && run.denials.length > 0) {
        reporter.warning(`The agent's CLI denied it ${run.denials.length} tool use(s) on attempt ${n}: ${listDenials(run.denials)}.`)
      }
      if (empty && deniedReads.length > 0 && task.job === 'issue-to-pr') {
        reporter.info('Decision: the agent made no change after its CLI refused it a read; nothing to propose.')
        return {
          kind: 'no-change',
          attempts,
          reason: `The agent made no change, and its CLI denied it ${deniedReads.length} read(s) (not edits): ${listDenials(deniedReads)}. It could not see everything it was pointed at; a file outside the work tree is beyond most agent CLIs' default permissions.`
        }
      }

      if (stopOnNoProgress && n < cap && previous !== undefined && previous.patch === change.patch) {
        reporter.info("Decision: the change is the same as the previous attempt's; stopping early.")
        const what = empty
          ? `attempts ${n - 1} and ${n} both left the work tree unchanged`
          : `attempt ${n}'s change is byte-identical to attempt ${n - 1}'s, whose gate was red`
        return noProgress(attempts, lastGate, cap, n, 'same-change', `${what}, so it was not gated again`)
      }

      if (empty) {
        if (task.job === 'issue-to-pr') {
          reporter.info('Decision: the agent made no change; nothing to propose.')
          return {
            kind: 'no-change',
            attempts,
            reason:
              n === 1
                ? 'The agent made no change to the work tree, so there is nothing to gate or propose.'
                : `The agent's attempt ${n} left the work tree as it started (it undid its earlier change), so there is nothing to propose.`
          }
        }
        // Self-heal: the unchanged tree is the reproduction's, which was red.
        previous = { patch: '' }
        previousFailure = undefined
        previousMadeNoChange = true
        reporter.info(
          n < cap
            ? 'Decision: the agent changed nothing; the gate is still red; asking again.'
            : 'Decision: the agent changed nothing and the retry cap is spent.'
        )
        continue
      }

      const judged = await judge(deps, change, `attempt-${n}`)
      attempt.gate = judged
      lastGate = judged
      reportGate(reporter, `attempt-${n}`, judged)
      const unusable = gateCannotRun(judged)
      if (unusable !== undefined) {
        reporter.info('Decision: the gate cannot run on this runner; stopping before another agent run.')
        const kept = attempt.patchPath ? ` The agent's change is kept in ${attempt.patchPath}.` : ''
        return {
          kind: 'rejected',
          attempts,
          patchPath: attempt.patchPath,
          reason: `${unusable} No further agent run was spent (${n} of ${cap} used).${kept}`
        }
      }
      if (judged.ok) {
        reporter.info('Decision: gate green; proposing the change.')
        return { kind: 'green', attempts, change, patchPath: attempt.patchPath as string, lastGate: judged }
      }
      if (stopOnNoProgress && n < cap && previous?.gate !== undefined && sameFailure(previous.gate, judged)) {
        reporter.info('Decision: gate red the same way as the previous attempt; stopping early.')
        const failed = judged.steps.filter((s) => !s.ok).map((s) => s.name)
        return noProgress(
          attempts,
          lastGate,
          cap,
          n,
          'same-failure',
          `attempts ${n - 1} and ${n} failed the gate the same way (${failed.join(', ')}: the same failure lines once numbers, hashes, paths and timings are set aside)`
        )
      }
      previous = { patch: change.patch, gate: judged }
      previousFailure = boundFailureText(judged.steps, budget)
      previousMadeNoChange = false
      reporter.info(
        n < cap ? 'Decision: gate red; feeding the failure back to the agent.' : 'Decision: gate red and the retry cap is spent.'
      )
    } finally {
      reporter.endGroup()
    }
  }

  const patchPath = [...attempts].reverse().find((a) => a.patchPath !== undefined)?.patchPath
  return {
    kind: 'gave-up',
    attempts,
    patchPath,
    lastGate,
    reason:
      `The gate was still red after ${cap} agent run(s), the retry cap; ` +
      (patchPath ? `the last change is kept in ${patchPath}.` : 'the agent never changed anything.')
  }
}

/** Why the gate cannot judge at all (a step's command is missing or cannot be executed): setup, not code. */
export function gateCannotRun(gate: GateResult): string | undefined {
  const steps = gate.steps.filter((step) => !step.policy && step.missingTool && !step.ok)
  if (steps.length === 0) return undefined
  const named = steps.map((step) => `\`${step.name}\` (${step.exitCode === null ? 'could not start' : `exit ${step.exitCode}`})`).join(', ')
  const hint = /hint: (.*)$/m.exec(steps[0].tail)?.[1]
  return (
    `Setup error: the gate cannot run on this runner: step ${named} found no command to run, which is not a verdict on any change.` +
    (hint ? ` ${hint}` : ' Install the command before the gate, or change the gate.')
  )
}

/** The early `gave-up` of an agent that stopped converging, with the runs it saved. */
function noProgress(
  attempts: Attempt[],
  lastGate: GateResult | undefined,
  cap: number,
  n: number,
  why: 'same-failure' | 'same-change',
  what: string
): Ended {
  const patchPath = [...attempts].reverse().find((a) => a.patchPath !== undefined)?.patchPath
  const runsSaved = cap - n
  return {
    kind: 'gave-up',
    attempts,
    patchPath,
    lastGate,
    noProgress: { why, runsSaved },
    reason:
      `Stopped early, no progress: ${what}. Another run was unlikely to help, so ${runsSaved} of the retry cap's ${cap} agent run(s) were saved; ` +
      (patchPath ? `the last change is kept in ${patchPath}.` : 'the agent never changed anything.') +
      ' To spend the whole cap instead, set stop-on-no-progress to false (CLI: --no-stop-on-no-progress).'
  }
}

/** Agent wall time spent over the attempts so far, in milliseconds. */
function agentMs(attempts: readonly Attempt[]): number {
  return attempts.reduce((sum, a) => sum + a.agent.durationMs, 0)
}

/** The first budget the attempts' spending has reached, if any; unreported cost counts as none. */
function budgetReached(attempts: readonly Attempt[], limits: SpendLimits): BudgetReached | undefined {
  const before = limits.spentBefore ?? { agentMs: 0, costUsd: 0 }
  if (limits.agentMinutes !== undefined) {
    const spent = (agentMs(attempts) + before.agentMs) / 60_000
    if (spent >= limits.agentMinutes) return { kind: 'minutes', spent, limit: limits.agentMinutes }
  }
  if (limits.costUsd !== undefined) {
    const spent = attempts.reduce((sum, a) => sum + (a.agent.usage?.costUsd ?? 0), before.costUsd)
    if (spent >= limits.costUsd) return { kind: 'cost', spent, limit: limits.costUsd }
  }
  return undefined
}

function budgetName(reached: BudgetReached): string {
  return reached.kind === 'minutes' ? 'max-agent-minutes' : 'max-cost-usd'
}

/** The `gave-up` of a run whose spending reached a budget, the last change kept. */
function budgetStop(
  attempts: Attempt[],
  lastGate: GateResult | undefined,
  cap: number,
  reached: BudgetReached,
  before?: SpendLimits['spentBefore']
): Ended {
  const patchPath = [...attempts].reverse().find((a) => a.patchPath !== undefined)?.patchPath
  const what =
    reached.kind === 'minutes'
      ? `the agent ran ${reached.spent.toFixed(2)} minute(s), reaching max-agent-minutes (${reached.limit})`
      : `the agent reported $${reached.spent.toFixed(4)} in cost, reaching max-cost-usd ($${reached.limit})`
  return {
    kind: 'gave-up',
    attempts,
    patchPath,
    lastGate,
    budget: reached,
    reason:
      `Stopped at a budget: ${what} over ${attempts.length} of the retry cap's ${cap} agent run(s)` +
      (before && (before.agentMs > 0 || before.costUsd > 0) ? ' and the earlier runs on this pull request (its ledger)' : '') +
      ', without a green gate; ' +
      (patchPath ? `the last change is kept in ${patchPath}.` : 'the agent never changed anything.') +
      ` To allow more, raise ${budgetName(reached)}.`
  }
}

/** The gate's verdict with the policies' steps appended: a failing policy makes it red. */
async function judge(deps: LoopDeps, change: Change, label: string): Promise<GateResult> {
  const result = await deps.gate.run(label)
  const policySteps = []
  for (const policy of deps.policies ?? []) {
    policySteps.push({ ...(await policy.check(change)), policy: true })
  }
  const steps = [...result.steps, ...policySteps]
  return { ok: result.ok && policySteps.every((s) => s.ok), steps, durationMs: result.durationMs }
}

function reportAgent(reporter: Reporter, n: number, cap: number, run: AgentRun): void {
  const exit = run.timedOut ? 'timed out' : `exit ${run.exitCode}`
  const usage = run.usage ? formatUsage(run.usage) : '—'
  const spent = usage === '—' ? '' : `, ${usage}`
  reporter.info(`Agent run ${n}/${cap}: ${exit}, ${seconds(run.durationMs)}${spent}.`)
}

function reportGate(reporter: Reporter, label: string, gate: GateResult): void {
  const passed = gate.steps.filter((s) => s.ok).length
  const failed = gate.steps.filter((s) => !s.ok).map((s) => s.name)
  const which = failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''
  reporter.info(`Gate ${label}: ${passed}/${gate.steps.length} steps passed in ${seconds(gate.durationMs)}${which}.`)
}

/** `read denied: Read /x/y.md; edit denied: Write /repo/a.ts`, at most ten of them. */
export function listDenials(denied: readonly Denial[]): string {
  const shown = denied
    .slice(0, 10)
    .map((d) => `${d.kind} denied: ${d.tool}${d.target === undefined ? '' : ` ${d.target}`}`)
    .join('; ')
  return denied.length > 10 ? `${shown}; and ${denied.length - 10} more` : shown
}

/** Ends a message with exactly one full stop, so it reads as a sentence inside the reason. */
function sentence(message: string): string {
  return message.trim().replace(/[.\s]+$/, '') + '.'
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`
}
