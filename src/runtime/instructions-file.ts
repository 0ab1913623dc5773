/**
 * Finds the project's standing instructions for the agent (the seed's AGENT_CONFIG rule): an
 * explicit file, else the first conventional file present in the work tree.
 */
import { open, realpath } from 'node:fs/promises'
import path from 'node:path'

import type { InstructionsFile } from '../core/types.js'

export type { InstructionsFile }

/** Looked for in this order when no file is named. */
export const INSTRUCTIONS_CANDIDATES = ['AGENTS.md', '.agent/instructions.md', 'agent-config.md'] as const

/** The most of an instructions file that reaches the prompt. */
export const INSTRUCTIONS_MAX_BYTES = 64 * 1024

/** An explicitly named (or present but unreadable) instructions file could not be read. */
export class InstructionsFileError extends Error {
  /** The file as the user named it. */
  readonly path: string
  /** Why it could not be read, in plain words. */
  readonly reason: string

  constructor(filePath: string, reason: string) {
    super(`Cannot read the instructions file ${filePath}: ${reason}.`)
    this.name = 'InstructionsFileError'
    this.path = filePath
    this.reason = reason
  }
}

/** Where an instructions file may live. */
export interface InstructionsFileOptions {
  /**
   * The explicit file too must be the repository's own: inside `dir`, outside `.git`, after
   * following links (the action; the CLI lets a user name any file of theirs).
   */
  confineExplicit?: boolean
}

/**
 * Reads `explicit` (resolved against `dir`) when given, else the first of
 * {@link INSTRUCTIONS_CANDIDATES} that is a file in `dir`; undefined when none is.
 * Throws {@link InstructionsFileError} when the explicit file is missing or unreadable, or a
 * candidate exists but cannot be read: silently running without the project's rules would be worse.
 * A candidate is repository content, and its text goes to the agent and the model provider: one that
 * is a link out of the repository or into `.git` (where the checkout's token is) is refused.
 */
export async function findInstructionsFile(
  dir: string,
  explicit?: string,
  options: InstructionsFileOptions = {}
): Promise<InstructionsFile | undefined> {
  if (explicit !== undefined && explicit.trim() !== '') {
    const result = await tryReadCapped(dir, explicit.trim(), options.confineExplicit === true)
    if (result.kind !== 'read') throw new InstructionsFileError(explicit.trim(), result.reason)
    return result.file
  }
  for (const candidate of INSTRUCTIONS_CANDIDATES) {
    const result = await tryReadCapped(dir, candidate, true)
    if (result.kind === 'read') return result.file
    if (result.kind === 'unreadable') throw new InstructionsFileError(candidate, result.reason)
  }
  return undefined
}

type ReadResult = { kind: 'read'; file: InstructionsFile } | { kind: 'absent'; reason: string } | { kind: 'unreadable'; reason: string }

async function tryReadCapped(dir: string, name: string, confined: boolean): Promise<ReadResult> {
  const absolute = path.resolve(dir, name)
  const relative = path.relative(path.resolve(dir), absolute)
  const shown = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute
  let target = absolute
  if (confined) {
    try {
      target = await realpath(absolute)
    } catch (error) {
      return describeOpenError(error, absolute)
    }
    const outside = outsideRepository(await realpath(dir), target)
    if (outside)
      return {
        kind: 'unreadable',
        reason: `it ${target === absolute ? 'is' : `links to ${target}, which is`} ${outside}; instructions must be a file of the repository itself`
      }
  }
  let handle
  try {
    handle = await open(target, 'r')
  } catch (error) {
    return describeOpenError(error, absolute)
  }
  try {
    const stats = await handle.stat()
    if (!stats.isFile()) return { kind: 'absent', reason: 'it is not a regular file (a directory?)' }
    const size = stats.size
    const buffer = Buffer.alloc(Math.min(size, INSTRUCTIONS_MAX_BYTES))
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    const bytes = buffer.subarray(0, bytesRead)
    if (size <= INSTRUCTIONS_MAX_BYTES) {
      return { kind: 'read', file: { path: shown, text: new TextDecoder().decode(bytes) } }
    }
    // `stream: true` holds back a multi-byte character cut at the cap instead of mangling it.
    const head = new TextDecoder().decode(bytes, { stream: true })
    const note = `[... ${shown} is ${size} bytes; only its first ${INSTRUCTIONS_MAX_BYTES} bytes are included ...]`
    return { kind: 'read', file: { path: shown, text: `${head}\n\n${note}\n` } }
  } catch (error) {
    return { kind: 'unreadable', reason: errorReason(error) }
  } finally {
    await handle.close()
  }
}

/** Why `file` (a real path) is not the repository's own file, or undefined when it is. */
function outsideRepository(repository: string, file: string): string | undefined {
  const relative = path.relative(repository, file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return 'outside the repository'
  if (relative.split(path.sep).some((part) => part.toLowerCase() === '.git')) return "inside git's own directory"
  return undefined
}

function describeOpenError(error: unknown, absolute: string): ReadResult {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'absent', reason: `no such file (looked for ${absolute})` }
  return { kind: 'unreadable', reason: errorReason(error) }
}

function errorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'it is a directory'
  return error instanceof Error ? error.message : String(error)
}
