/**
 * One progress comment per issue: created on the first run, edited by every rerun, and edited
 * again with the outcome at the end, so the issue never fills up with status noise. A hidden
 * marker finds it again. Cost: one listing plus one write to start, one write to finish; no
 * listing when the caller knows the issue has no comment at all.
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

/** Finds this issue's progress comment (a rerun) and edits it, or creates it; says the run started. */
export async function startProgressComment(
  api: Pick<GitHubApi, 'listIssueComments' | 'createIssueComment' | 'updateIssueComment'>,
  issueNumber: number,
  options: ProgressCommentOptions
): Promise<ProgressComment> {
  const marker = progressMarker(issueNumber)
  const withMarker = (markdown: string): string => `${marker}\n${markdown}`
  const startText = withMarker(`🤖 **Gated Agent** is working on this issue: [follow the run](${options.runUrl}).`)

  const existing = options.issueHasNoComments ? undefined : findProgressComment(await api.listIssueComments(issueNumber), marker)
  const comment = existing ? await api.updateIssueComment(existing.id, startText) : await api.createIssueComment(issueNumber, startText)
  return {
    commentId: comment.id,
    url: comment.htmlUrl,
    created: existing === undefined,
    finish: async (markdown) => {
      await api.updateIssueComment(comment.id, withMarker(markdown))
    }
  }
}

/**
 * The comment that starts with the marker. A quote or a mention elsewhere in a comment does not
 * count; when several match, the one a bot (the Actions token's account) wrote wins.
 */
function findProgressComment(comments: IssueComment[], marker: string): IssueComment | undefined {
  const marked = comments.filter((comment) => comment.body.trimStart().startsWith(marker))
  return marked.find((comment) => comment.user?.type === 'Bot') ?? marked[0]
}
