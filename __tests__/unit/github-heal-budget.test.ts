import { describe, expect, it } from '@jest/globals'
import { ledgerMarker, readHealBudget, readLedger, recordRun, withStatusNote, type PrLedger } from '../../src/github/pr-ledger.js'
import { failingStepsList, pullRequestBody } from '../../src/github/pr-body.js'
import type { GitHubApi, PullRef } from '../../src/github/github-api.js'
import type { GateResult, Proposal } from '../../src/core/types.js'

/** The two calls the ledger makes, on one open pull request. */
class LedgerApi implements Pick<GitHubApi, 'findOpenPullByHead' | 'updatePull'> {
  updates: Array<{ number: number; title: string; body: string }> = []
  constructor(private pull?: PullRef & { head: string }) {}

  async findOpenPullByHead(branch: string): Promise<PullRef | undefined> {
    return this.pull && this.pull.head === branch ? { ...this.pull } : undefined
  }

  async updatePull(number: number, change: { title: string; body: string }): Promise<PullRef> {
    this.updates.push({ number, ...change })
    if (this.pull) Object.assign(this.pull, change)
    return { number, url: `https://github.test/pull/${number}`, draft: true }
  }
}

const gate: GateResult = {
  ok: true,
  durationMs: 900,
  steps: [{ name: 'npm test', exitCode: 0, ok: true, durationMs: 900, tail: '', timedOut: false, missingTool: false }]
}

function proposal(attempts: number): Proposal {
  return {
    job: 'self-heal',
    change: { paths: [{ path: 'src/math.js', status: 'modified' }], patch: '' },
    attempts: Array.from({ length: attempts }, (_, i) => ({
      number: i + 1,
      agent: { exitCode: 0, durationMs: 1000, timedOut: false },
      gate
    })),
    lastGate: gate,
    patchPath: '/tmp/attempt.patch'
  }
}

/** A ledger of `runs` agent runs, as an earlier run left it in a PR body. */
const spent = (runs: number): PrLedger => ({ runs, agentMs: runs * 1000, costUsd: 0 })

describe('the status note', () => {
  it('a status note goes on top and a later note replaces it', () => {
    const once = withStatusNote('the proposal', 'first failure\nsecond line')
    expect(once).toBe(
      '<!-- gated-agent:heal-note -->\n> [!NOTE]\n> first failure\n> second line\n<!-- /gated-agent:heal-note -->\n\nthe proposal'
    )
    const twice = withStatusNote(once, 'later failure')
    expect(twice).toContain('> later failure')
    expect(twice).not.toContain('first failure')
    expect(twice.endsWith('the proposal')).toBe(true)
  })
})

describe('the budget across runs', () => {
  it('a branch without an open heal PR gets the whole cap', async () => {
    await expect(readHealBudget(new LedgerApi(), 'agent/heal/main', 3)).resolves.toEqual({ kind: 'fresh', remaining: 3 })
  })

  it('an open heal PR carries what was spent; at the cap, none is left', async () => {
    const pull = { number: 5, url: 'u', draft: true, title: 't', head: 'agent/heal/main', body: `x\n${ledgerMarker(spent(2))}` }
    await expect(readHealBudget(new LedgerApi(pull), 'agent/heal/main', 3)).resolves.toMatchObject({
      kind: 'carried',
      ledger: spent(2),
      remaining: 1,
      pull: { number: 5 }
    })
    await expect(readHealBudget(new LedgerApi(pull), 'agent/heal/main', 2)).resolves.toMatchObject({ kind: 'spent', ledger: spent(2) })
    await expect(readHealBudget(new LedgerApi({ ...pull, body: 'no marker' }), 'agent/heal/main', 2)).resolves.toMatchObject({
      kind: 'carried',
      ledger: { runs: 0, agentMs: 0, costUsd: 0 },
      remaining: 2
    })
  })

  it('an older heal PR, whose body has the heal marker of before the ledger, carries its count', async () => {
    const pull = {
      number: 5,
      url: 'u',
      draft: true,
      title: 't',
      head: 'agent/heal/main',
      body: 'x\n<!-- gated-agent:heal attempts=2 -->\n'
    }
    await expect(readHealBudget(new LedgerApi(pull), 'agent/heal/main', 3)).resolves.toMatchObject({ kind: 'carried', ledger: { runs: 2 } })
  })

  it('recording a run updates the marker and the note, and keeps the title', async () => {
    const pull = {
      number: 5,
      url: 'u',
      draft: true,
      title: 'Agent: fix the failing build on main',
      head: 'agent/heal/main',
      body: `proposal\n\n${ledgerMarker(spent(1))}\n`
    }
    const api = new LedgerApi(pull)
    await recordRun(api, pull, { ledger: spent(3), note: 'gave up on run 9', fallbackTitle: 'fallback' })
    expect(api.updates).toEqual([
      { number: 5, title: 'Agent: fix the failing build on main', body: expect.stringContaining('> gave up on run 9') }
    ])
    expect(readLedger(api.updates[0].body)).toEqual(spent(3))
    expect(api.updates[0].body.match(/gated-agent:ledger/g)).toHaveLength(1)
    expect(api.updates[0].body).toContain('proposal')
  })
})

describe('the heal PR body', () => {
  it('links the failed run, lists the failing steps before and the gate after, and carries the count', () => {
    const body = pullRequestBody(proposal(2), {
      failingBranch: 'feature/x',
      failedRunUrl: 'https://github.com/o/r/actions/runs/9',
      runUrl: 'https://github.com/o/r/actions/runs/10',
      failingSteps: [{ job: 'test', step: 'Run tests' }, { job: 'deploy' }],
      healAttempts: { spent: 3, cap: 5 }
    })
    expect(body).toContain(
      'Fixes the failing build on `feature/x` ([failed run](https://github.com/o/r/actions/runs/9)); the gate reproduced the failure and passed after 2 attempts.'
    )
    expect(body).toContain('### Failing in CI\n\n- ✗ `test` › `Run tests`\n- ✗ `deploy` (the job itself)')
    expect(body.indexOf('### Failing in CI')).toBeLessThan(body.indexOf('### Last gate run'))
    expect(body).toContain(
      '**Agent runs spent on `feature/x`:** 3 of 5 (`retry-cap`); a later failure of the branch updates this pull request'
    )
  })

  it('says when the cap is spent; the body itself carries no ledger (the proposer writes it)', () => {
    const spent = pullRequestBody(proposal(1), { failingBranch: 'main', healAttempts: { spent: 3, cap: 3 } })
    expect(spent).toContain('the cap is spent: a later failure of the branch will not run the agent until this pull request is closed.')
    const issue = pullRequestBody({ ...proposal(1), job: 'issue-to-pr' }, { issueNumber: 4, healAttempts: { spent: 1, cap: 3 } })
    expect(readLedger(issue)).toBeUndefined()
  })

  it('step names stay inline code whatever they hold', () => {
    expect(failingStepsList([{ job: 'a`b', step: 'run\n`x`' }])).toBe('- ✗ `` a`b `` › `` run `x` ``')
    expect(failingStepsList([])).toBe('_GitHub listed no failed step._')
  })
})
