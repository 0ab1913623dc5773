/**
 * `FakeGitHub`: a loopback HTTP server that plays the GitHub REST API for end-to-end tests.
 *
 * Every request is matched to an operation of GitHub's published OpenAPI description and
 * validated (path and query parameters, JSON body); anything GitHub would not accept, any
 * operation the fake does not implement, and any bad credential is recorded in `problems`.
 * The few operations the product needs are stateful (issues, comments, draft PRs, rules,
 * workflow runs, jobs, logs). Forbidden writes (merge, reviews, ref and content writes,
 * GraphQL mutations) are answered, so the product's own refusal is what a test proves, and
 * listed by `forbiddenRequests()`. Job logs are served from a second loopback origin, like
 * GitHub's blob storage, so a client that follows the redirect drops the token as it should.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { loadGitHubSpec, type GitHubSpec, type Operation } from './openapi-spec.js'
import {
  GitHubObjects,
  timestamp,
  userIdFor,
  type CommentState,
  type IssueState,
  type JobSeed,
  type PullState,
  type RunSeed
} from './github-objects.js'
import { defaultFaultBody, type FaultHandle, type FaultSpec } from './github-faults.js'
import { tryGit } from './git-command.js'

export type { RunSeed, JobSeed, PullState, IssueState, CommentState } from './github-objects.js'
export { primaryRateLimit, secondaryRateLimit, type FaultSpec, type FaultHandle } from './github-faults.js'

/** A repository role as GitHub names it. */
export type Role = 'admin' | 'maintain' | 'write' | 'triage' | 'read'

/** A custom role: GitHub reports its base `permission` and its own `role_name`. */
export interface CustomRole {
  permission: 'admin' | 'write' | 'read'
  roleName: string
}

/** An issue to seed. */
export interface IssueSeed {
  number: number
  title: string
  body?: string | null
  labels?: string[]
  /** Author login (default: the repository owner). */
  user?: string
  state?: 'open' | 'closed'
}

/** An issue comment to seed. */
export interface CommentSeed {
  issueNumber: number
  body: string
  user?: string
}

/** A pull request to seed (e.g. one a previous run opened). */
export interface PullSeed {
  number?: number
  head: string
  base?: string
  title: string
  body?: string | null
  draft?: boolean
  state?: 'open' | 'closed'
  user?: string
  /** A fork's pull request: the head repository's id (and its `owner/name`). */
  headRepoId?: number
  headRepoFullName?: string
}

/** An inline comment of a review, as `GET .../pulls/{n}/reviews/{id}/comments` lists it. */
export interface ReviewCommentSeed {
  pullNumber: number
  reviewId: number
  path: string
  line: number
  diffHunk: string
  body: string
  user?: string
}

/**
 * A job's log: text, bytes, or a factory of chunks (so a test can serve 500 MB without holding
 * it in memory: `() => (function* () { for (...) yield chunk })()`).
 */
export type LogSource = string | Buffer | (() => Iterable<string | Buffer> | AsyncIterable<string | Buffer>)

/** What a custom handler receives. */
export interface FakeRequest {
  method: string
  path: string
  operationId: string
  pathParams: Record<string, unknown>
  query: Record<string, unknown>
  body: unknown
  headers: http.IncomingHttpHeaders
}

/** What a handler answers. */
export interface FakeReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
  /** A body streamed in chunks instead of `body`. */
  stream?: Iterable<string | Buffer> | AsyncIterable<string | Buffer>
  /** Wait this long before answering. */
  delayMs?: number
}

/** A handler for one operation, by operation id. */
export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>

/** Everything a test can seed. */
export interface FakeGitHubOptions {
  owner?: string
  repo?: string
  repoId?: number
  ownerType?: 'User' | 'Organization'
  defaultBranch?: string
  /** The bare repository playing `origin`: PR heads and bases must exist there. */
  originDir?: string
  /** The only token the fake accepts (default `ghs_fake_token`). */
  token?: string
  /** Who the token acts as (default `github-actions[bot]`). */
  tokenLogin?: string
  permissions?: Record<string, Role | CustomRole>
  /** Users not in `permissions`: `read`, as a public repository answers, or 404 as a private one. */
  unknownUserPermission?: 'read' | 'not-found'
  issues?: IssueSeed[]
  comments?: CommentSeed[]
  pulls?: PullSeed[]
  /** Rules per branch, as `GET .../rules/branches/{branch}` returns them (default: none). */
  rules?: Record<string, unknown[]>
  runs?: RunSeed[]
  /** Jobs per run id. */
  jobs?: Record<number, JobSeed[]>
  /** Logs per job id. */
  logs?: Record<number, LogSource>
  /** Check the fake's own answers against the response schemas (default true). */
  validateResponses?: boolean
  /** Inline review comments, listed per review. */
  reviewComments?: ReviewCommentSeed[]
  /** Workflow files that have a `workflow_dispatch` trigger; dispatching any other is a 404 (or 422). */
  dispatchableWorkflows?: string[]
  /** Extra operations, by operation id, for scenarios the fake does not cover. */
  handlers?: Record<string, FakeHandler>
}

/** One request as the fake saw it. */
export interface RecordedRequest {
  method: string
  /** The raw path, as sent (percent-encoding kept). */
  path: string
  query: Record<string, string | string[]>
  body: unknown
  status: number
  /** The operation matched, `graphql`, `blob-download`, or undefined for an unknown route. */
  operationId?: string
  faulted: boolean
  forbidden: boolean
}

interface ActiveFault extends FaultSpec {
  hits: number
  remaining: number
}

// Operations that could merge, approve, or write a branch: the product must never reach them.
const FORBIDDEN_OPERATIONS = new Set([
  'pulls/merge',
  'pulls/create-review',
  'pulls/submit-review',
  'pulls/update-review',
  'pulls/dismiss-review',
  'pulls/update-branch',
  'repos/merge',
  'repos/merge-upstream',
  'repos/rename-branch',
  'repos/update',
  'repos/delete',
  'git/create-ref',
  'git/update-ref',
  'git/delete-ref',
  'repos/create-or-update-file-contents',
  'repos/delete-file'
])

function isForbidden(operation: Operation, body: unknown): boolean {
  if (FORBIDDEN_OPERATIONS.has(operation.operationId)) return true
  // Branch protection and rulesets guard the base: no write to them is ever legitimate here.
  if (operation.method !== 'GET' && /protection|ruleset/.test(operation.operationId)) return true
  // Turning a draft into a ready PR is a step toward merging.
  return operation.operationId === 'pulls/update' && (body as { draft?: unknown } | undefined)?.draft === false
}

const ROLE_PERMISSION: Record<Role, 'admin' | 'write' | 'read'> = {
  admin: 'admin',
  maintain: 'write', // GitHub's quirk: `permission` folds maintain into write ...
  write: 'write',
  triage: 'read', // ... and triage into read; `role_name` keeps the real role.
  read: 'read'
}

const NOT_FOUND = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }

function validationFailed(errors: unknown[], docs: string): Record<string, unknown> {
  return { message: 'Validation Failed', errors, documentation_url: docs, status: '422' }
}

/** The loopback GitHub. Start with `FakeGitHub.start(...)`, stop with `stop()`. */
export class FakeGitHub {
  /** Every request, in arrival order. */
  readonly requests: RecordedRequest[] = []
  /** Everything GitHub would have refused or the fake cannot answer faithfully. */
  readonly problems: string[] = []
  readonly owner: string
  readonly repo: string
  readonly repoId: number
  readonly defaultBranch: string
  readonly token: string
  readonly tokenLogin: string

  private readonly spec: GitHubSpec = loadGitHubSpec()
  private readonly apiServer: http.Server
  private readonly blobServer: http.Server
  private apiPort = 0
  private blobPort = 0
  private online = false
  private objects!: GitHubObjects
  private readonly faults: ActiveFault[] = []
  private readonly blobs = new Map<string, LogSource>()
  private readonly issues = new Map<number, IssueState>()
  private readonly comments: CommentState[] = []
  private readonly pulls: PullState[] = []
  private readonly permissions: Record<string, Role | CustomRole>
  private readonly rules: Record<string, unknown[]>
  private readonly runs = new Map<number, RunSeed>()
  private readonly jobs: Record<number, JobSeed[]>
  private readonly logs: Record<number, LogSource>
  private readonly handlers: Record<string, FakeHandler>
  private nextId = 3_000_000_001

  private constructor(private readonly options: FakeGitHubOptions) {
    this.owner = options.owner ?? 'octo-org'
    this.repo = options.repo ?? 'octo-repo'
    this.repoId = options.repoId ?? 123_456_789
    this.defaultBranch = options.defaultBranch ?? 'main'
    this.token = options.token ?? 'ghs_fake_token'
    this.tokenLogin = options.tokenLogin ?? 'github-actions[bot]'
    this.permissions = { ...(options.permissions ?? {}) }
    this.rules = { ...(options.rules ?? {}) }
    this.jobs = { ...(options.jobs ?? {}) }
    this.logs = { ...(options.logs ?? {}) }
    this.handlers = { ...(options.handlers ?? {}) }
    for (const run of options.runs ?? []) this.runs.set(run.id, run)
    const created = timestamp(new Date(Date.now() - 3_600_000))
    for (const seed of options.issues ?? []) this.addIssue(seed, created)
    for (const seed of options.comments ?? []) this.addComment(seed.issueNumber, seed.body, seed.user ?? this.owner)
    this.apiServer = http.createServer((req, res) => void this.serve(req, res, 'api'))
    this.blobServer = http.createServer((req, res) => void this.serve(req, res, 'blob'))
  }

  /** Starts the fake on 127.0.0.1 (ephemeral ports) with the given seeds. */
  static async start(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const fake = new FakeGitHub(options)
    await fake.goOnline()
    fake.objects = new GitHubObjects({
      url: fake.url,
      owner: fake.owner,
      repo: fake.repo,
      repoId: fake.repoId,
      defaultBranch: fake.defaultBranch,
      ownerType: options.ownerType ?? 'Organization'
    })
    for (const seed of options.pulls ?? []) await fake.seedPull(seed)
    return fake
  }

  /** The API's base URL (`GITHUB_API_URL`); web URLs (`html_url`) use it too. */
  get url(): string {
    return `http://127.0.0.1:${this.apiPort}`
  }

  /** Where job logs are served from: another origin, like GitHub's blob storage. */
  get blobUrl(): string {
    return `http://127.0.0.1:${this.blobPort}`
  }

  /** Closes both servers and every open connection: the API is unreachable until `goOnline()`. */
  async goOffline(): Promise<void> {
    if (!this.online) return
    this.online = false
    await Promise.all(
      [this.apiServer, this.blobServer].map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve())
            server.closeAllConnections()
          })
      )
    )
  }

  /** Listens again, on the same ports once they are known. */
  async goOnline(): Promise<void> {
    if (this.online) return
    const listen = (server: http.Server, port: number): Promise<number> =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject)
          resolve((server.address() as AddressInfo).port)
        })
      })
    this.apiPort = await listen(this.apiServer, this.apiPort)
    this.blobPort = await listen(this.blobServer, this.blobPort)
    this.online = true
  }

  /** Stops the fake for good. */
  async stop(): Promise<void> {
    await this.goOffline()
  }

  /** Answers the next `times` matching requests with a fault instead. */
  injectFault(spec: FaultSpec): FaultHandle {
    const fault: ActiveFault = { ...spec, hits: 0, remaining: spec.times ?? 1 }
    this.faults.push(fault)
    return {
      get hits() {
        return fault.hits
      },
      get remaining() {
        return fault.remaining
      },
      clear: () => {
        fault.remaining = 0
      }
    }
  }

  /** Requests that change something (every method but GET and HEAD). */
  writeRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD')
  }

  /** Requests that could merge, approve or write a branch; must be empty in every test. */
  forbiddenRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.forbidden)
  }

  /** How many requests each operation received. */
  countByOperation(): Record<string, number> {
    const counts: Record<string, number> = {}
    for (const r of this.requests) {
      const key = r.operationId ?? '(unknown route)'
      counts[key] = (counts[key] ?? 0) + 1
    }
    return counts
  }

  /** Requests to one operation. */
  requestsFor(operationId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId)
  }

  /** Throws, listing them, if any request was invalid, unanswerable, or forbidden. */
  assertNoProblems(): void {
    const forbidden = this.forbiddenRequests().map((r) => `forbidden request: ${r.method} ${r.path}`)
    const all = [...this.problems, ...forbidden]
    if (all.length > 0) throw new Error(`The GitHub fake saw ${all.length} problem(s):\n- ${all.join('\n- ')}`)
  }

  /** Workflow dispatches the fake accepted, in order: the workflow file and the ref. */
  readonly dispatches: Array<{ workflow: string; ref: string }> = []

  /** Pull requests as the fake holds them now. */
  pullRequests(): PullState[] {
    return this.pulls.map((p) => ({ ...p }))
  }

  /** Issue comments as the fake holds them now (of one issue, or all). */
  issueComments(issueNumber?: number): CommentState[] {
    return this.comments.filter((c) => issueNumber === undefined || c.issueNumber === issueNumber).map((c) => ({ ...c }))
  }

  /** Adds or replaces an issue mid-test. */
  seedIssue(seed: IssueSeed): void {
    this.addIssue(seed, timestamp())
  }

  /** Sets a user's role mid-test. */
  setPermission(login: string, role: Role | CustomRole): void {
    this.permissions[login] = role
  }

  /** Sets a branch's rules mid-test. */
  setRules(branch: string, rules: unknown[]): void {
    this.rules[branch] = rules
  }

  /** Sets a job's log mid-test. */
  setLog(jobId: number, log: LogSource): void {
    this.logs[jobId] = log
  }

  // ---------------------------------------------------------------------------------------------

  private async serve(req: http.IncomingMessage, res: http.ServerResponse, host: 'api' | 'blob'): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const method = (req.method ?? 'GET').toUpperCase()
    const query = searchParamsToObject(url.searchParams)
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query,
      body: undefined,
      status: 0,
      faulted: false,
      forbidden: false
    }
    this.requests.push(record)
    const problem = (text: string): void => {
      this.problems.push(`${method} ${url.pathname}${url.search}${record.operationId ? ` (${record.operationId})` : ''}: ${text}`)
    }
    try {
      const raw = await readBody(req)
      let body: unknown
      if (raw.length > 0) {
        try {
          body = JSON.parse(raw.toString('utf8'))
        } catch {
          body = raw.toString('utf8')
          if (String(req.headers['content-type'] ?? '').includes('json')) {
            problem('body is not valid JSON')
            return await this.reply(res, record, { status: 400, body: { message: 'Problems parsing JSON' } })
          }
        }
      }
      record.body = body
      const reply =
        host === 'blob'
          ? await this.serveBlob(method, url.pathname, req.headers, record, problem)
          : await this.serveApi(method, url, query, body, req.headers, record, problem)
      await this.reply(res, record, reply)
    } catch (error) {
      problem(`the fake failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      if (!res.headersSent) await this.reply(res, record, { status: 500, body: { message: 'Server Error' } })
      else res.destroy()
    }
  }

  private async serveApi(
    method: string,
    url: URL,
    query: Record<string, string | string[]>,
    body: unknown,
    headers: http.IncomingHttpHeaders,
    record: RecordedRequest,
    problem: (text: string) => void
  ): Promise<FakeReply> {
    const presented = /^(?:token|bearer)\s+(.+)$/i.exec(String(headers.authorization ?? ''))?.[1]
    if (presented !== this.token) {
      problem(presented === undefined ? 'no authorization header' : 'wrong token')
      return { status: 401, body: defaultFaultBody(401) }
    }
    if (method === 'POST' && url.pathname === '/graphql') return this.serveGraphql(body, record, problem)

    const match = this.spec.match(method, url.pathname)
    if (!match) {
      problem(this.spec.pathKnown(url.pathname) ? `method ${method} is not allowed on this path` : 'unknown route')
      return { status: 404, body: NOT_FOUND }
    }
    const { operation } = match
    record.operationId = operation.operationId
    record.forbidden = isForbidden(operation, body)
    const check = this.spec.checkRequest(match, query, body)
    if (check.kind === 'invalid') {
      for (const p of check.problems) problem(p)
      return { status: check.status, body: check.status === 404 ? NOT_FOUND : validationFailed([], docsUrl(operation)) }
    }
    const { owner, repo } = check.pathParams as { owner?: string; repo?: string }
    if (owner !== undefined && repo !== undefined && `${owner}/${repo}`.toLowerCase() !== `${this.owner}/${this.repo}`.toLowerCase()) {
      problem(`addresses ${owner}/${repo}, but the fake only plays ${this.owner}/${this.repo}`)
      return { status: 404, body: NOT_FOUND }
    }
    const fault = this.takeFault(method, url.pathname, operation.operationId)
    if (fault) {
      record.faulted = true
      return fault
    }
    if (record.forbidden) return this.answerForbidden(operation, check.pathParams)

    const request: FakeRequest = {
      method,
      path: url.pathname,
      operationId: operation.operationId,
      pathParams: check.pathParams,
      query: check.query,
      body,
      headers
    }
    const handler = this.handlers[operation.operationId] ?? this.builtIns[operation.operationId]
    if (!handler) {
      problem('operation not implemented by the fake (add it, or pass a handler in `handlers`)')
      return { status: 404, body: NOT_FOUND }
    }
    const reply = await handler(request)
    if (this.options.validateResponses !== false && reply.stream === undefined && reply.status < 300 && reply.body !== undefined) {
      for (const p of this.spec.checkResponse(operation, reply.status, reply.body)) problem(`the fake's own answer is off-schema: ${p}`)
    }
    return reply
  }

  private serveGraphql(body: unknown, record: RecordedRequest, problem: (text: string) => void): FakeReply {
    record.operationId = 'graphql'
    const text = String((body as { query?: unknown } | undefined)?.query ?? '')
    if (/^\s*mutation\b/.test(text) || /\bmutation\s*[({]/.test(text)) {
      record.forbidden = true
      return { status: 200, body: { data: {} } }
    }
    problem('GraphQL queries are not implemented by the fake')
    return { status: 200, body: { errors: [{ message: 'The fake GitHub answers no GraphQL queries.' }] } }
  }

  private async serveBlob(
    method: string,
    pathname: string,
    headers: http.IncomingHttpHeaders,
    record: RecordedRequest,
    problem: (text: string) => void
  ): Promise<FakeReply> {
    record.operationId = 'blob-download'
    const fault = this.takeFault(method, pathname, 'blob-download')
    if (fault) {
      record.faulted = true
      return fault
    }
    if (String(headers.authorization ?? '').includes(this.token)) {
      // The storage host is a third party: GitHub's token must not travel there.
      problem('the GitHub token was sent to the log storage host')
    }
    const id = /^\/_blobs\/([\w-]+)$/.exec(pathname)?.[1]
    const source = method === 'GET' && id !== undefined ? this.blobs.get(id) : undefined
    if (source === undefined) {
      problem('unknown or expired blob URL')
      return { status: 404, body: 'BlobNotFound' }
    }
    return {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      stream: typeof source === 'function' ? source() : [source]
    }
  }

  private takeFault(method: string, pathname: string, operationId: string): FakeReply | undefined {
    const fault = this.faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.operationId === undefined || f.operationId === operationId) &&
        (f.method === undefined || f.method.toUpperCase() === method) &&
        (f.pathRegex === undefined || f.pathRegex.test(pathname))
    )
    if (!fault) return undefined
    fault.remaining -= 1
    fault.hits += 1
    return { status: fault.status, headers: fault.headers, body: fault.body ?? defaultFaultBody(fault.status), delayMs: fault.delayMs }
  }

  private answerForbidden(operation: Operation, pathParams: Record<string, unknown>): FakeReply {
    if (operation.operationId === 'pulls/merge') {
      const pull = this.pulls.find((p) => p.number === pathParams.pull_number)
      if (pull) Object.assign(pull, { state: 'closed', merged: true, closedAt: timestamp() })
      return { status: 200, body: { sha: 'f'.repeat(40), merged: true, message: 'Pull Request successfully merged' } }
    }
    const success = Object.keys(operation.spec.responses as object).find((s) => s.startsWith('2')) ?? '200'
    return { status: Number(success), body: success === '204' ? undefined : {} }
  }

  private async reply(res: http.ServerResponse, record: RecordedRequest, reply: FakeReply): Promise<void> {
    record.status = reply.status
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs))
    const reset = Math.ceil(Date.now() / 1000) + 3600
    const headers: Record<string, string> = {
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': randomUUID().toUpperCase(),
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-used': '1',
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-resource': 'core',
      ...(reply.headers ?? {})
    }
    if (reply.stream !== undefined) {
      res.writeHead(reply.status, headers)
      const source = Readable.from(reply.stream, { objectMode: false })
      // A client that stops reading early (a bounded tail) simply ends the stream.
      await pipeline(source, res).catch(() => undefined)
      return
    }
    if (reply.body === undefined) {
      res.writeHead(reply.status, headers)
      res.end()
      return
    }
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body)
    res.writeHead(reply.status, {
      'content-type': typeof reply.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      ...headers
    })
    res.end(text)
  }

  // --- the stateful operations --------------------------------------------------------------------

  private readonly builtIns: Record<string, FakeHandler> = {
    'repos/get': () => ({ status: 200, body: this.objects.repository() }),
    'issues/get': (r) => this.getIssue(Number(r.pathParams.issue_number)),
    'repos/get-collaborator-permission-level': (r) => this.getPermission(String(r.pathParams.username)),
    'issues/list-comments': (r) => this.listComments(r),
    'issues/create-comment': (r) => this.createComment(r),
    'issues/update-comment': (r) => this.updateComment(r),
    'issues/delete-comment': (r) => this.deleteComment(r),
    'pulls/list': (r) => this.listPulls(r),
    'pulls/create': (r) => this.createPull(r),
    'pulls/get': (r) => this.getPull(Number(r.pathParams.pull_number)),
    'pulls/update': (r) => this.updatePull(r),
    'repos/get-branch-rules': (r) => this.paginate(r, this.rules[String(r.pathParams.branch)] ?? []),
    'actions/get-workflow-run': (r) => this.getRun(Number(r.pathParams.run_id)),
    'pulls/list-comments-for-review': (r) => this.listReviewComments(r),
    'actions/create-workflow-dispatch': (r) => this.dispatchWorkflow(r),
    'actions/list-jobs-for-workflow-run': (r) => this.listJobs(r, undefined),
    'actions/list-jobs-for-workflow-run-attempt': (r) => this.listJobs(r, Number(r.pathParams.attempt_number)),
    'actions/download-job-logs-for-workflow-run': (r) => this.redirectToLog(Number(r.pathParams.job_id))
  }

  private addIssue(seed: IssueSeed, created: string): void {
    this.issues.set(seed.number, {
      number: seed.number,
      id: this.newId(),
      title: seed.title,
      body: seed.body ?? null,
      labels: seed.labels ?? [],
      user: seed.user ?? this.owner,
      state: seed.state ?? 'open',
      createdAt: created,
      updatedAt: created
    })
  }

  private addComment(issueNumber: number, body: string, user: string): CommentState {
    const now = timestamp()
    const comment = { id: this.newId(), issueNumber, body, user, createdAt: now, updatedAt: now }
    this.comments.push(comment)
    return comment
  }

  private newId(): number {
    return this.nextId++
  }

  private nextNumber(): number {
    return Math.max(0, ...this.issues.keys(), ...this.pulls.map((p) => p.number)) + 1
  }

  private getIssue(number: number): FakeReply {
    const issue = this.issues.get(number)
    const pull = this.pulls.find((p) => p.number === number)
    const count = this.comments.filter((c) => c.issueNumber === number).length
    if (issue) return { status: 200, body: this.objects.issue(issue, count) }
    if (pull) {
      const { number: n, id, title, body, user, state, createdAt, updatedAt } = pull
      const asIssue: IssueState = { number: n, id, title, body, user, state, createdAt, updatedAt, labels: [] }
      return { status: 200, body: this.objects.issue(asIssue, count, pull) }
    }
    return { status: 404, body: NOT_FOUND }
  }

  private getPermission(login: string): FakeReply {
    const seeded = this.permissions[login]
    if (seeded === undefined && this.options.unknownUserPermission === 'not-found') {
      return { status: 404, body: { ...NOT_FOUND, message: `${login} is not a user` } }
    }
    const role = seeded ?? 'read'
    const [permission, roleName] = typeof role === 'string' ? [ROLE_PERMISSION[role], role] : [role.permission, role.roleName]
    return { status: 200, body: this.objects.permission(login, permission, roleName) }
  }

  private issueExists(number: number): boolean {
    return this.issues.has(number) || this.pulls.some((p) => p.number === number)
  }

  private listComments(r: FakeRequest): FakeReply {
    const number = Number(r.pathParams.issue_number)
    if (!this.issueExists(number)) return { status: 404, body: NOT_FOUND }
    const since = typeof r.query.since === 'string' ? r.query.since : undefined
    const comments = this.comments.filter((c) => c.issueNumber === number && (since === undefined || c.updatedAt >= since))
    return this.paginate(
      r,
      comments.map((c) => this.objects.comment(c))
    )
  }

  private createComment(r: FakeRequest): FakeReply {
    const number = Number(r.pathParams.issue_number)
    if (!this.issueExists(number)) return { status: 404, body: NOT_FOUND }
    const { body } = r.body as { body: string }
    const comment = this.addComment(number, body, this.tokenLogin)
    const location = `${this.url}/repos/${this.owner}/${this.repo}/issues/comments/${comment.id}`
    return { status: 201, body: this.objects.comment(comment), headers: { location } }
  }

  private deleteComment(r: FakeRequest): FakeReply {
    const at = this.comments.findIndex((c) => c.id === Number(r.pathParams.comment_id))
    if (at < 0) return { status: 404, body: NOT_FOUND }
    // GitHub lets a token with write access delete anyone's comment; the product deletes only its own.
    if (this.comments[at].user !== this.tokenLogin) {
      this.problems.push(`DELETE issues/comments/${this.comments[at].id}: a comment ${this.comments[at].user} wrote, not the token's own`)
    }
    this.comments.splice(at, 1)
    return { status: 204 }
  }

  private updateComment(r: FakeRequest): FakeReply {
    const comment = this.comments.find((c) => c.id === Number(r.pathParams.comment_id))
    if (!comment) return { status: 404, body: NOT_FOUND }
    comment.body = (r.body as { body: string }).body
    comment.updatedAt = timestamp()
    return { status: 200, body: this.objects.comment(comment) }
  }

  private paginate(r: FakeRequest, items: unknown[]): FakeReply {
    // GitHub caps per_page at 100 whatever is asked.
    const perPage = Math.min(100, Math.max(1, Number(r.query.per_page ?? 30)))
    const page = Math.max(1, Number(r.query.page ?? 1))
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const links: string[] = []
    const link = (p: number, rel: string): string => {
      const params = new URLSearchParams(Object.entries(r.query).map(([k, v]) => [k, String(v)]))
      params.set('per_page', String(perPage))
      params.set('page', String(p))
      return `<${this.url}${r.path}?${params.toString()}>; rel="${rel}"`
    }
    if (page > 1) links.push(link(page - 1, 'prev'))
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'))
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: links.length > 0 ? { link: links.join(', ') } : {}
    }
  }

  private async originSha(branch: string): Promise<string | undefined> {
    if (!this.options.originDir) return undefined
    const out = await tryGit(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], {
      cwd: this.options.originDir
    })
    return out.exitCode === 0 ? out.stdout.trim() : undefined
  }

  /** Without an origin the fake trusts branch names and invents stable shas. */
  private async branchSha(branch: string): Promise<string | undefined> {
    if (!this.options.originDir) return Buffer.from(branch.padEnd(20, '0').slice(0, 20)).toString('hex')
    return this.originSha(branch)
  }

  private listReviewComments(r: FakeRequest): FakeReply {
    const number = Number(r.pathParams.pull_number)
    const reviewId = Number(r.pathParams.review_id)
    if (!this.pulls.some((p) => p.number === number)) return { status: 404, body: NOT_FOUND }
    const api = `${this.url}/repos/${this.owner}/${this.repo}`
    const web = `${this.url}/${this.owner}/${this.repo}`
    const pull = this.pulls.find((p) => p.number === number) as PullState
    const listed = (this.options.reviewComments ?? [])
      .filter((c) => c.pullNumber === number && c.reviewId === reviewId)
      .map((c, i) => {
        const id = reviewId * 100 + i
        const user = c.user ?? this.owner
        return {
          url: `${api}/pulls/comments/${id}`,
          pull_request_review_id: reviewId,
          id,
          node_id: Buffer.from(`PRRC_${id}`).toString('base64'),
          diff_hunk: c.diffHunk,
          path: c.path,
          position: c.line,
          original_position: c.line,
          commit_id: pull.headSha,
          original_commit_id: pull.headSha,
          user: this.objects.user(user),
          body: c.body,
          created_at: timestamp(),
          updated_at: timestamp(),
          html_url: `${web}/pull/${number}#discussion_r${id}`,
          pull_request_url: `${api}/pulls/${number}`,
          author_association: user === this.owner ? 'OWNER' : 'CONTRIBUTOR',
          _links: {
            self: { href: `${api}/pulls/comments/${id}` },
            html: { href: `${web}/pull/${number}#discussion_r${id}` },
            pull_request: { href: `${api}/pulls/${number}` }
          },
          line: c.line,
          original_line: c.line,
          side: 'RIGHT'
        }
      })
    return this.paginate(r, listed)
  }

  private async dispatchWorkflow(r: FakeRequest): Promise<FakeReply> {
    const workflow = String(r.pathParams.workflow_id)
    const ref = String((r.body as { ref?: unknown } | undefined)?.ref ?? '')
    if (!(this.options.dispatchableWorkflows ?? []).includes(workflow)) {
      return { status: 404, body: { ...NOT_FOUND, message: 'Not Found' } }
    }
    if ((await this.branchSha(ref.replace(/^refs\/heads\//, ''))) === undefined) {
      return {
        status: 422,
        body: {
          message: `No ref found for: ${ref}`,
          documentation_url: 'https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event'
        }
      }
    }
    this.dispatches.push({ workflow, ref })
    return { status: 204 }
  }

  private async refreshed(pull: PullState): Promise<PullState> {
    const head = pull.state === 'open' ? await this.originSha(pull.head) : undefined
    if (head) pull.headSha = head
    return pull
  }

  private async seedPull(seed: PullSeed): Promise<void> {
    const now = timestamp(new Date(Date.now() - 1_800_000))
    const base = seed.base ?? this.defaultBranch
    this.pulls.push({
      number: seed.number ?? this.nextNumber(),
      id: this.newId(),
      title: seed.title,
      body: seed.body ?? null,
      head: seed.head,
      headSha: (await this.branchSha(seed.head)) ?? '0'.repeat(40),
      base,
      baseSha: (await this.branchSha(base)) ?? '0'.repeat(40),
      draft: seed.draft ?? true,
      state: seed.state ?? 'open',
      merged: false,
      user: seed.user ?? this.tokenLogin,
      maintainerCanModify: false,
      ...(seed.headRepoId === undefined ? {} : { headRepoId: seed.headRepoId, headRepoFullName: seed.headRepoFullName }),
      createdAt: now,
      updatedAt: now,
      closedAt: null
    })
  }

  private async listPulls(r: FakeRequest): Promise<FakeReply> {
    const state = String(r.query.state ?? 'open')
    let head = typeof r.query.head === 'string' ? r.query.head : undefined
    const base = typeof r.query.base === 'string' ? r.query.base : undefined
    if (head !== undefined && !head.includes(':')) {
      // GitHub ignores a head filter without `owner:` and lists every PR: a classic silent bug.
      this.problems.push(`GET pulls/list: head=${head} lacks the "owner:" prefix, so GitHub would ignore the filter`)
      head = undefined
    }
    const selected = this.pulls
      .filter((p) => state === 'all' || p.state === state)
      .filter((p) => head === undefined || `${this.owner}:${p.head}`.toLowerCase() === head.toLowerCase())
      .filter((p) => base === undefined || p.base === base)
      .sort((a, b) => (r.query.direction === 'asc' ? a.number - b.number : b.number - a.number))
    const rendered = []
    for (const p of selected) rendered.push(this.objects.pull(await this.refreshed(p), false))
    return this.paginate(r, rendered)
  }

  private async createPull(r: FakeRequest): Promise<FakeReply> {
    const docs = 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request'
    const input = r.body as {
      head: string
      base: string
      title?: string
      body?: string
      draft?: boolean
      issue?: number
      maintainer_can_modify?: boolean
    }
    if (input.issue !== undefined) {
      this.problems.push('POST pulls/create: converting an issue (`issue`) is not implemented by the fake')
      return { status: 422, body: validationFailed([], docs) }
    }
    const [headOwner, headBranch] = input.head.includes(':') ? input.head.split(/:(.*)/s) : [this.owner, input.head]
    const invalid = (field: string): FakeReply => ({
      status: 422,
      body: validationFailed([{ resource: 'PullRequest', field, code: 'invalid' }], docs)
    })
    if (!input.title) return { status: 422, body: validationFailed([{ resource: 'Issue', field: 'title', code: 'missing_field' }], docs) }
    if (headOwner.toLowerCase() !== this.owner.toLowerCase()) return invalid('head')
    const [headSha, baseSha] = await Promise.all([this.branchSha(headBranch), this.branchSha(input.base)])
    if (!baseSha) return invalid('base')
    if (!headSha) return invalid('head')
    if (this.options.originDir) {
      const ahead = await tryGit(['rev-list', '--count', `${baseSha}..${headSha}`], { cwd: this.options.originDir })
      if (ahead.exitCode === 0 && ahead.stdout.trim() === '0') {
        return {
          status: 422,
          body: validationFailed(
            [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${input.base} and ${headBranch}` }],
            docs
          )
        }
      }
    }
    // Checked after the awaits, so two concurrent creates cannot both pass.
    if (this.pulls.some((p) => p.state === 'open' && p.head === headBranch && p.base === input.base)) {
      return {
        status: 422,
        body: validationFailed(
          [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${this.owner}:${headBranch}.` }],
          docs
        )
      }
    }
    const now = timestamp()
    const pull: PullState = {
      number: this.nextNumber(),
      id: this.newId(),
      title: input.title,
      body: input.body ?? null,
      head: headBranch,
      headSha,
      base: input.base,
      baseSha,
      draft: input.draft ?? false,
      state: 'open',
      merged: false,
      user: this.tokenLogin,
      maintainerCanModify: input.maintainer_can_modify ?? false,
      createdAt: now,
      updatedAt: now,
      closedAt: null
    }
    this.pulls.push(pull)
    return {
      status: 201,
      body: this.objects.pull(pull, true),
      headers: { location: `${this.url}/repos/${this.owner}/${this.repo}/pulls/${pull.number}` }
    }
  }

  private async getPull(number: number): Promise<FakeReply> {
    const pull = this.pulls.find((p) => p.number === number)
    if (!pull) return { status: 404, body: NOT_FOUND }
    return { status: 200, body: this.objects.pull(await this.refreshed(pull), true) }
  }

  private async updatePull(r: FakeRequest): Promise<FakeReply> {
    const pull = this.pulls.find((p) => p.number === Number(r.pathParams.pull_number))
    if (!pull) return { status: 404, body: NOT_FOUND }
    const input = r.body as { title?: string; body?: string; state?: 'open' | 'closed'; base?: string; maintainer_can_modify?: boolean }
    if (input.base !== undefined) {
      const baseSha = await this.branchSha(input.base)
      if (!baseSha) {
        return {
          status: 422,
          body: validationFailed(
            [{ resource: 'PullRequest', field: 'base', code: 'invalid' }],
            'https://docs.github.com/rest/pulls/pulls#update-a-pull-request'
          )
        }
      }
      Object.assign(pull, { base: input.base, baseSha })
    }
    if (input.title !== undefined) pull.title = input.title
    if (input.body !== undefined) pull.body = input.body
    if (input.maintainer_can_modify !== undefined) pull.maintainerCanModify = input.maintainer_can_modify
    if (input.state !== undefined && input.state !== pull.state) {
      pull.state = input.state
      pull.closedAt = input.state === 'closed' ? timestamp() : null
    }
    pull.updatedAt = timestamp()
    return { status: 200, body: this.objects.pull(await this.refreshed(pull), true) }
  }

  private getRun(runId: number): FakeReply {
    const run = this.runs.get(runId)
    return run ? { status: 200, body: this.objects.workflowRun(run) } : { status: 404, body: NOT_FOUND }
  }

  private listJobs(r: FakeRequest, attempt: number | undefined): FakeReply {
    const run = this.runs.get(Number(r.pathParams.run_id))
    if (!run) return { status: 404, body: NOT_FOUND }
    const jobs = this.jobs[run.id] ?? []
    const latest = run.runAttempt ?? Math.max(1, ...jobs.map((j) => j.runAttempt ?? 1))
    if (attempt !== undefined && attempt > latest) return { status: 404, body: NOT_FOUND }
    const wanted = attempt ?? (r.query.filter === 'all' ? undefined : latest)
    const selected = jobs.filter((j) => wanted === undefined || (j.runAttempt ?? 1) === wanted).map((j) => this.objects.job(j, run))
    const page = this.paginate(r, selected)
    return { ...page, body: { total_count: selected.length, jobs: page.body } }
  }

  private redirectToLog(jobId: number): FakeReply {
    const known = Object.values(this.jobs).some((jobs) => jobs.some((j) => j.id === jobId))
    const source = this.logs[jobId]
    if (!known || source === undefined) return { status: 404, body: NOT_FOUND }
    const id = randomUUID()
    this.blobs.set(id, source)
    // GitHub answers with a short-lived signed URL on its storage host; no body.
    return { status: 302, headers: { location: `${this.blobUrl}/_blobs/${id}?sig=${userIdFor(id)}` } }
  }
}

function docsUrl(operation: Operation): string {
  const docs = (operation.spec.externalDocs as { url?: string } | undefined)?.url
  return docs ?? 'https://docs.github.com/rest'
}

function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key)
    out[key] = values.length === 1 ? values[0] : values
  }
  return out
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
