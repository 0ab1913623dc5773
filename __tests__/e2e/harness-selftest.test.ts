/**
 * The end-to-end harness checks itself: the GitHub fake is strict and stateful under real
 * Octokit calls, the webhook builders keep GitHub's payload structure, the repository fixture
 * looks like a fresh checkout, and runAction gives a script the runner's environment and reads
 * its file commands back.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { getOctokit } from '@actions/github'
import { FakeGitHub, primaryRateLimit, secondaryRateLimit, type FakeGitHubOptions } from '../harness/github-fake.js'
import { createRepoFixture, type RepoFixture } from '../harness/repo-fixture.js'
import {
  issueCommentEvent,
  issueLabeledEvent,
  loadWebhookExample,
  pushEvent,
  workflowDispatchEvent,
  workflowRunFailedEvent
} from '../harness/webhook-events.js'
import { parseFileCommand, parseWorkflowCommands, runAction } from '../harness/run-action.js'
import { startScenario } from '../harness/scenario.js'

const repoRef = { owner: 'octo-org', repo: 'octo-repo' }
const target = { ...repoRef, repoId: 123456789 }
type Octokit = ReturnType<typeof getOctokit>

let fixture: RepoFixture
const fakes: FakeGitHub[] = []

beforeAll(async () => {
  fixture = await createRepoFixture({
    files: { 'README.md': '# demo\n', 'test.sh': '#!/bin/sh\nexit 0\n' },
    executables: ['test.sh'],
    branches: { 'agent/issue-1': { 'feature.txt': 'new feature\n' }, 'feature/deep/name': { 'x.txt': 'x\n' } }
  })
})

afterAll(async () => {
  await Promise.all(fakes.map((f) => f.stop()))
  await fixture.cleanup()
})

async function startFake(options: FakeGitHubOptions = {}): Promise<{ fake: FakeGitHub; octokit: Octokit }> {
  const fake = await FakeGitHub.start({ ...target, originDir: fixture.originDir, ...options })
  fakes.push(fake)
  return { fake, octokit: getOctokit(fake.token, { baseUrl: fake.url }) }
}

async function failure(promise: Promise<unknown>): Promise<{ status: number; data: unknown; headers: Record<string, string> }> {
  try {
    await promise
  } catch (error) {
    const e = error as { status: number; response?: { data: unknown; headers: Record<string, string> } }
    return { status: e.status, data: e.response?.data, headers: e.response?.headers ?? {} }
  }
  throw new Error('expected the request to fail')
}

describe('FakeGitHub strictness', () => {
  test('a valid draft PR request passes and the answer reads like GitHub', async () => {
    const { fake, octokit } = await startFake()
    const { status, data } = await octokit.rest.pulls.create({
      ...repoRef,
      head: 'agent/issue-1',
      base: 'main',
      title: 'Add the feature',
      body: 'Closes #1',
      draft: true
    })
    expect(status).toBe(201)
    expect(data).toMatchObject({
      number: 1,
      draft: true,
      state: 'open',
      html_url: `${fake.url}/octo-org/octo-repo/pull/1`,
      head: { ref: 'agent/issue-1', sha: await fixture.originSha('agent/issue-1'), repo: { full_name: 'octo-org/octo-repo' } },
      base: { ref: 'main', sha: await fixture.originSha('main') },
      user: { login: 'github-actions[bot]', type: 'Bot' }
    })
    expect(fake.requests[0]).toMatchObject({ method: 'POST', operationId: 'pulls/create', status: 201 })
    expect(fake.writeRequests()).toHaveLength(1)
    fake.assertNoProblems()
  })

  test.each([
    [
      'an unknown enum value',
      (o: Octokit) => o.rest.pulls.update({ ...repoRef, pull_number: 1, state: 'merged' as 'open' }),
      'body/state must be one of ["open","closed"]'
    ],
    [
      'a wrong type',
      (o: Octokit) =>
        o.rest.pulls.create({ ...repoRef, head: 'agent/issue-1', base: 'main', title: 't', draft: 'yes' as unknown as boolean }),
      'body/draft must be boolean'
    ],
    [
      'a missing required field',
      (o: Octokit) => o.request('POST /repos/{owner}/{repo}/pulls', { ...repoRef, head: 'agent/issue-1', title: 't' } as never),
      "body must have required property 'base'"
    ],
    [
      'an unknown body property',
      (o: Octokit) =>
        o.request('POST /repos/{owner}/{repo}/pulls', { ...repoRef, head: 'agent/issue-1', base: 'main', title: 't', darft: true }),
      'body has unknown property "darft"'
    ],
    [
      'an unknown query enum',
      (o: Octokit) => o.rest.pulls.list({ ...repoRef, state: 'opened' as 'open' }),
      'query/state must be one of ["open","closed","all"]'
    ],
    [
      'an unknown query parameter',
      (o: Octokit) => o.request('GET /repos/{owner}/{repo}/pulls', { ...repoRef, head_branch: 'x' }),
      'query has unknown property "head_branch"'
    ]
  ])('%s is a recorded problem answered 422', async (_name, call, expected) => {
    const { fake, octokit } = await startFake({ pulls: [{ number: 1, head: 'agent/issue-1', title: 'existing' }] })
    const { status, data } = await failure(call(octokit))
    expect(status).toBe(422)
    expect(data).toMatchObject({ message: 'Validation Failed' })
    expect(fake.problems).toEqual([expect.stringContaining(expected)])
    expect(() => fake.assertNoProblems()).toThrow(expected)
  })

  test('unknown routes, wrong tokens, other repositories and unimplemented operations are problems', async () => {
    const { fake, octokit } = await startFake()
    expect((await failure(octokit.request('GET /repos/{owner}/{repo}/no-such-thing', repoRef))).status).toBe(404)
    const stranger = getOctokit('ghs_wrong', { baseUrl: fake.url })
    expect((await failure(stranger.rest.repos.get(repoRef))).status).toBe(401)
    expect((await failure(octokit.rest.repos.get({ owner: 'someone', repo: 'else' }))).status).toBe(404)
    expect((await failure(octokit.rest.issues.addLabels({ ...repoRef, issue_number: 1, labels: ['x'] }))).status).toBe(404)
    expect((await failure(octokit.rest.pulls.get({ ...repoRef, pull_number: 'abc' as unknown as number }))).status).toBe(404)
    expect(fake.problems).toEqual([
      expect.stringMatching(/^GET \/repos\/octo-org\/octo-repo\/no-such-thing: unknown route/),
      expect.stringContaining('wrong token'),
      expect.stringContaining('the fake only plays octo-org/octo-repo'),
      expect.stringContaining('(issues/add-labels): operation not implemented'),
      expect.stringContaining('path/pull_number must be integer')
    ])
  })

  test('a bare head filter is flagged, because GitHub would silently ignore it', async () => {
    const { fake, octokit } = await startFake({
      pulls: [
        { head: 'agent/issue-1', title: 'one' },
        { head: 'feature/deep/name', title: 'two' }
      ]
    })
    const good = await octokit.rest.pulls.list({ ...repoRef, head: 'octo-org:agent/issue-1' })
    expect(good.data.map((p) => p.title)).toEqual(['one'])
    fake.assertNoProblems()
    const bare = await octokit.rest.pulls.list({ ...repoRef, head: 'agent/issue-1' })
    expect(bare.data).toHaveLength(2)
    expect(fake.problems).toEqual([expect.stringContaining('lacks the "owner:" prefix')])
  })
})

describe('FakeGitHub pull requests', () => {
  test('a second PR for the same head gets GitHub\'s 422 "already exists" shape, then list and update find it', async () => {
    const { fake, octokit } = await startFake()
    const pr = { ...repoRef, head: 'agent/issue-1', base: 'main', title: 'First', draft: true }
    await octokit.rest.pulls.create(pr)
    const { status, data } = await failure(octokit.rest.pulls.create({ ...pr, title: 'Second' }))
    expect(status).toBe(422)
    expect(data).toEqual({
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for octo-org:agent/issue-1.' }],
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      status: '422'
    })
    const [found] = (await octokit.rest.pulls.list({ ...repoRef, head: 'octo-org:agent/issue-1', state: 'open' })).data
    const updated = await octokit.rest.pulls.update({ ...repoRef, pull_number: found.number, title: 'Second', body: 'new body' })
    expect(updated.data).toMatchObject({ number: 1, title: 'Second', body: 'new body', draft: true })
    expect(fake.pullRequests()).toHaveLength(1)
    fake.assertNoProblems()
  })

  test('a head missing on origin, or with no commits beyond the base, is refused like GitHub does', async () => {
    const { fake, octokit } = await startFake()
    const missing = await failure(octokit.rest.pulls.create({ ...repoRef, head: 'agent/issue-404', base: 'main', title: 't' }))
    expect(missing).toMatchObject({ status: 422, data: { errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }] } })
    const empty = await failure(octokit.rest.pulls.create({ ...repoRef, head: 'main', base: 'agent/issue-1', title: 't' }))
    expect(empty.data).toMatchObject({ errors: [{ code: 'custom', message: 'No commits between agent/issue-1 and main' }] })
    const multiSegment = await octokit.rest.pulls.create({ ...repoRef, head: 'feature/deep/name', base: 'main', title: 'deep' })
    expect(multiSegment.data.head.ref).toBe('feature/deep/name')
    fake.assertNoProblems()
  })

  test('forbidden operations are answered but listed, and fail assertNoProblems', async () => {
    const { fake, octokit } = await startFake({ pulls: [{ number: 1, head: 'agent/issue-1', title: 't' }] })
    await octokit.rest.pulls.merge({ ...repoRef, pull_number: 1 })
    await octokit.rest.pulls.createReview({ ...repoRef, pull_number: 1, event: 'APPROVE' })
    await octokit.graphql('mutation { markPullRequestReadyForReview(input: {pullRequestId: "x"}) { clientMutationId } }')
    await octokit.rest.git.createRef({ ...repoRef, ref: 'refs/heads/x', sha: 'a'.repeat(40) })
    await octokit
      .request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...repoRef, pull_number: 1, draft: false })
      .catch(() => undefined)
    expect(fake.forbiddenRequests().map((r) => r.operationId)).toEqual([
      'pulls/merge',
      'pulls/create-review',
      'graphql',
      'git/create-ref',
      'pulls/update'
    ])
    expect(() => fake.assertNoProblems()).toThrow('forbidden request: PUT /repos/octo-org/octo-repo/pulls/1/merge')
  })
})

describe('FakeGitHub issues, comments, permissions, rules', () => {
  test('comments are created, updated and paginated through Link headers', async () => {
    const { fake, octokit } = await startFake({
      issues: [{ number: 7, title: 'Add a flag', body: 'Please', labels: ['agent'], user: 'alice' }],
      comments: [1, 2, 3, 4].map((n) => ({ issueNumber: 7, body: `comment ${n}`, user: 'bob' }))
    })
    const issue = await octokit.rest.issues.get({ ...repoRef, issue_number: 7 })
    expect(issue.data).toMatchObject({ number: 7, title: 'Add a flag', labels: [{ name: 'agent' }], user: { login: 'alice' }, comments: 4 })
    expect(issue.data.pull_request).toBeUndefined()
    const created = await octokit.rest.issues.createComment({ ...repoRef, issue_number: 7, body: '<!-- marker --> working' })
    await octokit.rest.issues.updateComment({ ...repoRef, comment_id: created.data.id, body: '<!-- marker --> done' })
    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...repoRef, issue_number: 7, per_page: 2 })
    expect(all.map((c) => c.body)).toEqual(['comment 1', 'comment 2', 'comment 3', 'comment 4', '<!-- marker --> done'])
    expect(all[4].user?.login).toBe('github-actions[bot]')
    expect(fake.countByOperation()['issues/list-comments']).toBe(3)
    expect((await failure(octokit.rest.issues.get({ ...repoRef, issue_number: 99 }))).status).toBe(404)
    fake.assertNoProblems()
  })

  test("permission keeps GitHub's quirk: maintain reads as write, triage as read, role_name tells the truth", async () => {
    const { fake, octokit } = await startFake({
      permissions: { mia: 'maintain', tim: 'triage', ada: 'admin', cuz: { permission: 'write', roleName: 'deployer' } }
    })
    const level = async (username: string) => (await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repoRef, username })).data
    expect(await level('mia')).toMatchObject({ permission: 'write', role_name: 'maintain', user: { login: 'mia' } })
    expect(await level('tim')).toMatchObject({ permission: 'read', role_name: 'triage' })
    expect(await level('ada')).toMatchObject({ permission: 'admin', role_name: 'admin' })
    expect(await level('cuz')).toMatchObject({ permission: 'write', role_name: 'deployer' })
    expect(await level('stranger')).toMatchObject({ permission: 'read', role_name: 'read' })
    fake.assertNoProblems()
    const { octokit: privateRepo } = await startFake({ unknownUserPermission: 'not-found' })
    expect((await failure(privateRepo.rest.repos.getCollaboratorPermissionLevel({ ...repoRef, username: 'stranger' }))).status).toBe(404)
  })

  test('branch rules are served per branch, empty by default', async () => {
    const rule = {
      type: 'pull_request',
      parameters: {
        dismiss_stale_reviews_on_push: false,
        require_code_owner_review: false,
        require_last_push_approval: false,
        required_approving_review_count: 1,
        required_review_thread_resolution: false
      },
      ruleset_source_type: 'Repository',
      ruleset_source: 'octo-org/octo-repo',
      ruleset_id: 42
    }
    const { fake, octokit } = await startFake({ rules: { main: [rule] } })
    expect((await octokit.rest.repos.getBranchRules({ ...repoRef, branch: 'main' })).data).toEqual([rule])
    expect((await octokit.rest.repos.getBranchRules({ ...repoRef, branch: 'feature/deep/name' })).data).toEqual([])
    expect(fake.requests[1].path).toBe('/repos/octo-org/octo-repo/rules/branches/feature%2Fdeep%2Fname')
    fake.assertNoProblems()
  })
})

describe('FakeGitHub actions: runs, jobs, logs', () => {
  const runs = [{ id: 77, headBranch: 'main', headSha: 'a'.repeat(40), runAttempt: 2 }]
  const jobs = {
    77: [
      { id: 501, name: 'test', runAttempt: 1, steps: [{ name: 'npm test', conclusion: 'failure' }] },
      {
        id: 502,
        name: 'test',
        runAttempt: 2,
        steps: [
          { name: 'Set up job', conclusion: 'success' },
          { name: 'npm test', conclusion: 'failure' }
        ]
      },
      { id: 503, name: 'lint', runAttempt: 2, conclusion: 'success' }
    ]
  }

  test('a run and its jobs, latest attempt by default, a given attempt on request', async () => {
    const { fake, octokit } = await startFake({ runs, jobs })
    const run = (await octokit.rest.actions.getWorkflowRun({ ...repoRef, run_id: 77 })).data
    expect(run).toMatchObject({
      id: 77,
      conclusion: 'failure',
      head_branch: 'main',
      run_attempt: 2,
      head_repository: { id: target.repoId }
    })
    const latest = (await octokit.rest.actions.listJobsForWorkflowRun({ ...repoRef, run_id: 77, filter: 'latest' })).data
    expect(latest.jobs.map((j) => j.id)).toEqual([502, 503])
    expect(latest.jobs[0].steps?.map((s) => [s.number, s.name, s.conclusion])).toEqual([
      [1, 'Set up job', 'success'],
      [2, 'npm test', 'failure']
    ])
    const first = (await octokit.rest.actions.listJobsForWorkflowRunAttempt({ ...repoRef, run_id: 77, attempt_number: 1 })).data
    expect(first).toMatchObject({ total_count: 1, jobs: [{ id: 501 }] })
    expect((await octokit.rest.actions.listJobsForWorkflowRun({ ...repoRef, run_id: 77, filter: 'all' })).data.total_count).toBe(3)
    fake.assertNoProblems()
  })

  test('a job log answers 302 to another origin; Octokit follows it without carrying the token', async () => {
    const { fake, octokit } = await startFake({ runs, jobs, logs: { 502: '2024-01-01T00:00:00.0000000Z FAIL src/a.test.ts\n' } })
    const log = await octokit.rest.actions.downloadJobLogsForWorkflowRun({ ...repoRef, job_id: 502 })
    expect(log.data).toBe('2024-01-01T00:00:00.0000000Z FAIL src/a.test.ts\n')
    expect(fake.requests.map((r) => [r.operationId, r.status])).toEqual([
      ['actions/download-job-logs-for-workflow-run', 302],
      ['blob-download', 200]
    ])
    fake.assertNoProblems()
  })

  test('a 500 MB log streams lazily: a reader that stops early costs only what it read', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x\n')
    let produced = 0
    const total = (500 * 1024 * 1024) / chunk.length
    const { fake } = await startFake({
      runs,
      jobs,
      logs: {
        502: () =>
          (function* () {
            for (let i = 0; i < total; i++) {
              produced++
              yield chunk
            }
          })()
      }
    })
    const redirect = await fetch(`${fake.url}/repos/octo-org/octo-repo/actions/jobs/502/logs`, {
      headers: { authorization: `token ${fake.token}` },
      redirect: 'manual'
    })
    expect(redirect.status).toBe(302)
    const location = redirect.headers.get('location') as string
    expect(location.startsWith(fake.blobUrl)).toBe(true)
    const reader = (await fetch(location)).body!.getReader()
    let received = 0
    while (received < 2 * 1024 * 1024) received += ((await reader.read()).value as Uint8Array).length
    await reader.cancel()
    expect(produced).toBeLessThan(total / 20)
    fake.assertNoProblems()
  })

  test('a blob request carrying the token is a problem: the storage host is a third party', async () => {
    const { fake } = await startFake({ runs, jobs, logs: { 502: 'log' } })
    const redirect = await fetch(`${fake.url}/repos/octo-org/octo-repo/actions/jobs/502/logs`, {
      headers: { authorization: `token ${fake.token}` },
      redirect: 'manual'
    })
    await (await fetch(redirect.headers.get('location') as string, { headers: { authorization: `token ${fake.token}` } })).text()
    expect(fake.problems).toEqual([expect.stringContaining('the GitHub token was sent to the log storage host')])
  })
})

describe('FakeGitHub faults', () => {
  test('a fault answers N matching requests, then the fake answers normally again', async () => {
    const { fake, octokit } = await startFake()
    const handle = fake.injectFault({ operationId: 'repos/get', status: 502, times: 2 })
    expect((await failure(octokit.rest.repos.get(repoRef))).status).toBe(502)
    expect((await failure(octokit.rest.repos.get(repoRef))).status).toBe(502)
    expect((await octokit.rest.repos.get(repoRef)).data.full_name).toBe('octo-org/octo-repo')
    expect(handle).toMatchObject({ hits: 2, remaining: 0 })
    expect(fake.requests.map((r) => [r.status, r.faulted])).toEqual([
      [502, true],
      [502, true],
      [200, false]
    ])
    fake.assertNoProblems()
  })

  test('rate limits carry the headers the throttling plugin reads', async () => {
    const { fake, octokit } = await startFake()
    fake.injectFault({ method: 'POST', pathRegex: /\/issues\/\d+\/comments$/, ...secondaryRateLimit(1) })
    fake.injectFault({ operationId: 'repos/get', ...primaryRateLimit(30) })
    const secondary = await failure(octokit.rest.issues.createComment({ ...repoRef, issue_number: 1, body: 'x' }))
    expect(secondary).toMatchObject({
      status: 403,
      headers: { 'retry-after': '1' },
      data: { message: expect.stringMatching(/secondary rate limit/) }
    })
    const primary = await failure(octokit.rest.repos.get(repoRef))
    expect(primary).toMatchObject({ status: 403, headers: { 'x-ratelimit-remaining': '0' } })
    expect(Number(primary.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000)
  })

  test('offline means connection refused, until it comes back on the same address', async () => {
    const { fake, octokit } = await startFake()
    const url = fake.url
    await fake.goOffline()
    await expect(octokit.rest.repos.get(repoRef)).rejects.toThrow()
    await fake.goOnline()
    expect(fake.url).toBe(url)
    expect((await octokit.rest.repos.get(repoRef)).status).toBe(200)
  })
})

describe('webhook events', () => {
  test('issues.labeled keeps the real structure and points at the target repository', () => {
    const payload = issueLabeledEvent({
      ...target,
      issueNumber: 12,
      label: 'agent',
      labels: ['bug'],
      sender: 'alice',
      title: 'Add --json',
      body: 'Please add it'
    })
    expect(payload.action).toBe('labeled')
    expect(payload.label?.name).toBe('agent')
    expect(payload.issue.labels?.map((l) => l.name)).toEqual(['bug', 'agent'])
    expect(payload.issue).toMatchObject({ number: 12, title: 'Add --json', body: 'Please add it', user: { login: 'alice' } })
    expect(payload.repository).toMatchObject({ id: 123456789, full_name: 'octo-org/octo-repo', owner: { login: 'octo-org' } })
    expect(payload.sender).toMatchObject({ login: 'alice', type: 'User' })
    expect(JSON.stringify(payload)).not.toContain('Codertocat/Hello-World')
    const example = loadWebhookExample('issues', (p: { action?: string }) => p.action === 'labeled')
    expect(Object.keys(payload).sort()).toEqual(Object.keys(example).sort())
  })

  test('issue_comment.created on an issue or a pull request', () => {
    const onIssue = issueCommentEvent({ ...target, issueNumber: 3, sender: 'dependabot[bot]', commentBody: '/agent also add docs' })
    expect(onIssue.comment).toMatchObject({ body: '/agent also add docs', user: { login: 'dependabot[bot]', type: 'Bot' } })
    expect(onIssue.issue.pull_request).toBeUndefined()
    const onPull = issueCommentEvent({ ...target, issueNumber: 4, sender: 'alice', commentBody: '/agent', onPullRequest: true })
    expect(onPull.issue.pull_request?.url).toBe('https://api.github.com/repos/octo-org/octo-repo/pulls/4')
  })

  test('workflow_run failed, from this repository or a fork', () => {
    const own = workflowRunFailedEvent({
      ...target,
      headBranch: 'main',
      headSha: 'b'.repeat(40),
      runId: 555,
      actor: 'alice',
      triggeringActor: 'bob'
    })
    expect(own.workflow_run).toMatchObject({
      id: 555,
      conclusion: 'failure',
      status: 'completed',
      head_branch: 'main',
      head_sha: 'b'.repeat(40),
      actor: { login: 'alice' },
      triggering_actor: { login: 'bob' },
      head_repository: { id: 123456789, full_name: 'octo-org/octo-repo' }
    })
    expect(own.workflow_run.url).toBe('https://api.github.com/repos/octo-org/octo-repo/actions/runs/555')
    const fork = workflowRunFailedEvent({
      ...target,
      headBranch: 'patch-1',
      headSha: 'c'.repeat(40),
      runId: 556,
      actor: 'mallory',
      headRepoId: 999,
      headRepoFullName: 'mallory/octo-repo'
    })
    expect(fork.workflow_run.head_repository).toMatchObject({ id: 999, full_name: 'mallory/octo-repo', fork: true })
    expect(fork.workflow_run.repository.id).toBe(123456789)
  })

  test('workflow_dispatch and push', () => {
    expect(workflowDispatchEvent({ ...target, inputs: { 'issue-number': '5' } })).toMatchObject({
      inputs: { 'issue-number': '5' },
      ref: 'refs/heads/main'
    })
    const push = pushEvent({ ...target, ref: 'refs/heads/main', before: '1'.repeat(40), after: '2'.repeat(40) })
    expect(push).toMatchObject({
      ref: 'refs/heads/main',
      after: '2'.repeat(40),
      head_commit: { id: '2'.repeat(40) },
      repository: { full_name: 'octo-org/octo-repo' }
    })
  })
})

describe('repository fixture', () => {
  test('the workspace is what actions/checkout leaves: a shallow branch tracking origin, no identity, a persisted token', async () => {
    expect((await fixture.git(['symbolic-ref', '--short', 'HEAD'])).trim()).toBe('main')
    expect((await fixture.git(['rev-parse', '--abbrev-ref', 'main@{upstream}'])).trim()).toBe('origin/main')
    expect((await fixture.git(['rev-parse', '--is-shallow-repository'])).trim()).toBe('true')
    await expect(fixture.git(['config', 'user.name'])).rejects.toThrow()
    const header = (await fixture.git(['config', '--get', 'http.https://github.com/.extraheader'])).trim()
    expect(header).toBe(`AUTHORIZATION: basic ${Buffer.from('x-access-token:ghs_fake_token').toString('base64')}`)
    expect(await fs.stat(path.join(fixture.workspaceDir, 'test.sh')).then((s) => s.mode & 0o111)).toBeTruthy()
  })

  test('origin helpers see branches, files and commits pushed later', async () => {
    expect(await fixture.originBranches()).toEqual(expect.arrayContaining(['agent/issue-1', 'feature/deep/name', 'main']))
    expect(await fixture.originFile('agent/issue-1', 'feature.txt')).toBe('new feature\n')
    expect(await fixture.originFile('main', 'feature.txt')).toBeUndefined()
    const sha = await fixture.pushToOrigin('fix/red', { 'README.md': '# fixed\n' }, 'Fix the build')
    expect(await fixture.originSha('fix/red')).toBe(sha)
    const [head, parent] = await fixture.originLog('fix/red')
    expect(head).toMatchObject({ sha, subject: 'Fix the build', authorName: 'Fixture Author', parents: [parent.sha] })
  })

  test('checkout v6 layout: the credential lives in RUNNER_TEMP behind includeIf', async () => {
    const v6 = await createRepoFixture({ files: { 'a.txt': 'a\n' }, credentials: 'includeIf', token: 'ghs_v6', fetchDepth: 0 })
    try {
      expect(v6.credential?.file).toMatch(new RegExp(`^${v6.runnerTemp}/git-credentials-[0-9a-f-]+\\.config$`))
      expect(await fs.readFile(v6.credential!.file!, 'utf8')).toContain(v6.credential!.header)
      expect(await fs.readFile(path.join(v6.workspaceDir, '.git', 'config'), 'utf8')).not.toContain('basic ')
      expect((await v6.git(['config', '--includes', '--get', 'http.https://github.com/.extraheader'])).trim()).toBe(v6.credential!.header)
      expect((await v6.git(['rev-parse', '--is-shallow-repository'])).trim()).toBe('false')
    } finally {
      await v6.cleanup()
    }
  })
})

describe('runAction', () => {
  let dir: string
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'run-action-selftest-'))
    await fs.writeFile(
      path.join(dir, 'action.yml'),
      [
        'name: probe',
        'inputs:',
        '  github-token:',
        "    default: '${{ github.token }}'",
        '  retry-cap:',
        "    default: '3'",
        '  my input:',
        "    default: 'spaced'",
        '  no-default:',
        "    description: 'no default'",
        'runs:',
        "  using: 'node24'",
        "  main: 'probe.mjs'"
      ].join('\n')
    )
    await fs.writeFile(
      path.join(dir, 'probe.mjs'),
      `import fs from 'node:fs'
const env = process.env
fs.appendFileSync(env.GITHUB_OUTPUT, 'token=' + env['INPUT_GITHUB-TOKEN'] + '\\n')
fs.appendFileSync(env.GITHUB_OUTPUT, 'multi<<ghadelimiter_1\\nline one\\nline=two\\nghadelimiter_1\\n')
fs.appendFileSync(env.GITHUB_STEP_SUMMARY, '## Result\\n')
fs.appendFileSync(env.GITHUB_ENV, 'EXPORTED=yes\\n')
const event = JSON.parse(fs.readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))
console.log(JSON.stringify({ cwd: process.cwd(), issue: event.issue.number, env }))
console.log('::add-mask::s3cr3t')
console.log('::stop-commands::pause-1')
console.log('::error::issue text pretending to be a command')
console.log('::pause-1::')
console.log('::warning file=src/a.ts,line=3::two%0Alines')
if (env.PROBE_SLEEP) { const { spawn } = await import('node:child_process'); spawn('sleep', ['30'], { stdio: 'ignore' }); await new Promise((r) => setTimeout(r, 30000)) }
if (env.PROBE_ORPHAN) { const { spawn } = await import('node:child_process'); spawn('sleep', ['30'], { stdio: 'ignore' }).unref() }
process.exitCode = 3
`
    )
  })
  afterAll(() => fs.rm(dir, { recursive: true, force: true }))

  const event = () => issueLabeledEvent({ ...target, issueNumber: 12, label: 'agent', sender: 'alice' })

  test('the script gets the runner environment and its file commands are read back', async () => {
    const { fake } = await startFake()
    const run = await runAction({
      actionYml: path.join(dir, 'action.yml'),
      dist: path.join(dir, 'probe.mjs'),
      workspaceDir: fixture.workspaceDir,
      runnerTemp: fixture.runnerTemp,
      eventName: 'issues',
      event: event(),
      inputs: { 'retry-cap': '5' },
      env: { EXTRA: 'x' },
      fake
    })
    expect(run).toMatchObject({ exitCode: 3, timedOut: false, leftProcesses: false })
    expect(run.outputs).toEqual({ token: 'ghs_fake_token', multi: 'line one\nline=two' })
    expect(run.summary).toBe('## Result\n')
    expect(run.exportedEnv).toEqual({ EXPORTED: 'yes' })
    const seen = JSON.parse(run.stdout.split('\n')[0]) as { cwd: string; issue: number; env: Record<string, string> }
    expect(seen.cwd).toBe(fixture.workspaceDir)
    expect(seen.issue).toBe(12)
    expect(seen.env).toMatchObject({
      'INPUT_GITHUB-TOKEN': 'ghs_fake_token',
      'INPUT_RETRY-CAP': '5',
      INPUT_MY_INPUT: 'spaced',
      GITHUB_EVENT_NAME: 'issues',
      GITHUB_API_URL: fake.url,
      GITHUB_GRAPHQL_URL: `${fake.url}/graphql`,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_REPOSITORY_ID: '123456789',
      GITHUB_WORKSPACE: fixture.workspaceDir,
      GITHUB_ACTOR: 'alice',
      GITHUB_SHA: await fixture.originSha('main'),
      GITHUB_REF: 'refs/heads/main',
      RUNNER_TEMP: fixture.runnerTemp,
      RUNNER_OS: 'Linux',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      EXTRA: 'x',
      ACTIONS_RUNTIME_TOKEN: run.runnerSecrets.ACTIONS_RUNTIME_TOKEN
    })
    expect(seen.env['INPUT_NO-DEFAULT']).toBeUndefined()
    expect(seen.env.NODE_OPTIONS).toBeUndefined()
    expect(run.masks).toEqual(['s3cr3t'])
    expect(run.commands.map((c) => c.command)).toEqual(['add-mask', 'warning'])
    expect(run.commands[1]).toEqual({ command: 'warning', properties: { file: 'src/a.ts', line: '3' }, message: 'two\nlines' })
  })

  test('an undeclared input is refused; a hung action is killed with its children', async () => {
    const { fake } = await startFake()
    const base = {
      actionYml: path.join(dir, 'action.yml'),
      dist: path.join(dir, 'probe.mjs'),
      workspaceDir: fixture.workspaceDir,
      runnerTemp: fixture.runnerTemp,
      eventName: 'issues',
      event: event(),
      fake
    }
    await expect(runAction({ ...base, inputs: { 'retry-cpa': '5' } })).rejects.toThrow("Unexpected input 'retry-cpa'")
    const hung = await runAction({ ...base, env: { PROBE_SLEEP: '1' }, timeoutMs: 800 })
    expect(hung).toMatchObject({ timedOut: true, exitCode: null, signal: 'SIGKILL' })
    const orphaning = await runAction({ ...base, env: { PROBE_ORPHAN: '1' } })
    expect(orphaning).toMatchObject({ exitCode: 3, leftProcesses: true })
  })

  test('a scenario wires fixture, fake and action together', async () => {
    const scenario = await startScenario({
      files: { 'README.md': 'hi\n' },
      defaultBranch: 'trunk',
      fake: { owner: 'acme', repo: 'widgets', repoId: 42, issues: [{ number: 12, title: 'Do it' }] }
    })
    try {
      expect(scenario.target).toEqual({ owner: 'acme', repo: 'widgets', repoId: 42, defaultBranch: 'trunk' })
      const run = await scenario.run({
        actionYml: path.join(dir, 'action.yml'),
        dist: path.join(dir, 'probe.mjs'),
        eventName: 'issues',
        event: issueLabeledEvent({ ...scenario.target, issueNumber: 12, label: 'agent', sender: 'alice' })
      })
      const seen = JSON.parse(run.stdout.split('\n')[0]) as { cwd: string; env: Record<string, string> }
      expect(seen.cwd).toBe(scenario.fixture.workspaceDir)
      expect(seen.env).toMatchObject({
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_API_URL: scenario.fake.url,
        GITHUB_REF: 'refs/heads/trunk'
      })
      const octokit = getOctokit(run.outputs.token, { baseUrl: scenario.fake.url })
      expect((await octokit.rest.repos.get({ owner: 'acme', repo: 'widgets' })).data.default_branch).toBe('trunk')
      scenario.fake.assertNoProblems()
    } finally {
      await scenario.cleanup()
    }
  })

  test('file commands and workflow commands parse as the runner parses them', () => {
    expect(parseFileCommand('a=1\nb<<EOF\nx\n\ny\nEOF\nc=d=e\n')).toEqual({ a: '1', b: 'x\n\ny', c: 'd=e' })
    expect(() => parseFileCommand('b<<EOF\nnever closed\n')).toThrow('Matching delimiter not found')
    expect(parseWorkflowCommands('::error title=A%2CB%3A C::100%25 broken\n  ::notice::indented\nplain ::warning::not a command')).toEqual([
      { command: 'error', properties: { title: 'A,B: C' }, message: '100% broken' },
      { command: 'notice', properties: {}, message: 'indented' }
    ])
  })
})
