/**
 * The self-heal job's front-end (src/action/self-heal.ts) with the GitHub API fake, a recording
 * gated loop and a real git checkout: the guards, the failing commit checked out, the evidence the
 * agent reads, and the retry cap carried across runs on the heal pull request.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fakeActionsCore } from '../fakes/fake-actions-core.js'
import { FakeGitHubApi } from './github-fake-api.js'
import type { WorkflowJob } from '../../src/github/github-api.js'

const core = fakeActionsCore()
jest.unstable_mockModule('@actions/core', () => core.module)
const { runSelfHeal } = await import('../../src/action/self-heal.js')
const { outcomeReason } = await import('../../src/action/report.js')
const { ledgerMarker, readLedger } = await import('../../src/github/pr-ledger.js')
const { actionSettings, fakeGatedLoop, recordingLog, runnerContext } = await import('./action-front-end.js')
type SelfHealTrigger = import('../../src/action/self-heal.js').SelfHealTrigger

let dir: string
let repo: string
/** The failing commit (HEAD~1) and the commit the checkout is on (HEAD). */
let failing: string
let later: string

const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: gitEnv, encoding: 'utf8' }).trim()

beforeEach(async () => {
  core.reset()
  dir = await mkdtemp(path.join(os.tmpdir(), 'gated-agent-self-heal-'))
  repo = path.join(dir, 'work')
  await mkdir(repo)
  git('init', '-q', '-b', 'main')
  await writeFile(path.join(repo, 'sum.js'), 'module.exports = (a, b) => a - b\n')
  git('add', '-A')
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'broken sum')
  failing = git('rev-parse', 'HEAD')
  await writeFile(path.join(repo, 'README.md'), '# later\n')
  git('add', '-A')
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'later')
  later = git('rev-parse', 'HEAD')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const alice = { login: 'alice', type: 'User' }

const failedJob: WorkflowJob = {
  id: 7,
  name: 'test',
  status: 'completed',
  conclusion: 'failure',
  htmlUrl: 'https://github.test/octo-org/octo-repo/actions/runs/42/job/7',
  steps: [
    { number: 1, name: 'Set up job', status: 'completed', conclusion: 'success' },
    { number: 2, name: 'npm test', status: 'completed', conclusion: 'failure' }
  ]
}

function inJob(over: Partial<Extract<SelfHealTrigger, { kind: 'in-job' }>> = {}): SelfHealTrigger {
  return { kind: 'in-job', branch: 'main', sha: failing, runId: 42, runAttempt: 1, actors: [alice], ...over }
}

function setup(inputs: Record<string, string> = {}) {
  const api = new FakeGitHubApi()
  api.permissions.set('alice', { permission: 'write', roleName: 'write' })
  api.runJobs.set(42, [failedJob])
  api.jobLogs.set(7, 'FAIL sum.test.js\n  expected 3, received -1\n')
  const { log, text } = recordingLog()
  const context = runnerContext({ eventName: 'push', workspace: repo, runnerTemp: dir })
  return { api, log, text, context, settings: actionSettings(inputs) }
}

describe('the guards', () => {
  it('in the job, but no step has failed: skipped with how to place the action, after one more look', async () => {
    const s = setup()
    s.api.runJobs.set(42, [{ ...failedJob, conclusion: 'success', steps: [] }])
    const loop = fakeGatedLoop(() => ({}))
    const outcome = await runSelfHeal(s.settings, s.context, inJob(), s.api, s.log, { recheckDelayMs: 0, runGatedLoop: loop.run })
    expect(outcome).toMatchObject({ result: 'skipped', job: 'self-heal' })
    expect(outcome.reason).toContain('`if: failure()`')
    expect(s.api.calls.filter((c) => c === 'listRunJobs 42')).toHaveLength(2)
    expect(loop.plans).toHaveLength(0)
  })

  it('an actor without write access: skipped, and nothing else is read', async () => {
    const s = setup()
    s.api.permissions.set('alice', { permission: 'read', roleName: 'read' })
    const loop = fakeGatedLoop(() => ({}))
    const outcome = await runSelfHeal(s.settings, s.context, inJob(), s.api, s.log, { runGatedLoop: loop.run })
    expect(outcome.result).toBe('skipped')
    expect(s.api.calls).toEqual(['getActorPermission alice'])
  })

  it('a failing branch whose heal branch git would refuse: skipped, naming both', async () => {
    const s = setup()
    const loop = fakeGatedLoop(() => ({}))
    const outcome = await runSelfHeal(s.settings, s.context, inJob({ branch: 'feature/x.lock' }), s.api, s.log, { runGatedLoop: loop.run })
    expect(outcome.result).toBe('skipped')
    expect(outcome.reason).toContain('Cannot heal feature/x.lock: the heal branch agent/heal/feature/x.lock')
    expect(loop.plans).toHaveLength(0)
  })

  it('a run-id that is not a run of this repository: one error naming the input and the fix', async () => {
    const s = setup()
    const loop = fakeGatedLoop(() => ({}))
    await expect(
      runSelfHeal(s.settings, s.context, { kind: 'run-id', runId: 999, actors: [alice] }, s.api, s.log, { runGatedLoop: loop.run })
    ).rejects.toThrow(/run-id.*999.*no such workflow run/s)
  })
})

describe('a heal', () => {
  it('puts the work tree on the failing commit before the loop, and hands the agent the failing step and its log', async () => {
    const s = setup()
    let headDuringLoop = ''
    const loop = fakeGatedLoop(() => {
      headDuringLoop = git('rev-parse', 'HEAD')
      return { result: 'proposed', reason: 'The gate passed.' }
    })
    expect(git('rev-parse', 'HEAD')).toBe(later)
    await runSelfHeal(s.settings, s.context, inJob(), s.api, s.log, { runGatedLoop: loop.run })
    expect(headDuringLoop).toBe(failing)
    const [plan] = loop.plans
    expect(plan).toMatchObject({ branch: 'agent/heal/main', base: 'main', retryCap: 3, subject: { kind: 'run', id: 42, branch: 'main' } })
    const evidence = plan.task.evidence ?? ''
    expect(evidence).toContain('npm test')
    expect(evidence).toContain('expected 3, received -1')
    expect(s.text()).toContain(`not at the failing commit ${failing.slice(0, 12)} of main: checking that out.`)
  })

  it('a failing commit that is nowhere: one error naming it and how to check it out', async () => {
    const s = setup()
    const loop = fakeGatedLoop(() => ({}))
    const gone = 'd'.repeat(40)
    await expect(runSelfHeal(s.settings, s.context, inJob({ sha: gone }), s.api, s.log, { runGatedLoop: loop.run })).rejects.toThrow(
      new RegExp(`The failing commit is "${gone}": it is not in the checkout and could not be fetched from origin`)
    )
    expect(loop.plans).toHaveLength(0)
  })

  it('not reproduced: says CI failed at the listed step but the gate passes here, so it is flaky or bound to CI', async () => {
    const s = setup()
    const loop = fakeGatedLoop(() => ({ result: 'not-reproduced', reason: 'The gate passes on the unmodified tree.' }))
    const outcome = await runSelfHeal(s.settings, s.context, inJob(), s.api, s.log, { runGatedLoop: loop.run })
    expect(outcome.reason).toMatch(/^CI failed at 1 step\(s\), listed below, but the gate passes here on the same commit/)
    expect(outcome.notes).toContainEqual(expect.stringContaining('CI failed at'))
  })
})

describe('the retry cap across runs, on the heal pull request', () => {
  function openHealPull(api: FakeGitHubApi, spent: number) {
    api.pulls.push({
      number: 1,
      url: 'https://github.test/octo-org/octo-repo/pull/1',
      draft: true,
      head: 'agent/heal/main',
      base: 'main',
      title: 'Agent: fix the failing build on main',
      body: `The earlier fix.\n\n${ledgerMarker({ runs: spent, agentMs: 0, costUsd: 0 })}\n`,
      state: 'open'
    })
  }

  it('spent: the agent is not run, the reason says so, and the pull request records the new failure', async () => {
    const s = setup()
    openHealPull(s.api, 3)
    const loop = fakeGatedLoop(() => ({}))
    const outcome = await runSelfHeal(s.settings, s.context, inJob(), s.api, s.log, { runGatedLoop: loop.run })
    expect(loop.plans).toHaveLength(0)
    expect(outcome).toMatchObject({ result: 'gave-up', prNumber: 1, branch: 'agent/heal/main' })
    expect(outcome.reason).toContain('The retry cap is spent on main: 3 of 3 agent runs were used')
    expect(s.api.pulls[0].body).toContain('found `main` failing again')
  })

  it('spent, on a dry run: nothing is written to the pull request', async () => {
    const s = setup({ 'dry-run': 'true' })
    openHealPull(s.api, 3)
    await runSelfHeal(s.settings, s.context, inJob(), s.api, s.log, { runGatedLoop: fakeGatedLoop(() => ({})).run })
    expect(s.api.calls).not.toContainEqual(expect.stringMatching(/^updatePull/))
  })

  it('carried: the loop gets what is left; a failed run is recorded on the pull request, in fields the report renders', async () => {
    const s = setup()
    openHealPull(s.api, 1)
    const loop = fakeGatedLoop((plan) => ({
      result: 'gave-up',
      reason: 'The gate failed after 2 agent runs.',
      attempts: [1, 2].map((number) => ({ number, agent: { exitCode: 0, durationMs: 1, timedOut: false } })).slice(0, plan.retryCap)
    }))
    const outcome = await runSelfHeal(s.settings, s.context, inJob(), s.api, s.log, { runGatedLoop: loop.run })
    expect(loop.plans[0].retryCap).toBe(2)
    expect(outcome.reason).toBe('The gate failed after 2 agent runs.')
    expect(outcome.healLedger).toEqual({ failingBranch: 'main', spent: 3, cap: 3, recordedOn: 1 })
    expect(outcome).toMatchObject({ prNumber: 1, branch: 'agent/heal/main' })
    expect(outcomeReason(outcome)).toBe(
      'The gate failed after 2 agent runs. Recorded on pull request #1: 3 of 3 agent runs spent on main. The retry cap is now spent there.'
    )
    expect(readLedger(s.api.pulls[0].body)).toEqual({ runs: 3, agentMs: 2, costUsd: 0 })
    expect(s.api.pulls[0].body).toContain('The earlier fix.')
  })

  it('a proposal that spends the last run says later failures will not run the agent', async () => {
    const s = setup()
    openHealPull(s.api, 2)
    const loop = fakeGatedLoop(() => ({
      result: 'proposed',
      reason: 'The gate passed after 1 agent run(s).',
      attempts: [{ number: 1, agent: { exitCode: 0, durationMs: 1, timedOut: false } }]
    }))
    const outcome = await runSelfHeal(s.settings, s.context, inJob(), s.api, s.log, { runGatedLoop: loop.run })
    expect(outcome.healLedger).toEqual({ failingBranch: 'main', spent: 3, cap: 3 })
    expect(outcomeReason(outcome)).toContain('The retry cap is now spent on main (3 of 3 agent runs across runs)')
  })
})
