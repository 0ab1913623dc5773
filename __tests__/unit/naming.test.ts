import { describe, expect, it } from '@jest/globals'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  BOT_AUTHOR,
  branchNameProblem,
  healBranchName,
  isCommitId,
  isOwnBranch,
  issueBranchName,
  localHealBranch,
  localIssueBranch
} from '../../src/core/naming.js'

describe('branch names', () => {
  it('one branch per issue, one heal branch per failing branch', () => {
    expect(issueBranchName('agent/', 12)).toBe('agent/issue-12')
    expect(healBranchName('agent/', 'feature/x')).toBe('agent/heal/feature/x')
    expect(healBranchName('', 'main')).toBe('heal/main')
  })

  it('our own branches: everything under the prefix, or with no prefix the two shapes we push', () => {
    expect(isOwnBranch('agent/', 'agent/heal/main')).toBe(true)
    expect(isOwnBranch('agent/', 'agents/x')).toBe(false)
    expect(isOwnBranch('', 'heal/main')).toBe(true)
    expect(isOwnBranch('', 'issue-12')).toBe(true)
    expect(isOwnBranch('', 'issue-tracker')).toBe(false)
    expect(isOwnBranch('', 'main')).toBe(false)
    // What we name is what we recognise as ours.
    for (const prefix of ['', 'agent/', 'bots-']) {
      expect(isOwnBranch(prefix, issueBranchName(prefix, 7))).toBe(true)
      expect(isOwnBranch(prefix, healBranchName(prefix, 'feature/x'))).toBe(true)
    }
  })

  it("the CLI's branches: a slug of the issue file or the current branch, never a name git refuses", () => {
    expect(localIssueBranch('agent/', 'issue-12')).toBe('agent/issue-12')
    expect(localIssueBranch('agent/', 'Add dark mode')).toBe('agent/issue-add-dark-mode')
    expect(localHealBranch('agent/', 'Feature/X')).toBe('agent/heal/feature-x')
    expect(localHealBranch('agent/', undefined)).toBe('agent/heal/detached')
    // A hostile file or branch name: revision syntax, a leading dash, "..", ".lock", control characters.
    for (const hostile of ['--upload-pack=evil', 'a..b', 'x.lock', '@{-1}', 'a\u0000b', '..', '~^:?*[\\', 'ünïcödé', '']) {
      expect(branchNameProblem(localIssueBranch('agent/', hostile))).toBeUndefined()
      expect(branchNameProblem(localHealBranch('agent/', hostile))).toBeUndefined()
    }
  })
})

describe('commit ids', () => {
  it('a full SHA-1 or SHA-256 id in lower case, nothing else', () => {
    expect(isCommitId('a'.repeat(40))).toBe(true)
    expect(isCommitId('0123456789abcdef'.repeat(4))).toBe(true)
    for (const bad of [
      'A'.repeat(40),
      'a'.repeat(39),
      'a'.repeat(41),
      'a'.repeat(63),
      `${'a'.repeat(40)}\n`,
      '--all',
      'HEAD',
      'main',
      ''
    ]) {
      expect(isCommitId(bad)).toBe(false)
    }
  })
})

describe('bot identities', () => {
  it('the Actions bot on GitHub, the gated-agent bot locally', () => {
    expect(BOT_AUTHOR.action.name).toBe('github-actions[bot]')
    expect(BOT_AUTHOR.local.name).toBe('gated-agent[bot]')
  })
})

/** Every .ts file under src/, read. */
async function sources(): Promise<Array<{ file: string; text: string }>> {
  const root = path.resolve('src')
  const names = (await readdir(root, { recursive: true })).filter((n) => n.endsWith('.ts'))
  return Promise.all(names.map(async (n) => ({ file: path.join('src', n), text: await readFile(path.join(root, n), 'utf8') })))
}

describe('one naming module', () => {
  it('no file but src/core/naming.ts spells the commit-id pattern, a branch shape or a bot identity', async () => {
    const rules: Array<[string, RegExp]> = [
      ['the commit-id pattern', /\{40\}/],
      ['the issue branch shape', /\}issue-\$\{/],
      ['the heal branch shape', /\}heal\/\$\{/],
      ['a bot identity', /\[bot\]@users\.noreply|'gated-agent\[bot\]'/]
    ]
    const offenders: string[] = []
    for (const { file, text } of await sources()) {
      if (file === path.join('src', 'core', 'naming.ts')) continue
      for (const [what, pattern] of rules) if (pattern.test(text)) offenders.push(`${file}: ${what}`)
    }
    expect(offenders).toEqual([])
  })
})
