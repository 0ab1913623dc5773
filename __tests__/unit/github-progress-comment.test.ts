import { describe, expect, it } from '@jest/globals'
import { progressMarker, startProgressComment } from '../../src/github/progress-comment.js'
import { FakeGitHubApi } from './github-fake-api.js'

const runUrl = 'https://github.test/octo/app/actions/runs/42'

describe('startProgressComment', () => {
  it('creates one comment with the marker and a link to the run, then edits it with the outcome', async () => {
    const api = new FakeGitHubApi()
    const progress = await startProgressComment(api, 7, { runUrl })
    expect(progress.created).toBe(true)
    const [comment] = api.comments.get(7) ?? []
    expect(comment.body.startsWith('<!-- gated-agent:issue-7 -->\n')).toBe(true)
    expect(comment.body).toContain(`(${runUrl})`)

    await progress.finish('✅ Proposed draft PR #3.')
    expect(api.comments.get(7)).toHaveLength(1)
    expect(api.comments.get(7)?.[0].body).toBe('<!-- gated-agent:issue-7 -->\n✅ Proposed draft PR #3.')
    expect(api.calls).toEqual([
      'listIssueComments 7',
      'createIssueComment 7',
      'listIssueComments 7',
      `updateIssueComment ${progress.commentId}`
    ])
  })

  it('reuses the comment of an earlier run instead of adding another', async () => {
    const api = new FakeGitHubApi()
    const first = await startProgressComment(api, 7, { runUrl })
    await first.finish('❌ Gave up after 3 attempts.')
    api.calls = []

    const rerun = await startProgressComment(api, 7, { runUrl: `${runUrl}/attempts/2` })
    expect(rerun).toMatchObject({ created: false, commentId: first.commentId })
    expect(api.comments.get(7)).toHaveLength(1)
    expect(api.comments.get(7)?.[0].body).toContain('is working on this issue')
    expect(api.calls).toEqual(['listIssueComments 7', `updateIssueComment ${first.commentId}`])
  })

  it('ignores a comment that merely quotes the marker, and another issue’s marker', async () => {
    const api = new FakeGitHubApi()
    api.comments.set(7, [
      { id: 1, issueNumber: 7, body: `Look at this: ${progressMarker(7)}`, user: { login: 'mallory', type: 'User' }, htmlUrl: 'u1' },
      {
        id: 2,
        issueNumber: 7,
        body: `${progressMarker(70)}\nother issue`,
        user: { login: 'github-actions[bot]', type: 'Bot' },
        htmlUrl: 'u2'
      }
    ])
    const progress = await startProgressComment(api, 7, { runUrl })
    expect(progress.created).toBe(true)
    expect(api.comments.get(7)?.[0].body).toBe(`Look at this: ${progressMarker(7)}`)
  })

  it('prefers the bot’s marked comment over one a person planted', async () => {
    const api = new FakeGitHubApi()
    api.comments.set(7, [
      { id: 1, issueNumber: 7, body: `${progressMarker(7)}\nplanted`, user: { login: 'mallory', type: 'User' }, htmlUrl: 'u1' },
      { id: 2, issueNumber: 7, body: `${progressMarker(7)}\nold run`, user: { login: 'github-actions[bot]', type: 'Bot' }, htmlUrl: 'u2' }
    ])
    const progress = await startProgressComment(api, 7, { runUrl })
    expect(progress.commentId).toBe(2)
    expect(api.comments.get(7)?.[0].body).toContain('planted')
  })

  it('adopts no comment a stranger wrote, even when only the stranger’s carries the marker', async () => {
    const api = new FakeGitHubApi()
    const planted = `${progressMarker(7)}\nplanted`
    api.comments.set(7, [{ id: 1, issueNumber: 7, body: planted, user: { login: 'mallory', type: 'User' }, htmlUrl: 'u1' }])
    const progress = await startProgressComment(api, 7, { runUrl })
    expect(progress.created).toBe(true)
    await progress.finish('done')
    expect(api.comments.get(7)?.map((c) => c.body)).toEqual([planted, `${progressMarker(7)}\ndone`])
  })

  it('with an app token: learns its login from the comment it creates, keeps the older one of its own, deletes the new', async () => {
    const api = new FakeGitHubApi()
    const create = api.createIssueComment.bind(api)
    api.createIssueComment = async (issueNumber, body) => {
      const comment = await create(issueNumber, body)
      const stored = api.comments.get(issueNumber)?.find((c) => c.id === comment.id)
      if (stored) stored.user = { login: 'my-app[bot]', type: 'Bot' }
      return { ...comment, user: { login: 'my-app[bot]', type: 'Bot' } }
    }
    api.comments.set(7, [
      { id: 1, issueNumber: 7, body: `${progressMarker(7)}\nother app`, user: { login: 'other-app[bot]', type: 'Bot' }, htmlUrl: 'u1' },
      { id: 2, issueNumber: 7, body: `${progressMarker(7)}\nearlier run`, user: { login: 'my-app[bot]', type: 'Bot' }, htmlUrl: 'u2' }
    ])
    const progress = await startProgressComment(api, 7, { runUrl })
    expect(progress).toMatchObject({ commentId: 2, created: false })
    expect(api.comments.get(7)?.map((c) => c.id)).toEqual([1, 2])
    expect(api.comments.get(7)?.[0].body).toContain('other app')
    expect(api.calls).toEqual([
      'listIssueComments 7',
      expect.stringMatching(/^createIssueComment 7/),
      'listIssueComments 7',
      expect.stringMatching(/^deleteIssueComment /),
      'updateIssueComment 2'
    ])
  })
})
