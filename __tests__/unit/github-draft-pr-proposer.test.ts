import { describe, expect, it } from '@jest/globals'
import type { Proposal } from '../../src/core/types.js'
import {
  DraftPullRequestProposer,
  type BranchPublisher,
  type DraftPullRequestOptions,
  type PushOutcome
} from '../../src/github/draft-pr-proposer.js'
import { FakeGitHubApi } from './github-fake-api.js'

/** Records commits and pushes like a tiny remote: a push of a new sha updates, of the same sha is unchanged. */
class FakePublisher implements BranchPublisher {
  events: string[] = []
  remote = new Map<string, string>()
  tokens: string[] = []
  private count = 0

  async commit(options: {
    branch: string
    message: string
    author: { name: string; email: string }
  }): Promise<{ sha: string; branch: string }> {
    const sha = String(++this.count).padEnd(40, 'c')
    this.events.push(`commit ${options.branch} "${options.message}" by ${options.author.name} <${options.author.email}>`)
    return { sha, branch: options.branch }
  }

  async pushBranch(options: { remote: string; sha: string; branch: string; token: string }): Promise<PushOutcome> {
    this.events.push(`push ${options.remote} ${options.branch}`)
    this.tokens.push(options.token)
    const before = this.remote.get(options.branch)
    this.remote.set(options.branch, options.sha)
    return { kind: before === undefined ? 'created' : before === options.sha ? 'unchanged' : 'updated' }
  }
}

const proposal: Proposal = {
  job: 'issue-to-pr',
  attempts: [],
  lastGate: { ok: true, steps: [], durationMs: 0 },
  patchPath: '/tmp/x.patch',
  change: { patch: 'diff', paths: [{ path: 'a.ts', status: 'modified' }] }
}

function options(overrides: Partial<DraftPullRequestOptions> = {}): DraftPullRequestOptions {
  return {
    branch: 'agent/issue-7',
    base: 'main',
    title: 'Agent: implement #7',
    body: (p, branch) => `body for ${p.job} on ${branch}`,
    author: { name: 'Gated Agent', email: 'agent@example.test' },
    token: 'push-token',
    dryRun: false,
    ...overrides
  }
}

describe('DraftPullRequestProposer', () => {
  it('commits, pushes with the token, then opens a draft PR from the branch', async () => {
    const publisher = new FakePublisher()
    const api = new FakeGitHubApi()
    const proposed = await new DraftPullRequestProposer(publisher, api, options()).propose(proposal)

    expect(publisher.events).toEqual([
      'commit agent/issue-7 "Agent: implement #7" by Gated Agent <agent@example.test>',
      'push origin agent/issue-7'
    ])
    expect(publisher.tokens).toEqual(['push-token'])
    expect(api.pulls).toEqual([
      expect.objectContaining({
        head: 'agent/issue-7',
        base: 'main',
        draft: true,
        // The proposal's runs start the PR's ledger, in a hidden marker after the body.
        body: expect.stringMatching(/^body for issue-to-pr on agent\/issue-7\n\n<!-- gated-agent:ledger runs=\d+ /)
      })
    ])
    expect(proposed).toEqual({
      branch: 'agent/issue-7',
      commit: publisher.remote.get('agent/issue-7'),
      prNumber: 1,
      prUrl: 'https://github.test/octo/app/pull/1',
      notes: [
        expect.stringMatching(/^Pushed 1c{11} to agent\/issue-7 on origin \(new branch\)\.$/),
        'Opened draft pull request #1: https://github.test/octo/app/pull/1'
      ]
    })
  })

  it('on a rerun updates the branch and the same PR', async () => {
    const publisher = new FakePublisher()
    const api = new FakeGitHubApi()
    await new DraftPullRequestProposer(publisher, api, options()).propose(proposal)
    const again = await new DraftPullRequestProposer(publisher, api, options({ title: 'Agent: implement #7 (v2)' })).propose(proposal)
    expect(api.pulls).toHaveLength(1)
    expect(api.pulls[0].title).toBe('Agent: implement #7 (v2)')
    expect(again.notes).toEqual([
      expect.stringContaining('(branch updated)'),
      'Updated pull request #1: https://github.test/octo/app/pull/1'
    ])
  })

  it('in a dry run commits locally but pushes nothing and opens nothing, saying what it would have done', async () => {
    const publisher = new FakePublisher()
    const api = new FakeGitHubApi()
    const proposed = await new DraftPullRequestProposer(publisher, api, options({ dryRun: true })).propose(proposal)
    expect(publisher.events).toEqual(['commit agent/issue-7 "Agent: implement #7" by Gated Agent <agent@example.test>'])
    expect(api.calls).toEqual([])
    expect(proposed.prNumber).toBeUndefined()
    expect(proposed.commit).toMatch(/^1c{39}$/)
    expect(proposed.notes).toEqual([
      expect.stringMatching(/^Dry run: committed 1c{11} on agent\/issue-7 locally; nothing was pushed and no pull request was opened\.$/),
      'Would push agent/issue-7 to origin and open a draft pull request into main: "Agent: implement #7".'
    ])
  })

  it('opens no PR when the push is refused', async () => {
    const publisher = new FakePublisher()
    publisher.pushBranch = async () => {
      throw new Error('remote rejected')
    }
    const api = new FakeGitHubApi()
    await expect(new DraftPullRequestProposer(publisher, api, options()).propose(proposal)).rejects.toThrow('remote rejected')
    expect(api.calls).toEqual([])
  })
})
