/**
 * Which event asks for a follow-up on one of Gated Agent's own pull requests: a `/agent` comment on
 * the PR, a review (changes requested, or a body starting with the command), an inline review
 * comment starting with the command. Pure: it reads the webhook payload (untrusted, every field
 * checked) and returns what was asked, or why this event is not a trigger. The guards that need
 * the pull request itself (a fork's head, a branch that is not ours, a closed PR) are applied here
 * when the payload carries it, and again by the front end on the PR read through the API.
 */
import { asRecord, readUser } from './payload-readers.js'
import { afterCommand } from './issue-events.js'
import type { GitHubUser } from './github-api.js'
import { isOwnBranch } from '../core/naming.js'

/** A follow-up on a PR, as the event asked for it. */
export type PrFollowUpTrigger =
  | {
      kind: 'comment' | 'review' | 'review-comment'
      pullNumber: number
      actor: GitHubUser
      /** The comment's text after the command, or the review's body (raw; cleaned and fenced later). */
      instruction: string
      /** For a review: its id, whose inline comments the front end reads. */
      reviewId?: number
      /** For an inline review comment: where it sits. */
      inline?: InlineComment
    }
  | { kind: 'skip'; reason: string }

/** One inline review comment: the file, the line, the diff hunk it sits on, the text. */
export interface InlineComment {
  path: string
  line?: number
  diffHunk: string
  body: string
}

/** The settings the triggers read. */
export interface PrFollowUpSettings {
  triggerCommand: string
  branchPrefix: string
  repositoryId?: number
}

/** The events this module answers; anything else is not a PR follow-up. */
export const PR_EVENTS: ReadonlySet<string> = new Set(['pull_request_review', 'pull_request_review_comment'])

/** Whether an `issue_comment` event is on a pull request (so it is a follow-up, not issue-to-pr). */
export function isPullRequestComment(payload: unknown): boolean {
  return asRecord(asRecord(payload)?.issue)?.pull_request != null
}

/**
 * A comment the action wrote itself: its body starts with one of the action's hidden markers, or
 * its author is the workflow token's identity. Never a trigger, whatever `allowed-bots` says.
 */
export function isOwnComment(body: string, author: GitHubUser | undefined): boolean {
  return /^\s*<!--\s*gated-agent:/.test(body) || author?.login.toLowerCase() === 'github-actions[bot]'
}

/** Resolves a follow-up from a PR event (or an `issue_comment` on a PR). */
export function resolvePrFollowUpTrigger(eventName: string, rawPayload: unknown, settings: PrFollowUpSettings): PrFollowUpTrigger {
  const payload = asRecord(rawPayload) ?? {}
  const action = typeof payload.action === 'string' ? payload.action : ''
  const command = settings.triggerCommand

  if (eventName === 'issue_comment') {
    if (action !== 'created') return skip(`The issue_comment event (action '${action}') does not trigger a follow-up; a new comment does.`)
    const issue = asRecord(payload.issue)
    const comment = asRecord(payload.comment)
    if (!issue || typeof issue.number !== 'number' || !comment) return skip('The issue_comment event carries no pull request or comment.')
    const body = typeof comment.body === 'string' ? comment.body : ''
    const actor = readUser(comment.user)
    if (isOwnComment(body, actor))
      return skip(`The comment on pull request #${issue.number} is Gated Agent's own; it never triggers a run.`)
    const instruction = afterCommand(body, command)
    if (instruction === undefined) return skip(`The comment on pull request #${issue.number} does not start with '${command}'.`)
    if (issue.state === 'closed') return skip(`Pull request #${issue.number} is closed.`)
    if (!actor) return skip(`The comment on pull request #${issue.number} names no author.`)
    return { kind: 'comment', pullNumber: issue.number, actor, instruction }
  }

  const pull = asRecord(payload.pull_request)
  if (!pull || typeof pull.number !== 'number') return skip(`The ${eventName} event carries no pull request.`)
  const guard = checkPullPayload(pull, settings)
  if (eventName === 'pull_request_review') {
    if (action !== 'submitted')
      return skip(`The pull_request_review event (action '${action}') does not trigger a follow-up; a submitted review does.`)
    const review = asRecord(payload.review)
    if (!review || typeof review.id !== 'number') return skip('The pull_request_review event carries no review.')
    const body = typeof review.body === 'string' ? review.body : ''
    const actor = readUser(review.user)
    if (isOwnComment(body, actor)) return skip(`The review on pull request #${pull.number} is Gated Agent's own; it never triggers a run.`)
    const state = typeof review.state === 'string' ? review.state.toLowerCase() : ''
    const afterCmd = afterCommand(body, command)
    if (state !== 'changes_requested' && afterCmd === undefined) {
      return skip(
        `The review on pull request #${pull.number} (${state || 'no state'}) neither requests changes nor starts with '${command}'.`
      )
    }
    if (guard) return skip(guard)
    if (!actor) return skip(`The review on pull request #${pull.number} names no author.`)
    return { kind: 'review', pullNumber: pull.number, actor, instruction: afterCmd ?? body.trim(), reviewId: review.id }
  }
  if (eventName === 'pull_request_review_comment') {
    if (action !== 'created')
      return skip(`The pull_request_review_comment event (action '${action}') does not trigger a follow-up; a new comment does.`)
    const comment = asRecord(payload.comment)
    if (!comment) return skip('The pull_request_review_comment event carries no comment.')
    const body = typeof comment.body === 'string' ? comment.body : ''
    const actor = readUser(comment.user)
    if (isOwnComment(body, actor)) return skip(`The comment on pull request #${pull.number} is Gated Agent's own; it never triggers a run.`)
    const instruction = afterCommand(body, command)
    if (instruction === undefined) return skip(`The review comment on pull request #${pull.number} does not start with '${command}'.`)
    if (guard) return skip(guard)
    if (!actor) return skip(`The review comment on pull request #${pull.number} names no author.`)
    const line =
      typeof comment.line === 'number' ? comment.line : typeof comment.original_line === 'number' ? comment.original_line : undefined
    return {
      kind: 'review-comment',
      pullNumber: pull.number,
      actor,
      instruction,
      inline: {
        path: typeof comment.path === 'string' ? comment.path : '',
        ...(line === undefined ? {} : { line }),
        diffHunk: typeof comment.diff_hunk === 'string' ? comment.diff_hunk : '',
        body: instruction
      }
    }
  }
  return skip(`The ${eventName} event does not trigger a pull request follow-up.`)
}

/** What makes a pull request not ours to follow up, from its head and state; undefined when it is. */
export function pullProblem(
  pull: { number: number; state: string; headRef: string; headRepoId: number | null; baseRepoId: number | null },
  settings: Pick<PrFollowUpSettings, 'branchPrefix' | 'repositoryId'>
): string | undefined {
  const ownId = settings.repositoryId ?? pull.baseRepoId
  if (pull.headRepoId === null || ownId === null || pull.headRepoId !== ownId) {
    return `Pull request #${pull.number} comes from another repository (a fork, or a deleted one): Gated Agent follows up only on its own pull requests, whose branch is in this repository.`
  }
  if (!isOwnBranch(settings.branchPrefix, pull.headRef)) {
    return `Pull request #${pull.number} is on '${pull.headRef}', not one of Gated Agent's branches (prefix '${settings.branchPrefix}'): a person's pull request is left to its author.`
  }
  if (pull.state !== 'open') return `Pull request #${pull.number} is ${pull.state || 'not open'}.`
  return undefined
}

function checkPullPayload(pull: Record<string, unknown>, settings: PrFollowUpSettings): string | undefined {
  const head = asRecord(pull.head)
  const base = asRecord(pull.base)
  const headRepo = asRecord(head?.repo)
  const baseRepo = asRecord(base?.repo)
  return pullProblem(
    {
      number: pull.number as number,
      state: typeof pull.state === 'string' ? pull.state : '',
      headRef: typeof head?.ref === 'string' ? head.ref : '',
      headRepoId: typeof headRepo?.id === 'number' ? headRepo.id : null,
      baseRepoId: typeof baseRepo?.id === 'number' ? baseRepo.id : null
    },
    settings
  )
}

function skip(reason: string): PrFollowUpTrigger {
  return { kind: 'skip', reason }
}
