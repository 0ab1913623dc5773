import { describe, expect, test } from '@jest/globals'
import { runSupervisedLoop, ProposalRefusedError, type LoopOptions } from '../../src/core/supervised-loop.js'
import type { Change, ContextDirectory, Job, LoopResult, Policy, StepResult, Task } from '../../src/core/types.js'
import { FakeAgent, type AgentScriptEntry } from '../fakes/fake-agent.js'
import { FakeGate, failStep, gateOf, passStep, type GateScriptEntry } from '../fakes/fake-gate.js'
import { FakeProposer, type FakeProposerOptions } from '../fakes/fake-proposer.js'
import { FakeReporter } from '../fakes/fake-reporter.js'
import { FakeWorkspace } from '../fakes/fake-workspace.js'

const START = { 'src/discount.ts': 'export const discount = (p: number, pct: number) => p - pct\n' }
const FIXED = 'export const discount = (p: number, pct: number) => p - (p * pct) / 100\n'
const ISSUE: Task = { job: 'issue-to-pr', issue: { body: 'Discounts must be percentages: discount(200, 10) is 180.' } }
const HEAL: Task = { job: 'self-heal', evidenceExcerpt: 'FAIL test/discount.test.ts', evidence: '# CI evidence\n\nthe whole log\n' }

const red = (tail = 'expected 180, received 190') => gateOf(passStep('npm run lint'), failStep('npm test', tail))
const green = () => gateOf(passStep('npm run lint'), passStep('npm test'))

interface Setup {
  task?: Task
  agent: AgentScriptEntry[]
  gate: GateScriptEntry[]
  cap?: number
  policies?: Policy[]
  proposer?: FakeProposerOptions
  options?: Partial<LoopOptions>
}

async function run(setup: Setup & { contextDir?: ContextDirectory }) {
  const workspace = new FakeWorkspace(START)
  const agent = new FakeAgent(workspace, setup.agent, setup.contextDir)
  const gate = new FakeGate(setup.gate, workspace)
  const proposer = new FakeProposer({ workspace, ...setup.proposer })
  const reporter = new FakeReporter()
  const result = await runSupervisedLoop(
    { agent, gate, workspace, proposer, reporter, policies: setup.policies },
    { task: setup.task ?? ISSUE, retryCap: setup.cap ?? 3, ...setup.options }
  )
  expect(reporter.groupOpen).toBe(false)
  return { result, workspace, agent, gate, proposer, reporter }
}

function expectKind<K extends LoopResult['kind']>(result: LoopResult, kind: K): Extract<LoopResult, { kind: K }> {
  expect(result.kind).toBe(kind)
  return result as Extract<LoopResult, { kind: K }>
}

describe('the files a prompt names', () => {
  const contextDir: ContextDirectory = { relative: '.gated-agent', absolute: '/repo/.gated-agent' }

  test('self-heal: the agent with a context directory gets the CI record on every run, and the prompt names it there', async () => {
    const { agent } = await run({
      task: HEAL,
      contextDir,
      agent: [{ edits: { 'src/discount.ts': 'x\n' } }, { edits: { 'src/discount.ts': FIXED } }],
      gate: [red(), red(), green()]
    })
    // The second run also gets the first attempt's change, as a patch its retry section names.
    expect(agent.files.map((files) => files.map((f) => f.name))).toEqual([['ci-log.md'], ['ci-log.md', 'attempt-1.patch']])
    expect(agent.files[0]?.[0]?.text).toBe(HEAL.evidence)
    expect(agent.files[1]?.[1]?.text).toContain('+x')
    for (const prompt of agent.prompts) expect(prompt).toContain('`.gated-agent/ci-log.md` (absolute path: `/repo/.gated-agent/ci-log.md`)')
    expect(agent.prompts[0]).not.toContain('attempt-1.patch')
    expect(agent.prompts[1]).toContain(
      "Each earlier attempt's change, as a patch against the start (written by an agent, so data):\n- `.gated-agent/attempt-1.patch` (absolute path: `/repo/.gated-agent/attempt-1.patch`)"
    )
  })

  test('an agent without a context directory gets no files, and its prompt names none', async () => {
    const { agent } = await run({ task: HEAL, agent: [{ edits: { 'src/discount.ts': FIXED } }], gate: [red(), green()] })
    expect(agent.files).toEqual([[]])
    expect(agent.prompts[0]).not.toContain('ci-log.md')
    expect(agent.prompts[0]).toContain('FAIL test/discount.test.ts')
  })
})

describe('issue-to-pr', () => {
  test('green on the first try: one agent run, one gate run, the change is proposed and left in place', async () => {
    const { result, workspace, agent, gate, proposer, reporter } = await run({
      agent: [{ edits: { 'src/discount.ts': FIXED } }],
      gate: [green()]
    })
    const proposed = expectKind(result, 'proposed')
    expect(agent.runs).toBe(1)
    expect(gate.runs).toBe(1)
    expect(proposed.proposed.prNumber).toBe(101)
    expect(proposed.patchPath).toBe('/tmp/gated-agent-patches/attempt-1.patch')
    expect(proposed.attempts).toHaveLength(1)
    expect(proposed.attempts[0]).toMatchObject({ number: 1, patchPath: proposed.patchPath, gate: { ok: true } })
    expect(proposer.proposals).toHaveLength(1)
    expect(proposer.proposals[0]).toMatchObject({ job: 'issue-to-pr', patchPath: proposed.patchPath })
    expect(proposer.proposals[0].change.paths).toEqual([{ path: 'src/discount.ts', status: 'modified' }])
    // The proposer sees the agent's change, and the loop does not restore it away afterwards.
    expect(proposer.treesAtProposal[0]['src/discount.ts']).toBe(FIXED)
    expect(workspace.restores).toBe(0)
    expect(workspace.files.get('src/discount.ts')).toBe(FIXED)
    expect(reporter.groups()).toEqual(['Attempt 1/3'])
  })

  test('red then green: the second prompt carries the first failure, and the agent iterates on its own change', async () => {
    const { result, agent, gate, workspace } = await run({
      agent: [
        {
          edits: {
            'src/discount.ts': 'export const discount = (p: number, pct: number) => p - pct - 0\n',
            'test/discount.test.ts': 'test\n'
          }
        },
        ({ workspace: tree }) => {
          // Not restored between attempts: the test file written on attempt 1 is still there.
          expect(tree.files.get('test/discount.test.ts')).toBe('test\n')
          return { edits: { 'src/discount.ts': FIXED } }
        }
      ],
      gate: [red('Expected: 180\nReceived: 190'), green()]
    })
    const proposed = expectKind(result, 'proposed')
    expect(agent.runs).toBe(2)
    expect(gate.runs).toBe(2)
    expect(gate.labels).toEqual(['attempt-1', 'attempt-2'])
    expect(agent.attemptNumbers).toEqual([1, 2])
    expect(agent.prompts[0]).not.toContain('# The previous attempt failed the gate')
    expect(agent.prompts[1]).toContain('# The previous attempt failed the gate')
    expect(agent.prompts[1]).toContain('$ npm test')
    expect(agent.prompts[1]).toContain('Expected: 180\nReceived: 190')
    // Only failed steps are fed back.
    expect(agent.prompts[1]).not.toContain('$ npm run lint')
    expect(proposed.patchPath).toBe('/tmp/gated-agent-patches/attempt-2.patch')
    expect(proposed.attempts.map((a) => a.gate?.ok)).toEqual([false, true])
    expect(proposed.proposed.branch).toBe('agent/issue-7')
    expect(workspace.files.get('test/discount.test.ts')).toBe('test\n')
  })

  test('gave-up at the cap: the last patch and gate are returned and the tree is restored', async () => {
    const attempt = (n: number): AgentScriptEntry => ({ edits: { 'src/discount.ts': `export const discount = () => ${n}\n` } })
    const { result, workspace, proposer, agent, gate } = await run({
      agent: [attempt(1), attempt(2), attempt(3)],
      gate: [red('fail 1'), red('fail 2'), red('fail 3')],
      options: { stopOnNoProgress: false }
    })
    const gaveUp = expectKind(result, 'gave-up')
    expect(agent.runs).toBe(3)
    expect(gate.runs).toBe(3)
    expect(gaveUp.patchPath).toBe('/tmp/gated-agent-patches/attempt-3.patch')
    expect(gaveUp.lastGate?.steps[1].tail).toBe('fail 3')
    expect(gaveUp.reason).toContain('after 3 agent run(s)')
    expect(gaveUp.reason).toContain(gaveUp.patchPath)
    // Nothing lost: the patch file holds the last change, though the tree is back to the start.
    expect(workspace.patches.get(gaveUp.patchPath as string)?.patch).toContain('+export const discount = () => 3')
    expect(workspace.snapshot()).toEqual(START)
    expect(proposer.proposals).toHaveLength(0)
    expect(gaveUp.attempts.map((a) => a.patchPath)).toEqual([1, 2, 3].map((n) => `/tmp/gated-agent-patches/attempt-${n}.patch`))
  })

  test('no-change: the agent edited nothing, so no gate run and nothing proposed', async () => {
    const { result, gate, proposer, workspace } = await run({ agent: [{}], gate: [] })
    const noChange = expectKind(result, 'no-change')
    expect(noChange.reason).toMatch(/made no change/)
    expect(noChange.attempts).toHaveLength(1)
    expect(noChange.attempts[0].gate).toBeUndefined()
    expect(gate.runs).toBe(0)
    expect(proposer.proposals).toHaveLength(0)
    expect(workspace.restores).toBe(1)
    expect([...workspace.patches.keys()]).toEqual([])
  })

  test('no-change when a retry undoes the earlier change', async () => {
    const { result, gate } = await run({
      agent: [{ edits: { 'src/discount.ts': 'broken\n' } }, { edits: { 'src/discount.ts': START['src/discount.ts'] } }],
      gate: [red()]
    })
    expect(expectKind(result, 'no-change').reason).toContain('attempt 2')
    expect(gate.runs).toBe(1)
  })
})

describe('self-heal', () => {
  test('not-reproduced: the gate is green on the unmodified tree, the agent never runs, the tree is untouched', async () => {
    const { result, agent, gate, workspace, proposer } = await run({ task: HEAL, agent: [], gate: [green()] })
    const notReproduced = expectKind(result, 'not-reproduced')
    expect(agent.runs).toBe(0)
    expect(gate.runs).toBe(1)
    expect(gate.labels).toEqual(['reproduction'])
    expect(notReproduced.attempts).toEqual([])
    expect(notReproduced.reproduction.ok).toBe(true)
    expect(notReproduced.reason).toMatch(/does not reproduce/)
    expect(workspace.snapshot()).toEqual(START)
    expect(workspace.calls.filter((c) => c.startsWith('savePatch') || c === 'change')).toEqual([])
    expect(proposer.proposals).toHaveLength(0)
  })

  test('red then green: the reproduction is the task, the gate runs once more than the agent', async () => {
    const { result, agent, gate, reporter } = await run({
      task: HEAL,
      agent: [{ edits: { 'src/discount.ts': 'still wrong\n' } }, { edits: { 'src/discount.ts': FIXED } }],
      gate: [red('reproduced: expected 180, received 190'), red('attempt 1: expected 180, received 189'), green()]
    })
    const proposed = expectKind(result, 'proposed')
    expect(agent.runs).toBe(2)
    expect(gate.runs).toBe(3)
    expect(gate.labels).toEqual(['reproduction', 'attempt-1', 'attempt-2'])
    expect(agent.prompts[0]).toContain('reproduced: expected 180, received 190')
    expect(agent.prompts[0]).toContain('do not weaken, skip or delete the tests')
    expect(agent.prompts[0]).toContain('FAIL test/discount.test.ts')
    expect(agent.prompts[1]).toContain('attempt 1: expected 180, received 189')
    expect(proposed.attempts.map((a) => a.number)).toEqual([1, 2])
    expect(reporter.groups()).toEqual(['Reproduction: the gate on the unmodified tree', 'Attempt 1/3', 'Attempt 2/3'])
  })

  test('an attempt that changes nothing is a failed attempt: "you changed nothing" goes back, then gave-up at the cap', async () => {
    const { result, agent, gate, workspace } = await run({ task: HEAL, cap: 2, agent: [{}, {}], gate: [red('reproduced failure')] })
    const gaveUp = expectKind(result, 'gave-up')
    expect(agent.runs).toBe(2)
    expect(gate.runs).toBe(1)
    expect(agent.prompts[1]).toContain('You changed nothing')
    expect(agent.prompts[1]).toContain('reproduced failure')
    expect(gaveUp.patchPath).toBeUndefined()
    expect(gaveUp.lastGate?.steps[1].tail).toBe('reproduced failure')
    expect(gaveUp.reason).toMatch(/never changed anything/)
    expect(workspace.restores).toBe(1)
  })
})

describe('no progress: two attempts in a row that fail the same way end the loop early', () => {
  // A stuck agent: a new wrong fix each time, the same test failing with the same message (its
  // numbers, timing and temporary path differ run to run).
  const newWrongFix: AgentScriptEntry = ({ attempt }) => ({
    edits: { 'src/discount.ts': `export const discount = () => ${attempt * 7}\n` }
  })
  const sameFailure = (n: number) =>
    red(
      `✖ discount applies a percentage (${n}.${n}ms)\n  AssertionError: expected 180, received ${190 + n}\n    at /tmp/run-${n}abc/test/discount.test.ts:${n}:5\n# fail 1`
    )

  test('a stuck agent with cap 5 stops after its second identical failure, with the runs saved', async () => {
    const { result, agent, gate, workspace, proposer, reporter } = await run({
      cap: 5,
      agent: Array.from({ length: 5 }, () => newWrongFix),
      gate: [1, 2, 3, 4, 5].map(sameFailure)
    })
    const gaveUp = expectKind(result, 'gave-up')
    expect(agent.runs).toBe(2)
    expect(gate.runs).toBe(2)
    expect(gaveUp.noProgress).toEqual({ why: 'same-failure', runsSaved: 3 })
    expect(gaveUp.reason).toMatch(/^Stopped early, no progress: attempts 1 and 2 failed the gate the same way \(npm test/)
    expect(gaveUp.reason).toContain("3 of the retry cap's 5 agent run(s) were saved")
    expect(gaveUp.reason).toContain('the last change is kept in /tmp/gated-agent-patches/attempt-2.patch')
    expect(gaveUp.reason).toContain('stop-on-no-progress')
    expect(workspace.snapshot()).toEqual(START)
    expect(proposer.proposals).toHaveLength(0)
    expect(reporter.infos().join('\n')).toContain('gate red the same way as the previous attempt; stopping early')
  })

  test('turned off, the same agent spends the whole cap', async () => {
    const { result, agent } = await run({
      cap: 5,
      agent: Array.from({ length: 5 }, () => newWrongFix),
      gate: [1, 2, 3, 4, 5].map(sameFailure),
      options: { stopOnNoProgress: false }
    })
    expect(expectKind(result, 'gave-up').noProgress).toBeUndefined()
    expect(agent.runs).toBe(5)
  })

  test('a different failure each time is progress: it runs to the cap', async () => {
    const tails = ['✖ discount applies a percentage', '✖ discount rounds to cents', '✖ discount refuses negatives']
    const { result, agent } = await run({ cap: 3, agent: [newWrongFix, newWrongFix, newWrongFix], gate: tails.map((t) => red(t)) })
    expect(expectKind(result, 'gave-up').noProgress).toBeUndefined()
    expect(agent.runs).toBe(3)
  })

  test('another failing step is a different failure', async () => {
    const lintToo = gateOf(failStep('npm run lint', 'error no-unused-vars'), failStep('npm test', 'expected 180, received 190'))
    const { result, agent } = await run({ cap: 3, agent: [newWrongFix, newWrongFix, newWrongFix], gate: [red(), lintToo, red('x')] })
    expect(expectKind(result, 'gave-up').noProgress).toBeUndefined()
    expect(agent.runs).toBe(3)
  })

  test('red, red the same way at the cap: the ordinary gave-up at the cap (nothing saved)', async () => {
    const { result, agent } = await run({ cap: 2, agent: [newWrongFix, newWrongFix], gate: [sameFailure(1), sameFailure(2)] })
    const gaveUp = expectKind(result, 'gave-up')
    expect(agent.runs).toBe(2)
    expect(gaveUp.noProgress).toBeUndefined()
    expect(gaveUp.reason).toContain('still red after 2 agent run(s), the retry cap')
  })

  test('red then green is never stopped, even after the same failure twice', async () => {
    const { result, agent } = await run({
      cap: 5,
      agent: [newWrongFix, { edits: { 'src/discount.ts': FIXED } }],
      gate: [sameFailure(1), green()]
    })
    expectKind(result, 'proposed')
    expect(agent.runs).toBe(2)
  })

  test('a change byte-identical to the previous red one is not gated again: stopped early', async () => {
    const same: AgentScriptEntry = { edits: { 'src/discount.ts': 'export const discount = () => 1\n' } }
    const { result, agent, gate } = await run({ cap: 4, agent: [same, same, same, same], gate: [red('one'), red('two')] })
    const gaveUp = expectKind(result, 'gave-up')
    expect(agent.runs).toBe(2)
    expect(gate.runs).toBe(1)
    expect(gaveUp.noProgress).toEqual({ why: 'same-change', runsSaved: 2 })
    expect(gaveUp.reason).toContain("attempt 2's change is byte-identical to attempt 1's, whose gate was red, so it was not gated again")
    expect(gaveUp.lastGate?.steps[1].tail).toBe('one')
  })

  test("self-heal: two attempts in a row that change nothing stop early (the tree is the reproduction's)", async () => {
    const { result, agent, gate } = await run({ task: HEAL, cap: 4, agent: [{}, {}, {}, {}], gate: [red('reproduced failure')] })
    const gaveUp = expectKind(result, 'gave-up')
    expect(agent.runs).toBe(2)
    expect(gate.runs).toBe(1)
    expect(gaveUp.noProgress).toEqual({ why: 'same-change', runsSaved: 2 })
    expect(gaveUp.reason).toContain('attempts 1 and 2 both left the work tree unchanged')
  })
})

describe('the cap: retryCap is the maximum number of agent runs, in both jobs', () => {
  const cases: [Job, number, number, number][] = [
    ['issue-to-pr', 1, 1, 1],
    ['issue-to-pr', 2, 2, 2],
    ['issue-to-pr', 3, 3, 3],
    ['self-heal', 1, 1, 2],
    ['self-heal', 2, 2, 3],
    ['self-heal', 3, 3, 4]
  ]
  test.each(cases)('%s with cap %i: %i agent runs, %i gate runs, then gave-up', async (job, cap, agentRuns, gateRuns) => {
    const alwaysEdits: AgentScriptEntry = ({ attempt }) => ({ edits: { 'src/discount.ts': `attempt ${attempt}\n` } })
    const { result, agent, gate, reporter } = await run({
      task: job === 'issue-to-pr' ? ISSUE : HEAL,
      cap,
      agent: Array.from({ length: 10 }, () => alwaysEdits),
      gate: Array.from({ length: 10 }, () => red()),
      options: { stopOnNoProgress: false }
    })
    expect(expectKind(result, 'gave-up').attempts).toHaveLength(agentRuns)
    expect(agent.runs).toBe(agentRuns)
    expect(gate.runs).toBe(gateRuns)
    expect(reporter.groups().filter((g) => g.startsWith('Attempt'))).toEqual(
      Array.from({ length: cap }, (_, i) => `Attempt ${i + 1}/${cap}`)
    )
  })

  test.each([0, -1, 1.5, Number.NaN])('a cap of %p is refused before any work', async (cap) => {
    const workspace = new FakeWorkspace(START)
    await expect(
      runSupervisedLoop(
        {
          agent: new FakeAgent(workspace, []),
          gate: new FakeGate([]),
          workspace,
          proposer: new FakeProposer(),
          reporter: new FakeReporter()
        },
        { task: ISSUE, retryCap: cap }
      )
    ).rejects.toThrow(RangeError)
    expect(workspace.calls).toEqual([])
  })
})

describe('agent failures', () => {
  test('agent-failed on a non-zero exit: the change is saved, the tree restored, the loop stops', async () => {
    const { result, gate, agent, workspace } = await run({
      agent: [{ edits: { 'src/half.ts': 'half done\n' }, exitCode: 2 }],
      gate: []
    })
    const failed = expectKind(result, 'agent-failed')
    expect(failed.exitCode).toBe(2)
    expect(failed.patchPath).toBe('/tmp/gated-agent-patches/attempt-1.patch')
    expect(workspace.patches.get(failed.patchPath as string)?.paths).toEqual([{ path: 'src/half.ts', status: 'added' }])
    expect(failed.reason).toContain('exited with code 2')
    expect(failed.reason).toContain(failed.patchPath)
    expect(agent.runs).toBe(1)
    expect(gate.runs).toBe(0)
    expect(workspace.snapshot()).toEqual(START)
  })

  test('agent-failed on a timeout, even on a retry', async () => {
    const { result, agent } = await run({
      agent: [{ edits: { 'src/discount.ts': 'x\n' } }, { timedOut: true, exitCode: null, durationMs: 600_000 }],
      gate: [red()]
    })
    const failed = expectKind(result, 'agent-failed')
    expect(failed.exitCode).toBeNull()
    expect(failed.reason).toContain('timed out after 600.0s')
    expect(failed.attempts).toHaveLength(2)
    expect(failed.patchPath).toBe('/tmp/gated-agent-patches/attempt-2.patch')
    expect(agent.runs).toBe(2)
  })

  test('denied edits with no change are agent-failed, never no-change, and name the denials', async () => {
    const { result, gate } = await run({
      agent: [
        {
          denials: [
            { tool: 'Write', target: 'src/discount.ts', kind: 'edit' },
            { tool: 'Edit', target: 'test/discount.test.ts', kind: 'edit' }
          ]
        }
      ],
      gate: []
    })
    const failed = expectKind(result, 'agent-failed')
    expect(failed.exitCode).toBe(0)
    expect(failed.reason).toContain('denied it 2 edit(s)')
    expect(failed.reason).toContain('edit denied: Write src/discount.ts; edit denied: Edit test/discount.test.ts')
    expect(failed.reason).toContain('Give the agent CLI permission to edit files')
    expect(gate.runs).toBe(0)
  })

  test('a denied read is not a denied edit: no change, and the reason names the read, not a missing edit permission', async () => {
    const { result, gate } = await run({
      agent: [{ denials: [{ tool: 'Read', target: '/runner/temp/issue-7.md', kind: 'read' }] }],
      gate: []
    })
    const none = expectKind(result, 'no-change')
    expect(none.reason).toContain('its CLI denied it 1 read(s) (not edits): read denied: Read /runner/temp/issue-7.md')
    expect(none.reason).not.toContain('permission to edit')
    expect(none.attempts[0]?.agent.denials).toEqual([{ tool: 'Read', target: '/runner/temp/issue-7.md', kind: 'read' }])
    expect(gate.runs).toBe(0)
  })

  test('denied edits alongside a real change: the change is gated, with a warning', async () => {
    const { result, reporter } = await run({
      agent: [{ edits: { 'src/discount.ts': FIXED }, denials: [{ tool: 'Write', target: 'README.md', kind: 'edit' }] }],
      gate: [green()]
    })
    expectKind(result, 'proposed')
    expect(reporter.warnings().join('\n')).toContain('denied it 1 tool use(s) on attempt 1: edit denied: Write README.md')
  })

  test('rejected when the agent breaks the repository: restored, nothing gated, the reason says why', async () => {
    const { result, workspace, gate, proposer } = await run({
      agent: [{ edits: { 'src/discount.ts': FIXED }, breakRepo: 'HEAD moved from abc1234 to def5678' }],
      gate: []
    })
    const rejected = expectKind(result, 'rejected')
    expect(rejected.reason).toContain('HEAD moved from abc1234 to def5678')
    expect(gate.runs).toBe(0)
    expect(proposer.proposals).toHaveLength(0)
    expect(workspace.broken).toBeUndefined()
    expect(workspace.snapshot()).toEqual(START)
    expect(workspace.calls.slice(-2)).toEqual(['checkIntact', 'restore'])
    expect(rejected).toMatchObject({ unusable: 'HEAD moved from abc1234 to def5678' })
    expect(rejected.unrestored).toBeUndefined()
  })

  test('a repository beyond restoring: the result says so in a field, and its reason does not claim a restore', async () => {
    const { result, reporter } = await run({
      agent: [{ edits: { 'src/discount.ts': FIXED }, breakRepo: 'the .git directory is gone', unrestorable: 'not a git repository' }],
      gate: []
    })
    const rejected = expectKind(result, 'rejected')
    expect(rejected).toMatchObject({ unusable: 'the .git directory is gone', unrestored: 'not a git repository' })
    expect(rejected.reason).toBe(
      'The agent left the repository unusable (the .git directory is gone); nothing is proposed. The work tree could not be restored: not a git repository'
    )
    expect(reporter.infos().at(-1)).toBe(`Result: rejected. ${rejected.reason}`)
  })

  test('a failed restore after any other end is an error, not a result', async () => {
    const workspace = new FakeWorkspace(START)
    workspace.restoreError = 'disk full'
    await expect(
      runSupervisedLoop(
        {
          agent: new FakeAgent(workspace, [{ edits: {} }]),
          gate: new FakeGate([]),
          workspace,
          proposer: new FakeProposer(),
          reporter: new FakeReporter()
        },
        { task: ISSUE, retryCap: 1 }
      )
    ).rejects.toThrow('disk full')
  })
})

describe('the proposer', () => {
  test('a ProposalRefusedError becomes rejected, with the patch kept and the tree restored', async () => {
    const { result, workspace } = await run({
      agent: [{ edits: { 'src/discount.ts': FIXED } }],
      gate: [green()],
      proposer: { refuse: 'the base branch can be merged without review' }
    })
    const rejected = expectKind(result, 'rejected')
    expect(rejected.reason).toContain('the base branch can be merged without review.')
    expect(rejected.patchPath).toBe('/tmp/gated-agent-patches/attempt-1.patch')
    expect(rejected.attempts).toHaveLength(1)
    expect(workspace.snapshot()).toEqual(START)
  })

  test('any other proposer error propagates to the front-end', async () => {
    await expect(
      run({ agent: [{ edits: { 'src/discount.ts': FIXED } }], gate: [green()], proposer: { fail: new Error('API down') } })
    ).rejects.toThrow('API down')
  })

  test('ProposalRefusedError is an Error with its own name', () => {
    const error = new ProposalRefusedError('no')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('ProposalRefusedError')
  })
})

describe('policies are gate steps', () => {
  const protectWorkflows: Policy = {
    name: 'protected paths',
    check(change: Change): StepResult {
      const hits = change.paths.filter((p) => p.path.startsWith('.github/workflows/'))
      return {
        name: 'policy: protected paths',
        exitCode: hits.length > 0 ? 1 : 0,
        ok: hits.length === 0,
        durationMs: 1,
        tail:
          hits.length > 0
            ? `You changed protected files: ${hits.map((h) => h.path).join(', ')}. Revert them.`
            : 'no protected path changed',
        timedOut: false,
        missingTool: false
      }
    }
  }

  test('a failing policy makes a green gate red, its text is fed back, and the fixed change is proposed', async () => {
    const { result, agent, proposer } = await run({
      agent: [
        { edits: { 'src/discount.ts': FIXED, '.github/workflows/ci.yml': 'on: push # tests disabled\n' } },
        { edits: { '.github/workflows/ci.yml': null } }
      ],
      gate: [green(), green()],
      policies: [protectWorkflows]
    })
    const proposed = expectKind(result, 'proposed')
    const first = proposed.attempts[0].gate
    expect(first?.ok).toBe(false)
    expect(first?.steps.map((s) => s.name)).toEqual(['npm run lint', 'npm test', 'policy: protected paths'])
    expect(first?.steps[2].policy).toBe(true)
    expect(agent.prompts[1]).toContain('You changed protected files: .github/workflows/ci.yml. Revert them.')
    expect(proposed.lastGate.ok).toBe(true)
    expect(proposer.proposals[0].change.paths.map((p) => p.path)).toEqual(['src/discount.ts'])
  })
})

describe('the failure fed back is bounded', () => {
  test('a 10 MB step tail never reaches the prompt whole; its end does', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024) + '\nTHE LAST LINE: expected 180'
    const { agent } = await run({
      agent: [{ edits: { 'a.ts': '1\n' } }, { edits: { 'a.ts': '2\n' } }],
      gate: [red(huge), green()],
      options: { failureBudget: { perStep: 4_000, total: 10_000 } }
    })
    expect(agent.prompts[1]).toContain('THE LAST LINE: expected 180')
    expect(agent.prompts[1].length).toBeLessThan(4_000 + 3_000)
  })

  test('the default budget bounds a huge reproduction too', async () => {
    const huge = 'y'.repeat(10 * 1024 * 1024) + '\nREPRODUCED'
    const { agent } = await run({ task: HEAL, agent: [{ edits: { 'a.ts': '1\n' } }], gate: [red(huge), green()] })
    expect(agent.prompts[0]).toContain('REPRODUCED')
    expect(agent.prompts[0].length).toBeLessThan(30_000)
  })
})

describe('reporting and robustness', () => {
  test('one line per agent run, per gate and per decision, inside each attempt group', async () => {
    const { reporter } = await run({
      agent: [{ edits: { 'a.ts': '1\n' }, durationMs: 2500 }, { edits: { 'a.ts': '2\n' } }],
      gate: [red(), green()]
    })
    expect(reporter.infos('Attempt 1/3')).toEqual([
      'Agent run 1/3: exit 0, 2.5s.',
      'Gate attempt-1: 1/2 steps passed in 0.6s; failed: npm test.',
      'Decision: gate red; feeding the failure back to the agent.'
    ])
    expect(reporter.infos('Attempt 2/3')).toEqual([
      'Agent run 2/3: exit 0, 1.2s.',
      'Gate attempt-2: 2/2 steps passed in 0.6s.',
      'Decision: gate green; proposing the change.'
    ])
    expect(reporter.infos().at(-1)).toMatch(/^Result: proposed \(branch agent\/issue-7, https:\/\/github\.test\/o\/r\/pull\/101\)/)
  })

  test('a port that throws restores the tree, closes the group, and keeps its error', async () => {
    const workspace = new FakeWorkspace(START)
    const reporter = new FakeReporter()
    const gate = {
      run: async () => {
        throw new Error('gate crashed')
      }
    }
    await expect(
      runSupervisedLoop(
        { agent: new FakeAgent(workspace, [{ edits: { 'a.ts': '1\n' } }]), gate, workspace, proposer: new FakeProposer(), reporter },
        { task: ISSUE, retryCap: 3 }
      )
    ).rejects.toThrow('gate crashed')
    expect(workspace.snapshot()).toEqual(START)
    expect(reporter.groupOpen).toBe(false)
  })

  test('the instructions reach every prompt', async () => {
    const { agent } = await run({
      agent: [{ edits: { 'a.ts': '1\n' } }, { edits: { 'a.ts': '2\n' } }],
      gate: [red(), green()],
      options: { instructions: { path: 'AGENTS.md', text: 'Use tabs. Never touch vendor/.' } }
    })
    for (const prompt of agent.prompts) {
      expect(prompt).toContain('# Project instructions (from AGENTS.md)')
      expect(prompt).toContain('Never touch vendor/.')
    }
  })
})

describe('a gate that cannot run is not a verdict', () => {
  const missing = (): StepResult => ({
    ...failStep(
      'no-such-linter .',
      "bash: line 1: no-such-linter: command not found\nhint: 'no-such-linter' is not installed on this runner (command not found). Install it before this step or change the gate.",
      127
    ),
    missingTool: true
  })

  test('self-heal: the reproduction finds the missing command, and the agent is never run', async () => {
    const { result, agent, gate } = await run({ task: HEAL, agent: [], gate: [gateOf(passStep('npm test'), missing())] })
    const rejected = expectKind(result, 'rejected')
    expect(agent.runs).toBe(0)
    expect(gate.runs).toBe(1)
    expect(rejected.reason).toMatch(/^Setup error: the gate cannot run on this runner: step `no-such-linter \.` \(exit 127\)/)
    expect(rejected.reason).toContain("'no-such-linter' is not installed")
    expect(rejected.reason).toContain('The agent was not run.')
  })

  test('issue-to-pr: the first gate run finds it, and no further agent run is spent', async () => {
    const { result, agent, workspace } = await run({
      agent: [{ edits: { 'src/discount.ts': FIXED } }],
      gate: [gateOf(missing())],
      cap: 3
    })
    const rejected = expectKind(result, 'rejected')
    expect(agent.runs).toBe(1)
    expect(rejected.reason).toContain('No further agent run was spent (1 of 3 used).')
    expect(workspace.files.get('src/discount.ts')).toBe(START['src/discount.ts'])
  })

  test('a failing policy step is never mistaken for a missing command', async () => {
    const policy: Policy = { name: 'policy: x', check: () => ({ ...failStep('policy: x', 'no'), missingTool: true }) }
    const { result } = await run({ agent: [{ edits: { 'src/discount.ts': FIXED } }], gate: [green()], cap: 1, policies: [policy] })
    expectKind(result, 'gave-up')
  })
})

describe('budgets: max-agent-minutes and max-cost-usd, checked before each attempt', () => {
  const wrongFix: AgentScriptEntry = ({ attempt }) => ({ edits: { 'src/discount.ts': `export const discount = () => ${attempt}\n` } })
  // Different failures each time, so the no-progress stop stays out of the way.
  const redN = (n: number) => red(`expected 180, received ${n}; case ${'abcdefgh'[n]}`)

  test('the minutes budget reached stops before the next attempt, as gave-up with the budget, the last change kept', async () => {
    const { result, agent, workspace, proposer } = await run({
      cap: 5,
      agent: Array.from({ length: 5 }, (_, i) => ({ edits: { 'src/discount.ts': `${i}\n` }, durationMs: 40_000 + i })),
      gate: [1, 2, 3, 4, 5].map(redN),
      options: { spendLimits: { agentMinutes: 1 } }
    })
    const gaveUp = expectKind(result, 'gave-up')
    expect(agent.runs).toBe(2)
    expect(gaveUp.budget).toEqual({ kind: 'minutes', spent: 80_001 / 60_000, limit: 1 })
    expect(gaveUp.reason).toContain('Stopped at a budget: the agent ran 1.33 minute(s), reaching max-agent-minutes (1)')
    expect(gaveUp.reason).toContain('over 2 of the retry cap')
    expect(gaveUp.reason).toContain('the last change is kept in /tmp/gated-agent-patches/attempt-2.patch')
    expect(workspace.snapshot()).toEqual(START)
    expect(proposer.proposals).toHaveLength(0)
    // Each run's time limit is what is left of the budget.
    expect(agent.limits.map((l) => l.timeoutMs)).toEqual([60_000, 20_000])
  })

  test('the cost budget reached stops before the next attempt; runs that report no cost add nothing', async () => {
    const { result, agent } = await run({
      cap: 5,
      agent: [
        { edits: { 'src/discount.ts': 'a\n' }, usage: { costUsd: 0.3 } },
        { edits: { 'src/discount.ts': 'b\n' } },
        { edits: { 'src/discount.ts': 'c\n' }, usage: { inputTokens: 10, costUsd: 0.25 } },
        { edits: { 'src/discount.ts': 'd\n' } }
      ],
      gate: [1, 2, 3, 4].map(redN),
      options: { spendLimits: { costUsd: 0.5 } }
    })
    const gaveUp = expectKind(result, 'gave-up')
    expect(agent.runs).toBe(3)
    expect(gaveUp.budget).toEqual({ kind: 'cost', spent: 0.55, limit: 0.5 })
    expect(gaveUp.reason).toContain('the agent reported $0.5500 in cost, reaching max-cost-usd ($0.5)')
    expect(gaveUp.reason).toContain('attempt-3.patch')
    expect(agent.limits).toEqual([{}, {}, {}])
  })

  test('cost unknown (the agent reports none) never stops on cost: the whole cap is spent', async () => {
    const { result, agent } = await run({
      cap: 3,
      agent: Array.from({ length: 3 }, () => wrongFix),
      gate: [1, 2, 3].map(redN),
      options: { spendLimits: { costUsd: 0.0001 } }
    })
    const gaveUp = expectKind(result, 'gave-up')
    expect(agent.runs).toBe(3)
    expect(gaveUp.budget).toBeUndefined()
    expect(gaveUp.reason).toContain('after 3 agent run(s), the retry cap')
  })

  test('no budget: unchanged, the whole cap is spent however long and costly the runs', async () => {
    const { result, agent } = await run({
      cap: 3,
      agent: Array.from({ length: 3 }, (_, i) => ({
        edits: { 'src/discount.ts': `${i}\n` },
        durationMs: 3_600_000,
        usage: { costUsd: 50 }
      })),
      gate: [1, 2, 3].map(redN)
    })
    expect(expectKind(result, 'gave-up').budget).toBeUndefined()
    expect(agent.runs).toBe(3)
    expect(agent.limits).toEqual([{}, {}, {}])
  })

  test('red then green within budget proposes; a green gate proposes even when that run went over', async () => {
    const { result, proposer } = await run({
      agent: [
        { edits: { 'src/discount.ts': 'x\n' }, durationMs: 20_000, usage: { costUsd: 0.1 } },
        { edits: { 'src/discount.ts': FIXED }, durationMs: 90_000, usage: { costUsd: 5 } }
      ],
      gate: [red(), green()],
      options: { spendLimits: { agentMinutes: 1, costUsd: 1 } }
    })
    expectKind(result, 'proposed')
    expect(proposer.proposals).toHaveLength(1)
  })

  test('spent before (earlier runs on the PR, from the ledger) counts towards each budget: no agent run when already spent', async () => {
    const { result, agent } = await run({
      cap: 5,
      agent: [wrongFix],
      gate: [redN(1)],
      options: { spendLimits: { costUsd: 1, spentBefore: { agentMs: 0, costUsd: 1.2 } } }
    })
    const gaveUp = expectKind(result, 'gave-up')
    expect(agent.runs).toBe(0)
    expect(gaveUp.budget).toEqual({ kind: 'cost', spent: 1.2, limit: 1 })
    expect(gaveUp.reason).toContain('$1.2000 in cost')
    expect(gaveUp.reason).toContain('earlier runs')
  })

  test('spent before shortens the minutes left: the run is limited to the rest, then stops', async () => {
    const { result, agent } = await run({
      cap: 5,
      agent: Array.from({ length: 5 }, (_, i) => ({ edits: { 'src/discount.ts': `${i}\n` }, durationMs: 20_000 })),
      gate: [1, 2, 3, 4, 5].map(redN),
      options: { spendLimits: { agentMinutes: 1, spentBefore: { agentMs: 30_000, costUsd: 0 } } }
    })
    const gaveUp = expectKind(result, 'gave-up')
    expect(agent.limits.map((l) => l.timeoutMs)).toEqual([30_000, 10_000])
    expect(agent.runs).toBe(2)
    expect(gaveUp.budget).toEqual({ kind: 'minutes', spent: 70_000 / 60_000, limit: 1 })
  })

  test('a run stopped at what was left of the minutes budget ends as gave-up with the budget, not as a failed agent', async () => {
    const { result, agent } = await run({
      cap: 3,
      agent: [
        { edits: { 'src/discount.ts': 'x\n' }, durationMs: 30_000 },
        { edits: { 'src/discount.ts': 'y\n' }, durationMs: 30_000, timedOut: true, exitCode: null }
      ],
      gate: [redN(1)],
      options: { spendLimits: { agentMinutes: 1 } }
    })
    const gaveUp = expectKind(result, 'gave-up')
    expect(agent.limits.map((l) => l.timeoutMs)).toEqual([60_000, 30_000])
    expect(gaveUp.budget?.kind).toBe('minutes')
    expect(gaveUp.reason).toContain('attempt-2.patch')
  })
})
