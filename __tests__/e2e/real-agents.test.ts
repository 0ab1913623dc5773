/**
 * The real agent CLIs under the action, offline: `node dist/index.js` runs with `agent: <preset>`
 * on a labelled issue, the preset's CLI (the pinned binary from `.cache/agent-clis/<preset>`) runs its
 * own tool loop against a scripted fake model on 127.0.0.1, the action's gate (`node --test`) judges
 * the edit, and a green edit becomes a draft PR on the fake GitHub, its branch pushed to origin.
 *
 * The CLIs run inside the action's PID-namespace wrapper, which has no network namespace: loopback
 * still reaches the fake model, and the claude test checks the agent really ran as PID 1 of its own
 * namespace. A CLI missing from `.cache/agent-clis` is skipped with the reason; `.ci/run` installs
 * them first (`scripts/install-agent-clis.sh`), so CI runs every test.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
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
  PROTOCOL_OF,
  shell,
  startFakeModel,
  type FakeableCli,
  type FakeModel,
  type RecordedRequest,
  type Step
} from '../fake-models/index.js'
import { git } from '../harness/git-command.js'
import type { ActionRun } from '../harness/run-action.js'
import { startScenario, type Scenario } from '../harness/scenario.js'
import { issueLabeledEvent } from '../harness/webhook-events.js'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CLI_CACHE = path.join(REPO_ROOT, '.cache', 'agent-clis')
const ISSUE = 7
const BRANCH = `agent/issue-${ISSUE}`

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
  options: { script: Step[]; inputs: Record<string, string>; timeoutMs: number }
): Promise<RealRun> {
  const started: (typeof open)[number] = { dir: await mkdtemp(path.join(os.tmpdir(), `real-agent-${cli}-`)) }
  open.push(started)
  const scenario = await startScenario({
    files: FILES,
    fake: { issues: [{ number: ISSUE, title: 'Greet with hello', labels: ['agent'], user: 'alice' }], permissions: { alice: 'write' } }
  })
  started.scenario = scenario
  const fake = await startFakeModel({ protocol: PROTOCOL_OF[cli], script: options.script, root: scenario.fixture.workspaceDir })
  started.fake = fake
  const home = path.join(started.dir, 'home')
  const cliEnv = await envFor(cli, fake, home)
  const run = await scenario.run({
    eventName: 'issues',
    event: issueLabeledEvent({ ...scenario.target, issueNumber: ISSUE, label: 'agent', sender: 'alice', title: 'Greet with hello' }),
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
      report('claude-code proposed', start)
    },
    60_000
  )

  testWith('codex')(
    'codex: edits through its shell tool, the gate passes, a draft PR is proposed',
    async () => {
      const start = Date.now()
      const real = await runUnderAction('codex', { script: ONE_EDIT, inputs: { agent: 'codex' }, timeoutMs: 50_000 })
      await expectProposed(real)
      report('codex proposed', start)
    },
    60_000
  )

  testWith('gemini')(
    'gemini: edits through its tools, the gate passes, a draft PR is proposed',
    async () => {
      const start = Date.now()
      const real = await runUnderAction('gemini', { script: ONE_EDIT, inputs: { agent: 'gemini' }, timeoutMs: 50_000 })
      await expectProposed(real)
      report('gemini proposed', start)
    },
    60_000
  )

  testWith('opencode')(
    'opencode: edits through its tools, the gate passes, a draft PR is proposed',
    async () => {
      const start = Date.now()
      const real = await runUnderAction('opencode', { script: ONE_EDIT, inputs: { agent: 'opencode' }, timeoutMs: 110_000 })
      await expectProposed(real)
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
