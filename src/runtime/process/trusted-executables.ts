/**
 * The executables this action runs itself (git, sh, sudo, unshare, setpriv, mount) must be the
 * system's, not something a hostile agent dropped into a directory that comes early on PATH
 * (`~/.local/bin` is on PATH on GitHub's Ubuntu images). So they are looked up only in the system
 * directories, before the agent runs, and each is checked: the file and every directory above it
 * owned by root and writable by no one else, and none of it under a directory the agent can write
 * (HOME, RUNNER_TEMP, the work tree).
 */
import { lstat, realpath } from 'node:fs/promises'
import path from 'node:path'

/** The system directories, in the usual order: the only PATH the action's own children get after the agent. */
export const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'

/** Where an agent may write, so no trusted executable may live there. */
export interface TrustOptions {
  /** Directories the agent (or an earlier step) can write: HOME, RUNNER_TEMP, the work tree. */
  untrustedRoots?: readonly string[]
  /** The directories to look in (default: SYSTEM_PATH). */
  searchPath?: string
}

/** An executable that is missing from the system directories or fails the checks; names what and why. */
export class UntrustedExecutableError extends Error {
  override readonly name = 'UntrustedExecutableError'
}

/** Why `file` cannot be trusted as a system executable, or undefined when it can. Follows symlinks. */
export async function whyUntrusted(file: string, options: TrustOptions = {}): Promise<string | undefined> {
  let real: string
  try {
    real = await realpath(file)
  } catch {
    return `${file} does not exist`
  }
  for (const root of options.untrustedRoots ?? []) {
    if (root === '') continue
    const realRoot = await realpath(root).catch(() => path.resolve(root))
    // A root of '/' says nothing the ownership checks below do not.
    if (realRoot === '/') continue
    const inside = path.relative(realRoot, real)
    if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside)))
      return `${real} is under ${realRoot}, which the agent can write`
  }
  // The file and each directory above it: owned by root, not writable by group or others.
  for (let at = real; ; at = path.dirname(at)) {
    const info = await lstat(at)
    if (at === real && !info.isFile()) return `${real} is not a regular file`
    if (info.uid !== 0) return `${at} is owned by uid ${info.uid}, not root`
    if ((info.mode & 0o022) !== 0) return `${at} is writable by its group or by others (mode ${(info.mode & 0o7777).toString(8)})`
    if (at === real && (info.mode & 0o111) === 0) return `${real} is not executable`
    if (at === path.dirname(at)) break
  }
  return undefined
}

/** The checked absolute path of `name` in the system directories, or undefined when there is none that passes. */
export async function tryResolveTrustedExecutable(name: string, options: TrustOptions = {}): Promise<string | undefined> {
  try {
    return await resolveTrustedExecutable(name, options)
  } catch {
    return undefined
  }
}

/**
 * The absolute path of `name` in the system directories (never PATH), checked as above. Call it
 * before the agent runs and keep the result. Throws UntrustedExecutableError saying what was found.
 */
export async function resolveTrustedExecutable(name: string, options: TrustOptions = {}): Promise<string> {
  if (name.includes('/')) {
    const why = await whyUntrusted(name, options)
    if (why !== undefined) throw new UntrustedExecutableError(`Refusing to run ${name}: ${why}.`)
    return name
  }
  const problems: string[] = []
  for (const dir of (options.searchPath ?? SYSTEM_PATH).split(':')) {
    if (dir === '') continue
    const candidate = path.join(dir, name)
    try {
      await lstat(candidate)
    } catch {
      continue
    }
    const why = await whyUntrusted(candidate, options)
    if (why === undefined) return candidate
    problems.push(why)
  }
  throw new UntrustedExecutableError(
    problems.length === 0
      ? `${name} is not installed in the system directories (${options.searchPath ?? SYSTEM_PATH}).`
      : `No trustworthy ${name} in the system directories: ${problems.join('; ')}.`
  )
}
