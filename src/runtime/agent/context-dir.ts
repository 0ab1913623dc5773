/**
 * The agent's context directory: where the files a prompt names (the prompt itself for a
 * `{prompt_file}` template, CI's whole record of a failure, an issue too long to show) live while
 * the agent runs. It is inside the work tree, because agent CLIs read the work tree under their
 * default permissions and may refuse anything outside it (Claude Code's Read, Gemini CLI's
 * workspace check, opencode's external_directory rule). It exists only while the agent runs: made
 * right before, removed right after, before the change is read or the gate runs, and the
 * workspace leaves it out of the change even when removing it failed.
 */
import { lstat, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ContextDirectory, ContextFile } from '../../core/types.js'
import type { GitRunner } from '../git/git.js'

/** The directory's name at the work tree's top level, unless the repository has that path already. */
export const CONTEXT_DIR_NAME = '.gated-agent'

/** The file marking a directory as ours, so a leftover of a killed run is recognised and removed. */
const MARKER = 'README.md'
const MARKER_TEXT =
  'Gated Agent put the files its prompt names here for one agent run. The directory is removed when the agent exits and is never part of the change.\n'

/**
 * The context directory for a work tree: `.gated-agent` at its top level, or (when the repository
 * has that path already, or ignores it) the first free and unignored of `gated-agent-context`,
 * `.gated-agent-2`, `.gated-agent-3`, …. An ignored path would not do: Gemini CLI's read_file
 * refuses files the repository's .gitignore ignores. A leftover of an earlier run that was killed
 * (it holds our marker) is removed and its name reused.
 */
export async function chooseContextDir(
  workTree: string,
  options: { isIgnored?: (relative: string) => Promise<boolean> } = {}
): Promise<ContextDirectory> {
  const names = [CONTEXT_DIR_NAME, 'gated-agent-context', ...Array.from({ length: 98 }, (_, i) => `${CONTEXT_DIR_NAME}-${i + 2}`)]
  for (const relative of names) {
    const absolute = path.join(path.resolve(workTree), relative)
    const stat = await lstat(absolute).catch(() => undefined)
    const free = stat === undefined || (stat.isDirectory() && (await isOurs(absolute)))
    if (!free || (await options.isIgnored?.(relative))) continue
    if (stat !== undefined) await rm(absolute, { recursive: true, force: true })
    return { relative, absolute }
  }
  throw new Error(
    `Could not find a free name for the agent's context directory in ${workTree} (${CONTEXT_DIR_NAME}, ${CONTEXT_DIR_NAME}-2, …).`
  )
}

/**
 * Whether the project ignores a path of the work tree, for {@link chooseContextDir}: its git
 * ignore rules (`git check-ignore`), and `.geminiignore`, which Gemini CLI reads in the same syntax.
 */
export function gitIgnores(git: GitRunner, workTree: string): (relative: string) => Promise<boolean> {
  return async (relative) => {
    // A file inside it, as the agent's CLI will ask: `dir/` patterns and `dir/*` patterns both match that.
    const probe = ['check-ignore', '--quiet', '--no-index', '--', `${relative}/prompt.md`]
    if ((await git.run(probe, { allowFailure: true })).exitCode === 0) return true
    const geminiIgnore = path.join(path.resolve(workTree), '.geminiignore')
    if ((await lstat(geminiIgnore).catch(() => undefined)) === undefined) return false
    return (await git.run(['-c', `core.excludesFile=${geminiIgnore}`, ...probe], { allowFailure: true })).exitCode === 0
  }
}

async function isOurs(dir: string): Promise<boolean> {
  const text = await readFile(path.join(dir, MARKER), 'utf8').catch(() => undefined)
  return text === MARKER_TEXT
}

/**
 * Makes the directory afresh with `files` in it (and the marker). Whatever was at the path is
 * removed first; the directory is created exclusively and each file with `wx`, so nothing the agent
 * left (a symlink, say) is written through.
 */
export async function prepareContextDir(dir: ContextDirectory, files: readonly ContextFile[]): Promise<void> {
  await rm(dir.absolute, { recursive: true, force: true })
  await mkdir(dir.absolute)
  await writeFile(path.join(dir.absolute, MARKER), MARKER_TEXT, { flag: 'wx' })
  for (const file of files) {
    if (file.name !== path.basename(file.name) || file.name === MARKER || file.name.startsWith('.')) {
      throw new Error(`A context file's name must be a plain file name, got '${file.name}'.`)
    }
    await writeFile(path.join(dir.absolute, file.name), file.text, { flag: 'wx' })
  }
}

/** Removes the directory, whatever the agent made of it; a failure is returned, not thrown. */
export async function removeContextDir(dir: ContextDirectory): Promise<string | undefined> {
  try {
    await rm(dir.absolute, { recursive: true, force: true })
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}
