import { describe, expect, it } from '@jest/globals'
import { openOrUpdateDraftPull } from '../../src/github/pull-request.js'
import { FakeGitHubApi } from './github-fake-api.js'

const proposal = { head: 'agent/issue-7', base: 'main', title: 'Agent: implement #7', body: 'first body' }

describe('openOrUpdateDraftPull', () => {
  it('opens a draft PR with one call when none exists', async () => {
    const api = new FakeGitHubApi()
    const outcome = await openOrUpdateDraftPull(api, proposal)
    expect(outcome).toEqual({ kind: 'created', number: 1, url: 'https://github.test/octo/app/pull/1' })
    expect(api.calls).toEqual(['createDraftPull agent/issue-7'])
    expect(api.pulls[0]).toMatchObject({ draft: true, head: 'agent/issue-7', base: 'main', body: 'first body' })
  })

  it('updates the open PR of the same branch on a rerun instead of opening another', async () => {
    const api = new FakeGitHubApi()
    await openOrUpdateDraftPull(api, proposal)
    const outcome = await openOrUpdateDraftPull(api, { ...proposal, title: 'Agent: implement #7 (rerun)', body: 'second body' })
    expect(outcome).toEqual({ kind: 'updated', number: 1, url: 'https://github.test/octo/app/pull/1' })
    expect(api.pulls).toHaveLength(1)
    expect(api.pulls[0]).toMatchObject({ title: 'Agent: implement #7 (rerun)', body: 'second body', draft: true })
  })

  it('leaves a PR a person marked ready as it is, changing only title and body', async () => {
    const api = new FakeGitHubApi()
    await openOrUpdateDraftPull(api, proposal)
    api.pulls[0].draft = false
    await openOrUpdateDraftPull(api, { ...proposal, body: 'again' })
    expect(api.pulls[0]).toMatchObject({ draft: false, body: 'again' })
  })

  it('refuses to guess when GitHub says one exists but none is open from the branch', async () => {
    const api = new FakeGitHubApi()
    api.createDraftPull = async () => ({ kind: 'already-exists', message: 'A pull request already exists for fork:agent/issue-7.' })
    await expect(openOrUpdateDraftPull(api, proposal)).rejects.toThrow(/already exists for agent\/issue-7.*none is open/)
  })
})
