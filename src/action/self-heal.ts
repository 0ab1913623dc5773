import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ActionSettings } from './settings.js'
import { createRunDirectory, type RunnerContext } from './runner-context.js'
import type { FencedLog } from './log.js'
import { skipped, type RunOutcome } from './report.js'
import { guardBaseBranch, runGatedLoop } from './gated-loop.js'
import { branchNameProblem, healBranchName } from '../core/naming.js'
import type { GitHubApi, GitHubUser } from '../github/github-api.js'
import { checkActorMayTrigger, isBotActor } from '../github/permissions.js'
import { checkHealableRun, failedRunFromApi, type HealTrigger } from '../github/heal-events.js'
import {
  evidenceDocument,
  evidenceExcerpt,
  failedJobsOf,
  failingSteps,
  withLogTails,
  type FailedRunEvidence,
  type FailingStep
} from '../github/failed-run-evidence.js'
import { addAttempts, EMPTY_LEDGER, readHealBudget, recordRun, type HealBudget, type PrLedger } from '../github/pr-ledger.js'
import { codeSpan, failingStepText, pullRequestBody } from '../github/pr-body.js'
import { createGitRunner, readFrozenGitConfig, type GitRunner } from '../runtime/git/git.js'
import { GitWorkspace } from '../runtime/git/git-workspace.js'
import { InputError } from '../core/input-values.js'
import type { Task } from '../core/types.js'

/**
 * The self-heal job on GitHub: a red build (a failed `workflow_run`, a `run-id`, or this job after
 * a failed step) is checked against the guards, CI's record of the failure becomes evidence for
 * the agent, the work tree is put on the failing commit, and the gated loop (reproduce first, then
 * fix, tests kept honest) runs with what is left of the retry cap on that branch. A green fix is a
 * draft PR into the failing branch, from one stable heal branch per failing branch.
 */

/** What self-heal acts on, as `decideJob` resolved it. */
export type SelfHealTrigger = Exclude<HealTrigger, { kind: 'skip' }>

/** Knobs for tests; the action uses the defaults. */
export interface SelfHealOptions {
  /**
   * In-job: how long to wait before looking once more for the failed step when GitHub lists none
   * yet (the step's result may reach the API a moment after the step ends).
   */
  recheckDelayMs?: number
  /** Runs the gated loop (agent, gate, proposal); the real one by default. */
  runGatedLoop?: typeof runGatedLoop
}

/** The failed build, whatever the trigger. */
interface HealTarget {
  runId: number
  /** The attempt whose jobs are the evidence; undefined: the latest. */
  attempt?: number
  runName: string
  runUrl: string
  branch: string
  sha: string
  actors: GitHubUser[]
  inJob: boolean
}

/** Runs self-heal and returns its outcome; refusals are `skipped` with the reason. */
export async function runSelfHeal(
  settings: ActionSettings,
  context: RunnerContext,
  trigger: SelfHealTrigger,
  api: GitHubApi,
  log: FencedLog,
  options: SelfHealOptions = {}
): Promise<RunOutcome> {
  const warnings: string[] = []
  const resolved = await resolveTarget(trigger, settings, context, api)
  if (resolved.kind === 'skip') return skipped('self-heal', resolved.reason, context)
  const target = resolved.target

  if (target.actors.length === 0) return skipped('self-heal', 'The event names no actor whose permission could be checked.', context)
  for (const actor of target.actors) {
    const permission = await checkActorMayTrigger(api, { login: actor.login, isBot: isBotActor(actor), allowedBots: settings.allowedBots })
    if (!permission.allowed) return skipped('self-heal', permission.reason, context)
    log.info(`${actor.login} (${permission.role}) may trigger self-heal.`)
  }

  let jobs = await api.listRunJobs(target.runId, target.attempt)
  let failed = failedJobsOf(jobs)
  if (target.inJob && failed.length === 0) {
    await new Promise((resolve) => setTimeout(resolve, options.recheckDelayMs ?? 2_000))
    jobs = await api.listRunJobs(target.runId, target.attempt)
    failed = failedJobsOf(jobs)
  }
  if (target.inJob && failed.length === 0) {
    return skipped(
      'self-heal',
      'No step of this run has failed, so there is nothing to heal: run Gated Agent after your build and test steps with `if: failure()`. (To heal another run, dispatch with run-id.)',
      context
    )
  }
  const steps = failingSteps({ failedJobs: failed })
  const runLink = `[${target.runName ? `${target.runName.replace(/[[\]\s]+/g, ' ').trim()} ` : 'run '}${target.runId}](${target.runUrl})`
  log.info(
    `Healing ${target.branch} at ${target.sha.slice(0, 12)}: CI run ${target.runId} failed at ${steps.length > 0 ? steps.map(plainStep).join('; ') : 'no listed step'}.`
  )

  const healBranch = healBranchName(settings.branchPrefix, target.branch)
  const branchProblem = branchNameProblem(healBranch)
  if (branchProblem) return skipped('self-heal', `Cannot heal ${target.branch}: the heal branch ${healBranch} ${branchProblem}`, context)
  const title = `Agent: fix the failing build on ${target.branch}`.slice(0, 240)
  const mayWrite = !settings.dryRun && settings.stage !== 'propose'
  const budget = await readHealBudget(api, healBranch, settings.retryCap)
  const ciNotes = [
    `Healing ${runLink} of ${codeSpan(target.branch)} at \`${target.sha.slice(0, 12)}\`.`,
    ...steps.slice(0, 20).map((s) => `CI failed at ${failingStepText(s)}`)
  ]
  if (budget.kind === 'spent') {
    const pull = budget.pull
    if (mayWrite) {
      await recordRun(api, pull, {
        ledger: budget.ledger,
        fallbackTitle: title,
        note: `[A later run](${context.runUrl}) found ${codeSpan(target.branch)} failing again (${runLink}), but the retry cap is spent: ${budget.ledger.runs} of ${settings.retryCap} agent runs were used on this branch, so the agent was not run. A person should look; closing this pull request starts the count afresh.`
      })
    }
    return {
      result: 'gave-up',
      reason: `The retry cap is spent on ${target.branch}: ${budget.ledger.runs} of ${settings.retryCap} agent runs were used across earlier runs (pull request #${pull.number}), so this failure gets none and the agent was not run. A person should look; closing that pull request starts the count afresh.`,
      job: 'self-heal',
      attempts: [],
      branch: healBranch,
      prNumber: pull.number,
      prUrl: pull.url,
      notes: ciNotes,
      warnings,
      runUrl: context.runUrl,
      dryRun: settings.dryRun
    }
  }
  // What earlier runs on the heal PR spent (its ledger): the retry cap and the budgets count it.
  const ledgerBefore = budget.kind === 'carried' ? budget.ledger : EMPTY_LEDGER
  const spentBefore = ledgerBefore.runs
  if (budget.kind === 'carried') {
    log.info(
      `Pull request #${budget.pull.number} already heals ${target.branch}: ${spentBefore} of ${settings.retryCap} agent runs spent, ${budget.remaining} left.`
    )
  }

  await guardBaseBranch(api, target.branch, settings, log, warnings)

  const evidence: FailedRunEvidence = {
    run: {
      id: target.runId,
      name: target.runName,
      htmlUrl: target.runUrl,
      branch: target.branch,
      sha: target.sha,
      attempt: target.attempt
    },
    jobCount: jobs.length,
    failedJobs: await withLogTails(api, failed)
  }
  const runDir = await createRunDirectory(context)
  // A record of what the agent was given, outside the work tree; the agent gets its own copy in its
  // context directory inside the work tree (an agent CLI may refuse to read anything outside it).
  const document = evidenceDocument(evidence)
  await writeFile(path.join(runDir, `ci-evidence-run-${target.runId}.md`), document)

  // Before the agent runs: the user's proxy and CA settings are read as they are.
  const git = createGitRunner(context.workspace, process.env, { frozenConfig: await readFrozenGitConfig(context.workspace) })
  await checkOutFailingCommit(git, context.workspace, target, settings.token, log)

  const task: Task = { job: 'self-heal', evidence: document, evidenceExcerpt: evidenceExcerpt(evidence) }

  const outcome = await (options.runGatedLoop ?? runGatedLoop)(settings, context, log, {
    task,
    runDir,
    branch: healBranch,
    base: target.branch,
    title,
    body: (proposal) =>
      pullRequestBody(proposal, {
        failingBranch: target.branch,
        failedRunUrl: target.runUrl,
        runUrl: context.runUrl,
        failingSteps: steps,
        healAttempts: { spent: spentBefore + proposal.attempts.length, cap: settings.retryCap }
      }),
    api,
    warnings,
    subject: {
      kind: 'run',
      id: target.runId,
      branch: target.branch,
      failingSteps: steps
        .slice(0, 20)
        .map((s) => ({ job: s.job.slice(0, 200), ...(s.step === undefined ? {} : { step: s.step.slice(0, 200) }) }))
    },
    retryCap: budget.remaining,
    spentBefore: { agentMs: ledgerBefore.agentMs, costUsd: ledgerBefore.costUsd }
  })
  return finishHeal(outcome, {
    settings,
    context,
    target,
    budget,
    ledgerBefore,
    steps,
    ciNotes,
    runLink,
    title,
    mayWrite,
    api
  })
}

/** The run to heal and who asked, from the payload or (for `run-id`) through the API. */
async function resolveTarget(
  trigger: SelfHealTrigger,
  settings: ActionSettings,
  context: RunnerContext,
  api: GitHubApi
): Promise<{ kind: 'target'; target: HealTarget } | { kind: 'skip'; reason: string }> {
  switch (trigger.kind) {
    case 'workflow-run': {
      const { run } = trigger
      return {
        kind: 'target',
        target: {
          runId: run.id,
          runName: run.name,
          runUrl: run.htmlUrl || runUrlOf(context, run.id),
          branch: run.headBranch,
          sha: run.headSha,
          actors: run.actors,
          inJob: false
        }
      }
    }
    case 'run-id': {
      let fetched
      try {
        fetched = await api.getWorkflowRun(trigger.runId)
      } catch (error) {
        if ((error as { status?: unknown }).status === 404) {
          throw new InputError(
            "Input 'run-id'",
            String(trigger.runId),
            `${context.repository} has no such workflow run; give the id of a failed run of this repository (the number in its URL, .../actions/runs/<id>).`
          )
        }
        throw error
      }
      const run = failedRunFromApi(fetched)
      const checked = checkHealableRun(
        { ...run, actors: [...run.actors, ...trigger.actors] },
        { repositoryId: context.repositoryId, branchPrefix: settings.branchPrefix }
      )
      if (!checked.ok) return { kind: 'skip', reason: checked.reason }
      const healable = checked.run
      return {
        kind: 'target',
        target: {
          runId: healable.id,
          runName: healable.name,
          runUrl: healable.htmlUrl || runUrlOf(context, healable.id),
          branch: healable.headBranch,
          sha: healable.headSha,
          actors: dedupe(healable.actors),
          inJob: false
        }
      }
    }
    case 'in-job':
      return {
        kind: 'target',
        target: {
          runId: trigger.runId,
          attempt: trigger.runAttempt,
          runName: '',
          runUrl: runUrlOf(context, trigger.runId),
          branch: trigger.branch,
          sha: trigger.sha,
          actors: trigger.actors,
          inJob: true
        }
      }
  }
}

/**
 * Puts the work tree on the failing commit: a workflow listening to `workflow_run` checks out the
 * default branch unless told otherwise, and a pull request's CI builds a merge commit. Runs before
 * the agent, so the repository's configuration is still the checkout's.
 */
async function checkOutFailingCommit(git: GitRunner, dir: string, target: HealTarget, token: string, log: FencedLog): Promise<void> {
  const workspace = new GitWorkspace({ git, dir, patchDir: dir })
  const head = await workspace.currentCommit()
  if (head === target.sha) return
  log.info(
    `The work tree is at ${head.slice(0, 12) || 'no commit'}, not at the failing commit ${target.sha.slice(0, 12)} of ${target.branch}: checking that out.`
  )
  const result = await workspace.checkOutCommit({ sha: target.sha, branch: target.branch, token })
  if (result.kind === 'missing') {
    throw new InputError(
      'The failing commit',
      target.sha,
      `it is not in the checkout and could not be fetched from origin${result.why ? ` (${result.why})` : ''}. Check it out before Gated Agent runs (actions/checkout with ref: \${{ github.event.workflow_run.head_sha }}).`
    )
  }
  if (result.kind === 'checkout-failed') {
    throw new InputError(
      'The failing commit',
      target.sha,
      `git could not check it out in the work tree (${result.why}). Start from a clean checkout (actions/checkout with ref: \${{ github.event.workflow_run.head_sha }}).`
    )
  }
}

interface FinishContext {
  settings: ActionSettings
  context: RunnerContext
  target: HealTarget
  budget: Exclude<HealBudget, { kind: 'spent' }>
  /** The heal PR's ledger before this run (agent time and cost). */
  ledgerBefore: PrLedger
  steps: FailingStep[]
  ciNotes: string[]
  runLink: string
  title: string
  mayWrite: boolean
  api: GitHubApi
}

/** Says what the loop's end means for a red build, and records the spent runs on the open heal PR. */
async function finishHeal(outcome: RunOutcome, c: FinishContext): Promise<RunOutcome> {
  const { settings, target } = c
  const cap = settings.retryCap
  const total = c.ledgerBefore.runs + outcome.attempts.length
  const result: RunOutcome = { ...outcome, notes: [...c.ciNotes, ...outcome.notes] }
  if (outcome.result === 'not-reproduced') {
    const where = c.steps.length > 0 ? `CI failed at ${c.steps.length} step(s), listed below` : 'CI failed'
    result.reason = `${where}, but the gate passes here on the same commit (${target.sha.slice(0, 12)}): the failure did not reproduce, so it is flaky or bound to CI's environment. The agent was not run and nothing is proposed.`
    return result
  }
  const ledger = { failingBranch: target.branch, spent: total, cap }
  if (outcome.result === 'proposed') return { ...result, healLedger: ledger }
  if (c.budget.kind === 'carried' && outcome.attempts.length > 0 && c.mayWrite) {
    const pull = c.budget.pull
    await recordRun(c.api, pull, {
      ledger: addAttempts(c.ledgerBefore, outcome.attempts),
      fallbackTitle: c.title,
      note:
        `[A later run](${c.context.runUrl}) tried to fix a new failure of ${codeSpan(target.branch)} (${c.runLink}) and ended \`${outcome.result}\` after ${outcome.attempts.length} agent run(s); this pull request still holds the earlier fix. ` +
        `${total} of ${cap} agent runs are now spent on the branch.${total >= cap ? ' The cap is spent: later failures will not run the agent until this pull request is closed.' : ''}`
    })
    result.prNumber = pull.number
    result.prUrl = pull.url
    result.branch = healBranchName(settings.branchPrefix, target.branch)
    result.healLedger = { ...ledger, recordedOn: pull.number }
  }
  return result
}

function plainStep(step: FailingStep): string {
  return step.step === undefined ? `${step.job} (the job itself)` : `${step.job} > ${step.step}`
}

function runUrlOf(context: RunnerContext, runId: number): string {
  return `${context.serverUrl}/${context.repository}/actions/runs/${runId}`
}

function dedupe(users: GitHubUser[]): GitHubUser[] {
  const seen = new Set<string>()
  return users.filter((user) => !seen.has(user.login.toLowerCase()) && seen.add(user.login.toLowerCase()))
}
