/**
 * The git work tree the agent edits: records it before the run, captures exactly the agent's
 * change (untracked files included, paths the user had dirty already left out), puts it back
 * exactly, and turns a green change into a commit on a branch and a push, without ever touching
 * the user's index, current branch or work tree on the way.
 *
 * The agent's change is always built in a temporary index (`GIT_INDEX_FILE`): the begin commit's
 * tree plus the work tree's current state of every path except the ones dirty before the run. The
 * same index becomes the commit's tree, so what is committed is exactly what the gate judged.
 */
import { constants as fsConstants, createReadStream, createWriteStream, promises as fs } from 'node:fs'
import { pipeline } from 'node:stream/promises'
import { createHash } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import type { Change, ChangedPath, Workspace } from '../../core/types.js'
import { redactSecrets, type GitResult, type GitRunner, type GitRunOptions } from './git.js'
import { pinnedGitEnv, snapshotMetadata, verifyMetadata, type MetadataSnapshot } from './repository-metadata.js'
import { branchNameProblem, isCommitId } from '../../core/naming.js'
import { needsWholeText } from '../../core/gate-definition-policy.js'
import { isTestPath } from '../../core/test-weakening-policy.js'

/** What a {@link GitWorkspace} needs. `git` must run its commands in `dir`. */
export interface GitWorkspaceOptions {
  git: GitRunner
  /** The repository's top-level directory (the agent's working directory). */
  dir: string
  /** Where {@link GitWorkspace.savePatch} writes patch files. */
  patchDir: string
  /** Scratch space for temporary indexes and snapshots; a fresh directory under the OS temp dir by default. */
  tempDir?: string
  /**
   * A path dirty before the run that the agent changed too: left out of the change (`exclude`,
   * the default: the user's own edits are never proposed), or part of it with its whole content
   * (`include-when-edited`, the CLI: the agent's edit is not lost, the user's edit travels with it).
   */
  dirtyEdited?: 'exclude' | 'include-when-edited'
  /**
   * Test-only: guard only `.git/config` (put back before each command) and let git discover the
   * repository through the work tree, as before the metadata was pinned. Set only by the test
   * switch in runtime/test-switches.ts, for a security test's positive control.
   */
  configOnlyMetadataGuard?: boolean
  /**
   * Paths relative to `dir` that are never part of the change, the commit or a restore, whatever is
   * in them (the agent's context directory, which should be gone by then anyway).
   */
  excludePaths?: string[]
}

/** The identity a proposal commit is made under. */
export interface CommitIdentity {
  name: string
  email: string
}

/** What {@link GitWorkspace.commit} needs. */
export interface CommitRequest {
  /** The branch to point at the new commit (short name, e.g. `gated-agent/issue-12`). */
  branch: string
  message: string
  author: CommitIdentity
}

/** The commit {@link GitWorkspace.commit} made. */
export interface CommitResult {
  sha: string
  branch: string
}

/** What {@link GitWorkspace.pushBranch} needs. */
export interface PushRequest {
  /** The remote to push to; `origin` by default. */
  remote?: string
  /**
   * The remote's URL, when the caller knows it: then git talks to this URL instead of reading the
   * remote's settings from `.git/config`, which the agent could have rewritten.
   */
  url?: string
  sha: string
  branch: string
  /** A token for HTTPS remotes, handed to git for this command only (never stored in git config). */
  token?: string
  /**
   * The identity the action commits as: when given, a remote branch holding any commit not of
   * ours that `sha` does not contain is never overwritten (a `foreign-commits` rejection).
   */
  owner?: CommitIdentity
}

/** What {@link GitWorkspace.pushBranch} did to the remote branch. */
export interface PushResult {
  kind: 'created' | 'updated' | 'unchanged'
  /** The remote branch's commit before the push (for `updated` and `unchanged`). */
  previousSha?: string
}

/** What {@link GitWorkspace.tryCommitPatch} needs: a patch made against `base`, and where to commit it. */
export interface PatchCommitRequest {
  /** The commit the patch was made against; the new commit's parent. */
  base: string
  /** A `git diff --binary` of the change, exact bytes. */
  patch: Buffer
  branch: string
  message: string
  author: CommitIdentity
}

/** A commit built from a patch, or why the patch could not be applied to its base. */
export type PatchCommitResult =
  { kind: 'committed'; sha: string; branch: string; tree: string; paths: ChangedPath[] } | { kind: 'does-not-apply'; message: string }

/** What {@link GitWorkspace.tryFetchCommit} needs. */
export interface FetchCommitRequest {
  /** The remote's URL, read from a checkout no agent touched. */
  url: string
  sha: string
  /** A token for HTTPS remotes, handed to git for this command only. */
  token?: string
}

/** What {@link GitWorkspace.checkOutCommit} needs. */
export interface CheckOutRequest {
  sha: string
  /** The branch on origin that holds `sha`: fetched when origin refuses to serve a bare commit id. */
  branch: string
  /** A token for HTTPS remotes, tried for one fetch when the checkout's own credentials do not do. */
  token?: string
}

/** Where {@link GitWorkspace.checkOutCommit} left the work tree. */
export type CheckOutResult =
  | { kind: 'checked-out' }
  /** Not in the repository, and origin would not serve it; `why` is git's last words. */
  | { kind: 'missing'; why: string }
  /** In the repository, but `git checkout` refused (a dirty work tree in the way). */
  | { kind: 'checkout-failed'; why: string }

/**
 * The trailer every commit Gated Agent makes carries. A commit is the action's own when it carries
 * this trailer and its committer is the identity the action commits as; any other commit on a
 * proposal branch is someone's work, which a push never drops.
 */
export const OWN_COMMIT_TRAILER = 'Proposed-by: Gated Agent'

/** A commit on a remote branch that Gated Agent did not write. */
export interface ForeignCommit {
  sha: string
  author: string
  subject: string
}

/** What a remote branch holds, as far as a proposal on it is concerned. */
export type RemoteBranchState =
  | { kind: 'absent' }
  /** Only commits of ours (or ones `base` already contains): replacing it loses nobody's work. */
  | { kind: 'ours'; sha: string }
  | { kind: 'foreign'; sha: string; commits: ForeignCommit[] }

/** What {@link GitWorkspace.inspectRemoteBranch} needs. */
export interface RemoteBranchRequest {
  /** The remote (or its URL) to read. */
  remote: string
  branch: string
  /** The commit a proposal would sit on: commits it already contains are never foreign. */
  base: string
  /** The identity the action commits as. */
  owner: CommitIdentity
  token?: string
}

/** Why a push was refused. */
export type PushRejectionCause = 'non-fast-forward' | 'workflows-permission' | 'foreign-commits' | 'other'

/** The remote refused the push; the message names the cause and the fix. */
export class PushRejectedError extends Error {
  override readonly cause: PushRejectionCause
  readonly branch: string
  /** The push's standard error, secrets redacted. */
  readonly stderr: string

  constructor(cause: PushRejectionCause, branch: string, message: string, stderr: string) {
    super(message)
    this.name = 'PushRejectedError'
    this.cause = cause
    this.branch = branch
    this.stderr = stderr
  }
}

/** A dirty path's state at `begin`, kept so `restore` can put it back byte for byte. */
type Snapshot =
  | { kind: 'missing' }
  | { kind: 'symlink'; target: string }
  | { kind: 'file'; copy: string; mode: number; size: bigint; ino: bigint; mtimeNs: bigint; atimeMs: number; mtimeMs: number }
  // A directory (a submodule with changes inside): git reports it, but its content is not ours to copy.
  | { kind: 'other' }

interface DirtyPath {
  path: string
  snapshot: Snapshot
}

interface BeginState {
  oid: string
  /** Short branch name; undefined when HEAD was detached. */
  branch: string | undefined
  gitDir: string
  indexPath: string
  /** A byte copy of the user's index at begin, or undefined when there was none. */
  indexCopy: string | undefined
  /** The index file's mtime at begin, given to every copy of it (see begin). */
  indexTime: Date | undefined
  dirty: DirtyPath[]
  /** `.git/config` as begin found it: an agent that rewrites it could make our git commands run its code. */
  config: Buffer | undefined
  /** The repository metadata as begin found it (see repository-metadata.ts). */
  metadata: MetadataSnapshot
  /**
   * Settings laid over the repository's config for every command after begin: each filter driver
   * it defines, emptied. A driver names a program git finds on PATH (checkout's `lfs: true` writes
   * `git-lfs` ones), and PATH holds directories the agent can write.
   */
  neutral: Array<[string, string]>
}

/**
 * Diff options spelled out so that user settings (noprefix, external diff, textconv, renames, colour,
 * relative) cannot change a patch that `git apply` must take back, or hide a change from a policy.
 */
const PLAIN_DIFF = ['--no-renames', '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '--src-prefix=a/', '--dst-prefix=b/']

/** The files under `.git/info` that change what git shows and commits. */
const INFO_FILES = ['exclude', 'attributes'] as const

/** Files whose whole text a policy needs (see Change.contents), up to this size each. */
const MAX_WHOLE_TEXT_BYTES = 1024 * 1024

interface RawEntry {
  path: string
  status: string
  srcMode: string
  dstMode: string
}

interface LastChange {
  indexFile: string
  change: Change
  /** The tree of the change as it was read (the tree the gate then judges). */
  tree: string
}

const GITLINK_MODE = '160000'

/** The top level of the work tree `git` runs in, or undefined outside a git repository (or without git). */
export async function gitTopLevel(git: GitRunner): Promise<string | undefined> {
  try {
    const out = await git.run(['rev-parse', '--show-toplevel'], { allowFailure: true })
    return out.exitCode === 0 ? out.stdout.trim() : undefined
  } catch {
    return undefined
  }
}

/** The Workspace port on a real git repository (see the module comment for how). */
export class GitWorkspace implements Workspace {
  private readonly git: GitRunner
  private readonly root: string
  private readonly patchDir: string
  private readonly tempDirOption: string | undefined
  private readonly dirtyEdited: 'exclude' | 'include-when-edited'
  private readonly excludePaths: string[]
  private temp: string | undefined
  private state: BeginState | undefined
  private last: LastChange | undefined
  private skipped: string[] = []
  private includedDirty: string[] = []
  // The file holding the exact patch behind each Change we produced: `Change.patch` is a string,
  // which would mangle a text file that is not UTF-8, and leaves out binary payloads and huge text
  // sections (see readDiffOutput); savePatch copies this file instead.
  private readonly patchFiles = new WeakMap<Change, { file: string; start: number }>()
  private lastDiffFile: string | undefined
  private changeCount = 0
  private readonly configOnly: boolean
  // The tree and the patch's digest behind each Change we produced, taken when it was read: what
  // the gate judged, whatever happens to the files on disk afterwards (see judged()).
  private readonly trees = new WeakMap<Change, string>()
  private readonly patchDigests = new WeakMap<Change, string>()

  constructor(options: GitWorkspaceOptions) {
    this.git = options.git
    this.root = path.resolve(options.dir)
    this.patchDir = path.resolve(options.patchDir)
    this.tempDirOption = options.tempDir
    this.dirtyEdited = options.dirtyEdited ?? 'exclude'
    this.configOnly = options.configOnlyMetadataGuard === true
    this.excludePaths = options.excludePaths ?? []
  }

  /** Records HEAD, the branch and the paths dirty already (snapshotting their content) with one git command. */
  async begin(): Promise<{ preExistingDirty: string[] }> {
    const status = await this.run(['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all', '--no-renames'], {
      allowFailure: true
    })
    if (status.exitCode !== 0) {
      throw new Error(`${this.root} is not a usable git repository: ${status.stderr.trim() || `git status exited with ${status.exitCode}`}`)
    }
    const parsed = parseStatus(status.stdout)
    if (parsed.oid === undefined || parsed.oid === '(initial)') {
      throw new Error(`The repository in ${this.root} has no commit yet; Gated Agent needs at least one commit to work from.`)
    }
    const gitDir = await locateGitDir(this.root)
    if (gitDir === undefined) {
      const top = await this.run(['rev-parse', '--show-toplevel'], { allowFailure: true })
      throw new Error(
        `Gated Agent works from the top-level directory of a repository; ${this.root} is not one` +
          (top.exitCode === 0 ? ` (the top level is ${top.stdout.trim()}).` : '.')
      )
    }
    const temp = await this.tempDir()
    const snapshotDir = path.join(temp, 'begin')
    await fs.rm(snapshotDir, { recursive: true, force: true })
    await fs.mkdir(snapshotDir, { recursive: true })

    const indexPath = path.join(gitDir, 'index')
    const indexCopy = path.join(snapshotDir, 'index')
    const hasIndex = await tryCopyFile(indexPath, indexCopy)
    // The copies keep the index's own timestamp: git re-reads a file as new as the index it is
    // listed in ("racily clean"), and a copy stamped later would hide an edit the agent made in the
    // same second as the checkout without changing the file's size.
    const indexTime = hasIndex ? (await fs.stat(indexPath).catch(() => undefined))?.mtime : undefined
    if (indexTime) await fs.utimes(indexCopy, indexTime, indexTime)
    const dirty: DirtyPath[] = []
    for (const [i, p] of parsed.dirty.entries()) {
      dirty.push({ path: p, snapshot: await snapshotPath(path.join(this.root, p), path.join(snapshotDir, `dirty-${i}`)) })
    }
    const config = await fs.readFile(path.join(gitDir, 'config')).catch(() => undefined)
    const metadata = await snapshotMetadata(this.root, gitDir)
    if (!this.configOnly) await this.refuseConfigIncludes(metadata)
    const neutral = this.configOnly ? [] : await neutralFilters(metadata)
    this.state = {
      oid: parsed.oid,
      branch: parsed.branch,
      gitDir,
      indexPath,
      indexCopy: hasIndex ? indexCopy : undefined,
      indexTime,
      dirty,
      config,
      metadata,
      neutral
    }
    this.last = undefined
    this.skipped = []
    return { preExistingDirty: dirty.map((d) => d.path) }
  }

  /** The agent's change since `begin`: tracked edits, deletions and new files, pre-existing dirty paths left out. */
  async change(): Promise<Change> {
    const state = this.requireBegun()
    await this.guardMetadata(state)
    const temp = await this.tempDir()
    const indexFile = path.join(temp, 'change.index')
    const edited: string[] = []
    for (const d of state.dirty) {
      if (await differsFromSnapshot(path.join(this.root, d.path), d.snapshot)) edited.push(d.path)
    }
    const included = this.dirtyEdited === 'include-when-edited' ? edited : []
    await this.stageAgentChange(indexFile, included)
    // Each change keeps its own diff file (the exact bytes savePatch copies); the one before goes.
    const diffFile = path.join(temp, `change-${++this.changeCount}.diff`)
    const { entries, patch, patchStart } = await this.diffStaged(indexFile, diffFile, true)
    const change: Change = {
      paths: entries.map(toChangedPath),
      patch: patch.toString('utf8'),
      reviewPatch: await this.reviewPatch(indexFile, path.join(temp, `review-${this.changeCount}.diff`)),
      contents: await this.wholeTexts(indexFile, entries)
    }
    if (this.lastDiffFile !== undefined) await fs.rm(this.lastDiffFile, { force: true })
    this.lastDiffFile = diffFile
    this.patchFiles.set(change, { file: diffFile, start: patchStart })
    // The tree is written now: the temporary index sits in scratch space the gate's code can reach,
    // so the commit is made from this id, never from the index file as it is later.
    const tree = (await this.run(['write-tree'], { env: { GIT_INDEX_FILE: indexFile } })).stdout.trim()
    this.trees.set(change, tree)
    this.patchDigests.set(change, await digestFrom(diffFile, patchStart))
    this.last = { indexFile, change, tree }

    this.skipped = edited.filter((p) => !included.includes(p))
    this.includedDirty = included
    return change
  }

  /**
   * The exact patch bytes and the tree of a change this workspace read: what the gate judged. The
   * bytes are read back from the change's diff file and checked against the digest taken when the
   * change was read, so a file rewritten since is refused, never bundled. Undefined for a change
   * this workspace did not read.
   */
  async judged(change: Change): Promise<{ patch: Buffer; tree: string } | undefined> {
    const source = this.patchFiles.get(change)
    const tree = this.trees.get(change)
    const digest = this.patchDigests.get(change)
    if (source === undefined || tree === undefined || digest === undefined) return undefined
    const patch = (await fs.readFile(source.file)).subarray(source.start)
    if (createHash('sha256').update(patch).digest('hex') !== digest) {
      throw new Error(`The change's patch file ${source.file} changed after the gate judged it: refusing to hand it on.`)
    }
    return { patch, tree }
  }

  /** Paths dirty before `begin` that the agent also changed (as of the last `change()`), left out of the change. */
  lastSkippedDirty(): string[] {
    return [...this.skipped]
  }

  /** Paths dirty before `begin` that the agent also changed, part of the last change (`include-when-edited`). */
  lastIncludedDirty(): string[] {
    return [...this.includedDirty]
  }

  /** Says what is wrong when `.git` is gone or the agent moved HEAD or switched branches; undefined when intact. */
  async checkIntact(): Promise<string | undefined> {
    const state = this.requireBegun()
    if (!(await isGitDir(this.root, state.gitDir))) {
      return `The repository's git directory (${state.gitDir}) is gone: the agent deleted it. The change cannot be committed.`
    }
    if (this.configOnly) {
      if (await this.tryRestoreConfig(state)) {
        return `The agent rewrote the repository's git configuration (${path.join(state.gitDir, 'config')}); it was put back, and a change made that way is not proposed.`
      }
    } else {
      const check = await verifyMetadata(state.metadata)
      if (check.fatal !== undefined) return `${check.fatal}; git is not run on it again`
      // Hooks are put back too, but are no redirect: the action's git runs none, and installing
      // them is what a package manager's prepare script does (husky), so they do not stop the run.
      const hooks = path.join(state.metadata.commonDir, 'hooks')
      const redirects = check.restored.filter((file) => file !== hooks && !file.startsWith(`${hooks}${path.sep}`))
      // .git/info/exclude and .git/info/attributes hide files from the commit or changes from review:
      // what the gate judged would no longer be what ships.
      const info = redirects.filter((file) => INFO_FILES.some((name) => file === path.join(state.metadata.commonDir, 'info', name)))
      if (info.length > 0 && info.length === redirects.length) {
        const hides = info.some((file) => file.endsWith('exclude')) ? 'hides files from the commit' : 'hides changes from review'
        return `The agent changed ${info.join(' and ')}, which ${hides}; it was put back, and a change made that way is not proposed (what the gate judged must be what ships).`
      }
      if (redirects.length > 0) {
        return `The agent rewrote the repository's metadata (${describeTampered(redirects)}), which redirects or configures git; it was put back, and a change made that way is not proposed.`
      }
    }
    const head = await this.readHead()
    if (head === undefined) return 'git can no longer read HEAD in the work tree: the agent damaged the repository.'
    const expectedRef = state.branch === undefined ? 'HEAD' : `refs/heads/${state.branch}`
    if (head.ref !== expectedRef) {
      return `The agent switched from ${describeRef(expectedRef)} to ${describeRef(head.ref)}; it must edit files on the current branch, not check out another.`
    }
    if (head.oid !== state.oid) {
      return `The agent moved HEAD from ${state.oid.slice(0, 12)} to ${head.oid.slice(0, 12)} (it committed or reset); it must leave its change uncommitted.`
    }
    return undefined
  }

  /** Writes the change to `<patchDir>/<name>.patch` (exact bytes) and returns the file's path. */
  async savePatch(change: Change, name: string): Promise<string> {
    if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name)) {
      throw new Error(`A patch name must be a plain file name (letters, digits, '.', '_', '-'); got "${name}".`)
    }
    await fs.mkdir(this.patchDir, { recursive: true })
    const file = path.join(this.patchDir, `${name}.patch`)
    const exact = this.patchFiles.get(change)
    if (exact === undefined || !(await tryCopyFrom(exact.file, exact.start, file))) await fs.writeFile(file, change.patch)
    return file
  }

  /** Puts HEAD, the branch, the work tree and the index back exactly as `begin` found them. */
  async restore(): Promise<void> {
    const state = this.requireBegun()
    if (!(await isGitDir(this.root, state.gitDir))) {
      throw new Error(
        `Cannot restore ${this.root}: its git directory (${state.gitDir}) was deleted, so the files the agent changed cannot be told apart. Re-clone the repository.`
      )
    }
    await this.guardMetadata(state)
    await this.restoreHead(state)

    // With HEAD back, the agent's change relative to begin tells exactly which paths to put back.
    const temp = await this.tempDir()
    const indexFile = path.join(temp, 'restore.index')
    await this.stageAgentChange(indexFile)
    const { entries } = await this.diffStaged(indexFile, path.join(temp, 'restore.diff'), false)
    // Deletions first: a file the agent turned into a directory (or back) must be out of the way.
    for (const entry of entries.filter((e) => e.status === 'A')) {
      await fs.rm(path.join(this.root, entry.path), { recursive: true, force: true })
      await pruneEmptyParents(this.root, entry.path)
    }
    // A submodule's checked-out commit is the submodule's business; its files are not in this tree.
    const toCheckOut = entries.filter((e) => e.status !== 'A' && e.srcMode !== GITLINK_MODE).map((e) => e.path)
    if (toCheckOut.length > 0) {
      const env = { GIT_INDEX_FILE: indexFile }
      await this.run(['read-tree', state.oid], { env })
      await this.run(['checkout-index', '--force', '-z', '--stdin'], { env, input: toCheckOut.join('\0') })
    }

    for (const d of state.dirty) {
      const abs = path.join(this.root, d.path)
      if (await differsFromSnapshot(abs, d.snapshot)) await restoreSnapshot(abs, d.snapshot)
    }
    await restoreIndex(state)
    this.skipped = []
  }

  /**
   * Commits the last `change()` on `branch` (parent: begin's HEAD) and points the branch at it,
   * without checking it out: the user's current branch, index and work tree stay as they are.
   */
  async commit(request: CommitRequest): Promise<CommitResult> {
    const state = this.requireBegun()
    await this.guardMetadata(state)
    if (this.last === undefined) throw new Error('commit() needs a change: call change() first.')
    const { branch } = request
    await this.validateBranch(branch)
    if (branch === state.branch) {
      throw new Error(`Refusing to commit onto "${branch}": it is the branch checked out in ${this.root}. Choose another branch name.`)
    }
    const tree = this.last.tree
    const identity = {
      GIT_AUTHOR_NAME: request.author.name,
      GIT_AUTHOR_EMAIL: request.author.email,
      GIT_COMMITTER_NAME: request.author.name,
      GIT_COMMITTER_EMAIL: request.author.email
    }
    // commit-tree runs no hooks and never signs here: a runner has no signing key to prompt for.
    const sha = (
      await this.run(['commit-tree', '--no-gpg-sign', '-p', state.oid, '-F', '-', tree], {
        env: identity,
        input: withOwnTrailer(request.message)
      })
    ).stdout.trim()
    await this.run(['update-ref', '-m', 'gated-agent: propose', `refs/heads/${branch}`, sha])
    return { sha, branch }
  }

  /**
   * Pushes `sha` to `refs/heads/<branch>` on the remote, creating or updating it with a lease on
   * the sha it had a moment before, so a concurrent push is never overwritten. Skips the push when
   * the remote already has that commit.
   */
  async pushBranch(request: PushRequest): Promise<PushResult> {
    if (this.state) await this.guardMetadata(this.state)
    const { sha, branch } = request
    const target = request.url ?? request.remote ?? 'origin'
    if (target === '' || target.startsWith('-')) throw new Error(`Not a remote: "${target}".`)
    if (!isCommitId(sha)) throw new Error(`Not a commit id: "${sha}".`)
    await this.validateBranch(branch)
    const ref = `refs/heads/${branch}`
    const { env, secrets } = await this.pushEnvironment(request.token, request.url ?? (isUrl(target) ? target : await this.pushUrl(target)))

    const push = (expected: string | undefined) =>
      this.run(
        [
          'push',
          '--porcelain',
          '--no-verify',
          '--no-follow-tags',
          '--recurse-submodules=no',
          `--force-with-lease=${ref}:${expected ?? ''}`,
          target,
          `${sha}:${ref}`
        ],
        { env, secrets, allowFailure: true }
      )

    // A fresh branch is the common case: push expecting none, and only when the lease says the
    // branch exists already, ask the remote where it is and push again with that as the lease.
    let previousSha: string | undefined
    let pushed = await push(undefined)
    if (pushed.exitCode !== 0 && /stale info/.test(pushed.stdout + pushed.stderr)) {
      const listed = await this.run(['ls-remote', target, ref], { env, secrets })
      previousSha = listed.stdout
        .split('\n')
        .map((line) => line.split('\t'))
        .find((fields) => fields[1] === ref)?.[0]
      if (previousSha === sha) return { kind: 'unchanged', previousSha }
      if (previousSha !== undefined && request.owner !== undefined) {
        const foreign = await this.foreignCommitsOn(target, branch, previousSha, sha, request.owner, env, secrets)
        if (foreign.length > 0) throw foreignCommitsRejection(branch, target, foreign)
      }
      pushed = await push(previousSha)
    } else if (pushed.exitCode === 0 && /^=\t/m.test(pushed.stdout)) {
      // `=` in porcelain output: the remote had this very commit already.
      return { kind: 'unchanged', previousSha: sha }
    }
    if (pushed.exitCode !== 0) {
      throw rejection(branch, target, previousSha, redactSecrets(pushed.stdout, secrets), redactSecrets(pushed.stderr, secrets))
    }
    return previousSha === undefined ? { kind: 'created' } : { kind: 'updated', previousSha }
  }

  /**
   * Pushes `sha` to `refs/heads/<branch>` as a fast-forward of `expected` only (a PR follow-up: a
   * new commit on top of the head it started from). Never a force push: no `+`, no `--force`, no
   * lease, so the remote refuses anything that is not a fast-forward, and a head that moved
   * meanwhile (someone's commit on it) is never overwritten. Returns `unchanged` when the remote
   * already has `sha`.
   */
  async pushFastForward(request: PushRequest & { expected: string }): Promise<PushResult> {
    if (this.state) await this.guardMetadata(this.state)
    const { sha, branch, expected } = request
    const target = request.url ?? request.remote ?? 'origin'
    if (target === '' || target.startsWith('-')) throw new Error(`Not a remote: "${target}".`)
    if (!isCommitId(sha)) throw new Error(`Not a commit id: "${sha}".`)
    if (!isCommitId(expected)) throw new Error(`Not a commit id: "${expected}".`)
    await this.validateBranch(branch)
    const contains = await this.run(['merge-base', '--is-ancestor', expected, sha], { allowFailure: true })
    if (contains.exitCode !== 0) {
      throw new PushRejectedError(
        'non-fast-forward',
        branch,
        `Refusing to push ${branch}: ${sha.slice(0, 12)} is not on top of ${expected.slice(0, 12)}, so pushing it would rewrite the branch.`,
        ''
      )
    }
    const ref = `refs/heads/${branch}`
    const { env, secrets } = await this.pushEnvironment(request.token, request.url ?? (isUrl(target) ? target : await this.pushUrl(target)))
    const pushed = await this.run(
      ['push', '--porcelain', '--no-verify', '--no-follow-tags', '--recurse-submodules=no', target, `${sha}:${ref}`],
      { env, secrets, allowFailure: true }
    )
    if (pushed.exitCode === 0 && /^=\t/m.test(pushed.stdout)) return { kind: 'unchanged', previousSha: sha }
    if (pushed.exitCode !== 0) {
      throw rejection(branch, target, expected, redactSecrets(pushed.stdout, secrets), redactSecrets(pushed.stderr, secrets))
    }
    return { kind: 'updated', previousSha: expected }
  }

  /**
   * Reads the remote branch a proposal would go to: absent, holding only the action's own commits
   * (or ones `base` contains), or holding someone else's commits, which a proposal must not drop.
   */
  async inspectRemoteBranch(request: RemoteBranchRequest): Promise<RemoteBranchState> {
    const { remote, branch, base } = request
    if (remote === '' || remote.startsWith('-')) throw new Error(`Not a remote: "${remote}".`)
    await this.validateBranch(branch)
    const ref = `refs/heads/${branch}`
    const { env, secrets } = await this.pushEnvironment(request.token)
    const listed = await this.run(['ls-remote', remote, ref], { env, secrets })
    const sha = listed.stdout
      .split('\n')
      .map((line) => line.split('\t'))
      .find((fields) => fields[1] === ref)?.[0]
    if (sha === undefined) return { kind: 'absent' }
    const commits = await this.foreignCommitsOn(remote, branch, sha, base, request.owner, env, secrets)
    return commits.length === 0 ? { kind: 'ours', sha } : { kind: 'foreign', sha, commits }
  }

  /** What a local branch holds, as {@link inspectRemoteBranch} reads a remote one (the CLI's proposals). */
  async inspectLocalBranch(request: Omit<RemoteBranchRequest, 'remote' | 'token'>): Promise<RemoteBranchState> {
    await this.validateBranch(request.branch)
    const found = await this.run(['rev-parse', '--verify', '--quiet', `refs/heads/${request.branch}^{commit}`], { allowFailure: true })
    const sha = found.stdout.trim()
    if (found.exitCode !== 0 || sha === '') return { kind: 'absent' }
    const commits = await this.foreignCommitsOn('.', request.branch, sha, request.base, request.owner, {}, [])
    return commits.length === 0 ? { kind: 'ours', sha } : { kind: 'foreign', sha, commits }
  }

  /**
   * Someone else's commits that replacing the remote branch's head `tip` with a commit on `keep`
   * would drop: none when the tip is the action's own (see {@link OWN_COMMIT_TRAILER}) or `keep`
   * contains it. Fetches the branch when `tip` is missing.
   */
  private async foreignCommitsOn(
    remote: string,
    branch: string,
    tip: string,
    keep: string,
    owner: CommitIdentity,
    env: Record<string, string>,
    secrets: string[]
  ): Promise<ForeignCommit[]> {
    if (!(await this.hasCommit(tip))) {
      // A shallow checkout stays shallow: its history is not fetched whole for this one look.
      const shallow = (await this.run(['rev-parse', '--is-shallow-repository'], { allowFailure: true })).stdout.trim() === 'true'
      await this.run(
        [
          'fetch',
          '--quiet',
          '--no-tags',
          '--no-write-fetch-head',
          '--recurse-submodules=no',
          ...(shallow ? ['--depth=100'] : []),
          remote,
          `refs/heads/${branch}`
        ],
        { env, secrets, allowFailure: true }
      )
      if (!(await this.hasCommit(tip))) {
        // Unreadable: treat the branch as someone's, so nothing is overwritten on a guess.
        return [{ sha: tip, author: 'unknown', subject: `the head of ${branch}, which could not be fetched` }]
      }
    }
    // The action only ever commits directly on a base commit, never on top of a proposal branch:
    // a tip of ours holds nothing but our proposal on some base, so replacing it loses nobody's
    // work. A tip that `keep` contains (merged, or already in the base) is no loss either.
    const format = '--format=%H%x1f%cn%x1f%ce%x1f%an%x1f%s%x1f%(trailers:only,unfold)%x1e'
    const records = async (args: string[]) => {
      const out = await this.run(['rev-list', '--no-commit-header', format, ...args, '--'], { env, allowFailure: true })
      return out.exitCode !== 0
        ? undefined
        : out.stdout
            .split('\x1e')
            .map((record) => record.trim().split('\x1f'))
            .filter(([sha]) => sha)
    }
    const isOurs = ([, committerName, committerEmail, , , trailers]: string[]): boolean =>
      committerName === owner.name &&
      committerEmail === owner.email &&
      (trailers ?? '').split('\n').some((line) => line.trim() === OWN_COMMIT_TRAILER)
    const [head] = (await records(['--max-count=1', tip])) ?? []
    if (head !== undefined && isOurs(head)) return []
    const contained = await this.run(['merge-base', '--is-ancestor', tip, keep], { allowFailure: true })
    if (contained.exitCode === 0) return []
    const listed = await records(['--max-count=50', tip, '--not', keep])
    if (listed === undefined) return [{ sha: tip, author: 'unknown', subject: `the head of ${branch}, whose history could not be read` }]
    const foreign = listed.filter((record) => !isOurs(record)).map(([sha, , , author, subject]) => ({ sha, author, subject }))
    return foreign.length > 0 ? foreign : [{ sha: tip, author: head?.[3] ?? 'unknown', subject: head?.[4] ?? '' }]
  }

  /**
   * The pull request's change as a reviewer sees it: `git diff <base>...<head>` (from their merge
   * base), the base branch fetched from origin first when the checkout lacks it (each fetch with
   * the checkout's own credentials, then with `token` for that command only). Undefined when it
   * cannot be read. Run before the agent, with the repository's own remote settings.
   */
  async pullRequestDiff(request: { baseBranch: string; head: string; token?: string }): Promise<string | undefined> {
    const { baseBranch, head } = request
    await this.validateBranch(baseBranch)
    if (!isCommitId(head)) return undefined
    const tracking = `refs/remotes/origin/${baseBranch}`
    const fetch = ['fetch', '--quiet', '--no-tags', 'origin', `+refs/heads/${baseBranch}:${tracking}`]
    for (const auth of [undefined, ...(request.token ? [tokenHeaderEnvironment(request.token)] : [])]) {
      const fetched = await this.run(fetch, { allowFailure: true, env: auth?.env, secrets: auth?.secrets })
      if (fetched.exitCode === 0) break
    }
    const diff = await this.run(['diff', ...PLAIN_DIFF, '--no-color', `${tracking}...${head}`, '--'], { allowFailure: true })
    return diff.exitCode === 0 ? diff.stdout : undefined
  }

  /** Whether the repository holds the commit `sha` (no `begin` needed). */
  async hasCommit(sha: string): Promise<boolean> {
    if (!isCommitId(sha)) return false
    const found = await this.run(['cat-file', '-e', `${sha}^{commit}`], { allowFailure: true })
    return found.exitCode === 0
  }

  /**
   * Fetches one commit by id (depth 1) when the repository lacks it, e.g. a shallow checkout of a
   * branch that moved on. Returns whether the repository holds the commit afterwards.
   */
  async tryFetchCommit(request: FetchCommitRequest): Promise<boolean> {
    const { url, sha } = request
    if (!isCommitId(sha)) return false
    if (await this.hasCommit(sha)) return true
    if (url === '' || url.startsWith('-')) throw new Error(`Not a remote: "${url}".`)
    const { env, secrets } = await this.pushEnvironment(request.token, url)
    const fetched = await this.run(
      ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--recurse-submodules=no', '--depth=1', url, sha],
      { env, secrets, allowFailure: true }
    )
    return fetched.exitCode === 0 && (await this.hasCommit(sha))
  }

  /**
   * Applies a patch to `base`'s tree and commits the result on `branch`, with plumbing only: a
   * temporary index (`read-tree`, `apply --cached`, `write-tree`, `commit-tree`, `update-ref`).
   * No `begin` is needed; the work tree, the index and HEAD are never touched, no hook runs, and
   * no file of the patch is ever written to disk, so a patch cannot reach outside the repository
   * through a symbolic link. The paths are git's own reading of the result, not the patch's claim.
   */
  async tryCommitPatch(request: PatchCommitRequest): Promise<PatchCommitResult> {
    const { base, branch } = request
    if (!(await this.hasCommit(base))) return { kind: 'does-not-apply', message: `the base commit ${base} is not in ${this.root}.` }
    await this.validateBranch(branch)
    if ((await this.checkedOutBranch()) === branch) {
      throw new Error(`Refusing to commit onto "${branch}": it is the branch checked out in ${this.root}. Choose another branch name.`)
    }
    const temp = await this.tempDir()
    const indexFile = path.join(temp, 'patch.index')
    await fs.rm(indexFile, { force: true })
    const hookless = (await this.pushEnvironment(undefined)).env
    const env = { ...hookless, GIT_INDEX_FILE: indexFile }
    await this.run(['read-tree', base], { env })
    // The whitespace rule is spelled out so that a user's apply.whitespace cannot alter the bytes.
    const applied = await this.run(['apply', '--cached', '--whitespace=nowarn', '-'], { env, input: request.patch, allowFailure: true })
    if (applied.exitCode !== 0) {
      return { kind: 'does-not-apply', message: applied.stderr.trim() || `git apply exited with ${applied.exitCode}.` }
    }
    const { entries } = await this.diffStaged(indexFile, path.join(temp, 'patch.diff'), false, base)
    const tree = (await this.run(['write-tree'], { env })).stdout.trim()
    const identity = {
      ...hookless,
      GIT_AUTHOR_NAME: request.author.name,
      GIT_AUTHOR_EMAIL: request.author.email,
      GIT_COMMITTER_NAME: request.author.name,
      GIT_COMMITTER_EMAIL: request.author.email
    }
    const sha = (
      await this.run(['commit-tree', '--no-gpg-sign', '-p', base, '-F', '-', tree], {
        env: identity,
        input: withOwnTrailer(request.message)
      })
    ).stdout.trim()
    // update-ref runs the reference-transaction hook: hooks stay switched off here too.
    await this.run(['update-ref', '-m', 'gated-agent: publish', `refs/heads/${branch}`, sha], { env: hookless })
    return { kind: 'committed', sha, branch, tree, paths: entries.map(toChangedPath) }
  }

  /**
   * The URL of a remote as the repository's config has it now: read it before any agent runs, and
   * hand it to {@link pushBranch} and {@link tryFetchCommit}, so a rewritten config cannot redirect them.
   */
  async remoteUrl(remote = 'origin'): Promise<string> {
    return (await this.run(['remote', 'get-url', remote])).stdout.trim()
  }

  /** The branch checked out now (no `begin` needed); undefined when HEAD is detached. */
  async checkedOutBranch(): Promise<string | undefined> {
    const current = await this.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true })
    return current.exitCode === 0 ? current.stdout.trim() : undefined
  }

  /** The commit HEAD is at now (no `begin` needed); empty in a repository without commits. */
  async currentCommit(): Promise<string> {
    return (await this.run(['rev-parse', '--verify', '--quiet', 'HEAD'], { allowFailure: true })).stdout.trim()
  }

  /**
   * Puts the work tree on `sha` with a detached HEAD, before any agent runs (it uses the
   * repository's own remote settings, as the checkout left them). The commit is fetched from
   * origin when missing (shallow clones lack it), first by id, then by its branch; each fetch first
   * with the checkout's own credentials, then with `token` in a header for that command only.
   */
  async checkOutCommit(request: CheckOutRequest): Promise<CheckOutResult> {
    const { sha, branch } = request
    if (!isCommitId(sha)) return { kind: 'missing', why: 'not a full commit id' }
    let why = ''
    if (!(await this.hasCommit(sha))) {
      const shallow = (await this.run(['rev-parse', '--is-shallow-repository'], { allowFailure: true })).stdout.trim() === 'true'
      const fetches: string[][] = [
        ['fetch', '--quiet', '--no-tags', ...(shallow ? ['--depth=1'] : []), 'origin', sha],
        // A server that refuses a bare commit id still serves the branch, which holds it unless it moved on.
        [
          'fetch',
          '--quiet',
          '--no-tags',
          ...(shallow ? ['--depth=50'] : []),
          'origin',
          `+refs/heads/${branch}:refs/remotes/origin/${branch}`
        ]
      ]
      const auths = [undefined, ...(request.token ? [tokenHeaderEnvironment(request.token)] : [])]
      for (const args of fetches) {
        for (const auth of auths) {
          const fetched = await this.run(args, { allowFailure: true, env: auth?.env, secrets: auth?.secrets })
          if (fetched.exitCode === 0) break
          why = lastWords(redactSecrets(fetched.stderr, auth?.secrets))
        }
        if (await this.hasCommit(sha)) break
      }
      if (!(await this.hasCommit(sha))) return { kind: 'missing', why }
    }
    const checkout = await this.run(['checkout', '--quiet', '--detach', sha], { allowFailure: true })
    return checkout.exitCode === 0 ? { kind: 'checked-out' } : { kind: 'checkout-failed', why: lastWords(checkout.stderr) }
  }

  /** HEAD's commit at `begin`. */
  headSha(): string {
    return this.requireBegun().oid
  }

  /** The branch checked out at `begin`; undefined when HEAD was detached. */
  currentBranch(): string | undefined {
    return this.requireBegun().branch
  }

  /**
   * Puts the repository metadata back one last time (on every path out, a failed one included, so
   * no redirect or hook planted since the last git command survives for the job's later steps),
   * then removes the scratch directory (when this workspace created it).
   */
  async dispose(): Promise<void> {
    if (this.state !== undefined && !this.configOnly) await verifyMetadata(this.state.metadata).catch(() => undefined)
    if (this.temp !== undefined && this.tempDirOption === undefined) {
      await fs.rm(this.temp, { recursive: true, force: true })
      this.temp = undefined
    }
  }

  /**
   * Runs git. After `begin`, first the repository metadata is verified and whatever the agent or
   * the gate rewrote is put back, then git runs pinned to the git directory recorded at begin
   * (`GIT_DIR`, `GIT_COMMON_DIR`): it never follows a `.git` gitfile, a `commondir` or an
   * alternate object store planted since.
   */
  private async run(args: string[], opts: GitRunOptions = {}): Promise<GitResult> {
    if (this.state === undefined) return this.git.run(args, opts)
    const pinned = await this.guardMetadata(this.state)
    return this.git.run(args, { ...opts, env: withConfig({ ...pinned, ...opts.env }, this.state.neutral) })
  }

  /**
   * Verifies the metadata, puts back what changed and returns the pinning environment. What it put
   * back is not reported here: checkIntact reports the agent's rewrites; one made while the gate
   * ran is undone before git reads it, which is all that matters for the commit and the push.
   */
  private async guardMetadata(state: BeginState): Promise<Record<string, string>> {
    if (this.configOnly) {
      await this.tryRestoreConfig(state)
      return {}
    }
    const check = await verifyMetadata(state.metadata)
    if (check.fatal !== undefined) {
      throw new Error(`Refusing to run git in ${this.root}: ${check.fatal}. Re-clone the repository; nothing was pushed.`)
    }
    return pinnedGitEnv(state.metadata)
  }

  /**
   * Refuses a repository whose config includes another file (`include.path`, `includeIf.*.path`):
   * after the agent ran, the action's git would read that file, and the agent can write it (a file
   * in the work tree, in HOME, anywhere its user can). checkout's own credential includes are gone
   * by now (they are put out of reach before begin).
   */
  private async refuseConfigIncludes(metadata: MetadataSnapshot): Promise<void> {
    const files = [
      ...new Set([
        path.join(metadata.gitDir, 'config'),
        path.join(metadata.commonDir, 'config'),
        path.join(metadata.gitDir, 'config.worktree')
      ])
    ]
    const found: string[] = []
    for (const file of files) {
      const text = await fs.readFile(file, 'utf8').catch(() => '')
      // A `path` under `[include]` or `[includeIf "..."]`, however spaced or cased (an emptied
      // section, as `git config --unset` leaves one, includes nothing). Read without running git,
      // erring on the side of refusing.
      let section = ''
      for (const line of text.split('\n')) {
        const header = /^\s*\[\s*([^\]]*)\]/.exec(line)
        if (header) section = header[1].trim()
        const rest = header ? line.slice(header[0].length) : line
        if (/^include(if\b|$)/i.test(section) && /^\s*path\s*(=|$)/i.test(rest)) found.push(`[${section}] path in ${file}`)
      }
    }
    if (found.length === 0) return
    throw new Error(
      `The repository's git config includes other files (${found.join('; ')}). After the agent ran, Gated Agent's own git would read them, ` +
        'and the agent can write them. Move those settings into the config itself, or remove the include (git config --local --remove-section <section>), before Gated Agent runs.'
    )
  }

  /** The URL git would push to for `remote`, as the (verified) repository config names it. */
  private async pushUrl(remote: string): Promise<string | undefined> {
    const result = await this.run(['remote', 'get-url', '--push', remote], { allowFailure: true })
    return result.exitCode === 0 ? result.stdout.trim() : undefined
  }

  /**
   * Puts `.git/config` back as begin found it when it changed; true when it had. Runs before every
   * git command that follows an agent run, so settings the agent planted (filters, `core.*`
   * commands, remotes) never take effect in the action's process tree.
   */
  private async tryRestoreConfig(state: BeginState): Promise<boolean> {
    if (state.config === undefined) return false
    const file = path.join(state.gitDir, 'config')
    const now = await fs.readFile(file).catch(() => undefined)
    if (now !== undefined && now.equals(state.config)) return false
    if (!(await isGitDir(this.root, state.gitDir))) return false
    await fs.writeFile(file, state.config)
    return true
  }

  private requireBegun(): BeginState {
    if (this.state === undefined) throw new Error('The workspace was not recorded: call begin() first.')
    return this.state
  }

  private async tempDir(): Promise<string> {
    if (this.temp === undefined) {
      if (this.tempDirOption !== undefined) {
        await fs.mkdir(this.tempDirOption, { recursive: true })
        this.temp = path.resolve(this.tempDirOption)
      } else {
        this.temp = await fs.mkdtemp(path.join(os.tmpdir(), 'gated-agent-git-'))
      }
    }
    return this.temp
  }

  /** Fills `indexFile` with begin's tree plus every path of the work tree except the pre-existing dirty ones. */
  private async stageAgentChange(indexFile: string, includeDirty: string[] = []): Promise<void> {
    const state = this.requireBegun()
    // Starting from a copy of the user's index keeps its file stat data, so `add` re-reads only
    // files that changed instead of hashing the whole tree; read-tree resets the content to begin's.
    if (state.indexCopy === undefined || !(await tryCopyFile(state.indexCopy, indexFile))) {
      await fs.rm(indexFile, { force: true })
    }
    const env = { GIT_INDEX_FILE: indexFile }
    await this.run(['read-tree', '--reset', state.oid], { env })
    // read-tree writes the scratch index now: stamp it as the original was (see begin), so `add`
    // still re-reads the files git would have to.
    if (state.indexTime) await fs.utimes(indexFile, state.indexTime, state.indexTime).catch(() => undefined)
    const excluded = [...state.dirty.filter((d) => !includeDirty.includes(d.path)).map((d) => d.path), ...this.excludePaths]
    const pathspecs = [':(top)', ...excluded.map((p) => `:(top,literal,exclude)${p}`)]
    await this.run(['add', '--all', '--pathspec-from-file=-', '--pathspec-file-nul'], { env, input: pathspecs.join('\0') })
  }

  /**
   * The change as policies read it: every file as text (`--text`), with no user-wide or system
   * attributes, textconv or external diff, so `binary`, `-diff` or a diff driver hides nothing.
   */
  private async reviewPatch(indexFile: string, outFile: string): Promise<string> {
    await this.run(
      [
        '-c',
        'core.attributesFile=/dev/null',
        'diff',
        '--cached',
        '--text',
        ...PLAIN_DIFF,
        `--output=${outFile}`,
        this.requireBegun().oid,
        '--'
      ],
      { env: { GIT_INDEX_FILE: indexFile, GIT_ATTR_NOSYSTEM: '1' } }
    )
    return (await fs.readFile(outFile)).toString('utf8')
  }

  /** Before and after texts of the changed files a policy reads whole (package.json, pyproject.toml, setup.cfg, test files). */
  private async wholeTexts(indexFile: string, entries: RawEntry[]): Promise<Change['contents']> {
    const contents: NonNullable<Change['contents']> = {}
    const read = async (spec: string, env?: Record<string, string>): Promise<string | undefined> => {
      const size = await this.run(['cat-file', '-s', spec], { env, allowFailure: true })
      if (size.exitCode !== 0 || Number(size.stdout.trim()) > MAX_WHOLE_TEXT_BYTES) return undefined
      const blob = await this.run(['cat-file', 'blob', spec], { env, allowFailure: true })
      return blob.exitCode === 0 ? blob.stdout : undefined
    }
    for (const entry of entries) {
      if (!needsWholeText(entry.path) && !isTestPath(entry.path)) continue
      if (entry.srcMode === GITLINK_MODE || entry.dstMode === GITLINK_MODE) continue
      contents[entry.path] = {
        before: entry.status === 'A' ? undefined : await read(`${this.requireBegun().oid}:${entry.path}`),
        after: entry.status === 'D' ? undefined : await read(`:${entry.path}`, { GIT_INDEX_FILE: indexFile })
      }
    }
    return contents
  }

  /** Diffs `indexFile` against begin's commit: the changed paths, and the binary-safe patch when asked. */
  private async diffStaged(
    indexFile: string,
    outFile: string,
    withPatch: boolean,
    base?: string
  ): Promise<{ entries: RawEntry[]; patch: Buffer; patchStart: number }> {
    const from = base ?? this.requireBegun().oid
    // Spelled out so that user settings (noprefix, external diff, renames, colour, relative) cannot
    // change a patch that `git apply` must take back.
    await this.run(
      ['diff', '--cached', '-z', '--raw', ...PLAIN_DIFF, ...(withPatch ? ['--patch', '--binary'] : []), `--output=${outFile}`, from, '--'],
      { env: { GIT_INDEX_FILE: indexFile } }
    )
    return readDiffOutput(outFile)
  }

  private async readHead(): Promise<{ oid: string; ref: string } | undefined> {
    const result = await this.run(['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD'], { allowFailure: true })
    const [oid, ref] = result.stdout.trim().split('\n')
    if (result.exitCode !== 0 || oid === undefined || ref === undefined || !/^[0-9a-f]{40,64}$/.test(oid)) return undefined
    return { oid, ref }
  }

  /** Puts HEAD (and the branch it names) back on begin's commit, touching neither index nor files. */
  private async restoreHead(state: BeginState): Promise<void> {
    const head = await this.readHead()
    if (state.branch === undefined) {
      if (head?.ref !== 'HEAD' || head.oid !== state.oid) {
        await this.run(['update-ref', '--no-deref', '-m', 'gated-agent: restore', 'HEAD', state.oid])
      }
      return
    }
    const ref = `refs/heads/${state.branch}`
    if (head?.ref !== ref) await this.run(['symbolic-ref', '-m', 'gated-agent: restore', 'HEAD', ref])
    if (head?.ref !== ref || head.oid !== state.oid) {
      await this.run(['update-ref', '-m', 'gated-agent: restore', ref, state.oid])
    }
  }

  /** Refuses a name git would not take as a branch, by git's own rules (see core/naming.ts). */
  private async validateBranch(branch: string): Promise<void> {
    const problem = branchNameProblem(branch)
    if (problem) throw new Error(`"${branch}" is not a valid branch name: ${problem}.`)
  }

  /**
   * The environment for commands that reach the remote. The token goes in an Authorization header
   * set through git's environment config (GIT_CONFIG_COUNT), so it never lands in a config file or
   * on a command line; the empty first value drops any header persisted by actions/checkout.
   * Hooks are switched off: the agent could have planted one, and hooks inherit this environment.
   */
  private async pushEnvironment(token: string | undefined, url?: string): Promise<{ env: Record<string, string>; secrets: string[] }> {
    // Not a directory in scratch space, where the gate's code could plant a hook.
    const config: Array<[string, string]> = [['core.hooksPath', '/dev/null']]
    const secrets: string[] = []
    if (token !== undefined && token !== '') {
      const basic = Buffer.from(`x-access-token:${token}`).toString('base64')
      const header = `AUTHORIZATION: basic ${basic}`
      // Scoped to the one URL the action pushes to (more specific than any persisted header, which
      // the empty value drops): redirected anywhere else, git sends no header at all.
      // Any other transport (a path, ssh) takes no header: none is set, so none can leak.
      if (url !== undefined && /^https?:\/\//i.test(url) && !url.includes('\n')) {
        config.push([`http.${url}.extraheader`, ''], [`http.${url}.extraheader`, header])
      }
      secrets.push(token, basic, header)
    }
    return { env: configEnvironment(config), secrets }
  }
}

/**
 * The token as an Authorization header, as git config entries: an empty first value drops any
 * header persisted by actions/checkout, and the secrets are everything an error must blank out.
 */
function tokenHeader(token: string): { config: Array<[string, string]>; secrets: string[] } {
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64')
  const header = `AUTHORIZATION: basic ${basic}`
  return {
    config: [
      ['http.extraheader', ''],
      ['http.extraheader', header]
    ],
    secrets: [token, basic, header]
  }
}

/** Config entries for one command, through git's environment (GIT_CONFIG_COUNT): never in a file or on a command line. */
function configEnvironment(config: Array<[string, string]>): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(config.length) }
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key
    env[`GIT_CONFIG_VALUE_${i}`] = value
  })
  return env
}

/** The token in an Authorization header for one git command, with the secrets to redact. */
function tokenHeaderEnvironment(token: string): { env: Record<string, string>; secrets: string[] } {
  const { config, secrets } = tokenHeader(token)
  return { env: configEnvironment(config), secrets }
}

/** The last three lines of git's stderr, on one line. */
function lastWords(stderr: string): string {
  return stderr.trim().split('\n').slice(-3).join(' ')
}

/** The message with the trailer that marks the commit as the action's own. */
function withOwnTrailer(message: string): string {
  const body = message.replace(/\s+$/, '')
  return body.split('\n').some((line) => line.trim() === OWN_COMMIT_TRAILER) ? `${body}\n` : `${body}\n\n${OWN_COMMIT_TRAILER}\n`
}

/** A short list of someone else's commits, for a message. */
export function describeForeignCommits(commits: ForeignCommit[]): string {
  const shown = commits
    .slice(0, 3)
    .map((c) => `${c.sha.slice(0, 12)} "${c.subject}" by ${c.author}`)
    .join(', ')
  return `${commits.length} commit(s) Gated Agent did not write (${shown}${commits.length > 3 ? `, and ${commits.length - 3} more` : ''})`
}

function foreignCommitsRejection(branch: string, target: string, commits: ForeignCommit[]): PushRejectedError {
  return new PushRejectedError(
    'foreign-commits',
    branch,
    `${branch} on ${target} holds ${describeForeignCommits(commits)}; it was left as it is, since pushing would drop that work. ` +
      `Merge or close its pull request and delete the branch, or move those commits elsewhere, then ask again.`,
    ''
  )
}

function toChangedPath(entry: RawEntry): ChangedPath {
  const status = entry.status === 'A' ? 'added' : entry.status === 'D' ? 'deleted' : 'modified'
  return { path: entry.path, status }
}

/** Adds `pairs` to the environment's `GIT_CONFIG_COUNT` entries (after any it holds). */
function withConfig(env: Record<string, string>, pairs: ReadonlyArray<[string, string]>): Record<string, string> {
  if (pairs.length === 0) return env
  const out = { ...env }
  let count = Number(env.GIT_CONFIG_COUNT ?? '0') || 0
  for (const [key, value] of pairs) {
    out[`GIT_CONFIG_KEY_${count}`] = key
    out[`GIT_CONFIG_VALUE_${count}`] = value
    count++
  }
  out.GIT_CONFIG_COUNT = String(count)
  return out
}

/** Every filter driver the repository's config files define, emptied and made optional. */
async function neutralFilters(metadata: MetadataSnapshot): Promise<Array<[string, string]>> {
  const names = new Set<string>()
  for (const file of new Set([
    path.join(metadata.gitDir, 'config'),
    path.join(metadata.commonDir, 'config'),
    path.join(metadata.gitDir, 'config.worktree')
  ])) {
    const text = await fs.readFile(file, 'utf8').catch(() => '')
    // `[filter "name"]`, and the old `[filter.name]` spelling (lower-cased by git).
    for (const match of text.matchAll(/^\s*\[\s*filter\s+"((?:[^"\\]|\\.)*)"\s*\]/gim)) names.add(match[1].replace(/\\(.)/g, '$1'))
    for (const match of text.matchAll(/^\s*\[\s*filter\.([^\]\s]+)\s*\]/gim)) names.add(match[1].toLowerCase())
  }
  return [...names].flatMap((name): Array<[string, string]> => [
    [`filter.${name}.clean`, ''],
    [`filter.${name}.smudge`, ''],
    [`filter.${name}.process`, ''],
    [`filter.${name}.required`, 'false']
  ])
}

/** A few of the metadata paths that were put back, for a message. */
function describeTampered(paths: string[]): string {
  const unique = [...new Set(paths)]
  return unique.length <= 5 ? unique.join(', ') : `${unique.slice(0, 5).join(', ')} and ${unique.length - 5} more`
}

/** Whether a push target is a URL or path rather than a remote's name. */
function isUrl(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(target) || target.startsWith('/') || /^[^/:]+@[^/:]+:/.test(target)
}

function describeRef(ref: string): string {
  if (ref === 'HEAD') return 'a detached HEAD'
  return `branch ${ref.replace(/^refs\/heads\//, '')}`
}

function rejection(branch: string, target: string, expected: string | undefined, stdout: string, stderr: string): PushRejectedError {
  const text = `${stdout}\n${stderr}`
  if (/refusing to allow .* to create or update workflow/i.test(text)) {
    return new PushRejectedError(
      'workflows-permission',
      branch,
      `Pushing ${branch} to ${target} was rejected: the change touches a workflow file (.github/workflows) and the token lacks the workflows permission. ` +
        'Give the token that permission (a GitHub App with "workflows: write", or a personal token with the workflow scope), ' +
        'or keep .github/workflows/** in protected-paths so the agent leaves workflows alone.',
      stderr
    )
  }
  if (/\((stale info|non-fast-forward|fetch first)\)/.test(text)) {
    return new PushRejectedError(
      'non-fast-forward',
      branch,
      `Pushing ${branch} to ${target} was rejected: the remote branch changed after Gated Agent read it ` +
        `(it expected ${expected === undefined ? 'no branch' : expected.slice(0, 12)}), so it was not overwritten. ` +
        'Someone else pushed to it meanwhile; run again to propose on top of its current state.',
      stderr
    )
  }
  const reason = stderr.trim().split('\n').slice(-5).join('\n') || stdout.trim()
  return new PushRejectedError(
    'other',
    branch,
    `Pushing ${branch} to ${target} failed: ${reason}\n` +
      `Check that the token may write to the repository (contents: write) and that no rule blocks pushing to ${branch}.`,
    stderr
  )
}

interface ParsedStatus {
  oid: string | undefined
  branch: string | undefined
  dirty: string[]
}

/** Parses `git status --porcelain=v2 --branch -z`: HEAD's oid, the branch, and every dirty path. */
function parseStatus(out: string): ParsedStatus {
  const records = out.split('\0')
  let oid: string | undefined
  let branch: string | undefined
  const dirty = new Set<string>()
  for (let i = 0; i < records.length; i++) {
    const record = records[i]
    if (record.startsWith('# branch.oid ')) oid = record.slice('# branch.oid '.length)
    else if (record.startsWith('# branch.head ')) {
      const head = record.slice('# branch.head '.length)
      branch = head === '(detached)' ? undefined : head
    } else if (record.startsWith('1 ')) dirty.add(afterFields(record, 8))
    else if (record.startsWith('2 ')) {
      dirty.add(afterFields(record, 9))
      // A rename record is followed by its original path, dirty too (deleted from the index).
      dirty.add(records[++i])
    } else if (record.startsWith('u ')) dirty.add(afterFields(record, 10))
    else if (record.startsWith('? ')) dirty.add(record.slice(2))
  }
  return { oid, branch, dirty: [...dirty] }
}

/** The rest of `record` after its first `count` space-separated fields (a path may hold spaces). */
function afterFields(record: string, count: number): string {
  let at = 0
  for (let i = 0; i < count; i++) at = record.indexOf(' ', at) + 1
  return record.slice(at)
}

/** A text section of the patch larger than this is not read into memory (it stays in the patch file). */
export const MAX_TEXT_SECTION_BYTES = 8 * 1024 * 1024
/** Text beyond this much in all is not read into memory either. */
export const MAX_PATCH_TEXT_BYTES = 128 * 1024 * 1024

/**
 * Reads `git diff -z --raw [--patch --binary]` output from a file, in chunks: the raw records, and
 * the patch as the policies read it. A binary payload is never read into memory (only its `GIT
 * binary patch` line is kept), nor a text section over {@link MAX_TEXT_SECTION_BYTES} or past
 * {@link MAX_PATCH_TEXT_BYTES} in all (its header is kept, with a `Binary files ... differ` line),
 * so a 450 MB file the agent wrote cannot exhaust memory or a string's length. The file itself
 * keeps every byte.
 */
async function readDiffOutput(file: string): Promise<{ entries: RawEntry[]; patch: Buffer; patchStart: number }> {
  const handle = await fs.open(file, 'r')
  try {
    const entries: RawEntry[] = []
    const bounder = new PatchBounder()
    let head = Buffer.alloc(0)
    let inRaw = true
    let consumed = 0
    let patchStart = 0
    const chunk = Buffer.alloc(1024 * 1024)
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null)
      const eof = bytesRead === 0
      let data = Buffer.from(chunk.subarray(0, bytesRead))
      if (inRaw) {
        head = Buffer.concat([head, data])
        const parsed = parseRawRecords(head, eof)
        entries.push(...parsed.entries)
        head = head.subarray(parsed.at)
        consumed += parsed.at
        if (!parsed.complete) continue
        inRaw = false
        // With --patch, a NUL separates the raw records from the patch.
        const separator = head.length > 0 && head[0] === 0 ? 1 : 0
        patchStart = consumed + separator
        data = head.subarray(separator)
        head = Buffer.alloc(0)
      }
      if (data.length > 0) bounder.push(data)
      if (eof) break
    }
    return { entries, patch: bounder.finish(), patchStart }
  } finally {
    await handle.close()
  }
}

/** The complete raw records at the start of `bytes`; `complete` once the records have ended. */
function parseRawRecords(bytes: Buffer, eof: boolean): { entries: RawEntry[]; at: number; complete: boolean } {
  const entries: RawEntry[] = []
  let at = 0
  while (at < bytes.length && bytes[at] === 0x3a /* ':' */) {
    const metaEnd = bytes.indexOf(0, at)
    const pathEnd = metaEnd < 0 ? -1 : bytes.indexOf(0, metaEnd + 1)
    if (metaEnd < 0 || pathEnd < 0) {
      if (eof) throw new Error('Unexpected output from git diff --raw -z.')
      return { entries, at, complete: false }
    }
    const [srcMode, dstMode, , , status] = bytes.toString('utf8', at + 1, metaEnd).split(' ')
    entries.push({ path: bytes.toString('utf8', metaEnd + 1, pathEnd), status: status.charAt(0), srcMode, dstMode })
    at = pathEnd + 1
  }
  return { entries, at, complete: at < bytes.length || eof }
}

/** Keeps a patch's text in memory, section by section, leaving out binary payloads and huge text. */
class PatchBounder {
  private readonly kept: Buffer[] = []
  private keptBytes = 0
  /** The current file section's lines, until it ends or proves too large. */
  private section: Buffer[] = []
  private sectionBytes = 0
  /** How many of the section's lines are its header (before the first hunk). */
  private headerLines: number | undefined
  /** Skipping a binary payload or an oversized section until the next `diff --git`. */
  private skipping = false
  private partial: Buffer[] = []
  private partialBytes = 0

  push(data: Buffer): void {
    let start = 0
    for (;;) {
      const newline = data.indexOf(0x0a, start)
      if (newline < 0) {
        if (start < data.length) this.addPartial(data.subarray(start))
        return
      }
      this.addPartial(data.subarray(start, newline + 1))
      this.line(this.takePartial())
      start = newline + 1
    }
  }

  finish(): Buffer {
    if (this.partialBytes > 0) this.line(this.takePartial())
    this.flushSection()
    return Buffer.concat(this.kept)
  }

  private addPartial(bytes: Buffer): void {
    // While skipping, only a line's start matters (is it the next `diff --git`?).
    if (this.skipping && this.partialBytes >= 16) return
    this.partial.push(Buffer.from(bytes))
    this.partialBytes += bytes.length
    if (!this.skipping && this.sectionBytes + this.partialBytes > this.sectionLimit()) this.elideSection()
  }

  private takePartial(): Buffer {
    const line = this.partial.length === 1 ? this.partial[0] : Buffer.concat(this.partial)
    this.partial = []
    this.partialBytes = 0
    return line
  }

  private line(line: Buffer): void {
    if (startsWith(line, 'diff --git ')) {
      this.flushSection()
      this.skipping = false
      this.headerLines = undefined
    } else if (this.skipping) {
      return
    }
    if (this.headerLines === undefined && (startsWith(line, '@@') || startsWith(line, 'GIT binary patch'))) {
      this.headerLines = this.section.length
    }
    this.section.push(line)
    this.sectionBytes += line.length
    if (startsWith(line, 'GIT binary patch')) this.skipping = true
  }

  private sectionLimit(): number {
    return Math.min(MAX_TEXT_SECTION_BYTES, Math.max(0, MAX_PATCH_TEXT_BYTES - this.keptBytes))
  }

  /** The section is too large: keep its header, say it is left out, skip to the next file. */
  private elideSection(): void {
    const header = this.section.slice(0, this.headerLines ?? this.section.length)
    this.section = [...header, Buffer.from('Binary files (too large to read into memory; the patch file has it) differ\n')]
    this.sectionBytes = this.section.reduce((sum, b) => sum + b.length, 0)
    this.skipping = true
    this.partial = this.partialBytes > 0 ? [Buffer.concat(this.partial).subarray(0, 16)] : []
    this.partialBytes = this.partial.length > 0 ? this.partial[0].length : 0
  }

  private flushSection(): void {
    this.kept.push(...this.section)
    this.keptBytes += this.sectionBytes
    this.section = []
    this.sectionBytes = 0
  }
}

function startsWith(line: Buffer, prefix: string): boolean {
  return line.length >= prefix.length && line.toString('latin1', 0, prefix.length) === prefix
}

/** The repository's git directory when `root` is its top level (`.git` a directory, or a `gitdir:` file). */
async function locateGitDir(root: string): Promise<string | undefined> {
  const dotGit = path.join(root, '.git')
  const stat = await fs.stat(dotGit).catch(() => undefined)
  if (stat?.isDirectory()) return dotGit
  if (stat?.isFile()) {
    const match = /^gitdir:\s*(.+?)\s*$/m.exec(await fs.readFile(dotGit, 'utf8'))
    if (match) return path.resolve(root, match[1])
  }
  return undefined
}

/** Whether the work tree still has its `.git` and the git directory it points to still has a HEAD. */
async function isGitDir(root: string, gitDir: string): Promise<boolean> {
  const [dotGit, head] = await Promise.all([
    fs.lstat(path.join(root, '.git')).catch(() => undefined),
    fs.stat(path.join(gitDir, 'HEAD')).catch(() => undefined)
  ])
  return dotGit !== undefined && head !== undefined
}

/** Copies `from`, from byte `start` on, to `to`, streamed; false when `from` is missing. */
async function tryCopyFrom(from: string, start: number, to: string): Promise<boolean> {
  if (start === 0) return tryCopyFile(from, to)
  try {
    await pipeline(createReadStream(from, { start }), createWriteStream(to))
    return true
  } catch (error) {
    if (isMissing(error)) return false
    throw error
  }
}

async function tryCopyFile(from: string, to: string): Promise<boolean> {
  try {
    await fs.copyFile(from, to, fsConstants.COPYFILE_FICLONE)
    return true
  } catch (error) {
    if (isMissing(error)) return false
    throw error
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

async function lstatOrUndefined(file: string) {
  try {
    return await fs.lstat(file, { bigint: true })
  } catch (error) {
    if (isMissing(error)) return undefined
    throw error
  }
}

async function snapshotPath(abs: string, copy: string): Promise<Snapshot> {
  const stat = await lstatOrUndefined(abs)
  if (stat === undefined) return { kind: 'missing' }
  if (stat.isSymbolicLink()) return { kind: 'symlink', target: await fs.readlink(abs) }
  if (!stat.isFile()) return { kind: 'other' }
  await fs.copyFile(abs, copy, fsConstants.COPYFILE_FICLONE)
  return {
    kind: 'file',
    copy,
    mode: Number(stat.mode & 0o7777n),
    size: stat.size,
    ino: stat.ino,
    mtimeNs: stat.mtimeNs,
    atimeMs: Number(stat.atimeMs),
    mtimeMs: Number(stat.mtimeMs)
  }
}

async function differsFromSnapshot(abs: string, snapshot: Snapshot): Promise<boolean> {
  const stat = await lstatOrUndefined(abs)
  switch (snapshot.kind) {
    case 'missing':
      return stat !== undefined
    case 'symlink':
      return !stat?.isSymbolicLink() || (await fs.readlink(abs)) !== snapshot.target
    case 'file':
      if (!stat?.isFile() || Number(stat.mode & 0o7777n) !== snapshot.mode || stat.size !== snapshot.size) return true
      // Same inode, size and nanosecond mtime: unchanged, as git itself would assume.
      if (stat.ino === snapshot.ino && stat.mtimeNs === snapshot.mtimeNs) return false
      return !(await sameBytes(abs, snapshot.copy))
    case 'other':
      return false
  }
}

async function restoreSnapshot(abs: string, snapshot: Snapshot): Promise<void> {
  if (snapshot.kind === 'other') return
  await fs.rm(abs, { recursive: true, force: true })
  if (snapshot.kind === 'missing') return
  await fs.mkdir(path.dirname(abs), { recursive: true })
  if (snapshot.kind === 'symlink') {
    await fs.symlink(snapshot.target, abs)
    return
  }
  await fs.copyFile(snapshot.copy, abs)
  await fs.chmod(abs, snapshot.mode)
  await fs.utimes(abs, snapshot.atimeMs / 1000, snapshot.mtimeMs / 1000)
}

/** Puts the user's index file back byte for byte when the agent changed it (e.g. `git add`, a commit). */
async function restoreIndex(state: BeginState): Promise<void> {
  if (state.indexCopy === undefined) return
  const current = await fs.readFile(state.indexPath).catch(() => undefined)
  const original = await fs.readFile(state.indexCopy)
  if (current !== undefined && current.equals(original)) return
  // Through a rename, so git never sees a half-written index.
  const staging = `${state.indexPath}.gated-agent`
  await fs.writeFile(staging, original)
  await fs.rename(staging, state.indexPath)
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [fa, fb] = await Promise.all([fs.open(a, 'r'), fs.open(b, 'r')])
  try {
    const bufA = Buffer.alloc(65536)
    const bufB = Buffer.alloc(65536)
    for (;;) {
      const [ra, rb] = await Promise.all([fa.read(bufA, 0, bufA.length, null), fb.read(bufB, 0, bufB.length, null)])
      if (ra.bytesRead !== rb.bytesRead) return false
      if (ra.bytesRead === 0) return true
      if (!bufA.subarray(0, ra.bytesRead).equals(bufB.subarray(0, rb.bytesRead))) return false
    }
  } finally {
    await Promise.all([fa.close(), fb.close()])
  }
}

/** Removes the now-empty directories above a deleted path, up to (never including) the root. */
async function pruneEmptyParents(root: string, relative: string): Promise<void> {
  for (let dir = path.posix.dirname(relative); dir !== '.' && dir !== '/' && dir !== ''; dir = path.posix.dirname(dir)) {
    try {
      await fs.rmdir(path.join(root, dir))
    } catch {
      return
    }
  }
}

/** The SHA-256 of a file's bytes from `start` on, streamed. */
async function digestFrom(file: string, start: number): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file, { start })) hash.update(chunk as Buffer)
  return hash.digest('hex')
}
