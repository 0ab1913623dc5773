/**
 * The change bundle of two-job mode: how a green change leaves the job that ran the agent (which
 * holds no write token) for the job that publishes it (which runs no agent and no repository code).
 *
 * A bundle is a directory with two regular files: `change.patch`, the exact `git diff --binary` of
 * the change against the base commit, and `manifest.json`, which says what it is for (task, base,
 * branch, PR title and body, attempts, gate results) and carries the patch's SHA-256.
 *
 * Everything in a bundle is untrusted when it is read back: the agent's job wrote it, and code the
 * agent wrote ran in that job. Reading checks sizes, file types, the manifest's shape and the
 * patch's checksum; verifying checks it against what the publishing job itself knows (repository,
 * task, branch naming, protected paths). The publisher then applies the patch with git and checks
 * git's own reading of it again, and that it makes the very tree the gate judged.
 *
 * The checksum in the manifest only catches damage: whoever rewrites the patch rewrites it too. What
 * binds the bundle to the gate's verdict is the {@link bundleDigest}: the propose job's action
 * process computes it over the bytes it writes (the manifest, which names the tree the gate judged,
 * and the patch, both from memory, never read back from disk) and emits it as the step output
 * `bundle-digest`; the workflow hands it to the publish job as an input through
 * `needs.<job>.outputs`, a channel no agent code can write; the publisher refuses any bundle whose
 * digest differs. Nothing here talks to GitHub or runs git.
 */
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { DEFAULT_PROTECTED_PATHS, findProtectedPaths, type ProtectedHit } from '../../core/protected-paths-policy.js'
import type {
  Attempt,
  AgentRun,
  AgentUsage,
  ChangedPath,
  GateResult,
  Job,
  Proposal,
  Proposed,
  Proposer,
  StepResult
} from '../../core/types.js'
import { healBranchName, isCommitId, issueBranchName } from '../../core/naming.js'
import { CANDIDATE_LABEL, countChangedLines } from '../../core/candidate-choice.js'
import { totalUsage } from '../../core/usage.js'

/** The manifest's `format` value: a bundle says what it is. */
export const BUNDLE_FORMAT = 'gated-agent-change-bundle'
/** The manifest version this code writes and reads. */
export const BUNDLE_VERSION = 1
/** The manifest's file name inside the bundle directory. */
export const MANIFEST_FILE = 'manifest.json'
/** The patch's file name inside the bundle directory. */
export const PATCH_FILE = 'change.patch'

/** How large a bundle may be; anything bigger is refused before it is read. */
export interface BundleLimits {
  maxPatchBytes: number
  maxManifestBytes: number
  maxPaths: number
}

/**
 * Generous for a reviewed change, small enough to keep a forged bundle from exhausting the
 * publishing job: a change an agent made and a person will read is far below these.
 */
export const DEFAULT_BUNDLE_LIMITS: BundleLimits = { maxPatchBytes: 20 * 1024 * 1024, maxManifestBytes: 1024 * 1024, maxPaths: 5000 }

/** What the change is for: an issue (issue-to-pr) or a failed run on a branch (self-heal). */
export type BundleTask =
  | { kind: 'issue'; number: number }
  | {
      kind: 'run'
      id: number
      branch: string
      /** The CI steps that failed (job, and step when known), for the PR body the publisher renders. */
      failingSteps?: Array<{ job: string; step?: string }>
    }

/**
 * How the propose job ended. Only `proposed` (the gate passed, the policies were clean) is ever
 * published; the others travel only in best of N, so that the publish job can list a candidate
 * that did not reach green and keep its patch.
 */
export const PROPOSE_VERDICTS = ['proposed', 'gave-up', 'no-change', 'agent-failed', 'rejected', 'not-reproduced'] as const
export type ProposeVerdict = (typeof PROPOSE_VERDICTS)[number]

/** At most this many failing steps travel in a manifest. */
const MAX_FAILING_STEPS = 20

/** The manifest, as written and as read back (unknown fields dropped). */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT
  version: typeof BUNDLE_VERSION
  /** `owner/name` of the repository the change is for. */
  repository: string
  job: Job
  task: BundleTask
  /** The commit the patch was made against, and the branch the pull request goes into. */
  base: { sha: string; branch: string }
  /** The branch to push. */
  branch: string
  title: string
  /** The PR body as the propose job rendered it; informational, the publisher renders its own. */
  body: string
  attempts: Attempt[]
  lastGate: GateResult
  /** The changed paths, as git saw them in the propose job. */
  paths: ChangedPath[]
  /** The tree the last green gate judged (base plus the change), as git wrote it in the propose job. */
  tree: string
  patch: { file: typeof PATCH_FILE; sha256: string; bytes: number }
  /** When the bundle was written (ISO 8601). */
  createdAt: string
  /** The run that wrote it, for people reading the bundle. */
  runUrl?: string
  /** Best of N: the propose job's `candidate` label. */
  candidate?: string
  /**
   * How the propose job ended; absent means `proposed` (bundles of a single propose job). A bundle
   * that is not `proposed` has a failed or missing gate, no `tree` (empty) and maybe no paths.
   */
  verdict?: ProposeVerdict
  /** Lines added plus removed by the patch, as the propose job counted them (informational). */
  changedLines?: number
  /** What the agent CLI reported over the attempts, summed (informational: the publisher sums the attempts itself). */
  usage?: AgentUsage
}

/** A bundle read from disk: its manifest and the patch's exact bytes. */
export interface ChangeBundle {
  dir: string
  manifest: BundleManifest
  patch: Buffer
  /** {@link bundleDigest} of the manifest's and the patch's exact bytes. */
  digest: string
}

/** Everything the manifest says, but what the writer derives itself (format, digest, time). */
export type BundleContent = Omit<BundleManifest, 'format' | 'version' | 'patch' | 'createdAt'>

/** Reading a bundle either gives the bundle or says, in plain words, why it is refused. */
export type BundleReadResult = { kind: 'read'; bundle: ChangeBundle } | { kind: 'refused'; problems: string[] }

/** What the publishing job knows on its own, to hold the bundle against. */
export interface BundleExpectations {
  /** `owner/name` of the repository this job runs for. */
  repository: string
  /** The publishing job's own `protected-paths` (empty means the default). */
  protectedPaths: readonly string[]
  /** The publishing job's `branch-prefix`: the branch must be the one the task names. */
  branchPrefix: string
  /** The publishing job's `base-branch`, when it sets one. */
  baseBranch?: string
  /** The task the triggering event names, when it names one (the issue, the failed run). */
  task?: { kind: 'issue'; number: number } | { kind: 'run'; id: number }
}

/** A verified bundle, or every reason it is refused. */
export type BundleVerdict = { kind: 'verified' } | { kind: 'refused'; problems: string[] }

// Gate output is what the agent's code printed: it does not travel. The rest is bounded so that
// a forged manifest cannot make the publisher render megabytes.
const MAX_TITLE = 1000
const MAX_BODY = 65_536
const MAX_ATTEMPTS = 100
const MAX_STEPS = 200
const MAX_STEP_NAME = 2000
const MAX_PATH = 4096

/** The hex SHA-256 of the patch bytes, as the manifest records it. */
export function patchDigest(patch: Buffer): string {
  return createHash('sha256').update(patch).digest('hex')
}

/** How a {@link bundleDigest} is written: `sha256:` and 64 hex digits. */
export const BUNDLE_DIGEST = /^sha256:[0-9a-f]{64}$/

/**
 * The digest binding a bundle to the gate's verdict: SHA-256 over a domain label, the manifest's
 * exact bytes and the patch's exact bytes, each preceded by its length (so no byte can move from
 * one to the other). See the module comment for how it travels.
 */
export function bundleDigest(manifestBytes: Buffer, patch: Buffer): string {
  const hash = createHash('sha256').update('gated-agent-change-bundle-digest/1\0')
  for (const part of [manifestBytes, patch]) hash.update(`${part.length}\0`).update(part)
  return `sha256:${hash.digest('hex')}`
}

/** The branch a task's change is pushed to: `<prefix>issue-<n>` or `<prefix>heal/<branch>`. */
export function branchForTask(task: BundleTask, branchPrefix: string): string {
  return task.kind === 'issue' ? issueBranchName(branchPrefix, task.number) : healBranchName(branchPrefix, task.branch)
}

/**
 * Writes a bundle into `dir` (created when missing; an earlier bundle there is replaced). The
 * manifest is written last, so a directory with a manifest holds a whole bundle.
 */
export async function writeChangeBundle(dir: string, content: BundleContent, patch: Buffer, now: Date = new Date()): Promise<ChangeBundle> {
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    ...content,
    attempts: content.attempts.map(portableAttempt),
    lastGate: portableGate(content.lastGate),
    patch: { file: PATCH_FILE, sha256: patchDigest(patch), bytes: patch.length },
    createdAt: now.toISOString()
  }
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)
  await fs.mkdir(dir, { recursive: true })
  await fs.rm(path.join(dir, MANIFEST_FILE), { force: true })
  await fs.writeFile(path.join(dir, PATCH_FILE), patch)
  await fs.writeFile(path.join(dir, MANIFEST_FILE), manifestBytes)
  // From the bytes in memory: whatever is on disk by the time anyone reads it is compared to this.
  return { dir, manifest, patch, digest: bundleDigest(manifestBytes, patch) }
}

/**
 * Reads a bundle back: both files must be regular files (not links) within the size limits, the
 * manifest well-formed, and the patch exactly the bytes its digest names.
 */
export async function tryReadChangeBundle(dir: string, limits: BundleLimits = DEFAULT_BUNDLE_LIMITS): Promise<BundleReadResult> {
  const refused = (...problems: string[]): BundleReadResult => ({ kind: 'refused', problems })
  const info = await fs.stat(dir).catch(() => undefined)
  if (!info?.isDirectory()) {
    return refused(
      `There is no change bundle at ${dir}: it is not a directory. Give bundle-path the directory the propose job wrote (its bundle-path output, downloaded from its artifact).`
    )
  }
  const manifestFile = await tryReadRegularFile(path.join(dir, MANIFEST_FILE), limits.maxManifestBytes)
  if (manifestFile.kind !== 'read') return refused(`The bundle's ${MANIFEST_FILE} ${manifestFile.problem}`)
  let json: unknown
  try {
    json = JSON.parse(manifestFile.bytes.toString('utf8'))
  } catch (error) {
    return refused(`The bundle's ${MANIFEST_FILE} is not JSON: ${(error as Error).message}`)
  }
  let manifest: BundleManifest
  try {
    manifest = readManifest(json, limits)
  } catch (error) {
    if (error instanceof ShapeError) return refused(`The bundle's ${MANIFEST_FILE} is malformed: ${error.message}.`)
    throw error
  }
  const patchFile = await tryReadRegularFile(path.join(dir, PATCH_FILE), limits.maxPatchBytes)
  if (patchFile.kind !== 'read') return refused(`The bundle's ${PATCH_FILE} ${patchFile.problem}`)
  const patch = patchFile.bytes
  const digest = patchDigest(patch)
  if (digest !== manifest.patch.sha256 || patch.length !== manifest.patch.bytes) {
    return refused(
      `The bundle's patch does not match its digest: the manifest records ${manifest.patch.bytes} bytes with SHA-256 ${manifest.patch.sha256}, ` +
        `the file has ${patch.length} bytes with SHA-256 ${digest}. It was changed after the propose job wrote it, so it is not published.`
    )
  }
  return { kind: 'read', bundle: { dir, manifest, patch, digest: bundleDigest(manifestFile.bytes, patch) } }
}

/**
 * Holds a bundle against what the publishing job knows: the repository, the task the event names,
 * the branch the task implies, the base branch it pins, and its own protected paths, checked on
 * both the manifest's paths and the patch's own file headers.
 */
export function verifyChangeBundle(bundle: ChangeBundle, expected: BundleExpectations): BundleVerdict {
  const { manifest } = bundle
  const problems: string[] = []
  if (manifest.repository.toLowerCase() !== expected.repository.toLowerCase()) {
    problems.push(`The bundle is for ${manifest.repository}, but this job runs for ${expected.repository}.`)
  }
  const task = manifest.task
  if (expected.task?.kind === 'issue' && (task.kind !== 'issue' || task.number !== expected.task.number)) {
    problems.push(`The bundle is for ${describeTask(task)}, but the event that started this run is for issue #${expected.task.number}.`)
  }
  if (expected.task?.kind === 'run' && (task.kind !== 'run' || task.id !== expected.task.id)) {
    problems.push(`The bundle is for ${describeTask(task)}, but the event that started this run is for workflow run ${expected.task.id}.`)
  }
  const branch = branchForTask(task, expected.branchPrefix)
  if (manifest.branch !== branch) {
    problems.push(
      `The bundle would push to "${manifest.branch}", but ${describeTask(task)} with branch-prefix "${expected.branchPrefix}" is proposed on "${branch}".`
    )
  }
  if (task.kind === 'run' && manifest.base.branch !== task.branch) {
    problems.push(`The bundle heals ${task.branch} but targets the base branch "${manifest.base.branch}".`)
  }
  if (expected.baseBranch !== undefined && task.kind === 'issue' && manifest.base.branch !== expected.baseBranch) {
    problems.push(`The bundle targets the base branch "${manifest.base.branch}", but this job's base-branch is "${expected.baseBranch}".`)
  }
  const hits = protectedHits(bundle, expected.protectedPaths)
  if (hits.length > 0) {
    problems.push(`The bundle changes protected paths: ${hits.map((h) => `${h.path} (${h.touch}, protected by ${h.glob})`).join('; ')}.`)
  }
  return problems.length === 0 ? { kind: 'verified' } : { kind: 'refused', problems }
}

/** The protected paths among `paths` (git's reading of the applied patch, in the publisher). */
export function protectedAmong(paths: readonly ChangedPath[], protectedPaths: readonly string[]): ProtectedHit[] {
  return findProtectedPaths({ paths: [...paths], patch: '' }, effectiveGlobs(protectedPaths))
}

/** Paths the two lists disagree on: in one and not the other, or with another status. */
export function pathDifferences(claimed: readonly ChangedPath[], actual: readonly ChangedPath[]): string[] {
  const claimedBy = new Map(claimed.map((p) => [p.path, p.status]))
  const actualBy = new Map(actual.map((p) => [p.path, p.status]))
  const differences: string[] = []
  for (const [file, status] of actualBy) {
    if (!claimedBy.has(file)) differences.push(`${file} (${status}) is changed by the patch but not listed in the manifest`)
    else if (claimedBy.get(file) !== status) differences.push(`${file} is ${status} by the patch but listed as ${claimedBy.get(file)}`)
  }
  for (const [file, status] of claimedBy) {
    if (!actualBy.has(file)) differences.push(`${file} (${status}) is listed in the manifest but not changed by the patch`)
  }
  return differences
}

/** A task in words: `issue #12`, `workflow run 555 on main`. */
export function describeTask(task: BundleTask): string {
  return task.kind === 'issue' ? `issue #${task.number}` : `workflow run ${task.id} on ${task.branch}`
}

/** What a {@link BundleProposer} writes besides the loop's proposal. */
export interface BundleProposerOptions {
  /** The directory to write the bundle into. */
  dir: string
  repository: string
  task: BundleTask
  /** The branch the pull request goes into. */
  baseBranch: string
  /** The commit the change was made against, known once the workspace has begun. */
  baseSha: () => string
  branch: string
  title: string
  body: (proposal: Proposal) => string
  runUrl?: string
  /** Best of N: the propose job's `candidate` label, recorded in the manifest. */
  candidate?: string
  /**
   * The exact bytes of the change the gate judged, and the tree it judged, from the workspace's
   * memory. The patch file on disk is not read: it sits where the gate's code could rewrite it.
   */
  judged: (proposal: Proposal) => Promise<{ patch: Buffer; tree: string } | undefined>
}

/**
 * The proposer of `stage: propose`: a green change becomes a bundle on disk. It pushes nothing and
 * makes no request; the publish job delivers the bundle.
 */
export class BundleProposer implements Proposer {
  private written: ChangeBundle | undefined

  constructor(private readonly options: BundleProposerOptions) {}

  /** Writes the bundle from the judged change's exact bytes (not the decoded text, not the patch file). */
  async propose(proposal: Proposal): Promise<Proposed> {
    const { dir, repository, task, baseBranch, branch, title, runUrl } = this.options
    const judged = await this.options.judged(proposal)
    if (!judged) throw new Error('The change the gate judged is not known to the workspace, so no bundle is written.')
    const { patch, tree } = judged
    const bundle = await writeChangeBundle(
      dir,
      {
        repository,
        job: proposal.job,
        task,
        base: { sha: this.options.baseSha(), branch: baseBranch },
        branch,
        title,
        body: this.options.body(proposal),
        attempts: proposal.attempts,
        lastGate: proposal.lastGate,
        paths: proposal.change.paths,
        tree,
        runUrl,
        ...this.summary('proposed', proposal.attempts, patch)
      },
      patch
    )
    this.written = bundle
    const files = proposal.change.paths.length
    return {
      branch,
      notes: [
        `Wrote the change bundle to ${dir}: ${files} file${files === 1 ? '' : 's'} against ${bundle.manifest.base.sha.slice(0, 12)}, digest ${bundle.digest} (output bundle-digest: pass it to the publish job).`,
        `Nothing was pushed: the publish job (stage: publish) verifies the bundle, pushes ${branch} and opens the draft pull request into ${baseBranch}.`
      ]
    }
  }

  /**
   * Best of N: a propose job that did not reach green still leaves a bundle, so that the publish
   * job can list it and keep its patch (the last attempt's change, empty when there was none). It
   * is never published: its verdict says the gate did not pass, and it names no judged tree.
   */
  async keepUnproposed(
    ended: { verdict: Exclude<ProposeVerdict, 'proposed'>; attempts: Attempt[]; lastGate?: GateResult },
    patch: Buffer
  ): Promise<ChangeBundle> {
    const { dir, repository, task, baseBranch, branch, title, runUrl } = this.options
    const bundle = await writeChangeBundle(
      dir,
      {
        repository,
        job: task.kind === 'issue' ? 'issue-to-pr' : 'self-heal',
        task,
        base: { sha: this.options.baseSha(), branch: baseBranch },
        branch,
        title,
        body: '',
        attempts: ended.attempts,
        lastGate: ended.lastGate ?? { ok: false, durationMs: 0, steps: [] },
        paths: [],
        tree: '',
        runUrl,
        ...this.summary(ended.verdict, ended.attempts, patch)
      },
      patch
    )
    this.written = bundle
    return bundle
  }

  /** The bundle the last proposal wrote, if any. */
  bundle(): ChangeBundle | undefined {
    return this.written
  }

  /** What best of N compares, recorded when a candidate is named. */
  private summary(verdict: ProposeVerdict, attempts: Attempt[], patch: Buffer): Partial<BundleContent> {
    if (this.options.candidate === undefined) return {}
    const usage = totalUsage(attempts.filter((a) => a.number > 0))?.usage ?? {}
    return { candidate: this.options.candidate, verdict, changedLines: countChangedLines(patch.toString('utf8')), usage }
  }
}

function effectiveGlobs(globs: readonly string[]): readonly string[] {
  return globs.length > 0 ? globs : DEFAULT_PROTECTED_PATHS
}

/** Protected paths the manifest lists or the patch's headers name (renames and copies included). */
function protectedHits(bundle: ChangeBundle, protectedPaths: readonly string[]): ProtectedHit[] {
  const change = { paths: bundle.manifest.paths, patch: bundle.patch.toString('utf8') }
  return findProtectedPaths(change, effectiveGlobs(protectedPaths))
}

/** Gate output stays in the job that produced it; the rest of an attempt travels. */
function portableAttempt(attempt: Attempt): Attempt {
  const agent: AgentRun = { exitCode: attempt.agent.exitCode, durationMs: attempt.agent.durationMs, timedOut: attempt.agent.timedOut }
  if (attempt.agent.usage) agent.usage = { ...attempt.agent.usage }
  return { number: attempt.number, agent, ...(attempt.gate ? { gate: portableGate(attempt.gate) } : {}) }
}

function portableGate(gate: GateResult): GateResult {
  return { ok: gate.ok, durationMs: gate.durationMs, steps: gate.steps.map((step) => ({ ...step, tail: '' })) }
}

type FileRead = { kind: 'read'; bytes: Buffer } | { kind: 'bad'; problem: string }

/** Reads a regular file of at most `maxBytes`; a link, a directory or a bigger file is a problem. */
async function tryReadRegularFile(file: string, maxBytes: number): Promise<FileRead> {
  const info = await fs.lstat(file).catch(() => undefined)
  if (info === undefined) return { kind: 'bad', problem: 'is missing.' }
  // A link could point the publisher at any file on its runner (a credential file, say).
  if (!info.isFile())
    return { kind: 'bad', problem: `is not a regular file (${info.isSymbolicLink() ? 'a symbolic link' : 'a directory or device'}).` }
  if (info.size > maxBytes) return { kind: 'bad', problem: `is ${info.size} bytes, over the limit of ${maxBytes}.` }
  const bytes = await fs.readFile(file)
  if (bytes.length > maxBytes) return { kind: 'bad', problem: `is over the limit of ${maxBytes} bytes.` }
  return { kind: 'read', bytes }
}

// ---------------------------------------------------------------------------------------------
// The manifest's shape, checked field by field into a fresh object (unknown fields are dropped).

class ShapeError extends Error {}

type Fields = Record<string, unknown>

function shape(condition: boolean, where: string, what: string): asserts condition {
  if (!condition) throw new ShapeError(`${where} ${what}`)
}

function record(value: unknown, where: string): Fields {
  shape(typeof value === 'object' && value !== null && !Array.isArray(value), where, 'must be an object')
  return value as Fields
}

function list(value: unknown, where: string, max: number): unknown[] {
  shape(Array.isArray(value), where, 'must be an array')
  shape(value.length <= max, where, `has ${value.length} entries, over the limit of ${max}`)
  return value
}

function text(value: unknown, where: string, max: number): string {
  shape(typeof value === 'string', where, 'must be a string')
  shape(value.length <= max, where, `is ${value.length} characters, over the limit of ${max}`)
  return value
}

function whole(value: unknown, where: string, min = 0): number {
  shape(typeof value === 'number' && Number.isSafeInteger(value) && value >= min, where, `must be a whole number of at least ${min}`)
  return value
}

function amount(value: unknown, where: string): number {
  shape(typeof value === 'number' && Number.isFinite(value) && value >= 0, where, 'must be a number of at least 0')
  return value
}

function flag(value: unknown, where: string): boolean {
  shape(typeof value === 'boolean', where, 'must be true or false')
  return value
}

function exitCode(value: unknown, where: string): number | null {
  if (value === null) return null
  shape(typeof value === 'number' && Number.isSafeInteger(value), where, 'must be a whole number or null')
  return value
}

function oneOf<T extends string>(value: unknown, where: string, choices: readonly T[]): T {
  shape(typeof value === 'string' && (choices as readonly string[]).includes(value), where, `must be one of ${choices.join(', ')}`)
  return value as T
}

/** A branch name as far as it can be told without git: git's own check runs before any push. */
function branchName(value: unknown, where: string): string {
  const name = text(value, where, 255)
  const ok =
    /^[A-Za-z0-9._/-]+$/.test(name) &&
    !name.startsWith('-') &&
    !name.startsWith('/') &&
    !name.endsWith('/') &&
    !name.includes('..') &&
    !name.includes('//')
  shape(ok, where, `is not a branch name: ${JSON.stringify(name)}`)
  return name
}

function repoPath(value: unknown, where: string): string {
  const file = text(value, where, MAX_PATH)
  const parts = file.split('/')
  const ok =
    file !== '' && !file.includes('\0') && !file.startsWith('/') && !parts.includes('..') && !parts.includes('.') && !parts.includes('')
  shape(ok, where, `is not a path inside the repository: ${JSON.stringify(file)}`)
  return file
}

function readManifest(value: unknown, limits: BundleLimits): BundleManifest {
  const m = record(value, 'the manifest')
  shape(m.format === BUNDLE_FORMAT, 'format', `must be "${BUNDLE_FORMAT}"`)
  shape(
    m.version === BUNDLE_VERSION,
    'version',
    `must be ${BUNDLE_VERSION} (this version of Gated Agent reads version ${BUNDLE_VERSION}; use the same version in both jobs)`
  )
  const repository = text(m.repository, 'repository', 200)
  shape(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository), 'repository', 'must be owner/name')
  const job = oneOf(m.job, 'job', ['issue-to-pr', 'self-heal'] as const)
  const task = readTask(m.task)
  shape((job === 'issue-to-pr') === (task.kind === 'issue'), 'task', `does not fit the job ${job}`)
  const base = record(m.base, 'base')
  const baseSha = text(base.sha, 'base.sha', 64)
  shape(isCommitId(baseSha), 'base.sha', 'must be a full commit id')
  const patch = record(m.patch, 'patch')
  shape(patch.file === PATCH_FILE, 'patch.file', `must be "${PATCH_FILE}"`)
  const sha256 = text(patch.sha256, 'patch.sha256', 64)
  shape(/^[0-9a-f]{64}$/.test(sha256), 'patch.sha256', 'must be a hex SHA-256')
  const paths = list(m.paths, 'paths', limits.maxPaths).map((entry, i) => {
    const p = record(entry, `paths[${i}]`)
    return {
      path: repoPath(p.path, `paths[${i}].path`),
      status: oneOf(p.status, `paths[${i}].status`, ['added', 'modified', 'deleted'] as const)
    }
  })
  // Only a bundle of a propose job whose gate passed is judged; best of N also carries the others.
  const verdict = m.verdict === undefined ? undefined : oneOf(m.verdict, 'verdict', PROPOSE_VERDICTS)
  const judged = verdict === undefined || verdict === 'proposed'
  if (judged) shape(paths.length > 0, 'paths', 'must list at least one changed path')
  const tree = text(m.tree, 'tree', 64)
  if (judged || tree !== '') shape(isCommitId(tree), 'tree', 'must be a full tree id (an object id, as a commit id is)')
  shape(new Set(paths.map((p) => p.path)).size === paths.length, 'paths', 'lists a path twice')
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    repository,
    job,
    task,
    base: { sha: baseSha, branch: branchName(base.branch, 'base.branch') },
    branch: branchName(m.branch, 'branch'),
    title: text(m.title, 'title', MAX_TITLE),
    body: text(m.body, 'body', MAX_BODY),
    attempts: list(m.attempts, 'attempts', MAX_ATTEMPTS).map((a, i) => readAttempt(a, `attempts[${i}]`)),
    lastGate: readGate(m.lastGate, 'lastGate'),
    paths,
    tree,
    patch: { file: PATCH_FILE, sha256, bytes: whole(patch.bytes, 'patch.bytes', judged ? 1 : 0) },
    createdAt: text(m.createdAt, 'createdAt', 64)
  }
  if (judged) {
    shape(manifest.attempts.length > 0, 'attempts', 'must hold at least one attempt')
    shape(manifest.lastGate.ok, 'lastGate.ok', 'must be true: only a green change is proposed')
  }
  if (m.runUrl !== undefined) manifest.runUrl = text(m.runUrl, 'runUrl', 2000)
  if (verdict !== undefined) manifest.verdict = verdict
  if (m.candidate !== undefined) {
    const candidate = text(m.candidate, 'candidate', 64)
    shape(CANDIDATE_LABEL.test(candidate), 'candidate', 'must be a label of letters, digits, - and _')
    manifest.candidate = candidate
  }
  if (m.changedLines !== undefined) manifest.changedLines = whole(m.changedLines, 'changedLines')
  if (m.usage !== undefined) manifest.usage = readUsage(m.usage, 'usage')
  return manifest
}

function readTask(value: unknown): BundleTask {
  const t = record(value, 'task')
  const kind = oneOf(t.kind, 'task.kind', ['issue', 'run'] as const)
  if (kind === 'issue') return { kind, number: whole(t.number, 'task.number', 1) }
  const task: BundleTask = { kind, id: whole(t.id, 'task.id', 1), branch: branchName(t.branch, 'task.branch') }
  if (t.failingSteps !== undefined) {
    shape(
      Array.isArray(t.failingSteps) && t.failingSteps.length <= MAX_FAILING_STEPS,
      'task.failingSteps',
      `must be a list of at most ${MAX_FAILING_STEPS} steps`
    )
    task.failingSteps = (t.failingSteps as unknown[]).map((value, i) => {
      const f = record(value, `task.failingSteps[${i}]`)
      const job = text(f.job, `task.failingSteps[${i}].job`, 200)
      return f.step === undefined ? { job } : { job, step: text(f.step, `task.failingSteps[${i}].step`, 200) }
    })
  }
  return task
}

function readAttempt(value: unknown, where: string): Attempt {
  const a = record(value, where)
  const agentFields = record(a.agent, `${where}.agent`)
  const agent: AgentRun = {
    exitCode: exitCode(agentFields.exitCode, `${where}.agent.exitCode`),
    durationMs: amount(agentFields.durationMs, `${where}.agent.durationMs`),
    timedOut: flag(agentFields.timedOut, `${where}.agent.timedOut`)
  }
  if (agentFields.usage !== undefined) agent.usage = readUsage(agentFields.usage, `${where}.agent.usage`)
  const attempt: Attempt = { number: whole(a.number, `${where}.number`), agent }
  if (a.gate !== undefined) attempt.gate = readGate(a.gate, `${where}.gate`)
  return attempt
}

function readUsage(value: unknown, where: string): AgentUsage {
  const u = record(value, where)
  const usage: AgentUsage = {}
  if (u.inputTokens !== undefined) usage.inputTokens = amount(u.inputTokens, `${where}.inputTokens`)
  if (u.outputTokens !== undefined) usage.outputTokens = amount(u.outputTokens, `${where}.outputTokens`)
  if (u.costUsd !== undefined) usage.costUsd = amount(u.costUsd, `${where}.costUsd`)
  if (u.approximate !== undefined) usage.approximate = flag(u.approximate, `${where}.approximate`)
  return usage
}

function readGate(value: unknown, where: string): GateResult {
  const g = record(value, where)
  return {
    ok: flag(g.ok, `${where}.ok`),
    durationMs: amount(g.durationMs, `${where}.durationMs`),
    steps: list(g.steps, `${where}.steps`, MAX_STEPS).map((s, i) => readStep(s, `${where}.steps[${i}]`))
  }
}

function readStep(value: unknown, where: string): StepResult {
  const s = record(value, where)
  const step: StepResult = {
    name: text(s.name, `${where}.name`, MAX_STEP_NAME),
    exitCode: exitCode(s.exitCode, `${where}.exitCode`),
    ok: flag(s.ok, `${where}.ok`),
    durationMs: amount(s.durationMs, `${where}.durationMs`),
    tail: '',
    timedOut: flag(s.timedOut, `${where}.timedOut`),
    missingTool: flag(s.missingTool, `${where}.missingTool`)
  }
  if (s.policy !== undefined) step.policy = flag(s.policy, `${where}.policy`)
  return step
}
