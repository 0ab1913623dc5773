/**
 * The real agent CLIs under the action, offline: `node dist/index.cjs` runs with `agent: <preset>`
 * on a labelled issue, the preset's CLI (the pinned binary from `.cache/agent-clis/<preset>`) runs its
 * own tool loop against a scripted fake model on 127.0.0.1, the action's gate (`node --test`) judges
 * the edit, and a green edit becomes a draft PR on the fake GitHub, its branch pushed to origin.
 *
 * The CLIs run inside the action's PID-namespace wrapper, which has no network namespace: loopback
 * still reaches the fake model, and the claude test checks the agent really ran as PID 1 of its own
 * namespace. A CLI missing from `.cache/agent-clis` is skipped with the reason; `.ci/run` installs
 * them first (`scripts/install-agent-clis.sh`), so CI runs every test.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { AGENT_PRESETS } from '../../src/runtime/agent/agent-presets.js'
import {
  editFile,
  envFor,
  FAKE_MODEL_KEY,
  FAKE_USAGE,
  final,
  OPENCODE_PRICE,
  PROTOCOL_OF,
  shell,
  startFakeModel,
  type FakeableCli,
  type FakeModel,
  type RecordedRequest,
  type SeekOptions,
  type Step
} from '../fake-models/index.js'
import { git } from '../harness/git-command.js'
import type { JobSeed } from '../harness/github-fake.js'
import type { ActionRun } from '../harness/run-action.js'
import { startScenario, type Scenario } from '../harness/scenario.js'
import { issueLabeledEvent, workflowRunFailedEvent } from '../harness/webhook-events.js'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CLI_CACHE = path.join(REPO_ROOT, '.cache', 'agent-clis')
const ISSUE = 7
const BRANCH = `agent/issue-${ISSUE}`
const FAILING = 'feature/greet'
const HEAL_BRANCH = `agent/heal/${FAILING}`
const HEAL_RUN = 901

/** The failed CI run's jobs: `test` failed at its `Run tests` step. */
function healJobs(): JobSeed[] {
  return [
    {
      id: HEAL_RUN * 10 + 1,
      name: 'test',
      steps: [
        { name: 'Set up job', conclusion: 'success' },
        { name: 'Run tests', conclusion: 'failure' },
        { name: 'Complete job', conclusion: 'success' }
      ]
    }
  ]
}

/** The `.bin` directory of a preset's installed CLI, or undefined when it is not installed. */
function installedBin(cli: FakeableCli): string | undefined {
  const bin = path.join(CLI_CACHE, cli, 'node_modules', '.bin')
  return existsSync(path.join(bin, AGENT_PRESETS[cli]?.binary ?? cli)) ? bin : undefined
}

/** `test`, or `test.skip` with the reason in its name when the CLI is not installed. */
function testWith(cli: FakeableCli): (name: string, fn: () => Promise<void>, timeout: number) => void {
  if (installedBin(cli)) return test
  return (name) =>
    test.skip(`${name} [skipped: ${cli} is not installed in .cache/agent-clis/${cli}; run scripts/install-agent-clis.sh]`, () => undefined)
}

// A CommonJS module and its node:test test: `node --test` finds `*.test.js` on its own.
const BEFORE = "exports.greet = (name) => 'Hi, ' + name\n"
const GREEN = "exports.greet = (name) => 'Hello, ' + name + '!'\n"
const RED = "exports.greet = (name) => 'Howdy, ' + name\n"
const FILES = {
  'greeting.js': BEFORE,
  'greeting.test.js': [
    "const test = require('node:test')",
    "const assert = require('node:assert')",
    "const { greet } = require('./greeting.js')",
    "test('greets with hello', () => assert.strictEqual(greet('gate'), 'Hello, gate!'))",
    ''
  ].join('\n')
}

/** One scripted CLI run under the action, and what it left behind. */
interface RealRun {
  run: ActionRun
  fake: FakeModel
  scenario: Scenario
  /** Everything worth printing when an assertion fails: the action's output and the fake's view. */
  detail: string
}

/** What a test started, stopped and removed after it whatever happened. */
const open: Array<{ dir: string; scenario?: Scenario; fake?: FakeModel }> = []

afterEach(async () => {
  for (const { scenario, fake, dir } of open.splice(0)) {
    await fake?.close()
    await scenario?.cleanup()
    await rm(dir, { recursive: true, force: true })
  }
})

/**
 * Starts the repository, the GitHub fake and the model fake, then runs the action once with the
 * CLI's environment (model key, base URL, HOME with its settings) as the runner's; the action hands
 * the agent that environment minus the runner's credentials.
 */
async function runUnderAction(
  cli: FakeableCli,
  options: {
    script?: Step[]
    seek?: SeekOptions
    inputs: Record<string, string>
    timeoutMs: number
    /** The issue's body (issue-to-pr), or a function of the work tree's path giving it. */
    issueBody?: string | ((workTree: string) => string)
    /** Self-heal instead: a failed workflow_run of FAILING whose failed job's log is this. */
    failedLog?: string
    /** Files of the repository besides FILES. */
    extraFiles?: Record<string, string>
    /** Files put in the work tree, uncommitted, before the action runs. */
    plant?: Record<string, string>
  }
): Promise<RealRun> {
  const started: (typeof open)[number] = { dir: await mkdtemp(path.join(os.tmpdir(), `real-agent-${cli}-`)) }
  open.push(started)
  const heal = options.failedLog !== undefined
  const runs = [{ id: HEAL_RUN, headBranch: FAILING, headSha: 'placeholder', actor: 'alice' }]
  const workTree = (dir: string): string | null =>
    typeof options.issueBody === 'function' ? options.issueBody(dir) : (options.issueBody ?? null)
  const scenario = await startScenario({
    files: { ...FILES, ...options.extraFiles },
    ...(heal ? { branches: { [FAILING]: {} } } : {}),
    fake: {
      issues: [{ number: ISSUE, title: 'Greet with hello', labels: ['agent'], user: 'alice' }],
      permissions: { alice: 'write' },
      ...(heal ? { runs, jobs: { [HEAL_RUN]: healJobs() }, logs: { [HEAL_RUN * 10 + 1]: options.failedLog as string } } : {})
    }
  })
  started.scenario = scenario
  for (const [file, text] of Object.entries(options.plant ?? {})) {
    await mkdir(path.dirname(path.join(scenario.fixture.workspaceDir, file)), { recursive: true })
    await writeFile(path.join(scenario.fixture.workspaceDir, file), text)
  }
  const fake = await startFakeModel({
    protocol: PROTOCOL_OF[cli],
    ...(options.seek ? { seek: options.seek } : { script: options.script ?? [] }),
    root: scenario.fixture.workspaceDir
  })
  started.fake = fake
  const home = path.join(started.dir, 'home')
  const cliEnv = await envFor(cli, fake, home)
  let event: object
  if (heal) {
    const failingSha = (await scenario.fixture.originSha(FAILING)) as string
    runs[0]!.headSha = failingSha
    event = workflowRunFailedEvent({
      ...scenario.target,
      headBranch: FAILING,
      headSha: failingSha,
      runId: HEAL_RUN,
      actor: 'alice',
      workflowName: 'CI'
    })
  } else {
    event = issueLabeledEvent({
      ...scenario.target,
      issueNumber: ISSUE,
      label: 'agent',
      sender: 'alice',
      title: 'Greet with hello',
      body: workTree(scenario.fixture.workspaceDir)
    })
  }
  const run = await scenario.run({
    eventName: heal ? 'workflow_run' : 'issues',
    event,
    inputs: { gate: 'node --test', ...options.inputs },
    homeDir: home,
    env: { ...cliEnv, PATH: `${installedBin(cli) as string}${path.delimiter}${process.env.PATH ?? ''}` },
    timeoutMs: options.timeoutMs
  })
  const requests = fake.requests.map(
    (r) => `${r.role} ${r.method} ${r.url}${r.step === undefined ? '' : ` session ${r.session} step ${r.step}`}`
  )
  const detail = [
    `exit ${run.exitCode}${run.timedOut ? ' (timed out)' : ''}; outputs ${JSON.stringify(run.outputs)}`,
    run.stdout.slice(-6000),
    run.stderr.slice(-2000),
    'fake model problems:',
    ...fake.problems,
    'fake model requests:',
    ...requests
  ].join('\n')
  return { run, fake, scenario, detail }
}

/** The paths a branch on origin changes against the default branch. */
async function changedOnOrigin(scenario: Scenario, branch: string): Promise<string[]> {
  const { originDir, defaultBranch } = scenario.fixture
  const out = await git(['diff', '--name-only', `${defaultBranch}...${branch}`], { cwd: originDir })
  return out.split('\n').filter(Boolean)
}

/** Asserts the run proposed a draft PR whose branch on origin holds GREEN, and only that change. */
async function expectProposed({ run, fake, scenario, detail }: RealRun): Promise<void> {
  expect({ result: run.outputs.result, detail }).toEqual({ result: 'proposed', detail })
  // The CLI and whatever it started (servers, shells) ended with the action.
  expect({ exitCode: run.exitCode, leftProcesses: run.leftProcesses }).toEqual({ exitCode: 0, leftProcesses: false })
  const pulls = scenario.fake.pullRequests()
  expect(pulls).toEqual([expect.objectContaining({ draft: true, head: BRANCH, base: 'main', state: 'open' })])
  expect(run.outputs).toMatchObject({ branch: BRANCH, 'pr-number': String(pulls[0]?.number) })
  expect(await scenario.fixture.originFile(BRANCH, 'greeting.js')).toBe(GREEN)
  expect(await changedOnOrigin(scenario, BRANCH)).toEqual(['greeting.js'])
  expect(fake.problems).toEqual([])
  // The key reached the CLI through the action's agent environment: it sent it to the model.
  expect(fake.requests.some((r) => Object.values(r.headers).some((v) => String(v).includes(FAKE_MODEL_KEY)))).toBe(true)
  scenario.fake.assertNoProblems()
}

/** The JSON of every main request of a session, to look for what the CLI sent the model. */
function sessionBodies(fake: FakeModel, session: number): string {
  return fake
    .sessionRequests(session)
    .map((r) => JSON.stringify(r.body))
    .join('\n')
}

/** The text of the tool results an Anthropic Messages request sends back in its last user turn. */
function toolResults(request: RecordedRequest | undefined): string[] {
  const messages = (request?.body as { messages?: Array<{ role: string; content: unknown }> } | undefined)?.messages ?? []
  const last = messages.at(-1)
  if (last?.role !== 'user' || !Array.isArray(last.content)) return []
  return (last.content as Array<{ type?: string; content?: unknown }>)
    .filter((part) => part.type === 'tool_result')
    .map((part) => (typeof part.content === 'string' ? part.content : JSON.stringify(part.content)).trim())
}

/**
 * A row of the summary's attempts table: agent exit 0, the gate column, and the usage of `turns`
 * model turns at the fake's fixed token counts, with the cost claude computed.
 */
function attemptRow(attempt: number, gate: string, turns: number): RegExp {
  const tokens = `${turns * FAKE_USAGE.input} in / ${turns * FAKE_USAGE.output} out tokens`
  return new RegExp(`^\\| ${attempt} \\| 0 \\| ${gate} \\| [\\d.]+s \\| ${tokens}, \\$\\d+\\.\\d{4} \\|$`, 'm')
}

/**
 * The run's usage outputs and its attempts table hold the tokens the fake reported on the turns the
 * CLI counts (`counted`: main turns, or all of them), and `cost` as the cost-usd output.
 */
function expectUsage({ run, fake, detail }: RealRun, counted: 'main' | undefined, cost: string | RegExp): void {
  const sent = fake.usageSent(counted)
  expect({ outputs: run.outputs, detail }).toMatchObject({
    outputs: { 'input-tokens': String(sent.input), 'output-tokens': String(sent.output) },
    detail
  })
  expect(run.outputs['cost-usd']).toMatch(cost)
  expect(run.summary).toMatch(
    new RegExp(`^\\| 1 \\| 0 \\| ✓ 3/3 passed \\| [\\d.]+s \\| ${sent.input} in / ${sent.output} out tokens`, 'm')
  )
}

/** Logs the wall time since `start`, so a slow CLI shows in the test output. */
function report(name: string, start: number): void {
  process.stderr.write(`real-agents: ${name} took ${((Date.now() - start) / 1000).toFixed(1)} s\n`)
}

const ONE_EDIT: Step[] = [...editFile('greeting.js', GREEN), final('greet() now says hello.')]

describe('the real CLIs under the action: agent preset, fake model, gate, draft PR', () => {
  testWith('claude-code')(
    'claude-code: edits through its tools in a PID namespace, the gate passes, a draft PR is proposed, usage in the summary',
    async () => {
      const start = Date.now()
      // `cat /proc/1/comm` through the Bash tool: inside the action's PID namespace the CLI itself is PID 1.
      const script = [shell('cat /proc/1/comm'), ...editFile('greeting.js', GREEN), final('greet() now says hello.')]
      const real = await runUnderAction('claude-code', { script, inputs: { agent: 'claude-code' }, timeoutMs: 50_000 })
      await expectProposed(real)
      // The Bash tool's result went back to the model in the next turn: inside the action's PID
      // namespace the CLI is PID 1, and loopback still reached the fake (there is no network namespace).
      expect(toolResults(real.fake.sessionRequests(0)[1])).toEqual(['claude'])
      // Four turns of the fake's fixed usage, read from claude's JSON result into the attempts table.
      expect(real.run.summary).toMatch(attemptRow(1, '✓ 3/3 passed', 4))
      expectUsage(real, 'main', /^\d+\.\d+$/)
      report('claude-code proposed', start)
    },
    60_000
  )

  testWith('codex')(
    'codex: edits through its shell tool, the gate passes, a draft PR is proposed, usage from its --json events',
    async () => {
      const start = Date.now()
      const real = await runUnderAction('codex', { script: ONE_EDIT, inputs: { agent: 'codex' }, timeoutMs: 50_000 })
      await expectProposed(real)
      // Codex reports no cost: the output is empty, not 0.
      expectUsage(real, 'main', /^$/)
      report('codex proposed', start)
    },
    60_000
  )

  testWith('gemini')(
    'gemini: edits through its tools, the gate passes, a draft PR is proposed, usage from its stream-json result',
    async () => {
      const start = Date.now()
      const real = await runUnderAction('gemini', { script: ONE_EDIT, inputs: { agent: 'gemini' }, timeoutMs: 50_000 })
      await expectProposed(real)
      // Gemini CLI counts its router's classifier turn too.
      expectUsage(real, undefined, /^$/)
      report('gemini proposed', start)
    },
    60_000
  )

  testWith('opencode')(
    'opencode: edits through its tools, the gate passes, a draft PR is proposed, usage and cost from its step events',
    async () => {
      const start = Date.now()
      const real = await runUnderAction('opencode', { script: ONE_EDIT, inputs: { agent: 'opencode' }, timeoutMs: 110_000 })
      await expectProposed(real)
      // Three steps of 100 in / 20 out at the fake model's price in opencode's config ($2 / $10 per million).
      const sent = real.fake.usageSent('main')
      expect(sent).toMatchObject({ input: 300, output: 60 })
      expectUsage(real, 'main', String((sent.input * OPENCODE_PRICE.input + sent.output * OPENCODE_PRICE.output) / 1e6))
      report('opencode proposed', start)
    },
    120_000
  )
})

describe('claude-code under the action: the loop around a real CLI', () => {
  testWith('claude-code')(
    'red then green: the gate failure reaches claude in its second prompt, the second edit is proposed',
    async () => {
      const start = Date.now()
      const script = [
        ...editFile('greeting.js', RED),
        final('greet() changed.'),
        ...editFile('greeting.js', GREEN),
        final('Fixed: greet() now says hello.')
      ]
      const real = await runUnderAction('claude-code', { script, inputs: { agent: 'claude-code', 'retry-cap': '3' }, timeoutMs: 55_000 })
      await expectProposed(real)
      expect(real.run.outputs.attempts).toBe('2')
      const prompts = real.fake.sessionPrompts()
      expect(prompts).toHaveLength(2)
      // The first edit's output ('Howdy, gate') exists only in the gate's failure, fed back on retry.
      expect(prompts[0]).not.toContain('Howdy')
      expect(prompts[1]).toContain('The previous attempt failed the gate')
      expect(prompts[1]).toContain('node --test')
      expect(prompts[1]).toContain("'Howdy, gate'")
      expect(sessionBodies(real.fake, 0)).not.toContain('failed the gate')
      // Both attempts are in the summary, each with the usage claude reported for it.
      expect(real.run.summary).toMatch(attemptRow(1, '✗ 2/3 passed', 3))
      expect(real.run.summary).toMatch(attemptRow(2, '✓ 3/3 passed', 3))
      report('claude-code red then green', start)
    },
    60_000
  )

  testWith('claude-code')(
    'max-cost-usd: claude reports the cost of its first, wrong attempt; the budget ends the run as gave-up before a second run, the change kept',
    async () => {
      const start = Date.now()
      // The same red-then-green script: without the budget the second attempt would be green.
      const script = [
        ...editFile('greeting.js', RED),
        final('greet() changed.'),
        ...editFile('greeting.js', GREEN),
        final('Fixed: greet() now says hello.')
      ]
      const real = await runUnderAction('claude-code', {
        script,
        inputs: { agent: 'claude-code', 'retry-cap': '3', 'stop-on-no-progress': 'false', 'max-cost-usd': '0.000001' },
        timeoutMs: 55_000
      })
      const { run, fake, scenario, detail } = real
      expect({ result: run.outputs.result, detail }).toEqual({ result: 'gave-up', detail })
      expect(run.outputs.attempts).toBe('1')
      expect(fake.sessionPrompts()).toHaveLength(1)
      // The reason names the budget and the cost claude reported, which is also the cost-usd output.
      const cost = Number(run.outputs['cost-usd'])
      expect(cost).toBeGreaterThan(0.000001)
      expect(run.outputs.reason).toContain(`the agent reported $${cost.toFixed(4)} in cost, reaching max-cost-usd ($0.000001)`)
      expect(run.outputs.reason).toContain('To allow more, raise max-cost-usd')
      // Nothing proposed, the wrong change kept for a person.
      expect(scenario.fake.pullRequests()).toEqual([])
      expect(run.outputs['patch-path']).toMatch(/attempt-1\.patch$/)
      expect(run.summary).toContain('Stopped at a budget')
      scenario.fake.assertNoProblems()
      report('claude-code cost budget', start)
    },
    60_000
  )

  testWith('claude-code')(
    'denied its edit (no permission flag), the run is agent-failed naming the denial, not no-change',
    async () => {
      const start = Date.now()
      const script = [...editFile('greeting.js', GREEN), final('I could not write greeting.js.')]
      // The preset's readers still apply (agent: claude-code); the command lacks --permission-mode.
      const real = await runUnderAction('claude-code', {
        script,
        inputs: { agent: 'claude-code', 'agent-command': 'claude -p --output-format json' },
        timeoutMs: 50_000
      })
      const { run, scenario, detail } = real
      const target = path.join(scenario.fixture.workspaceDir, 'greeting.js')
      expect({ result: run.outputs.result, detail }).toEqual({ result: 'agent-failed', detail })
      expect(run.outputs.reason).toContain('denied')
      expect(run.outputs.reason).toContain(`Write ${target}`)
      expect(run.outputs.attempts).toBe('1')
      expect(run.exitCode).toBe(1)
      expect(run.commands).toContainEqual(
        expect.objectContaining({ command: 'error', message: expect.stringContaining(`Write ${target}`) })
      )
      expect(run.summary).toContain('`agent-failed`')
      expect(scenario.fake.pullRequests()).toEqual([])
      expect(await scenario.fixture.originBranches()).toEqual(['main'])
      scenario.fake.assertNoProblems()
      report('claude-code denied', start)
    },
    60_000
  )
})

/**
 * The task reaches the agent (issue 11): a fake model that acts only on what it has seen looks for
 * a random token that exists only where the task is, reads with its CLI's own tool any file the
 * prompt names, and makes the fix (greet with hello, the token in a comment) only once it has
 * found the token. Before issue 11 the issue was only in a file under RUNNER_TEMP, which Claude
 * Code and Gemini CLI refuse to read, so these runs ended without a change.
 */
describe.each<[FakeableCli, number]>([
  ['claude-code', 60_000],
  ['codex', 60_000],
  ['gemini', 60_000],
  ['opencode', 120_000]
])('%s under the action sees its task', (cli, timeout) => {
  const token = `TASK-${randomBytes(8).toString('hex')}`
  const fixed = `${GREEN}// ${token}\n`
  const seek: SeekOptions = { token, fix: { path: 'greeting.js', content: fixed } }

  /** The run proposed `branch` holding the fix with the token, and nothing else; the context directory is gone. */
  async function expectFixed({ run, fake, scenario, detail }: RealRun, branch: string): Promise<void> {
    expect({ result: run.outputs.result, detail }).toEqual({ result: 'proposed', detail })
    expect(run.exitCode).toBe(0)
    expect(await scenario.fixture.originFile(branch, 'greeting.js')).toBe(fixed)
    expect(await changedOnOrigin(scenario, branch)).toEqual(['greeting.js'])
    expect(fake.problems).toEqual([])
    expect(fake.seekerSessions()).toHaveLength(1)
    expect(fake.seekerSessions()[0]).toMatchObject({ found: true, ended: 'fixed' })
    // Made before the agent ran, gone after it: never in the work tree the job goes on with.
    expect(await readdir(scenario.fixture.workspaceDir)).not.toContain('.gated-agent')
    scenario.fake.assertNoProblems()
  }

  testWith(cli)(
    'issue-to-pr: the token only in the issue body, which the prompt shows; the fix is proposed',
    async () => {
      const start = Date.now()
      const issueBody = `greet() must say "Hello, NAME!". Put the tracking tag ${token} in a comment.`
      const real = await runUnderAction(cli, { seek, issueBody, inputs: { agent: cli }, timeoutMs: timeout - 10_000 })
      await expectFixed(real, BRANCH)
      expect(real.fake.sessionPrompts()[0]).toContain(token)
      expect(real.fake.seekerSessions()[0]?.reads).toEqual([])
      report(`${cli} sees the issue`, start)
    },
    timeout
  )

  testWith(cli)(
    'issue-to-pr: the token past the cut of a long issue, in the file the prompt names inside the work tree; the CLI reads it',
    async () => {
      const start = Date.now()
      const filler = Array.from({ length: 400 }, (_, i) => `- detail ${i}: ${'lorem ipsum '.repeat(5)}`).join('\n')
      const issueBody = `greet() must say "Hello, NAME!".\n\n${filler}\n\nPut the tracking tag ${token} in a comment.`
      const real = await runUnderAction(cli, { seek, issueBody, inputs: { agent: cli }, timeoutMs: timeout - 10_000 })
      await expectFixed(real, BRANCH)
      expect(real.fake.sessionPrompts()[0]).not.toContain(token)
      const file = path.join(real.scenario.fixture.workspaceDir, '.gated-agent', 'issue.md')
      expect(real.fake.sessionPrompts()[0]).toContain(`(absolute path: \`${file}\`)`)
      expect(real.fake.seekerSessions()[0]?.reads).toEqual([file])
      report(`${cli} reads the long issue`, start)
    },
    timeout
  )

  testWith(cli)(
    "self-heal: the token only in the failed job's log, past the excerpt in the prompt; the CLI reads the CI log file",
    async () => {
      const start = Date.now()
      const stamp = '2024-05-01T12:00:00.0000000Z'
      const failedLog = [
        `${stamp} ##[group]Run node --test`,
        `${stamp} hint: the fix must carry the tracking tag ${token} in a comment`,
        ...Array.from({ length: 80 }, (_, i) => `${stamp} ok ${i} - warm-up ${i}`),
        `${stamp} not ok 1 - greets with hello`,
        `${stamp}   AssertionError: 'Hi, gate' !== 'Hello, gate!'`,
        `${stamp} ##[error]Process completed with exit code 1.`,
        ''
      ].join('\n')
      const real = await runUnderAction(cli, { seek, failedLog, inputs: { agent: cli }, timeoutMs: timeout - 10_000 })
      await expectFixed(real, HEAL_BRANCH)
      const prompt = real.fake.sessionPrompts()[0] ?? ''
      expect(prompt).toContain('CI failed: test > Run tests')
      expect(prompt).toContain("'Hi, gate' !== 'Hello, gate!'")
      expect(prompt).not.toContain(token)
      const file = path.join(real.scenario.fixture.workspaceDir, '.gated-agent', 'ci-log.md')
      expect(real.fake.seekerSessions()[0]?.reads).toEqual([file])
      report(`${cli} reads the CI log`, start)
    },
    timeout
  )

  // Codex runs with its sandbox off (the runner is the sandbox), and its own sandboxes all allow
  // reading any file: there is no read it refuses, and nothing to report.
  ;(cli === 'codex' ? test.skip : testWith(cli))(
    'a prompt naming a file outside the work tree: the CLI refuses the read, no change, and the summary names the refused read',
    async () => {
      const start = Date.now()
      const outside = await mkdtemp(path.join(os.tmpdir(), 'outside-'))
      open.push({ dir: outside })
      const file = path.join(outside, 'details.md')
      await writeFile(file, `Put the tracking tag ${token} in a comment.\n`)
      const issueBody = `greet() must say "Hello, NAME!". The rest of the details are in ${file} ; read it first.`
      // opencode's preset (`--auto`) approves reads outside the work tree; a user's own command
      // without it has them auto-rejected, which is what this test needs opencode to do.
      const inputs: Record<string, string> = cli === 'opencode' ? { agent: cli, 'agent-command': 'opencode run' } : { agent: cli }
      const real = await runUnderAction(cli, { seek, issueBody, inputs, timeoutMs: timeout - 10_000 })
      const { run, fake, scenario, detail } = real
      expect({ result: run.outputs.result, detail }).toEqual({ result: 'no-change', detail })
      // It asked for the file and never saw the token (opencode ends the run at a refused permission
      // without another model turn; the others let the model give up).
      expect(fake.seekerSessions()).toEqual([expect.objectContaining({ reads: [file], found: false })])
      expect(fake.seekerSessions()[0]?.ended).not.toBe('fixed')
      expect(run.outputs.reason).toContain('read(s) (not edits)')
      expect(run.outputs.reason).toContain(file)
      expect(run.summary).toContain("#### Tool uses the agent's CLI denied")
      expect(run.summary).toMatch(new RegExp(`- Attempt 1: read denied: \\S+ ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))
      expect(scenario.fake.pullRequests()).toEqual([])
      report(`${cli} refused the outside read`, start)
    },
    timeout
  )
})

/**
 * Gemini CLI's read_file refuses a file the repository's .gitignore ignores ("is ignored by
 * configured ignore patterns"), so the context directory must never be an ignored path.
 */
describe('gemini and a repository that ignores .gated-agent/', () => {
  const token = `TASK-${randomBytes(8).toString('hex')}`
  const fixed = `${GREEN}// ${token}\n`
  const seek: SeekOptions = { token, fix: { path: 'greeting.js', content: fixed } }
  const filler = Array.from({ length: 400 }, (_, i) => `- detail ${i}: ${'lorem ipsum '.repeat(5)}`).join('\n')

  testWith('gemini')(
    'the context directory takes another name, and gemini reads the long issue from it',
    async () => {
      const issueBody = `greet() must say "Hello, NAME!".\n\n${filler}\n\nPut the tracking tag ${token} in a comment.`
      const real = await runUnderAction('gemini', {
        seek,
        issueBody,
        extraFiles: { '.gitignore': '.gated-agent/\n' },
        inputs: { agent: 'gemini' },
        timeoutMs: 50_000
      })
      const { run, fake, scenario, detail } = real
      expect({ result: run.outputs.result, detail }).toEqual({ result: 'proposed', detail })
      const file = path.join(scenario.fixture.workspaceDir, 'gated-agent-context', 'issue.md')
      expect(fake.seekerSessions()).toEqual([{ reads: [file], found: true, ended: 'fixed' }])
      expect(await changedOnOrigin(scenario, BRANCH)).toEqual(['greeting.js'])
    },
    60_000
  )

  testWith('gemini')(
    'positive control: a file under the ignored path, named in the issue, is refused, and the summary says so',
    async () => {
      const real = await runUnderAction('gemini', {
        seek,
        issueBody: (workTree) =>
          `greet() must say "Hello, NAME!". The details are in ${path.join(workTree, '.gated-agent', 'details.md')} ; read it.`,
        extraFiles: { '.gitignore': '.gated-agent/\n' },
        plant: { '.gated-agent/details.md': `Put the tracking tag ${token} in a comment.\n` },
        inputs: { agent: 'gemini' },
        timeoutMs: 50_000
      })
      const { run, fake, scenario, detail } = real
      const file = path.join(scenario.fixture.workspaceDir, '.gated-agent', 'details.md')
      expect({ result: run.outputs.result, detail }).toEqual({ result: 'no-change', detail })
      expect(fake.seekerSessions()).toEqual([{ reads: [file], found: false, ended: 'gave-up' }])
      expect(run.summary).toContain(`- Attempt 1: read denied: read_file ${file}`)
      // The project's own .gated-agent/ was left alone: the context directory took another name.
      expect(await readdir(path.join(scenario.fixture.workspaceDir, '.gated-agent'))).toEqual(['details.md'])
    },
    60_000
  )
})
