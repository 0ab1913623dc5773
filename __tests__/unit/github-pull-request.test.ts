import { describe, expect, it } from '@jest/globals'
import { openOrUpdateDraftPull } from '../../src/github/pull-request.js'
import { readLedger } from '../../src/github/pr-ledger.js'
import { FakeGitHubApi } from './github-fake-api.js'

const spent = { runs: 2, agentMs: 60_000, costUsd: 0.25 }
const proposal = { head: 'agent/issue-7', base: 'main', title: 'Agent: implement #7', body: 'first body', spent }

describe('openOrUpdateDraftPull', () => {
  it('opens a draft PR with one call when none exists', async () => {
    const api = new FakeGitHubApi()
    const outcome = await openOrUpdateDraftPull(api, proposal)
    expect(outcome).toEqual({ kind: 'created', number: 1, url: 'https://github.test/octo/app/pull/1' })
    expect(api.calls).toEqual(['createDraftPull agent/issue-7'])
    expect(api.pulls[0]).toMatchObject({ draft: true, head: 'agent/issue-7', base: 'main', body: expect.stringMatching(/^first body\n/) })
    expect(readLedger(api.pulls[0].body)).toEqual(spent)
  })

  it('updates the open PR of the same branch on a rerun instead of opening another', async () => {
    const api = new FakeGitHubApi()
    await openOrUpdateDraftPull(api, proposal)
    const outcome = await openOrUpdateDraftPull(api, { ...proposal, title: 'Agent: implement #7 (rerun)', body: 'second body' })
    expect(outcome).toEqual({ kind: 'updated', number: 1, url: 'https://github.test/octo/app/pull/1' })
    expect(api.pulls).toHaveLength(1)
    expect(api.pulls[0]).toMatchObject({ title: 'Agent: implement #7 (rerun)', body: expect.stringMatching(/^second body\n/), draft: true })
  })

  it('attack: a rerun cannot restart the ledger (follow-up-cap, budgets): it adds its runs to what the open PR records', async () => {
    const api = new FakeGitHubApi()
    await openOrUpdateDraftPull(api, proposal)
    await openOrUpdateDraftPull(api, { ...proposal, body: 'rerun', spent: { runs: 1, agentMs: 1000, costUsd: 0 } })
    expect(readLedger(api.pulls[0].body)).toEqual({ runs: 3, agentMs: 61_000, costUsd: 0.25 })
    expect(api.pulls[0].body?.match(/gated-agent:ledger/g)).toHaveLength(1)
  })

  it('leaves a PR a person marked ready as it is, changing only title and body', async () => {
    const api = new FakeGitHubApi()
    await openOrUpdateDraftPull(api, proposal)
    api.pulls[0].draft = false
    await openOrUpdateDraftPull(api, { ...proposal, body: 'again' })
    expect(api.pulls[0]).toMatchObject({ draft: false, body: expect.stringMatching(/^again\n/) })
  })

  it('refuses to guess when GitHub says one exists but none is open from the branch', async () => {
    const api = new FakeGitHubApi()
    api.createDraftPull = async () => ({ kind: 'already-exists', message: 'A pull request already exists for fork:agent/issue-7.' })
    await expect(openOrUpdateDraftPull(api, proposal)).rejects.toThrow(/already exists for agent\/issue-7.*none is open/)
  })
})
