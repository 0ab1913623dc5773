/**
 * A reader of git's unified diffs (`git diff --binary` with a/ and b/ prefixes): files, their old
 * and new paths, and the added and removed lines with their line numbers. Shared by the policies.
 */

export interface PatchLine {
  kind: 'added' | 'removed' | 'context'
  text: string
  /** Line number before the change (removed and context lines). */
  oldLine?: number
  /** Line number after the change (added and context lines). */
  newLine?: number
}

/** One file's section of a `git diff`. */
export interface PatchFile {
  /** Path before the change; absent for an added file. */
  oldPath?: string
  /** Path after the change; absent for a deleted file. */
  newPath?: string
  status: 'added' | 'modified' | 'deleted' | 'renamed' | 'copied'
  /** Binary sections carry no lines (a `GIT binary patch` or "Binary files ... differ"). */
  binary: boolean
  lines: PatchLine[]
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 }

/**
 * Reads one path token as git writes it: plain, or C-quoted with octal bytes when the path holds
 * spaces' cousins, quotes or non-ASCII (core.quotePath). Returns the path and the rest of the line.
 */
function readGitPath(text: string): { path: string; rest: string } {
  if (!text.startsWith('"')) return { path: text, rest: '' }
  const bytes: number[] = []
  let i = 1
  while (i < text.length && text[i] !== '"') {
    const ch = text[i]
    if (ch === '\\' && i + 1 < text.length) {
      const next = text[i + 1]
      const octal = /^[0-7]{3}/.exec(text.slice(i + 1))
      if (octal) {
        bytes.push(parseInt(octal[0], 8))
        i += 4
        continue
      }
      bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0))
      i += 2
      continue
    }
    bytes.push(...Buffer.from(ch, 'utf8'))
    i += 1
  }
  return { path: Buffer.from(bytes).toString('utf8'), rest: text.slice(i + 1) }
}

/** A `---`/`+++` file name: git appends a tab when the name has a space (for GNU patch). */
function readFileLinePath(text: string, prefix: string): string | undefined {
  const raw = text.startsWith('"') ? readGitPath(text).path : text.split('\t')[0]
  if (raw === '/dev/null') return undefined
  return raw.startsWith(prefix) ? raw.slice(prefix.length) : raw
}

/** Paths from `diff --git a/X b/Y`, used only when a section has no `---`/`+++` or rename lines. */
function readHeaderPaths(header: string): { oldPath?: string; newPath?: string } {
  if (header.startsWith('"')) {
    const first = readGitPath(header)
    const second = readGitPath(first.rest.trimStart())
    return { oldPath: stripPrefix(first.path, 'a/'), newPath: stripPrefix(second.path, 'b/') }
  }
  // Unquoted: "a/X b/X" is ambiguous with spaces, but without a rename both halves are equal.
  const half = (header.length - 1) / 2
  if (Number.isInteger(half) && header.slice(2, half) === header.slice(half + 3)) {
    const path = header.slice(2, half)
    return { oldPath: path, newPath: path }
  }
  const cut = header.indexOf(' b/')
  if (cut < 0) return {}
  return { oldPath: stripPrefix(header.slice(0, cut), 'a/'), newPath: header.slice(cut + 3) }
}

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/

/**
 * Splits a `git diff` (with or without `--binary`, renames or not) into file sections with
 * numbered lines. Binary payloads are skipped, never decoded; unknown lines are ignored.
 */
export function parsePatch(patch: string): PatchFile[] {
  const files: PatchFile[] = []
  let file: PatchFile | undefined
  let header: { oldPath?: string; newPath?: string } = {}
  let sawFileLines = false
  let oldLeft = 0
  let newLeft = 0
  let oldLine = 0
  let newLine = 0

  const finish = (): void => {
    if (!file) return
    if (!sawFileLines && file.oldPath === undefined && file.newPath === undefined) {
      file.oldPath = header.oldPath
      file.newPath = header.newPath
    }
    if (file.status === 'added') file.oldPath = undefined
    if (file.status === 'deleted') file.newPath = undefined
    if (file.oldPath !== undefined || file.newPath !== undefined) files.push(file)
    file = undefined
  }

  for (const line of patch.split('\n')) {
    if (file && (oldLeft > 0 || newLeft > 0)) {
      const mark = line[0]
      if (mark === '\\') continue // "\ No newline at end of file"
      if (mark === '+' && newLeft > 0) {
        file.lines.push({ kind: 'added', text: line.slice(1), newLine: newLine++ })
        newLeft--
        continue
      }
      if (mark === '-' && oldLeft > 0) {
        file.lines.push({ kind: 'removed', text: line.slice(1), oldLine: oldLine++ })
        oldLeft--
        continue
      }
      // Some tools strip the single space of an empty context line.
      if ((mark === ' ' || line === '') && oldLeft > 0 && newLeft > 0) {
        file.lines.push({ kind: 'context', text: line.slice(1), oldLine: oldLine++, newLine: newLine++ })
        oldLeft--
        newLeft--
        continue
      }
      oldLeft = 0
      newLeft = 0
    }

    if (line.startsWith('diff --git ')) {
      finish()
      file = { status: 'modified', binary: false, lines: [] }
      header = readHeaderPaths(line.slice('diff --git '.length))
      sawFileLines = false
      continue
    }
    if (!file || file.binary) continue

    const hunk = HUNK_HEADER.exec(line)
    if (hunk) {
      oldLine = Number(hunk[1])
      oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2])
      newLine = Number(hunk[3])
      newLeft = hunk[4] === undefined ? 1 : Number(hunk[4])
    } else if (line.startsWith('--- ')) {
      file.oldPath = readFileLinePath(line.slice(4), 'a/')
      if (file.oldPath === undefined) file.status = 'added'
      sawFileLines = true
    } else if (line.startsWith('+++ ')) {
      file.newPath = readFileLinePath(line.slice(4), 'b/')
      if (file.newPath === undefined) file.status = 'deleted'
      sawFileLines = true
    } else if (line.startsWith('new file mode')) {
      file.status = 'added'
    } else if (line.startsWith('deleted file mode')) {
      file.status = 'deleted'
    } else if (line.startsWith('rename from ') || line.startsWith('copy from ')) {
      file.status = line.startsWith('rename') ? 'renamed' : 'copied'
      file.oldPath = readGitPath(line.slice(line.indexOf(' from ') + 6)).path
      sawFileLines = true
    } else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
      file.newPath = readGitPath(line.slice(line.indexOf(' to ') + 4)).path
      sawFileLines = true
    } else if (line.startsWith('GIT binary patch') || (line.startsWith('Binary files ') && line.endsWith(' differ'))) {
      file.binary = true
    }
  }
  finish()
  return files
}

// ---------------------------------------------------------------------------------------------
// What counts as a test, a skip and an assertion, per language
