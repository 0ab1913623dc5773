/**
 * The last line of the "never merges" promise: a request hook that refuses, before anything is
 * sent, every GitHub API call that could merge, approve, auto-merge, mark a pull request ready, or
 * write a branch, file, ref, rule or repository setting. The facade in `github-api.ts` never makes
 * such calls; this guard makes sure no other code path (a plugin, a future edit) can either.
 *
 * Writes are checked against an allowlist: the product only comments on issues and opens or
 * updates draft pull requests. The named refusals exist so the error says *why* a call is refused.
 */

/** A request the guard refused; it never reached GitHub. */
export class ForbiddenRequestError extends Error {
  override readonly name = 'ForbiddenRequestError'

  constructor(
    /** HTTP method of the refused request. */
    readonly method: string,
    /** Path of the refused request, relative to the API root. */
    readonly path: string,
    /** Why it is refused, in plain words. */
    readonly reason: string
  ) {
    super(
      `Gated Agent refused ${method} ${path}: ${reason}. ` +
        'It only comments on issues and opens or updates draft pull requests; it cannot merge, approve, ' +
        'mark ready or write branches through the API.'
    )
  }
}

/** A request as the guard judges it. */
export interface GuardedRequest {
  method: string
  /** Path relative to the API root, e.g. `/repos/o/r/pulls/1/merge` (a query string is ignored). */
  path: string
  /** The JSON body, as an object or its serialised text. */
  body?: unknown
}

const REPO = '^/repos/[^/]+/[^/]+'

/** Named refusals, checked before the allowlist so the message says what the call would have done. */
const FORBIDDEN: { method: RegExp; path: RegExp; reason: string }[] = [
  { method: /^PUT$/, path: new RegExp(`${REPO}/pulls/[^/]+/merge$`), reason: 'merging a pull request is never done by Gated Agent' },
  { method: /^POST$/, path: new RegExp(`${REPO}/merges$`), reason: 'merging a branch is never done by Gated Agent' },
  { method: /^POST$/, path: new RegExp(`${REPO}/merge-upstream$`), reason: 'merging upstream into a branch is never done by Gated Agent' },
  {
    method: /^PUT$/,
    path: new RegExp(`${REPO}/pulls/[^/]+/update-branch$`),
    reason: 'merging the base into a pull request branch is never done by Gated Agent'
  },
  {
    method: /./,
    path: new RegExp(`${REPO}/pulls/[^/]+/reviews(/|$)`),
    reason: 'approving, reviewing or dismissing reviews is left to people'
  },
  {
    method: /./,
    path: new RegExp(`${REPO}/git(/|$)`),
    reason: 'git refs and objects are never written through the API (the action pushes its own branch with git)'
  },
  { method: /./, path: new RegExp(`${REPO}/contents(/|$)`), reason: 'files are never written through the API' },
  { method: /./, path: new RegExp(`${REPO}/branches(/|$)`), reason: 'branches and their protection are never changed by Gated Agent' },
  { method: /./, path: new RegExp(`${REPO}/rulesets(/|$)`), reason: 'rulesets are never changed by Gated Agent' },
  { method: /./, path: new RegExp(`${REPO}/actions/permissions(/|$)`), reason: 'Actions permissions are never changed by Gated Agent' },
  { method: /^(PATCH|DELETE)$/, path: new RegExp(`${REPO}$`), reason: 'repository settings are never changed by Gated Agent' }
]

/** The only writes the product makes (see `github-api.ts`). */
const ALLOWED_WRITES: { method: string; path: RegExp }[] = [
  { method: 'POST', path: new RegExp(`${REPO}/issues/\\d+/comments$`) },
  { method: 'PATCH', path: new RegExp(`${REPO}/issues/comments/\\d+$`) },
  // The younger of two progress comments two runs made at once (its own, see progress-comment.ts).
  { method: 'DELETE', path: new RegExp(`${REPO}/issues/comments/\\d+$`) },
  { method: 'POST', path: new RegExp(`${REPO}/pulls$`) },
  { method: 'PATCH', path: new RegExp(`${REPO}/pulls/\\d+$`) },
  // ci-workflow: start the repository's CI on an agent branch after a push (the token's pushes start none).
  { method: 'POST', path: new RegExp(`${REPO}/actions/workflows/[^/]+/dispatches$`) }
]

/** GraphQL mutations named in refusals; any mutation at all is refused. */
const NAMED_MUTATIONS = [
  'enablePullRequestAutoMerge',
  'markPullRequestReadyForReview',
  'mergePullRequest',
  'addPullRequestReview',
  'submitPullRequestReview',
  'mergeBranch'
]

/**
 * Why a request must not be sent, or undefined when it may be. Pure, so every rule is unit-tested.
 * Paths are judged as sent and percent-decoded, so an encoded route cannot slip past a rule.
 */
export function refusalFor(request: GuardedRequest): string | undefined {
  const method = request.method.toUpperCase()
  if (method === 'GET' || method === 'HEAD') return undefined
  const raw = normalisePath(request.path)
  const paths = [raw]
  try {
    const decoded = normalisePath(decodeURIComponent(raw))
    if (decoded !== raw) paths.push(decoded)
  } catch {
    // A malformed escape cannot be decoded; the raw path is still judged.
  }
  const body = parseBody(request.body)
  if (paths.some((path) => /\/graphql$/.test(path))) return graphqlRefusal(method, body)
  for (const path of paths) {
    const rule = FORBIDDEN.find((candidate) => candidate.method.test(method) && candidate.path.test(path))
    if (rule) return rule.reason
  }
  if (!paths.every((path) => ALLOWED_WRITES.some((rule) => rule.method === method && rule.path.test(path)))) {
    return 'it is not a write Gated Agent makes'
  }
  if (method === 'PATCH' && /\/pulls\/\d+$/.test(raw)) {
    if (body && body.draft === false) return 'marking a pull request ready for review is left to people'
    const extra = Object.keys(body ?? {}).filter((key) => key !== 'title' && key !== 'body')
    if (extra.length > 0) return `only a pull request's title and body are ever changed, not ${extra.join(', ')}`
  }
  return undefined
}

function graphqlRefusal(method: string, body: Record<string, unknown> | undefined): string | undefined {
  const query = typeof body?.query === 'string' ? body.query : ''
  if (method === 'POST' && !/\bmutation\b/i.test(query)) return undefined
  const named = NAMED_MUTATIONS.find((name) => query.includes(name))
  return named
    ? `the GraphQL mutation ${named} is refused (no mutation is ever sent)`
    : 'GraphQL mutations are refused (only queries are ever sent)'
}

function normalisePath(path: string): string {
  const withoutQuery = path.split(/[?#]/, 1)[0]
  return withoutQuery
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '')
}

function parseBody(body: unknown): Record<string, unknown> | undefined {
  if (typeof body === 'string') {
    try {
      const parsed: unknown = JSON.parse(body)
      return isRecord(parsed) ? parsed : undefined
    } catch {
      return undefined
    }
  }
  return isRecord(body) ? body : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
