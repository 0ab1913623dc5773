import { mkdtemp, readFile, rm, symlink, mkdir, access, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ShellGate, parseGateSteps, type ShellGateOptions } from '../../src/runtime/gate/shell-gate.js'
import type { Reporter } from '../../src/core/types.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'shell-gate-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Reporter that records lines, as the log would show them. */
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

function gate(steps: string[], overrides: Partial<ShellGateOptions> = {}): ShellGate {
  return new ShellGate({
    steps,
    cwd: dir,
    env: { PATH: process.env.PATH },
    timeoutMs: 30_000,
    tailBytes: 16 * 1024,
    killGraceMs: 300,
    ...overrides
  })
}

/** Alive means running: a zombie waiting for a reaper that never comes is as dead as it gets. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

async function readPid(file: string): Promise<number> {
  return Number((await readFile(path.join(dir, file), 'utf8')).trim())
}

describe('parseGateSteps', () => {
  it('takes one trimmed step per non-empty line and skips # comments', () => {
    expect(parseGateSteps('  npm run lint  \r\n\n# slow ones last\nnpm test -- --ci\n   \n')).toEqual(['npm run lint', 'npm test -- --ci'])
  })
})

describe('ShellGate', () => {
  it('runs every step in order even after one fails, and is red when any step is', async () => {
    const result = await gate(['echo first; exit 3', 'echo second', 'false', 'touch ran-last']).run('attempt 1')
    expect(result.ok).toBe(false)
    expect(result.steps.map((s) => [s.name, s.exitCode, s.ok])).toEqual([
      ['echo first; exit 3', 3, false],
      ['echo second', 0, true],
      ['false', 1, false],
      ['touch ran-last', 0, true]
    ])
    expect(result.steps[0].tail).toBe('first\n')
    await expect(access(path.join(dir, 'ran-last'))).resolves.toBeUndefined()
  })

  it('is green when every step passes, and runs steps in the given directory and environment only', async () => {
    const result = await gate(['test "$(pwd -P)" = "$EXPECTED_DIR"', 'echo "home=${HOME:-unset}"'], {
      env: { PATH: process.env.PATH, EXPECTED_DIR: await realDir() }
    }).run('check')
    expect(result.ok).toBe(true)
    expect(result.steps[1].tail).toBe('home=unset\n')
  })

  it('fails a step on the first failing command and on a failing pipeline stage (errexit, pipefail)', async () => {
    const result = await gate(['false; echo not-reached', 'false | cat']).run('strict')
    expect(result.steps.map((s) => s.ok)).toEqual([false, false])
    expect(result.steps[0].tail).not.toContain('not-reached')
  })

  it('marks a missing tool and adds an install hint to its output', async () => {
    const reporter = recordingReporter()
    const result = await gate(['echo checking; no-such-tool-xyz --version', 'echo next'], { reporter }).run('attempt 1')
    const [missing, next] = result.steps
    expect(missing).toMatchObject({ ok: false, exitCode: 127, missingTool: true })
    expect(missing.tail).toContain('checking\n')
    expect(
      missing.tail
        .trimEnd()
        .endsWith(
          "hint: 'no-such-tool-xyz' is not installed on this runner (command not found). Install it before this step or change the gate."
        )
    ).toBe(true)
    expect(next).toMatchObject({ ok: true, missingTool: false })
    expect(reporter.lines.some((l) => l.startsWith('warning: ') && l.includes('not installed') && l.includes('no-such-tool-xyz'))).toBe(
      true
    )
  })

  it('does not call an ordinary exit code 127 without "not found" a missing tool', async () => {
    const result = await gate(['echo custom failure; exit 127']).run('x')
    expect(result.steps[0]).toMatchObject({ exitCode: 127, missingTool: false })
    expect(result.steps[0].tail).not.toContain('hint:')
  })

  it('falls back to POSIX sh when the gate has no bash on its PATH, and still spots a missing tool', async () => {
    const bin = path.join(dir, 'bin')
    await mkdir(bin)
    await symlink('/bin/sh', path.join(bin, 'sh'))
    const result = await gate(['echo "shell=$0"', 'no-such-tool-xyz'], { env: { PATH: bin } }).run('sh')
    expect(result.steps[0].tail).toBe('shell=sh\n')
    expect(result.steps[1]).toMatchObject({ exitCode: 127, missingTool: true })
    expect(result.steps[1].tail).toContain("hint: 'no-such-tool-xyz' is not installed")
  })

  it('kills a step at its timeout together with its background jobs and grandchildren, then runs the next step', async () => {
    const line = `sleep 1000 & echo $! > bg.pid; sh -c 'echo $$ > grandchild.pid; sleep 1000; echo never'`
    const started = Date.now()
    const result = await gate([line, 'echo after'], { timeoutMs: 1000 }).run('timeout')
    const elapsed = Date.now() - started
    const [killed, after] = result.steps
    expect(killed).toMatchObject({ ok: false, timedOut: true, exitCode: null })
    expect(killed.durationMs).toBeGreaterThanOrEqual(1000)
    expect(elapsed).toBeLessThan(10_000)
    expect(after).toMatchObject({ ok: true, tail: 'after\n' })
    const pids = [await readPid('bg.pid'), await readPid('grandchild.pid')]
    expect(pids.every((pid) => pid > 0)).toBe(true)
    expect(pids.filter(isAlive)).toEqual([])
  })

  it('does not wait for background jobs a finished step left behind, and stops them', async () => {
    const started = Date.now()
    const result = await gate(['sleep 1000 & echo $! > bg.pid; echo done']).run('leftovers')
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(result.steps[0]).toMatchObject({ ok: true, exitCode: 0, timedOut: false, tail: 'done\n' })
    expect(isAlive(await readPid('bg.pid'))).toBe(false)
  })

  it('handles binary output: a bounded, printable tail', async () => {
    const result = await gate(['head -c 300000 /dev/urandom'], { tailBytes: 4096 }).run('binary')
    const { tail, ok } = result.steps[0]
    expect(ok).toBe(true)
    expect(tail).toMatch(/^\[\.\.\. \d+ earlier bytes omitted \.\.\.\]\n/)
    expect(tail.length).toBeLessThan(4096 + 100)
    expect(tail.slice(tail.indexOf('\n') + 1)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/) // eslint-disable-line no-control-regex
  })

  it('streams all of a large output live while keeping only the end of it', async () => {
    let streamed = 0
    const result = await gate(["head -c 50000000 /dev/zero | tr '\\0' x; echo; echo LAST LINE; exit 1"], {
      tailBytes: 1024,
      onOutput: (chunk) => {
        streamed += chunk.length
      }
    }).run('big')
    const step = result.steps[0]
    expect(streamed).toBe(50_000_000 + 1 + 10)
    expect(step.exitCode).toBe(1)
    expect(step.tail.startsWith(`[... ${50_000_000 + 11 - 1024} earlier bytes omitted ...]\n`)).toBe(true)
    expect(step.tail.endsWith('x\nLAST LINE\n')).toBe(true)
  })

  it('reports each step start and end with its duration and exit code', async () => {
    const reporter = recordingReporter()
    const result = await gate(['sleep 0.3', 'exit 4'], { reporter }).run('attempt 2')
    expect(result.steps[0].durationMs).toBeGreaterThanOrEqual(300)
    expect(result.steps[1].durationMs).toBeGreaterThan(0)
    expect(result.durationMs).toBeGreaterThanOrEqual(result.steps[0].durationMs + result.steps[1].durationMs)
    expect(reporter.lines).toEqual([
      'info: gate attempt 2: step 1/2 $ sleep 0.3',
      expect.stringMatching(/^info: gate attempt 2: step 1\/2 passed \(exit code 0, \d+\.\ds\) \$ sleep 0\.3$/),
      'info: gate attempt 2: step 2/2 $ exit 4',
      expect.stringMatching(/^info: gate attempt 2: step 2\/2 FAILED \(exit code 4, \d+\.\ds\) \$ exit 4$/)
    ])
  })

  it('runs each step under the wrapper argv prefix when one is given', async () => {
    const result = await gate(['echo "wrapped=${WRAPPED:-no}"'], { wrapper: ['env', 'WRAPPED=yes'] }).run('wrapped')
    expect(result.steps[0].tail).toBe('wrapped=yes\n')
  })
})

async function realDir(): Promise<string> {
  const { realpath } = await import('node:fs/promises')
  return realpath(dir)
}

describe('a gate that runs nothing, or cannot run', () => {
  test.each([[[]], [['']], [['npm test', '   ']]])('steps %j are refused before anything runs', (steps) => {
    expect(() => gate(steps as string[])).toThrow(/no steps|is empty/)
  })

  test('a command that cannot be executed (126) is a missing tool, named with a hint', async () => {
    await writeFile(path.join(dir, 'check.sh'), '#!/bin/sh\nexit 0\n')
    const result = await gate(['./check.sh']).run('t')
    expect(result.steps[0]).toMatchObject({ exitCode: 126, ok: false, missingTool: true })
    expect(result.steps[0].tail).toMatch(/hint: '\.\/check\.sh' cannot be executed on this runner \(exit 126\)/)
  })

  test('a script that is not there (127, No such file or directory) is a missing tool', async () => {
    const result = await gate(['./no-such-script.sh']).run('t')
    expect(result.steps[0]).toMatchObject({ exitCode: 127, missingTool: true })
    expect(result.steps[0].tail).toContain("hint: './no-such-script.sh' is not installed")
  })
})
