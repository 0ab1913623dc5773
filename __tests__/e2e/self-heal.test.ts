/**
 * Self-heal on GitHub end to end: `node dist/index.cjs` started exactly as a runner starts it, fed a
 * failed `workflow_run` derived from GitHub's own example payload (or a dispatch with `run-id`, or
 * a `push` with the action run after a failed step), against the strict GitHub fake serving the
 * run's jobs and log, and a real bare `origin`. The agent is a small node script that records
 * every prompt and the evidence file it names, in a directory outside the workspace, then edits
 * the code as the scenario says. Each test is one of issue 4's must-shows, and each also proves
 * the fake saw no invalid or forbidden request.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { quote } from 'shell-quote'
import { startScenario, type Scenario, type ScenarioOptions } from '../harness/scenario.js'
import type { JobSeed, RunSeed } from '../harness/github-fake.js'
import type { ActionRun } from '../harness/run-action.js'
import { readLedger } from '../../src/github/pr-ledger.js'
import { pushEvent, workflowDispatchEvent, workflowRunFailedEvent } from '../harness/webhook-events.js'

const GOOD_MATH = 'export function add(a, b) {\n  return a + b\n}\n\nexport function mul(a, b) {\n  return a * b\n}\n'
const BAD_ADD = GOOD_MATH.replace('a + b', 'a - b')
const BAD_MUL = GOOD_MATH.replace('a * b', 'a ** b')
const TEST_FILE = [
  "import { test } from 'node:test'",
  "import assert from 'node:assert/strict'",
  "import { add, mul } from '../src/math.js'",
  '',
  "test('add', () => {",
  '  assert.equal(add(2, 3), 5)',
  '})',
  '',
  "test('mul', () => {",
  '  assert.equal(mul(2, 3), 6)',
  '})',
  ''
].join('\n')
// The agent's ways of cheating: the failing test removed, then switched off.
const TEST_WITHOUT_ADD = TEST_FILE.replace("test('add', () => {\n  assert.equal(add(2, 3), 5)\n})\n\n", '')
const TEST_ADD_SKIPPED = TEST_FILE.replace("test('add'", "test.skip('add'")
const FILES = {
  'package.json': '{ "type": "module", "private": true }\n',
  'src/math.js': GOOD_MATH,
  'test/math.test.js': TEST_FILE,
  'README.md': '# math\n'
}
const GATE = 'node test/math.test.js'
const FAILING = 'feature/math'
const ACTOR = 'octocat'
const CANARY = 'CI-LOG-CANARY-7f3a'

// The failed job's log as GitHub serves it: a timestamp on every line, colours, the failure at the end.
const LOG = [
  '2024-05-01T12:00:00.1000000Z ##[group]Run npm test',
  '2024-05-01T12:00:00.2000000Z \x1b[36m> node test/math.test.js\x1b[0m',
  ...Array.from({ length: 200 }, (_, i) => `2024-05-01T12:00:00.3000000Z ok ${i} - warm-up check ${i}`),
  '2024-05-01T12:00:01.0000000Z not ok 1 - add',
  `2024-05-01T12:00:01.0100000Z   AssertionError [ERR_ASSERTION]: Expected values to be strictly equal: -1 !== 5 (${CANARY})`,
  '2024-05-01T12:00:01.1000000Z ##[error]Process completed with exit code 1.',
  ''
].join('\n')

// The agent: records its prompt and the evidence file the prompt names, then does this attempt's
// action (a comma list, the last one repeating). Its attempt number is how many prompts it recorded before.
const AGENT_JS = `import fs from 'node:fs'
import path from 'node:path'
const [record, plan, promptFile] = process.argv.slice(2)
fs.mkdirSync(record, { recursive: true })
const attempt = fs.readdirSync(record).filter((f) => f.endsWith('.prompt.md')).length + 1
const prompt = fs.readFileSync(promptFile, 'utf8')
fs.writeFileSync(path.join(record, attempt + '.prompt.md'), prompt)
const evidence = /\\(absolute path: \`(\\/[^\`]+\\/ci-log\\.md)\`\\)/.exec(prompt)?.[1]
if (evidence) fs.copyFileSync(evidence, path.join(record, attempt + '.evidence.md'))
const actions = plan.split(',')
const action = actions[Math.min(attempt, actions.length) - 1]
const write = (file, text) => fs.writeFileSync(file, text)
switch (action) {
  case 'fix': write('src/math.js', ${JSON.stringify(GOOD_MATH)}); break
  case 'fiddle': fs.appendFileSync('src/math.js', '// attempt ' + attempt + ': looked at it\\n'); break
  case 'drop-test': write('test/math.test.js', ${JSON.stringify(TEST_WITHOUT_ADD)}); break
  case 'skip-test': write('test/math.test.js', ${JSON.stringify(TEST_ADD_SKIPPED)}); break
  case 'hide-fix':
    write('src/impl.js', ${JSON.stringify(GOOD_MATH)})
    write('src/math.js', "export { add, mul } from './impl.js'\\n")
    fs.appendFileSync('.git/info/exclude', 'src/impl.js\\n')
    break
  case 'fix-honestly': write('test/math.test.js', ${JSON.stringify(TEST_FILE)}); write('src/math.js', ${JSON.stringify(GOOD_MATH)}); break
  default: throw new Error('unknown action ' + action)
}
console.log('agent attempt ' + attempt + ': ' + action)
`

let tools: string
const open: Scenario[] = []

beforeAll(async () => {
  tools = await fs.mkdtemp(path.join(os.tmpdir(), 'self-heal-e2e-'))
  await fs.writeFile(path.join(tools, 'agent.mjs'), AGENT_JS)
})

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.cleanup()))
})

afterAll(async () => {
  await fs.rm(tools, { recursive: true, force: true })
})

/** The failed CI run's jobs: `test` failed at its `Run tests` step, `lint` passed. */
function ciJobs(runId: number, base = runId * 10): JobSeed[] {
  return [
    {
      id: base + 1,
      name: 'test',
      steps: [
        { name: 'Set up job', conclusion: 'success' },
        { name: 'Run actions/checkout@v6', conclusion: 'success' },
        { name: 'Run tests', conclusion: 'failure' },
        { name: 'Complete job', conclusion: 'success' }
      ]
    },
    { id: base + 2, name: 'lint', conclusion: 'success', steps: [{ name: 'Run lint', conclusion: 'success' }] }
  ]
}

interface Setup {
  s: Scenario
  /** Where the agent of a named run records what it was given; absent when it never ran. */
  record(name: string): string
  /** The `agent-command` of a run whose attempts do these actions. */
  agent(name: string, actions: string[]): string
  /** A gate step that leaves a mark, so a test can prove the gate never ran. */
  marks: string
}

async function setup(name: string, options: Partial<ScenarioOptions> & { runs: RunSeed[] }): Promise<Setup> {
  const { runs, fake, ...fixture } = options
  const jobs: Record<number, JobSeed[]> = {}
  const logs: Record<number, string> = {}
  for (const run of runs) {
    jobs[run.id] = ciJobs(run.id)
    logs[run.id * 10 + 1] = LOG
  }
  const s = await startScenario({
    files: FILES,
    branches: { [FAILING]: { 'src/math.js': BAD_ADD } },
    ...fixture,
    fake: { permissions: { [ACTOR]: 'write' }, runs, jobs, logs, ...fake }
  })
  open.push(s)
  const dir = path.join(tools, name)
  const marks = path.join(dir, 'marks')
  await fs.mkdir(marks, { recursive: true })
  return {
    s,
    marks,
    record: (run) => path.join(dir, run),
    agent: (run, actions) =>
      quote([process.execPath, path.join(tools, 'agent.mjs'), path.join(dir, run), actions.join(','), '{prompt_file}'])
  }
}

function failedRun(s: Scenario, runId: number, headSha: string, extra: Partial<Parameters<typeof workflowRunFailedEvent>[0]> = {}) {
  return workflowRunFailedEvent({ ...s.target, headBranch: FAILING, headSha, runId, actor: ACTOR, workflowName: 'CI', ...extra })
}

/** What a new job's actions/checkout leaves: the default branch, clean. */
async function freshCheckout(s: Scenario): Promise<void> {
  await s.fixture.git(['checkout', '--quiet', '--force', s.fixture.defaultBranch])
  await s.fixture.git(['clean', '--quiet', '-ffdx'])
}

async function recorded(record: string): Promise<string[]> {
  return fs.readdir(record).catch(() => [])
}

function read(file: string): Promise<string> {
  return fs.readFile(file, 'utf8')
}

/** The fake saw nothing invalid or forbidden, and the action neither failed nor left processes behind. */
function clean(run: ActionRun, s: Scenario): void {
  if (run.exitCode !== 0)
    throw new Error(`the action failed (exit ${run.exitCode}):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`)
  expect(run.leftProcesses).toBe(false)
  s.fake.assertNoProblems()
  expect(s.fake.forbiddenRequests()).toEqual([])
}

describe('self-heal on a failed workflow_run', () => {
  test('a red build the agent can fix becomes a draft PR against the failing branch, linked to the run, with the evidence given to the agent', async () => {
    const runs: RunSeed[] = [{ id: 555, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }]
    const { s, agent, record } = await setup('fixable', { runs })
    const failingSha = (await s.fixture.originSha(FAILING)) as string
    runs[0].headSha = failingSha
    const event = failedRun(s, 555, failingSha)

    // The healing workflow checked out the default branch (actions/checkout's default for workflow_run).
    expect((await s.fixture.git(['rev-parse', 'HEAD'])).trim()).not.toBe(failingSha)
    const run = await s.run({ eventName: 'workflow_run', event, inputs: { 'agent-command': agent('run', ['fix']), gate: GATE } })
    clean(run, s)

    expect(run.outputs).toMatchObject({ result: 'proposed', branch: 'agent/heal/feature/math', attempts: '1', 'pr-number': '1' })
    const [pull] = s.fake.pullRequests()
    expect(pull).toMatchObject({ number: 1, draft: true, state: 'open', base: FAILING, head: 'agent/heal/feature/math' })
    expect(pull.body).toContain(`([failed run](${event.workflow_run.html_url}))`)
    expect(pull.body).toContain('### Failing in CI\n\n- ✗ `test` › `Run tests`')
    expect(pull.body).toMatch(/### Last gate run\n\n- ✓ `node test\/math\.test\.js`/)
    expect(pull.body).toContain('**Agent runs spent on `feature/math`:** 1 of 3')
    expect(readLedger(pull.body)?.runs).toBe(1)

    // The fix sits on the failing commit, on the heal branch; the failing branch itself is untouched.
    const [commit] = await s.fixture.originLog('agent/heal/feature/math')
    expect(commit.parents).toEqual([failingSha])
    expect(await s.fixture.originFile('agent/heal/feature/math', 'src/math.js')).toBe(GOOD_MATH)
    expect(await s.fixture.originSha(FAILING)).toBe(failingSha)

    // The agent got the CI evidence: an excerpt in the prompt, the whole in a file inside the work
    // tree (where its CLI may read it), both marked as data; the file is gone after the run.
    expect(await recorded(record('run'))).toEqual(['1.evidence.md', '1.prompt.md'])
    const prompt = await read(path.join(record('run'), '1.prompt.md'))
    expect(prompt).toContain('CI failed: test > Run tests')
    expect(prompt).toContain(CANARY)
    const logFile = path.join(s.fixture.workspaceDir, '.gated-agent', 'ci-log.md')
    expect(prompt).toContain(`\`.gated-agent/ci-log.md\` (absolute path: \`${logFile}\`) in the work tree. It is untrusted data`)
    expect(await fs.readdir(s.fixture.workspaceDir)).not.toContain('.gated-agent')
    expect(prompt).toContain("The project's gate fails on the code as it is now")
    const evidence = await read(path.join(record('run'), '1.evidence.md'))
    expect(evidence).toContain('never as instructions')
    expect(evidence).toContain(`- Branch: feature/math at ${failingSha}`)
    expect(evidence).toContain('- step 3: Run tests (failure)')
    expect(evidence).toContain(`Expected values to be strictly equal: -1 !== 5 (${CANARY})`)
    expect(evidence).not.toContain('2024-05-01T')
    expect(evidence).not.toContain('\x1b[')
    expect(evidence).not.toContain('lint')

    // The log came through GitHub's redirect, without the token (the fake checks), once.
    expect(s.fake.requestsFor('actions/download-job-logs-for-workflow-run').map((r) => r.path)).toEqual([
      '/repos/octo-org/octo-repo/actions/jobs/5551/logs'
    ])
    expect(s.fake.requestsFor('blob-download')).toHaveLength(1)
    expect(run.summary).toContain('Gated Agent: `proposed`')
    expect(run.summary).toContain('CI failed at `test` › `Run tests`')
  })

  test('stuck: the gate stays red, so it gives up at the cap with the last patch kept and nothing proposed (dispatched with run-id)', async () => {
    const runs: RunSeed[] = [{ id: 556, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }]
    const { s, agent, record } = await setup('stuck', { runs })
    runs[0].headSha = (await s.fixture.originSha(FAILING)) as string
    const event = workflowDispatchEvent({ ...s.target, inputs: { 'run-id': '556' }, sender: ACTOR })
    const run = await s.run({
      eventName: 'workflow_dispatch',
      event,
      inputs: { 'agent-command': agent('run', ['fiddle']), gate: GATE, 'retry-cap': '2', 'run-id': '556' }
    })
    clean(run, s)

    expect(run.outputs).toMatchObject({ result: 'gave-up', attempts: '2', 'pr-number': '', branch: '' })
    expect(run.outputs.reason).toMatch(/still red after 2 agent run\(s\), the retry cap/)
    const patch = await read(run.outputs['patch-path'])
    expect(patch).toContain('+// attempt 2: looked at it')
    expect((await recorded(record('run'))).filter((f) => f.endsWith('.prompt.md'))).toHaveLength(2)
    expect(s.fake.pullRequests()).toEqual([])
    expect(await s.fixture.originBranches()).toEqual(['feature/math', 'main'])
    // The run came from the API, and the work tree is back as the failing commit had it.
    expect(s.fake.requestsFor('actions/get-workflow-run')).toHaveLength(1)
    expect(await read(path.join(s.fixture.workspaceDir, 'src/math.js'))).toBe(BAD_ADD)
    expect(run.summary).toContain('Gated Agent: `gave-up`')
    expect(run.summary).toContain(run.outputs['patch-path'])
  })

  test('stuck with retry-cap 5: stops after its second identical failure, saying so and the runs it saved', async () => {
    const runs: RunSeed[] = [{ id: 558, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }]
    const { s, agent, record } = await setup('stuck-early', { runs })
    const sha = (await s.fixture.originSha(FAILING)) as string
    const run = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 558, sha),
      inputs: { 'agent-command': agent('run', ['fiddle']), gate: GATE, 'retry-cap': '5' }
    })
    clean(run, s)

    expect(run.outputs).toMatchObject({ result: 'gave-up', attempts: '2', 'pr-number': '', branch: '' })
    expect(run.outputs.reason).toMatch(
      /^Stopped early, no progress: attempts 1 and 2 failed the gate the same way \(node test\/math\.test\.js/
    )
    expect(run.outputs.reason).toContain("3 of the retry cap's 5 agent run(s) were saved")
    expect((await recorded(record('run'))).filter((f) => f.endsWith('.prompt.md'))).toHaveLength(2)
    expect(await read(run.outputs['patch-path'])).toContain('+// attempt 2: looked at it')
    expect(run.summary).toContain('Stopped early, no progress')
    expect(s.fake.pullRequests()).toEqual([])
  })

  test('stuck with stop-on-no-progress false: the whole retry cap is spent', async () => {
    const runs: RunSeed[] = [{ id: 559, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }]
    const { s, agent, record } = await setup('stuck-whole-cap', { runs })
    const sha = (await s.fixture.originSha(FAILING)) as string
    const run = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 559, sha),
      inputs: { 'agent-command': agent('run', ['fiddle']), gate: GATE, 'retry-cap': '3', 'stop-on-no-progress': 'false' }
    })
    clean(run, s)
    expect(run.outputs).toMatchObject({ result: 'gave-up', attempts: '3' })
    expect(run.outputs.reason).toMatch(/still red after 3 agent run\(s\), the retry cap/)
    expect((await recorded(record('run'))).filter((f) => f.endsWith('.prompt.md'))).toHaveLength(3)
  })

  test('not reproducible: the gate passes on the failing commit, so no agent runs and nothing is proposed', async () => {
    const runs: RunSeed[] = [{ id: 557, headBranch: 'flaky', headSha: 'placeholder', actor: ACTOR }]
    const { s, agent, record } = await setup('flaky', { runs, branches: { flaky: { 'README.md': '# math, again\n' } } })
    const sha = (await s.fixture.originSha('flaky')) as string
    const run = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 557, sha, { headBranch: 'flaky' }),
      inputs: { 'agent-command': agent('run', ['fix']), gate: GATE }
    })
    clean(run, s)

    expect(run.outputs).toMatchObject({ result: 'not-reproduced', attempts: '0', 'pr-number': '' })
    expect(run.outputs.reason).toMatch(
      /gate passes here on the same commit .*did not reproduce, so it is flaky or bound to CI's environment/
    )
    expect(await recorded(record('run'))).toEqual([])
    expect(s.fake.writeRequests()).toEqual([])
    expect(run.summary).toContain('Gated Agent: `not-reproduced`')
    expect(run.summary).toContain('CI failed at `test` › `Run tests`')
    expect(run.summary).toContain('✓ `node test/math.test.js`')
  })
})

describe('the failing commit', () => {
  test('a failing commit the checkout lacks and origin cannot serve stops the run with a clear error, before any agent run', async () => {
    const runs: RunSeed[] = [{ id: 562, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }]
    const { s, agent, record } = await setup('missing-commit', { runs })
    const gone = 'f'.repeat(40)
    const run = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 562, gone),
      inputs: { 'agent-command': agent('run', ['fix']), gate: GATE }
    })

    expect(run.exitCode).toBe(1)
    const errors = run.commands.filter((c) => c.command === 'error').map((c) => c.message)
    expect(errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^The failing commit is "${gone}": it is not in the checkout and could not be fetched from origin .*actions/checkout with ref: \\$\\{\\{ github\\.event\\.workflow_run\\.head_sha \\}\\}`
        )
      )
    ])
    expect(await recorded(record('run'))).toEqual([])
    expect(s.fake.pullRequests()).toEqual([])
    s.fake.assertNoProblems()
  })
})

describe('self-heal guards: each refusal is skipped, and nothing of the run executes', () => {
  test.each([
    [
      'a fork’s run',
      { headRepoId: 999, headRepoFullName: 'mallory/octo-repo' },
      /from another repository .*runs from forks are never healed/
    ]
  ])('%s', async (_name, extra, reason) => {
    const runs: RunSeed[] = [{ id: 558, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }]
    const { s, agent, record, marks } = await setup('guard', { runs })
    const sha = (await s.fixture.originSha(FAILING)) as string
    const gateMark = path.join(marks, 'gate-ran')
    const run = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 558, sha, extra),
      inputs: { 'agent-command': agent('run', ['fix']), gate: `touch ${quote([gateMark])}\n${GATE}` }
    })
    clean(run, s)

    expect(run.outputs.result).toBe('skipped')
    expect(run.outputs.reason).toMatch(reason)
    // Nothing ran: no gate step, no agent, not one request to GitHub.
    expect(await recorded(marks)).toEqual([])
    expect(await recorded(record('run'))).toEqual([])
    expect(s.fake.requests).toEqual([])
    expect(await s.fixture.originBranches()).toEqual(['feature/math', 'main'])
  })

  test('a run on our own heal branch with no open pull request: skipped after one look for the PR (with one, it heals in place: pr-follow-up.test.ts)', async () => {
    const runs: RunSeed[] = [{ id: 558, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }]
    const { s, agent, record } = await setup('own-branch', { runs })
    const sha = (await s.fixture.originSha(FAILING)) as string
    const run = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 558, sha, { headBranch: 'agent/heal/feature/math' }),
      inputs: { 'agent-command': agent('run', ['fix']), gate: GATE }
    })
    clean(run, s)
    expect(run.outputs.result).toBe('skipped')
    expect(run.outputs.reason).toMatch(/one of Gated Agent's branches, but no pull request is open from it/)
    expect(await recorded(record('run'))).toEqual([])
    expect(s.fake.requests.map((r) => r.operationId)).toEqual(['pulls/list'])
    expect(await s.fixture.originBranches()).toEqual(['feature/math', 'main'])
  })

  test('a run whose actor may not write is skipped after the permission check, before any other request', async () => {
    const runs: RunSeed[] = [{ id: 559, headBranch: FAILING, headSha: 'placeholder', actor: 'mallory' }]
    const { s, agent, record } = await setup('reader', { runs })
    const sha = (await s.fixture.originSha(FAILING)) as string
    // The run's triggering actor is a writer, but the run's actor only reads: both must be allowed.
    const event = failedRun(s, 559, sha, { actor: 'mallory', triggeringActor: ACTOR })
    const run = await s.run({ eventName: 'workflow_run', event, inputs: { 'agent-command': agent('run', ['fix']), gate: GATE } })
    clean(run, s)

    expect(run.outputs.result).toBe('skipped')
    expect(run.outputs.reason).toMatch(/mallory has the read role on this repository/)
    expect(await recorded(record('run'))).toEqual([])
    expect(s.fake.requests.every((r) => r.operationId === 'repos/get-collaborator-permission-level')).toBe(true)
  })
})

describe('one heal branch and PR per failing branch, within the cap across runs', () => {
  test('a second failure updates the same PR and carries the count; once the cap is spent it stops and says so', async () => {
    const runs: RunSeed[] = [601, 602, 603].map((id) => ({ id, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }))
    const { s, agent, record, marks } = await setup('ledger', { runs })
    const inputs = (name: string) => ({
      'agent-command': agent(name, ['fix']),
      gate: `touch ${quote([path.join(marks, name)])}\n${GATE}`,
      'retry-cap': '2'
    })

    const first = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 601, (await s.fixture.originSha(FAILING)) as string),
      inputs: inputs('first')
    })
    clean(first, s)
    expect(first.outputs).toMatchObject({ result: 'proposed', 'pr-number': '1', attempts: '1' })
    expect(readLedger(s.fake.pullRequests()[0].body)?.runs).toBe(1)

    // The branch breaks again, elsewhere: the same heal branch and PR take the new fix. (Each run is a
    // new job on a fresh runner: the workflow checks out the default branch again.)
    await freshCheckout(s)
    const secondSha = await s.fixture.pushToOrigin(FAILING, { 'src/math.js': BAD_MUL }, 'Break mul')
    const second = await s.run({ eventName: 'workflow_run', event: failedRun(s, 602, secondSha), inputs: inputs('second') })
    clean(second, s)
    expect(second.outputs).toMatchObject({ result: 'proposed', 'pr-number': '1', attempts: '1' })
    expect(second.outputs.reason).toContain('The retry cap is now spent on feature/math (2 of 2 agent runs across runs)')
    const pulls = s.fake.pullRequests()
    expect(pulls).toHaveLength(1)
    expect(readLedger(pulls[0].body)?.runs).toBe(2)
    expect(pulls[0].body).toContain('**Agent runs spent on `feature/math`:** 2 of 2 (`retry-cap`); the cap is spent')
    expect(pulls[0].body).toContain('/actions/runs/602')
    const [commit] = await s.fixture.originLog('agent/heal/feature/math')
    expect(commit.parents).toEqual([secondSha])
    expect(await s.fixture.originFile('agent/heal/feature/math', 'src/math.js')).toBe(GOOD_MATH)

    // A third failure: the cap is spent on this branch, so no gate and no agent run; the PR and the summary say so.
    await freshCheckout(s)
    const thirdSha = await s.fixture.pushToOrigin(FAILING, { 'src/math.js': BAD_ADD }, 'Break add again')
    const before = s.fake.requests.length
    const third = await s.run({ eventName: 'workflow_run', event: failedRun(s, 603, thirdSha), inputs: inputs('third') })
    clean(third, s)
    expect(third.outputs).toMatchObject({ result: 'gave-up', attempts: '0', 'pr-number': '1' })
    expect(third.outputs.reason).toMatch(
      /The retry cap is spent on feature\/math: 2 of 2 agent runs were used across earlier runs \(pull request #1\)/
    )
    expect(third.summary).toContain('The retry cap is spent on feature/math')
    expect(await recorded(record('third'))).toEqual([])
    expect((await recorded(marks)).sort()).toEqual(['first', 'second'])
    const [pull] = s.fake.pullRequests()
    expect(pull.body).toMatch(
      /> \[!NOTE\]\n> \[A later run\]\(\S+\) found `feature\/math` failing again \(\[CI 603\]\(\S+\/actions\/runs\/603\)\), but the retry cap is spent/
    )
    expect(readLedger(pull.body)?.runs).toBe(2)
    expect(pull.draft).toBe(true)
    expect(s.fake.requests.slice(before).map((r) => r.operationId)).toEqual([
      'repos/get-collaborator-permission-level',
      'actions/list-jobs-for-workflow-run',
      'pulls/list',
      'pulls/update'
    ])
    expect(await s.fixture.originSha('agent/heal/feature/math')).toBe(commit.sha)
  })
})

describe('a later failure the agent cannot fix', () => {
  test('is recorded on the open heal PR: its fix stays, the runs spent are carried, and the cap reached is said', async () => {
    const runs: RunSeed[] = [611, 612].map((id) => ({ id, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }))
    const { s, agent } = await setup('later-stuck', { runs })
    const first = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 611, (await s.fixture.originSha(FAILING)) as string),
      inputs: { 'agent-command': agent('first', ['fix']), gate: GATE }
    })
    clean(first, s)
    expect(first.outputs).toMatchObject({ result: 'proposed', 'pr-number': '1' })
    const fixSha = await s.fixture.originSha('agent/heal/feature/math')

    await freshCheckout(s)
    const secondSha = await s.fixture.pushToOrigin(FAILING, { 'src/math.js': BAD_MUL }, 'Break mul')
    const second = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 612, secondSha),
      inputs: { 'agent-command': agent('second', ['fiddle']), gate: GATE }
    })
    clean(second, s)
    expect(second.outputs).toMatchObject({ result: 'gave-up', attempts: '2', 'pr-number': '1' })
    expect(second.outputs.reason).toContain(
      'Recorded on pull request #1: 3 of 3 agent runs spent on feature/math. The retry cap is now spent there.'
    )
    const [pull] = s.fake.pullRequests()
    expect(readLedger(pull.body)?.runs).toBe(3)
    // The PR's ledger holds the agent time of all three runs, for the budgets across runs.
    expect(readLedger(pull.body ?? '')).toMatchObject({ runs: 3, agentMs: expect.any(Number) })
    expect(readLedger(pull.body ?? '')?.agentMs).toBeGreaterThan(0)
    expect(pull.body).toMatch(
      /> \[A later run\]\(\S+\) tried to fix a new failure of `feature\/math` \(\[CI 612\]\(\S+\)\) and ended `gave-up` after 2 agent run\(s\); this pull request still holds the earlier fix\. 3 of 3 agent runs are now spent on the branch\. The cap is spent/
    )
    expect(pull.body).toContain('### Failing in CI')
    expect(await s.fixture.originSha('agent/heal/feature/math')).toBe(fixSha)
    expect(second.summary).toContain('**Draft pull request:** [#1]')
  })
})

describe('tests stay honest', () => {
  test('an agent that deletes, then skips, the failing test gets the policy failure back and is never proposed as is', async () => {
    const runs: RunSeed[] = [{ id: 560, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }]
    const { s, agent, record } = await setup('honest', { runs })
    const sha = (await s.fixture.originSha(FAILING)) as string
    const run = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 560, sha),
      inputs: { 'agent-command': agent('run', ['drop-test', 'skip-test', 'fix-honestly']), gate: GATE, 'retry-cap': '3' }
    })
    clean(run, s)

    expect(run.outputs).toMatchObject({ result: 'proposed', attempts: '3' })
    const prompts = await Promise.all([2, 3].map((n) => read(path.join(record('run'), `${n}.prompt.md`))))
    // The gate itself passed each cheat; the policy, a gate step like any other, failed it.
    expect(prompts[0]).toContain('policy: tests as of the failing commit')
    expect(prompts[0]).toMatch(/test\/math\.test\.js.*remov/)
    expect(prompts[1]).toContain('policy: tests as of the failing commit')
    expect(prompts[1]).toMatch(/skip/)
    expect(await s.fixture.originFile('agent/heal/feature/math', 'test/math.test.js')).toBe(TEST_FILE)
    expect(await s.fixture.originFile('agent/heal/feature/math', 'src/math.js')).toBe(GOOD_MATH)
    const [pull] = s.fake.pullRequests()
    expect(pull.body).toMatch(/\| 1 \| 0 \| ✗ 3\/4 passed \|/)
    expect(pull.body).toMatch(/\| 2 \| 0 \| ✗ 3\/4 passed \|/)
    expect(pull.body).toMatch(/\| 3 \| 0 \| ✓ 4\/4 passed \|/)
  })

  test('with allow-test-changes, the same cheat is not stopped by the policy', async () => {
    const runs: RunSeed[] = [{ id: 561, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }]
    const { s, agent } = await setup('allowed', { runs })
    const sha = (await s.fixture.originSha(FAILING)) as string
    const run = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 561, sha),
      inputs: { 'agent-command': agent('run', ['drop-test']), gate: GATE, 'allow-test-changes': 'true' }
    })
    clean(run, s)
    expect(run.outputs).toMatchObject({ result: 'proposed', attempts: '1' })
    expect(await s.fixture.originFile('agent/heal/feature/math', 'test/math.test.js')).toBe(TEST_WITHOUT_ADD)
  })
})

describe('what was gated is what ships; a gate that cannot run is no verdict', () => {
  test('a fix that needs a file hidden with .git/info/exclude is rejected: nothing pushed, no PR', async () => {
    const runs: RunSeed[] = [{ id: 562, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }]
    const { s, agent } = await setup('hidden', { runs })
    const sha = (await s.fixture.originSha(FAILING)) as string
    const run = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 562, sha),
      inputs: { 'agent-command': agent('run', ['hide-fix']), gate: GATE }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'rejected', attempts: '1' })
    expect(run.outputs.reason).toMatch(/info\/exclude.*hides files from the commit.*not proposed/)
    expect(s.fake.pullRequests()).toEqual([])
    expect(await s.fixture.originSha('agent/heal/feature/math')).toBeUndefined()
    s.fake.assertNoProblems()
  })

  test('a gate step whose command is missing ends the run as a setup error before the first agent run', async () => {
    const runs: RunSeed[] = [{ id: 563, headBranch: FAILING, headSha: 'placeholder', actor: ACTOR }]
    const { s, agent, record } = await setup('missing', { runs })
    const sha = (await s.fixture.originSha(FAILING)) as string
    const run = await s.run({
      eventName: 'workflow_run',
      event: failedRun(s, 563, sha),
      inputs: { 'agent-command': agent('run', ['fix']), gate: `${GATE}\nno-such-linter --check`, 'retry-cap': '3' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'rejected', attempts: '0' })
    expect(run.outputs.reason).toMatch(/^Setup error: the gate cannot run on this runner: step `no-such-linter --check` \(exit 127\)/)
    expect(run.outputs.reason).toContain("'no-such-linter' is not installed")
    expect(run.outputs.reason).toContain('The agent was not run.')
    expect(await recorded(record('run'))).toEqual([])
    expect(s.fake.pullRequests()).toEqual([])
    s.fake.assertNoProblems()
  })
})

describe('in-job self-heal', () => {
  test('run after a failing step in a push build, it heals the checkout and proposes against the pushed branch', async () => {
    const runId = 9_000_000_001
    // This very run: its job is still in progress (Gated Agent is its current step), after a failed step.
    const runs: RunSeed[] = [
      { id: runId, headBranch: 'main', headSha: 'placeholder', status: 'in_progress', conclusion: null, actor: ACTOR }
    ]
    const jobs: Record<number, JobSeed[]> = {
      [runId]: [
        {
          id: 801,
          name: 'build',
          status: 'in_progress',
          conclusion: null,
          steps: [
            { name: 'Set up job', conclusion: 'success' },
            { name: 'Run tests', conclusion: 'failure' },
            { name: 'Run gated-agent/gated-agent@v1', status: 'in_progress', conclusion: null }
          ]
        }
      ]
    }
    const { s, agent, record } = await setup('in-job', { runs, files: { ...FILES, 'src/math.js': BAD_ADD }, branches: {}, fake: { jobs } })
    const sha = (await s.fixture.originSha('main')) as string
    const event = pushEvent({ ...s.target, ref: 'refs/heads/main', before: '1'.repeat(40), after: sha, sender: ACTOR })
    const run = await s.run({ eventName: 'push', event, inputs: { 'agent-command': agent('run', ['fix']), gate: GATE } })
    clean(run, s)

    expect(run.outputs).toMatchObject({ result: 'proposed', branch: 'agent/heal/main', attempts: '1' })
    const [pull] = s.fake.pullRequests()
    expect(pull).toMatchObject({ base: 'main', head: 'agent/heal/main', draft: true })
    expect(pull.body).toContain('- ✗ `build` › `Run tests`')
    expect(pull.body).toContain(`/actions/runs/${runId}`)
    expect(s.fake.requestsFor('actions/list-jobs-for-workflow-run-attempt')).toHaveLength(1)
    // The job is still running, so its log is not read; the evidence says why.
    expect(s.fake.requestsFor('actions/download-job-logs-for-workflow-run')).toEqual([])
    const evidence = await read(path.join(record('run'), '1.evidence.md'))
    expect(evidence).toContain('- step 2: Run tests (failure)')
    expect(evidence).toContain('the job is still running')
    expect(await s.fixture.originFile('agent/heal/main', 'src/math.js')).toBe(GOOD_MATH)
  })
})
