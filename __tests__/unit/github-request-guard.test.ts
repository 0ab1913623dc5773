import { describe, expect, it } from '@jest/globals'
import { refusalFor } from '../../src/github/request-guard.js'

describe('refusalFor', () => {
  it.each([
    ['GET', '/repos/o/r/pulls/1/merge'],
    ['HEAD', '/repos/o/r/git/refs/heads/main'],
    ['POST', '/repos/o/r/issues/3/comments'],
    ['PATCH', '/repos/o/r/issues/comments/77'],
    // The younger of two progress comments (its own; see progress-comment.ts).
    ['DELETE', '/repos/o/r/issues/comments/77'],
    ['POST', '/repos/o/r/pulls'],
    ['post', '/repos/o/r/pulls?x=1'],
    // ci-workflow: CI started on an agent branch after a push.
    ['POST', '/repos/o/r/actions/workflows/ci.yml/dispatches']
  ])('lets %s %s through', (method, path) => {
    expect(refusalFor({ method, path, body: { title: 't', body: 'b', head: 'h', base: 'main', draft: true } })).toBeUndefined()
  })

  it('lets a title and body change of a PR through, as an object or as JSON text', () => {
    expect(refusalFor({ method: 'PATCH', path: '/repos/o/r/pulls/5', body: { title: 't', body: 'b' } })).toBeUndefined()
    expect(refusalFor({ method: 'PATCH', path: '/repos/o/r/pulls/5', body: '{"title":"t"}' })).toBeUndefined()
  })

  it.each([
    ['PUT', '/repos/o/r/pulls/1/merge/', undefined, /merging a pull request/],
    ['PUT', '/REPOS/o/r/PULLS/1/MERGE', undefined, /merging a pull request/],
    ['PUT', '/repos/o/r//pulls/1/merge', undefined, /merging a pull request/],
    ['PATCH', '/repos/o/r/pulls/5', '{"draft":false}', /ready for review/],
    ['PATCH', '/repos/o/r/pulls/5', { title: 't', draft: false }, /ready for review/],
    ['DELETE', '/repos/o/r/git/refs/heads%2Fmain', undefined, /git refs/],
    ['PUT', '/repos/o/r/branches/feature%2Fx/protection/required_status_checks', undefined, /protection/],
    ['POST', '/graphql', { query: 'mutation M { mergePullRequest(input: {}) { clientMutationId } }' }, /mergePullRequest/],
    ['GET', '/graphql', undefined, undefined],
    ['DELETE', '/repos/o/r', undefined, /repository settings/],
    ['POST', '/repos/o/r/issues/3/labels', undefined, /not a write Gated Agent makes/],
    ['DELETE', '/repos/o/r/issues/3', undefined, /not a write Gated Agent makes/],
    ['DELETE', '/repos/o/r/pulls/comments/77', undefined, /not a write Gated Agent makes/],
    ['POST', '/user/repos', undefined, /not a write Gated Agent makes/],
    ['PUT', '/repos/o/r/actions/workflows/ci.yml/enable', undefined, /not a write Gated Agent makes/],
    ['POST', '/repos/o/r/actions/runs/5/rerun', undefined, /not a write Gated Agent makes/],
    ['POST', '/repos/o/r/actions/workflows/a/b/dispatches', undefined, /not a write Gated Agent makes/],
    ['POST', '/repos/o/r/pulls/5/reviews/3/comments', undefined, /review|not a write/]
  ])('judges %s %s (body %p)', (method, path, body, expected) => {
    const reason = refusalFor({ method, path, body })
    if (expected === undefined) expect(reason).toBeUndefined()
    else expect(reason).toMatch(expected)
  })

  it('allows a GraphQL query that reads', () => {
    expect(
      refusalFor({ method: 'POST', path: '/api/graphql', body: { query: 'query { repository(owner: "o", name: "r") { id } }' } })
    ).toBeUndefined()
  })
})
