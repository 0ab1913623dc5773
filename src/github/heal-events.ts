/**
 * Which event asks for a red build to be healed, and the guards that need no API call. Pure: it
 * reads the webhook payload the runner saved (every field checked before use) and returns the run
 * or checkout to heal, or why not. The caller still checks the actors' permission, and reads a run
 * given by `run-id` through the API and puts it through {@link checkHealableRun} too.
 */
import { asRecord, readUser } from './payload-readers.js'
import type { GitHubUser, WorkflowRun } from './github-api.js'
import { isCommitId, isOwnBranch } from '../core/naming.js'

/** The event as the runner reports it (`GITHUB_EVENT_NAME`, the JSON at `GITHUB_EVENT_PATH`). */
export interface HealEvent {
  eventName: string
  payload: unknown
  /** `GITHUB_REPOSITORY_ID`, when the runner set it. */
  repositoryId?: number
  /** `GITHUB_ACTOR` and `GITHUB_TRIGGERING_ACTOR`. */
  actor: string
  triggeringActor: string
  /** `GITHUB_REF`, `GITHUB_SHA`, `GITHUB_RUN_ID`, `GITHUB_RUN_ATTEMPT`. */
  ref: string
  sha: string
  runId: string
  runAttempt: string
}

/** The settings the triggers and guards read. */
export interface HealSettings {
  /** `self-heal` acts on any CI event; `auto` only on the events listed in {@link IN_JOB_EVENTS}. */
  mode: 'auto' | 'self-heal'
  branchPrefix: string
  /** The `run-id` input. */
  runId?: number
}

/** A failed workflow run, as the guards need it: from the `workflow_run` payload or the API. */
export interface FailedRunTarget {
  id: number
  /** The attempt the payload or API describes. */
  attempt: number
  name: string
  htmlUrl: string
  status: string
  conclusion: string | null
  headBranch: string | null
  headSha: string
  repositoryId: number
  headRepositoryId: number | null
  /** Who started the run and who re-ran it; each must be allowed to trigger the agent. */
  actors: GitHubUser[]
}

/** A run that passed the guards: its branch is known. */
export type HealableRun = FailedRunTarget & { headBranch: string }

/** What to heal, or why not. */
export type HealTrigger =
  | { kind: 'workflow-run'; run: HealableRun }
  | { kind: 'run-id'; runId: number; actors: GitHubUser[] }
  | {
      kind: 'in-job'
      /** The branch the failing job built, and its commit. */
      branch: string
      sha: string
      /** This run, whose jobs hold the failed steps. */
      runId: number
      runAttempt: number
      actors: GitHubUser[]
    }
  | { kind: 'skip'; reason: string }

/**
 * Events that run CI, where `mode: auto` heals in the job (the action placed after the failing
 * steps with `if: failure()`). `pull_request_target` is absent on purpose: it runs the base
 * branch's workflow with a write token, and the code under test is not the branch's own.
 */
export const IN_JOB_EVENTS: ReadonlySet<string> = new Set([
  'push',
  'pull_request',
  'merge_group',
  'schedule',
  'workflow_dispatch',
  'repository_dispatch'
])

/** The guards on a failed run that need no API: completed, failed, not a fork's, not our branch. */
export function checkHealableRun(
  run: FailedRunTarget,
  guard: { repositoryId?: number; branchPrefix: string; /** Heal in place: the run is on one of our PR branches. */ ownBranch?: boolean }
): { ok: true; run: HealableRun } | { ok: false; reason: string } {
  const which = `Run ${run.id}${run.name ? ` (${run.name})` : ''}`
  if (run.status !== 'completed')
    return refuse(`${which} is ${run.status || 'not completed'}; self-heal acts on a completed run that failed.`)
  if (run.conclusion !== 'failure')
    return refuse(`${which} concluded '${run.conclusion ?? 'none'}', not 'failure': there is nothing to heal.`)
  // Ids, not names and not `pull_requests` (empty for fork PRs): a fork's run builds code nobody
  // with write access reviewed, and healing it would run that code with this repository's token.
  const ownId = guard.repositoryId ?? run.repositoryId
  if (run.repositoryId !== ownId || run.headRepositoryId === null || run.headRepositoryId !== ownId) {
    return refuse(
      `${which} built a commit from another repository (head repository id ${run.headRepositoryId ?? 'unknown'}, this repository's ${ownId}): runs from forks are never healed.`
    )
  }
  if (!run.headBranch) return refuse(`${which} has no head branch (a tag or a bare commit); self-heal proposes a fix against a branch.`)
  if (isOwnBranch(guard.branchPrefix, run.headBranch) !== (guard.ownBranch ?? false)) {
    return refuse(
      guard.ownBranch
        ? `${which} is on '${run.headBranch}', not one of Gated Agent's branches (prefix '${guard.branchPrefix}').`
        : ownBranchReason(which, run.headBranch, guard.branchPrefix)
    )
  }
  if (!isCommitId(run.headSha)) return refuse(`${which} names no valid head commit ('${run.headSha}').`)
  return { ok: true, run: { ...run, headBranch: run.headBranch } }
}

/** A run read through the API, in the guards' terms. */
export function failedRunFromApi(run: WorkflowRun): FailedRunTarget {
  return {
    id: run.id,
    attempt: run.runAttempt,
    name: run.name,
    htmlUrl: run.htmlUrl,
    status: run.status,
    conclusion: run.conclusion,
    headBranch: run.headBranch,
    headSha: run.headSha,
    repositoryId: run.repositoryId,
    headRepositoryId: run.headRepositoryId,
    actors: distinctUsers([run.actor, run.triggeringActor])
  }
}

/**
 * A failed `workflow_run` on one of Gated Agent's own branches: healed in place, as a follow-up on
 * that branch's open pull request (the front end checks there is one; without, it skips). The same
 * guards as self-heal (completed, failed, not a fork's). Undefined for any other event or branch.
 */
export function resolveHealInPlace(event: HealEvent, settings: Pick<HealSettings, 'branchPrefix'>): HealTrigger | undefined {
  if (event.eventName !== 'workflow_run') return undefined
  const payload = asRecord(event.payload) ?? {}
  const run = readWorkflowRun(payload.workflow_run)
  if (!run?.headBranch || !isOwnBranch(settings.branchPrefix, run.headBranch)) return undefined
  const action = typeof payload.action === 'string' ? payload.action : ''
  if (action !== 'completed') return skip(`The workflow_run event (action '${action}') is not a completed run.`)
  const checked = checkHealableRun(
    { ...run, actors: distinctUsers([...run.actors, ...runnerActors(event, readUser(payload.sender))]) },
    { repositoryId: event.repositoryId ?? readRepositoryId(payload), branchPrefix: settings.branchPrefix, ownBranch: true }
  )
  return checked.ok ? { kind: 'workflow-run', run: checked.run } : skip(checked.reason)
}

/**
 * Resolves a self-heal trigger from an event: a failed `workflow_run`, a `run-id` to read, or the
 * current job after a failed step. Returns undefined when the event is not a self-heal event in
 * `auto` mode, so the caller can say what would have triggered.
 */
export function resolveHealTrigger(event: HealEvent, settings: HealSettings): HealTrigger | undefined {
  const payload = asRecord(event.payload) ?? {}
  const sender = readUser(payload.sender)
  const runner = runnerActors(event, sender)

  if (event.eventName === 'workflow_run') {
    const action = typeof payload.action === 'string' ? payload.action : ''
    if (action !== 'completed')
      return skip(`The workflow_run event (action '${action}') is not a completed run; self-heal acts when a run completes with a failure.`)
    const run = readWorkflowRun(payload.workflow_run)
    if (!run) return skip('The workflow_run event carries no readable workflow_run.')
    const checked = checkHealableRun(
      { ...run, actors: distinctUsers([...run.actors, ...runner]) },
      {
        repositoryId: event.repositoryId ?? readRepositoryId(payload),
        branchPrefix: settings.branchPrefix
      }
    )
    return checked.ok ? { kind: 'workflow-run', run: checked.run } : skip(checked.reason)
  }

  if (settings.runId !== undefined && (event.eventName === 'workflow_dispatch' || settings.mode === 'self-heal')) {
    return { kind: 'run-id', runId: settings.runId, actors: runner }
  }

  if (event.eventName === 'pull_request_target') {
    return skip(
      "The pull_request_target event runs the base branch's workflow with a write token; self-heal does not act on it. Heal the pull request's own CI run through workflow_run instead."
    )
  }
  if (settings.mode === 'auto' && !IN_JOB_EVENTS.has(event.eventName)) return undefined
  if (event.eventName === 'issues' || event.eventName === 'issue_comment') {
    return skip(
      `The ${event.eventName} event is not a CI event; self-heal acts on a failed run (workflow_run, or workflow_dispatch with run-id) or after a failed step of this job.`
    )
  }
  return inJobTrigger(event, payload, settings, runner)
}

function inJobTrigger(event: HealEvent, payload: Record<string, unknown>, settings: HealSettings, actors: GitHubUser[]): HealTrigger {
  const runId = Number(event.runId)
  const runAttempt = Number(event.runAttempt || '1')
  if (!Number.isSafeInteger(runId) || runId <= 0 || !Number.isSafeInteger(runAttempt) || runAttempt <= 0) {
    return skip(
      'GITHUB_RUN_ID is not set, so the failed steps of this job cannot be found: in-job self-heal runs as a step of a GitHub Actions job.'
    )
  }
  let branch: string | undefined
  let sha = event.sha
  if (event.eventName === 'pull_request') {
    const pull = asRecord(payload.pull_request)
    const head = asRecord(pull?.head)
    const headRepo = asRecord(head?.repo)
    const ownId = event.repositoryId ?? readRepositoryId(payload)
    if (!headRepo || typeof headRepo.id !== 'number' || headRepo.id !== ownId) {
      return skip(`The pull request's head is in another repository (a fork, or a deleted one): runs of fork code are never healed.`)
    }
    branch = typeof head?.ref === 'string' ? head.ref : undefined
    // The job built the merge commit; the fix is proposed against the pull request's branch, at its head.
    sha = typeof head?.sha === 'string' ? head.sha : ''
  } else if (event.eventName === 'push' && payload.deleted === true) {
    return skip('The push deleted its branch: there is nothing to heal.')
  } else if (event.ref.startsWith('refs/heads/')) {
    branch = event.ref.slice('refs/heads/'.length)
  }
  if (!branch) return skip(`This job did not build a branch (ref '${event.ref}'); self-heal proposes a fix against a branch.`)
  if (branch.startsWith('gh-readonly-queue/'))
    return skip(`Branch '${branch}' is a merge queue's temporary branch; heal the pull request's own branch instead.`)
  if (isOwnBranch(settings.branchPrefix, branch)) return skip(ownBranchReason('This job', branch, settings.branchPrefix))
  if (!isCommitId(sha)) return skip(`This job names no valid commit ('${sha}').`)
  return { kind: 'in-job', branch, sha, runId, runAttempt, actors }
}

function ownBranchReason(which: string, branch: string, prefix: string): string {
  return `${which} is on '${branch}', one of Gated Agent's own branches (prefix '${prefix}'): healing it could start a loop, so it is left to a person.`
}

/** The runner's actors: the payload's sender (it knows the account type), `GITHUB_ACTOR`, `GITHUB_TRIGGERING_ACTOR`. */
function runnerActors(event: HealEvent, sender: GitHubUser | undefined): GitHubUser[] {
  const byLogin = (login: string): GitHubUser | undefined =>
    login === '' ? undefined : sender?.login === login ? sender : { login, type: /\[bot\]$/i.test(login) ? 'Bot' : 'User' }
  return distinctUsers([sender, byLogin(event.actor), byLogin(event.triggeringActor)])
}

function readWorkflowRun(value: unknown): FailedRunTarget | undefined {
  const run = asRecord(value)
  if (!run || typeof run.id !== 'number') return undefined
  const repository = asRecord(run.repository)
  const head = asRecord(run.head_repository)
  if (!repository || typeof repository.id !== 'number') return undefined
  return {
    id: run.id,
    attempt: typeof run.run_attempt === 'number' ? run.run_attempt : 1,
    name: typeof run.name === 'string' ? run.name : '',
    htmlUrl: typeof run.html_url === 'string' ? run.html_url : '',
    status: typeof run.status === 'string' ? run.status : '',
    conclusion: typeof run.conclusion === 'string' ? run.conclusion : null,
    headBranch: typeof run.head_branch === 'string' && run.head_branch !== '' ? run.head_branch : null,
    headSha: typeof run.head_sha === 'string' ? run.head_sha : '',
    repositoryId: repository.id,
    headRepositoryId: head && typeof head.id === 'number' ? head.id : null,
    actors: distinctUsers([readUser(run.actor), readUser(run.triggering_actor)])
  }
}

function readRepositoryId(payload: Record<string, unknown>): number | undefined {
  const id = asRecord(payload.repository)?.id
  return typeof id === 'number' ? id : undefined
}

function distinctUsers(users: Array<GitHubUser | null | undefined>): GitHubUser[] {
  const seen = new Map<string, GitHubUser>()
  for (const user of users) {
    if (user && user.login !== '' && !seen.has(user.login.toLowerCase())) seen.set(user.login.toLowerCase(), user)
  }
  return [...seen.values()]
}

function skip(reason: string): HealTrigger {
  return { kind: 'skip', reason }
}

function refuse(reason: string): { ok: false; reason: string } {
  return { ok: false, reason }
}
