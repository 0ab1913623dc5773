/**
 * The proposer the Action uses: commit the green change to the stable branch, push it with the
 * token passed for that one command, and open (or update) a draft pull request. It never merges;
 * the facade it is given cannot.
 */
import type { Proposal, Proposed, Proposer } from '../core/types.js'
import type { GitHubApi } from './github-api.js'
import { openOrUpdateDraftPull } from './pull-request.js'
import { addAttempts, EMPTY_LEDGER } from './pr-ledger.js'

/** The commit's author. */
export interface CommitAuthor {
  name: string
  email: string
}

/** What happened to the remote branch. */
export type PushOutcome = { kind: 'created' | 'updated' | 'unchanged' }

/**
 * The git side of a proposal, implemented by the workspace (`src/runtime/git/git-workspace.ts`).
 * `pushBranch` throws `PushRejectedError` (with `cause`) when the remote refuses.
 */
export interface BranchPublisher {
  /** Commits the change on `branch` (created or reset from the current HEAD). */
  commit(options: { branch: string; message: string; author: CommitAuthor }): Promise<{ sha: string; branch: string }>
  /**
   * Pushes `sha` to `branch` on `remote`, the token given for this command only. With `owner`, a
   * remote branch holding commits someone else wrote is never overwritten (a rejection instead).
   */
  pushBranch(options: { remote: string; sha: string; branch: string; token: string; owner?: CommitAuthor }): Promise<PushOutcome>
}

/** How the proposer names, describes and delivers the pull request. */
export interface DraftPullRequestOptions {
  /** The stable branch: `<prefix>issue-<n>` or `<prefix>heal/<branch>`. */
  branch: string
  base: string
  /** The PR title, also the commit message's first line. */
  title: string
  /** The PR body for a proposal. */
  body: (proposal: Proposal, branch: string) => string
  author: CommitAuthor
  token: string
  /** Commit locally, push nothing, open nothing; the notes say what would have happened. */
  dryRun: boolean
  /** Defaults to `origin`, the workspace's checkout remote. */
  remote?: string
  /** Called once after each push that changed the branch (ci-workflow's dispatch); returns lines for the notes. */
  afterPush?: (branch: string) => Promise<string[]>
}

/** Delivers a green change as a draft pull request. */
export class DraftPullRequestProposer implements Proposer {
  constructor(
    private readonly publisher: BranchPublisher,
    private readonly api: Pick<GitHubApi, 'createDraftPull' | 'findOpenPullByHead' | 'updatePull'>,
    private readonly options: DraftPullRequestOptions
  ) {}

  /** Commits, pushes and opens or updates the draft PR; in a dry run, only commits. */
  async propose(proposal: Proposal): Promise<Proposed> {
    const { base, title, author, token, dryRun } = this.options
    const remote = this.options.remote ?? 'origin'
    const commit = await this.publisher.commit({ branch: this.options.branch, message: title, author })
    const branch = commit.branch
    const short = commit.sha.slice(0, 12)

    if (dryRun) {
      return {
        branch,
        commit: commit.sha,
        notes: [
          `Dry run: committed ${short} on ${branch} locally; nothing was pushed and no pull request was opened.`,
          `Would push ${branch} to ${remote} and open a draft pull request into ${base}: "${title}".`
        ]
      }
    }

    // The commit's author is the action's identity: its earlier proposals may be replaced, nobody else's work.
    const push = await this.publisher.pushBranch({ remote, sha: commit.sha, branch, token, owner: author })
    // The PR's ledger gets this run's agent runs: a new PR starts with them, an open one adds them.
    const spent = addAttempts(
      EMPTY_LEDGER,
      proposal.attempts.filter((a) => a.number > 0)
    )
    const pull = await openOrUpdateDraftPull(this.api, { head: branch, base, title, body: this.options.body(proposal, branch), spent })
    const pushed =
      push.kind === 'unchanged'
        ? `${branch} on ${remote} already had ${short}.`
        : `Pushed ${short} to ${branch} on ${remote} (${push.kind === 'created' ? 'new branch' : 'branch updated'}).`
    const opened =
      pull.kind === 'created'
        ? `Opened draft pull request #${pull.number}: ${pull.url}`
        : `Updated pull request #${pull.number}: ${pull.url}`
    const after = push.kind !== 'unchanged' && this.options.afterPush ? await this.options.afterPush(branch) : []
    return { branch, commit: commit.sha, prNumber: pull.number, prUrl: pull.url, notes: [pushed, opened, ...after] }
  }
}
