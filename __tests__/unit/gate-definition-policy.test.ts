import {
  createGateDefinitionPolicy,
  findGateDefinitionChanges,
  GATE_DEFINITION_POLICY_NAME,
  scriptsNamedBy
} from '../../src/core/gate-definition-policy.js'
import { policiesFor } from '../../src/core/job-policies.js'
import type { Change } from '../../src/core/types.js'

/** A change touching these paths, with the whole texts given. */
function change(
  paths: Array<[string, 'added' | 'modified' | 'deleted']>,
  contents: Record<string, { before?: string; after?: string }> = {}
): Change {
  return { paths: paths.map(([path, status]) => ({ path, status })), patch: '', contents }
}

const pkg = (fields: Record<string, unknown>): string => JSON.stringify({ name: 'x', version: '1.0.0', ...fields }, null, 2)

describe('whole files that define the gate', () => {
  test.each([
    'Makefile',
    'sub/justfile',
    'jest.config.js',
    'vitest.config.ts',
    'packages/a/.mocharc.yml',
    'tsconfig.json',
    'tsconfig.build.json',
    '.eslintrc.cjs',
    'eslint.config.mjs',
    '.npmrc',
    'pytest.ini',
    'tox.ini',
    'ruff.toml',
    '.coveragerc',
    'conftest.py',
    'deep/tests/conftest.py',
    'sitecustomize.py',
    'src/evil.pth',
    'noxfile.py',
    'jest.setup.ts',
    'setupTests.js',
    '.gitattributes',
    'web/.gitignore'
  ])('%s, added or changed, is refused and named', (file) => {
    for (const status of ['added', 'modified', 'deleted'] as const) {
      const findings = findGateDefinitionChanges(change([[file, status]]))
      expect(findings).toEqual([{ file, what: expect.stringContaining(status) }])
    }
  })

  test.each(['src/app.js', 'README.md', 'docs/Makefile.md', 'lib/config.py', 'tests/test_app.py', 'setup.py'])(
    '%s is not the gate',
    (file) => {
      expect(findGateDefinitionChanges(change([[file, 'modified']]))).toEqual([])
    }
  )
})

describe('package.json: only the gate fields count', () => {
  const before = pkg({ scripts: { test: 'jest', lint: 'eslint .' }, jest: { testEnvironment: 'node' } })

  test('an unrelated field (description, version, dependencies) is honest', () => {
    const after = pkg({
      version: '1.0.1',
      description: 'x',
      dependencies: { a: '1' },
      scripts: { test: 'jest', lint: 'eslint .' },
      jest: { testEnvironment: 'node' }
    })
    expect(findGateDefinitionChanges(change([['package.json', 'modified']], { 'package.json': { before, after } }))).toEqual([])
  })

  test.each([
    [
      'the test script set to exit 0',
      { scripts: { test: 'exit 0', lint: 'eslint .' }, jest: { testEnvironment: 'node' } },
      /script `test` from `"jest"` to `"exit 0"`/
    ],
    [
      'the test script narrowed',
      { scripts: { test: 'jest -t nothing', lint: 'eslint .' }, jest: { testEnvironment: 'node' } },
      /script `test`/
    ],
    [
      'a script added that the gate may call',
      { scripts: { test: 'jest', lint: 'eslint .', pretest: 'exit 0' }, jest: { testEnvironment: 'node' } },
      /script `pretest` from nothing/
    ],
    ['the jest field', { scripts: { test: 'jest', lint: 'eslint .' }, jest: { testPathIgnorePatterns: ['calc'] } }, /changes `jest`/]
  ])('%s is refused', (_name, fields, said) => {
    const after = pkg(fields)
    const findings = findGateDefinitionChanges(change([['package.json', 'modified']], { 'package.json': { before, after } }))
    expect(findings.map((f) => `${f.file}: ${f.what}`).join('\n')).toMatch(said)
  })

  test('invalid JSON is refused; without the texts, any change is', () => {
    expect(findGateDefinitionChanges(change([['package.json', 'modified']], { 'package.json': { before, after: '{' } }))).toEqual([
      { file: 'package.json', what: expect.stringContaining('no longer valid JSON') }
    ])
    expect(findGateDefinitionChanges(change([['package.json', 'modified']]))).toEqual([
      { file: 'package.json', what: expect.stringContaining('could not be compared') }
    ])
  })
})

describe('pyproject.toml and setup.cfg: only the tool tables count', () => {
  const before =
    '[project]\nname = "calc"\nversion = "0.1.0"\n\n[tool.pytest.ini_options]\ntestpaths = ["tests"]\n\n[tool.ruff]\nline-length = 100\n'

  test('[project] is free to change', () => {
    const after = before.replace('0.1.0', '0.2.0').replace('name = "calc"', 'name = "calc"\ndependencies = ["attrs"]')
    expect(findGateDefinitionChanges(change([['pyproject.toml', 'modified']], { 'pyproject.toml': { before, after } }))).toEqual([])
  })

  test.each([
    [
      '-k in addopts',
      before.replace('testpaths = ["tests"]', 'testpaths = ["tests"]\naddopts = "-k \'not mul\'"'),
      /changes \[tool\.pytest\.ini_options\]/
    ],
    ['ruff rules ignored', before.replace('line-length = 100', 'line-length = 100\nignore = ["F"]'), /changes \[tool\.ruff\]/],
    ['a new coverage table', `${before}\n[tool.coverage.report]\nfail_under = 0\n`, /adds \[tool\.coverage\.report\]/],
    [
      'the pytest table removed',
      before.replace('[tool.pytest.ini_options]\ntestpaths = ["tests"]\n', ''),
      /removes \[tool\.pytest\.ini_options\]/
    ]
  ])('%s is refused', (_name, after, said) => {
    const findings = findGateDefinitionChanges(change([['pyproject.toml', 'modified']], { 'pyproject.toml': { before, after } }))
    expect(findings.map((f) => f.what).join('\n')).toMatch(said)
  })

  test('setup.cfg: [tool:pytest] and [flake8] count, [metadata] does not', () => {
    const cfg = '[metadata]\nname = calc\n\n[tool:pytest]\ntestpaths = tests\n'
    const ok = cfg.replace('name = calc', 'name = calc\nversion = 2')
    const bad = cfg.replace('testpaths = tests', 'testpaths = tests\naddopts = -k "not mul"')
    expect(findGateDefinitionChanges(change([['setup.cfg', 'modified']], { 'setup.cfg': { before: cfg, after: ok } }))).toEqual([])
    expect(findGateDefinitionChanges(change([['setup.cfg', 'modified']], { 'setup.cfg': { before: cfg, after: bad } }))).toEqual([
      { file: 'setup.cfg', what: expect.stringContaining('[tool:pytest]') }
    ])
  })
})

describe('scripts the gate lines run', () => {
  test('relative script paths among the words of each step, test files excepted', () => {
    expect(
      scriptsNamedBy([
        './scripts/check.sh',
        'bash ci/lint.sh --strict',
        'python tools/lint.py',
        'npm test',
        'node --test test/a.test.js',
        'run.sh'
      ])
    ).toEqual(['scripts/check.sh', 'ci/lint.sh', 'tools/lint.py', 'run.sh'])
  })

  test('a change to a script a step runs is refused, naming the step', () => {
    const policy = createGateDefinitionPolicy(['./scripts/check.sh'])
    const result = policy.check(change([['scripts/check.sh', 'modified']])) as ReturnType<typeof policy.check> & {
      ok: boolean
      tail: string
    }
    expect(result).toMatchObject({ name: GATE_DEFINITION_POLICY_NAME, ok: false, policy: true })
    expect(result.tail).toContain('- scripts/check.sh: modified: a gate step runs this file')
    expect(result.tail).toContain('allow-gate-changes')
  })
})

describe('policiesFor: one set for the action and the CLI', () => {
  const names = (settings: Partial<Parameters<typeof policiesFor>[0]>): string[] =>
    policiesFor({ job: 'self-heal', protectedPaths: [], allowTestChanges: false, allowGateChanges: false, gateSteps: [], ...settings }).map(
      (p) => p.name
    )

  test('self-heal: protected paths, the gate definition and the failing commit tests', () => {
    expect(names({})).toEqual(['policy: protected paths', 'policy: gate definition', 'policy: tests as of the failing commit'])
  })
  test('issue-to-pr: the tests may change, the gate may not', () => {
    expect(names({ job: 'issue-to-pr' })).toEqual(['policy: protected paths', 'policy: gate definition'])
  })
  test('the allow settings waive their policy, never protected paths', () => {
    expect(names({ allowTestChanges: true, allowGateChanges: true })).toEqual(['policy: protected paths'])
  })
})
