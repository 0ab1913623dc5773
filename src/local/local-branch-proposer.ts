import type { Proposal, Proposed, Proposer } from '../core/types.js'
import { BOT_AUTHOR } from '../core/naming.js'

/** What the local proposer needs from git: commit the change on a branch, then tidy the tree. */
export interface LocalCommitter {
  commit(options: { branch: string; message: string; author: { name: string; email: string } }): Promise<{ sha: string; branch: string }>
  restore(): Promise<void>
}

/**
 * Proposes locally, as the seed does: a new branch holding one commit with exactly the agent's
 * change, and the commands that would open the PR. Nothing leaves the machine; the user's own
 * branch and work tree are put back as they were.
 */
export class LocalBranchProposer implements Proposer {
  constructor(
    private readonly git: LocalCommitter | undefined,
    private readonly options: { branch: string; message: string }
  ) {}

  async propose(_proposal: Proposal): Promise<Proposed> {
    const { branch, message } = this.options
    if (!this.git) {
      return {
        branch,
        notes: ['Not a git repository: skipping the commit. In a repository this would commit to a new branch.']
      }
    }
    const { sha } = await this.git.commit({ branch, message, author: BOT_AUTHOR.local })
    await this.git.restore()
    return {
      branch,
      commit: sha,
      notes: [
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
