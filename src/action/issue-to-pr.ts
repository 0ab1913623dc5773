import type { ActionSettings } from './settings.js'
import { createRunDirectory, type RunnerContext } from './runner-context.js'
import type { JobDecision } from './job-decision.js'
import type { FencedLog } from './log.js'
import { finishComment, skipped, type RunOutcome } from './report.js'
import { guardBaseBranch, runGatedLoop } from './gated-loop.js'
import type { GitHubApi, Issue } from '../github/github-api.js'
import { checkActorMayTrigger, isBotActor } from '../github/permissions.js'
import { isGitHubUnreachable } from '../github/request-failures.js'
import { startProgressComment, type ProgressComment } from '../github/progress-comment.js'
import { pullRequestBody } from '../github/pr-body.js'
import { InputError } from '../core/input-values.js'
import { cleanUntrustedText } from '../core/untrusted-text.js'
import type { Task } from '../core/types.js'
import { issueBranchName } from '../core/naming.js'

/** The issue-to-pr job: who asked, the issue, the progress comment, then the gated loop. */

/** Seams for tests; the action uses the defaults. */
export interface IssueToPrOptions {
  /** Runs the gated loop (agent, gate, proposal); the real one by default. */
  runGatedLoop?: typeof runGatedLoop
}

/** Runs issue-to-pr for one triggered issue; the caller reports the outcome. */
export async function runIssueToPr(
  settings: ActionSettings,
  context: RunnerContext,
  trigger: Extract<JobDecision, { kind: 'issue-to-pr' }>['trigger'],
  api: GitHubApi,
  log: FencedLog,
  options: IssueToPrOptions = {}
): Promise<RunOutcome> {
  const warnings: string[] = []
  // GitHub lets only people with write access dispatch a workflow, so a person's dispatch needs no
  // lookup (a fresh proposal stays within five calls); a bot must still be listed in allowed-bots.
  const dispatchedByPerson = context.eventName === 'workflow_dispatch' && !isBotActor(trigger.actor)
  const permission = dispatchedByPerson
    ? { allowed: true as const, role: 'dispatched the workflow, which takes write access' }
    : await checkActorMayTrigger(api, {
        login: trigger.actor.login,
        isBot: isBotActor(trigger.actor),
        allowedBots: settings.allowedBots
      })
  if (!permission.allowed) return skipped('issue-to-pr', permission.reason, context)
  log.info(`${trigger.actor.login} (${permission.role}) asked for issue #${trigger.issueNumber}.`)

  const issue: Issue = trigger.issue ?? (await api.getIssue(trigger.issueNumber))
  if (issue.isPullRequest) return skipped('issue-to-pr', `#${issue.number} is a pull request, not an issue.`, context)
  if (issue.state === 'closed') return skipped('issue-to-pr', `Issue #${issue.number} is closed.`, context)

  const repository = context.payload.repository as { default_branch?: string } | undefined
  const base = settings.baseBranch ?? repository?.default_branch
  if (!base) {
    throw new InputError("Input 'base-branch'", '', 'the event carries no default branch; set base-branch.')
  }
  const branch = issueBranchName(settings.branchPrefix, issue.number)
  await guardBaseBranch(api, base, settings, log, warnings)

  // stage propose writes nothing to GitHub: the publish job creates or edits the comment.
  const comment: ProgressComment | undefined =
    settings.dryRun || settings.stage === 'propose'
      ? undefined
      : await startProgressComment(api, issue.number, {
          runUrl: context.runUrl,
          issueHasNoComments: hasNoComments(trigger, issue, context)
        })

  const runDir = await createRunDirectory(context)

  // The issue goes in the prompt itself (cleaned, fenced, bounded): an agent CLI may refuse to read
  // any file outside the work tree, and one too long to show goes to its context directory inside it.
  const task: Task = {
    job: 'issue-to-pr',
    issue: {
      number: issue.number,
      title: issue.title,
      body: issue.body ?? '',
      ...(trigger.extraInstruction ? { extraInstruction: trigger.extraInstruction } : {})
    }
  }

  let outcome: RunOutcome
  try {
    outcome = await (options.runGatedLoop ?? runGatedLoop)(settings, context, log, {
      task,
      runDir,
      branch,
      base,
      // Cleaned too: a reviewer reads the PR title, and bidi controls can make it say something else.
      title: `Agent: ${cleanUntrustedText(issue.title)}`.slice(0, 240),
      // The proposer starts the PR's ledger (or adds to it on a rerun): follow-ups and heals in place add to it.
      body: (proposal) => pullRequestBody(proposal, { issueNumber: issue.number, runUrl: context.runUrl }),
      api,
      warnings,
      subject: { kind: 'issue', number: issue.number }
    })
  } catch (error) {
    // With GitHub unreachable, the comment cannot be edited either: skip the retries it would cost.
    if (comment && !isGitHubUnreachable(error)) {
      await comment.finish(`⚠️ **Gated Agent** failed: ${(error as Error).message}\n\n[The run](${context.runUrl})`).catch(() => undefined)
    }
    throw error
  }
  if (comment) await finishComment(comment, outcome, (message) => log.warning(message))
  return outcome
}

/**
 * The event's issue had no comment when the event fired, and this is the run's first attempt: no
 * earlier run of ours can have commented, so the progress comment need not be looked for. A re-run
 * replays the same payload after its first attempt may have commented, so it always looks. An issue
 * read through the API just now (workflow_dispatch) has a fresh count, whatever the attempt.
 */
function hasNoComments(trigger: Extract<JobDecision, { kind: 'issue-to-pr' }>['trigger'], issue: Issue, context: RunnerContext): boolean {
  if (trigger.issue === undefined) return issue.commentCount === 0
  const count = (context.payload.issue as { comments?: unknown } | undefined)?.comments
  return count === 0 && context.runAttempt === '1'
}
