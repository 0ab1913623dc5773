/**
 * Real webhook payloads for end-to-end tests: each builder starts from one of GitHub's own
 * examples (`@octokit/webhooks-examples`) and changes only what the scenario needs, so the
 * product reads exactly the structure a runner hands it in `GITHUB_EVENT_PATH`.
 */
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import type {
  IssueCommentCreatedEvent,
  IssuesLabeledEvent,
  IssuesOpenedEvent,
  Label,
  PushEvent,
  User,
  WorkflowDispatchEvent,
  WorkflowRunCompletedEvent
} from '@octokit/webhooks-types'
import { userIdFor, userTypeFor } from './github-objects.js'

export type {
  IssueCommentCreatedEvent,
  IssuesLabeledEvent,
  IssuesOpenedEvent,
  PushEvent,
  WorkflowDispatchEvent,
  WorkflowRunCompletedEvent
} from '@octokit/webhooks-types'

const EXAMPLES_FILE = fileURLToPath(new URL('../../node_modules/@octokit/webhooks-examples/api.github.com/index.json', import.meta.url))

type Payload = Record<string, unknown>

let examples: { name: string; examples: Payload[] }[] | undefined

/**
 * A deep copy of the first example of `event` the predicate accepts; throws naming the event
 * when none does, so a scenario never silently runs on the wrong payload.
 */
export function loadWebhookExample<T = Payload>(event: string, predicate: (payload: T) => boolean = () => true): T {
  examples ??= JSON.parse(fs.readFileSync(EXAMPLES_FILE, 'utf8')) as { name: string; examples: Payload[] }[]
  const group = examples.find((e) => e.name === event)
  if (!group) throw new Error(`@octokit/webhooks-examples has no "${event}" event`)
  const found = (group.examples as T[]).find(predicate)
  if (found === undefined) throw new Error(`no "${event}" example matches the predicate`)
  return structuredClone(found)
}

/** The repository a payload is about. */
export interface RepositoryTarget {
  owner: string
  repo: string
  repoId: number
  defaultBranch?: string
}

/** A webhook-style user (a `sender`, an issue author). */
export function webhookUser(login: string, type: 'User' | 'Bot' | 'Organization' = userTypeFor(login)): User {
  const id = userIdFor(login)
  const api = `https://api.github.com/users/${encodeURIComponent(login)}`
  return {
    login,
    id,
    node_id: Buffer.from(`04:${type}${id}`).toString('base64'),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `https://github.com/${type === 'Bot' ? 'apps/' + login.replace(/\[bot\]$/, '') : login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    site_admin: false
  }
}

/** A webhook-style label of the target repository. */
export function webhookLabel(target: RepositoryTarget, name: string): Label {
  const id = userIdFor(`label:${name}`)
  return {
    id,
    node_id: Buffer.from(`08:Label${id}`).toString('base64'),
    url: `https://api.github.com/repos/${target.owner}/${target.repo}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: 'ededed',
    default: false
  }
}

function replaceStrings(node: unknown, from: string, to: string): unknown {
  if (typeof node === 'string') return node.split(from).join(to)
  if (Array.isArray(node)) return node.map((item) => replaceStrings(item, from, to))
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, replaceStrings(v, from, to)]))
  }
  return node
}

/**
 * Points an example at the target repository: every `Old/Name` in its URLs and names becomes
 * `owner/repo`, and the repository's id, name, owner and default branch are set.
 */
export function retarget<T>(payload: T, target: RepositoryTarget): T {
  const repository = (payload as { repository: { full_name: string } }).repository
  const moved = replaceStrings(payload, repository.full_name, `${target.owner}/${target.repo}`) as T
  const repo = (moved as { repository: Record<string, unknown> }).repository
  const ownerType = (repo.owner as { type?: string }).type === 'Organization' ? 'Organization' : 'User'
  Object.assign(repo, {
    id: target.repoId,
    name: target.repo,
    full_name: `${target.owner}/${target.repo}`,
    owner: webhookUser(target.owner, ownerType),
    ...(target.defaultBranch ? { default_branch: target.defaultBranch } : {})
  })
  const organization = (moved as { organization?: Record<string, unknown> }).organization
  if (organization) Object.assign(organization, { login: target.owner, id: userIdFor(target.owner) })
  return moved
}

function issueUrls(target: RepositoryTarget, number: number, kind: 'issues' | 'pull' = 'issues'): Record<string, string> {
  const api = `https://api.github.com/repos/${target.owner}/${target.repo}`
  return {
    url: `${api}/issues/${number}`,
    repository_url: api,
    labels_url: `${api}/issues/${number}/labels{/name}`,
    comments_url: `${api}/issues/${number}/comments`,
    events_url: `${api}/issues/${number}/events`,
    html_url: `https://github.com/${target.owner}/${target.repo}/${kind}/${number}`
  }
}

/** The issue a scenario is about. */
export interface IssueEventOptions extends RepositoryTarget {
  issueNumber: number
  /** Who performed the action (labelled, commented). */
  sender: string
  title?: string
  body?: string | null
  /** Labels the issue carries after the event. */
  labels?: string[]
  /** The issue's author (default: the sender; for a comment event, the repository owner). */
  author?: string
}

function applyIssue(issue: Record<string, unknown>, options: IssueEventOptions, labels: string[]): void {
  Object.assign(issue, issueUrls(options, options.issueNumber), {
    number: options.issueNumber,
    title: options.title ?? issue.title,
    body: options.body === undefined ? issue.body : options.body,
    user: webhookUser(options.author ?? options.sender),
    labels: labels.map((name) => webhookLabel(options, name))
  })
}

/** `issues` / `labeled`: `label` was just added; `labels` (default `[label]`) is what the issue carries. */
export function issueLabeledEvent(options: IssueEventOptions & { label: string }): IssuesLabeledEvent {
  const payload = retarget(
    loadWebhookExample<IssuesLabeledEvent>('issues', (p) => p.action === 'labeled'),
    options
  )
  const labels = options.labels ?? [options.label]
  if (!labels.includes(options.label)) labels.push(options.label)
  applyIssue(payload.issue as unknown as Record<string, unknown>, options, labels)
  payload.label = webhookLabel(options, options.label)
  payload.sender = webhookUser(options.sender)
  return payload
}

/** `issues` / `opened`, with the labels the issue was opened with. */
export function issueOpenedEvent(options: IssueEventOptions): IssuesOpenedEvent {
  const payload = retarget(
    loadWebhookExample<IssuesOpenedEvent>('issues', (p) => p.action === 'opened'),
    options
  )
  applyIssue(payload.issue as unknown as Record<string, unknown>, { author: options.sender, ...options }, options.labels ?? [])
  payload.sender = webhookUser(options.sender)
  return payload
}

/** `issue_comment` / `created` by `commenter`, on an issue (or, with `onPullRequest`, a PR). */
export function issueCommentEvent(
  options: IssueEventOptions & {
    commentBody: string
    commentId?: number
    /** GitHub's author_association of the commenter (default `CONTRIBUTOR`, `OWNER` for the owner). */
    authorAssociation?: string
    onPullRequest?: boolean
  }
): IssueCommentCreatedEvent {
  const payload = retarget(
    loadWebhookExample<IssueCommentCreatedEvent>('issue_comment', (p) => p.action === 'created'),
    options
  )
  const issue = payload.issue as unknown as Record<string, unknown>
  applyIssue(issue, { ...options, author: options.author ?? options.owner }, options.labels ?? [])
  if (options.onPullRequest) {
    const html = `https://github.com/${options.owner}/${options.repo}/pull/${options.issueNumber}`
    Object.assign(issue, {
      html_url: html,
      pull_request: {
        url: `https://api.github.com/repos/${options.owner}/${options.repo}/pulls/${options.issueNumber}`,
        html_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        merged_at: null
      }
    })
  } else {
    delete issue.pull_request
  }
  const id = options.commentId ?? 4_000_000_001
  const api = `https://api.github.com/repos/${options.owner}/${options.repo}`
  Object.assign(payload.comment, {
    id,
    node_id: Buffer.from(`012:IssueComment${id}`).toString('base64'),
    url: `${api}/issues/comments/${id}`,
    html_url: `https://github.com/${options.owner}/${options.repo}/issues/${options.issueNumber}#issuecomment-${id}`,
    issue_url: `${api}/issues/${options.issueNumber}`,
    body: options.commentBody,
    user: webhookUser(options.sender),
    author_association: options.authorAssociation ?? (options.sender === options.owner ? 'OWNER' : 'CONTRIBUTOR')
  })
  payload.sender = webhookUser(options.sender)
  return payload
}

/** A red build to heal: `workflow_run` / `completed` with `conclusion` (default `failure`). */
export function workflowRunFailedEvent(
  options: RepositoryTarget & {
    headBranch: string
    headSha: string
    runId: number
    runAttempt?: number
    /** Head repository id: the repository's own for a same-repo run, another for a fork. */
    headRepoId?: number
    /** `owner/name` of a fork head repository. */
    headRepoFullName?: string
    actor: string
    triggeringActor?: string
    conclusion?: WorkflowRunCompletedEvent['workflow_run']['conclusion']
    event?: string
    workflowName?: string
  }
): WorkflowRunCompletedEvent {
  // The examples hold no failed run: derive one from a completed same-repository run.
  const example = loadWebhookExample<WorkflowRunCompletedEvent>(
    'workflow_run',
    (p) => p.action === 'completed' && p.workflow_run.head_repository.id === p.repository.id && p.workflow_run.conclusion === 'success'
  )
  const oldRunUrl = `/actions/runs/${example.workflow_run.id}`
  const payload = retarget(replaceStrings(example, oldRunUrl, `/actions/runs/${options.runId}`) as WorkflowRunCompletedEvent, options)
  const run = payload.workflow_run
  const actor = webhookUser(options.actor)
  const headRepoId = options.headRepoId ?? options.repoId
  Object.assign(run, {
    id: options.runId,
    name: options.workflowName ?? run.name,
    head_branch: options.headBranch,
    head_sha: options.headSha,
    conclusion: options.conclusion ?? 'failure',
    status: 'completed',
    event: options.event ?? 'push',
    run_attempt: options.runAttempt ?? 1,
    actor,
    triggering_actor: webhookUser(options.triggeringActor ?? options.actor),
    head_commit: { ...run.head_commit, id: options.headSha },
    repository: { ...run.repository, id: options.repoId, name: options.repo, full_name: `${options.owner}/${options.repo}` }
  })
  if (headRepoId === options.repoId) {
    run.head_repository = { ...run.repository }
  } else {
    const fullName = options.headRepoFullName ?? `fork-owner/${options.repo}`
    const [forkOwner, forkName] = fullName.split('/')
    run.head_repository = {
      ...(replaceStrings(run.repository, `${options.owner}/${options.repo}`, fullName) as typeof run.head_repository),
      id: headRepoId,
      name: forkName,
      full_name: fullName,
      fork: true,
      owner: webhookUser(forkOwner, 'User')
    }
  }
  payload.sender = webhookUser(options.triggeringActor ?? options.actor)
  return payload
}

/** `workflow_dispatch` with the given inputs. */
export function workflowDispatchEvent(
  options: RepositoryTarget & { inputs: Record<string, string>; ref?: string; sender?: string; workflow?: string }
): WorkflowDispatchEvent {
  const payload = retarget(loadWebhookExample<WorkflowDispatchEvent>('workflow_dispatch'), options)
  payload.inputs = { ...options.inputs }
  payload.ref = options.ref ?? `refs/heads/${options.defaultBranch ?? 'main'}`
  if (options.workflow) payload.workflow = options.workflow
  payload.sender = webhookUser(options.sender ?? options.owner)
  return payload
}

/** `push` of `after` onto `ref` (a branch), as a CI run that then fails sees it. */
export function pushEvent(
  options: RepositoryTarget & { ref: string; before: string; after: string; sender?: string; message?: string }
): PushEvent {
  const payload = retarget(
    loadWebhookExample<PushEvent>('push', (p) => p.ref.startsWith('refs/heads/') && p.head_commit !== null),
    options
  )
  const sender = options.sender ?? options.owner
  const commit = {
    ...(payload.head_commit as NonNullable<PushEvent['head_commit']>),
    id: options.after,
    tree_id: options.after.split('').reverse().join(''),
    message: options.message ?? 'Change things',
    url: `https://github.com/${options.owner}/${options.repo}/commit/${options.after}`,
    author: { name: sender, email: `${userIdFor(sender)}+${sender}@users.noreply.github.com`, username: sender },
    committer: { name: sender, email: `${userIdFor(sender)}+${sender}@users.noreply.github.com`, username: sender }
  }
  Object.assign(payload, {
    ref: options.ref,
    before: options.before,
    after: options.after,
    created: /^0+$/.test(options.before),
    deleted: false,
    forced: false,
    compare: `https://github.com/${options.owner}/${options.repo}/compare/${options.before.slice(0, 12)}...${options.after.slice(0, 12)}`,
    commits: [commit],
    head_commit: commit,
    pusher: { name: sender, email: `${userIdFor(sender)}+${sender}@users.noreply.github.com` },
    sender: webhookUser(sender)
  })
  return payload
}

/** The pull request a review event is about: its number, head branch and commit, head repository. */
export interface PullEventOptions extends RepositoryTarget {
  pullNumber: number
  headRef: string
  headSha: string
  /** The head repository's id: the repository's own, or another for a fork. */
  headRepoId?: number
  sender: string
  baseRef?: string
  state?: 'open' | 'closed'
}

function applyPull(pull: Record<string, unknown>, options: PullEventOptions): void {
  const repo = `${options.owner}/${options.repo}`
  const own = (pull.base as { repo: Record<string, unknown> }).repo
  Object.assign(own, { id: options.repoId, name: options.repo, full_name: repo })
  const headRepoId = options.headRepoId ?? options.repoId
  const headRepo =
    headRepoId === options.repoId
      ? { ...own }
      : { ...own, id: headRepoId, full_name: `fork-owner/${options.repo}`, fork: true, owner: webhookUser('fork-owner', 'User') }
  Object.assign(pull, {
    number: options.pullNumber,
    state: options.state ?? 'open',
    url: `https://api.github.com/repos/${repo}/pulls/${options.pullNumber}`,
    html_url: `https://github.com/${repo}/pull/${options.pullNumber}`,
    head: {
      ...(pull.head as object),
      ref: options.headRef,
      sha: options.headSha,
      label: `${options.owner}:${options.headRef}`,
      repo: headRepo
    },
    base: { ...(pull.base as object), ref: options.baseRef ?? options.defaultBranch ?? 'main', repo: own }
  })
}

/** `pull_request_review` / `submitted` with `reviewState` (`changes_requested`, `commented`, `approved`) and `body`. */
export function pullRequestReviewEvent(
  options: PullEventOptions & { reviewId: number; reviewState: 'changes_requested' | 'commented' | 'approved'; body: string | null }
): Record<string, unknown> {
  const payload = retarget(
    loadWebhookExample<Record<string, unknown>>('pull_request_review', (p) => p.action === 'submitted'),
    options
  )
  applyPull(payload.pull_request as Record<string, unknown>, options)
  Object.assign(payload.review as object, {
    id: options.reviewId,
    state: options.reviewState,
    body: options.body,
    user: webhookUser(options.sender),
    commit_id: options.headSha
  })
  payload.sender = webhookUser(options.sender)
  return payload
}

/** `pull_request_review_comment` / `created`: an inline comment on `path` at `line`. */
export function pullRequestReviewCommentEvent(
  options: PullEventOptions & { commentId: number; body: string; path: string; line: number; diffHunk: string }
): Record<string, unknown> {
  const payload = retarget(
    loadWebhookExample<Record<string, unknown>>('pull_request_review_comment', (p) => p.action === 'created'),
    options
  )
  applyPull(payload.pull_request as Record<string, unknown>, options)
  Object.assign(payload.comment as object, {
    id: options.commentId,
    body: options.body,
    path: options.path,
    line: options.line,
    original_line: options.line,
    diff_hunk: options.diffHunk,
    user: webhookUser(options.sender),
    commit_id: options.headSha
  })
  payload.sender = webhookUser(options.sender)
  return payload
}
