/**
 * The narrow facade: exactly the GitHub calls the product makes, on one repository, returning
 * plain values. Nothing else in the product talks to Octokit, so what Gated Agent *can* do on
 * GitHub is this list: read issues, runs, jobs, logs, rules and permissions; comment on issues;
 * open and update draft pull requests.
 */
import type { GitHubClient } from './client.js'
import { tailJobLog, type JobLogTail } from './job-log-tail.js'

/** A GitHub account as the product needs it. */
export interface GitHubUser {
  login: string
  /** `User`, `Bot` or `Organization`. */
  type: string
}

/** An issue, its text untrusted. */
export interface Issue {
  number: number
  title: string
  body: string
  labels: string[]
  user: GitHubUser
  htmlUrl: string
  state: string
  /** GitHub serves pull requests as issues too; the product acts on real issues only. */
  isPullRequest: boolean
  /** How many comments the issue had when read through the API (absent for an event's copy). */
  commentCount?: number
}

/** A comment on an issue. */
export interface IssueComment {
  id: number
  body: string
  user?: GitHubUser
  htmlUrl: string
}

/** A pull request the product opened or found. */
export interface PullRef {
  number: number
  url: string
  draft: boolean
  /** Title and body, as `findOpenPullByHead` reads them (self-heal keeps its attempts marker in the body). */
  title?: string
  body?: string
}

/** A pull request read by number: enough to tell whether it is one of ours to follow up. */
export interface PullDetails extends PullRef {
  title: string
  body: string
  state: string
  headRef: string
  headSha: string
  /** Null when the head repository was deleted. */
  headRepoId: number | null
  baseRef: string
  baseRepoId: number | null
}

/** One inline comment of a review. */
export interface ReviewComment {
  path: string
  /** The line in the file the comment sits on; absent for an outdated comment. */
  line?: number
  diffHunk: string
  body: string
  user?: GitHubUser
}

/** Creating a draft PR either worked or one already exists for that head branch. */
export type CreatePullResult = { kind: 'created'; pull: PullRef } | { kind: 'already-exists'; message: string }

/** An account's access to the repository. */
export interface ActorPermission {
  /** The base permission: `admin`, `write`, `read` or `none` (maintain reads as write, triage as read). */
  permission: string
  /** The real role: `admin`, `maintain`, `write`, `triage`, `read`, a custom role's name, or `none`. */
  roleName: string
}

/** One ruleset rule that applies to a branch. */
export interface BranchRule {
  /** e.g. `pull_request`, `required_status_checks`, `non_fast_forward`. */
  type: string
  parameters?: Record<string, unknown>
  rulesetId?: number
}

/** A workflow run, as self-heal needs it. */
export interface WorkflowRun {
  id: number
  name: string
  event: string
  status: string
  conclusion: string | null
  headBranch: string | null
  headSha: string
  runAttempt: number
  htmlUrl: string
  /** `owner/name` of the repository the run belongs to. */
  repository: string
  /** `owner/name` the head commit came from; differs from `repository` for a fork. */
  headRepository: string | null
  /** Ids, the sure way to tell a fork's run: names can be reused, ids cannot. */
  repositoryId: number
  headRepositoryId: number | null
  /** Who started the run, and who re-ran it (the permission check covers both). */
  actor: GitHubUser | null
  triggeringActor: GitHubUser | null
  pullRequests: number[]
}

/** One step of a job. */
export interface JobStep {
  number: number
  name: string
  status: string
  conclusion: string | null
}

/** One job of a run. */
export interface WorkflowJob {
  id: number
  name: string
  status: string
  conclusion: string | null
  htmlUrl: string | null
  steps: JobStep[]
}

/** Exactly the GitHub calls Gated Agent makes, on one repository. */
export interface GitHubApi {
  /** The actor's permission and role; `none` when GitHub knows no such user. */
  getActorPermission(login: string): Promise<ActorPermission>
  getIssue(issueNumber: number): Promise<Issue>
  /** Every comment on the issue, oldest first (all pages). */
  listIssueComments(issueNumber: number): Promise<IssueComment[]>
  createIssueComment(issueNumber: number, body: string): Promise<IssueComment>
  updateIssueComment(commentId: number, body: string): Promise<IssueComment>
  /** Deletes a comment (only ever the action's own duplicate progress comment). */
  deleteIssueComment(commentId: number): Promise<void>
  /** The open pull request whose head is `branch` in this repository, if any. */
  findOpenPullByHead(branch: string): Promise<PullRef | undefined>
  /** Opens a pull request, always as a draft. */
  createDraftPull(pull: { head: string; base: string; title: string; body: string }): Promise<CreatePullResult>
  /** Changes a pull request's title and body, and nothing else (never its draft state). */
  updatePull(pullNumber: number, change: { title: string; body: string }): Promise<PullRef>
  /** The ruleset rules that apply to `branch`. */
  getBranchRules(branch: string): Promise<BranchRule[]>
  /** A pull request by number. */
  getPull(pullNumber: number): Promise<PullDetails>
  /** The inline comments of one review. */
  listReviewComments(pullNumber: number, reviewId: number): Promise<ReviewComment[]>
  /** Starts `workflow` (a file name) on `branch` through its workflow_dispatch trigger. */
  dispatchWorkflow(workflow: string, branch: string): Promise<void>
  getWorkflowRun(runId: number): Promise<WorkflowRun>
  /** The run's jobs: of one attempt, or of the latest attempt when none is given. */
  listRunJobs(runId: number, attempt?: number): Promise<WorkflowJob[]>
  /** The last `maxBytes` of a job's log, streamed in bounded memory and cleaned. */
  fetchJobLogTail(jobId: number, maxBytes: number): Promise<JobLogTail>
}

/** Builds the facade over a client from `createGitHubClient`, for one repository. */
export function createGitHubApi(octokit: GitHubClient, repository: { owner: string; repo: string }): GitHubApi {
  const { owner, repo } = repository
  const rest = octokit.rest

  return {
    async getActorPermission(login) {
      try {
        const { data } = await rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login })
        return { permission: data.permission, roleName: data.role_name }
      } catch (error) {
        // GitHub answers 404 for a login that is not a user at all: no access, not a failure.
        if (statusOf(error) === 404) return { permission: 'none', roleName: 'none' }
        throw error
      }
    },

    async getIssue(issueNumber) {
      const { data } = await rest.issues.get({ owner, repo, issue_number: issueNumber })
      return {
        number: data.number,
        title: data.title,
        body: data.body ?? '',
        labels: data.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter((name) => name !== ''),
        user: toUser(data.user) ?? { login: 'ghost', type: 'User' },
        htmlUrl: data.html_url,
        state: data.state,
        isPullRequest: data.pull_request != null,
        commentCount: data.comments
      }
    },

    async listIssueComments(issueNumber) {
      const comments = await octokit.paginate(rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 })
      return comments.map(toComment)
    },

    async createIssueComment(issueNumber, body) {
      const { data } = await rest.issues.createComment({ owner, repo, issue_number: issueNumber, body })
      return toComment(data)
    },

    async updateIssueComment(commentId, body) {
      const { data } = await rest.issues.updateComment({ owner, repo, comment_id: commentId, body })
      return toComment(data)
    },
    async deleteIssueComment(commentId) {
      await rest.issues.deleteComment({ owner, repo, comment_id: commentId })
    },

    async findOpenPullByHead(branch) {
      // `head` must be qualified by the owner of the head repository: pushes go to this one.
      const { data } = await rest.pulls.list({ owner, repo, head: `${owner}:${branch}`, state: 'open', per_page: 100 })
      // GitHub ignores a `head` filter it cannot parse and lists every PR: match the label exactly.
      const label = `${owner}:${branch}`.toLowerCase()
      const pull = data.find((candidate) => candidate.head.ref === branch && candidate.head.label.toLowerCase() === label)
      return pull ? { ...toPullRef(pull), title: pull.title, body: pull.body ?? '' } : undefined
    },

    async createDraftPull({ head, base, title, body }) {
      try {
        const { data } = await rest.pulls.create({ owner, repo, head, base, title, body, draft: true })
        return { kind: 'created', pull: toPullRef(data) }
      } catch (error) {
        const message = alreadyExistsMessage(error)
        if (message !== undefined) return { kind: 'already-exists', message }
        throw error
      }
    },

    async updatePull(pullNumber, { title, body }) {
      const { data } = await rest.pulls.update({ owner, repo, pull_number: pullNumber, title, body })
      return toPullRef(data)
    },

    async getBranchRules(branch) {
      const rules = await octokit.paginate(rest.repos.getBranchRules, { owner, repo, branch, per_page: 100 })
      return rules.map((rule) => {
        const { type, ruleset_id: rulesetId } = rule as { type: string; ruleset_id?: number }
        const parameters = (rule as { parameters?: Record<string, unknown> }).parameters
        return { type, ...(parameters ? { parameters } : {}), ...(rulesetId !== undefined ? { rulesetId } : {}) }
      })
    },

    async getPull(pullNumber) {
      const { data } = await rest.pulls.get({ owner, repo, pull_number: pullNumber })
      return {
        ...toPullRef(data),
        title: data.title,
        body: data.body ?? '',
        state: data.state,
        headRef: data.head.ref,
        headSha: data.head.sha,
        headRepoId: data.head.repo?.id ?? null,
        baseRef: data.base.ref,
        baseRepoId: data.base.repo?.id ?? null
      }
    },

    async listReviewComments(pullNumber, reviewId) {
      const comments = await octokit.paginate(rest.pulls.listCommentsForReview, {
        owner,
        repo,
        pull_number: pullNumber,
        review_id: reviewId,
        per_page: 100
      })
      return comments.map((comment) => {
        const line = (comment as { line?: number | null }).line ?? (comment as { original_line?: number | null }).original_line ?? undefined
        const user = toUser(comment.user)
        return {
          path: comment.path,
          ...(typeof line === 'number' ? { line } : {}),
          diffHunk: comment.diff_hunk,
          body: comment.body,
          ...(user ? { user } : {})
        }
      })
    },

    async dispatchWorkflow(workflow, branch) {
      await rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref: branch })
    },

    async getWorkflowRun(runId) {
      const { data } = await rest.actions.getWorkflowRun({ owner, repo, run_id: runId })
      return {
        id: data.id,
        name: data.name ?? '',
        event: data.event,
        status: data.status ?? '',
        conclusion: data.conclusion ?? null,
        headBranch: data.head_branch ?? null,
        headSha: data.head_sha,
        runAttempt: data.run_attempt ?? 1,
        htmlUrl: data.html_url,
        repository: data.repository.full_name,
        headRepository: data.head_repository?.full_name ?? null,
        repositoryId: data.repository.id,
        headRepositoryId: data.head_repository?.id ?? null,
        actor: toUser(data.actor) ?? null,
        triggeringActor: toUser(data.triggering_actor) ?? null,
        pullRequests: (data.pull_requests ?? []).map((pull) => pull.number)
      }
    },

    async listRunJobs(runId, attempt) {
      const jobs =
        attempt === undefined
          ? await octokit.paginate(rest.actions.listJobsForWorkflowRun, { owner, repo, run_id: runId, filter: 'latest', per_page: 100 })
          : await octokit.paginate(rest.actions.listJobsForWorkflowRunAttempt, {
              owner,
              repo,
              run_id: runId,
              attempt_number: attempt,
              per_page: 100
            })
      return jobs.map((job) => ({
        id: job.id,
        name: job.name,
        status: job.status,
        conclusion: job.conclusion ?? null,
        htmlUrl: job.html_url ?? null,
        steps: (job.steps ?? []).map((step) => ({
          number: step.number,
          name: step.name,
          status: step.status,
          conclusion: step.conclusion ?? null
        }))
      }))
    },

    async fetchJobLogTail(jobId, maxBytes) {
      // GitHub answers 302 to a short-lived signed URL. Octokit's own fetch follows it, so the
      // toolkit's proxy-aware dispatcher is kept, and fetch drops the Authorization header on the
      // cross-origin hop, so the token never reaches the log storage host. The body is taken as a
      // stream (`parseSuccessResponseBody: false`) and folded into a fixed-size ring buffer: a
      // 500 MB log costs `maxBytes` of memory, not 500 MB.
      const response = await octokit.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
        owner,
        repo,
        job_id: jobId,
        request: { parseSuccessResponseBody: false }
      })
      const stream = response.data as unknown as AsyncIterable<Uint8Array> | null
      return tailJobLog(stream ?? emptyStream(), maxBytes)
    }
  }
}

function toUser(user: { login: string; type: string } | null | undefined): GitHubUser | undefined {
  return user ? { login: user.login, type: user.type } : undefined
}

function toComment(data: { id: number; body?: string; html_url: string; user: { login: string; type: string } | null }): IssueComment {
  const user = toUser(data.user)
  return { id: data.id, body: data.body ?? '', htmlUrl: data.html_url, ...(user ? { user } : {}) }
}

function toPullRef(data: { number: number; html_url: string; draft?: boolean }): PullRef {
  return { number: data.number, url: data.html_url, draft: data.draft ?? false }
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/**
 * GitHub's 422 for a duplicate: `{"message":"Validation Failed","errors":[{"message":"A pull request
 * already exists for owner:branch."}]}`. Any other 422 (no commits, draft PRs unavailable) is a
 * real failure and is rethrown.
 */
function alreadyExistsMessage(error: unknown): string | undefined {
  if (statusOf(error) !== 422) return undefined
  const data = (error as { response?: { data?: { errors?: unknown } } }).response?.data
  const details = Array.isArray(data?.errors)
    ? data.errors.map((detail) => (detail as { message?: unknown })?.message).filter((m) => typeof m === 'string')
    : []
  const found = [...details, (error as Error).message].find((message) => /a pull request already exists/i.test(message))
  return found
}

async function* emptyStream(): AsyncIterable<Uint8Array> {
  // A 2xx with no body: an empty log.
}
