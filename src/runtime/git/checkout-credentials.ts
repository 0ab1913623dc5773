/**
 * Takes the credential actions/checkout persists out of reach while the agent and the gate run, and
 * puts it back exactly afterwards (checkout's post step and our own push expect it there).
 *
 * checkout persists its token in one of two layouts (see actions/checkout src/git-auth-helper.ts):
 * - up to v5: `http.<server>/.extraheader = AUTHORIZATION: basic <base64>` in `.git/config`, and in
 *   each submodule's config;
 * - since v6: the header lives in `$RUNNER_TEMP/git-credentials-<uuid>.config`, which `.git/config`
 *   (and each submodule's config) pulls in with `includeIf.gitdir:<dir>.path` entries, for the host
 *   paths, their `/worktrees/*`, and the `/github/workspace` container paths.
 * Unlinking the include is not enough in the v6 layout: the file itself sits in RUNNER_TEMP, where
 * the agent can read it. So its bytes move into this process's memory and the file goes away.
 * A persisted `ssh-key` is treated alike: the key file named by `core.sshCommand` leaves RUNNER_TEMP.
 */
import { chmod, lstat, readFile, readdir, rename, unlink, utimes, writeFile } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import { createGitRunner, type GitRunner } from './git.js'

/** Where to look, and how to run git. */
export interface CheckoutCredentialsOptions {
  /** The checked-out repository (its work tree). */
  repoDir: string
  /** The runner's temporary directory (`RUNNER_TEMP`), where checkout v6+ writes its credentials file. */
  runnerTemp?: string
  /** Runs git in `repoDir`; a real one by default. */
  git?: GitRunner
}

/** The neutralised state: what was taken away, and how to put it back. */
export interface NeutralisedCredentials {
  /** What was neutralised, as config keys and file paths (never a secret value). */
  found: string[]
  /** Puts every file back byte for byte (and mode and times). Safe to call again; retries what failed. */
  restore(): Promise<void>
}

/** The file name checkout gives its credentials config (its own `testCredentialsConfigPath`). */
const CREDENTIALS_FILE = /^git-credentials-[0-9a-f-]+\.config$/i
/** Any `http.extraheader` or `http.<url>.extraheader` key, as git lists keys. */
const EXTRAHEADER_KEY = /^http\.(.*\.)?extraheader$/i
/** checkout's persisted ssh command names its key as `-i "$RUNNER_TEMP/<uuid>"`. */
const SSH_KEY_ARGUMENT = /-i\s+"\$RUNNER_TEMP\/([^"/]+)"/g

/** A file as it was: the bytes and metadata to write back. */
interface SavedFile {
  path: string
  bytes: Buffer
  mode: number
  atime: Date
  mtime: Date
  restored: boolean
}

/**
 * Removes every persisted checkout credential from the repository's git config (and its submodules')
 * and moves checkout's credentials files out of RUNNER_TEMP into memory. Until `restore` runs, neither
 * `git config --includes` nor any file under RUNNER_TEMP yields the credential. If this fails half
 * way, what was already changed is put back before the error is thrown.
 */
export async function neutraliseCheckoutCredentials(options: CheckoutCredentialsOptions): Promise<NeutralisedCredentials> {
  const git = options.git ?? createGitRunner(options.repoDir)
  const commonDir = await gitCommonDir(git, options.repoDir)
  const configFiles = [path.join(commonDir, 'config'), ...(await submoduleConfigFiles(path.join(commonDir, 'modules')))]

  // Read everything first, change nothing until every original is safely in memory.
  const plans: ConfigPlan[] = []
  const heldPaths = new Set<string>()
  for (const file of configFiles) {
    const plan = await planConfig(git, file)
    if (plan.extraheaderKeys.length > 0 || plan.includes.length > 0) plans.push(plan)
    for (const include of plan.includes) heldPaths.add(include.target)
    for (const key of plan.sshKeyNames) if (options.runnerTemp) heldPaths.add(path.join(options.runnerTemp, key))
  }
  if (options.runnerTemp) {
    // Every checkout of the job left one (other repositories checked out to other paths too).
    for (const name of await listDirectory(options.runnerTemp)) {
      if (CREDENTIALS_FILE.test(name)) heldPaths.add(path.join(options.runnerTemp, name))
    }
  }

  const savedConfigs: SavedFile[] = []
  for (const plan of plans) savedConfigs.push(await saveFile(plan.file))
  const heldFiles: SavedFile[] = []
  for (const held of heldPaths) {
    const saved = await trySaveRegularFile(held)
    if (saved) heldFiles.push(saved)
  }

  const found: string[] = []
  const restore = restorer([...savedConfigs, ...heldFiles])
  try {
    for (const plan of plans) {
      for (const key of plan.extraheaderKeys) {
        await git.run(['config', '--file', plan.file, '--unset-all', key])
        found.push(`${key} in ${plan.file}`)
      }
      for (const include of plan.includes) {
        // An anchored, escaped pattern rather than --fixed-value, which needs git 2.30.
        await git.run(['config', '--file', plan.file, '--unset-all', include.key, `^${escapeRegExp(include.value)}$`])
        found.push(`${include.key} in ${plan.file}`)
      }
    }
    for (const held of heldFiles) {
      await unlink(held.path)
      found.push(`${held.path} (moved into memory)`)
    }
  } catch (error) {
    // The original failure is what the user must see; a failed put-back is added to it, not swapped in.
    await restore().catch((restoreError: unknown) => {
      throw new AggregateError([error, restoreError], `${(error as Error).message}; and then: ${(restoreError as Error).message}`)
    })
    throw error
  }
  return { found, restore }
}

/** What one config file holds that must go. */
interface ConfigPlan {
  file: string
  extraheaderKeys: string[]
  /** include / includeIf entries naming a checkout credentials file, and that file's resolved path. */
  includes: Array<{ key: string; value: string; target: string }>
  /** File names under RUNNER_TEMP that a persisted `core.sshCommand` uses as its key. */
  sshKeyNames: string[]
}

async function planConfig(git: GitRunner, file: string): Promise<ConfigPlan> {
  const extraheaderKeys = new Set<string>()
  const includes: ConfigPlan['includes'] = []
  const sshKeyNames: string[] = []
  for (const { key, value } of await configEntries(git, file)) {
    if (EXTRAHEADER_KEY.test(key)) {
      extraheaderKeys.add(key)
    } else if (/^include(if\..*)?\.path$/i.test(key) && value !== undefined && CREDENTIALS_FILE.test(path.basename(value))) {
      includes.push({ key, value, target: resolveIncludePath(file, value) })
    } else if (key.toLowerCase() === 'core.sshcommand' && value !== undefined) {
      for (const match of value.matchAll(SSH_KEY_ARGUMENT)) sshKeyNames.push(match[1])
    }
  }
  // One --unset-all per (key, value): includeIf keys repeat with the same value for host and worktrees.
  const uniqueIncludes = includes.filter(
    (include, index) => includes.findIndex((other) => other.key === include.key && other.value === include.value) === index
  )
  return { file, extraheaderKeys: [...extraheaderKeys], includes: uniqueIncludes, sshKeyNames }
}

/** Every entry of one config file, as git parses it (`-z` keeps keys and values with spaces intact). */
async function configEntries(git: GitRunner, file: string): Promise<Array<{ key: string; value?: string }>> {
  const result = await git.run(['config', '--file', file, '--null', '--list'], { allowFailure: true })
  if (result.exitCode !== 0) {
    throw new Error(`Cannot read the git config ${file}: ${result.stderr.trim() || `git exited with ${result.exitCode}`}`)
  }
  return result.stdout
    .split('\0')
    .filter((entry) => entry !== '')
    .map((entry) => {
      const newline = entry.indexOf('\n')
      // A key with no `=` (a bare boolean) is listed without a newline or value.
      return newline < 0 ? { key: entry } : { key: entry.slice(0, newline), value: entry.slice(newline + 1) }
    })
}

/** git resolves a relative include against the including file's directory, and `~/` against HOME. */
function resolveIncludePath(configFile: string, value: string): string {
  if (value.startsWith('~/')) return path.join(os.homedir(), value.slice(2))
  return path.resolve(path.dirname(configFile), value)
}

/** The repository's common git directory, which holds `config` and `modules/` even from a worktree. */
async function gitCommonDir(git: GitRunner, repoDir: string): Promise<string> {
  const result = await git.run(['rev-parse', '--git-common-dir'], { allowFailure: true })
  if (result.exitCode !== 0) {
    throw new Error(`${repoDir} is not a git repository, so its checkout credentials cannot be located: ${result.stderr.trim()}`)
  }
  // Relative to the repository unless git printed it absolute (--path-format=absolute needs git 2.31).
  return path.resolve(repoDir, result.stdout.trim())
}

/** Escapes a literal for git's extended regular expressions. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The config of every submodule git directory under `.git/modules`, nested ones included. Module
 * names may contain slashes, so a git directory is recognised by its `HEAD` and `config`, not depth.
 */
async function submoduleConfigFiles(modulesDir: string, depth = 0): Promise<string[]> {
  if (depth > 16) return []
  const files: string[] = []
  for (const name of await listDirectory(modulesDir)) {
    const dir = path.join(modulesDir, name)
    const entries = await listDirectory(dir)
    if (entries.includes('HEAD') && entries.includes('config')) {
      files.push(path.join(dir, 'config'), ...(await submoduleConfigFiles(path.join(dir, 'modules'), depth + 1)))
    } else if (entries.length > 0) {
      files.push(...(await submoduleConfigFiles(dir, depth + 1)))
    }
  }
  return files
}

/** A directory's entry names; none when it does not exist or is not a directory. */
async function listDirectory(dir: string): Promise<string[]> {
  try {
    return await readdir(dir)
  } catch {
    return []
  }
}

async function saveFile(file: string): Promise<SavedFile> {
  const info = await lstat(file)
  return { path: file, bytes: await readFile(file), mode: info.mode & 0o7777, atime: info.atime, mtime: info.mtime, restored: false }
}

/** Saves a regular file; a missing path (e.g. a container-side include path) is nothing to hold. */
async function trySaveRegularFile(file: string): Promise<SavedFile | undefined> {
  try {
    if (!(await lstat(file)).isFile()) return undefined
    return await saveFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/**
 * Writes each saved file back exactly. It goes to a fresh temporary name then is renamed into place:
 * whatever stands at the path by now (something the agent planted, a symlink) is replaced, not
 * written through. Any change made to these files since they were saved is discarded on purpose,
 * since an agent could have added `core.fsmonitor` or a hooks path for our later git commands to run.
 */
function restorer(files: SavedFile[]): () => Promise<void> {
  return async () => {
    const failures: string[] = []
    for (const file of files) {
      if (file.restored) continue
      const temporary = `${file.path}.gated-agent-${randomUUID()}`
      try {
        await writeFile(temporary, file.bytes, { flag: 'wx', mode: file.mode })
        // writeFile's mode is filtered by the umask; rename keeps whatever the temporary file has.
        await chmod(temporary, file.mode)
        await utimes(temporary, file.atime, file.mtime)
        await rename(temporary, file.path)
        file.restored = true
      } catch (error) {
        await unlink(temporary).catch(() => undefined)
        failures.push(`${file.path}: ${(error as Error).message}`)
      }
    }
    if (failures.length > 0) {
      throw new Error(`Could not restore the checkout credentials (call restore again to retry): ${failures.join('; ')}`)
    }
  }
}
