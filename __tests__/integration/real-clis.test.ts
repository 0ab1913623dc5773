/**
 * The presets against the real agent CLIs at their pinned versions, fully offline: each CLI runs
 * its own tool loop against a scripted fake model on 127.0.0.1 and edits a file in a temp git repo.
 * `scripts/install-agent-clis.sh` puts the CLIs in `.cache/agent-clis/<preset>`; a CLI missing
 * there is skipped with the reason (`.ci/run` installs them, so CI runs every test).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { AGENT_PRESETS } from '../../src/runtime/agent/agent-presets.js'
import { CommandAgent } from '../../src/runtime/agent/command-agent.js'
import type { AgentRun } from '../../src/core/types.js'
import {
  editFile,
  envFor,
  FAKE_MODEL_KEY,
  FAKE_USAGE,
  final,
  OPENCODE_PRICE,
  PROTOCOL_OF,
  read,
  shell,
  startFakeModel,
  type FakeableCli,
  type FakeModel,
  type Step,
  type TokenUsage
} from '../fake-models/index.js'

const execFileAsync = promisify(execFile)
const CLI_CACHE = path.resolve('.cache', 'agent-clis')
const RUN_TIMEOUT_MS = 150_000

/** The `.bin` directory of a preset's installed CLI, or undefined when it is not installed. */
function installedBin(cli: FakeableCli): string | undefined {
  const bin = path.join(CLI_CACHE, cli, 'node_modules', '.bin')
  return existsSync(path.join(bin, AGENT_PRESETS[cli]?.binary ?? cli)) ? bin : undefined
}

interface Sandbox {
  dir: string
  repo: string
  home: string
}

async function makeSandbox(): Promise<Sandbox> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'real-cli-'))
  const repo = path.join(dir, 'repo')
  const home = path.join(dir, 'home')
  const git = (...args: string[]): Promise<unknown> => execFileAsync('git', args, { cwd: repo })
  await execFileAsync('git', ['init', '-q', '-b', 'main', repo])
  await git('config', 'user.email', 'test@example.com')
  await git('config', 'user.name', 'Test')
  await writeFile(path.join(repo, 'greeting.txt'), 'hello\n')
  await git('add', '.')
  await git('commit', '-q', '-m', 'initial')
  return { dir, repo, home }
}

interface AgentOutcome {
  run: AgentRun
  output: string
}

/** Runs `command` through CommandAgent, as the action does, with the fake's environment. */
async function runAgent(cli: FakeableCli, command: string, fake: FakeModel, box: Sandbox, prompt: string): Promise<AgentOutcome> {
  const bin = installedBin(cli) as string
  const env = {
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    LANG: 'C.UTF-8',
    ...(await envFor(cli, fake, box.home))
  }
  const chunks: Buffer[] = []
  const agent = new CommandAgent({
    template: command,
    cwd: box.repo,
    env,
    timeoutMs: RUN_TIMEOUT_MS,
    promptDir: path.join(box.dir, 'prompts'),
    onOutput: (chunk) => chunks.push(chunk),
    killGraceMs: 1000,
    // The preset's readers, as the action wires them.
    outputReaders: AGENT_PRESETS[cli]
  })
  const run = await agent.run(prompt, 1)
  return { run, output: Buffer.concat(chunks).toString('utf8') }
}

/** What to show when a CLI run goes wrong: its output and what the fake saw. */
function diagnosis(outcome: AgentOutcome, fake: FakeModel): string {
  const requests = fake.requests.map((r) => `${r.role} ${r.method} ${r.url}${r.step === undefined ? '' : ` step ${r.step}`}`)
  return [`exit ${outcome.run.exitCode}`, outcome.output.slice(-4000), ...fake.problems, ...requests].join('\n')
}

/** True when some request to the fake carried the key the CLI was given, in whatever header it uses. */
function sentKey(fake: FakeModel): boolean {
  return fake.requests.some((r) => Object.values(r.headers).some((v) => String(v).includes(FAKE_MODEL_KEY)))
}

const CLIS: FakeableCli[] = ['claude-code', 'codex', 'gemini', 'opencode', 'copilot']

/**
 * Usage that differs per turn (so a reader keeping one turn, or counting turns, is caught), with
 * cached input and reasoning in it, and small enough that Copilot prints it unrounded.
 */
const TURN_USAGE = (n: number): TokenUsage => ({ input: 200 + 10 * n, cached: 50 + n, output: 30 + n, reasoning: 5 + n })

/**
 * Which of the fake's turns each CLI counts in the usage it prints: Gemini counts its router's
 * classifier turn; opencode leaves its title turn out; the others made no side turns here.
 */
const COUNTED: Record<FakeableCli, 'main' | undefined> = {
  'claude-code': 'main',
  codex: 'main',
  gemini: undefined,
  opencode: 'main',
  copilot: 'main'
}

/** The cost each CLI reports for the tokens `sent`: Claude Code prices its models itself, opencode by its catalogue. */
const COST: Record<FakeableCli, (sent: TokenUsage) => { costUsd?: unknown }> = {
  'claude-code': () => ({ costUsd: expect.any(Number) }),
  codex: () => ({}),
  gemini: () => ({}),
  opencode: (sent) => {
    const cached = sent.cached ?? 0
    const dollars = (sent.input - cached) * OPENCODE_PRICE.input + cached * OPENCODE_PRICE.cache_read + sent.output * OPENCODE_PRICE.output
    return { costUsd: expect.closeTo(dollars / 1e6, 12) }
  },
  copilot: () => ({})
}

/**
 * A model that writes usage records in every CLI's format into its final answer, each claiming one
 * token: a reader fooled by any of them under-reports, and a cost budget would never be reached.
 */
const SPOOFED_USAGE = [
  'Updated greeting.txt.',
  '{"type":"turn.completed","usage":{"input_tokens":1,"output_tokens":1}}',
  '{"type":"result","stats":{"total_tokens":2,"input_tokens":1,"output_tokens":1}}',
  '{"type":"step_finish","part":{"tokens":{"input":1,"output":1},"cost":0.000001}}',
  '{"type":"result","total_cost_usd":0.000001,"usage":{"input_tokens":1,"output_tokens":1}}',
  'Tokens     ↑ 1 • ↓ 1'
].join('\n')

describe.each(CLIS)('the %s preset, run for real against a scripted fake model', (cli) => {
  const bin = installedBin(cli)
  const preset = AGENT_PRESETS[cli]
  if (!preset) throw new Error(`no preset ${cli}`)
  const maybe = bin ? test : test.skip
  if (!bin) {
    test.skip(`${cli} is not installed in .cache/agent-clis/${cli}: run scripts/install-agent-clis.sh`, () => undefined)
  }

  let box: Sandbox
  let fake: FakeModel | undefined
  beforeEach(async () => {
    box = await makeSandbox()
  })
  afterEach(async () => {
    await fake?.close()
    fake = undefined
    await rm(box.dir, { recursive: true, force: true })
  })

  maybe(
    'edits the file the model asks it to, reading the prompt from stdin, and exits 0; its usage is what the model reported',
    async () => {
      const script: Step[] = [...editFile('greeting.txt', 'hello, gate\n'), final(SPOOFED_USAGE)]
      fake = await startFakeModel({ protocol: PROTOCOL_OF[cli], script, root: box.repo, usage: TURN_USAGE })
      const outcome = await runAgent(cli, preset.command, fake, box, 'Change the greeting in greeting.txt to "hello, gate".')
      const detail = diagnosis(outcome, fake)
      expect({ content: await readFile(path.join(box.repo, 'greeting.txt'), 'utf8'), detail }).toEqual({ content: 'hello, gate\n', detail })
      expect({ exitCode: outcome.run.exitCode, detail }).toEqual({ exitCode: 0, detail })
      expect(fake.problems).toEqual([])
      expect(fake.sessionPrompts()).toEqual([expect.stringContaining('Change the greeting in greeting.txt')])
      // The key travelled in a variable the preset keeps for the agent.
      expect(sentKey(fake)).toBe(true)
      // The tokens the fake reported on the turns the CLI counts, cached input and reasoning
      // included, despite the records the model wrote; cost where the CLI prices the model.
      const sent = fake.usageSent(COUNTED[cli])
      expect({ usage: outcome.run.usage, detail }).toEqual({
        usage: { inputTokens: sent.input, outputTokens: sent.output, ...COST[cli](sent) },
        detail
      })
    },
    RUN_TIMEOUT_MS + 30_000
  )
})

describe('the claude-code preset: its permission flag and its JSON result', () => {
  const bin = installedBin('claude-code')
  const maybe = bin ? test : test.skip
  const preset = AGENT_PRESETS['claude-code']
  if (!preset) throw new Error('no claude-code preset')
  if (!bin) test.skip('claude-code is not installed in .cache/agent-clis/claude-code: run scripts/install-agent-clis.sh', () => undefined)

  let box: Sandbox
  let fake: FakeModel | undefined
  beforeEach(async () => {
    box = await makeSandbox()
  })
  afterEach(async () => {
    await fake?.close()
    fake = undefined
    await rm(box.dir, { recursive: true, force: true })
  })

  maybe(
    'without --permission-mode the edit is denied silently (exit 0), and the denials parser reports it',
    async () => {
      const withoutPermission = preset.command.replace('--permission-mode acceptEdits ', '')
      expect(withoutPermission).not.toContain('--permission-mode')
      const script = [...editFile('greeting.txt', 'hello, gate\n'), final('I could not write the file.')]
      fake = await startFakeModel({ protocol: 'anthropic-messages', script, root: box.repo })
      const outcome = await runAgent('claude-code', withoutPermission, fake, box, 'Change the greeting.')
      const detail = diagnosis(outcome, fake)
      expect({ exitCode: outcome.run.exitCode, detail }).toEqual({ exitCode: 0, detail })
      expect(await readFile(path.join(box.repo, 'greeting.txt'), 'utf8')).toBe('hello\n')
      expect(preset.parseDenials?.(outcome.output)).toEqual([{ tool: 'Write', target: path.join(box.repo, 'greeting.txt'), kind: 'edit' }])
    },
    RUN_TIMEOUT_MS + 30_000
  )

  maybe(
    'with the preset the same script is not denied, and usage comes from the JSON result',
    async () => {
      const script = [...editFile('greeting.txt', 'hello, gate\n'), final('Done.')]
      fake = await startFakeModel({ protocol: 'anthropic-messages', script, root: box.repo })
      const outcome = await runAgent('claude-code', preset.command, fake, box, 'Change the greeting.')
      expect(preset.parseDenials?.(outcome.output)).toEqual([])
      // Three turns (read, write, final) of the fake's fixed 100 input and 20 output tokens.
      expect(preset.parseUsage?.(outcome.output)).toEqual({
        inputTokens: 3 * FAKE_USAGE.input,
        outputTokens: 3 * FAKE_USAGE.output,
        costUsd: expect.any(Number)
      })
    },
    RUN_TIMEOUT_MS + 30_000
  )

  maybe(
    "with the preset the agent may run commands (the gate's own, say), not only simple ones",
    async () => {
      // acceptEdits alone denies this command; the preset's `--allowedTools Bash` lets it run.
      const command = `node -e "require('fs').writeFileSync('made.txt', 'x')" && git status --short | head -3`
      fake = await startFakeModel({ protocol: 'anthropic-messages', script: [shell(command), final('Ran it.')], root: box.repo })
      const outcome = await runAgent('claude-code', preset.command, fake, box, 'Run the command.')
      expect({ denials: preset.parseDenials?.(outcome.output), detail: diagnosis(outcome, fake) }).toEqual({
        denials: [],
        detail: expect.any(String)
      })
      expect(await readFile(path.join(box.repo, 'made.txt'), 'utf8')).toBe('x')
    },
    RUN_TIMEOUT_MS + 30_000
  )

  maybe(
    'a second run is a second session: its prompt (carrying the gate failure) is recorded apart',
    async () => {
      const script = [
        ...editFile('greeting.txt', 'helo\n'),
        final('Done.'),
        ...editFile('greeting.txt', 'hello, gate\n'),
        final('Fixed the typo.')
      ]
      fake = await startFakeModel({ protocol: 'anthropic-messages', script, root: box.repo })
      await runAgent('claude-code', preset.command, fake, box, 'Change the greeting.')
      expect(await readFile(path.join(box.repo, 'greeting.txt'), 'utf8')).toBe('helo\n')
      const second = await runAgent('claude-code', preset.command, fake, box, 'The gate failed: spell-check: "helo" is not a word.')
      expect(second.run.exitCode).toBe(0)
      expect(await readFile(path.join(box.repo, 'greeting.txt'), 'utf8')).toBe('hello, gate\n')
      expect(fake.problems).toEqual([])
      const prompts = fake.sessionPrompts()
      expect(prompts).toHaveLength(2)
      expect(prompts[1]).toContain('spell-check: "helo" is not a word')
      expect(prompts[0]).not.toContain('spell-check')
      expect(fake.sessionRequests(1).map((r) => r.step)).toEqual([3, 4, 5])
    },
    2 * RUN_TIMEOUT_MS + 30_000
  )
})

describe("the opencode preset's JSON mode: a refused read still reads as one", () => {
  const bin = installedBin('opencode')
  const maybe = bin ? test : test.skip
  if (!bin) test.skip('opencode is not installed in .cache/agent-clis/opencode: run scripts/install-agent-clis.sh', () => undefined)

  let box: Sandbox
  let fake: FakeModel | undefined
  beforeEach(async () => {
    box = await makeSandbox()
  })
  afterEach(async () => {
    await fake?.close()
    fake = undefined
    await rm(box.dir, { recursive: true, force: true })
  })

  maybe(
    'without --auto, a read outside the work tree is auto-rejected: the denial names the read and the file, and the usage is still counted',
    async () => {
      const outside = path.join(box.dir, 'outside', 'details.md')
      await mkdir(path.dirname(outside))
      await writeFile(outside, 'secret\n')
      fake = await startFakeModel({ protocol: 'openai-chat', script: [read(outside), final('I could not read it.')], root: box.repo })
      const command = AGENT_PRESETS['opencode']?.command.replace(' --auto', '') ?? ''
      expect(command).toBe('opencode run --format json')
      const outcome = await runAgent('opencode', command, fake, box, 'Read the details first.')
      const detail = diagnosis(outcome, fake)
      expect({ denials: outcome.run.denials, detail }).toEqual({ denials: [{ tool: 'read', target: outside, kind: 'read' }], detail })
      const sent = fake.usageSent('main')
      expect(outcome.run.usage).toMatchObject({ inputTokens: sent.input, outputTokens: sent.output })
    },
    RUN_TIMEOUT_MS + 30_000
  )
})

// .ci/run runs the whole check as its own step; these prove it turns red when it should.
describe('scripts/check-preset-flags.mjs against the installed CLIs', () => {
  const script = path.resolve('scripts', 'check-preset-flags.mjs')
  const installed = installedBin('claude-code') !== undefined && installedBin('codex') !== undefined
  const maybe = installed ? test : test.skip
  if (!installed) {
    test.skip('claude-code or codex is not installed in .cache/agent-clis: run scripts/install-agent-clis.sh', () => undefined)
  }

  /** Runs the check script; resolves with its exit code and output (it exits non-zero on purpose here). */
  async function check(...args: string[]): Promise<{ code: number; output: string }> {
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, [script, ...args], { timeout: 180_000 })
      return { code: 0, output: stdout + stderr }
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string }
      return { code: typeof e.code === 'number' ? e.code : -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }
    }
  }

  maybe(
    'turns red on a flag claude does not have, naming the preset and the flag',
    async () => {
      const { code, output } = await check('--check-flag', 'claude-code', '--no-such-flag')
      expect(code).toBe(1)
      expect(output).toMatch(/^FAIL claude-code: .*--no-such-flag/m)
    },
    200_000
  )

  maybe(
    'turns red on a flag codex exec does not have (its parser refuses it too)',
    async () => {
      const { code, output } = await check('--check-flag', 'codex', '--full-auto')
      expect(code).toBe(1)
      expect(output).toMatch(/^FAIL codex: .*--full-auto not listed by 'codex exec --help'.*refused/m)
    },
    200_000
  )

  maybe(
    'turns red on a value the parser refuses (a permission mode that does not exist)',
    async () => {
      const { code, output } = await check('--check-flag', 'claude-code', '--permission-mode', 'acceptAll')
      expect(code).toBe(1)
      expect(output).toMatch(/^FAIL claude-code: .*'claude --permission-mode acceptAll' refused/m)
    },
    200_000
  )

  maybe(
    'passes flags and values the CLI does have',
    async () => {
      const { code, output } = await check('--check-flag', 'codex', '--sandbox', 'workspace-write', '--json')
      expect({ code, output }).toEqual({ code: 0, output: expect.stringMatching(/^ok +codex: .* accepts --sandbox --json/) })
    },
    200_000
  )
})
