import { describe, expect, it } from '@jest/globals'
import type { Attempt, GateResult, Proposal, StepResult } from '../../src/core/types.js'
import { attemptsTable, formatDuration, gateResultList, pullRequestBody } from '../../src/github/pr-body.js'

function step(name: string, ok: boolean, durationMs: number, extra: Partial<StepResult> = {}): StepResult {
  return { name, exitCode: ok ? 0 : 1, ok, durationMs, tail: '', timedOut: false, missingTool: false, ...extra }
}

const redGate: GateResult = {
  ok: false,
  durationMs: 4_000,
  steps: [step('ruff check .', true, 1_000), step('pytest -q', false, 3_000), step('mypy .', true, 500)]
}
const greenGate: GateResult = {
  ok: true,
  durationMs: 5_200,
  steps: [step('ruff check .', true, 1_200), step('pytest -q', true, 3_500), step('policy: protected paths', true, 0, { policy: true })]
}
const attempts: Attempt[] = [
  { number: 1, agent: { exitCode: 0, durationMs: 61_000, timedOut: false }, gate: redGate },
  { number: 2, agent: { exitCode: 0, durationMs: 30_000, timedOut: false }, gate: greenGate }
]

function proposal(job: Proposal['job']): Proposal {
  return {
    job,
    attempts,
    lastGate: greenGate,
    patchPath: '/tmp/p.patch',
    change: {
      patch: '',
      paths: [
        { path: 'a.py', status: 'modified' },
        { path: 'b.py', status: 'added' }
      ]
    }
  }
}

describe('attemptsTable', () => {
  it('shows each attempt’s agent exit, gate steps passed and duration', () => {
    expect(attemptsTable(attempts)).toBe(
      [
        '| Attempt | Agent exit | Gate | Duration |',
        '| ---: | --- | --- | ---: |',
        '| 1 | 0 | ✗ 2/3 passed | 1m 05s |',
        '| 2 | 0 | ✓ 3/3 passed | 35.2s |'
      ].join('\n')
    )
  })

  it('adds a usage column when the agent CLI reported tokens or cost', () => {
    const table = attemptsTable([
      {
        number: 1,
        agent: { exitCode: 0, durationMs: 1_000, timedOut: false, usage: { inputTokens: 1200, outputTokens: 80, costUsd: 0.0123 } },
        gate: redGate
      },
      { number: 2, agent: { exitCode: 0, durationMs: 1_000, timedOut: false }, gate: greenGate }
    ])
    expect(table).toContain('| Attempt | Agent exit | Gate | Duration | Usage |')
    expect(table).toContain('| 1200 in / 80 out tokens, $0.0123 |')
    expect(table).toMatch(/\| 2 \| 0 \| ✓ 3\/3 passed \| [^|]+ \| — \|$/m)
  })

  it('says when the agent timed out or was killed and the gate did not run', () => {
    const table = attemptsTable([
      { number: 1, agent: { exitCode: null, durationMs: 900_000, timedOut: true } },
      { number: 2, agent: { exitCode: null, durationMs: 1_000, timedOut: false } },
      { number: 3, agent: { exitCode: 2, durationMs: 1_000, timedOut: false } }
    ])
    expect(table).toContain('| 1 | timed out | not run | 15m 00s |')
    expect(table).toContain('| 2 | killed | not run | 1.0s |')
    expect(table).toContain('| 3 | 2 | not run | 1.0s |')
  })
})

describe('gateResultList', () => {
  it('lists each step with its status and duration, and why a failed one failed', () => {
    const list = gateResultList({
      ok: false,
      durationMs: 0,
      steps: [
        step('npm test', true, 12_345),
        step('npm run lint', false, 2_000),
        step('cargo test', false, 600_000, { exitCode: null, timedOut: true }),
        step('golangci-lint run', false, 10, { exitCode: 127, missingTool: true })
      ]
    })
    expect(list.split('\n')).toEqual([
      '- ✓ `npm test` — 12.3s',
      '- ✗ `npm run lint` — exit 1, 2.0s',
      '- ✗ `cargo test` — timed out after 10m 00s',
      '- ✗ `golangci-lint run` — command not found, 0.0s'
    ])
  })

  it('keeps a step containing backticks in one code span', () => {
    expect(gateResultList({ ok: true, durationMs: 0, steps: [step('echo `date`', true, 0)] })).toBe('- ✓ `` echo `date` `` — 0.0s')
  })
})

describe('formatDuration', () => {
  it.each([
    [400, '0.4s'],
    [59_940, '59.9s'],
    [60_000, '1m 00s'],
    [3_725_000, '1h 02m']
  ])('%d ms reads as %s', (ms, text) => expect(formatDuration(ms)).toBe(text))
})

describe('pullRequestBody', () => {
  it('for an issue: summary, Closes #n, attempts, last gate and the human-review footer', () => {
    const body = pullRequestBody(proposal('issue-to-pr'), { issueNumber: 12, runUrl: 'https://github.test/o/r/actions/runs/9' })
    const lines = body.split('\n')
    expect(lines[0]).toBe("Implements #12; the repository's gate passed after 2 attempts.")
    expect(lines).toContain('Closes #12')
    expect(body).toContain('**Files changed:** 2')
    expect(body).toContain(`### Attempts\n\n${attemptsTable(attempts)}`)
    expect(body).toContain(`### Last gate run\n\n${gateResultList(greenGate)}`)
    expect(body).toMatch(
      /A \*\*draft\*\* proposed by \[Gated Agent\]\(https:\/\/github.test\/o\/r\/actions\/runs\/9\) for human review\. The agent cannot merge/
    )
  })

  it('for a red build: names the branch and the failed run, and closes no issue', () => {
    const body = pullRequestBody(proposal('self-heal'), {
      failingBranch: 'release/2.x',
      failedRunUrl: 'https://github.test/o/r/actions/runs/5'
    })
    expect(body.split('\n')[0]).toBe(
      'Fixes the failing build on `release/2.x` ([failed run](https://github.test/o/r/actions/runs/5)); the gate reproduced the failure and passed after 2 attempts.'
    )
    expect(body).not.toMatch(/Closes #/)
    expect(body).toContain('cannot merge')
  })
})

describe('issue-to-pr: tests the change weakens are listed under a warning', () => {
  const weakening = [
    'diff --git a/tests/test_calc.py b/tests/test_calc.py',
    'index 1111111..2222222 100644',
    '--- a/tests/test_calc.py',
    '+++ b/tests/test_calc.py',
    '@@ -1,8 +1,6 @@',
    ' import pytest',
    ' ',
    '-def test_mul():',
    '-    assert mul(3, 4) == 12',
    '+@pytest.mark.skip',
    ' def test_neg():',
    '     assert neg(2) == -2',
    'diff --git a/test/old.test.js b/test/old.test.js',
    'deleted file mode 100644',
    'index 3333333..0000000',
    '--- a/test/old.test.js',
    '+++ /dev/null',
    '@@ -1 +0,0 @@',
    "-test('x', () => {})",
    ''
  ].join('\n')

  test('a deleted test file, a removed test and a new skip each get a line', () => {
    const body = pullRequestBody(
      {
        ...proposal('issue-to-pr'),
        change: {
          patch: weakening,
          paths: [
            { path: 'tests/test_calc.py', status: 'modified' },
            { path: 'test/old.test.js', status: 'deleted' }
          ]
        }
      },
      { issueNumber: 3 }
    )
    expect(body).toContain('> [!WARNING]\n> **This change weakens tests.**')
    expect(body).toMatch(/> - `test\/old\.test\.js: deletes the test file`/)
    expect(body).toMatch(/> - `` tests\/test_calc\.py:3 \(before the change\): removes the test `def test_mul\(\):`/)
    expect(body).toMatch(/> - `` tests\/test_calc\.py:3: adds `pytest\.mark\.skip`, which switches tests off/)
  })

  test('no warning for a change that keeps the tests whole, nor in self-heal (where the policy refuses it)', () => {
    expect(pullRequestBody(proposal('issue-to-pr'), { issueNumber: 3 })).not.toContain('[!WARNING]')
    const heal = { ...proposal('self-heal'), change: { patch: weakening, paths: [] } }
    expect(pullRequestBody(heal, { failingBranch: 'main' })).not.toContain('[!WARNING]')
  })
})
