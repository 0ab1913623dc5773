/**
 * An in-memory work tree implementing the Workspace port: files are a map of path → text, the
 * change is computed against the snapshot `begin` took, and restore puts that snapshot back.
 */
import type { Change, ChangedPath, Workspace } from '../../src/core/types.js'

/** A Workspace whose files live in memory, recording every call made to it. */
export class FakeWorkspace implements Workspace {
  /** The work tree now. */
  files: Map<string, string>
  /** Patch files written by `savePatch`, by path. */
  readonly patches = new Map<string, Change>()
  /** Port calls in order: `begin`, `change`, `checkIntact`, `savePatch:<name>`, `restore`. */
  readonly calls: string[] = []
  /** Set by `breakRepo`: what `checkIntact` reports until the next restore. */
  broken: string | undefined
  private baseline: Map<string, string> | undefined

  constructor(
    initial: Record<string, string> = {},
    private readonly patchDir = '/tmp/gated-agent-patches'
  ) {
    this.files = new Map(Object.entries(initial))
  }

  /** Writes (or, with null, deletes) a file, as an agent would. */
  write(path: string, text: string | null): void {
    if (text === null) this.files.delete(path)
    else this.files.set(path, text)
  }

  /** Set by `breakRepo` with a restore error: what `restore` throws (a `.git` deleted is beyond restoring). */
  restoreError: string | undefined

  /**
   * Makes the repository unusable, as an agent deleting `.git` or switching branches would; with
   * `restoreError`, beyond repair: `restore` then throws that, as the real one does without a `.git`.
   */
  breakRepo(reason: string, restoreError?: string): void {
    this.broken = reason
    this.restoreError = restoreError
  }

  /** The files as a plain object, for comparisons. */
  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.files].sort(([a], [b]) => a.localeCompare(b)))
  }

  /** How many times `restore` ran. */
  get restores(): number {
    return this.calls.filter((c) => c === 'restore').length
  }

  async begin(): Promise<{ preExistingDirty: string[] }> {
    this.calls.push('begin')
    if (this.baseline) throw new Error('FakeWorkspace: begin called twice')
    this.baseline = new Map(this.files)
    return { preExistingDirty: [] }
  }

  async change(): Promise<Change> {
    this.calls.push('change')
    const baseline = this.requireBegun()
    const paths: ChangedPath[] = []
    const hunks: string[] = []
    for (const path of new Set([...baseline.keys(), ...this.files.keys()])) {
      const before = baseline.get(path)
      const after = this.files.get(path)
      if (before === after) continue
      const status = before === undefined ? 'added' : after === undefined ? 'deleted' : 'modified'
      paths.push({ path, status })
      hunks.push(
        `--- ${before === undefined ? '/dev/null' : `a/${path}`}\n+++ ${after === undefined ? '/dev/null' : `b/${path}`}\n` +
          lines(before, '-') +
          lines(after, '+')
      )
    }
    paths.sort((a, b) => a.path.localeCompare(b.path))
    return { paths, patch: hunks.join('') }
  }

  async checkIntact(): Promise<string | undefined> {
    this.calls.push('checkIntact')
    return this.broken
  }

  async savePatch(change: Change, name: string): Promise<string> {
    this.calls.push(`savePatch:${name}`)
    const path = `${this.patchDir}/${name}.patch`
    this.patches.set(path, change)
    return path
  }

  async restore(): Promise<void> {
    this.calls.push('restore')
    if (this.restoreError !== undefined) throw new Error(this.restoreError)
    this.files = new Map(this.requireBegun())
    this.broken = undefined
  }

  private requireBegun(): Map<string, string> {
    if (!this.baseline) throw new Error('FakeWorkspace: begin was not called')
    return this.baseline
  }
}

function lines(text: string | undefined, sign: string): string {
  if (text === undefined) return ''
  return text
    .split('\n')
    .map((line) => `${sign}${line}\n`)
    .join('')
}
