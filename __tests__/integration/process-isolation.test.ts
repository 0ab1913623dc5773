import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readFile, readdir, realpath, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { runProcess } from '../../src/runtime/process/process-runner.js'
import {
  currentIsolationHost,
  detectIsolation,
  isolationCandidates,
  probeIsolation,
  tryIsolationCandidate,
  type IsolationCandidate,
  type SandboxLayout
} from '../../src/runtime/isolation/process-isolation.js'

const run = promisify(execFile)
const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin'

const scratch = await mkdtemp(path.join(os.tmpdir(), 'process-isolation-'))
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

// A stand-in for `sudo -n --preserve-env` with sudoers' defaults: it resets PATH (secure_path), drops
// LD_*, and sets the target user's, TERM and the SUDO_* variables. It stands in when the tests run as
// root (as here); as a user with passwordless sudo (GitHub's runners) the real sudo is used.
const fakeSudo = path.join(scratch, 'sudo')
await writeFile(
  fakeSudo,
  [
    '#!/bin/sh',
    'while [ $# -gt 0 ]; do case "$1" in --) shift; break;; -*) shift;; *) break;; esac; done',
    'exec env -u LD_PRELOAD -u LD_LIBRARY_PATH PATH=/usr/sbin:/usr/bin:/sbin:/bin USER=root LOGNAME=root HOME=/root \\',
    '  MAIL=/var/mail/root SHELL=/bin/bash TERM=unknown SUDO_USER=runner SUDO_UID=1001 SUDO_GID=1001 SUDO_COMMAND="$*" "$@"',
    ''
  ].join('\n'),
  { mode: 0o755 }
)

const host = await currentIsolationHost()
const realSudo =
  !host.root &&
  host.sudo !== undefined &&
  (await run(host.sudo, ['-n', 'true']).then(
    () => true,
    () => false
  ))
// Every way this machine supports. As root: the direct one, plus the unprivileged ones (run as root).
const allCandidates: IsolationCandidate[] = host.root
  ? [...isolationCandidates(host), ...isolationCandidates({ ...host, root: false, sudo: fakeSudo })]
  : isolationCandidates(host)
const working: IsolationCandidate[] = []
for (const candidate of allCandidates) {
  if ((await tryIsolationCandidate(candidate)) === undefined) working.push(candidate)
}

/** Host processes whose whole argv is `argv` (seen from here, outside any namespace). */
async function processesRunning(argv: string[]): Promise<string[]> {
  const wanted = argv.map((arg) => `${arg}\0`).join('')
  const found: string[] = []
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      if ((await readFile(`/proc/${entry}/cmdline`, 'utf8')) === wanted) found.push(entry)
    } catch {
      // Gone meanwhile.
    }
  }
  return found
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/**
 * Plays the action: a process started with a canary in its environment (as the action starts with
 * its token), which runs `argv` with an environment that does not hold the canary. The child looks for
 * the canary in every /proc/<pid>/environ it can see and lists the /proc it sees.
 */
async function snoopFromChild(wrapper: string[]): Promise<{ parentPid: number; seen: string[]; leaks: string[] }> {
  const canary = `canary-${randomBytes(12).toString('hex')}`
  const snoop =
    'for p in /proc/[0-9]*; do echo "seen=${p#/proc/}"; done; grep -l -a -F -e "$1" /proc/[0-9]*/environ 2>/dev/null | sed "s/^/leak=/"; exit 0'
  const parentScript = `
    const { spawn } = await import('node:child_process')
    const argv = JSON.parse(process.argv[1])
    const env = { ...process.env }
    delete env.CANARY
    const child = spawn(argv[0], argv.slice(1), { env, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk) => { out += chunk })
    child.on('close', () => process.stdout.write(JSON.stringify({ pid: process.pid, out })))
  `
  const argv = [...wrapper, '/bin/sh', '-c', snoop, 'snoop', canary]
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', parentScript, JSON.stringify(argv)], {
    env: { PATH: SYSTEM_PATH, CANARY: canary }
  })
  const { pid, out } = JSON.parse(stdout) as { pid: number; out: string }
  const lines = out.split('\n')
  return {
    parentPid: pid,
    seen: lines.filter((line) => line.startsWith('seen=')).map((line) => line.slice(5)),
    leaks: lines.filter((line) => line.startsWith('leak=')).map((line) => line.slice(5))
  }
}

describe('without isolation (the threat this module exists for)', () => {
  it('a child reads the canary from its parent through /proc/<parent>/environ', async () => {
    const { parentPid, seen, leaks } = await snoopFromChild([])
    expect(seen).toContain(String(parentPid))
    expect(leaks).toContain(`/proc/${parentPid}/environ`)
  })
})

describe('probeIsolation', () => {
  const itWhereSupported = host.unshare !== undefined && (host.root || realSudo) ? it : it.skip
  itWhereSupported('finds a wrapper on this machine (root, or passwordless sudo), once', async () => {
    const first = await probeIsolation()
    expect(first.wrapper).toEqual(working[0].wrapper)
    expect(await probeIsolation()).toBe(first)
  })

  it('says why when unshare is missing', async () => {
    expect(await detectIsolation({ root: false, uid: 1000, gid: 1000 })).toEqual({
      wrapper: undefined,
      reason: 'unshare (util-linux) is not installed in the system directories'
    })
  })

  it('names every way it tried when none works', async () => {
    const tools = {
      setpriv: '/bin/false',
      mount: '/bin/false',
      umount: '/bin/false',
      mkdir: '/bin/false',
      chown: '/bin/false',
      chmod: '/bin/false'
    }
    const result = await detectIsolation({ root: false, uid: 1000, gid: 1000, unshare: '/bin/false', sh: '/bin/sh', ...tools })
    expect(result.wrapper).toBeUndefined()
    expect(result).toMatchObject({ reason: expect.stringMatching(/map-current-user: exit 1; sudo is not installed/) })
    // A user namespace cannot drop a supplementary group (docker): not even tried then.
    const grouped = await detectIsolation({
      root: false,
      uid: 1000,
      gid: 1000,
      unshare: '/bin/false',
      sh: '/bin/sh',
      supplementaryGroups: true,
      ...tools
    })
    expect(grouped).toMatchObject({ reason: expect.stringMatching(/sudo is not installed; a user namespace cannot drop/) })
  })

  it('says which tool is missing from the system directories', async () => {
    expect(await detectIsolation({ root: true, uid: 0, gid: 0, unshare: '/usr/bin/unshare', sh: '/bin/sh' })).toEqual({
      wrapper: undefined,
      reason: 'setpriv, mount, umount, mkdir, chown, chmod not found (or not trustworthy) in the system directories'
    })
  })

  itWhereSupported('supports the sudo way here (the direct way too as root)', () => {
    const expected = host.root ? ['unshare', 'sudo unshare, setpriv'] : ['sudo unshare, setpriv']
    expect(working.map((candidate) => candidate.method)).toEqual(expect.arrayContaining(expected))
  })
})

describe.each(working.map((candidate) => [candidate.method, candidate] as const))('isolated with %s', (_method, candidate) => {
  it('hides the parent: its pid is not in the child /proc and no visible environ holds its canary', async () => {
    const { parentPid, seen, leaks } = await snoopFromChild(candidate.wrapper)
    expect(seen).not.toContain(String(parentPid))
    expect(seen).not.toContain(String(process.pid))
    expect(seen.length).toBeLessThan(10)
    expect(leaks).toEqual([])
  })

  it('gives the child exactly its own environment, its working directory and its stdin', async () => {
    const cwd = await realpath(scratch)
    const env = { PATH: SYSTEM_PATH, HOME: '/home/tester', FOO: 'bar baz', QUOTED: `it's "two"\nlines $HOME`, LD_LIBRARY_PATH: '/opt/lib' }
    const outcome = await runProcess({
      file: '/bin/sh',
      args: ['-c', 'printf "cwd=%s\\n" "$(pwd)"; read -r line; printf "stdin=%s\\n" "$line"; env -0 | base64 -w0'],
      cwd,
      env,
      stdin: 'the prompt\n',
      wrapper: candidate.wrapper,
      tailBytes: 1 << 20,
      timeoutMs: 20_000
    })
    expect(outcome.exitCode).toBe(0)
    const [cwdLine, stdinLine, encoded] = outcome.tail.split('\n')
    expect(cwdLine).toBe(`cwd=${cwd}`)
    expect(stdinLine).toBe('stdin=the prompt')
    const seenEnv = Object.fromEntries(
      Buffer.from(encoded, 'base64')
        .toString('utf8')
        .split('\0')
        .filter((entry) => entry !== '')
        .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)])
    )
    // The shell the command runs in adds PWD (the directory it is in), as any shell would.
    delete seenEnv.PWD
    expect(seenEnv).toEqual(env)
  })

  it('passes exit codes through', async () => {
    const exit = (code: number) =>
      runProcess({
        file: '/bin/sh',
        args: ['-c', `exit ${code}`],
        cwd: scratch,
        env: { PATH: SYSTEM_PATH },
        wrapper: candidate.wrapper,
        tailBytes: 4096
      })
    expect((await exit(0)).exitCode).toBe(0)
    expect((await exit(7)).exitCode).toBe(7)
    const missing = await runProcess({
      file: 'no-such-tool-here',
      args: [],
      cwd: scratch,
      env: { PATH: SYSTEM_PATH },
      wrapper: candidate.wrapper,
      tailBytes: 4096
    })
    expect(missing.exitCode).toBe(127)
  })

  it('a timeout that kills the wrapper group kills the child, even parts that ignore SIGTERM or left the group', async () => {
    const marker = `98${randomBytes(3).readUIntBE(0, 3)}.5`
    const script = `(trap '' TERM; exec sleep ${marker}) & setsid sh -c "trap '' TERM; exec sleep ${marker}" & wait`
    const outcome = runProcess({
      file: '/bin/sh',
      args: ['-c', script],
      cwd: scratch,
      env: { PATH: SYSTEM_PATH },
      wrapper: candidate.wrapper,
      tailBytes: 4096,
      timeoutMs: 1500,
      killGraceMs: 300
    })
    // Both sleeps run (seen from here, outside the namespace) before the timeout hits.
    await waitFor('both sleeps to start', async () => ((await processesRunning(['sleep', marker])).length === 2 ? true : undefined))

    const ended = await outcome
    expect(ended.timedOut).toBe(true)
    await waitFor('every sleep to be gone', async () => ((await processesRunning(['sleep', marker])).length === 0 ? true : undefined), 5000)
  })
})

/**
 * What the child sees of the file system and what it can do, with a layout like a runner's: a work
 * tree, HOME, RUNNER_TEMP holding file commands and the run directory. Every way that works here
 * (as root: the direct one and the sudo one with a stand-in sudo). Each check is an attack that
 * works without the sandbox (the old wrapper, a PID namespace alone: see the last test).
 */
async function sandboxLayout(hostedLike = false): Promise<{ layout: SandboxLayout; base: string }> {
  const base = await realpath(await mkdtemp(path.join(scratch, 'layout-')))
  // As on GitHub's runners: the work tree and RUNNER_TEMP inside HOME (/home/runner/work/...).
  const home = path.join(base, 'home')
  const work = hostedLike ? path.join(home, 'work', 'repo', 'repo') : path.join(base, 'work')
  const runnerTemp = hostedLike ? path.join(home, 'work', '_temp') : path.join(base, 'runner-temp')
  for (const dir of [work, path.join(home, '.config'), path.join(runnerTemp, '_runner_file_commands'), path.join(runnerTemp, 'run')])
    await mkdir(dir, { recursive: true })
  await writeFile(path.join(home, '.gitconfig'), '[user]\n\tname = runner\n')
  await writeFile(path.join(runnerTemp, '_runner_file_commands', 'set_env_1'), '')
  await writeFile(path.join(runnerTemp, 'git-credentials-1.config'), 'secret\n')
  await writeFile(path.join(runnerTemp, 'run', 'prompt-1.md'), 'the prompt\n')
  // The runner's installation, its credentials readable by its user: hidden.
  const runnerDir = path.join(home, 'actions-runner')
  await mkdir(path.join(runnerDir, '_diag'), { recursive: true })
  await writeFile(path.join(runnerDir, '.credentials'), 'runner-credential\n')
  return { layout: { workTree: work, home, runnerTemp, reveal: [path.join(runnerTemp, 'run')], hide: [runnerDir] }, base }
}

const ATTACKS = [
  'echo "uid=$(id -u)"',
  'grep -E "^(NoNewPrivs|CapEff|CapBnd|Groups):" /proc/self/status',
  'echo work > work.txt && echo "work-write ok"',
  'echo "[alias] x = !evil" >> "$HOME/.gitconfig" && echo "home-write ok"',
  'mkdir -p "$HOME/.local/bin" && echo evil > "$HOME/.local/bin/git" && echo "home-plant ok"',
  'cat "$HOME/.config/../.gitconfig" >/dev/null && echo "home-read ok"',
  'ls -A "$RUNNER_TEMP" | sed "s/^/runner-temp: /"',
  'cat "$RUNNER_TEMP/run/prompt-1.md" && echo "reveal-read ok"',
  '(echo more >> "$RUNNER_TEMP/run/prompt-1.md") 2>/dev/null && echo "reveal-write DONE" || echo "reveal-write refused"',
  '(echo BASH_ENV=/x >> "$RUNNER_TEMP/_runner_file_commands/set_env_1") 2>/dev/null && echo "file-command DONE" || echo "file-command refused"',
  'echo x > /tmp/left-behind && echo "tmp-write ok"',
  '(echo x > "$OUTSIDE/outside.txt") 2>/dev/null && echo "outside-write DONE" || echo "outside-write refused"',
  '(echo x > /dev/shm/left-behind) 2>/dev/null && echo "shm-write ok"',
  '(echo "|/bin/sh" > /proc/sys/kernel/core_pattern) 2>/dev/null && echo "sysctl DONE" || echo "sysctl refused"',
  '(umount -l /proc) 2>/dev/null && echo "umount DONE" || echo "umount refused"',
  '(mount -t tmpfs x "$HOME") 2>/dev/null && echo "mount DONE" || echo "mount refused"',
  '(cat "$HOME/actions-runner/.credentials") 2>/dev/null || echo "runner-credentials hidden"'
].join('\n')

describe.each(working.filter((c) => !c.method.includes('--user')).map((candidate) => [candidate.method] as const))(
  'the sandbox, set up by %s',
  (method) => {
    it.each([
      ['side by side', false],
      ['the work tree and RUNNER_TEMP inside HOME, as on GitHub', true]
    ])(
      '%s: keeps the work tree writable, HOME throwaway, RUNNER_TEMP hidden but the run directory (read-only), the rest read-only, and no privilege',
      async (_name, hostedLike) => {
        const { layout, base } = await sandboxLayout(hostedLike)
        const outside = path.join(base, 'outside')
        await mkdir(outside)
        const candidates = host.root
          ? [...isolationCandidates(host, layout), ...isolationCandidates({ ...host, root: false, sudo: fakeSudo }, layout)]
          : isolationCandidates(host, layout)
        const candidate = candidates.find((c) => c.method === method) as IsolationCandidate
        expect(await tryIsolationCandidate(candidate, layout.workTree)).toBeUndefined()
        const before = await readFile(path.join(layout.runnerTemp as string, '_runner_file_commands', 'set_env_1'), 'utf8')
        const outcome = await runProcess({
          file: '/bin/sh',
          args: ['-c', ATTACKS],
          cwd: layout.workTree,
          env: { PATH: SYSTEM_PATH, HOME: layout.home, RUNNER_TEMP: layout.runnerTemp, OUTSIDE: outside },
          wrapper: candidate.wrapper,
          tailBytes: 1 << 20,
          timeoutMs: 20_000
        })
        const out = outcome.tail
        expect(outcome.exitCode).toBe(0)
        expect(out).toMatch(/NoNewPrivs:\s*1/)
        expect(out).toMatch(/CapEff:\s*0+\n/)
        expect(out).toMatch(/CapBnd:\s*0+\n/)
        expect(out).toMatch(/Groups:\s*\n/)
        for (const ok of [
          'work-write ok',
          'home-write ok',
          'home-plant ok',
          'home-read ok',
          'reveal-read ok',
          'the prompt',
          'tmp-write ok',
          'shm-write ok'
        ])
          expect(out).toContain(ok)
        for (const refused of [
          'reveal-write refused',
          'file-command refused',
          'outside-write refused',
          'sysctl refused',
          'umount refused',
          'mount refused'
        ])
          expect(out).toContain(refused)
        // RUNNER_TEMP shows only the run directory (the credentials file, the file commands are gone).
        expect(out.split('\n').filter((line) => line.startsWith('runner-temp: '))).toEqual(['runner-temp: run'])

        // After: the work tree kept its change; nothing else did.
        expect(await readFile(path.join(layout.workTree, 'work.txt'), 'utf8')).toBe('work\n')
        expect(await readFile(path.join(base, 'home', '.gitconfig'), 'utf8')).toBe('[user]\n\tname = runner\n')
        expect(await readdir(layout.home as string)).toEqual(
          hostedLike ? ['.config', '.gitconfig', 'actions-runner', 'work'] : ['.config', '.gitconfig', 'actions-runner']
        )
        expect(await readFile(path.join(layout.runnerTemp as string, '_runner_file_commands', 'set_env_1'), 'utf8')).toBe(before)
        expect(await readFile(path.join(layout.runnerTemp as string, 'run', 'prompt-1.md'), 'utf8')).toBe('the prompt\n')
        expect(await readdir(outside)).toEqual([])
        await expect(readFile('/tmp/left-behind')).rejects.toThrow()
        await expect(readFile('/dev/shm/left-behind')).rejects.toThrow()
      }
    )
  }
)

describe('without the sandbox (the positive control: a PID namespace alone, as before)', () => {
  const itAsRoot = host.root && host.unshare !== undefined ? it : it.skip
  itAsRoot('the same attacks succeed: HOME, the file commands and files outside the work tree are written', async () => {
    const { layout, base } = await sandboxLayout()
    const outside = path.join(base, 'outside')
    await mkdir(outside)
    // The weakened wrapper mounts nothing and keeps privilege; core_pattern is not touched (it is the host's).
    const candidate = isolationCandidates(host, layout, { mounts: true, privilege: true })[0]
    const outcome = await runProcess({
      file: '/bin/sh',
      args: ['-c', ATTACKS.replace(/\n.*core_pattern.*\n/, '\n')],
      cwd: layout.workTree,
      env: { PATH: SYSTEM_PATH, HOME: layout.home, RUNNER_TEMP: layout.runnerTemp, OUTSIDE: outside },
      wrapper: candidate.wrapper,
      tailBytes: 1 << 20,
      timeoutMs: 20_000
    })
    expect(outcome.tail).toContain('runner-credential')
    for (const done of ['file-command DONE', 'outside-write DONE', 'reveal-write DONE']) expect(outcome.tail).toContain(done)
    expect(await readFile(path.join(base, 'home', '.gitconfig'), 'utf8')).toContain('evil')
    expect(await readFile(path.join(layout.runnerTemp as string, '_runner_file_commands', 'set_env_1'), 'utf8')).toContain('BASH_ENV=/x')
    await rm('/tmp/left-behind', { force: true })
    await rm('/dev/shm/left-behind', { force: true })
  })
})
