import { afterEach, describe, expect, it } from '@jest/globals'
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js'
import { ForbiddenRequestError } from '../../src/github/request-guard.js'
import { sendJson, startLocalServer, type LocalServer, type Responder } from './github-local-server.js'

let server: LocalServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function clientAgainst(
  respond: Responder,
  basePath = ''
): Promise<{ octokit: GitHubClient; warnings: string[]; server: LocalServer }> {
  server = await startLocalServer(respond)
  const warnings: string[] = []
  const octokit = createGitHubClient('secret-token', {
    baseUrl: `${server.url}${basePath}`,
    log: { warning: (message) => warnings.push(message) },
    retryAfterBaseMs: 1
  })
  return { octokit, warnings, server }
}

const ok: Responder = (_request, response) => sendJson(response, 200, { ok: true })
const repo = { owner: 'octo', repo: 'app' }

const forbiddenCalls: [string, (octokit: GitHubClient) => Promise<unknown>, RegExp][] = [
  ['merge a pull request', (o) => o.rest.pulls.merge({ ...repo, pull_number: 7 }), /merging a pull request/],
  ['merge a branch', (o) => o.rest.repos.merge({ ...repo, base: 'main', head: 'agent/issue-1' }), /merging a branch/],
  ['merge upstream', (o) => o.rest.repos.mergeUpstream({ ...repo, branch: 'main' }), /merging upstream/],
  ['update a PR branch by merge', (o) => o.rest.pulls.updateBranch({ ...repo, pull_number: 7 }), /merging the base/],
  ['approve a pull request', (o) => o.rest.pulls.createReview({ ...repo, pull_number: 7, event: 'APPROVE' }), /approving/],
  ['submit a review', (o) => o.rest.pulls.submitReview({ ...repo, pull_number: 7, review_id: 3, event: 'APPROVE' }), /approving/],
  ['dismiss a review', (o) => o.rest.pulls.dismissReview({ ...repo, pull_number: 7, review_id: 3, message: 'x' }), /approving/],
  [
    'mark a PR ready (REST)',
    (o) => o.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { ...repo, pull_number: 7, draft: false }),
    /ready for review/
  ],
  ['change a PR base', (o) => o.rest.pulls.update({ ...repo, pull_number: 7, base: 'release' }), /title and body/],
  ['close a PR', (o) => o.rest.pulls.update({ ...repo, pull_number: 7, state: 'closed' }), /title and body/],
  [
    'enable auto-merge',
    (o) => o.graphql('mutation { enablePullRequestAutoMerge(input: {pullRequestId: "P"}) { clientMutationId } }'),
    /enablePullRequestAutoMerge/
  ],
  [
    'mark ready (GraphQL)',
    (o) => o.graphql('mutation($id: ID!) { markPullRequestReadyForReview(input: {pullRequestId: $id}) { clientMutationId } }', { id: 'P' }),
    /markPullRequestReadyForReview/
  ],
  [
    'merge (GraphQL)',
    (o) => o.graphql('mutation { mergePullRequest(input: {pullRequestId: "P"}) { clientMutationId } }'),
    /mergePullRequest/
  ],
  [
    'review (GraphQL)',
    (o) => o.graphql('mutation { addPullRequestReview(input: {pullRequestId: "P", event: APPROVE}) { clientMutationId } }'),
    /addPullRequestReview/
  ],
  [
    'merge branch (GraphQL)',
    (o) => o.graphql('mutation { mergeBranch(input: {repositoryId: "R", base: "main", head: "x"}) { clientMutationId } }'),
    /mergeBranch/
  ],
  [
    'an unnamed mutation',
    (o) => o.graphql('MUTATION { deleteRef(input: {refId: "R"}) { clientMutationId } }'),
    /GraphQL mutations are refused/
  ],
  ['create a ref', (o) => o.rest.git.createRef({ ...repo, ref: 'refs/heads/main', sha: 'a'.repeat(40) }), /git refs/],
  ['move a ref', (o) => o.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: 'a'.repeat(40), force: true }), /git refs/],
  ['delete a ref', (o) => o.rest.git.deleteRef({ ...repo, ref: 'heads/main' }), /git refs/],
  [
    'write a file',
    (o) => o.rest.repos.createOrUpdateFileContents({ ...repo, path: 'a.txt', message: 'm', content: 'eA==' }),
    /files are never written/
  ],
  [
    'delete a file',
    (o) => o.rest.repos.deleteFile({ ...repo, path: 'a.txt', message: 'm', sha: 'a'.repeat(40) }),
    /files are never written/
  ],
  [
    'change branch protection',
    (o) =>
      o.rest.repos.updateBranchProtection({
        ...repo,
        branch: 'main',
        required_status_checks: null,
        enforce_admins: null,
        required_pull_request_reviews: null,
        restrictions: null
      }),
    /protection/
  ],
  ['remove branch protection', (o) => o.rest.repos.deleteBranchProtection({ ...repo, branch: 'feature/x' }), /protection/],
  ['rename a branch', (o) => o.rest.repos.renameBranch({ ...repo, branch: 'main', new_name: 'old' }), /branches/],
  ['delete a ruleset', (o) => o.rest.repos.deleteRepoRuleset({ ...repo, ruleset_id: 1 }), /rulesets/],
  ['allow auto-merge in settings', (o) => o.rest.repos.update({ ...repo, allow_auto_merge: true }), /repository settings/],
  [
    'let Actions approve PRs',
    (o) => o.rest.actions.setGithubActionsDefaultWorkflowPermissionsRepository({ ...repo, can_approve_pull_request_reviews: true }),
    /Actions permissions/
  ],
  ['any other write', (o) => o.rest.issues.addLabels({ ...repo, issue_number: 1, labels: ['x'] }), /not a write Gated Agent makes/],
  ['a percent-encoded merge route', (o) => o.request('PUT /repos/octo/app/pulls/7/%6Derge'), /merging a pull request/],
  ['a merge route with dot segments', (o) => o.request('PUT /repos/octo/app/issues/../pulls/7/merge'), /merging a pull request/]
]

describe('createGitHubClient request guard', () => {
  it.each(forbiddenCalls)('refuses to %s before anything reaches GitHub', async (_name, call, reason) => {
    const { octokit, server } = await clientAgainst(ok)
    const error = await call(octokit).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ForbiddenRequestError)
    expect((error as Error).message).toMatch(reason)
    expect(server.received).toHaveLength(0)
  })

  it('refuses relative to a GitHub Enterprise API prefix', async () => {
    const { octokit, server } = await clientAgainst(ok, '/api/v3')
    await expect(octokit.rest.pulls.merge({ ...repo, pull_number: 7 })).rejects.toThrow(/PUT \/repos\/octo\/app\/pulls\/7\/merge/)
    await expect(octokit.rest.issues.get({ ...repo, issue_number: 1 })).resolves.toMatchObject({ status: 200 })
    expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/v3/repos/octo/app/issues/1'])
  })

  it('lets the product’s own reads and writes through, with the token and user agent', async () => {
    const { octokit, server } = await clientAgainst((request, response) =>
      request.url === '/graphql' ? sendJson(response, 200, { data: { viewer: { login: 'me' } } }) : sendJson(response, 200, { number: 7 })
    )
    await octokit.rest.issues.get({ ...repo, issue_number: 1 })
    await octokit.rest.pulls.update({ ...repo, pull_number: 7, title: 't', body: 'b' })
    await expect(octokit.graphql('query { viewer { login } }')).resolves.toEqual({ viewer: { login: 'me' } })
    expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /repos/octo/app/issues/1',
      'PATCH /repos/octo/app/pulls/7',
      'POST /graphql'
    ])
    expect(server.received[0].headers.authorization).toBe('token secret-token')
    expect(server.received[0].headers['user-agent']).toMatch(/^gated-agent/)
  })
})

describe('createGitHubClient retries', () => {
  it('retries a POST that got a 502 and yields one success', async () => {
    let calls = 0
    const { octokit, server } = await clientAgainst((_request, response) =>
      ++calls === 1 ? sendJson(response, 502, { message: 'Server Error' }) : sendJson(response, 201, { id: 99 })
    )
    const result = await octokit.rest.issues.createComment({ ...repo, issue_number: 1, body: 'hello' })
    expect(result.status).toBe(201)
    expect(result.data.id).toBe(99)
    expect(server.received.map((r) => r.method)).toEqual(['POST', 'POST'])
    expect(server.received[1].body).toBe(JSON.stringify({ body: 'hello' }))
  })

  it('does not retry a 404 or a 422', async () => {
    const { octokit, server } = await clientAgainst((request, response) =>
      request.method === 'GET'
        ? sendJson(response, 404, { message: 'Not Found' })
        : sendJson(response, 422, { message: 'Validation Failed' })
    )
    await expect(octokit.rest.issues.get({ ...repo, issue_number: 1 })).rejects.toMatchObject({ status: 404 })
    await expect(octokit.rest.pulls.create({ ...repo, head: 'h', base: 'main', title: 't', draft: true })).rejects.toMatchObject({
      status: 422
    })
    expect(server.received).toHaveLength(2)
  })

  it.each([403, 429])('waits out a secondary rate limit (%d) as GitHub asks, logging why', async (status) => {
    let calls = 0
    const { octokit, warnings, server } = await clientAgainst((_request, response) =>
      ++calls === 1
        ? sendJson(
            response,
            status,
            { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
            { 'retry-after': '7' }
          )
        : sendJson(response, 200, { number: 1 })
    )
    await expect(octokit.rest.issues.get({ ...repo, issue_number: 1 })).resolves.toMatchObject({ status: 200 })
    expect(server.received).toHaveLength(2)
    expect(warnings).toEqual([expect.stringMatching(/secondary rate limit on GET .*retrying in 7s \(retry 1 of 2\)/)])
  })

  it('gives up on a rate limit after the configured retries and says so', async () => {
    const { octokit, warnings, server } = await clientAgainst((_request, response) =>
      sendJson(
        response,
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)) }
      )
    )
    await expect(octokit.rest.issues.get({ ...repo, issue_number: 1 })).rejects.toMatchObject({ status: 403 })
    expect(server.received).toHaveLength(3)
    expect(warnings.at(-1)).toMatch(/giving up after 2 retries/)
  })

  it('does not sit out a rate-limit wait longer than the maximum', async () => {
    const { octokit, warnings, server } = await clientAgainst((_request, response) =>
      sendJson(
        response,
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) }
      )
    )
    await expect(octokit.rest.issues.get({ ...repo, issue_number: 1 })).rejects.toMatchObject({ status: 403 })
    expect(server.received).toHaveLength(1)
    expect(warnings[0]).toMatch(/longer than 300s/)
  })
})
