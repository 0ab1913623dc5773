import { describe, expect, it } from '@jest/globals'
import { decideJob } from '../../src/action/job-decision.js'
import { readActionSettings } from '../../src/action/settings.js'
import { readRunnerContext } from '../../src/action/runner-context.js'
import { issueLabeledEvent, pushEvent, workflowRunFailedEvent } from '../harness/webhook-events.js'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const target = { owner: 'octo-org', repo: 'octo-repo', repoId: 123456789, defaultBranch: 'main' }
const SHA = 'a'.repeat(40)

function settings(inputs: Record<string, string> = {}) {
  const values: Record<string, string> = {
    'github-token': 't',
    'agent-command': 'agent {prompt_file}',
    'branch-prefix': 'agent/',
    'trigger-label': 'agent',
    'trigger-command': '/agent',
    ...inputs
  }
  return readActionSettings((name) => values[name] ?? '')
}

/** The runner context as the action reads it, from a real payload written where GITHUB_EVENT_PATH points. */
function context(eventName: string, payload: object, env: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'job-decision-'))
  const file = path.join(dir, 'event.json')
  fs.writeFileSync(file, JSON.stringify(payload))
  try {
    return readRunnerContext({
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: file,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_REPOSITORY_ID: String(target.repoId),
      GITHUB_ACTOR: 'octocat',
      GITHUB_RUN_ID: '42',
      GITHUB_SHA: SHA,
      GITHUB_REF: 'refs/heads/main',
      ...env
    })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describe('decideJob: self-heal', () => {
  const failed = workflowRunFailedEvent({ ...target, headBranch: 'main', headSha: SHA, runId: 555, actor: 'octocat' })

  it('a failed workflow_run is self-heal of that run, in auto and self-heal mode alike', () => {
    for (const mode of ['auto', 'self-heal']) {
      expect(decideJob(context('workflow_run', failed), settings({ mode }))).toMatchObject({
        kind: 'self-heal',
        trigger: { kind: 'workflow-run', run: { id: 555 } }
      })
    }
  })

  it('its guards refuse before anything is loaded: a fork run is a skip', () => {
    const fork = workflowRunFailedEvent({ ...target, headBranch: 'main', headSha: SHA, runId: 555, actor: 'octocat', headRepoId: 7 })
    expect(decideJob(context('workflow_run', fork), settings())).toMatchObject({
      kind: 'skip',
      reason: expect.stringContaining('never healed')
    })
  })

  it('the branch prefix input decides which branches are ours (a red run on ours is a heal in place of its PR)', () => {
    const ours = workflowRunFailedEvent({ ...target, headBranch: 'bots/heal/main', headSha: SHA, runId: 555, actor: 'octocat' })
    expect(decideJob(context('workflow_run', ours), settings({ 'branch-prefix': 'bots/' }))).toMatchObject({
      kind: 'pr-follow-up',
      trigger: { kind: 'ci' }
    })
    expect(decideJob(context('workflow_run', ours), settings())).toMatchObject({ kind: 'self-heal' })
  })

  it('a dispatch with run-id heals that run; with issue-number it is issue-to-pr', () => {
    const dispatch = { inputs: {}, ref: 'refs/heads/main', sender: { login: 'octocat', type: 'User' }, repository: { id: target.repoId } }
    expect(decideJob(context('workflow_dispatch', dispatch), settings({ 'run-id': '555' }))).toMatchObject({
      kind: 'self-heal',
      trigger: { kind: 'run-id', runId: 555 }
    })
    expect(decideJob(context('workflow_dispatch', dispatch), settings({ 'issue-number': '3' }))).toMatchObject({ kind: 'issue-to-pr' })
  })

  it('a push build, with the action after its failed step, heals in the job', () => {
    const push = pushEvent({ ...target, ref: 'refs/heads/main', before: '0'.repeat(40), after: SHA, sender: 'octocat' })
    expect(decideJob(context('push', push), settings())).toMatchObject({
      kind: 'self-heal',
      trigger: { kind: 'in-job', branch: 'main', sha: SHA, runId: 42 }
    })
  })

  it('issue events stay issue-to-pr in auto mode, and an event of neither kind is skipped with what would trigger', () => {
    const labelled = issueLabeledEvent({ ...target, issueNumber: 1, label: 'agent', sender: 'octocat' })
    expect(decideJob(context('issues', labelled), settings())).toMatchObject({ kind: 'issue-to-pr' })
    expect(decideJob(context('release', { repository: { id: target.repoId } }), settings())).toEqual({
      kind: 'skip',
      reason: expect.stringMatching(/^The release event is not one Gated Agent acts on in mode 'auto'.*heal a failed run/)
    })
  })
})
