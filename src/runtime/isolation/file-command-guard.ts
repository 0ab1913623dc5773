/**
 * The runner's file commands (`GITHUB_ENV`, `GITHUB_PATH`, `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`,
 * `GITHUB_STATE`, and every file in their directory `_runner_file_commands`) change every later step
 * of the job: a line in GITHUB_ENV (`BASH_ENV`, `LD_PRELOAD`) runs code next to the job's secrets,
 * including checkout's post step, which holds the token. The agent and the gate never see them (the
 * mount namespace hides RUNNER_TEMP), and this guard is the defence behind that: a snapshot of every
 * byte before they run, compared after; any difference is put back exactly and named.
 */
import { lstat, mkdir, readdir, readFile, rm, writeFile, chmod } from 'node:fs/promises'
import path from 'node:path'

const FILE_COMMAND_VARIABLES = ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'GITHUB_STATE']

interface Saved {
  /** Undefined when the file did not exist. */
  bytes?: Buffer
  mode?: number
}

/** What changed in the file commands since the snapshot, file by file. */
export interface FileCommandChange {
  file: string
  what: 'changed' | 'created' | 'deleted'
}

/** The file commands as they were at one moment; verify and put back. */
export interface FileCommandSnapshot {
  /** Every file watched (the named files and every file of their directories at snapshot time). */
  readonly files: readonly string[]
  /** The differences now, without changing anything. */
  changes(): Promise<FileCommandChange[]>
  /** Puts every file back exactly (contents and mode; created files removed); returns what it changed. */
  restore(): Promise<FileCommandChange[]>
}

async function read(file: string): Promise<Saved> {
  try {
    const info = await lstat(file)
    if (!info.isFile()) return { bytes: Buffer.from(`<not a regular file: mode ${info.mode.toString(8)}>`), mode: info.mode }
    return { bytes: await readFile(file), mode: info.mode & 0o7777 }
  } catch {
    return {}
  }
}

async function filesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  return names.map((name) => path.join(dir, name))
}

/** The files behind the file-command variables of `env`, and the directories that hold them. */
export function fileCommandPaths(env: Record<string, string | undefined>): { files: string[]; dirs: string[] } {
  const files = FILE_COMMAND_VARIABLES.map((name) => env[name]).filter((file): file is string => file !== undefined && file !== '')
  const dirs = [...new Set(files.map((file) => path.dirname(path.resolve(file))))]
  return { files: files.map((file) => path.resolve(file)), dirs }
}

/** Takes the snapshot: call it just before the agent or the gate runs. */
export async function snapshotFileCommands(env: Record<string, string | undefined>): Promise<FileCommandSnapshot> {
  const { files, dirs } = fileCommandPaths(env)
  const watched = new Set(files)
  for (const dir of dirs) for (const file of await filesIn(dir)) watched.add(file)
  const saved = new Map<string, Saved>()
  for (const file of watched) saved.set(file, await read(file))

  const changes = async (): Promise<FileCommandChange[]> => {
    const found: FileCommandChange[] = []
    const now = new Set(watched)
    for (const dir of dirs) for (const file of await filesIn(dir)) now.add(file)
    for (const file of [...now].sort()) {
      const before = saved.get(file) ?? {}
      const after = await read(file)
      if (before.bytes === undefined && after.bytes === undefined) continue
      if (before.bytes === undefined) found.push({ file, what: 'created' })
      else if (after.bytes === undefined) found.push({ file, what: 'deleted' })
      else if (!before.bytes.equals(after.bytes) || before.mode !== after.mode) found.push({ file, what: 'changed' })
    }
    return found
  }

  return {
    files: [...watched].sort(),
    changes,
    async restore() {
      const found = await changes()
      for (const change of found) {
        const before = saved.get(change.file) ?? {}
        // Whatever is there now (a file, a link, a directory) goes; the saved bytes come back.
        await rm(change.file, { recursive: true, force: true })
        if (before.bytes === undefined) continue
        await mkdir(path.dirname(change.file), { recursive: true })
        await writeFile(change.file, before.bytes)
        if (before.mode !== undefined) await chmod(change.file, before.mode)
      }
      return found
    }
  }
}

/** One sentence naming each changed file, for the refusal. */
export function describeFileCommandChanges(changes: readonly FileCommandChange[]): string {
  return changes.map((change) => `${change.file} (${change.what})`).join(', ')
}
