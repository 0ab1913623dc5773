import type { Proposal, Proposed, Proposer } from '../core/types.js'
import { BOT_AUTHOR } from '../core/naming.js'

/** The identity a commit is made under. */
export interface Identity {
  name: string
  email: string
}

/** What a local branch holds (see GitWorkspace.inspectLocalBranch). */
export type LocalBranchState =
  | { kind: 'absent' }
  | { kind: 'ours'; sha: string }
  | { kind: 'foreign'; sha: string; commits: Array<{ sha: string; author: string; subject: string }> }

/** What the local proposer needs from git: read a branch, commit the change on one, then tidy the tree. */
export interface LocalCommitter {
  inspectLocalBranch(request: { branch: string; base: string; owner: Identity }): Promise<LocalBranchState>
  headSha(): string
  commit(options: { branch: string; message: string; author: Identity }): Promise<{ sha: string; branch: string }>
  restore(): Promise<void>
}

/**
 * The identity of `--simulate`'s demo commits: a demo never counts as a real agent's work, so it
 * never replaces a real agent's branch (nor a real run the demo's).
 */
export const DEMO_AUTHOR = { name: 'gated-agent-demo[bot]', email: 'gated-agent-demo@users.noreply.github.com' }

/**
 * Proposes locally, as the seed does: a new branch holding one commit with exactly the agent's
 * change, and the commands that would open the PR. Nothing leaves the machine; the user's own
 * branch and work tree are put back as they were. A branch holding commits Gated Agent did not
 * write (a person's, or a run under the other identity) is never moved: the change goes to the
 * first free `<branch>-<n>` instead, and the notes say so.
 */
export class LocalBranchProposer implements Proposer {
  constructor(
    private readonly git: LocalCommitter | undefined,
    private readonly options: { branch: string; message: string; author?: Identity; notes?: string[] }
  ) {}

  async propose(_proposal: Proposal): Promise<Proposed> {
    const { message } = this.options
    const author = this.options.author ?? BOT_AUTHOR.local
    if (!this.git) {
      return {
        branch: '',
        notes: [
          'Not a git repository: skipping the commit, so no branch was made. In a repository this would commit the change to a new branch.'
        ]
      }
    }
    const notes: string[] = [...(this.options.notes ?? [])]
    let branch = this.options.branch
    const base = this.git.headSha()
    for (let n = 2; ; n++) {
      const state = await this.git.inspectLocalBranch({ branch, base, owner: author })
      if (state.kind !== 'foreign') break
      const shown = state.commits
        .slice(0, 3)
        .map((c) => `${c.sha.slice(0, 12)} "${c.subject}" by ${c.author}`)
        .join(', ')
      const next = `${this.options.branch}-${n}`
      notes.push(
        `${branch} holds commit(s) Gated Agent did not write here (${shown}); it was left as it is, and the change goes to ${next}.`
      )
      branch = next
      if (n > 50)
        throw new Error(
          `Every branch from ${this.options.branch} to ${branch} holds someone's commits; delete some, or pass --branch-prefix.`
        )
    }
    const { sha } = await this.git.commit({ branch, message, author })
    await this.git.restore()
    return {
      branch,
      commit: sha,
      notes: [
        ...notes,
        `Committed ${sha.slice(0, 12)} on branch ${branch}; your own branch and work tree are as they were.`,
        'Review the change:',
        `  git show ${branch}`,
        'Then open the draft PR (nothing has left your machine yet):',
        `  git push -u origin ${branch}`,
        `  gh pr create --draft --head ${branch} --fill`
      ]
    }
  }
}
