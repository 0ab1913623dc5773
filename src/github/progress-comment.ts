/**
 * One progress comment per issue: created on the first run, edited by every rerun, and edited
 * again with the outcome at the end, so the issue never fills up with status noise. A hidden
 * marker, in a comment the action's own identity wrote, finds it again. Cost: a rerun lists and
 * edits; a first run creates and lists again (two runs at once must not leave two comments); one
 * write to finish.
 */
import type { GitHubApi, IssueComment } from './github-api.js'

/** The progress comment of a run. */
export interface ProgressComment {
  commentId: number
  url: string
  /** False when an earlier run's comment was found and reused. */
  created: boolean
  /** Replaces the comment's text with the outcome (the marker is kept). */
  finish(markdown: string): Promise<void>
}

/** The hidden marker that identifies the progress comment of an issue. */
export function progressMarker(issueNumber: number): string {
  return `<!-- gated-agent:issue-${issueNumber} -->`
}

/** Where the run is, and what the caller already knows about the issue's comments. */
export interface ProgressCommentOptions {
  runUrl: string
  /**
   * The issue has no comment at all, so none can be ours: the listing is skipped. Only for a
   * count read fresh for this run (a webhook payload's `comments` on a first run attempt).
   */
  issueHasNoComments?: boolean
}

/** The account the workflow's GITHUB_TOKEN writes as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]'

/**
 * Finds this issue's progress comment (a rerun) and edits it, or creates it; says the run started.
 *
 * Only a comment the action's own identity wrote is adopted: the marker is public, and anyone who
 * may comment could plant it. The identity is `github-actions[bot]` for the workflow's token; an
 * app token's `<app>[bot]` login is learned from the comment the run creates. After creating, the
 * run lists again: when an older comment by the same identity carries the marker (a run that
 * started at the same time, or an app token's earlier run), that one is kept and the new one
 * deleted, so two runs end with one comment.
 */
export async function startProgressComment(
  api: Pick<GitHubApi, 'listIssueComments' | 'createIssueComment' | 'updateIssueComment' | 'deleteIssueComment'>,
  issueNumber: number,
  options: ProgressCommentOptions
): Promise<ProgressComment> {
  const marker = progressMarker(issueNumber)
  const withMarker = (markdown: string): string => `${marker}\n${markdown}`
  const startText = withMarker(`🤖 **Gated Agent** is working on this issue: [follow the run](${options.runUrl}).`)
  const started = (comment: IssueComment, created: boolean): ProgressComment => ({
    commentId: comment.id,
    url: comment.htmlUrl,
    created,
    finish: async (markdown) => {
      await api.updateIssueComment(comment.id, withMarker(markdown))
    }
  })

  const existing = options.issueHasNoComments
    ? undefined
    : oldestProgressComment(await api.listIssueComments(issueNumber), marker, ACTIONS_BOT_LOGIN)
  if (existing) return started(await api.updateIssueComment(existing.id, startText), false)

  const created = await api.createIssueComment(issueNumber, startText)
  const login = created.user?.login ?? ACTIONS_BOT_LOGIN
  const oldest = oldestProgressComment(await api.listIssueComments(issueNumber), marker, login)
  if (oldest === undefined || oldest.id === created.id) return started(created, true)
  await api.deleteIssueComment(created.id)
  return started(await api.updateIssueComment(oldest.id, startText), false)
}

/**
 * The oldest comment that starts with the marker and was written by `login`. A quote or a mention
 * elsewhere in a comment does not count, nor does a comment anyone else wrote.
 */
function oldestProgressComment(comments: IssueComment[], marker: string, login: string): IssueComment | undefined {
  return comments
    .filter((comment) => comment.user?.login === login && comment.body.trimStart().startsWith(marker))
    .sort((a, b) => a.id - b.id)[0]
}
