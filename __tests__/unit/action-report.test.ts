import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fakeActionsCore } from '../fakes/fake-actions-core.js'
import type { LoopResult } from '../../src/core/types.js'

const core = fakeActionsCore()
jest.unstable_mockModule('@actions/core', () => core.module)
const { outcomeFromLoop, outcomeMarkdown, outcomeReason, setOutputs, skipped, writeSummary } = await import('../../src/action/report.js')
const { reportOutcome } = await import('../../src/action/run-job.js')
type RunOutcome = import('../../src/action/report.js').RunOutcome

const base: RunOutcome = { result: 'gave-up', reason: 'The gate failed 3 times.', job: 'self-heal', attempts: [], notes: [], warnings: [] }

let dir: string
const savedSummary = process.env.GITHUB_STEP_SUMMARY
beforeEach(async () => {
  core.reset()
  dir = await mkdtemp(path.join(os.tmpdir(), 'gated-agent-report-'))
  process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary.md')
})
afterEach(async () => {
  if (savedSummary === undefined) delete process.env.GITHUB_STEP_SUMMARY
  else process.env.GITHUB_STEP_SUMMARY = savedSummary
  await rm(dir, { recursive: true, force: true })
})

describe('the heal ledger, rendered from fields', () => {
  it('a proposal that spends the cap says later failures will not run the agent', () => {
    const outcome: RunOutcome = {
      ...base,
      result: 'proposed',
      reason: 'The gate passed.',
      healLedger: { failingBranch: 'main', spent: 3, cap: 3 }
    }
    expect(outcomeReason(outcome)).toBe(
      'The gate passed. The retry cap is now spent on main (3 of 3 agent runs across runs): later failures will not run the agent until the heal pull request is closed.'
    )
  })

  it('a proposal with runs left adds nothing', () => {
    const outcome: RunOutcome = {
      ...base,
      result: 'proposed',
      reason: 'The gate passed.',
      healLedger: { failingBranch: 'main', spent: 1, cap: 3 }
    }
    expect(outcomeReason(outcome)).toBe('The gate passed.')
  })

  it('runs recorded on the open heal pull request: where, how many, and whether the cap is spent', () => {
    const recorded = (spent: number): RunOutcome => ({ ...base, healLedger: { failingBranch: 'feature/x', spent, cap: 3, recordedOn: 7 } })
    expect(outcomeReason(recorded(2))).toBe('The gate failed 3 times. Recorded on pull request #7: 2 of 3 agent runs spent on feature/x.')
    expect(outcomeReason(recorded(3))).toBe(
      'The gate failed 3 times. Recorded on pull request #7: 3 of 3 agent runs spent on feature/x. The retry cap is now spent there.'
    )
  })

  it('the output, the summary and the failure message all carry the ledger', async () => {
    const outcome: RunOutcome = { ...base, result: 'rejected', healLedger: { failingBranch: 'main', spent: 3, cap: 3, recordedOn: 9 } }
    await reportOutcome(outcome)
    expect(core.outputs.get('reason')).toContain('Recorded on pull request #9: 3 of 3')
    expect(core.summary).toContain('Recorded on pull request #9: 3 of 3')
    expect(core.failures).toEqual([outcomeReason(outcome)])
  })
})

describe('outcomes from the loop', () => {
  it('a repository beyond restoring: the reason says so and the report warns that later steps see the leftovers', () => {
    const result: LoopResult = {
      kind: 'rejected',
      attempts: [],
      unusable: '.git is gone',
      unrestored: 'not a git repository',
      reason:
        'The agent left the repository unusable (.git is gone); nothing is proposed. The work tree could not be restored: not a git repository'
    }
    const outcome = outcomeFromLoop(result, { job: 'issue-to-pr', warnings: [] })
    expect(outcome.unrestored).toBe('not a git repository')
    expect(outcomeMarkdown(outcome)).toContain('> [!CAUTION]\n> The work tree is not as the checkout left it (not a git repository)')
  })

  it('a restored one carries no caution', () => {
    const result: LoopResult = {
      kind: 'rejected',
      attempts: [],
      unusable: 'HEAD moved',
      reason: 'The agent left the repository unusable (HEAD moved).'
    }
    expect(outcomeMarkdown(outcomeFromLoop(result, { job: 'issue-to-pr', warnings: [] }))).not.toContain('CAUTION')
  })

  it('only agent runs count as attempts (the reproduction is attempt 0)', () => {
    const gate = { ok: false, steps: [], durationMs: 1 }
    const agent = { exitCode: 0, durationMs: 1, timedOut: false }
    const result: LoopResult = {
      kind: 'gave-up',
      attempts: [
        { number: 0, agent, gate },
        { number: 1, agent, gate }
      ],
      lastGate: gate,
      reason: 'x'
    }
    expect(outcomeFromLoop(result, { job: 'self-heal', warnings: [] }).attempts).toHaveLength(1)
  })
})

describe('outputs and summary', () => {
  it('every output is set, empty when it does not apply, so later steps can rely on each', () => {
    setOutputs(skipped('self-heal', 'Not our event.', { runUrl: 'https://github.test/o/r/actions/runs/1' }))
    expect(Object.fromEntries(core.outputs)).toEqual({
      result: 'skipped',
      reason: 'Not our event.',
      'pr-number': '',
      'pr-url': '',
      branch: '',
      attempts: '0',
      'patch-path': '',
      'bundle-digest': '',
      'bundle-path': '',
      'artifact-name': '',
      'input-tokens': '',
      'output-tokens': '',
      'cost-usd': '',
      candidate: ''
    })
  })

  it('usage outputs: totals over the agent runs, a run that reported none adds nothing, the summary has each run and the total', async () => {
    const gate = { ok: false, steps: [], durationMs: 1_000 }
    const run = (usage?: object): { exitCode: number; durationMs: number; timedOut: boolean } => ({
      exitCode: 0,
      durationMs: 2_000,
      timedOut: false,
      ...(usage ? { usage } : {})
    })
    const outcome: RunOutcome = {
      ...base,
      attempts: [
        { number: 1, agent: run({ inputTokens: 1530, outputTokens: 273, costUsd: 0.1 }), gate },
        { number: 2, agent: run(), gate },
        { number: 3, agent: run({ inputTokens: 470, outputTokens: 27, costUsd: 0.2 }), gate }
      ]
    }
    await reportOutcome(outcome)
    expect(core.outputs.get('input-tokens')).toBe('2000')
    expect(core.outputs.get('output-tokens')).toBe('300')
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: the output is the amount a person wrote.
    expect(core.outputs.get('cost-usd')).toBe('0.3')
    expect(core.summary).toContain('| 1 | 0 | ✗ 0/0 passed | 3.0s | 1530 in / 273 out tokens, $0.1000 |')
    expect(core.summary).toContain('| 2 | 0 | ✗ 0/0 passed | 3.0s | — |')
    expect(core.summary).toContain('| **Total** | | | 9.0s | 2000 in / 300 out tokens, $0.3000 (1 run(s) reported none) |')
  })

  it('usage outputs: tokens without a cost leave cost-usd empty, not 0; rounded counts are marked in the summary', async () => {
    const gate = { ok: true, steps: [], durationMs: 1_000 }
    const agent = { exitCode: 0, durationMs: 2_000, timedOut: false, usage: { inputTokens: 1500, outputTokens: 273, approximate: true } }
    await reportOutcome({ ...base, result: 'proposed', reason: 'The gate passed.', attempts: [{ number: 1, agent, gate }] })
    expect(core.outputs.get('input-tokens')).toBe('1500')
    expect(core.outputs.get('output-tokens')).toBe('273')
    expect(core.outputs.get('cost-usd')).toBe('')
    expect(core.summary).toContain('| ~1500 in / ~273 out tokens |')
    expect(core.summary).not.toContain('Total')
  })

  it('a runner without a summary file is not an error', async () => {
    delete process.env.GITHUB_STEP_SUMMARY
    await expect(writeSummary(base)).resolves.toBeUndefined()
    expect(core.summary).toBe('')
  })

  it('a skip is not a failure; agent-failed and rejected are', async () => {
    await reportOutcome(skipped(undefined, 'Not our event.', { runUrl: '' }))
    await reportOutcome({ ...base, result: 'gave-up' })
    expect(core.failures).toEqual([])
    await reportOutcome({ ...base, result: 'agent-failed', reason: 'The agent exited with 3.' })
    expect(core.failures).toEqual(['The agent exited with 3.'])
  })
})
