/**
 * The "tests stay honest" policy: a change that deletes test files, removes test cases or
 * assertions, or switches tests off (skip, only, xfail, ignore) fails like a red gate step, so the
 * agent is told to fix the code instead. Judged from the change's paths and its `git diff` alone.
 */
import { parsePatch, type PatchFile, type PatchLine } from './unified-diff.js'
import picomatch from 'picomatch'
import type { Change, Policy } from './types.js'
import { definePolicy } from './policy-step.js'

/** The step name the gate shows for this policy. */
export const TEST_WEAKENING_POLICY_NAME = 'policy: tests stay honest'

/** What the agent is told to do instead; the wording is part of the product. */
export const TEST_WEAKENING_ADVICE =
  'fix the code, not the tests; if the test itself is wrong, a person must change it (allow-test-changes)'

/** Path conventions that make a file a test file, in the languages people write tests in. */
export const TEST_PATH_GLOBS: readonly string[] = [
  '**/__tests__/**',
  '**/__test__/**',
  '**/test/**',
  '**/tests/**',
  '**/Tests/**',
  '**/spec/**',
  '**/*.test.*',
  '**/*.spec.*',
  '**/*_test.*',
  '**/*_spec.*',
  '**/test_*.py',
  '**/conftest.py',
  '**/*{Test,Tests}.{java,kt,kts,groovy,scala}'
]

const testPathMatcher = picomatch([...TEST_PATH_GLOBS], { dot: true })

/** True when the path is a test file by the usual conventions (see TEST_PATH_GLOBS). */
export function isTestPath(path: string): boolean {
  return testPathMatcher(path)
}

// ---------------------------------------------------------------------------------------------
// Unified diff reading

/** One line of a hunk, with its line number on the side(s) it exists on. */
interface LanguageRules {
  /** Files of this language, by name. */
  matches: (path: string) => boolean
  /** A line that is only a comment: commenting a test out is removing it. */
  comment: RegExp
  /** Test definitions (global: a line may hold several). */
  definitions: RegExp
  /** A definition's identity without its markers, so `it.only('x'` is still the test `it('x'`. */
  definitionKey?: (text: string) => string
  /** Markers that switch tests off or narrow the run (global). */
  markers: RegExp
  /** Placeholders that are fine as new work but not as a stand-in for a removed test (global). */
  placeholders?: RegExp
  /** Assertions (global). */
  assertions: RegExp
  /** A line showing the file holds tests even when its path does not say so. */
  testSignal: RegExp
}

const C_STYLE_COMMENT = /^\s*(?:\/\/|\/\*|\*)/

const JS_CHAIN = String.raw`(?:\.(?:only|skip|each|concurrent|failing|sequential|serial|parallel|describe|skipIf|runIf|fixme|fail))*`

const LANGUAGES: LanguageRules[] = [
  {
    matches: picomatch('**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}', { dot: true }),
    comment: C_STYLE_COMMENT,
    definitions: new RegExp(
      String.raw`(?<![\w.$])(?:it|test|describe|context|specify|suite|xit|xtest|xdescribe|xcontext|xspecify|fit|fdescribe|fcontext)${JS_CHAIN}\s*[(\x60]`,
      'g'
    ),
    markers: new RegExp(
      String.raw`(?<![\w.$])(?:it|test|describe|context|specify|suite)(?:\.\w+)*\.(?:skip|only|skipIf|runIf|fixme)\b` +
        String.raw`|(?<![\w.$])(?:xit|xtest|xdescribe|xcontext|xspecify|fit|fdescribe|fcontext)\s*\(` +
        String.raw`|\bthis\.skip\s*\(|(?<![\w.$])pending\s*\(` +
        // node:test: the `{ skip }` and `{ todo }` options, and `t.skip()` / `t.todo()` inside a test.
        String.raw`|(?<![\w.$'"])(?:skip|todo)\s*:\s*(?!false\b|undefined\b|null\b)|\b(?:t|ctx|context)\.(?:skip|todo)\s*\(`,
      'g'
    ),
    definitionKey: (text) =>
      text.replace(
        /(?<![\w.$])[xf]?(it|test|describe|context|specify|suite)(?:\.(?:only|skip|skipIf|runIf|fixme|fail|failing))*(?=\s*[(\x60.])/g,
        '$1'
      ),
    placeholders: /(?<![\w.$])(?:it|test|describe)(?:\.\w+)*\.todo\b/g,
    assertions: /(?<![\w.$])expect\s*[(.]|(?<![\w.$])assert(?:\.\w+)*\s*\(|\.should\b/g,
    testSignal: /(?:from\s+|require\(\s*|import\s+)['"](?:@jest\/globals|vitest|mocha|chai|node:test|@playwright\/test|ava|tap|uvu)['"]/
  },
  {
    matches: picomatch('**/*.py', { dot: true }),
    comment: /^\s*#/,
    definitions: /^\s*(?:async\s+)?def\s+test\w*\s*\(/g,
    markers:
      /\bpytest\.mark\.(?:skip|skipif|xfail)\b|@(?:unittest\.)?(?:skip|skipIf|skipUnless|expectedFailure)\b|\bpytest\.(?:skip|xfail|importorskip)\s*\(|\bself\.skipTest\s*\(|\braise\s+(?:unittest\.)?SkipTest\b/g,
    assertions: /^\s*assert\b|\.assert\w*\s*\(|\bpytest\.(?:raises|warns)\s*\(|\bself\.fail\s*\(/g,
    testSignal: /^\s*(?:import|from)\s+(?:pytest|unittest)\b/
  },
  {
    matches: picomatch('**/*.go', { dot: true }),
    comment: C_STYLE_COMMENT,
    definitions: /^\s*func\s+(?:Test|Fuzz|Benchmark)\w*\s*\(\s*\w+\s+\*testing\.[TFB]\s*\)|\bt\.Run\s*\(/g,
    markers: /\b\w+\.(?:Skip|Skipf|SkipNow)\s*\(/g,
    assertions: /\b(?:t|b|f|tb)\.(?:Error|Errorf|Fatal|Fatalf|Fail|FailNow)\s*\(|\b(?:assert|require)\.[A-Z]\w*\s*\(/g,
    testSignal: /"testing"|\*testing\.[TBF]\b/
  },
  {
    matches: picomatch('**/*.rs', { dot: true }),
    comment: /^\s*\/\//,
    definitions: /#\[(?:[\w:]+::)?test\b|#\[rstest\b/g,
    markers: /#\[ignore\b/g,
    assertions: /\b(?:debug_)?assert\w*!\s*[([]/g,
    testSignal: /#\[cfg\(test\)\]|#\[(?:[\w:]+::)?test\b/
  },
  {
    matches: picomatch('**/*.{java,kt,kts,groovy,scala}', { dot: true }),
    comment: C_STYLE_COMMENT,
    definitions: /@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\b/g,
    markers:
      /@(?:Disabled\w*|Ignore)\b|\b(?:Assumptions|Assume)\.assume\w*\s*\(|(?<![\w.])assume(?:True|False|That)\s*\(|@Test\s*\([^)]*\benabled\s*=\s*false/g,
    assertions: /^\s*assert\b|\b(?:assert[A-Z]\w*|fail|verify)\s*\(/g,
    testSignal: /\borg\.junit\b|\borg\.testng\b|\bkotlin\.test\b|@Test\b/
  }
]

function languageOf(path: string): LanguageRules | undefined {
  return LANGUAGES.find((language) => language.matches(path))
}

// ---------------------------------------------------------------------------------------------
// Findings

/** A way a change can weaken the tests. */
export type FindingKind =
  'deleted-test-file' | 'removed-tests' | 'added-skip' | 'removed-assertions' | 'changed-test' | 'exits-early' | 'patches-at-load'

/** One thing the detector found, located well enough for the agent (and a person) to look. */
export interface Finding {
  kind: FindingKind
  /** The file, relative to the repository root. */
  file: string
  /** The line, when the finding is about one; see `side` for which version of the file. */
  line?: number
  /** `before`: a line number in the file before the change (removed lines); `after`: after it. */
  side?: 'before' | 'after'
  /** What was found, in plain words. */
  what: string
}

const MAX_CODE_CHARS = 100

function quoteCode(text: string): string {
  const code = text.trim()
  return '`' + (code.length > MAX_CODE_CHARS ? code.slice(0, MAX_CODE_CHARS) + '…' : code) + '`'
}

function countMatches(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(pattern)].map((match) => match[0].replace(/\s*[(\x60[]$/, '').trim())
}

/** The file's code lines of one kind with what a pattern found on each (comment lines excluded). */
function scan(
  file: PatchFile,
  kind: PatchLine['kind'],
  pattern: RegExp,
  rules: LanguageRules
): Array<{ line: PatchLine; found: string[] }> {
  const hits: Array<{ line: PatchLine; found: string[] }> = []
  for (const line of file.lines) {
    if (line.kind !== kind || rules.comment.test(line.text)) continue
    const found = countMatches(pattern, line.text)
    if (found.length > 0) hits.push({ line, found })
  }
  return hits
}

function total(hits: Array<{ found: string[] }>): number {
  return hits.reduce((sum, hit) => sum + hit.found.length, 0)
}

function pathOf(file: PatchFile): string {
  return file.newPath ?? file.oldPath ?? ''
}

function looksLikeTest(file: PatchFile, rules: LanguageRules): boolean {
  return isTestPath(pathOf(file)) || file.lines.some((line) => rules.testSignal.test(line.text))
}

/** The text of a section's removed or added side, to recognise a file moved without edits. */
function sideText(file: PatchFile, kind: 'added' | 'removed'): string {
  return file.lines
    .filter((line) => line.kind === kind)
    .map((line) => line.text)
    .join('\n')
}

function findDeletedTestFiles(change: Change, files: PatchFile[]): Finding[] {
  const renamedAway = new Set(files.filter((f) => f.status === 'renamed' && f.oldPath).map((f) => f.oldPath as string))
  // Without rename detection a moved test file shows as deleted + added with the same content.
  const addedTests = new Set(
    files.filter((f) => f.status === 'added' && !f.binary && isTestPath(pathOf(f))).map((f) => sideText(f, 'added'))
  )
  const deleted = new Map<string, PatchFile | undefined>()
  for (const path of change.paths) if (path.status === 'deleted') deleted.set(path.path, undefined)
  for (const file of files) if (file.status === 'deleted' && file.oldPath) deleted.set(file.oldPath, file)

  const findings: Finding[] = []
  for (const [path, file] of deleted) {
    if (!isTestPath(path) || renamedAway.has(path)) continue
    if (file && !file.binary && file.lines.length > 0 && addedTests.has(sideText(file, 'removed'))) continue
    findings.push({ kind: 'deleted-test-file', file: path, what: 'deletes the test file' })
  }
  return findings
}

/** Takes one of `text` from a multiset of texts; false when none is left. */
function take(pool: Map<string, number>, text: string): boolean {
  const left = pool.get(text) ?? 0
  if (left === 0) return false
  pool.set(text, left - 1)
  return true
}

function multiset(texts: string[]): Map<string, number> {
  const pool = new Map<string, number>()
  for (const text of texts) pool.set(text, (pool.get(text) ?? 0) + 1)
  return pool
}

/**
 * Test definitions removed from a file beyond those added back: a renamed test keeps the count,
 * and a test moved verbatim to another file of the change is not removed.
 */
function findRemovedTests(file: PatchFile, rules: LanguageRules, addedElsewhere: Map<string, number>): Finding[] {
  const removed = scan(file, 'removed', rules.definitions, rules)
  const added = scan(file, 'added', rules.definitions, rules)
  const removedCount = total(removed)
  const addedCount = total(added)
  if (removedCount <= addedCount) return []

  const key = (hit: { line: PatchLine }): string => (rules.definitionKey ?? ((text: string) => text))(hit.line.text.trim())
  const addedHere = multiset(added.map(key))
  const unmatched = removed.filter((hit) => !take(addedHere, key(hit)))
  const gone = unmatched.filter((hit) => !take(addedElsewhere, key(hit)))
  const moved = total(unmatched) - total(gone)
  if (removedCount - addedCount - moved <= 0) return []

  const counts = `this file: ${removedCount} test definition${removedCount === 1 ? '' : 's'} removed, ${addedCount} added`
  return gone.map((hit) => ({
    kind: 'removed-tests' as const,
    file: pathOf(file),
    line: hit.line.oldLine,
    side: 'before' as const,
    what: `removes the test ${quoteCode(hit.line.text)} (${counts})`
  }))
}

/** Skip/only/xfail-style markers added beyond those removed (editing a skipped test is not new). */
function findAddedSkips(file: PatchFile, rules: LanguageRules, testsWereRemoved: boolean): Finding[] {
  const findings: Finding[] = []
  const report = (pattern: RegExp, describe: (marker: string) => string): void => {
    const added = scan(file, 'added', pattern, rules)
    const removedCounts = new Map<string, number>()
    for (const hit of scan(file, 'removed', pattern, rules)) {
      for (const marker of hit.found) removedCounts.set(marker, (removedCounts.get(marker) ?? 0) + 1)
    }
    for (const hit of added) {
      for (const marker of hit.found) {
        const left = removedCounts.get(marker) ?? 0
        if (left > 0) {
          removedCounts.set(marker, left - 1)
          continue
        }
        findings.push({ kind: 'added-skip', file: pathOf(file), line: hit.line.newLine, side: 'after', what: describe(marker) })
      }
    }
  }
  report(rules.markers, (marker) => `adds \`${marker}\`, which switches tests off or narrows the run`)
  if (rules.placeholders && testsWereRemoved) {
    report(rules.placeholders, (marker) => `adds \`${marker}\` in place of a removed test`)
  }
  return findings
}

/** Assertions removed from a test file with none added back (nor moved verbatim to another file). */
function findRemovedAssertions(file: PatchFile, rules: LanguageRules, addedElsewhere: Map<string, number>): Finding[] {
  if (total(scan(file, 'added', rules.assertions, rules)) > 0) return []
  const removed = scan(file, 'removed', rules.assertions, rules).filter((hit) => !take(addedElsewhere, hit.line.text.trim()))
  if (removed.length === 0) return []
  const count = total(removed)
  const examples = removed
    .slice(0, 2)
    .map((hit) => quoteCode(hit.line.text))
    .join(', ')
  return [
    {
      kind: 'removed-assertions',
      file: pathOf(file),
      line: removed[0].line.oldLine,
      side: 'before',
      what: `removes ${count} assertion${count === 1 ? '' : 's'} (${examples}${removed.length > 2 ? ', …' : ''}) and adds none`
    }
  ]
}

/**
 * Finds the ways a change weakens the tests: deleted test files, test definitions removed (net, per
 * file), skip/only/xfail markers added, and assertions removed with none added. Pure; never throws
 * on odd or binary diffs.
 */
export function findTestWeakening(change: Change): Finding[] {
  const files = parsePatch(change.reviewPatch ?? change.patch)
  const findings = findDeletedTestFiles(change, files)
  const deletedPaths = new Set(findings.map((finding) => finding.file))

  // What each file adds, so a test or assertion moved verbatim to another file is not "removed".
  const added = new Map<PatchFile, { definitions: string[]; assertions: string[] }>()
  for (const file of files) {
    const rules = languageOf(pathOf(file))
    if (!rules || file.binary) continue
    const texts = (pattern: RegExp): string[] => scan(file, 'added', pattern, rules).map((hit) => hit.line.text.trim())
    const definitionKey = rules.definitionKey ?? ((text: string) => text)
    added.set(file, { definitions: texts(rules.definitions).map(definitionKey), assertions: texts(rules.assertions) })
  }
  const addedElsewhere = (file: PatchFile, which: 'definitions' | 'assertions'): Map<string, number> =>
    multiset([...added].filter(([other]) => other !== file).flatMap(([, texts]) => texts[which]))

  for (const file of files) {
    const path = pathOf(file)
    const rules = languageOf(path)
    if (!rules || file.binary || deletedPaths.has(path) || !looksLikeTest(file, rules)) continue
    const removedTests = findRemovedTests(file, rules, addedElsewhere(file, 'definitions'))
    const lostDefinitions = total(scan(file, 'removed', rules.definitions, rules)) > total(scan(file, 'added', rules.definitions, rules))
    findings.push(...removedTests, ...findAddedSkips(file, rules, lostDefinitions))
    // Assertions only count in test files by path: production code may drop a runtime assert.
    // A removed test already explains its assertions going.
    if (isTestPath(path) && removedTests.length === 0)
      findings.push(...findRemovedAssertions(file, rules, addedElsewhere(file, 'assertions')))
  }
  return findings
}

/** One finding as a line of feedback: `file:line (before the change): what`. */
export function formatFinding(finding: Finding): string {
  const where =
    finding.line === undefined ? finding.file : `${finding.file}:${finding.line}${finding.side === 'before' ? ' (before the change)' : ''}`
  return `${where}: ${finding.what}`
}

const MAX_LISTED_FINDINGS = 30

/** The feedback the agent reads when the policy fails. */
export function describeTestWeakening(findings: Finding[]): string {
  const listed = findings.slice(0, MAX_LISTED_FINDINGS).map((finding) => `- ${formatFinding(finding)}`)
  if (findings.length > MAX_LISTED_FINDINGS) listed.push(`- … and ${findings.length - MAX_LISTED_FINDINGS} more`)
  return [
    'This change weakens the tests instead of making them pass:',
    ...listed,
    `What to do: put the tests back as they were and ${TEST_WEAKENING_ADVICE}.`
  ].join('\n')
}

/** The "tests stay honest" policy, a gate step that fails when the change weakens the tests. */
export function createTestWeakeningPolicy(): Policy {
  return definePolicy({
    name: TEST_WEAKENING_POLICY_NAME,
    find: findTestWeakening,
    passed: 'No test file deleted, no test or assertion removed, no skip or only marker added.',
    describe: describeTestWeakening
  })
}

// ---------------------------------------------------------------------------------------------
// Self-heal: the tests as of the failing commit

/** The step name the gate shows for the self-heal form of the policy. */
export const TEST_FREEZE_POLICY_NAME = 'policy: tests as of the failing commit'

/** What the agent is told in self-heal, where the failing commit's tests are the judge. */
export const TEST_FREEZE_ADVICE =
  'the tests of the failing commit judge the fix: put every existing test file back exactly as it was and fix the code; ' +
  'new tests may be added in new files or at the end of a test file; if a test itself is wrong, a person must change it (allow-test-changes)'

/** Ends the test process early, so tests after it never run (and the exit status may be 0). */
const EXIT_CALL =
  /\bprocess\s*\.\s*(?:exit|reallyExit|abort)\s*\(|\bprocess\.kill\s*\(\s*process\.pid|\bos\s*\.\s*_?exit\s*\(|\bsys\s*\.\s*exit\s*\(|\bpytest\s*\.\s*exit\s*\(|\braise\s+SystemExit\b|(?<![\w.$])(?:exit|quit)\s*\(/

/** Top-level lines an appended block of tests may hold, per language; anything else runs at load time. */
const APPENDED_TOP_LEVEL: Record<'js' | 'py', RegExp> = {
  js: /^(?:(?:test|it|describe|suite)\s*[(\x60]|import\s|(?:const|let|var)\s+[\w${}\s,:]+=\s*(?:require\s*\(|await\s+import\s*\()|[)\]}]|\/\/|\/\*|\*)/,
  py: /^(?:(?:async\s+)?def\s+test\w*\s*\(|class\s+Test\w*\s*[(:]|@pytest\.mark\.parametrize\b|(?:import|from)\s|[)\]}]|#)/
}

/** A top-level assignment to another module's attribute or a `setattr`: the code under test changed at load time. */
const LOAD_TIME_PATCH: Record<'js' | 'py', RegExp> = {
  js: /^(?!module\.exports\b|exports\.)[\w$]+(?:\s*\.\s*[\w$]+|\[[^\]]+\])+\s*=(?!=)|^Object\.(?:defineProperty|assign)\s*\(/,
  py: /^[A-Za-z_]\w*(?:\.\w+)+\s*=(?!=)|^setattr\s*\(|^[A-Za-z_]\w*(?:\.\w+)*\.__dict__\b/
}

/** An import line: a new test appended at the end may need one at the top. */
const IMPORT_LINE = /^\s*(?:import\s|from\s+\S+\s+import\s|(?:const|let|var)\s+[\w${}\s,:]+=\s*require\s*\()/

function dialect(path: string): 'js' | 'py' | undefined {
  if (/\.(?:js|jsx|mjs|cjs|ts|tsx|mts|cts)$/.test(path)) return 'js'
  if (path.endsWith('.py')) return 'py'
  return undefined
}

function isTestFile(file: PatchFile, path: string): boolean {
  if (isTestPath(path)) return true
  const rules = languageOf(path)
  return rules !== undefined && file.lines.some((line) => rules.testSignal.test(line.text))
}

function exitCalls(file: PatchFile, path: string): Finding[] {
  const rules = languageOf(path)
  return file.lines
    .filter((line) => line.kind === 'added' && !(rules?.comment.test(line.text) ?? false) && EXIT_CALL.test(line.text))
    .slice(0, 3)
    .map((line) => ({
      kind: 'exits-early' as const,
      file: path,
      line: line.newLine,
      side: 'after' as const,
      what: `adds ${quoteCode(line.text)}, which ends the test run early`
    }))
}

function loadTimePatches(file: PatchFile, path: string, lines: PatchLine[]): Finding[] {
  const lang = dialect(path)
  if (!lang) return []
  return lines
    .filter((line) => LOAD_TIME_PATCH[lang].test(line.text))
    .slice(0, 3)
    .map((line) => ({
      kind: 'patches-at-load' as const,
      file: path,
      line: line.newLine,
      side: 'after' as const,
      what: `adds ${quoteCode(line.text)}, which changes other code when the tests load, before any test runs`
    }))
}

/** How an existing test file was changed, when it was changed other than by appending new tests. */
function existingTestEdits(file: PatchFile, path: string, before: string | undefined): Finding[] {
  if (file.binary) {
    return [{ kind: 'changed-test', file: path, what: 'changes the test file (git shows it as binary, so the change cannot be read)' }]
  }
  const removed = file.lines.filter((line) => line.kind === 'removed')
  if (removed.length > 0) {
    const first = removed.find((line) => line.text.trim() !== '') ?? removed[0]
    return [
      {
        kind: 'changed-test',
        file: path,
        line: first.oldLine,
        side: 'before',
        what: `changes ${removed.length} existing line${removed.length === 1 ? '' : 's'} of the test file (first: ${first.text.trim() === '' ? 'a blank line' : quoteCode(first.text)})`
      }
    ]
  }
  const findings: Finding[] = []
  // Lines added with an old line after them sit among the existing tests: only imports may.
  const lastContext = file.lines.reduce((last, line, index) => (line.kind === 'context' ? index : last), -1)
  const inserted = file.lines.filter((line, index) => line.kind === 'added' && index < lastContext)
  const badInsert = inserted.find((line) => line.text.trim() !== '' && !IMPORT_LINE.test(line.text))
  if (badInsert) {
    findings.push({
      kind: 'changed-test',
      file: path,
      line: badInsert.newLine,
      side: 'after',
      what: `inserts ${quoteCode(badInsert.text)} among the existing tests (add new tests at the end of the file)`
    })
  }
  const lang = dialect(path)
  const appended = file.lines.filter((line, index) => line.kind === 'added' && index > lastContext)
  if (lang) {
    const topLevel = appended.filter((line) => /^\S/.test(line.text))
    const stray = topLevel.find((line) => !APPENDED_TOP_LEVEL[lang].test(line.text))
    if (stray) {
      findings.push({
        kind: 'patches-at-load',
        file: path,
        line: stray.newLine,
        side: 'after',
        what: `appends top-level code ${quoteCode(stray.text)}, which runs before the existing tests; append only new tests`
      })
    }
    if (lang === 'py' && before !== undefined) {
      for (const line of topLevel) {
        const name = /^(?:async\s+)?def\s+(test\w*)\s*\(/.exec(line.text)?.[1]
        if (name && new RegExp(String.raw`^\s*(?:async\s+)?def\s+${name}\s*\(`, 'm').test(before)) {
          findings.push({
            kind: 'changed-test',
            file: path,
            line: line.newLine,
            side: 'after',
            what: `defines \`${name}\` again, which replaces the existing test of that name`
          })
        }
      }
    }
  }
  return findings
}

/**
 * Self-heal's rule (pure): every test file of the failing commit stays, unchanged but for new tests
 * appended at its end; nothing added anywhere skips tests, ends the run early, or patches the code
 * under test while the tests load. New test files are welcome. Includes everything
 * {@link findTestWeakening} finds.
 */
export function findTestTampering(change: Change): Finding[] {
  const findings: Finding[] = []
  const seen = new Set<string>()
  const add = (found: Finding[]): void => {
    for (const finding of found) {
      const key = `${finding.file}\0${finding.kind}\0${finding.line ?? ''}`
      if (!seen.has(key)) {
        seen.add(key)
        findings.push(finding)
      }
    }
  }
  const files = parsePatch(change.reviewPatch ?? change.patch)
  for (const file of files) {
    const path = pathOf(file)
    if (file.status === 'renamed' && file.oldPath && isTestPath(file.oldPath)) {
      add([{ kind: 'deleted-test-file', file: file.oldPath, what: `moves the test file to ${file.newPath ?? 'another path'}` }])
      continue
    }
    if (file.status === 'deleted') {
      if (file.oldPath && isTestFile(file, file.oldPath))
        add([{ kind: 'deleted-test-file', file: file.oldPath, what: 'deletes the test file' }])
      continue
    }
    if (!isTestFile(file, path)) continue
    add(exitCalls(file, path))
    if (file.status === 'added' || file.status === 'copied') {
      add(
        loadTimePatches(
          file,
          path,
          file.lines.filter((line) => line.kind === 'added' && /^\S/.test(line.text))
        )
      )
    } else {
      add(existingTestEdits(file, path, change.contents?.[path]?.before))
    }
  }
  for (const path of change.paths) {
    if (path.status === 'deleted' && isTestPath(path.path))
      add([{ kind: 'deleted-test-file', file: path.path, what: 'deletes the test file' }])
  }
  add(findTestWeakening(change))
  return findings
}

/** The self-heal form of the policy: the failing commit's tests are the judge (see findTestTampering). */
export function createTestFreezePolicy(): Policy {
  return definePolicy({
    name: TEST_FREEZE_POLICY_NAME,
    find: findTestTampering,
    passed: 'Every test file of the failing commit is unchanged (new tests only added); nothing skips tests or ends the run early.',
    describe: (findings) => {
      const listed = findings.slice(0, MAX_LISTED_FINDINGS).map((finding) => `- ${formatFinding(finding)}`)
      if (findings.length > MAX_LISTED_FINDINGS) listed.push(`- … and ${findings.length - MAX_LISTED_FINDINGS} more`)
      return ['This change alters the tests that judge it:', ...listed, `What to do: ${TEST_FREEZE_ADVICE}.`].join('\n')
    }
  })
}
