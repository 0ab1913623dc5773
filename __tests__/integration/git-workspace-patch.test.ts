/**
 * GitWorkspace's publishing side against real git: a commit built from a patch on a base commit
 * (the publish job of two-job mode) touches nothing checked out, runs no hook, writes no file of
 * the patch to disk, and a missing base commit is fetched from origin by id.
 */
import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createGitRunner } from '../../src/runtime/git/git.js'
import { GitWorkspace } from '../../src/runtime/git/git-workspace.js'

const BOT = { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' }

let scratch: string
let env: Record<string, string>
let count = 0

beforeAll(async () => {
  scratch = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'git-workspace-patch-test-')))
  const home = path.join(scratch, 'home')
  await fs.mkdir(home)
  const globalConfig = path.join(home, '.gitconfig')
  await fs.writeFile(globalConfig, '')
  env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('GIT_')) env[key] = value
  }
  Object.assign(env, { HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: globalConfig })
})

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

function gitBytes(cwd: string, ...args: string[]): Buffer {
  return execFileSync('git', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
}

async function write(dir: string, file: string, content: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true })
  await fs.writeFile(path.join(dir, file), content)
}

/** A repository with `files` committed on main; returns its directory and base commit. */
async function makeRepo(files: Record<string, string | Buffer>): Promise<{ dir: string; base: string }> {
  const dir = path.join(scratch, `repo-${++count}`)
  await fs.mkdir(dir)
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'user.name', 'Dev')
  git(dir, 'config', 'user.email', 'dev@example.com')
  for (const [file, content] of Object.entries(files)) await write(dir, file, content)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'initial')
  return { dir, base: git(dir, 'rev-parse', 'HEAD').trim() }
}

/**
 * The patch the propose job would ship: made in a scratch clone by editing files, exactly as the
 * workspace diffs (binary, no renames).
 */
async function patchFrom(dir: string, edit: (clone: string) => Promise<void>): Promise<Buffer> {
  const clone = path.join(scratch, `clone-${++count}`)
  git(scratch, 'clone', '-q', dir, clone)
  await edit(clone)
  git(clone, 'add', '-A')
  return gitBytes(clone, 'diff', '--cached', '--binary', '--no-renames', '--src-prefix=a/', '--dst-prefix=b/')
}

function workspaceFor(dir: string): GitWorkspace {
  return new GitWorkspace({ git: createGitRunner(dir, env), dir, patchDir: `${dir}-patches`, tempDir: `${dir}-scratch` })
}

/** HEAD, the index and every work-tree file, to prove none of them moved. */
function checkedOutState(dir: string): string {
  return [
    git(dir, 'symbolic-ref', 'HEAD'),
    git(dir, 'rev-parse', 'HEAD'),
    git(dir, 'ls-files', '--stage'),
    git(dir, 'status', '--porcelain=v1', '--untracked-files=all')
  ].join('\n')
}

describe('tryCommitPatch', () => {
  it('commits the patch on the base commit without touching HEAD, the index or the work tree', async () => {
    const { dir, base } = await makeRepo({ 'src/a.ts': 'export const a = 1\n', 'old.txt': 'bye\n' })
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])
    const binary = Buffer.from([0, 1, 2, 255, 254, 0, 10, 13])
    const patch = await patchFrom(dir, async (clone) => {
      await write(clone, 'src/a.ts', 'export const a = 2\n')
      await write(clone, 'docs/latin1.txt', latin1)
      await write(clone, 'assets/blob.bin', binary)
      await fs.rm(path.join(clone, 'old.txt'))
    })
    await write(dir, 'untracked-by-user.txt', 'mine\n')
    const before = checkedOutState(dir)

    const result = await workspaceFor(dir).tryCommitPatch({ base, patch, branch: 'agent/issue-3', message: 'Agent: change a', author: BOT })

    expect(result.kind).toBe('committed')
    if (result.kind !== 'committed') return
    expect(result.paths).toEqual([
      { path: 'assets/blob.bin', status: 'added' },
      { path: 'docs/latin1.txt', status: 'added' },
      { path: 'old.txt', status: 'deleted' },
      { path: 'src/a.ts', status: 'modified' }
    ])
    expect(git(dir, 'rev-parse', 'refs/heads/agent/issue-3').trim()).toBe(result.sha)
    expect(git(dir, 'rev-parse', `${result.sha}^`).trim()).toBe(base)
    expect(git(dir, 'log', '-1', '--format=%an <%ae>|%s', result.sha).trim()).toBe(`${BOT.name} <${BOT.email}>|Agent: change a`)
    expect(gitBytes(dir, 'show', `${result.sha}:docs/latin1.txt`).equals(latin1)).toBe(true)
    expect(gitBytes(dir, 'show', `${result.sha}:assets/blob.bin`).equals(binary)).toBe(true)
    expect(git(dir, 'show', `${result.sha}:src/a.ts`)).toBe('export const a = 2\n')
    expect(checkedOutState(dir)).toBe(before)
    expect(await fs.readFile(path.join(dir, 'old.txt'), 'utf8')).toBe('bye\n')
  })

  it('runs no hook, not even one a hooks path in the repository config points to', async () => {
    const { dir, base } = await makeRepo({ 'a.txt': 'a\n' })
    const marker = path.join(scratch, `hook-ran-${count}`)
    const hook = `#!/bin/sh\necho "$0" >> ${marker}\n`
    for (const name of ['reference-transaction', 'pre-commit', 'post-commit', 'post-index-change']) {
      await write(dir, `.git/hooks/${name}`, hook)
      await fs.chmod(path.join(dir, '.git/hooks', name), 0o755)
      await write(dir, `planted-hooks/${name}`, hook)
      await fs.chmod(path.join(dir, 'planted-hooks', name), 0o755)
    }
    git(dir, 'config', 'core.hooksPath', path.join(dir, 'planted-hooks'))
    const patch = await patchFrom(dir, (clone) => write(clone, 'a.txt', 'b\n'))

    const result = await workspaceFor(dir).tryCommitPatch({ base, patch, branch: 'agent/issue-4', message: 'm', author: BOT })

    expect(result.kind).toBe('committed')
    await expect(fs.access(marker)).rejects.toThrow()
  })

  it('never writes through a symbolic link the patch creates: the files stay blobs in the commit', async () => {
    const { dir, base } = await makeRepo({ 'a.txt': 'a\n' })
    const outside = path.join(scratch, `outside-${count}`)
    await fs.mkdir(outside)
    const patch = await patchFrom(dir, async (clone) => {
      await fs.symlink(outside, path.join(clone, 'escape'))
      await write(clone, 'notes.txt', 'n\n')
    })
    const result = await workspaceFor(dir).tryCommitPatch({ base, patch, branch: 'agent/issue-5', message: 'm', author: BOT })
    expect(result.kind === 'committed' && result.paths.map((p) => p.path)).toEqual(['escape', 'notes.txt'])
    expect(await fs.readdir(outside)).toEqual([])
    await expect(fs.lstat(path.join(dir, 'escape'))).rejects.toThrow()
  })

  it('says why a patch does not apply to its base, and creates no branch', async () => {
    const { dir, base } = await makeRepo({ 'a.txt': 'a\n' })
    const patch = Buffer.from('diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1 +1 @@\n-not what is there\n+b\n')
    const result = await workspaceFor(dir).tryCommitPatch({ base, patch, branch: 'agent/issue-6', message: 'm', author: BOT })
    expect(result).toEqual({ kind: 'does-not-apply', message: expect.stringContaining('patch does not apply') })
    expect(git(dir, 'branch', '--list', 'agent/*')).toBe('')
  })

  it('says so when the base commit is not in the repository', async () => {
    const { dir } = await makeRepo({ 'a.txt': 'a\n' })
    const missing = 'f'.repeat(40)
    const result = await workspaceFor(dir).tryCommitPatch({
      base: missing,
      patch: Buffer.from(''),
      branch: 'agent/issue-7',
      message: 'm',
      author: BOT
    })
    expect(result).toEqual({ kind: 'does-not-apply', message: expect.stringContaining(`the base commit ${missing} is not in`) })
  })

  it('refuses to commit onto the branch that is checked out', async () => {
    const { dir, base } = await makeRepo({ 'a.txt': 'a\n' })
    const patch = await patchFrom(dir, (clone) => write(clone, 'a.txt', 'b\n'))
    await expect(workspaceFor(dir).tryCommitPatch({ base, patch, branch: 'main', message: 'm', author: BOT })).rejects.toThrow(
      'it is the branch checked out'
    )
    expect(git(dir, 'rev-parse', 'main').trim()).toBe(base)
  })
})

describe('tryFetchCommit', () => {
  it('fetches a commit a shallow checkout lacks, by id, and answers false for one origin does not have', async () => {
    const { dir: seed, base: first } = await makeRepo({ 'a.txt': 'a\n' })
    const origin = path.join(scratch, `origin-${++count}.git`)
    git(scratch, 'init', '-q', '--bare', origin)
    await write(seed, 'a.txt', 'second\n')
    git(seed, 'commit', '-q', '-am', 'second')
    git(seed, 'push', '-q', origin, 'HEAD:refs/heads/main')
    const checkout = path.join(scratch, `checkout-${count}`)
    git(scratch, 'clone', '-q', '--depth=1', `file://${origin}`, checkout)
    const workspace = workspaceFor(checkout)

    expect(await workspace.hasCommit(first)).toBe(false)
    expect(await workspace.tryFetchCommit({ url: origin, sha: first })).toBe(true)
    expect(await workspace.hasCommit(first)).toBe(true)
    expect(await workspace.tryFetchCommit({ url: origin, sha: '0123456789'.repeat(4) })).toBe(false)
    expect(await workspace.tryFetchCommit({ url: origin, sha: 'not-a-sha' })).toBe(false)
  })
})
