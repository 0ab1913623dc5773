/**
 * The "gate definition" policy: the gate is the judge, and the judged may not edit the judge. A
 * change to what decides whether the gate is green fails like a red gate step: the scripts the gate
 * lines call (`package.json` `scripts`, Makefile and justfile targets, a script file a step runs),
 * test runner and lint configuration (JavaScript and Python), `conftest.py` anywhere, interpreter
 * start-up hooks (`sitecustomize.py`, `.pth`), setup files, and the attributes and ignore files
 * that decide what git shows and commits. Unrelated parts of shared files (a package.json
 * `description`, pyproject's `[project]` dependencies) stay free to change.
 * Judged from the change's paths, its patch and the whole texts of the shared files.
 */
import picomatch from 'picomatch'
import { parse as parseShell } from 'shell-quote'
import { parsePatch } from './unified-diff.js'
import { isTestPath } from './test-weakening-policy.js'
import type { Change, Policy } from './types.js'
import { definePolicy } from './policy-step.js'

/** The step name the gate shows for this policy. */
export const GATE_DEFINITION_POLICY_NAME = 'policy: gate definition'

/** What the agent is told to do instead; the wording is part of the product. */
export const GATE_DEFINITION_ADVICE =
  "put the gate's files back as they were and fix the code; if the gate itself must change, a person must do it (allow-gate-changes)"

/** Files that are the gate's definition as a whole, by name, in any folder. */
export const GATE_DEFINITION_GLOBS: readonly string[] = [
  // Task runners: the targets the gate lines call.
  '**/{Makefile,makefile,GNUmakefile,*.mk,justfile,Justfile,.justfile,Taskfile.yml,Taskfile.yaml}',
  // JavaScript and TypeScript: test runners, their setup files, transpilers, linters, package manager settings.
  '**/{jest,vitest,vite,ava,playwright,karma,cypress,babel,prettier,eslint,stylelint,lint-staged}.config.*',
  '**/{vitest.workspace,jest.setup,jest.preset,vitest.setup,setupTests,setup-tests,test-setup,jest-setup}.*',
  '**/{.mocharc,.nycrc,.c8rc,.babelrc,.eslintrc,.prettierrc,.swcrc,.stylelintrc,.lintstagedrc}{,.*}',
  '**/{.eslintignore,.prettierignore,.npmrc,.yarnrc,.yarnrc.yml,.pnpmfile.cjs,.taprc,.node-options}',
  '**/{tsconfig,jsconfig}{,.*}.json',
  // Python: runner and linter configuration, fixtures and hooks loaded before any test.
  '**/{pytest.ini,tox.ini,noxfile.py,.coveragerc,mypy.ini,.mypy.ini,.flake8,ruff.toml,.ruff.toml,.pylintrc,pylintrc,.pydocstyle,.isort.cfg}',
  '**/{conftest.py,sitecustomize.py,usercustomize.py,*.pth}',
  // A module named like the runner's own shadows it when the runner is started with `python -m`.
  '**/{pytest,_pytest,pluggy,unittest,nose2,hypothesis,coverage,tox,ruff,mypy,flake8,pylint}{.py,/__init__.py,/__main__.py}',
  // git: what the change reader shows and what the commit holds.
  '**/{.gitattributes,.gitignore}'
]

const wholeFileMatcher = picomatch([...GATE_DEFINITION_GLOBS], { dot: true })

/** package.json fields that define what the gate runs and how; the rest of the file is free to change. */
export const PACKAGE_JSON_GATE_FIELDS: readonly string[] = [
  'scripts',
  'jest',
  'mocha',
  'ava',
  'c8',
  'nyc',
  'tap',
  'vitest',
  'babel',
  'eslintConfig',
  'eslintIgnore',
  'prettier',
  'lint-staged'
]

/** pyproject.toml tables (and their sub-tables) that configure the gate's tools. */
const PYPROJECT_GATE_TABLES =
  /^tool\.(?:pytest|ruff|mypy|coverage|tox|pyright|black|isort|flake8|pylint|pydocstyle|nox|poe|hatch\.envs|pdm\.scripts|rye\.scripts)(?:\.|$)/

/** setup.cfg sections that configure the gate's tools. */
const SETUP_CFG_GATE_SECTIONS = /^(?:tool:pytest|pytest|flake8|mypy(?:-.*)?|coverage:.*|tox(?::.*)?|pycodestyle|pylint.*|isort|pydocstyle)$/

/** Shared files judged part by part: their whole texts are needed (see Change.contents). */
export function needsWholeText(path: string): boolean {
  const name = basename(path)
  return name === 'package.json' || name === 'pyproject.toml' || name === 'setup.cfg'
}

/** One way the change edits the gate's definition. */
export interface GateDefinitionFinding {
  file: string
  what: string
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/**
 * The repository files a gate line runs directly (`./scripts/check.sh`, `bash ci/test.sh`,
 * `python tools/lint.py`, `node scripts/test.mjs`): relative paths among its words, test files
 * excepted (the test policies judge those).
 */
export function scriptsNamedBy(steps: readonly string[]): string[] {
  const found = new Set<string>()
  for (const step of steps) {
    let words: ReturnType<typeof parseShell>
    try {
      words = parseShell(step)
    } catch {
      continue
    }
    for (const word of words) {
      if (typeof word !== 'string') continue
      const candidate = word.replace(/^\.\//, '')
      if (candidate === '' || candidate.startsWith('/') || candidate.startsWith('-') || candidate.split('/').includes('..')) continue
      // A test file a step names is judged as a test (tests may change in issue-to-pr; self-heal freezes them).
      if (isTestPath(candidate)) continue
      // A path with a folder, or a file with a script's extension.
      if (/^[\w.@-]+(?:\/[\w.@-]+)+$/.test(candidate) || /^[\w.@-]+\.(?:sh|bash|py|js|mjs|cjs|ts|rb|pl|ps1|cmd|bat)$/.test(candidate)) {
        found.add(candidate)
      }
    }
  }
  return [...found]
}

/** Every path the change touches, old and new names alike, with how. */
function touched(change: Change): Map<string, string> {
  const paths = new Map<string, string>()
  for (const { path, status } of change.paths) paths.set(path, status)
  for (const file of parsePatch(change.reviewPatch ?? change.patch)) {
    if (file.status === 'renamed' || file.status === 'copied') {
      if (file.oldPath && file.status === 'renamed') paths.set(file.oldPath, 'renamed away')
      if (file.newPath) paths.set(file.newPath, file.status === 'renamed' ? 'renamed here' : 'copied here')
    } else {
      const path = file.newPath ?? file.oldPath
      if (path && !paths.has(path)) paths.set(path, file.status)
    }
  }
  return paths
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = JSON.stringify(value)
  return '`' + (text.length > 80 ? `${text.slice(0, 80)}…` : text) + '`'
}

function tryParseJson(text: string | undefined): { ok: true; value: Record<string, unknown> | undefined } | { ok: false } {
  if (text === undefined) return { ok: true, value: undefined }
  try {
    const value: unknown = JSON.parse(text)
    return {
      ok: true,
      value: value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
    }
  } catch {
    return { ok: false }
  }
}

function packageJsonFindings(file: string, before: string | undefined, after: string | undefined): GateDefinitionFinding[] {
  const old = tryParseJson(before)
  const now = tryParseJson(after)
  if (!now.ok) return [{ file, what: 'is no longer valid JSON, so the scripts the gate runs cannot be compared; make it valid again' }]
  if (!old.ok) return []
  const findings: GateDefinitionFinding[] = []
  for (const field of PACKAGE_JSON_GATE_FIELDS) {
    const a = old.value?.[field]
    const b = now.value?.[field]
    if (JSON.stringify(a) === JSON.stringify(b)) continue
    if (field === 'scripts' && isRecord(a) && isRecord(b)) {
      for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (JSON.stringify(a[name]) !== JSON.stringify(b[name])) {
          findings.push({ file, what: `changes the script \`${name}\` from ${describeValue(a[name])} to ${describeValue(b[name])}` })
        }
      }
    } else {
      findings.push({ file, what: `changes \`${field}\` from ${describeValue(a)} to ${describeValue(b)}` })
    }
  }
  return findings
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** A TOML or INI file's sections: header name → the section's text (blank lines and comments dropped). */
function sections(text: string | undefined, header: RegExp): Map<string, string> {
  const found = new Map<string, string>()
  if (text === undefined) return found
  let current = ''
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue
    const match = header.exec(line)
    if (match) {
      current = match[1]
        .trim()
        .replace(/\s*\.\s*/g, '.')
        .replace(/"/g, '')
      if (!found.has(current)) found.set(current, '')
      continue
    }
    found.set(current, `${found.get(current) ?? ''}${line}\n`)
  }
  return found
}

function sectionFindings(
  file: string,
  before: string | undefined,
  after: string | undefined,
  header: RegExp,
  isGateSection: (name: string) => boolean,
  show: (name: string) => string
): GateDefinitionFinding[] {
  const old = sections(before, header)
  const now = sections(after, header)
  const findings: GateDefinitionFinding[] = []
  for (const name of new Set([...old.keys(), ...now.keys()])) {
    if (!isGateSection(name) || old.get(name) === now.get(name)) continue
    const how = !old.has(name) ? 'adds' : !now.has(name) ? 'removes' : 'changes'
    findings.push({ file, what: `${how} ${show(name)}, which configures the gate's tools` })
  }
  return findings
}

/**
 * The ways the change edits the gate's definition (pure). `gateScripts` are repository files the
 * gate lines run (see scriptsNamedBy).
 */
export function findGateDefinitionChanges(change: Change, gateScripts: readonly string[] = []): GateDefinitionFinding[] {
  const scripts = new Set(gateScripts)
  const findings: GateDefinitionFinding[] = []
  for (const [file, how] of touched(change)) {
    const name = basename(file)
    if (scripts.has(file)) {
      findings.push({ file, what: `${how}: a gate step runs this file` })
      continue
    }
    if (wholeFileMatcher(file)) {
      findings.push({ file, what: `${how}: it is part of the gate's definition (${whatItIs(name)})` })
      continue
    }
    if (!needsWholeText(file)) continue
    const texts = change.contents?.[file]
    if (texts === undefined) {
      findings.push({ file, what: `${how}, and its gate settings could not be compared` })
      continue
    }
    if (name === 'package.json') findings.push(...packageJsonFindings(file, texts.before, texts.after))
    else if (name === 'pyproject.toml') {
      findings.push(
        ...sectionFindings(
          file,
          texts.before,
          texts.after,
          /^\[\[?\s*([^\]]+?)\s*\]\]?(?:\s*#.*)?$/,
          (section) => PYPROJECT_GATE_TABLES.test(section),
          (section) => `[${section}]`
        )
      )
    } else {
      findings.push(
        ...sectionFindings(
          file,
          texts.before,
          texts.after,
          /^\[\s*([^\]]+?)\s*\]$/,
          (section) => SETUP_CFG_GATE_SECTIONS.test(section),
          (section) => `[${section}]`
        )
      )
    }
  }
  return findings
}

function whatItIs(name: string): string {
  if (name === 'conftest.py') return 'pytest loads it before any test: fixtures, hooks, deselection'
  if (name === 'sitecustomize.py' || name === 'usercustomize.py' || name.endsWith('.pth')) return 'Python runs it at start-up'
  if (/^(?:__init__|__main__|pytest|_pytest|pluggy|unittest|nose2|hypothesis|coverage|tox|ruff|mypy|flake8|pylint)\.py$/.test(name))
    return "it shadows the test or lint runner's own module"
  if (name === '.gitattributes') return 'it decides how git shows and stores files'
  if (name === '.gitignore') return 'it decides which files the commit holds'
  if (/^(?:Makefile|makefile|GNUmakefile|justfile|Justfile|\.justfile|Taskfile\.ya?ml)$|\.mk$/.test(name))
    return 'the targets the gate runs'
  if (/^\.npmrc$|^\.yarnrc|pnpmfile/.test(name)) return "the package manager's settings, which run the scripts"
  if (/lint|prettier|ruff|flake8|pylint|pydocstyle|isort|mypy/i.test(name)) return 'lint or type-check configuration'
  return 'test runner or build configuration'
}

/** The feedback the agent reads when the policy fails. */
export function describeGateDefinitionChanges(findings: GateDefinitionFinding[]): string {
  const listed = findings.slice(0, 30).map((finding) => `- ${finding.file}: ${finding.what}`)
  if (findings.length > 30) listed.push(`- … and ${findings.length - 30} more`)
  return [
    "This change edits the gate's own definition, which decides whether the change passes:",
    ...listed,
    `What to do: ${GATE_DEFINITION_ADVICE}.`
  ].join('\n')
}

/** The "gate definition" policy, a gate step that fails when the change edits what judges it. */
export function createGateDefinitionPolicy(gateSteps: readonly string[] = []): Policy {
  const scripts = scriptsNamedBy(gateSteps)
  return definePolicy({
    name: GATE_DEFINITION_POLICY_NAME,
    find: (change) => findGateDefinitionChanges(change, scripts),
    passed: "No change to the gate's definition (scripts, runner and lint configuration, setup files, attributes).",
    describe: describeGateDefinitionChanges
  })
}
