import { mkdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { ActionSettings } from './settings.js'
import type { RunnerContext } from './runner-context.js'
import type { FencedLog } from './log.js'
import { skipped, type RunOutcome } from './report.js'
import { guardBaseBranch, runGatedLoop } from './gated-loop.js'
import { branchNameProblem } from '../core/naming.js'
import type { GitHubApi, GitHubUser } from '../github/github-api.js'
import { checkActorMayTrigger, isBotActor } from '../github/permissions.js'
import { checkHealableRun, failedRunFromApi, healBranchFor, type HealTrigger } from '../github/heal-events.js'
import {
  evidenceDocument,
  evidenceExcerpt,
  failedJobsOf,
  failingSteps,
  withLogTails,
  type FailedRunEvidence,
  type FailingStep
} from '../github/failed-run-evidence.js'
import { readHealBudget, recordHealRun, type HealBudget } from '../github/heal-ledger.js'
import { codeSpan, failingStepText, pullRequestBody } from '../github/pr-body.js'
import { createGitRunner, type GitRunner } from '../runtime/git/git.js'
import { createProtectedPathsPolicy } from '../core/protected-paths-policy.js'
import { createTestWeakeningPolicy } from '../core/test-weakening-policy.js'
import { InputError } from '../core/input-values.js'
import type { Policy, Task } from '../core/types.js'

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

  const healBranch = healBranchFor(settings.branchPrefix, target.branch)
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
      await recordHealRun(api, pull, {
        attemptsSpent: budget.spent,
        fallbackTitle: title,
        note: `[A later run](${context.runUrl}) found ${codeSpan(target.branch)} failing again (${runLink}), but the retry cap is spent: ${budget.spent} of ${settings.retryCap} agent runs were used on this branch, so the agent was not run. A person should look; closing this pull request starts the count afresh.`
      })
    }
    return {
      result: 'gave-up',
      reason: `The retry cap is spent on ${target.branch}: ${budget.spent} of ${settings.retryCap} agent runs were used across earlier runs (pull request #${pull.number}), so this failure gets none and the agent was not run. A person should look; closing that pull request starts the count afresh.`,
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
  const spentBefore = budget.kind === 'carried' ? budget.spent : 0
  if (budget.kind === 'carried') {
    log.info(
      `Pull request #${budget.pull.number} already heals ${target.branch}: ${budget.spent} of ${settings.retryCap} agent runs spent, ${budget.remaining} left.`
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
  const runDir = path.join(context.runnerTemp || os.tmpdir(), `gated-agent-${context.runId || process.pid}-${Date.now()}`)
  await mkdir(runDir, { recursive: true })
  // A record of what the agent was given, outside the work tree; the agent gets its own copy in its
  // context directory inside the work tree (an agent CLI may refuse to read anything outside it).
  const document = evidenceDocument(evidence)
  await writeFile(path.join(runDir, `ci-evidence-run-${target.runId}.md`), document)

  await checkOutFailingCommit(createGitRunner(context.workspace), target, settings.token, log)

  const task: Task = { job: 'self-heal', evidence: document, evidenceExcerpt: evidenceExcerpt(evidence) }
  const policies: Policy[] = [createProtectedPathsPolicy(settings.protectedPaths)]
  if (!settings.allowTestChanges) policies.push(createTestWeakeningPolicy())

  const outcome = await runGatedLoop(settings, context, log, {
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
    policies,
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
    retryCap: budget.remaining
  })
  return finishHeal(outcome, { settings, context, target, budget, spentBefore, steps, ciNotes, runLink, title, mayWrite, api })
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
 * default branch unless told otherwise, and a pull request's CI builds a merge commit. The commit
 * is fetched when the checkout lacks it (shallow clones do), first with the checkout's own
 * credentials, then with the token for that one command. Runs before the agent, so the
 * repository's configuration is still the checkout's.
 */
async function checkOutFailingCommit(git: GitRunner, target: HealTarget, token: string, log: FencedLog): Promise<void> {
  const head = (await git.run(['rev-parse', 'HEAD'], { allowFailure: true })).stdout.trim()
  if (head === target.sha) return
  log.info(
    `The work tree is at ${head.slice(0, 12) || 'no commit'}, not at the failing commit ${target.sha.slice(0, 12)} of ${target.branch}: checking that out.`
  )
  const has = async (): Promise<boolean> =>
    (await git.run(['cat-file', '-e', `${target.sha}^{commit}`], { allowFailure: true })).exitCode === 0
  let why = ''
  if (!(await has())) {
    const shallow = (await git.run(['rev-parse', '--is-shallow-repository'], { allowFailure: true })).stdout.trim() === 'true'
    const attempts: string[][] = [
      ['fetch', '--quiet', '--no-tags', ...(shallow ? ['--depth=1'] : []), 'origin', target.sha],
      // A server that refuses a bare commit id still serves the branch, which holds it unless it moved on.
      [
        'fetch',
        '--quiet',
        '--no-tags',
        ...(shallow ? ['--depth=50'] : []),
        'origin',
        `+refs/heads/${target.branch}:refs/remotes/origin/${target.branch}`
      ]
    ]
    for (const args of attempts) {
      for (const auth of [undefined, tokenConfig(token)]) {
        if (auth === null) continue
        const fetched = await git.run(args, { allowFailure: true, env: auth?.env, secrets: auth?.secrets })
        if (fetched.exitCode === 0) break
        why = fetched.stderr.trim().split('\n').slice(-3).join(' ')
      }
      if (await has()) break
    }
  }
  if (!(await has())) {
    throw new InputError(
      'The failing commit',
      target.sha,
      `it is not in the checkout and could not be fetched from origin${why ? ` (${why})` : ''}. Check it out before Gated Agent runs (actions/checkout with ref: \${{ github.event.workflow_run.head_sha }}).`
    )
  }
  const checkout = await git.run(['checkout', '--quiet', '--detach', target.sha], { allowFailure: true })
  if (checkout.exitCode !== 0) {
    throw new InputError(
      'The failing commit',
      target.sha,
      `git could not check it out in the work tree (${checkout.stderr.trim().split('\n').slice(-3).join(' ')}). Start from a clean checkout (actions/checkout with ref: \${{ github.event.workflow_run.head_sha }}).`
    )
  }
}

/** The token as an Authorization header for one git command (as the push does), or null without one. */
function tokenConfig(token: string): { env: Record<string, string>; secrets: string[] } | null {
  if (!token) return null
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64')
  const header = `AUTHORIZATION: basic ${basic}`
  return {
    env: {
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'http.extraheader',
      GIT_CONFIG_VALUE_0: '',
      GIT_CONFIG_KEY_1: 'http.extraheader',
      GIT_CONFIG_VALUE_1: header
    },
    secrets: [token, basic, header]
  }
}

interface FinishContext {
  settings: ActionSettings
  context: RunnerContext
  target: HealTarget
  budget: Exclude<HealBudget, { kind: 'spent' }>
  spentBefore: number
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
  const total = c.spentBefore + outcome.attempts.length
  const result: RunOutcome = { ...outcome, notes: [...c.ciNotes, ...outcome.notes] }
  if (outcome.result === 'not-reproduced') {
    const where = c.steps.length > 0 ? `CI failed at ${c.steps.length} step(s), listed below` : 'CI failed'
    result.reason = `${where}, but the gate passes here on the same commit (${target.sha.slice(0, 12)}): the failure did not reproduce, so it is flaky or bound to CI's environment. The agent was not run and nothing is proposed.`
    return result
  }
  const capSpent =
    total >= cap
      ? ` The retry cap is now spent on ${target.branch} (${total} of ${cap} agent runs across runs): later failures will not run the agent until the heal pull request is closed.`
      : ''
  if (outcome.result === 'proposed') {
    result.reason += capSpent
    return result
  }
  if (c.budget.kind === 'carried' && outcome.attempts.length > 0 && c.mayWrite) {
    const pull = c.budget.pull
    await recordHealRun(c.api, pull, {
      attemptsSpent: total,
      fallbackTitle: c.title,
      note:
        `[A later run](${c.context.runUrl}) tried to fix a new failure of ${codeSpan(target.branch)} (${c.runLink}) and ended \`${outcome.result}\` after ${outcome.attempts.length} agent run(s); this pull request still holds the earlier fix. ` +
        `${total} of ${cap} agent runs are now spent on the branch.${total >= cap ? ' The cap is spent: later failures will not run the agent until this pull request is closed.' : ''}`
    })
    result.prNumber = pull.number
    result.prUrl = pull.url
    result.branch = healBranchFor(settings.branchPrefix, target.branch)
    result.reason += ` Recorded on pull request #${pull.number}: ${total} of ${cap} agent runs spent on ${target.branch}.${total >= cap ? ' The retry cap is now spent there.' : ''}`
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
