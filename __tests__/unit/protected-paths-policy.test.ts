import {
  compileProtectedPaths,
  createProtectedPathsPolicy,
  DEFAULT_PROTECTED_PATHS,
  findProtectedPaths,
  validateGlobs
} from '../../src/core/protected-paths-policy.js'
import type { Change, ChangedPath } from '../../src/core/types.js'

function changeOf(...paths: ChangedPath[]): Change {
  return { paths, patch: '' }
}

const modified = (path: string): ChangedPath => ({ path, status: 'modified' })

describe('validateGlobs', () => {
  it('accepts the default and everyday globs', () => {
    expect(validateGlobs(DEFAULT_PROTECTED_PATHS)).toBeUndefined()
    expect(
      validateGlobs([
        '.github/**',
        '!.github/ISSUE_TEMPLATE/**',
        '**/*.lock',
        'deploy/{prod,staging}/*.yml',
        'secrets/[a-z]*',
        '!(docs)/**/*.key',
        'a\\[b\\].txt'
      ])
    ).toBeUndefined()
    expect(validateGlobs([])).toBeUndefined()
  })

  it.each([
    ['.github/workflows/[ci.yml', 'Missing closing: "]"'],
    ['deploy/{prod,staging/*.yml', 'Missing closing: "}"'],
    ['src/(a|b/**', 'Missing closing: ")"'],
    ['src/a)/**', 'Missing opening: "("'],
    ['deploy/{prod,staging}}/*.yml', 'a "}" has no opening "{"'],
    ['deploy/prod}', 'a "}" has no opening "{"'],
    ['secrets/[z-a]', 'Range out of order']
  ])('reports a malformed glob %s', (glob, reason) => {
    const problem = validateGlobs(['.github/workflows/**', glob])
    expect(problem).toContain(`the glob ${JSON.stringify(glob)} is malformed`)
    expect(problem).toContain(reason)
  })

  it.each([
    ['', 'a glob is empty'],
    ['   ', 'a glob is empty'],
    ['!', 'a glob is empty'],
    [' .github/**', 'has spaces around it'],
    ['/etc/passwd', 'is an absolute path'],
    ['!/etc/**', 'is an absolute path'],
    ['C:\\repo\\x', 'is an absolute path'],
    ['~/x', 'is an absolute path'],
    ['../other-repo/**', 'leaves the repository'],
    ['.github\\workflows\\*.yml', 'separate folders with "/"']
  ])('refuses %j', (glob, reason) => {
    expect(validateGlobs([glob])).toContain(reason)
  })

  it('refuses a list of exclusions only, which would protect nothing the user meant', () => {
    expect(validateGlobs(['!docs/**'])).toContain('list at least one path to protect')
  })
})

describe('protected paths policy', () => {
  const policy = createProtectedPathsPolicy()

  it.each(['added', 'modified', 'deleted'] as const)('fails when a workflow is %s, naming the path and the glob', async (status) => {
    const result = await policy.check(changeOf(modified('src/app.ts'), { path: '.github/workflows/ci.yml', status }))
    expect(result).toMatchObject({
      name: 'policy: protected paths',
      policy: true,
      ok: false,
      exitCode: 1,
      timedOut: false,
      missingTool: false
    })
    expect(result.tail).toContain(`- .github/workflows/ci.yml (${status}), protected by .github/workflows/**`)
    expect(result.tail).toContain('revert those files')
    expect(result.tail).not.toContain('src/app.ts')
  })

  it('passes a change that leaves protected paths alone', async () => {
    const result = await policy.check(
      changeOf(modified('src/app.ts'), modified('.github/dependabot.yml'), modified('docs/workflows/ci.md'))
    )
    expect(result).toMatchObject({ ok: true, exitCode: 0, policy: true, timedOut: false, missingTool: false })
    expect(result.tail).toContain('.github/workflows/**')
  })

  it('fails when a workflow is renamed away, as git shows it in the patch', async () => {
    // Exactly what `git diff -M` prints for a pure rename: no ---/+++ lines, no hunks.
    const patch = [
      'diff --git a/.github/workflows/ci.yml b/ci-backup.yml',
      'similarity index 100%',
      'rename from .github/workflows/ci.yml',
      'rename to ci-backup.yml',
      ''
    ].join('\n')
    const result = await policy.check({ paths: [{ path: 'ci-backup.yml', status: 'added' }], patch })
    expect(result.ok).toBe(false)
    expect(result.tail).toContain('- .github/workflows/ci.yml (renamed away), protected by .github/workflows/**')
  })

  it('reads paths git quotes in the patch', () => {
    const patch = [
      'diff --git "a/.github/workflows/d\\303\\251ploy.yml" "b/.github/workflows/d\\303\\251ploy.yml"',
      'deleted file mode 100644',
      'index 587be6b..0000000',
      '--- "a/.github/workflows/d\\303\\251ploy.yml"',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-on: push',
      ''
    ].join('\n')
    expect(findProtectedPaths({ paths: [], patch }, DEFAULT_PROTECTED_PATHS)).toEqual([
      { path: '.github/workflows/d\u00e9ploy.yml', glob: '.github/workflows/**', touch: 'deleted' }
    ])
  })

  it('treats an empty list as the default', async () => {
    const result = await createProtectedPathsPolicy([]).check(changeOf(modified('.github/workflows/release.yml')))
    expect(result.ok).toBe(false)
  })

  it('refuses to build from a malformed glob rather than protect nothing', () => {
    expect(() => createProtectedPathsPolicy(['.github/[workflows'])).toThrow('Missing closing')
  })
})

describe('glob semantics', () => {
  it('matches dot files and dot folders', () => {
    const protectedBy = compileProtectedPaths(['**/*.env', 'config/**'])
    expect(protectedBy('.env')).toBe('**/*.env')
    expect(protectedBy('app/prod.env')).toBe('**/*.env')
    expect(protectedBy('config/.secrets/key')).toBe('config/**')
  })

  it('protects everything inside a folder the glob names, like .gitignore', () => {
    const protectedBy = compileProtectedPaths(['.github/workflows', 'infra/*'])
    expect(protectedBy('.github/workflows/ci.yml')).toBe('.github/workflows')
    expect(protectedBy('infra/prod/main.tf')).toBe('infra/*')
    expect(protectedBy('.github/CODEOWNERS')).toBeUndefined()
  })

  it('lets "!" globs carve exceptions out of protected folders', () => {
    const hits = findProtectedPaths(
      changeOf(modified('.github/CODEOWNERS'), modified('.github/ISSUE_TEMPLATE/bug.md'), modified('README.md')),
      ['.github/**', '!.github/ISSUE_TEMPLATE']
    )
    expect(hits).toEqual([{ path: '.github/CODEOWNERS', glob: '.github/**', touch: 'modified' }])
  })

  it('names the first glob that protects a path', () => {
    expect(findProtectedPaths(changeOf(modified('.github/workflows/ci.yml')), ['**/*.yml', '.github/**'])).toEqual([
      { path: '.github/workflows/ci.yml', glob: '**/*.yml', touch: 'modified' }
    ])
  })
})
