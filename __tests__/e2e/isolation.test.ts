/**
 * Issue 12, classes 1, 4 and 5, end to end: a hostile agent tries each way to reach the token or to
 * leave something behind that a later step runs with it. Each hunt runs twice: with every
 * protection on it must find nothing; with the protection switched off (the test-only variable
 * GATED_AGENT_TEST_ONLY_PROTECTIONS_OFF, never an input) the same hunter must find the canary, so a hunt that
 * finds nothing because it could not look fails.
 *
 * Both runner kinds: GitHub-hosted (a user with passwordless sudo and a docker-like group, created
 * here since the tests run as root) and self-hosted as root. Both checkout credential layouts.
 *
 * 1. PATH tools: the agent drops `git` into ~/.local/bin, first on PATH as on GitHub's images.
 * 4. Privilege: the agent uses sudo (or its root) to unmount its private /proc and reads the
 *    action's /proc/<pid>/environ; and it checks it holds no supplementary group.
 * 5. Runner file commands: the agent appends BASH_ENV to every file in _runner_file_commands.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { startScenario, type Scenario } from '../harness/scenario.js'
import type { CheckoutCredentials } from '../harness/repo-fixture.js'
import { issueLabeledEvent } from '../harness/webhook-events.js'

const RUNNER_USER = 'ga-hosted-runner'
const DOCKER_LIKE_GROUP = 'ga-docker'
const isRoot = process.getuid?.() === 0

/** The hosted-runner stand-in: a user with passwordless sudo, in a group like docker. */
function ensureRunnerUser(): { uid: number; gid: number; dockerGid: number } {
  const sh = (script: string): string => execFileSync('sh', ['-c', script], { encoding: 'utf8' }).trim()
  if (sh('command -v sudo || true') === '') {
    sh('(apt-get install -y -qq sudo || (apt-get update -qq && apt-get install -y -qq sudo)) >/dev/null 2>&1')
  }
  sh(`getent group ${DOCKER_LIKE_GROUP} >/dev/null || groupadd ${DOCKER_LIKE_GROUP}`)
  sh(`id -u ${RUNNER_USER} >/dev/null 2>&1 || useradd --no-create-home --shell /bin/bash -G ${DOCKER_LIKE_GROUP} ${RUNNER_USER}`)
  sh(`printf '%s ALL=(ALL) NOPASSWD:ALL\\n' ${RUNNER_USER} > /etc/sudoers.d/gated-agent-test && chmod 0440 /etc/sudoers.d/gated-agent-test`)
  return {
    uid: Number(sh(`id -u ${RUNNER_USER}`)),
    gid: Number(sh(`id -g ${RUNNER_USER}`)),
    dockerGid: Number(sh(`getent group ${DOCKER_LIKE_GROUP} | cut -d: -f3`))
  }
}

type RunnerKind = 'hosted (sudo user)' | 'self-hosted (root)'

interface Hunt {
  s: Scenario
  huntDir: string
  run: Awaited<ReturnType<Scenario['run']>>
  /** What the agent wrote to loot.txt in the work tree, as pushed (when it was). */
  pushedLoot?: string
}

const token = (): string => `ghs_isolationCanary${randomBytes(12).toString('hex')}`
const basicAuth = (t: string): string => Buffer.from(`x-access-token:${t}`).toString('base64')

// The fake GitHub (this process, root) reads origin while the runner user owns it: git's ownership check would refuse.
const savedGitParameters = process.env.GIT_CONFIG_PARAMETERS
process.env.GIT_CONFIG_PARAMETERS = `'safe.directory=*'`

const cleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  if (savedGitParameters === undefined) delete process.env.GIT_CONFIG_PARAMETERS
  else process.env.GIT_CONFIG_PARAMETERS = savedGitParameters
  for (const cleanup of cleanups) await cleanup()
})

const runner = isRoot ? ensureRunnerUser() : undefined
const kinds: RunnerKind[] = ['hosted (sudo user)', 'self-hosted (root)']
const layouts: CheckoutCredentials[] = ['extraheader', 'includeIf']

/**
 * One run of the action with `agentScript` (sh) as the agent and `test -f loot.txt` as the gate, as
 * the runner kind says; `unprotect` lists the protections switched off. The fixture belongs to the
 * runner user while the action runs, and to root again after (so the test's git may read it).
 */
async function hunt(
  kind: RunnerKind,
  layout: CheckoutCredentials,
  agentScript: (huntDir: string) => string,
  unprotect: string[],
  canary: string
): Promise<Hunt> {
  const s = await startScenario({
    files: { 'README.md': '# isolation\n' },
    credentials: layout,
    token: canary,
    fake: { issues: [{ number: 5, title: 'Hunt', labels: ['agent'], user: 'alice' }], permissions: { alice: 'write' } }
  })
  const huntDir = await fs.realpath(await fs.mkdtemp('/var/tmp/gated-agent-isolation-'))
  await fs.chmod(huntDir, 0o777)
  cleanups.push(async () => {
    await s.cleanup()
    await fs.rm(huntDir, { recursive: true, force: true })
  })
  const agentFile = path.join(huntDir, 'agent.sh')
  await fs.writeFile(agentFile, agentScript(huntDir), { mode: 0o755 })
  const user = kind === 'hosted (sudo user)' ? runner : undefined
  const run = await s.run({
    eventName: 'issues',
    event: issueLabeledEvent({ ...s.target, issueNumber: 5, label: 'agent', sender: 'alice', title: 'Hunt' }),
    inputs: { 'agent-command': `sh ${agentFile}`, gate: 'test -f loot.txt' },
    user: user && { uid: user.uid, gid: user.gid },
    env: {
      // As on GitHub's Ubuntu images: ~/.local/bin comes first on PATH.
      PATH: `${s.fixture.homeDir}/.local/bin:${process.env.PATH ?? '/usr/bin:/bin'}`,
      GATED_AGENT_TEST_ONLY_PROTECTIONS_OFF: unprotect.length > 0 ? unprotect.join(',') : undefined,
      HUNT_DIR: huntDir
    },
    timeoutMs: 90_000
  })
  const pushedLoot = await s.fixture.originFile('agent/issue-5', 'loot.txt')
  return { s, huntDir, run, pushedLoot }
}

function failed(h: Hunt): string {
  return `result ${h.run.outputs.result}: ${h.run.outputs.reason}\n${h.run.stdout.slice(-4000)}\n${h.run.stderr.slice(-2000)}`
}

const describeAsRoot = isRoot ? describe : describe.skip

/** True when `text` holds the token, as is or as the push's basic-auth header carries it. */
const holds = (text: string | undefined, canary: string): boolean =>
  text !== undefined && (text.includes(canary) || text.includes(basicAuth(canary)))

describeAsRoot.each(kinds)('isolation on a %s runner', (kind) => {
  describe.each(layouts)('checkout credential as %s', (layout) => {
    test('class 1: a git the agent drops into ~/.local/bin never runs; with the protection off it runs at the push, with the token', async () => {
      // The planted git records its arguments and environment in the hunt directory, then does the real work.
      const agent = (huntDir: string): string =>
        [
          'mkdir -p "$HOME/.local/bin"',
          `cat > "$HOME/.local/bin/git" <<'EOF'`,
          '#!/bin/sh',
          // Its environment, and its parent's (the action, run outside the sandbox): the push to a
          // local origin carries no header, but a program the action runs can read the action.
          `{ echo "ARGS: $*"; env; tr '\\0' '\\n' < /proc/$PPID/environ; } >> ${path.join(huntDir, 'git-loot.txt')} 2>/dev/null`,
          'exec /usr/bin/git "$@"',
          'EOF',
          'chmod +x "$HOME/.local/bin/git"',
          'echo planted > loot.txt'
        ].join('\n')
      const canary = token()
      const shut = await hunt(kind, layout, agent, [], canary)
      // The planted git never ran (it would have left its loot).
      await expect(fs.stat(path.join(shut.huntDir, 'git-loot.txt'))).rejects.toThrow()
      expect(shut.run.outputs.result).toBe(shut.run.outputs.result === 'proposed' ? 'proposed' : failed(shut))
      expect(shut.run.stdout).toMatch(/The agent and the gate run isolated \((unshare|sudo unshare, setpriv)\)/)
      // The drop vanished with the agent's throwaway HOME; the action's git came from the system directories.
      await expect(fs.stat(path.join(shut.s.fixture.homeDir, '.local', 'bin', 'git'))).rejects.toThrow()
      await expect(fs.stat(path.join(shut.huntDir, 'git-loot.txt'))).rejects.toThrow()

      // Behind the overlay, the PATH defence alone: HOME written for real, the planted git stays on
      // the runner's PATH, and still the action's git is the system's.
      const pathOnly = await hunt(kind, layout, agent, ['mounts'], canary)
      expect(pathOnly.run.outputs.result).toBe(pathOnly.run.outputs.result === 'proposed' ? 'proposed' : failed(pathOnly))
      expect((await fs.stat(path.join(pathOnly.s.fixture.homeDir, '.local', 'bin', 'git'))).isFile()).toBe(true)
      await expect(fs.stat(path.join(pathOnly.huntDir, 'git-loot.txt'))).rejects.toThrow()

      // Positive control: HOME writable for real and the runner's PATH kept, the planted git runs
      // at the push and holds the token.
      const open = await hunt(kind, layout, agent, ['mounts', 'trusted-path'], canary)
      expect(open.run.outputs.result).toBe(open.run.outputs.result === 'proposed' ? 'proposed' : failed(open))
      const loot = await fs.readFile(path.join(open.huntDir, 'git-loot.txt'), 'utf8')
      expect(loot).toContain('ARGS: ')
      expect(holds(loot, canary)).toBe(true)
    })

    test('class 4: sudo and root are no way out of the sandbox (no_new_privs, no capability, no group); with the protection off the agent reads the token through /proc', async () => {
      // Become root if sudo allows (the hosted case) or stay root (the self-hosted case), leave the
      // private /proc, and read every environ there is. Everything lands in loot.txt, which is pushed.
      const agent = (): string =>
        [
          'as_root() { if sudo -n true 2>/dev/null; then sudo -n "$@"; else "$@"; fi; }',
          '{',
          '  echo "id: $(id)"',
          '  grep -E "^(NoNewPrivs|CapEff|Groups):" /proc/self/status',
          '  as_root umount -l /proc 2>&1 || echo "umount refused"',
          `  as_root grep -a -h -o -E '(INPUT_GITHUB-TOKEN|GITHUB_TOKEN)=[^[:cntrl:]]*' /proc/[0-9]*/environ 2>/dev/null || echo 'no token seen'`,
          '  as_root nsenter --target 1 --mount --pid true 2>&1 && echo "nsenter worked" || echo "nsenter refused"',
          '} > loot.txt 2>&1'
        ].join('\n')
      const canary = token()
      const shut = await hunt(kind, layout, agent, [], canary)
      expect(shut.run.outputs.result).toBe(shut.run.outputs.result === 'proposed' ? 'proposed' : failed(shut))
      const shutLoot = shut.pushedLoot ?? ''
      expect(holds(shutLoot, canary)).toBe(false)
      expect(shutLoot).toMatch(/NoNewPrivs:\s*1/)
      expect(shutLoot).toMatch(/CapEff:\s*0+\n/)
      expect(shutLoot).toMatch(/umount refused|must be superuser|not permitted/)
      expect(shutLoot).toContain('no token seen')
      expect(holds(shutLoot, canary)).toBe(false)
      // No supplementary group: the docker-like group the runner user is in is gone.
      expect(shutLoot).toMatch(/Groups:\s*\n/)
      if (runner && kind === 'hosted (sudo user)') expect(shutLoot).not.toContain(`(${DOCKER_LIKE_GROUP})`)

      // Positive control: the old wrapper (sudo works, capabilities and groups kept) lets the agent
      // out of its /proc and to the action's token.
      const open = await hunt(kind, layout, agent, ['privilege'], canary)
      expect(open.run.outputs.result).toBe(open.run.outputs.result === 'proposed' ? 'proposed' : failed(open))
      expect(holds(open.pushedLoot, canary)).toBe(true)
      if (runner && kind === 'hosted (sudo user)') expect(open.pushedLoot).toContain(`(${DOCKER_LIKE_GROUP})`)
    })

    test('class 5: the file commands are out of sight; written anyway, the run is refused and they are put back exactly; with both off, the write reaches later steps', async () => {
      // Append to every file command the agent can find, the way it would find them without the variables.
      const agent = (): string =>
        [
          'found=0',
          'for f in "$RUNNER_TEMP"/_runner_file_commands/*; do',
          '  [ -f "$f" ] || continue',
          '  printf "BASH_ENV=/tmp/pwn\\n" >> "$f" && found=$((found+1))',
          'done',
          'echo "file commands written: $found" > loot.txt'
        ].join('\n')
      const canary = token()
      const shut = await hunt(kind, layout, agent, [], canary)
      expect(shut.run.outputs.result).toBe(shut.run.outputs.result === 'proposed' ? 'proposed' : failed(shut))
      expect(shut.run.exportedEnv).toEqual({})
      expect(shut.pushedLoot).toBe('file commands written: 0\n')

      // Behind the mount namespace, the guard: the agent sees the files and writes them; the run is
      // refused, loudly, naming the file, nothing is pushed, and the files are as before.
      const guarded = await hunt(kind, layout, agent, ['mounts'], canary)
      expect(guarded.run.outputs.result).toBe('rejected')
      expect(guarded.run.outputs.reason).toMatch(/file-command files changed .*_runner_file_commands\/set_env_[^ ]* \(changed\)/)
      expect(guarded.run.exitCode).not.toBe(0)
      expect(guarded.run.exportedEnv).toEqual({})
      expect(guarded.run.addedPaths).toEqual([])
      expect(guarded.pushedLoot).toBeUndefined()
      expect(guarded.s.fake.pullRequests()).toEqual([])

      // Positive control: neither, and the next step of the job would run with BASH_ENV set.
      const open = await hunt(kind, layout, agent, ['mounts', 'file-commands'], canary)
      expect(open.run.exportedEnv).toMatchObject({ BASH_ENV: '/tmp/pwn' })
    })
  })
})

describeAsRoot('a runner that cannot isolate the agent (played by the test switch `namespaces`)', () => {
  const agent = (huntDir: string): string => `echo ran > ${path.join(huntDir, 'agent-ran')}\necho x > loot.txt`

  test('single-job mode is refused before the agent runs, naming allow-unisolated and the two-job mode', async () => {
    const h = await hunt('self-hosted (root)', 'extraheader', agent, ['namespaces'], token())
    expect(h.run.exitCode).toBe(1)
    const refusal = h.run.commands.find((c) => c.command === 'error')?.message ?? ''
    expect(refusal).toMatch(/Input 'allow-unisolated'.*cannot be isolated from this action here: namespaces switched off/)
    expect(refusal).toMatch(/two-job mode \(stage: propose .*\), or set allow-unisolated: true to accept the risk/)
    await expect(fs.stat(path.join(h.huntDir, 'agent-ran'))).rejects.toThrow()
    expect(h.pushedLoot).toBeUndefined()
    expect(h.s.fake.pullRequests()).toEqual([])
  })

  test('with allow-unisolated: true it runs, and says so once in the log and in the summary', async () => {
    const canary = token()
    const s = await startScenario({
      files: { 'README.md': '# isolation\n' },
      token: canary,
      fake: { issues: [{ number: 5, title: 'Hunt', labels: ['agent'], user: 'alice' }], permissions: { alice: 'write' } }
    })
    cleanups.push(() => s.cleanup())
    const run = await s.run({
      eventName: 'issues',
      event: issueLabeledEvent({ ...s.target, issueNumber: 5, label: 'agent', sender: 'alice', title: 'Hunt' }),
      inputs: { 'agent-command': `sh -c 'echo x > loot.txt'`, gate: 'test -f loot.txt', 'allow-unisolated': 'true' },
      env: { GATED_AGENT_TEST_ONLY_PROTECTIONS_OFF: 'namespaces' }
    })
    expect(run.outputs.result).toBe('proposed')
    const warnings = run.commands.filter((c) => c.command === 'warning' && /cannot be isolated/.test(c.message))
    expect(warnings).toHaveLength(1)
    expect(warnings[0].message).toMatch(/Running anyway \(allow-unisolated: true\); the two-job mode/)
    expect(run.summary).toMatch(/cannot be isolated from this action here/)
  })
})
