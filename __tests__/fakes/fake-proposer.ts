/** A Proposer that records what it was handed, and can refuse or fail on demand. */
import type { Proposal, Proposed, Proposer } from '../../src/core/types.js'
import { ProposalRefusedError } from '../../src/core/supervised-loop.js'
import type { FakeWorkspace } from './fake-workspace.js'

/** How the fake proposer behaves. */
export interface FakeProposerOptions {
  branch?: string
  /** Refuse every proposal with a ProposalRefusedError carrying this message. */
  refuse?: string
  /** Throw this error (e.g. the API is down). */
  fail?: Error
  /** Record the work tree at proposal time. */
  workspace?: FakeWorkspace
}

/** Records each proposal (and the tree it saw) and answers with a draft PR. */
export class FakeProposer implements Proposer {
  readonly proposals: Proposal[] = []
  /** The work tree when each proposal arrived (when constructed with a workspace). */
  readonly treesAtProposal: Record<string, string>[] = []

  constructor(private readonly options: FakeProposerOptions = {}) {}

  async propose(proposal: Proposal): Promise<Proposed> {
    this.proposals.push(proposal)
    if (this.options.workspace) this.treesAtProposal.push(this.options.workspace.snapshot())
    if (this.options.refuse !== undefined) throw new ProposalRefusedError(this.options.refuse)
    if (this.options.fail) throw this.options.fail
    const prNumber = 100 + this.proposals.length
    return {
      branch: this.options.branch ?? 'agent/issue-7',
      commit: '0123456789abcdef0123456789abcdef01234567',
      prNumber,
      prUrl: `https://github.test/o/r/pull/${prNumber}`,
      notes: [`Opened draft PR #${prNumber}`]
    }
  }
}
