import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ActionSettings } from './settings.js'
import { createRunDirectory, type RunnerContext } from './runner-context.js'
import type { FollowUpTrigger } from './job-decision.js'
import type { FencedLog } from './log.js'
import { finishComment, skipped, type RunOutcome } from './report.js'
import { guardBaseBranch, runGatedLoop } from './gated-loop.js'
import type { GitHubApi, GitHubUser, Issue, PullDetails } from '../github/github-api.js'
import { checkActorMayTrigger, isBotActor } from '../github/permissions.js'
import { pullProblem } from '../github/pr-events.js'
import { addAttempts, describeLedger, EMPTY_LEDGER, readLedger, withLedger, withStatusNote, type PrLedger } from '../github/pr-ledger.js'
import { startProgressComment, type ProgressComment } from '../github/progress-comment.js'
import { isGitHubUnreachable } from '../github/request-failures.js'
import { evidenceDocument, evidenceExcerpt, failedJobsOf, failingSteps, withLogTails } from '../github/failed-run-evidence.js'
import { codeSpan, gateResultList } from '../github/pr-body.js'
import { createGitRunner, readFrozenGitConfig } from '../runtime/git/git.js'
import { GitWorkspace } from '../runtime/git/git-workspace.js'
import { InputError } from '../core/input-values.js'
import { cleanUntrustedText } from '../core/untrusted-text.js'
import { BOT_AUTHOR } from '../core/naming.js'
import type { Proposal, Proposed, Proposer, Task } from '../core/types.js'
import { ciDispatcher, type CiDispatcher } from './ci-dispatch.js'

/**
 * A follow-up on one of Gated Agent's own pull requests: a reviewer's `/agent` comment, a review
 * asking for changes, an inline comment, or a red CI run on the PR's branch (heal in place). The
 * agent starts from the PR's head; the gate and every policy judge the result; green is one new
 * commit on top of the head, pushed as a fast-forward (never forced), and the PR body and the
 * progress comment say what was asked, what changed and what the gate said. Every agent run is
 * counted in the PR's ledger, which `follow-up-cap` and the budgets bound across runs.
 */

/** Seams for tests; the action uses the defaults. */
export interface PrFollowUpOptions {
  runGatedLoop?: typeof runGatedLoop
}

/** The login the workflow token acts as: a CI run it dispatched (ci-workflow) names it as actor. */
const WORKFLOW_TOKEN_LOGIN = 'github-actions[bot]'

/** Runs one follow-up; refusals are `skipped` (or `gave-up` with the ledger spent), with the reason. */
export async function runPrFollowUp(
  settings: ActionSettings,
  context: RunnerContext,
  trigger: FollowUpTrigger,
  api: GitHubApi,
  log: FencedLog,
  options: PrFollowUpOptions = {}
): Promise<RunOutcome> {
  const warnings: string[] = []
  const job = trigger.kind === 'ci' ? 'self-heal' : 'issue-to-pr'
  // Two-job mode carries a bundle for a new branch; a follow-up commits on a PR's head. Not ours here.
  if (settings.stage !== 'all') {
    return {
      ...skipped(
        job,
        `Follow-ups on pull requests run in single-job mode (stage all) in this version; this job is stage ${settings.stage}.`,
        context
      ),
      job
    }
  }
  const skip = (reason: string): RunOutcome => ({ ...skipped(job, reason, context), job })

  // The pull request: named by the event, or (a red run) the open one from the run's branch.
  let pullNumber: number
  if (trigger.kind === 'ci') {
    const open = await api.findOpenPullByHead(trigger.run.headBranch)
    if (!open) {
      return skip(
        `Run ${trigger.run.id} failed on '${trigger.run.headBranch}', one of Gated Agent's branches, but no pull request is open from it: without one there is nothing to follow up, so it is left to a person.`
      )
    }
    pullNumber = open.number
  } else {
    pullNumber = trigger.pullNumber
  }
  let pull: PullDetails
  try {
    pull = await api.getPull(pullNumber)
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return skip(`Pull request #${pullNumber} was not found in this repository.`)
    throw error
  }
  const problem = pullProblem(pull, { branchPrefix: settings.branchPrefix, repositoryId: context.repositoryId })
  if (problem) return skip(problem)
  if (trigger.kind === 'ci' && trigger.run.headSha !== pull.headSha) {
    return skip(
      `Run ${trigger.run.id} built ${trigger.run.headSha.slice(0, 12)}, but pull request #${pull.number} is now at ${pull.headSha.slice(0, 12)}: the failure is of an older commit, so nothing is healed (the newer commit's own CI decides).`
    )
  }

  // Who asked: as for issues. A red run's actors, except the workflow token's own identity (a CI
  // run the action dispatched on its branch), which only this repository's workflows act as.
  const actors: GitHubUser[] =
    trigger.kind === 'ci' ? trigger.run.actors.filter((a) => a.login.toLowerCase() !== WORKFLOW_TOKEN_LOGIN) : [trigger.actor]
  if (trigger.kind !== 'ci' && actors.length === 0) return skip('The event names no actor whose permission could be checked.')
  for (const actor of actors) {
    const permission = await checkActorMayTrigger(api, { login: actor.login, isBot: isBotActor(actor), allowedBots: settings.allowedBots })
    if (!permission.allowed) return skip(permission.reason)
    log.info(`${actor.login} (${permission.role}) may ask for a follow-up on pull request #${pull.number}.`)
  }

  // The ledger: every agent run on this PR so far. Spent: say so on the PR, run nothing.
  const ledger = readLedger(pull.body) ?? EMPTY_LEDGER
  const cap = settings.followUpCap
  const mayWrite = !settings.dryRun
  const asked = describeRequest(trigger)
  if (ledger.runs >= cap) {
    const note = `[A later run](${context.runUrl}) was asked for ${asked}, but the follow-up cap is spent: ${describeLedger(ledger, cap)}, so the agent was not run. A person should take it from here (or raise follow-up-cap).`
    if (mayWrite) await api.updatePull(pull.number, { title: pull.title, body: withStatusNote(pull.body, note) })
    return {
      result: 'gave-up',
      reason: `The follow-up cap is spent on pull request #${pull.number}: ${describeLedger(ledger, cap)} across earlier runs, so the agent was not run for ${asked}. A person should take it from here, or raise follow-up-cap.`,
      job,
      attempts: [],
      branch: pull.headRef,
      prNumber: pull.number,
      prUrl: pull.url,
      notes: [],
      warnings,
      runUrl: context.runUrl,
      dryRun: settings.dryRun
    }
  }
  const remaining = Math.min(cap - ledger.runs, settings.retryCap)
  log.info(`Pull request #${pull.number}'s ledger: ${describeLedger(ledger, cap)}; this run may spend ${remaining}.`)

  await guardBaseBranch(api, pull.baseRef, settings, log, warnings)

  const comment: ProgressComment | undefined = mayWrite
    ? await startProgressComment(api, pull.number, { runUrl: context.runUrl })
    : undefined

  try {
    const runDir = await createRunDirectory(context)
    // Before the agent runs: the work tree goes to the PR's head (fetched when missing), detached.
    const git = createGitRunner(context.workspace, process.env, { frozenConfig: await readFrozenGitConfig(context.workspace) })
    const workspace = new GitWorkspace({ git, dir: context.workspace, patchDir: context.workspace })
    const checkedOut = await workspace.checkOutCommit({ sha: pull.headSha, branch: pull.headRef, token: settings.token })
    if (checkedOut.kind !== 'checked-out') {
      throw new InputError(
        `Pull request #${pull.number}'s head`,
        pull.headSha,
        `it could not be checked out (${checkedOut.why}). Start from a clean checkout of this repository (actions/checkout).`
      )
    }
    const task = await buildTask(trigger, pull, api, workspace, settings, runDir)
    const dispatch = ciDispatcher(settings, api, log, warnings)
    const body = (proposal: Proposal): string => followUpBody(pull, ledger, proposal, asked, context.runUrl, cap)
    const outcome = await (options.runGatedLoop ?? runGatedLoop)(settings, context, log, {
      task,
      runDir,
      branch: pull.headRef,
      base: pull.baseRef,
      title: pull.title,
      body,
      api,
      warnings,
      retryCap: remaining,
      spentBefore: { agentMs: ledger.agentMs, costUsd: ledger.costUsd },
      proposer: ({ workspace: loopWorkspace, originUrl }) =>
        new FollowUpProposer(loopWorkspace, api, {
          pull,
          message: `Agent: follow up on #${pull.number}: ${asked}`.replace(/\s+/g, ' ').slice(0, 200),
          body,
          token: settings.token,
          dryRun: settings.dryRun,
          remote: originUrl,
          dispatch
        })
    })
    const after = addAttempts(ledger, outcome.attempts)
    const finished: RunOutcome = {
      ...outcome,
      job,
      branch: pull.headRef,
      prNumber: pull.number,
      prUrl: pull.url,
      notes: [`Follow-up on pull request #${pull.number}: ${asked}.`, ...outcome.notes, `Ledger: ${describeLedger(after, cap)}.`]
    }
    if (outcome.result !== 'proposed' && (outcome.attempts.length > 0 || outcome.result === 'gave-up') && mayWrite) {
      // Nothing pushed, but the runs were spent: the ledger says so, and the PR why.
      const note = `[A later run](${context.runUrl}) was asked for ${asked} and ended \`${outcome.result}\` after ${outcome.attempts.length} agent run(s); nothing was pushed. ${outcome.reason} Ledger: ${describeLedger(after, cap)}.`
      await api.updatePull(pull.number, { title: pull.title, body: withStatusNote(withLedger(pull.body, after), note) })
    }
    if (comment) await finishComment(comment, finished, (message) => log.warning(message))
    return finished
  } catch (error) {
    if (comment && !isGitHubUnreachable(error)) {
      await comment.finish(`⚠️ **Gated Agent** failed: ${(error as Error).message}\n\n[The run](${context.runUrl})`).catch(() => undefined)
    }
    throw error
  }
}

/** What was asked, in a few words for the PR, the comment and the summary (cleaned: it lands in the PR body). */
function describeRequest(trigger: FollowUpTrigger): string {
  if (trigger.kind === 'ci') return `a fix of its failed CI run ${trigger.run.id}`
  const text = cleanUntrustedText(trigger.instruction).replace(/\s+/g, ' ').trim()
  const shown = text.length > 120 ? `${text.slice(0, 117)}…` : text
  const who = trigger.actor.login
  const what = trigger.kind === 'review' ? 'a review' : trigger.kind === 'review-comment' ? 'an inline review comment' : 'a comment'
  // The login without `@`: the PR body is edited on every run, and a mention would notify each time.
  return shown ? `${what} by ${who}: ${codeSpan(shown)}` : `${what} by ${who}`
}

/** The agent's task: the request, the inline comments, the original issue and the diff; or a red run's evidence. */
async function buildTask(
  trigger: FollowUpTrigger,
  pull: PullDetails,
  api: GitHubApi,
  workspace: GitWorkspace,
  settings: ActionSettings,
  runDir: string
): Promise<Task> {
  if (trigger.kind === 'ci') {
    const jobs = await api.listRunJobs(trigger.run.id)
    const failed = failedJobsOf(jobs)
    const evidence = {
      run: {
        id: trigger.run.id,
        name: trigger.run.name,
        htmlUrl: trigger.run.htmlUrl,
        branch: trigger.run.headBranch,
        sha: trigger.run.headSha
      },
      jobCount: jobs.length,
      failedJobs: await withLogTails(api, failed)
    }
    const document = evidenceDocument(evidence)
    await writeFile(path.join(runDir, `ci-evidence-run-${trigger.run.id}.md`), document)
    return {
      job: 'self-heal',
      evidence: document,
      evidenceExcerpt: evidenceExcerpt(evidence),
      text: `This is pull request #${pull.number}'s branch; fix its failing build on top of it. Failing: ${failingSteps(evidence)
        .map((s) => `${s.job}${s.step ? ` > ${s.step}` : ''}`)
        .join('; ')}`
    }
  }
  const inline =
    trigger.kind === 'review' && trigger.reviewId !== undefined
      ? await api.listReviewComments(pull.number, trigger.reviewId)
      : trigger.inline
        ? [trigger.inline]
        : []
  const issue = await originalIssue(pull, settings, api)
  const diff = (await workspace.pullRequestDiff({ baseBranch: pull.baseRef, head: pull.headSha, token: settings.token })) ?? ''
  return {
    job: 'issue-to-pr',
    ...(issue ? { issue: { number: issue.number, title: issue.title, body: issue.body } } : {}),
    followUp: {
      pullNumber: pull.number,
      request: trigger.instruction,
      inline: inline.map((c) => ({ path: c.path, ...(c.line === undefined ? {} : { line: c.line }), diffHunk: c.diffHunk, body: c.body })),
      diff
    }
  }
}

/** The issue the PR implements: from its branch (`<prefix>issue-<n>`), else its body's `Closes #n`. */
async function originalIssue(pull: PullDetails, settings: ActionSettings, api: GitHubApi): Promise<Issue | undefined> {
  const fromBranch = pull.headRef.startsWith(settings.branchPrefix)
    ? /^issue-(\d+)$/.exec(pull.headRef.slice(settings.branchPrefix.length))
    : null
  const fromBody = /\bCloses #(\d+)\b/.exec(pull.body)
  const number = Number((fromBranch ?? fromBody)?.[1])
  if (!Number.isSafeInteger(number) || number <= 0) return undefined
  try {
    const issue = await api.getIssue(number)
    return issue.isPullRequest ? undefined : issue
  } catch {
    return undefined
  }
}

/** The PR body after a green follow-up: what was asked, what changed, the gate's verdict, the ledger. */
function followUpBody(pull: PullDetails, ledger: PrLedger, proposal: Proposal, asked: string, runUrl: string, cap: number): string {
  const after = addAttempts(ledger, proposal.attempts)
  const files = proposal.change.paths.map((p) => codeSpan(p.path)).slice(0, 20)
  const note = [
    `[A follow-up run](${runUrl}) was asked for ${asked}.`,
    `It added one commit on top of the previous head: ${proposal.change.paths.length} file(s) changed${files.length > 0 ? ` (${files.join(', ')})` : ''}, after ${proposal.attempts.length} agent run(s).`,
    `Gate: ${proposal.lastGate.ok ? 'passed' : 'failed'}.`,
    '',
    gateResultList(proposal.lastGate),
    '',
    `Ledger: ${describeLedger(after, cap)}.`
  ].join('\n')
  return withStatusNote(withLedger(pull.body, after), note)
}

/** Where the follow-up commit goes: on top of the PR's head, pushed as a fast-forward, the PR updated. */
class FollowUpProposer implements Proposer {
  constructor(
    private readonly workspace: GitWorkspace,
    private readonly api: Pick<GitHubApi, 'updatePull'>,
    private readonly options: {
      pull: PullDetails
      message: string
      body: (proposal: Proposal) => string
      token: string
      dryRun: boolean
      remote: string
      dispatch: CiDispatcher
    }
  ) {}

  async propose(proposal: Proposal): Promise<Proposed> {
    const { pull, token, remote } = this.options
    // The work tree was put on the head before the agent ran: the commit's parent is the head.
    const commit = await this.workspace.commit({ branch: pull.headRef, message: this.options.message, author: BOT_AUTHOR.action })
    const short = commit.sha.slice(0, 12)
    if (this.options.dryRun) {
      return {
        branch: pull.headRef,
        commit: commit.sha,
        notes: [
          `Dry run: committed ${short} on top of ${pull.headSha.slice(0, 12)} locally; nothing was pushed and pull request #${pull.number} was not changed.`
        ]
      }
    }
    const push = await this.workspace.pushFastForward({ url: remote, sha: commit.sha, branch: pull.headRef, token, expected: pull.headSha })
    const updated = await this.api.updatePull(pull.number, { title: pull.title, body: this.options.body(proposal) })
    const notes = [
      push.kind === 'unchanged'
        ? `${pull.headRef} already had ${short}.`
        : `Pushed ${short} on top of ${pull.headSha.slice(0, 12)} to ${pull.headRef} (a fast-forward).`,
      `Updated pull request #${updated.number}: ${updated.url}`
    ]
    if (push.kind !== 'unchanged') notes.push(...(await this.options.dispatch(pull.headRef)))
    return { branch: pull.headRef, commit: commit.sha, prNumber: updated.number, prUrl: updated.url, notes }
  }
}
