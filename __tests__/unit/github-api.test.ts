import { afterEach, describe, expect, it } from '@jest/globals'
import { createGitHubClient } from '../../src/github/client.js'
import { createGitHubApi, type GitHubApi } from '../../src/github/github-api.js'
import { FakeGitHub, type FakeGitHubOptions } from '../harness/github-fake.js'

// The strict fake validates every request against GitHub's OpenAPI description and serves job
// logs from a second origin, as GitHub's storage does.
let fake: FakeGitHub | undefined
afterEach(async () => {
  if (fake) {
    fake.assertNoProblems()
    await fake.stop()
  }
  fake = undefined
})

async function apiWith(options: FakeGitHubOptions): Promise<{ api: GitHubApi; fake: FakeGitHub }> {
  fake = await FakeGitHub.start(options)
  const octokit = createGitHubClient(fake.token, { baseUrl: fake.url, retryAfterBaseMs: 1, log: { warning: () => undefined } })
  return { api: createGitHubApi(octokit, { owner: fake.owner, repo: fake.repo }), fake }
}

describe('GitHubApi', () => {
  it('reads an issue with its labels and author', async () => {
    const { api } = await apiWith({
      issues: [{ number: 7, title: 'Add a delete command', body: 'Please.', labels: ['agent', 'cli'], user: 'alice' }]
    })
    await expect(api.getIssue(7)).resolves.toEqual({
      number: 7,
      title: 'Add a delete command',
      body: 'Please.',
      labels: ['agent', 'cli'],
      user: { login: 'alice', type: 'User' },
      htmlUrl: expect.stringContaining('/issues/7'),
      state: 'open',
      isPullRequest: false,
      commentCount: 0
    })
  })

  it('reads an issue without a body as empty text', async () => {
    const { api } = await apiWith({ issues: [{ number: 8, title: 't', body: null }] })
    await expect(api.getIssue(8)).resolves.toMatchObject({ body: '' })
  })

  it('reports the real role, and none for a login GitHub does not know', async () => {
    const { api } = await apiWith({
      permissions: { maria: 'maintain', tom: 'triage', rel: { permission: 'write', roleName: 'release-manager' } },
      unknownUserPermission: 'not-found'
    })
    await expect(api.getActorPermission('maria')).resolves.toEqual({ permission: 'write', roleName: 'maintain' })
    await expect(api.getActorPermission('tom')).resolves.toEqual({ permission: 'read', roleName: 'triage' })
    await expect(api.getActorPermission('rel')).resolves.toEqual({ permission: 'write', roleName: 'release-manager' })
    await expect(api.getActorPermission('nobody-here')).resolves.toEqual({ permission: 'none', roleName: 'none' })
  })

  it('lists every comment across pages, and creates and edits comments', async () => {
    const comments = Array.from({ length: 230 }, (_, i) => ({ issueNumber: 3, body: `comment ${i}` }))
    const { api, fake } = await apiWith({ issues: [{ number: 3, title: 't' }], comments })
    const listed = await api.listIssueComments(3)
    expect(listed).toHaveLength(230)
    expect(listed[229].body).toBe('comment 229')
    expect(fake.requestsFor('issues/list-comments')).toHaveLength(3)

    const created = await api.createIssueComment(3, 'working on it')
    expect(created).toMatchObject({ body: 'working on it', user: { login: 'github-actions[bot]', type: 'Bot' } })
    await api.updateIssueComment(created.id, 'done')
    expect(fake.issueComments(3).at(-1)?.body).toBe('done')
  })

  it('opens a draft PR, reports a duplicate as a value, finds it by head and updates only title and body', async () => {
    const { api, fake } = await apiWith({})
    const pull = { head: 'agent/issue-7', base: 'main', title: 'Agent: #7', body: 'b1' }
    const first = await api.createDraftPull(pull)
    expect(first).toEqual({ kind: 'created', pull: { number: expect.any(Number), url: expect.any(String), draft: true } })
    expect(fake.requestsFor('pulls/create')[0].body).toMatchObject({ draft: true })

    await expect(api.createDraftPull(pull)).resolves.toEqual({
      kind: 'already-exists',
      message: expect.stringMatching(/A pull request already exists for .*:agent\/issue-7\./)
    })

    const found = await api.findOpenPullByHead('agent/issue-7')
    expect(found?.number).toBe(first.kind === 'created' ? first.pull.number : -1)
    expect(fake.requestsFor('pulls/list')[0].query).toMatchObject({ head: `${fake.owner}:agent/issue-7`, state: 'open' })
    await expect(api.findOpenPullByHead('agent/issue-99')).resolves.toBeUndefined()

    await api.updatePull(found!.number, { title: 'Agent: #7 (v2)', body: 'b2' })
    expect(fake.requestsFor('pulls/update')[0].body).toEqual({ title: 'Agent: #7 (v2)', body: 'b2' })
    expect(fake.pullRequests()).toEqual([expect.objectContaining({ title: 'Agent: #7 (v2)', body: 'b2', draft: true, state: 'open' })])
  })

  it('rethrows a 422 that is not a duplicate', async () => {
    const { api } = await apiWith({
      handlers: {
        'pulls/create': () => ({
          status: 422,
          body: {
            message: 'Validation Failed',
            errors: [{ resource: 'PullRequest', code: 'custom', message: 'Draft pull requests are not supported in this repository.' }]
          }
        })
      }
    })
    await expect(api.createDraftPull({ head: 'h', base: 'main', title: 't', body: 'b' })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Draft pull requests are not supported')
    })
  })

  it('reads the ruleset rules of a branch', async () => {
    const rules = [
      {
        type: 'pull_request',
        ruleset_source_type: 'Repository',
        ruleset_source: 'octo-org/octo-repo',
        ruleset_id: 42,
        parameters: {
          required_approving_review_count: 1,
          dismiss_stale_reviews_on_push: true,
          require_code_owner_review: false,
          require_last_push_approval: true,
          required_review_thread_resolution: false
        }
      },
      { type: 'non_fast_forward', ruleset_source_type: 'Repository', ruleset_source: 'octo-org/octo-repo', ruleset_id: 42 }
    ]
    const { api } = await apiWith({ rules: { main: rules } })
    await expect(api.getBranchRules('main')).resolves.toEqual([
      { type: 'pull_request', rulesetId: 42, parameters: expect.objectContaining({ required_approving_review_count: 1 }) },
      { type: 'non_fast_forward', rulesetId: 42 }
    ])
    await expect(api.getBranchRules('feature/x')).resolves.toEqual([])
  })

  it('reads a failed run, its latest jobs or one attempt’s, with their steps', async () => {
    const { api } = await apiWith({
      runs: [
        {
          id: 501,
          headBranch: 'main',
          headSha: 'a'.repeat(40),
          runAttempt: 2,
          headRepositoryFullName: 'someone/fork',
          headRepositoryId: 999
        }
      ],
      jobs: {
        501: [
          { id: 11, name: 'test', runAttempt: 1, steps: [{ name: 'npm test', conclusion: 'failure' }] },
          {
            id: 12,
            name: 'test',
            runAttempt: 2,
            steps: [
              { name: 'Checkout', conclusion: 'success' },
              { name: 'npm test', conclusion: 'failure' }
            ]
          }
        ]
      }
    })
    await expect(api.getWorkflowRun(501)).resolves.toMatchObject({
      id: 501,
      conclusion: 'failure',
      headBranch: 'main',
      runAttempt: 2,
      repository: expect.stringMatching(/\//),
      headRepository: 'someone/fork'
    })
    const latest = await api.listRunJobs(501)
    expect(latest.map((job) => job.id)).toEqual([12])
    expect(latest[0].steps.map((step) => [step.name, step.conclusion])).toEqual([
      ['Checkout', 'success'],
      ['npm test', 'failure']
    ])
    expect((await api.listRunJobs(501, 1)).map((job) => job.id)).toEqual([11])
  })

  it('follows the log redirect without the token and keeps only the cleaned end of a large log', async () => {
    const line = (i: number): string => `2024-05-01T12:00:00.1234567Z \x1b[36mstep output line ${String(i).padStart(7, '0')}\x1b[0m\n`
    const lines = 400_000 // ~27 MB, streamed in chunks
    const { api, fake } = await apiWith({
      runs: [{ id: 9, headBranch: 'main', headSha: 'b'.repeat(40) }],
      jobs: { 9: [{ id: 90, name: 'build' }] },
      logs: {
        90: () =>
          (function* () {
            yield '\uFEFF'
            for (let i = 0; i < lines; i += 1000) yield Array.from({ length: 1000 }, (_, k) => line(i + k)).join('')
            yield '2024-05-01T12:00:01.0000000Z ##[error]Process completed with exit code 1.\n'
          })()
      }
    })
    const tail = await api.fetchJobLogTail(90, 4096)
    expect(tail.truncatedBytes).toBeGreaterThan(20_000_000)
    expect(tail.text.length).toBeLessThanOrEqual(4096 + 60)
    expect(tail.text).toMatch(/^\[\.\.\. \d+ earlier bytes omitted \.\.\.\]\nstep output line \d{7}\n/)
    expect(
      tail.text.endsWith(`step output line ${String(lines - 1).padStart(7, '0')}\n##[error]Process completed with exit code 1.\n`)
    ).toBe(true)
    expect(tail.text).not.toMatch(/\x1b|2024-05-01T/) // eslint-disable-line no-control-regex
    // The fake records a problem (checked in afterEach) if the token reaches the storage host.
    expect(fake.requests.map((r) => r.operationId)).toEqual(['actions/download-job-logs-for-workflow-run', 'blob-download'])
  })
})
