/**
 * The layout's boundaries are lint rules, not comments: this proves each rule bites on a deliberate
 * violation, and that the same import is fine where it belongs.
 */
import { ESLint } from 'eslint'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const eslint = new ESLint({ cwd: ROOT })

async function restrictedImports(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) })
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('layout boundaries (npm run lint)', () => {
  it.each([
    ["import { readFile } from 'node:fs/promises'", 'file access'],
    ["import { spawn } from 'node:child_process'", 'processes'],
    ["import * as core from '@actions/core'", 'GitHub Actions'],
    ["import { GitWorkspace } from '../runtime/git/git-workspace.js'", 'outside itself']
  ])('src/core/ refuses %s', async (line, why) => {
    const messages = await restrictedImports(
      'src/core/deliberate-violation.ts',
      `${line}\nexport const used = [${line
        .match(/\{ (\w+) \}|\* as (\w+)/)
        ?.slice(1)
        .find(Boolean)}]\n`
    )
    expect(messages.join('\n')).toContain(why)
  })

  it('the same file-system import is fine in src/runtime/ (the positive control)', async () => {
    expect(
      await restrictedImports('src/runtime/deliberate.ts', "import { readFile } from 'node:fs/promises'\nexport const used = [readFile]\n")
    ).toEqual([])
  })

  it('only the Action front-end imports @actions/core', async () => {
    const code = "import * as core from '@actions/core'\nexport const used = [core]\n"
    expect(await restrictedImports('src/github/deliberate.ts', code)).toHaveLength(1)
    expect(await restrictedImports('src/runtime/git/deliberate.ts', code)).toHaveLength(1)
    expect(await restrictedImports('src/action/deliberate.ts', code)).toEqual([])
  })

  it('the shipped sources break no boundary', async () => {
    const results = await eslint.lintFiles(['src/**/*.ts'])
    const broken = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${path.relative(ROOT, r.filePath)}: ${m.message}`)
    )
    expect(broken).toEqual([])
  })
})
