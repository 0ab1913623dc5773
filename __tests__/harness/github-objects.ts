/**
 * Builders for the objects GitHub's REST API answers with (users, repositories, issues,
 * comments, pull requests, workflow runs, jobs), shaped to satisfy the published response
 * schemas so Octokit and the product read them as they would read GitHub's.
 */
import { createHash } from 'node:crypto'

// Real ids for the bots a workflow meets, so payloads and API answers agree with github.com.
const KNOWN_USER_IDS: Record<string, number> = {
  'github-actions[bot]': 41898282,
  'dependabot[bot]': 49699333
}

/** A stable numeric id for a login: the same login gets the same id in payloads and API answers. */
export function userIdFor(login: string): number {
  return KNOWN_USER_IDS[login] ?? 1_000_000 + (createHash('sha256').update(login).digest().readUInt32BE(0) % 90_000_000)
}

/** `User` or `Bot`, as GitHub types an account: apps act as `name[bot]`. */
export function userTypeFor(login: string): 'User' | 'Bot' {
  return login.endsWith('[bot]') ? 'Bot' : 'User'
}

/** An ISO timestamp without milliseconds, as GitHub writes them. */
export function timestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`${prefix}:${id}`).toString('base64url')}`
}

/** A pull request as the fake keeps it. */
export interface PullState {
  number: number
  id: number
  title: string
  body: string | null
  head: string
  headSha: string
  base: string
  baseSha: string
  draft: boolean
  state: 'open' | 'closed'
  merged: boolean
  user: string
  maintainerCanModify: boolean
  /** Set for a pull request from a fork: the head repository's id and `owner/name`. */
  headRepoId?: number
  headRepoFullName?: string
  createdAt: string
  updatedAt: string
  closedAt: string | null
}

/** An issue as the fake keeps it. */
export interface IssueState {
  number: number
  id: number
  title: string
  body: string | null
  labels: string[]
  user: string
  state: 'open' | 'closed'
  createdAt: string
  updatedAt: string
}

/** An issue comment as the fake keeps it. */
export interface CommentState {
  id: number
  issueNumber: number
  body: string
  user: string
  createdAt: string
  updatedAt: string
}

/** A workflow run seed: what a self-heal test needs to say about the red build. */
export interface RunSeed {
  id: number
  headBranch: string
  headSha: string
  /** Default `failure`. */
  conclusion?: string | null
  /** Default `completed`. */
  status?: string
  name?: string
  /** The event that started the run (default `push`). */
  event?: string
  runAttempt?: number
  runNumber?: number
  workflowId?: number
  /** Workflow file, default `.github/workflows/ci.yml`. */
  path?: string
  /** Repository id of the head; differs from the repository's own id for fork runs. */
  headRepositoryId?: number
  /** `owner/name` of the head repository when it is a fork. */
  headRepositoryFullName?: string
  actor?: string
  triggeringActor?: string
  displayTitle?: string
}

/** A job seed of a workflow run. */
export interface JobSeed {
  id: number
  name: string
  /** Default `failure`. */
  conclusion?: string | null
  status?: string
  /** Which attempt of the run the job belongs to (default 1). */
  runAttempt?: number
  steps?: { name: string; conclusion: string | null; number?: number; status?: string }[]
  headSha?: string
  headBranch?: string
}

/** Where the fake lives and which repository it plays. */
export interface ObjectContext {
  /** The fake's base URL (API and web pages share it). */
  url: string
  owner: string
  repo: string
  repoId: number
  defaultBranch: string
  ownerType: 'User' | 'Organization'
}

/** Builds response objects for one fake repository. */
export class GitHubObjects {
  constructor(private readonly ctx: ObjectContext) {}

  private get api(): string {
    return `${this.ctx.url}/repos/${this.ctx.owner}/${this.ctx.repo}`
  }

  private get web(): string {
    return `${this.ctx.url}/${this.ctx.owner}/${this.ctx.repo}`
  }

  /** A `simple-user`. */
  user(login: string, type: string = userTypeFor(login)): Record<string, unknown> {
    const id = userIdFor(login)
    const u = `${this.ctx.url}/users/${encodeURIComponent(login)}`
    return {
      login,
      id,
      node_id: nodeId(type === 'Bot' ? 'BOT' : type === 'Organization' ? 'O' : 'U', id),
      avatar_url: `${this.ctx.url}/avatars/u/${id}?v=4`,
      gravatar_id: '',
      url: u,
      html_url: `${this.ctx.url}/${type === 'Bot' ? 'apps/' + login.replace(/\[bot\]$/, '') : login}`,
      followers_url: `${u}/followers`,
      following_url: `${u}/following{/other_user}`,
      gists_url: `${u}/gists{/gist_id}`,
      starred_url: `${u}/starred{/owner}{/repo}`,
      subscriptions_url: `${u}/subscriptions`,
      organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`,
      events_url: `${u}/events{/privacy}`,
      received_events_url: `${u}/received_events`,
      type,
      user_view_type: 'public',
      site_admin: false
    }
  }

  /** A `full-repository` (also a valid `repository` and `minimal-repository`). */
  repository(): Record<string, unknown> {
    const { owner, repo, repoId, defaultBranch, ownerType } = this.ctx
    const a = this.api
    const created = '2024-01-02T03:04:05Z'
    return {
      id: repoId,
      node_id: nodeId('R', repoId),
      name: repo,
      full_name: `${owner}/${repo}`,
      owner: this.user(owner, ownerType),
      private: false,
      html_url: this.web,
      description: 'A repository played by the Gated Agent test fake.',
      fork: false,
      url: a,
      archive_url: `${a}/{archive_format}{/ref}`,
      assignees_url: `${a}/assignees{/user}`,
      blobs_url: `${a}/git/blobs{/sha}`,
      branches_url: `${a}/branches{/branch}`,
      collaborators_url: `${a}/collaborators{/collaborator}`,
      comments_url: `${a}/comments{/number}`,
      commits_url: `${a}/commits{/sha}`,
      compare_url: `${a}/compare/{base}...{head}`,
      contents_url: `${a}/contents/{+path}`,
      contributors_url: `${a}/contributors`,
      deployments_url: `${a}/deployments`,
      downloads_url: `${a}/downloads`,
      events_url: `${a}/events`,
      forks_url: `${a}/forks`,
      git_commits_url: `${a}/git/commits{/sha}`,
      git_refs_url: `${a}/git/refs{/sha}`,
      git_tags_url: `${a}/git/tags{/sha}`,
      git_url: `git://127.0.0.1/${owner}/${repo}.git`,
      issue_comment_url: `${a}/issues/comments{/number}`,
      issue_events_url: `${a}/issues/events{/number}`,
      issues_url: `${a}/issues{/number}`,
      keys_url: `${a}/keys{/key_id}`,
      labels_url: `${a}/labels{/name}`,
      languages_url: `${a}/languages`,
      merges_url: `${a}/merges`,
      milestones_url: `${a}/milestones{/number}`,
      notifications_url: `${a}/notifications{?since,all,participating}`,
      pulls_url: `${a}/pulls{/number}`,
      releases_url: `${a}/releases{/id}`,
      ssh_url: `git@127.0.0.1:${owner}/${repo}.git`,
      stargazers_url: `${a}/stargazers`,
      statuses_url: `${a}/statuses/{sha}`,
      subscribers_url: `${a}/subscribers`,
      subscription_url: `${a}/subscription`,
      tags_url: `${a}/tags`,
      teams_url: `${a}/teams`,
      trees_url: `${a}/git/trees{/sha}`,
      clone_url: `${this.web}.git`,
      mirror_url: null,
      hooks_url: `${a}/hooks`,
      svn_url: this.web,
      homepage: null,
      language: 'TypeScript',
      forks: 0,
      forks_count: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 108,
      default_branch: defaultBranch,
      open_issues: 0,
      open_issues_count: 0,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: 'public',
      pushed_at: created,
      created_at: created,
      updated_at: created,
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
      allow_rebase_merge: true,
      allow_squash_merge: true,
      allow_merge_commit: true,
      allow_auto_merge: false,
      delete_branch_on_merge: false,
      allow_forking: true,
      web_commit_signoff_required: false,
      license: null,
      network_count: 0,
      subscribers_count: 0
    }
  }

  /** A `label`. */
  label(name: string): Record<string, unknown> {
    const id = userIdFor(`label:${name}`)
    return {
      id,
      node_id: nodeId('LA', id),
      url: `${this.api}/labels/${encodeURIComponent(name)}`,
      name,
      description: null,
      color: 'ededed',
      default: false
    }
  }

  private reactions(url: string): Record<string, unknown> {
    return {
      url: `${url}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      hooray: 0,
      confused: 0,
      heart: 0,
      rocket: 0,
      eyes: 0
    }
  }

  /** An `issue`; a pull request seen through the issues API carries `pull_request`. */
  issue(issue: IssueState, commentCount: number, pull?: PullState): Record<string, unknown> {
    const url = `${this.api}/issues/${issue.number}`
    return {
      id: issue.id,
      node_id: nodeId(pull ? 'PR' : 'I', issue.id),
      url,
      repository_url: this.api,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${this.web}/${pull ? 'pull' : 'issues'}/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: null,
      title: issue.title,
      body: issue.body,
      user: this.user(issue.user),
      labels: issue.labels.map((name) => this.label(name)),
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: commentCount,
      closed_at: issue.state === 'closed' ? issue.updatedAt : null,
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      author_association: issue.user === this.ctx.owner ? 'OWNER' : 'CONTRIBUTOR',
      reactions: this.reactions(url),
      ...(pull
        ? {
            draft: pull.draft,
            pull_request: {
              url: `${this.api}/pulls/${pull.number}`,
              html_url: `${this.web}/pull/${pull.number}`,
              diff_url: `${this.web}/pull/${pull.number}.diff`,
              patch_url: `${this.web}/pull/${pull.number}.patch`,
              merged_at: null
            }
          }
        : {})
    }
  }

  /** An `issue-comment`. */
  comment(comment: CommentState): Record<string, unknown> {
    const url = `${this.api}/issues/comments/${comment.id}`
    return {
      id: comment.id,
      node_id: nodeId('IC', comment.id),
      url,
      html_url: `${this.web}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
      body: comment.body,
      user: this.user(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      issue_url: `${this.api}/issues/${comment.issueNumber}`,
      author_association: comment.user === this.ctx.owner ? 'OWNER' : 'NONE',
      reactions: this.reactions(url)
    }
  }

  private branchRef(ref: string, sha: string): Record<string, unknown> {
    return {
      label: `${this.ctx.owner}:${ref}`,
      ref,
      sha,
      user: this.user(this.ctx.owner, this.ctx.ownerType),
      repo: this.repository()
    }
  }

  /** The head of a pull request: a branch of this repository, or of a fork. */
  private headRef(pull: PullState): Record<string, unknown> {
    const ref = this.branchRef(pull.head, pull.headSha)
    if (pull.headRepoId === undefined || pull.headRepoId === this.ctx.repoId) return ref
    const fullName = pull.headRepoFullName ?? `fork-owner/${this.ctx.repo}`
    const [forkOwner] = fullName.split('/')
    return {
      ...ref,
      label: `${forkOwner}:${pull.head}`,
      user: this.user(forkOwner, 'User'),
      repo: { ...this.repository(), id: pull.headRepoId, full_name: fullName, fork: true, owner: this.user(forkOwner, 'User') }
    }
  }

  /** A `pull-request-simple` (list answers) or, with `full`, a `pull-request`. */
  pull(pull: PullState, full: boolean): Record<string, unknown> {
    const url = `${this.api}/pulls/${pull.number}`
    const html = `${this.web}/pull/${pull.number}`
    const issueUrl = `${this.api}/issues/${pull.number}`
    const simple: Record<string, unknown> = {
      url,
      id: pull.id,
      node_id: nodeId('PR', pull.id),
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issueUrl,
      commits_url: `${url}/commits`,
      review_comments_url: `${url}/comments`,
      review_comment_url: `${this.api}/pulls/comments{/number}`,
      comments_url: `${issueUrl}/comments`,
      statuses_url: `${this.api}/statuses/${pull.headSha}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: this.user(pull.user),
      body: pull.body,
      labels: [],
      milestone: null,
      active_lock_reason: null,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      closed_at: pull.closedAt,
      merged_at: null,
      merge_commit_sha: null,
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: this.headRef(pull),
      base: this.branchRef(pull.base, pull.baseSha),
      _links: {
        self: { href: url },
        html: { href: html },
        issue: { href: issueUrl },
        comments: { href: `${issueUrl}/comments` },
        review_comments: { href: `${url}/comments` },
        review_comment: { href: `${this.api}/pulls/comments{/number}` },
        commits: { href: `${url}/commits` },
        statuses: { href: `${this.api}/statuses/${pull.headSha}` }
      },
      author_association: pull.user === this.ctx.owner ? 'OWNER' : 'CONTRIBUTOR',
      auto_merge: null,
      draft: pull.draft
    }
    if (!full) return simple
    return {
      ...simple,
      merged: pull.merged,
      mergeable: pull.state === 'open' ? true : null,
      rebaseable: pull.state === 'open' ? true : null,
      mergeable_state: pull.draft ? 'draft' : 'clean',
      merged_by: null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: pull.maintainerCanModify,
      commits: 1,
      additions: 1,
      deletions: 0,
      changed_files: 1
    }
  }

  /** A `workflow-run`. */
  workflowRun(run: RunSeed): Record<string, unknown> {
    const url = `${this.api}/actions/runs/${run.id}`
    const attempt = run.runAttempt ?? 1
    const workflowId = run.workflowId ?? 7_000_001
    const fork = run.headRepositoryId !== undefined && run.headRepositoryId !== this.ctx.repoId
    const headRepository = fork ? this.forkRepository(run.headRepositoryId as number, run.headRepositoryFullName) : this.minimalRepository()
    const created = timestamp(new Date(Date.now() - 10 * 60_000))
    const actor = run.actor ?? this.ctx.owner
    return {
      id: run.id,
      name: run.name ?? 'CI',
      node_id: nodeId('WFR', run.id),
      check_suite_id: run.id + 1,
      check_suite_node_id: nodeId('CS', run.id + 1),
      head_branch: run.headBranch,
      head_sha: run.headSha,
      path: run.path ?? '.github/workflows/ci.yml',
      display_title: run.displayTitle ?? `Build ${run.headBranch}`,
      run_number: run.runNumber ?? 42,
      event: run.event ?? 'push',
      status: run.status ?? 'completed',
      conclusion: run.conclusion === undefined ? 'failure' : run.conclusion,
      workflow_id: workflowId,
      url,
      html_url: `${this.web}/actions/runs/${run.id}`,
      pull_requests: [],
      created_at: created,
      updated_at: created,
      actor: this.user(actor),
      triggering_actor: this.user(run.triggeringActor ?? actor),
      run_attempt: attempt,
      referenced_workflows: [],
      run_started_at: created,
      jobs_url: `${url}/jobs`,
      logs_url: `${url}/logs`,
      check_suite_url: `${this.api}/check-suites/${run.id + 1}`,
      artifacts_url: `${url}/artifacts`,
      cancel_url: `${url}/cancel`,
      rerun_url: `${url}/rerun`,
      previous_attempt_url: attempt > 1 ? `${url}/attempts/${attempt - 1}` : null,
      workflow_url: `${this.api}/actions/workflows/${workflowId}`,
      head_commit: {
        id: run.headSha,
        tree_id: createHash('sha1').update(`tree:${run.headSha}`).digest('hex'),
        message: `Commit on ${run.headBranch}`,
        timestamp: created,
        author: { name: actor, email: `${userIdFor(actor)}+${actor}@users.noreply.github.com` },
        committer: { name: 'GitHub', email: 'noreply@github.com' }
      },
      repository: this.minimalRepository(),
      head_repository: headRepository
    }
  }

  /** A `job` of a run. */
  job(job: JobSeed, run: RunSeed): Record<string, unknown> {
    const started = timestamp(new Date(Date.now() - 9 * 60_000))
    const completed = timestamp(new Date(Date.now() - 8 * 60_000))
    const status = job.status ?? 'completed'
    return {
      id: job.id,
      run_id: run.id,
      run_url: `${this.api}/actions/runs/${run.id}`,
      run_attempt: job.runAttempt ?? 1,
      node_id: nodeId('CR', job.id),
      head_sha: job.headSha ?? run.headSha,
      head_branch: job.headBranch ?? run.headBranch,
      url: `${this.api}/actions/jobs/${job.id}`,
      html_url: `${this.web}/actions/runs/${run.id}/job/${job.id}`,
      status,
      conclusion: job.conclusion === undefined ? 'failure' : job.conclusion,
      created_at: started,
      started_at: started,
      completed_at: status === 'completed' ? completed : null,
      name: job.name,
      steps: (job.steps ?? []).map((step, i) => ({
        name: step.name,
        status: step.status ?? 'completed',
        conclusion: step.conclusion,
        number: step.number ?? i + 1,
        started_at: started,
        completed_at: completed
      })),
      check_run_url: `${this.api}/check-runs/${job.id}`,
      labels: ['ubuntu-latest'],
      runner_id: 1,
      runner_name: 'GitHub Actions 1',
      runner_group_id: 0,
      runner_group_name: 'GitHub Actions',
      workflow_name: run.name ?? 'CI'
    }
  }

  /** A `repository-collaborator-permission`. */
  permission(login: string, permission: string, roleName: string): Record<string, unknown> {
    const flags = {
      admin: permission === 'admin',
      maintain: roleName === 'maintain' || permission === 'admin',
      push: permission === 'write' || permission === 'admin',
      triage: permission !== 'read' && permission !== 'none',
      pull: permission !== 'none'
    }
    if (roleName === 'triage') flags.triage = true
    return {
      permission,
      role_name: roleName,
      user: { ...this.user(login), permissions: flags, role_name: roleName }
    }
  }

  private minimalRepository(): Record<string, unknown> {
    const full = this.repository()
    const keep = new Set(MINIMAL_REPOSITORY_KEYS)
    return Object.fromEntries(Object.entries(full).filter(([k]) => keep.has(k)))
  }

  private forkRepository(id: number, fullName = `fork-owner/${this.ctx.repo}`): Record<string, unknown> {
    const [owner, name] = fullName.split('/')
    const base = new GitHubObjects({ ...this.ctx, owner, repo: name, repoId: id, ownerType: 'User' })
    return { ...base.minimalRepository(), fork: true }
  }
}

const MINIMAL_REPOSITORY_KEYS = [
  'id',
  'node_id',
  'name',
  'full_name',
  'owner',
  'private',
  'html_url',
  'description',
  'fork',
  'url',
  'archive_url',
  'assignees_url',
  'blobs_url',
  'branches_url',
  'collaborators_url',
  'comments_url',
  'commits_url',
  'compare_url',
  'contents_url',
  'contributors_url',
  'deployments_url',
  'downloads_url',
  'events_url',
  'forks_url',
  'git_commits_url',
  'git_refs_url',
  'git_tags_url',
  'git_url',
  'issue_comment_url',
  'issue_events_url',
  'issues_url',
  'keys_url',
  'labels_url',
  'languages_url',
  'merges_url',
  'milestones_url',
  'notifications_url',
  'pulls_url',
  'releases_url',
  'ssh_url',
  'stargazers_url',
  'statuses_url',
  'subscribers_url',
  'subscription_url',
  'tags_url',
  'teams_url',
  'trees_url',
  'hooks_url'
]
