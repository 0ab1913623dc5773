import { describe, expect, it } from '@jest/globals'
import { checkHealableRun, failedRunFromApi, resolveHealTrigger, type HealEvent, type HealSettings } from '../../src/github/heal-events.js'
import type { WorkflowRun } from '../../src/github/github-api.js'
import { loadWebhookExample, pushEvent, retarget, workflowRunFailedEvent } from '../harness/webhook-events.js'

// Real payloads (GitHub's examples, retargeted), as a runner hands them over in GITHUB_EVENT_PATH.
const target = { owner: 'octo-org', repo: 'octo-repo', repoId: 123456789, defaultBranch: 'main' }
const SHA = 'a'.repeat(40)
const settings: HealSettings = { mode: 'auto', branchPrefix: 'agent/' }

function event(eventName: string, payload: unknown, extra: Partial<HealEvent> = {}): HealEvent {
  return {
    eventName,
    payload,
    repositoryId: target.repoId,
    actor: 'octocat',
    triggeringActor: 'octocat',
    ref: 'refs/heads/main',
    sha: SHA,
    runId: '9000000001',
    runAttempt: '1',
    ...extra
  }
}

function failed(extra: Partial<Parameters<typeof workflowRunFailedEvent>[0]> = {}) {
  return workflowRunFailedEvent({
    ...target,
    headBranch: 'feature/x',
    headSha: SHA,
    runId: 555,
    actor: 'octocat',
    workflowName: 'CI',
    ...extra
  })
}

describe('resolveHealTrigger: workflow_run', () => {
  it('heals a completed, failed run of this repository, with every actor to check', () => {
    const trigger = resolveHealTrigger(
      event('workflow_run', failed({ triggeringActor: 'mona' }), { actor: 'octocat', triggeringActor: 'mona' }),
      settings
    )
    expect(trigger).toMatchObject({
      kind: 'workflow-run',
      run: {
        id: 555,
        name: 'CI',
        headBranch: 'feature/x',
        headSha: SHA,
        repositoryId: target.repoId,
        headRepositoryId: target.repoId,
        status: 'completed',
        conclusion: 'failure'
      }
    })
    const logins = trigger?.kind === 'workflow-run' ? trigger.run.actors.map((a) => a.login) : []
    expect(logins).toEqual(['octocat', 'mona'])
  })

  it.each([
    ['a successful run', failed({ conclusion: 'success' }), /concluded 'success', not 'failure'/],
    ['a cancelled run', failed({ conclusion: 'cancelled' }), /concluded 'cancelled'/],
    [
      'a fork’s run, told by repository id',
      failed({ headRepoId: 999, headRepoFullName: 'mallory/octo-repo' }),
      /head repository id 999, this repository's 123456789\): runs from forks are never healed/
    ],
    ['a run on a heal branch', failed({ headBranch: 'agent/heal/main' }), /'agent\/heal\/main', one of Gated Agent's own branches/],
    ['a run on an issue branch', failed({ headBranch: 'agent/issue-7' }), /own branches/]
  ])('skips %s', (_name, payload, reason) => {
    const trigger = resolveHealTrigger(event('workflow_run', payload), settings)
    expect(trigger).toEqual({ kind: 'skip', reason: expect.stringMatching(reason) })
  })

  it('skips a fork run even when its head repository has the same name, and one whose head repository is gone', () => {
    const renamed = failed({ headRepoId: 4242, headRepoFullName: 'octo-org/octo-repo' })
    expect(resolveHealTrigger(event('workflow_run', renamed), settings)).toMatchObject({ kind: 'skip' })
    const gone = failed()
    ;(gone.workflow_run as { head_repository: unknown }).head_repository = null
    expect(resolveHealTrigger(event('workflow_run', gone), settings)).toEqual({
      kind: 'skip',
      reason: expect.stringContaining('head repository id unknown')
    })
  })

  it('skips a run that is not completed yet, and a run without a head branch', () => {
    const requested = { ...failed(), action: 'requested' }
    expect(resolveHealTrigger(event('workflow_run', requested), settings)).toEqual({
      kind: 'skip',
      reason: expect.stringContaining("(action 'requested') is not a completed run")
    })
    const noBranch = failed()
    ;(noBranch.workflow_run as { head_branch: unknown }).head_branch = null
    expect(resolveHealTrigger(event('workflow_run', noBranch), settings)).toEqual({
      kind: 'skip',
      reason: expect.stringContaining('has no head branch')
    })
  })
})

describe('resolveHealTrigger: run-id and in-job', () => {
  it('a dispatch with run-id is read later through the API', () => {
    expect(
      resolveHealTrigger(event('workflow_dispatch', { sender: { login: 'octocat', type: 'User' } }), { ...settings, runId: 77 })
    ).toEqual({
      kind: 'run-id',
      runId: 77,
      actors: [{ login: 'octocat', type: 'User' }]
    })
  })

  it('a push build heals its branch at the pushed commit', () => {
    const push = pushEvent({ ...target, ref: 'refs/heads/feature/x', before: '0'.repeat(40), after: SHA, sender: 'octocat' })
    const trigger = resolveHealTrigger(event('push', push, { ref: 'refs/heads/feature/x' }), settings)
    expect(trigger).toMatchObject({
      kind: 'in-job',
      branch: 'feature/x',
      sha: SHA,
      runId: 9000000001,
      runAttempt: 1,
      actors: [{ login: 'octocat', type: 'User' }]
    })
  })

  it.each([
    ['a tag push', 'refs/tags/v1', {}, /did not build a branch \(ref 'refs\/tags\/v1'\)/],
    ['a push to our own branch', 'refs/heads/agent/heal/main', {}, /own branches/],
    ['a merge queue branch', 'refs/heads/gh-readonly-queue/main/pr-1-abc', {}, /merge queue's temporary branch/],
    ['a job without GITHUB_RUN_ID', 'refs/heads/main', { runId: '' }, /GITHUB_RUN_ID is not set/]
  ])('skips %s', (_name, ref, extra, reason) => {
    const push = pushEvent({ ...target, ref, before: '0'.repeat(40), after: SHA, sender: 'octocat' })
    expect(resolveHealTrigger(event('push', push, { ref, ...extra }), settings)).toEqual({
      kind: 'skip',
      reason: expect.stringMatching(reason)
    })
  })

  it("a pull request's build heals the pull request's branch at its head, never a fork's", () => {
    const payload = retarget(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      loadWebhookExample<Record<string, any>>('pull_request', (p) => p.action === 'opened'),
      target
    )
    Object.assign(payload.pull_request.head, { ref: 'feature/y', sha: 'b'.repeat(40), repo: { ...payload.repository, id: target.repoId } })
    const merge = 'c'.repeat(40)
    expect(resolveHealTrigger(event('pull_request', payload, { ref: 'refs/pull/1/merge', sha: merge }), settings)).toMatchObject({
      kind: 'in-job',
      branch: 'feature/y',
      sha: 'b'.repeat(40)
    })
    payload.pull_request.head.repo = { ...payload.repository, id: 999 }
    expect(resolveHealTrigger(event('pull_request', payload, { ref: 'refs/pull/1/merge', sha: merge }), settings)).toEqual({
      kind: 'skip',
      reason: expect.stringContaining('runs of fork code are never healed')
    })
  })

  it('never acts on pull_request_target; in auto mode other events are not ours, in self-heal mode they heal in the job', () => {
    expect(resolveHealTrigger(event('pull_request_target', {}), settings)).toMatchObject({
      kind: 'skip',
      reason: expect.stringContaining('pull_request_target')
    })
    expect(resolveHealTrigger(event('release', {}), settings)).toBeUndefined()
    expect(resolveHealTrigger(event('release', {}), { ...settings, mode: 'self-heal' })).toMatchObject({ kind: 'in-job', branch: 'main' })
    expect(resolveHealTrigger(event('issues', {}), { ...settings, mode: 'self-heal' })).toMatchObject({
      kind: 'skip',
      reason: expect.stringContaining('not a CI event')
    })
  })
})

describe('the guards on a run read through the API', () => {
  const apiRun: WorkflowRun = {
    id: 9,
    name: 'CI',
    event: 'push',
    status: 'completed',
    conclusion: 'failure',
    headBranch: 'main',
    headSha: SHA,
    runAttempt: 2,
    htmlUrl: 'https://github.com/octo-org/octo-repo/actions/runs/9',
    repository: 'octo-org/octo-repo',
    headRepository: 'octo-org/octo-repo',
    repositoryId: target.repoId,
    headRepositoryId: target.repoId,
    actor: { login: 'octocat', type: 'User' },
    triggeringActor: { login: 'dependabot[bot]', type: 'Bot' },
    pullRequests: []
  }

  it('passes a failed run of this repository, with both its actors', () => {
    const checked = checkHealableRun(failedRunFromApi(apiRun), { repositoryId: target.repoId, branchPrefix: 'agent/' })
    expect(checked).toMatchObject({ ok: true, run: { attempt: 2, headBranch: 'main' } })
    expect(checked.ok && checked.run.actors.map((a) => a.login)).toEqual(['octocat', 'dependabot[bot]'])
  })

  it('refuses a run still in progress, and a run of another repository than this one', () => {
    expect(
      checkHealableRun(failedRunFromApi({ ...apiRun, status: 'in_progress', conclusion: null }), {
        repositoryId: target.repoId,
        branchPrefix: 'agent/'
      })
    ).toEqual({
      ok: false,
      reason: expect.stringContaining('is in_progress')
    })
    expect(checkHealableRun(failedRunFromApi(apiRun), { repositoryId: 1, branchPrefix: 'agent/' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('never healed')
    })
  })
})
