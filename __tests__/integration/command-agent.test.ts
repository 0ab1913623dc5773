import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CommandAgent, TemplateError, type CommandAgentOptions } from '../../src/runtime/agent/command-agent.js'
import type { Reporter } from '../../src/core/types.js'

let dir: string
let promptDir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'command-agent-'))
  promptDir = path.join(dir, 'run', 'prompts')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function recordingReporter(): Reporter & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: (m) => lines.push(`info: ${m}`),
    warning: (m) => lines.push(`warning: ${m}`),
    startGroup: (m) => lines.push(`group: ${m}`),
    endGroup: () => lines.push('endgroup')
  }
}

function agent(template: string, overrides: Partial<CommandAgentOptions> = {}): CommandAgent {
  return new CommandAgent({
    template,
    cwd: dir,
    env: { PATH: process.env.PATH },
    timeoutMs: 30_000,
    promptDir,
    killGraceMs: 300,
    ...overrides
  })
}

const read = (file: string): Promise<string> => readFile(path.join(dir, file), 'utf8')

/** Alive means running: a zombie waiting for a reaper that never comes is as dead as it gets. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

async function script(name: string, body: string): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, `#!/bin/sh\n${body}\n`)
  await chmod(file, 0o755)
  return file
}

describe('CommandAgent', () => {
  it('sends the prompt on stdin when the template has no {prompt_file}, and keeps the prompt file', async () => {
    const prompt = 'Fix the failing test.\nÉtape 2: ünïcode ✓\n'
    const run = await agent(`sh -c 'cat > stdin.txt'`).run(prompt, 1)
    expect(run).toEqual({ exitCode: 0, durationMs: expect.any(Number), timedOut: false })
    expect(await read('stdin.txt')).toBe(prompt)
    expect(await readFile(path.join(promptDir, 'prompt-1.md'), 'utf8')).toBe(prompt)
  })

  it('survives an agent that exits without reading a large prompt from stdin', async () => {
    const run = await agent('true').run('x'.repeat(4 * 1024 * 1024), 1)
    expect(run).toMatchObject({ exitCode: 0, timedOut: false })
  })

  it('passes the prompt file path in place of {prompt_file} and leaves stdin empty', async () => {
    const prompt = 'Implement issue #12.'
    const reporter = recordingReporter()
    const run = await agent(`sh -c 'printf %s "$1" > arg.txt; cp "$1" copy.md; cat > stdin.txt' my-agent {prompt_file}`, { reporter }).run(
      prompt,
      2
    )
    expect(run.exitCode).toBe(0)
    const promptFile = path.join(promptDir, 'prompt-2.md')
    expect(await read('arg.txt')).toBe(promptFile)
    expect(await read('copy.md')).toBe(prompt)
    expect(await read('stdin.txt')).toBe('')
    expect(reporter.lines).toContain(`info: agent attempt 2: running 'sh' with the prompt in ${promptFile}`)
  })

  it('keeps a quoted argument with spaces as one argument, and replaces {prompt_file} inside a flag', async () => {
    await agent(`sh -c 'printf "[%s]\\n" "$@" > args.txt' agent "fix the build" 'single quoted' --prompt-file={prompt_file} $HOME`).run(
      'p',
      3
    )
    expect(await read('args.txt')).toBe(
      `[fix the build]\n[single quoted]\n[--prompt-file=${path.join(promptDir, 'prompt-3.md')}]\n[$HOME]\n`
    )
  })

  it('refuses a template with shell operators before running anything', () => {
    expect(() => agent('my-agent --print | tee out.log')).toThrow(TemplateError)
    expect(() => agent('my-agent && touch pwned')).toThrow(/not run by a shell/)
  })

  it('kills a hanging agent at the timeout together with everything it started', async () => {
    const hang = await script('hang.sh', `sleep 100 & echo $! > bg.pid\nsh -c 'echo $$ > grandchild.pid; sleep 100'`)
    const reporter = recordingReporter()
    const started = Date.now()
    const run = await agent(hang, { timeoutMs: 1000, reporter }).run('go', 1)
    expect(run).toMatchObject({ exitCode: null, timedOut: true })
    expect(run.durationMs).toBeGreaterThanOrEqual(1000)
    expect(Date.now() - started).toBeLessThan(10_000)
    const pids = [Number(await read('bg.pid')), Number(await read('grandchild.pid'))]
    expect(pids.every((pid) => pid > 0)).toBe(true)
    expect(pids.filter(isAlive)).toEqual([])
    expect(reporter.lines.some((l) => l.startsWith('warning: agent attempt 1:') && l.includes('timed out after 1s'))).toBe(true)
  })

  it('stops the agent at what is left of the minutes budget when that is shorter than its own timeout, and only then', async () => {
    const hang = await script('slow.sh', 'sleep 100')
    const started = Date.now()
    const cut = await agent(hang, { timeoutMs: 30_000 }).run('go', 1, [], { timeoutMs: 500 })
    expect(cut).toMatchObject({ exitCode: null, timedOut: true })
    expect(Date.now() - started).toBeLessThan(10_000)
    // A budget left longer than the agent's own timeout does not lengthen it.
    const own = await agent(hang, { timeoutMs: 500 }).run('go', 2, [], { timeoutMs: 600_000 })
    expect(own).toMatchObject({ exitCode: null, timedOut: true })
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it('reports a non-zero exit code and streams the agent output live', async () => {
    const chunks: Buffer[] = []
    const run = await agent(`sh -c 'echo working; echo oops >&2; exit 7'`, { onOutput: (c) => chunks.push(c) }).run('p', 1)
    expect(run).toMatchObject({ exitCode: 7, timedOut: false })
    expect(Buffer.concat(chunks).toString()).toMatch(/working\n[\s\S]*oops\n|oops\n[\s\S]*working\n/)
  })

  it('gives exit code 127 and a clear warning when the agent command is not installed', async () => {
    const reporter = recordingReporter()
    const run = await agent('no-such-agent-xyz --print', { reporter }).run('p', 1)
    expect(run).toMatchObject({ exitCode: 127, timedOut: false })
    expect(reporter.lines.some((l) => l.startsWith("warning: agent command 'no-such-agent-xyz' not found"))).toBe(true)
  })

  it('gives exit code 126 and says so when the agent command is not executable', async () => {
    const file = path.join(dir, 'agent.sh')
    await writeFile(file, '#!/bin/sh\necho hi\n')
    const reporter = recordingReporter()
    const run = await agent(file, { reporter }).run('p', 1)
    expect(run.exitCode).toBe(126)
    expect(reporter.lines.some((l) => l.includes(`'${file}' is not executable`))).toBe(true)
  })

  it('gives the agent only the environment it was handed', async () => {
    process.env.GATED_AGENT_PARENT_ONLY = 'parent-secret'
    try {
      await agent(`sh -c 'echo "key=$MODEL_KEY parent=\${GATED_AGENT_PARENT_ONLY:-none}" > env.txt'`, {
        env: { PATH: process.env.PATH, MODEL_KEY: 'k-123' }
      }).run('p', 1)
    } finally {
      delete process.env.GATED_AGENT_PARENT_ONLY
    }
    expect(await read('env.txt')).toBe('key=k-123 parent=none\n')
  })

  it('stops the agent when the abort signal fires', async () => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 300)
    const run = await agent('sleep 100', { abort: controller.signal }).run('p', 1)
    expect(run).toMatchObject({ exitCode: null, timedOut: false })
    expect(run.durationMs).toBeLessThan(5000)
  })
})
