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
import { constants as fsConstants, promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Change, ChangedPath, Workspace } from '../../core/types.js'
import { redactSecrets, type GitRunner } from './git.js'
import { branchNameProblem } from '../../core/naming.js'

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

/** Why a push was refused. */
export type PushRejectionCause = 'non-fast-forward' | 'workflows-permission' | 'other'

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
  dirty: DirtyPath[]
  /** `.git/config` as begin found it: an agent that rewrites it could make our git commands run its code. */
  config: Buffer | undefined
}

interface RawEntry {
  path: string
  status: string
  srcMode: string
  dstMode: string
}

interface LastChange {
  indexFile: string
  change: Change
}

const GITLINK_MODE = '160000'

/** The Workspace port on a real git repository (see the module comment for how). */
export class GitWorkspace implements Workspace {
  private readonly git: GitRunner
  private readonly root: string
  private readonly patchDir: string
  private readonly tempDirOption: string | undefined
  private readonly excludePaths: string[]
  private temp: string | undefined
  private state: BeginState | undefined
  private last: LastChange | undefined
  private skipped: string[] = []
  // The exact patch bytes behind each Change we produced: `Change.patch` is a string, which would
  // mangle a text file that is not UTF-8; savePatch writes these bytes instead.
  private readonly patchBytes = new WeakMap<Change, Buffer>()

  constructor(options: GitWorkspaceOptions) {
    this.git = options.git
    this.root = path.resolve(options.dir)
    this.patchDir = path.resolve(options.patchDir)
    this.tempDirOption = options.tempDir
    this.excludePaths = options.excludePaths ?? []
  }

  /** Records HEAD, the branch and the paths dirty already (snapshotting their content) with one git command. */
  async begin(): Promise<{ preExistingDirty: string[] }> {
    const status = await this.git.run(['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all', '--no-renames'], {
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
      const top = await this.git.run(['rev-parse', '--show-toplevel'], { allowFailure: true })
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
    const dirty: DirtyPath[] = []
    for (const [i, p] of parsed.dirty.entries()) {
      dirty.push({ path: p, snapshot: await snapshotPath(path.join(this.root, p), path.join(snapshotDir, `dirty-${i}`)) })
    }
    const config = await fs.readFile(path.join(gitDir, 'config')).catch(() => undefined)
    this.state = { oid: parsed.oid, branch: parsed.branch, gitDir, indexPath, indexCopy: hasIndex ? indexCopy : undefined, dirty, config }
    this.last = undefined
    this.skipped = []
    return { preExistingDirty: dirty.map((d) => d.path) }
  }

  /** The agent's change since `begin`: tracked edits, deletions and new files, pre-existing dirty paths left out. */
  async change(): Promise<Change> {
    const state = this.requireBegun()
    await this.tryRestoreConfig(state)
    const temp = await this.tempDir()
    const indexFile = path.join(temp, 'change.index')
    await this.stageAgentChange(indexFile)
    const { entries, patch } = await this.diffStaged(indexFile, path.join(temp, 'change.diff'), true)
    const change: Change = { paths: entries.map(toChangedPath), patch: patch.toString('utf8') }
    this.patchBytes.set(change, patch)
    this.last = { indexFile, change }

    const skipped: string[] = []
    for (const d of state.dirty) {
      if (await differsFromSnapshot(path.join(this.root, d.path), d.snapshot)) skipped.push(d.path)
    }
    this.skipped = skipped
    return change
  }

  /** Paths dirty before `begin` that the agent also changed (as of the last `change()`); never part of the change. */
  lastSkippedDirty(): string[] {
    return [...this.skipped]
  }

  /** Says what is wrong when `.git` is gone or the agent moved HEAD or switched branches; undefined when intact. */
  async checkIntact(): Promise<string | undefined> {
    const state = this.requireBegun()
    if (!(await isGitDir(this.root, state.gitDir))) {
      return `The repository's git directory (${state.gitDir}) is gone: the agent deleted it. The change cannot be committed.`
    }
    if (await this.tryRestoreConfig(state)) {
      return `The agent rewrote the repository's git configuration (${path.join(state.gitDir, 'config')}); it was put back, and a change made that way is not proposed.`
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
    await fs.writeFile(file, this.patchBytes.get(change) ?? change.patch)
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
    await this.tryRestoreConfig(state)
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
      await this.git.run(['read-tree', state.oid], { env })
      await this.git.run(['checkout-index', '--force', '-z', '--stdin'], { env, input: toCheckOut.join('\0') })
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
    await this.tryRestoreConfig(state)
    if (this.last === undefined) throw new Error('commit() needs a change: call change() first.')
    const { branch } = request
    await this.validateBranch(branch)
    if (branch === state.branch) {
      throw new Error(`Refusing to commit onto "${branch}": it is the branch checked out in ${this.root}. Choose another branch name.`)
    }
    const indexEnv = { GIT_INDEX_FILE: this.last.indexFile }
    const tree = (await this.git.run(['write-tree'], { env: indexEnv })).stdout.trim()
    const identity = {
      GIT_AUTHOR_NAME: request.author.name,
      GIT_AUTHOR_EMAIL: request.author.email,
      GIT_COMMITTER_NAME: request.author.name,
      GIT_COMMITTER_EMAIL: request.author.email
    }
    // commit-tree runs no hooks and never signs here: a runner has no signing key to prompt for.
    const sha = (
      await this.git.run(['commit-tree', '--no-gpg-sign', '-p', state.oid, '-F', '-', tree], {
        env: identity,
        input: request.message
      })
    ).stdout.trim()
    await this.git.run(['update-ref', '-m', 'gated-agent: propose', `refs/heads/${branch}`, sha])
    return { sha, branch }
  }

  /**
   * Pushes `sha` to `refs/heads/<branch>` on the remote, creating or updating it with a lease on
   * the sha it had a moment before, so a concurrent push is never overwritten. Skips the push when
   * the remote already has that commit.
   */
  async pushBranch(request: PushRequest): Promise<PushResult> {
    if (this.state) await this.tryRestoreConfig(this.state)
    const { sha, branch } = request
    const target = request.url ?? request.remote ?? 'origin'
    if (target === '' || target.startsWith('-')) throw new Error(`Not a remote: "${target}".`)
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) throw new Error(`Not a commit id: "${sha}".`)
    await this.validateBranch(branch)
    const ref = `refs/heads/${branch}`
    const { env, secrets } = await this.pushEnvironment(request.token)

    const push = (expected: string | undefined) =>
      this.git.run(
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
      const listed = await this.git.run(['ls-remote', target, ref], { env, secrets })
      previousSha = listed.stdout
        .split('\n')
        .map((line) => line.split('\t'))
        .find((fields) => fields[1] === ref)?.[0]
      if (previousSha === sha) return { kind: 'unchanged', previousSha }
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

  /** Whether the repository holds the commit `sha` (no `begin` needed). */
  async hasCommit(sha: string): Promise<boolean> {
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) return false
    const found = await this.git.run(['cat-file', '-e', `${sha}^{commit}`], { allowFailure: true })
    return found.exitCode === 0
  }

  /**
   * Fetches one commit by id (depth 1) when the repository lacks it, e.g. a shallow checkout of a
   * branch that moved on. Returns whether the repository holds the commit afterwards.
   */
  async tryFetchCommit(request: FetchCommitRequest): Promise<boolean> {
    const { url, sha } = request
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) return false
    if (await this.hasCommit(sha)) return true
    if (url === '' || url.startsWith('-')) throw new Error(`Not a remote: "${url}".`)
    const { env, secrets } = await this.pushEnvironment(request.token)
    const fetched = await this.git.run(
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
    const current = await this.git.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true })
    if (current.exitCode === 0 && current.stdout.trim() === branch) {
      throw new Error(`Refusing to commit onto "${branch}": it is the branch checked out in ${this.root}. Choose another branch name.`)
    }
    const temp = await this.tempDir()
    const indexFile = path.join(temp, 'patch.index')
    await fs.rm(indexFile, { force: true })
    const hookless = (await this.pushEnvironment(undefined)).env
    const env = { ...hookless, GIT_INDEX_FILE: indexFile }
    await this.git.run(['read-tree', base], { env })
    // The whitespace rule is spelled out so that a user's apply.whitespace cannot alter the bytes.
    const applied = await this.git.run(['apply', '--cached', '--whitespace=nowarn', '-'], { env, input: request.patch, allowFailure: true })
    if (applied.exitCode !== 0) {
      return { kind: 'does-not-apply', message: applied.stderr.trim() || `git apply exited with ${applied.exitCode}.` }
    }
    const { entries } = await this.diffStaged(indexFile, path.join(temp, 'patch.diff'), false, base)
    const tree = (await this.git.run(['write-tree'], { env })).stdout.trim()
    const identity = {
      ...hookless,
      GIT_AUTHOR_NAME: request.author.name,
      GIT_AUTHOR_EMAIL: request.author.email,
      GIT_COMMITTER_NAME: request.author.name,
      GIT_COMMITTER_EMAIL: request.author.email
    }
    const sha = (
      await this.git.run(['commit-tree', '--no-gpg-sign', '-p', base, '-F', '-', tree], { env: identity, input: request.message })
    ).stdout.trim()
    // update-ref runs the reference-transaction hook: hooks stay switched off here too.
    await this.git.run(['update-ref', '-m', 'gated-agent: publish', `refs/heads/${branch}`, sha], { env: hookless })
    return { kind: 'committed', sha, branch, tree, paths: entries.map(toChangedPath) }
  }

  /** HEAD's commit at `begin`. */
  headSha(): string {
    return this.requireBegun().oid
  }

  /** The branch checked out at `begin`; undefined when HEAD was detached. */
  currentBranch(): string | undefined {
    return this.requireBegun().branch
  }

  /** Removes the scratch directory (when this workspace created it). */
  async dispose(): Promise<void> {
    if (this.temp !== undefined && this.tempDirOption === undefined) {
      await fs.rm(this.temp, { recursive: true, force: true })
      this.temp = undefined
    }
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
  private async stageAgentChange(indexFile: string): Promise<void> {
    const state = this.requireBegun()
    // Starting from a copy of the user's index keeps its file stat data, so `add` re-reads only
    // files that changed instead of hashing the whole tree; read-tree resets the content to begin's.
    if (state.indexCopy === undefined || !(await tryCopyFile(state.indexCopy, indexFile))) {
      await fs.rm(indexFile, { force: true })
    }
    const env = { GIT_INDEX_FILE: indexFile }
    await this.git.run(['read-tree', '--reset', state.oid], { env })
    const excluded = [...state.dirty.map((d) => d.path), ...this.excludePaths]
    const pathspecs = [':(top)', ...excluded.map((p) => `:(top,literal,exclude)${p}`)]
    await this.git.run(['add', '--all', '--pathspec-from-file=-', '--pathspec-file-nul'], { env, input: pathspecs.join('\0') })
  }

  /** Diffs `indexFile` against begin's commit: the changed paths, and the binary-safe patch when asked. */
  private async diffStaged(
    indexFile: string,
    outFile: string,
    withPatch: boolean,
    base?: string
  ): Promise<{ entries: RawEntry[]; patch: Buffer }> {
    const from = base ?? this.requireBegun().oid
    // Spelled out so that user settings (noprefix, external diff, renames, colour, relative) cannot
    // change a patch that `git apply` must take back.
    await this.git.run(
      [
        'diff',
        '--cached',
        '-z',
        '--raw',
        '--no-renames',
        '--no-ext-diff',
        '--no-textconv',
        '--no-color',
        '--no-relative',
        '--src-prefix=a/',
        '--dst-prefix=b/',
        ...(withPatch ? ['--patch', '--binary'] : []),
        `--output=${outFile}`,
        from,
        '--'
      ],
      { env: { GIT_INDEX_FILE: indexFile } }
    )
    return parseRawAndPatch(await fs.readFile(outFile))
  }

  private async readHead(): Promise<{ oid: string; ref: string } | undefined> {
    const result = await this.git.run(['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD'], { allowFailure: true })
    const [oid, ref] = result.stdout.trim().split('\n')
    if (result.exitCode !== 0 || oid === undefined || ref === undefined || !/^[0-9a-f]{40,64}$/.test(oid)) return undefined
    return { oid, ref }
  }

  /** Puts HEAD (and the branch it names) back on begin's commit, touching neither index nor files. */
  private async restoreHead(state: BeginState): Promise<void> {
    const head = await this.readHead()
    if (state.branch === undefined) {
      if (head?.ref !== 'HEAD' || head.oid !== state.oid) {
        await this.git.run(['update-ref', '--no-deref', '-m', 'gated-agent: restore', 'HEAD', state.oid])
      }
      return
    }
    const ref = `refs/heads/${state.branch}`
    if (head?.ref !== ref) await this.git.run(['symbolic-ref', '-m', 'gated-agent: restore', 'HEAD', ref])
    if (head?.ref !== ref || head.oid !== state.oid) {
      await this.git.run(['update-ref', '-m', 'gated-agent: restore', ref, state.oid])
    }
  }

  /** Refuses a name git would not take as a branch, by git's own rules (see branch-name.ts). */
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
  private async pushEnvironment(token: string | undefined): Promise<{ env: Record<string, string>; secrets: string[] }> {
    const noHooks = path.join(await this.tempDir(), 'no-hooks')
    await fs.mkdir(noHooks, { recursive: true })
    const config: Array<[string, string]> = [['core.hooksPath', noHooks]]
    const secrets: string[] = []
    if (token !== undefined && token !== '') {
      const basic = Buffer.from(`x-access-token:${token}`).toString('base64')
      const header = `AUTHORIZATION: basic ${basic}`
      config.push(['http.extraheader', ''], ['http.extraheader', header])
      secrets.push(token, basic, header)
    }
    const env: Record<string, string> = { GIT_CONFIG_COUNT: String(config.length) }
    config.forEach(([key, value], i) => {
      env[`GIT_CONFIG_KEY_${i}`] = key
      env[`GIT_CONFIG_VALUE_${i}`] = value
    })
    return { env, secrets }
  }
}

function toChangedPath(entry: RawEntry): ChangedPath {
  const status = entry.status === 'A' ? 'added' : entry.status === 'D' ? 'deleted' : 'modified'
  return { path: entry.path, status }
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

/** Splits `git diff -z --raw [--patch]` output into its raw records and the patch that follows them. */
function parseRawAndPatch(bytes: Buffer): { entries: RawEntry[]; patch: Buffer } {
  const entries: RawEntry[] = []
  let at = 0
  while (at < bytes.length && bytes[at] === 0x3a /* ':' */) {
    const metaEnd = bytes.indexOf(0, at)
    const pathEnd = bytes.indexOf(0, metaEnd + 1)
    if (metaEnd < 0 || pathEnd < 0) throw new Error('Unexpected output from git diff --raw -z.')
    const [srcMode, dstMode, , , status] = bytes.toString('utf8', at + 1, metaEnd).split(' ')
    entries.push({ path: bytes.toString('utf8', metaEnd + 1, pathEnd), status: status.charAt(0), srcMode, dstMode })
    at = pathEnd + 1
  }
  // With --patch, a NUL separates the raw records from the patch.
  if (at < bytes.length && bytes[at] === 0) at++
  return { entries, patch: bytes.subarray(at) }
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
