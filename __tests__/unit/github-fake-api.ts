/**
 * An in-memory `GitHubApi` for unit tests: issues, comments and pull requests behave like GitHub's
 * (one open PR per head, 422 "already exists" on a duplicate), and every call is recorded so a
 * test can count REST calls.
 */
import type {
  ActorPermission,
  BranchRule,
  CreatePullResult,
  GitHubApi,
  Issue,
  PullDetails,
  ReviewComment,
  IssueComment,
  PullRef,
  WorkflowJob,
  WorkflowRun
} from '../../src/github/github-api.js'
import type { JobLogTail } from '../../src/github/job-log-tail.js'

/** A pull request as the fake stores it. */
export interface FakePull extends PullRef {
  head: string
  base: string
  title: string
  body: string
  state: 'open' | 'closed'
}

/** The fake; its fields are the state a test sets up and inspects. */
export class FakeGitHubApi implements GitHubApi {
  calls: string[] = []
  permissions = new Map<string, ActorPermission>()
  issues = new Map<number, Issue>()
  comments = new Map<number, (IssueComment & { issueNumber: number })[]>()
  pulls: FakePull[] = []
  /** Workflow runs `getWorkflowRun` serves (404 otherwise), and each run's jobs. */
  runs = new Map<number, WorkflowRun>()
  runJobs = new Map<number, WorkflowJob[]>()
  /** Job log tails `fetchJobLogTail` serves (an empty log otherwise). */
  jobLogs = new Map<number, string>()
  private nextId = 1000

  async getActorPermission(login: string): Promise<ActorPermission> {
    this.calls.push(`getActorPermission ${login}`)
    return this.permissions.get(login) ?? { permission: 'none', roleName: 'none' }
  }

  async getIssue(issueNumber: number): Promise<Issue> {
    this.calls.push(`getIssue ${issueNumber}`)
    const issue = this.issues.get(issueNumber)
    if (!issue) throw Object.assign(new Error('Not Found'), { status: 404 })
    return issue
  }

  async listIssueComments(issueNumber: number): Promise<IssueComment[]> {
    this.calls.push(`listIssueComments ${issueNumber}`)
    return (this.comments.get(issueNumber) ?? []).map((comment) => ({ ...comment }))
  }

  async createIssueComment(issueNumber: number, body: string): Promise<IssueComment> {
    this.calls.push(`createIssueComment ${issueNumber}`)
    const comment = {
      id: this.nextId++,
      body,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      htmlUrl: `https://github.test/c/${this.nextId}`,
      issueNumber
    }
    this.comments.set(issueNumber, [...(this.comments.get(issueNumber) ?? []), comment])
    return { ...comment }
  }

  async deleteIssueComment(commentId: number): Promise<void> {
    this.calls.push(`deleteIssueComment ${commentId}`)
    for (const [issue, list] of this.comments) {
      if (list.some((candidate) => candidate.id === commentId)) {
        this.comments.set(
          issue,
          list.filter((candidate) => candidate.id !== commentId)
        )
        return
      }
    }
    throw Object.assign(new Error('Not Found'), { status: 404 })
  }

  async updateIssueComment(commentId: number, body: string): Promise<IssueComment> {
    this.calls.push(`updateIssueComment ${commentId}`)
    for (const list of this.comments.values()) {
      const comment = list.find((candidate) => candidate.id === commentId)
      if (comment) {
        comment.body = body
        return { ...comment }
      }
    }
    throw Object.assign(new Error('Not Found'), { status: 404 })
  }

  async findOpenPullByHead(branch: string): Promise<PullRef | undefined> {
    this.calls.push(`findOpenPullByHead ${branch}`)
    const pull = this.pulls.find((candidate) => candidate.head === branch && candidate.state === 'open')
    // Like the real one, with the title and body (self-heal reads its attempts marker there).
    return pull ? { number: pull.number, url: pull.url, draft: pull.draft, title: pull.title, body: pull.body } : undefined
  }

  async createDraftPull(pull: { head: string; base: string; title: string; body: string }): Promise<CreatePullResult> {
    this.calls.push(`createDraftPull ${pull.head}`)
    if (this.pulls.some((candidate) => candidate.head === pull.head && candidate.state === 'open')) {
      return { kind: 'already-exists', message: `A pull request already exists for octo:${pull.head}.` }
    }
    const number = this.pulls.length + 1
    const stored: FakePull = { ...pull, number, url: `https://github.test/octo/app/pull/${number}`, draft: true, state: 'open' }
    this.pulls.push(stored)
    return { kind: 'created', pull: { number, url: stored.url, draft: true } }
  }

  async updatePull(pullNumber: number, change: { title: string; body: string }): Promise<PullRef> {
    this.calls.push(`updatePull ${pullNumber}`)
    const pull = this.pulls.find((candidate) => candidate.number === pullNumber)
    if (!pull) throw Object.assign(new Error('Not Found'), { status: 404 })
    pull.title = change.title
    pull.body = change.body
    return { number: pull.number, url: pull.url, draft: pull.draft }
  }

  async getBranchRules(branch: string): Promise<BranchRule[]> {
    this.calls.push(`getBranchRules ${branch}`)
    return []
  }

  async getPull(pullNumber: number): Promise<PullDetails> {
    this.calls.push(`getPull ${pullNumber}`)
    throw Object.assign(new Error(`no pull request #${pullNumber} in the unit fake`), { status: 404 })
  }

  async listReviewComments(pullNumber: number, reviewId: number): Promise<ReviewComment[]> {
    this.calls.push(`listReviewComments ${pullNumber} ${reviewId}`)
    return []
  }

  dispatches: Array<{ workflow: string; branch: string }> = []
  async dispatchWorkflow(workflow: string, branch: string): Promise<void> {
    this.calls.push(`dispatchWorkflow ${workflow} ${branch}`)
    this.dispatches.push({ workflow, branch })
  }

  async getWorkflowRun(runId: number): Promise<WorkflowRun> {
    this.calls.push(`getWorkflowRun ${runId}`)
    const run = this.runs.get(runId)
    if (!run) throw Object.assign(new Error('Not Found'), { status: 404 })
    return run
  }

  async listRunJobs(runId: number): Promise<WorkflowJob[]> {
    this.calls.push(`listRunJobs ${runId}`)
    return (this.runJobs.get(runId) ?? []).map((job) => ({ ...job, steps: [...job.steps] }))
  }

  async fetchJobLogTail(jobId: number): Promise<JobLogTail> {
    this.calls.push(`fetchJobLogTail ${jobId}`)
    const text = this.jobLogs.get(jobId) ?? ''
    return { text, totalBytes: Buffer.byteLength(text), truncatedBytes: 0 }
  }
}
