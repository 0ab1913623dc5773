/**
 * The publish job's front-end (src/action/publish.ts, `stage: publish`) with the GitHub API fake
 * and real git: a bare origin, the base checkout, and change bundles written by the real writer,
 * honest and forged.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fakeActionsCore } from '../fakes/fake-actions-core.js'
import { FakeGitHubApi } from './github-fake-api.js'
import type { GateResult } from '../../src/core/types.js'

const core = fakeActionsCore()
jest.unstable_mockModule('@actions/core', () => core.module)
const { runPublish } = await import('../../src/action/publish.js')
const { writeChangeBundle } = await import('../../src/runtime/bundle/change-bundle.js')
const { actionSettings, recordingLog, runnerContext } = await import('./action-front-end.js')
type BundleContent = import('../../src/runtime/bundle/change-bundle.js').BundleContent

let dir: string
let origin: string
let work: string
let base: string
let patch: Buffer
let tree: string

const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: gitEnv }).toString().trim()
const gitBytes = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: gitEnv })
const commitArgs = ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm']

beforeEach(async () => {
  core.reset()
  dir = await mkdtemp(path.join(os.tmpdir(), 'gated-agent-publish-'))
  const seed = path.join(dir, 'seed')
  await mkdir(path.join(seed, 'src'), { recursive: true })
  git(seed, 'init', '-q', '-b', 'main')
  await writeFile(path.join(seed, 'src', 'flag.ts'), 'export const flag = false\n')
  git(seed, 'add', '-A')
  git(seed, ...commitArgs, 'initial')
  base = git(seed, 'rev-parse', 'HEAD')
  // The propose job's change, as git diffs it.
  await writeFile(path.join(seed, 'src', 'flag.ts'), 'export const flag = true\n')
  patch = gitBytes(seed, 'diff', '--binary')
  // The tree the gate judged: the base plus the change.
  git(seed, 'add', '-A')
  tree = git(seed, 'write-tree')
  git(seed, 'reset', '-q')
  git(seed, 'checkout', '-q', '--', '.')
  origin = path.join(dir, 'origin.git')
  git(dir, 'clone', '-q', '--bare', seed, origin)
  work = path.join(dir, 'work')
  git(dir, 'clone', '-q', origin, work)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const green: GateResult = { ok: true, durationMs: 10, steps: [] }

function content(over: Partial<BundleContent> = {}): BundleContent {
  return {
    repository: 'octo-org/octo-repo',
    job: 'issue-to-pr',
    task: { kind: 'issue', number: 12 },
    base: { sha: base, branch: 'main' },
    branch: 'agent/issue-12',
    title: 'Agent: Add a flag',
    body: 'ignored: the publisher renders its own',
    attempts: [{ number: 1, agent: { exitCode: 0, durationMs: 5, timedOut: false }, gate: green }],
    lastGate: green,
    paths: [{ path: 'src/flag.ts', status: 'modified' }],
    tree,
    ...over
  }
}

async function publish(options: { bundle?: Partial<BundleContent> | null; issue?: number; inputs?: Record<string, string> } = {}) {
  const bundleDir = path.join(dir, 'bundle')
  const written = options.bundle !== null ? await writeChangeBundle(bundleDir, content(options.bundle), patch) : undefined
  const api = new FakeGitHubApi()
  const { log, text } = recordingLog()
  // The propose job's bundle-digest output, handed on as the workflow does (a placeholder without a bundle).
  const digest = written?.digest ?? `sha256:${'0'.repeat(64)}`
  const settings = actionSettings({ stage: 'publish', 'bundle-path': bundleDir, 'bundle-digest': digest, ...options.inputs })
  const context = runnerContext({
    eventName: 'issues',
    payload: { issue: { number: options.issue ?? 12 } },
    workspace: work,
    runnerTemp: dir
  })
  const outcome = await runPublish(settings, context, { api, log })
  const originBranches = git(origin, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/').split('\n')
  return { outcome, api, text, originBranches }
}

describe('an honest bundle', () => {
  it('becomes one commit on the task’s branch on origin, a draft PR, and the issue’s comment', async () => {
    const { outcome, api, originBranches } = await publish()
    expect(outcome).toMatchObject({ result: 'proposed', branch: 'agent/issue-12', prNumber: 1 })
    expect(originBranches).toEqual(['agent/issue-12', 'main'])
    expect(git(origin, 'show', 'agent/issue-12:src/flag.ts')).toBe('export const flag = true')
    expect(git(origin, 'rev-parse', 'agent/issue-12^')).toBe(base)
    expect(git(origin, 'log', '-1', '--format=%an', 'agent/issue-12')).toBe('github-actions[bot]')
    expect(api.pulls).toHaveLength(1)
    expect(api.pulls[0]).toMatchObject({ head: 'agent/issue-12', base: 'main', draft: true, title: 'Agent: Add a flag' })
    expect(api.pulls[0].body).not.toContain('ignored: the publisher renders its own')
    const [comment] = api.comments.get(12) ?? []
    expect(comment.body).toContain('Gated Agent: `proposed`')
  })

  it('on a dry run: verified, nothing pushed, no pull request, no comment', async () => {
    const { outcome, api, originBranches } = await publish({ inputs: { 'dry-run': 'true' } })
    expect(outcome.result).toBe('proposed')
    expect(outcome.reason).toMatch(/^Dry run: the change bundle is verified/)
    expect(originBranches).toEqual(['main'])
    expect(api.calls.filter((c) => /^(create|update)/.test(c))).toEqual([])
  })
})

describe('a forged or missing bundle', () => {
  it('a bundle for another issue than the event names: refused, nothing pushed, and only the event’s issue is told', async () => {
    const { outcome, api, originBranches } = await publish({ issue: 13 })
    expect(outcome.result).toBe('rejected')
    expect(outcome.reason).toContain('nothing was pushed')
    expect(originBranches).toEqual(['main'])
    expect(api.pulls).toEqual([])
    expect(api.comments.get(12)).toBeUndefined()
    const [comment] = api.comments.get(13) ?? []
    expect(comment.body).toContain('was refused, so nothing was pushed')
    // The reasons quote the bundle: they stay in the run, not on the issue.
    expect(comment.body).not.toContain('agent/issue-12')
  })

  it('a branch outside the task’s: refused before anything is pushed', async () => {
    const { outcome, originBranches } = await publish({ bundle: { branch: 'main' } })
    expect(outcome.result).toBe('rejected')
    expect(outcome.reason).toContain('would push to "main"')
    expect(originBranches).toEqual(['main'])
  })

  it('a patch that touches more than its manifest lists: refused, naming the difference', async () => {
    const { outcome, originBranches } = await publish({ bundle: { paths: [{ path: 'README.md', status: 'modified' }] } })
    expect(outcome.result).toBe('rejected')
    expect(outcome.reason).toContain('src/flag.ts')
    expect(outcome.reason).toContain('README.md')
    expect(originBranches).toEqual(['main'])
  })

  it('no bundle at all: refused with where it looked', async () => {
    const { outcome } = await publish({ bundle: null })
    expect(outcome.result).toBe('rejected')
    expect(outcome.reason).toContain(path.join(dir, 'bundle'))
  })
})
