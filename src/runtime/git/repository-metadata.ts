/**
 * The repository metadata git follows before it reads a single object: the `.git` entry of the work
 * tree (a directory, or a `gitdir:` file), `commondir`, `objects/info/alternates` and
 * `http-alternates`, `info/attributes`, `info/exclude`, `info/grafts`, `shallow`, the config files,
 * `hooks/` and `worktrees/`. An agent that rewrites any of them points the action's git at a
 * repository, a config or a program of its own (a `commondir` to a copy with a `filter.*` driver in
 * its config, an alternate object store, a hook for a later step of the job).
 *
 * {@link snapshotMetadata} records all of it before the agent runs; {@link verifyMetadata} compares
 * and puts back whatever changed, byte for byte, and says what it was; {@link pinnedGitEnv} names
 * the git directory and the common directory recorded at the snapshot in the environment, so the
 * action's git never discovers a repository through what the work tree holds now. A `.git` or an
 * object store that was replaced cannot be put back: that is fatal, and the caller refuses to go on.
 */
import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'

/** Files of the git directory (of a linked worktree, its own) that redirect or configure git. */
const GIT_DIR_FILES = ['config', 'config.worktree', 'commondir']
/** Files of the common directory that redirect or configure git. */
const COMMON_DIR_FILES = [
  'config',
  'config.worktree',
  'objects/info/alternates',
  'objects/info/http-alternates',
  'info/attributes',
  'info/exclude',
  'info/grafts',
  'shallow'
]
/** Directories whose every entry is recorded: a new entry is removed, a changed one put back. */
const WATCHED_DIRS = ['hooks', 'worktrees']
/** The files of a linked worktree's own git directory that redirect or configure it. */
const WORKTREE_FILES = ['commondir', 'gitdir', 'config.worktree']

interface FileState {
  file: string
  /** The bytes at the snapshot; undefined when the file did not exist. */
  bytes: Buffer | undefined
  mode: number
}

interface DirState {
  dir: string
  /** Whether it existed as a directory at the snapshot. */
  existed: boolean
  /** Its entries' names at the snapshot. */
  entries: Set<string>
}

interface Identity {
  dev: bigint
  ino: bigint
}

/** The metadata as it was before the agent ran. */
export interface MetadataSnapshot {
  root: string
  /** The git directory and the common directory, real paths. */
  gitDir: string
  commonDir: string
  /** The `.git` entry of the work tree: a directory (by identity) or a file (by bytes). */
  dotGit: { kind: 'dir'; id: Identity } | { kind: 'file'; bytes: Buffer }
  gitDirId: Identity
  objectsId: Identity | undefined
  files: FileState[]
  dirs: DirState[]
  /** Every file under the watched directories (hooks, each worktree's own files). */
  watchedFiles: FileState[]
}

/** What {@link verifyMetadata} found. */
export interface MetadataCheck {
  /** What had changed and was put back (paths). */
  restored: string[]
  /** Set when what changed cannot be put back: the git directory or the object store was replaced. */
  fatal?: string
}

/** Records the metadata of the repository at `root` whose git directory is `gitDir`. Call it before the agent runs. */
export async function snapshotMetadata(root: string, gitDir: string): Promise<MetadataSnapshot> {
  const realGitDir = await fs.realpath(gitDir)
  const commonDir = await readCommonDir(realGitDir)
  const dotGitInfo = await fs.lstat(path.join(root, '.git'), { bigint: true })
  const dotGit: MetadataSnapshot['dotGit'] = dotGitInfo.isDirectory()
    ? { kind: 'dir', id: identity(dotGitInfo) }
    : { kind: 'file', bytes: await fs.readFile(path.join(root, '.git')) }
  const files: FileState[] = []
  const seen = new Set<string>()
  for (const [dir, names] of [
    [realGitDir, GIT_DIR_FILES],
    [commonDir, COMMON_DIR_FILES]
  ] as const) {
    for (const name of names) {
      const file = path.join(dir, name)
      if (seen.has(file)) continue
      seen.add(file)
      files.push(await saveFile(file))
    }
  }
  const dirs: DirState[] = []
  const watchedFiles: FileState[] = []
  for (const name of WATCHED_DIRS) {
    const dir = path.join(commonDir, name)
    const info = await fs.lstat(dir).catch(() => undefined)
    const existed = info?.isDirectory() ?? false
    const entries = existed ? new Set(await fs.readdir(dir)) : new Set<string>()
    dirs.push({ dir, existed, entries })
    // Every hook; of each linked worktree, the files that redirect it (its index and HEAD are its own business).
    const watched = !existed
      ? []
      : name === 'hooks'
        ? await filesUnder(dir, 3)
        : [...entries].flatMap((entry) => WORKTREE_FILES.map((file) => path.join(dir, entry, file)))
    for (const file of watched) watchedFiles.push(await saveFile(file))
  }
  const objects = await fs.lstat(path.join(commonDir, 'objects'), { bigint: true }).catch(() => undefined)
  return {
    root,
    gitDir: realGitDir,
    commonDir,
    dotGit,
    gitDirId: identity(await fs.lstat(realGitDir, { bigint: true })),
    objectsId: objects?.isDirectory() ? identity(objects) : undefined,
    files,
    dirs,
    watchedFiles
  }
}

/**
 * Compares the metadata with the snapshot and puts back every file that changed (a planted one is
 * removed); a `.git`, git directory or object store that is no longer the one recorded is fatal.
 */
export async function verifyMetadata(snapshot: MetadataSnapshot): Promise<MetadataCheck> {
  const fatal = await replacedStore(snapshot)
  if (fatal) return { restored: [], fatal }
  const restored: string[] = []
  for (const dir of snapshot.dirs) {
    const info = await fs.lstat(dir.dir).catch(() => undefined)
    if (!dir.existed) {
      if (info !== undefined) {
        await fs.rm(dir.dir, { recursive: true, force: true })
        restored.push(dir.dir)
      }
      continue
    }
    if (!info?.isDirectory()) {
      await fs.rm(dir.dir, { recursive: true, force: true })
      await fs.mkdir(dir.dir, { recursive: true })
      restored.push(dir.dir)
    }
    for (const name of await fs.readdir(dir.dir)) {
      if (!dir.entries.has(name)) {
        await fs.rm(path.join(dir.dir, name), { recursive: true, force: true })
        restored.push(path.join(dir.dir, name))
      }
    }
  }
  for (const saved of [...snapshot.files, ...snapshot.watchedFiles]) {
    if (await restoreFile(saved)) restored.push(saved.file)
  }
  return { restored }
}

/**
 * The environment that pins the action's git to the repository recorded at the snapshot: it never
 * discovers the git directory through the work tree's `.git`, nor the common directory through a
 * `commondir` file, and it reads no alternate object store but what the (verified) metadata names.
 */
export function pinnedGitEnv(snapshot: MetadataSnapshot): Record<string, string> {
  return {
    GIT_DIR: snapshot.gitDir,
    GIT_COMMON_DIR: snapshot.commonDir,
    GIT_WORK_TREE: snapshot.root,
    GIT_OBJECT_DIRECTORY: path.join(snapshot.commonDir, 'objects'),
    GIT_ALTERNATE_OBJECT_DIRECTORIES: ''
  }
}

/** Says what was replaced when the `.git` entry, the git directory or the object store is not the one recorded. */
async function replacedStore(snapshot: MetadataSnapshot): Promise<string | undefined> {
  const dotGitPath = path.join(snapshot.root, '.git')
  const dotGit = await fs.lstat(dotGitPath, { bigint: true }).catch(() => undefined)
  if (snapshot.dotGit.kind === 'dir') {
    if (!dotGit?.isDirectory() || !sameIdentity(identity(dotGit), snapshot.dotGit.id)) {
      return `${dotGitPath} is no longer the git directory it was before the agent ran (it was moved, replaced, or turned into a link or a gitfile)`
    }
  } else {
    const bytes = dotGit?.isFile() ? await fs.readFile(dotGitPath).catch(() => undefined) : undefined
    if (bytes === undefined || !bytes.equals(snapshot.dotGit.bytes)) {
      return `${dotGitPath} no longer names the git directory it named before the agent ran`
    }
  }
  const gitDir = await fs.lstat(snapshot.gitDir, { bigint: true }).catch(() => undefined)
  if (!gitDir?.isDirectory() || !sameIdentity(identity(gitDir), snapshot.gitDirId)) {
    return `the git directory ${snapshot.gitDir} was moved or replaced`
  }
  if (snapshot.objectsId) {
    const objects = await fs.lstat(path.join(snapshot.commonDir, 'objects'), { bigint: true }).catch(() => undefined)
    if (!objects?.isDirectory() || !sameIdentity(identity(objects), snapshot.objectsId)) {
      return `the object store ${path.join(snapshot.commonDir, 'objects')} was moved or replaced`
    }
  }
  return undefined
}

/** The common directory a git directory names in its `commondir` file, or the git directory itself. */
async function readCommonDir(gitDir: string): Promise<string> {
  const text = await fs.readFile(path.join(gitDir, 'commondir'), 'utf8').catch(() => undefined)
  if (text === undefined || text.trim() === '') return gitDir
  return fs.realpath(path.resolve(gitDir, text.trim()))
}

async function saveFile(file: string): Promise<FileState> {
  const info = await fs.lstat(file).catch(() => undefined)
  if (!info?.isFile()) return { file, bytes: undefined, mode: 0o644 }
  return { file, bytes: await fs.readFile(file), mode: info.mode & 0o7777 }
}

/** Puts one file back when it differs from its saved state; true when it had to. */
async function restoreFile(saved: FileState): Promise<boolean> {
  const info = await fs.lstat(saved.file).catch(() => undefined)
  if (saved.bytes === undefined) {
    if (info === undefined) return false
    await fs.rm(saved.file, { recursive: true, force: true })
    return true
  }
  if (info?.isFile() && (info.mode & 0o7777) === saved.mode) {
    const now = await fs.readFile(saved.file).catch(() => undefined)
    if (now?.equals(saved.bytes)) return false
  }
  // A parent the agent turned into a link is replaced by a directory, not written through.
  await ensureRealDirectory(path.dirname(saved.file))
  // Through a fresh name and a rename: a link planted at the path is replaced, not followed.
  const temporary = `${saved.file}.gated-agent-${randomUUID()}`
  await fs.writeFile(temporary, saved.bytes, { flag: 'wx', mode: saved.mode })
  await fs.chmod(temporary, saved.mode)
  if (info?.isDirectory()) await fs.rm(saved.file, { recursive: true, force: true })
  await fs.rename(temporary, saved.file)
  return true
}

async function ensureRealDirectory(dir: string): Promise<void> {
  const info = await fs.lstat(dir).catch(() => undefined)
  if (info?.isDirectory()) return
  if (info !== undefined) await fs.rm(dir, { recursive: true, force: true })
  await fs.mkdir(dir, { recursive: true })
}

/** Regular files under `dir`, links not followed, at most `depth` levels down. */
async function filesUnder(dir: string, depth: number): Promise<string[]> {
  const out: string[] = []
  for (const entry of await fs.readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = path.join(dir, entry.name)
    if (entry.isFile()) out.push(full)
    else if (entry.isDirectory() && depth > 1) out.push(...(await filesUnder(full, depth - 1)))
  }
  return out
}

function identity(info: { dev: bigint; ino: bigint }): Identity {
  return { dev: info.dev, ino: info.ino }
}

function sameIdentity(a: Identity, b: Identity): boolean {
  return a.dev === b.dev && a.ino === b.ino
}
