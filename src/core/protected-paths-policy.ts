/**
 * The "protected paths" policy: a change that adds, edits, deletes or renames a file matching the
 * protected globs (by default the workflows, which hold the repository's CI and its secrets' use)
 * fails like a red gate step, and the agent is told to revert those files.
 */
import picomatch from 'picomatch'
import { parsePatch } from './unified-diff.js'
import type { Change, Policy } from './types.js'
import { definePolicy } from './policy-step.js'

/** The step name the gate shows for this policy. */
export const PROTECTED_PATHS_POLICY_NAME = 'policy: protected paths'

/** What is protected when the user lists nothing. */
export const DEFAULT_PROTECTED_PATHS: readonly string[] = ['.github/workflows/**']

/** How a protected path was touched. */
export type ProtectedTouch = 'added' | 'modified' | 'deleted' | 'renamed away' | 'renamed here' | 'copied here'

/** A changed path that a protected glob matched. */
export interface ProtectedHit {
  path: string
  /** The glob, as the user wrote it, that protects the path. */
  glob: string
  touch: ProtectedTouch
}

// picomatch is lenient by default (an unclosed `[` is taken literally); these options make it
// report malformed globs, and `debug` lets a regular-expression error surface instead of a
// pattern that silently matches nothing.
const STRICT: picomatch.PicomatchOptions = { dot: true, strictBrackets: true, debug: true }

/** A leading `!` excludes paths (but `!(...)` is an extglob, not an exclusion). */
function isExclusion(glob: string): boolean {
  return glob.startsWith('!') && !glob.startsWith('!(')
}

/** An unescaped `}` outside a brace group: picomatch reads it literally, the user meant a group. */
function hasStrayClosingBrace(glob: string): boolean {
  const state = picomatch.parse(glob, STRICT)
  return state.tokens.some((token) => token.type === 'text' && /(?:^|[^\\])(?:\\\\)*\}/.test(token.value))
}

/**
 * Checks protected-path globs; returns what is wrong with the first bad one, in plain words, or
 * undefined when all are usable. Refuses empty patterns, absolute paths, `..`, backslash
 * separators, unbalanced `[`, `{` or `(`, and character ranges that cannot compile.
 */
export function validateGlobs(globs: readonly string[]): string | undefined {
  for (const glob of globs) {
    const quoted = JSON.stringify(glob)
    if (glob.trim() === '' || glob.trim() === '!') return 'a glob is empty; write one glob a line, e.g. .github/workflows/**.'
    if (glob !== glob.trim()) return `the glob ${quoted} has spaces around it; remove them.`
    const pattern = isExclusion(glob) ? glob.slice(1) : glob
    if (/^(?:[/\\~]|[A-Za-z]:[/\\])/.test(pattern)) {
      return `the glob ${quoted} is an absolute path; globs are relative to the repository root, e.g. .github/workflows/**.`
    }
    if (pattern.split('/').includes('..')) return `the glob ${quoted} leaves the repository with ".."; globs are relative to its root.`
    if (/\\(?![*?[\]{}()!+@,\\ ])/.test(pattern)) {
      return `the glob ${quoted} has a backslash; separate folders with "/" (a backslash only escapes a glob character).`
    }
    try {
      picomatch.makeRe(pattern, STRICT)
      if (hasStrayClosingBrace(pattern))
        return `the glob ${quoted} is malformed: a "}" has no opening "{" (write "\\}" to match it literally).`
    } catch (error) {
      return `the glob ${quoted} is malformed: ${error instanceof Error ? error.message : String(error)}.`
    }
  }
  if (globs.length > 0 && globs.every(isExclusion)) {
    return 'every glob is an exclusion ("!..."); list at least one path to protect, then the exceptions.'
  }
  return undefined
}

/** The path and every folder above it, so a glob naming a folder protects all inside it. */
function pathAndFolders(path: string): string[] {
  const parts = path.split('/')
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'))
}

/**
 * Compiles protected globs into a lookup: the glob protecting a path, or undefined. A path is
 * protected when it, or a folder above it, matches a glob and no `!` exclusion (like .gitignore).
 */
export function compileProtectedPaths(globs: readonly string[]): (path: string) => string | undefined {
  const problem = validateGlobs(globs)
  if (problem) throw new Error(`Protected paths: ${problem}`)
  const include = globs.filter((glob) => !isExclusion(glob)).map((glob) => ({ glob, test: picomatch(glob, { dot: true }) }))
  const exclude = globs.filter(isExclusion).map((glob) => picomatch(glob.slice(1), { dot: true }))
  return (path) => {
    const candidates = pathAndFolders(path)
    if (exclude.some((test) => candidates.some((candidate) => test(candidate)))) return undefined
    return include.find(({ test }) => candidates.some((candidate) => test(candidate)))?.glob
  }
}

/** Every path the change touches, from its path list and its patch (which also shows renames). */
function touchedPaths(change: Change): Array<{ path: string; touch: ProtectedTouch }> {
  const touched = new Map<string, ProtectedTouch>()
  for (const { path, status } of change.paths) touched.set(path, status)
  for (const file of parsePatch(change.reviewPatch ?? change.patch)) {
    if (file.status === 'renamed') {
      if (file.oldPath) touched.set(file.oldPath, 'renamed away')
      if (file.newPath) touched.set(file.newPath, 'renamed here')
    } else if (file.status === 'copied') {
      if (file.newPath && !touched.has(file.newPath)) touched.set(file.newPath, 'copied here')
    } else {
      const path = file.newPath ?? file.oldPath
      if (path && !touched.has(path)) touched.set(path, file.status)
    }
  }
  return [...touched].map(([path, touch]) => ({ path, touch }))
}

/** The changed paths that the globs protect, each with the glob that matched (pure). */
export function findProtectedPaths(change: Change, globs: readonly string[]): ProtectedHit[] {
  return findHits(change, compileProtectedPaths(globs))
}

function findHits(change: Change, protectedBy: (path: string) => string | undefined): ProtectedHit[] {
  const hits: ProtectedHit[] = []
  for (const { path, touch } of touchedPaths(change)) {
    const glob = protectedBy(path)
    if (glob !== undefined) hits.push({ path, glob, touch })
  }
  return hits
}

/** The feedback the agent reads when the policy fails. */
export function describeProtectedHits(hits: ProtectedHit[]): string {
  return [
    'This change touches protected paths, which the agent must not change:',
    ...hits.map((hit) => `- ${hit.path} (${hit.touch}), protected by ${hit.glob}`),
    'What to do: revert those files to how they were (delete the ones you added, restore the ones you ' +
      'changed or removed) and solve the task without them; if the task needs them changed, a person must do it.'
  ].join('\n')
}

/**
 * The "protected paths" policy, a gate step that fails when the change touches a protected path.
 * An empty list means the default (the workflows). Throws on a malformed glob: inputs are
 * validated with `validateGlobs` before this is built.
 */
export function createProtectedPathsPolicy(globs: readonly string[] = DEFAULT_PROTECTED_PATHS): Policy {
  const effective = globs.length > 0 ? [...globs] : [...DEFAULT_PROTECTED_PATHS]
  const protectedBy = compileProtectedPaths(effective)
  return definePolicy({
    name: PROTECTED_PATHS_POLICY_NAME,
    find: (change) => findHits(change, protectedBy),
    passed: `No protected path changed (protected: ${effective.join(', ')}).`,
    describe: describeProtectedHits
  })
}
