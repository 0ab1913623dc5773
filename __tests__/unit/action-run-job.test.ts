/**
 * The dispatch and failure reporting of src/action/run-job.ts: the decided job runs, and an error
 * that ends the run still reaches the outputs, the job summary and (through the caller) the step.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fakeActionsCore } from '../fakes/fake-actions-core.js'
import { FakeGitHubApi } from './github-fake-api.js'

const core = fakeActionsCore()
jest.unstable_mockModule('@actions/core', () => core.module)
const { runJob } = await import('../../src/action/run-job.js')
const { LoopFailedError } = await import('../../src/action/gated-loop.js')
const { actionSettings, recordingLog, runnerContext } = await import('./action-front-end.js')
type RunOutcome = import('../../src/action/report.js').RunOutcome

let dir: string
const savedSummary = process.env.GITHUB_STEP_SUMMARY
beforeEach(async () => {
  core.reset()
  dir = await mkdtemp(path.join(os.tmpdir(), 'gated-agent-run-job-'))
  process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary.md')
})
afterEach(async () => {
  if (savedSummary === undefined) delete process.env.GITHUB_STEP_SUMMARY
  else process.env.GITHUB_STEP_SUMMARY = savedSummary
  await rm(dir, { recursive: true, force: true })
})

const alice = { login: 'alice', type: 'User' }
const done: RunOutcome = { result: 'gave-up', reason: 'r', attempts: [], notes: [], warnings: [] }

function setup() {
  const calls: string[] = []
  const { log, text } = recordingLog()
  return {
    calls,
    text,
    settings: actionSettings(),
    context: runnerContext({ workspace: dir, runnerTemp: dir }),
    options: {
      api: new FakeGitHubApi(),
      log,
      runSelfHeal: async () => (calls.push('self-heal'), done),
      runIssueToPr: async () => (calls.push('issue-to-pr'), done)
    }
  }
}

describe('dispatch', () => {
  it('runs the job the decision names, and only that one', async () => {
    const s = setup()
    await runJob(s.settings, s.context, { kind: 'self-heal', trigger: { kind: 'run-id', runId: 1, actors: [alice] } }, s.options)
    await runJob(s.settings, s.context, { kind: 'issue-to-pr', trigger: { kind: 'issue', issueNumber: 5, actor: alice } }, s.options)
    expect(s.calls).toEqual(['self-heal', 'issue-to-pr'])
  })
})

describe('an error that ends the run', () => {
  it('is in the reason output and the job summary, and is thrown on for the step to fail', async () => {
    const s = setup()
    const failing = { ...s.options, runIssueToPr: async () => Promise.reject(new Error('GitHub answered 502 three times')) }
    await expect(
      runJob(s.settings, s.context, { kind: 'issue-to-pr', trigger: { kind: 'issue', issueNumber: 5, actor: alice } }, failing)
    ).rejects.toThrow('GitHub answered 502 three times')
    expect(core.outputs.get('reason')).toBe('GitHub answered 502 three times')
    expect(core.summary).toContain('### 💥 Gated Agent: `failed`\n\nGitHub answered 502 three times')
    expect(core.outputs.get('result')).toBe('failed')
    expect(core.summary).toContain(s.context.runUrl)
  })

  it('after the loop got far enough, says where the last change is kept (output patch-path)', async () => {
    const s = setup()
    const failing = {
      ...s.options,
      runSelfHeal: async () => Promise.reject(new LoopFailedError(new Error('push rejected'), '/tmp/run/attempt-2.patch'))
    }
    await expect(
      runJob(s.settings, s.context, { kind: 'self-heal', trigger: { kind: 'run-id', runId: 1, actors: [alice] } }, failing)
    ).rejects.toThrow('push rejected')
    expect(core.outputs.get('patch-path')).toBe('/tmp/run/attempt-2.patch')
    expect(core.outputs.get('reason')).toContain("The last attempt's change is kept in /tmp/run/attempt-2.patch")
  })

  it('closes the log fence first, so the failure annotation is a workflow command again', async () => {
    const s = setup()
    const failing = {
      ...s.options,
      runIssueToPr: async (...args: unknown[]) => {
        // The job was streaming untrusted output when it failed.
        ;(args[4] as { output(chunk: Buffer): void }).output(Buffer.from('half a line from the agent'))
        throw new Error('boom')
      }
    }
    await expect(
      runJob(s.settings, s.context, { kind: 'issue-to-pr', trigger: { kind: 'issue', issueNumber: 5, actor: alice } }, failing)
    ).rejects.toThrow('boom')
    const lines = s.text().split('\n')
    const token = /^::stop-commands::(\w+)$/.exec(lines[0])?.[1]
    expect(token).toBeDefined()
    expect(lines.slice(1, 3)).toEqual(['half a line from the agent', `::${token}::`])
  })
})
