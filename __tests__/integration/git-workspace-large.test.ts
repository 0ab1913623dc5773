/**
 * GitWorkspace's change reader on large changes, against real git: a binary payload or a huge
 * text file is never read into memory (an agent writing 450 MB used to crash the reader with
 * `Cannot create a string longer than 0x1fffffe8 characters`), while the saved patch keeps every
 * byte and applies back exactly. And inspectRemoteBranch: someone else's commits are found.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createGitRunner } from '../../src/runtime/git/git.js'
import { GitWorkspace, MAX_TEXT_SECTION_BYTES } from '../../src/runtime/git/git-workspace.js'
import { parsePatch } from '../../src/core/unified-diff.js'

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' }

let scratch: string
let env: Record<string, string>
let count = 0

beforeAll(async () => {
  scratch = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'git-workspace-large-')))
  const home = path.join(scratch, 'home')
  await fs.mkdir(home)
  await fs.writeFile(path.join(home, '.gitconfig'), '')
  env = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('GIT_')) env[key] = value
  Object.assign(env, { HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig') })
})

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })
}

async function makeRepo(): Promise<string> {
  const dir = path.join(scratch, `repo-${++count}`)
  await fs.mkdir(dir)
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'user.name', 'Dev')
  git(dir, 'config', 'user.email', 'dev@example.com')
  await fs.writeFile(path.join(dir, 'a.txt'), 'one\n')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'initial')
  return dir
}

function workspaceFor(dir: string): GitWorkspace {
  return new GitWorkspace({
    git: createGitRunner(dir, env),
    dir,
    patchDir: path.join(dir, '..', `patches-${count}`),
    tempDir: path.join(scratch, `tmp-${count}`)
  })
}

test('a fix plus a large incompressible binary: the change holds the fix, the payload stays on disk, the patch file applies back', async () => {
  const dir = await makeRepo()
  const workspace = workspaceFor(dir)
  await workspace.begin()
  await fs.writeFile(path.join(dir, 'a.txt'), 'one\ntwo\n')
  const big = randomBytes(24 * 1024 * 1024)
  await fs.writeFile(path.join(dir, 'big.bin'), big)

  const change = await workspace.change()
  expect(change.paths).toEqual(
    expect.arrayContaining([
      { path: 'a.txt', status: 'modified' },
      { path: 'big.bin', status: 'added' }
    ])
  )
  // The payload (about 30 MB of base85) is not in memory; the fix is.
  expect(change.patch.length).toBeLessThan(64 * 1024)
  expect(change.patch).toContain('+two')
  expect(parsePatch(change.patch).find((f) => f.newPath === 'big.bin')).toMatchObject({ binary: true })

  const saved = await workspace.savePatch(change, 'attempt-1')
  expect((await fs.stat(saved)).size).toBeGreaterThan(big.length)
  await workspace.restore()
  await expect(fs.stat(path.join(dir, 'big.bin'))).rejects.toThrow()
  git(dir, 'apply', '--binary', saved)
  expect((await fs.readFile(path.join(dir, 'big.bin'))).equals(big)).toBe(true)
  expect(await fs.readFile(path.join(dir, 'a.txt'), 'utf8')).toBe('one\ntwo\n')
  await workspace.dispose()
}, 60_000)

test('a text file larger than the section limit: its header is kept and marked, the text stays on disk', async () => {
  const dir = await makeRepo()
  const workspace = workspaceFor(dir)
  await workspace.begin()
  const line = 'a line of generated text\n'
  const text = line.repeat(Math.ceil((MAX_TEXT_SECTION_BYTES + 1024) / line.length))
  await fs.writeFile(path.join(dir, 'huge.txt'), text)
  await fs.writeFile(path.join(dir, 'small.txt'), 'small\n')
  const change = await workspace.change()
  expect(change.patch.length).toBeLessThan(64 * 1024)
  const files = parsePatch(change.patch)
  expect(files.find((f) => f.newPath === 'huge.txt')).toMatchObject({ binary: true })
  expect(files.find((f) => f.newPath === 'small.txt')?.lines).toEqual([{ kind: 'added', text: 'small', newLine: 1 }])
  const saved = await workspace.savePatch(change, 'attempt-1')
  expect((await fs.stat(saved)).size).toBeGreaterThan(text.length)
  await workspace.restore()
  await workspace.dispose()
}, 60_000)

test("inspectRemoteBranch: absent, the action's own proposal, and a person's commit on top of it", async () => {
  const dir = await makeRepo()
  const origin = path.join(scratch, `origin-${count}.git`)
  git(scratch, 'init', '-q', '--bare', origin)
  git(dir, 'push', '-q', origin, 'main')
  const workspace = workspaceFor(dir)
  const base = git(dir, 'rev-parse', 'HEAD').trim()
  const request = { remote: origin, branch: 'agent/issue-7', base, owner: BOT }
  expect(await workspace.inspectRemoteBranch(request)).toEqual({ kind: 'absent' })

  await workspace.begin()
  await fs.writeFile(path.join(dir, 'a.txt'), 'agent\n')
  await workspace.change()
  const ours = await workspace.commit({ branch: 'agent/issue-7', message: 'Agent: change a', author: BOT })
  expect(git(dir, 'log', '-1', '--format=%B', ours.sha)).toBe('Agent: change a\n\nProposed-by: Gated Agent\n\n')
  await workspace.pushBranch({ remote: origin, sha: ours.sha, branch: 'agent/issue-7', owner: BOT })
  await workspace.restore()
  expect(await workspace.inspectRemoteBranch(request)).toEqual({ kind: 'ours', sha: ours.sha })

  // A reviewer's fix-up; a forged bot identity without the trailer counts as a person too.
  git(dir, 'checkout', '-q', '-b', 'review', ours.sha)
  await fs.writeFile(path.join(dir, 'a.txt'), 'reviewed\n')
  execFileSync('git', ['commit', '-q', '-am', 'Fix-up'], {
    cwd: dir,
    env: { ...env, GIT_COMMITTER_NAME: BOT.name, GIT_COMMITTER_EMAIL: BOT.email }
  })
  const fixup = git(dir, 'rev-parse', 'HEAD').trim()
  git(dir, 'push', '-q', origin, 'HEAD:refs/heads/agent/issue-7')
  git(dir, 'checkout', '-q', 'main')
  git(dir, 'branch', '-q', '-D', 'review')
  const state = await workspace.inspectRemoteBranch(request)
  expect(state).toEqual({ kind: 'foreign', sha: fixup, commits: [{ sha: fixup, author: 'Dev', subject: 'Fix-up' }] })

  // The push refuses too, and leaves the branch as it was.
  await workspace.begin()
  await fs.writeFile(path.join(dir, 'a.txt'), 'agent again\n')
  await workspace.change()
  const again = await workspace.commit({ branch: 'agent/issue-7', message: 'Agent: change a', author: BOT })
  await expect(workspace.pushBranch({ remote: origin, sha: again.sha, branch: 'agent/issue-7', owner: BOT })).rejects.toMatchObject({
    cause: 'foreign-commits',
    message: expect.stringMatching(/holds 1 commit\(s\) Gated Agent did not write .*"Fix-up" by Dev.*it was left as it is/)
  })
  expect(git(origin, 'rev-parse', 'refs/heads/agent/issue-7').trim()).toBe(fixup)
  await workspace.restore()
  await workspace.dispose()
})
