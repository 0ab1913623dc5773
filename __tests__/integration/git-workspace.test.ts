/**
 * GitWorkspace against real git in temporary repositories: change capture, exact restore,
 * commit without checkout, and pushes to a bare origin (plus a loopback HTTP remote for the token).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createGitRunner, type GitRunner } from '../../src/runtime/git/git.js'
import { GitWorkspace, PushRejectedError } from '../../src/runtime/git/git-workspace.js'

const TOKEN = 'ghs_TestToken0123456789abcdef'
const TOKEN_BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')
const BOT = { name: 'gated-agent[bot]', email: 'gated-agent@users.noreply.github.com' }

let scratch: string
let env: Record<string, string>

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'git-workspace-test-'))
  const home = path.join(scratch, 'home')
  await fs.mkdir(home)
  const globalConfig = path.join(home, '.gitconfig')
  await fs.writeFile(globalConfig, '')
  env = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('GIT_')) env[key] = value
  }
  // Keep the developer's own git settings (and credential helpers) out of the tests.
  Object.assign(env, { HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: globalConfig })
})

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

async function write(dir: string, file: string, content: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true })
  await fs.writeFile(path.join(dir, file), content)
}

async function read(dir: string, file: string): Promise<string> {
  return fs.readFile(path.join(dir, file), 'utf8')
}

let repoCount = 0

/** A repository with one commit on main holding `files`. */
async function makeRepo(files: Record<string, string | Buffer>): Promise<string> {
  const dir = path.join(scratch, `repo-${++repoCount}`)
  await fs.mkdir(dir)
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'user.name', 'Dev')
  git(dir, 'config', 'user.email', 'dev@example.com')
  for (const [file, content] of Object.entries(files)) await write(dir, file, content)
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'initial')
  return dir
}

const BASE_FILES = {
  'README.md': '# Demo\n',
  '.gitignore': '*.log\nbuild/\n',
  'src/a.ts': 'export const a = 1\n',
  'src/b.ts': 'export const b = 2\n',
  'src/util.ts': 'export const util = 3\n'
}

function workspaceFor(dir: string, git: GitRunner = createGitRunner(dir, env)): GitWorkspace {
  const base = path.join(dir, '..', path.basename(dir))
  return new GitWorkspace({ git, dir, patchDir: `${base}-patches`, tempDir: `${base}-scratch` })
}

/** Every path under `dir` except `.git`, with its type, permission bits and content hash. */
async function listing(dir: string): Promise<string[]> {
  const out: string[] = []
  async function walk(rel: string): Promise<void> {
    for (const name of (await fs.readdir(path.join(dir, rel))).sort()) {
      if (rel === '' && name === '.git') continue
      const relPath = rel === '' ? name : `${rel}/${name}`
      const abs = path.join(dir, relPath)
      const stat = await fs.lstat(abs)
      if (stat.isSymbolicLink()) out.push(`${relPath} -> ${await fs.readlink(abs)}`)
      else if (stat.isDirectory()) {
        out.push(`${relPath}/`)
        await walk(relPath)
      } else {
        const hash = createHash('sha256')
          .update(await fs.readFile(abs))
          .digest('hex')
        out.push(`${relPath} ${(stat.mode & 0o777).toString(8)} ${hash}`)
      }
    }
  }
  await walk('')
  return out
}

/** What the user's index holds: every entry and what is staged against HEAD. */
function indexState(dir: string): string {
  return git(dir, 'ls-files', '--stage') + '\n--\n' + git(dir, 'diff', '--cached', '--binary')
}

/** A real runner that also runs `after` once each command finished (to simulate a concurrent push). */
function runnerWithHook(inner: GitRunner, after: (args: string[]) => void): GitRunner {
  return {
    get commandCount() {
      return inner.commandCount
    },
    async run(args, opts) {
      const result = await inner.run(args, opts)
      after(args)
      return result
    }
  }
}

describe('GitWorkspace change capture', () => {
  it('captures modified, deleted and new files (also inside new directories), and skips ignored ones', async () => {
    const dir = await makeRepo(BASE_FILES)
    const ws = workspaceFor(dir)
    expect(await ws.begin()).toEqual({ preExistingDirty: [] })
    const indexBefore = indexState(dir)

    await write(dir, 'src/a.ts', 'export const a = 42\n')
    await fs.rm(path.join(dir, 'src/b.ts'))
    await write(dir, 'docs/guide/intro.md', 'Hello\n')
    await write(dir, 'debug.log', 'noise\n')
    await write(dir, 'build/out.js', 'generated\n')

    const change = await ws.change()
    expect(change.paths).toEqual([
      { path: 'docs/guide/intro.md', status: 'added' },
      { path: 'src/a.ts', status: 'modified' },
      { path: 'src/b.ts', status: 'deleted' }
    ])
    expect(change.patch).toContain('+export const a = 42')
    expect(change.patch).toContain('+++ b/docs/guide/intro.md')
    expect(change.patch).not.toContain('debug.log')
    expect(change.patch).not.toContain('build/out.js')
    expect(ws.lastSkippedDirty()).toEqual([])
    // The temporary index did the work: nothing got staged in the user's index.
    expect(indexState(dir)).toBe(indexBefore)
    expect(await ws.checkIntact()).toBeUndefined()
  })

  it('reports an empty change when the agent changed nothing tracked or unignored', async () => {
    const dir = await makeRepo(BASE_FILES)
    const ws = workspaceFor(dir)
    await ws.begin()
    await write(dir, 'build/cache.bin', 'ignored\n')
    expect(await ws.change()).toEqual({ paths: [], patch: '', reviewPatch: '', contents: {} })
  })

  it('leaves pre-existing dirty paths out of the change and the commit, names those the agent touched, and restores them exactly', async () => {
    const dir = await makeRepo(BASE_FILES)
    // The user's own work in progress: an unstaged edit, a staged edit, a deletion, an untracked file.
    await write(dir, 'README.md', '# Demo\nmy notes\n')
    await write(dir, 'src/a.ts', 'export const a = 10\n')
    git(dir, 'add', 'src/a.ts')
    await fs.rm(path.join(dir, 'src/b.ts'))
    await write(dir, 'scratch/todo.txt', 'buy milk\n')
    await write(dir, 'scratch/my notes ü.txt', 'Grüße\n')
    const treeBefore = await listing(dir)
    const indexBefore = indexState(dir)
    const statusBefore = git(dir, 'status', '--porcelain')

    const ws = workspaceFor(dir)
    const { preExistingDirty } = await ws.begin()
    expect([...preExistingDirty].sort()).toEqual(['README.md', 'scratch/my notes ü.txt', 'scratch/todo.txt', 'src/a.ts', 'src/b.ts'])

    // The agent edits a file the user had dirty, adds one, edits a clean one, and recreates the deleted one.
    await write(dir, 'README.md', '# Demo\nagent was here\n')
    await write(dir, 'src/c.ts', 'export const c = 4\n')
    await write(dir, 'src/util.ts', 'export const util = 30\n')
    await write(dir, 'src/b.ts', 'export const b = 20\n')
    await write(dir, 'scratch/my notes ü.txt', 'changed by the agent\n')
    await write(dir, 'scratch/agent ü.txt', 'new next to the user file\n')

    const change = await ws.change()
    expect(change.paths).toEqual([
      { path: 'scratch/agent ü.txt', status: 'added' },
      { path: 'src/c.ts', status: 'added' },
      { path: 'src/util.ts', status: 'modified' }
    ])
    expect(change.patch).not.toContain('agent was here')
    expect(change.patch).not.toContain('my notes')
    expect(ws.lastSkippedDirty().sort()).toEqual(['README.md', 'scratch/my notes ü.txt', 'src/b.ts'])

    const { sha } = await ws.commit({ branch: 'gated-agent/issue-3', message: 'Fix #3', author: BOT })
    expect(git(dir, 'diff-tree', '-r', '--no-renames', '--name-status', `${sha}~1`, sha)).toBe(
      'A\t"scratch/agent \\303\\274.txt"\nA\tsrc/c.ts\nM\tsrc/util.ts\n'
    )
    // The committed a.ts is HEAD's, not the user's staged version.
    expect(git(dir, 'show', `${sha}:src/a.ts`)).toBe('export const a = 1\n')

    await ws.restore()
    expect(await listing(dir)).toEqual(treeBefore)
    expect(indexState(dir)).toBe(indexBefore)
    expect(git(dir, 'status', '--porcelain')).toBe(statusBefore)
    expect(await read(dir, 'README.md')).toBe('# Demo\nmy notes\n')
  })

  it('round-trips a binary change and a non-UTF-8 text change through the saved patch', async () => {
    const dir = await makeRepo({
      ...BASE_FILES,
      'assets/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 255]),
      'legacy.txt': Buffer.from('caf\xe9\n', 'latin1')
    })
    const ws = workspaceFor(dir)
    await ws.begin()
    await write(dir, 'assets/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 9, 8, 7, 0, 254, 0, 0]))
    await write(dir, 'assets/new.bin', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7) % 256)))
    await write(dir, 'legacy.txt', Buffer.from('caf\xe9 cr\xe8me\n', 'latin1'))
    const expected = await listing(dir)

    const change = await ws.change()
    expect(change.paths.map((p) => p.path)).toEqual(['assets/logo.png', 'assets/new.bin', 'legacy.txt'])
    expect(change.patch).toContain('GIT binary patch')
    const patchFile = await ws.savePatch(change, 'attempt-1')
    expect(path.basename(patchFile)).toBe('attempt-1.patch')

    const clone = path.join(scratch, `clone-${++repoCount}`)
    git(scratch, 'clone', '-q', dir, clone)
    git(clone, 'apply', patchFile)
    expect(await listing(clone)).toEqual(expected)
  })

  it('refuses a patch name that is a path', async () => {
    const dir = await makeRepo(BASE_FILES)
    const ws = workspaceFor(dir)
    await ws.begin()
    await expect(ws.savePatch({ paths: [], patch: '' }, '../escape')).rejects.toThrow(/plain file name/)
  })

  it('needs a repository with at least one commit', async () => {
    const dir = path.join(scratch, `empty-${++repoCount}`)
    await fs.mkdir(dir)
    git(dir, 'init', '-q', '-b', 'main')
    await expect(workspaceFor(dir).begin()).rejects.toThrow(/at least one commit/)
  })
})

describe('GitWorkspace refuses to run code the agent planted in the repository', () => {
  it('a core.fsmonitor or clean filter written to .git/config never runs, the config is put back, and checkIntact says so', async () => {
    const dir = await makeRepo(BASE_FILES)
    const marker = path.join(scratch, `planted-${repoCount}`)
    const configBefore = await fs.readFile(path.join(dir, '.git', 'config'))
    const ws = workspaceFor(dir)
    await ws.begin()

    // The agent edits a file and plants commands for the action's next git commands to run.
    await write(dir, 'src/a.ts', 'changed\n')
    await write(dir, '.gitattributes', '*.ts filter=evil\n')
    git(dir, 'config', 'core.fsmonitor', `touch ${marker}-fsmonitor; false`)
    git(dir, 'config', 'filter.evil.clean', `sh -c 'touch ${marker}-filter; cat'`)

    expect(await ws.checkIntact()).toMatch(/rewrote the repository's metadata \(.*\.git\/config\)/)
    expect(await fs.readFile(path.join(dir, '.git', 'config'))).toEqual(configBefore)
    await ws.change()
    await ws.restore()
    await expect(fs.access(`${marker}-fsmonitor`)).rejects.toThrow()
    await expect(fs.access(`${marker}-filter`)).rejects.toThrow()
  })

  it('hooks the agent writes (reference-transaction, pre-push) never run on commit or push', async () => {
    const dir = await makeRepo(BASE_FILES)
    const origin = path.join(scratch, `origin-hooks-${repoCount}.git`)
    git(scratch, 'clone', '-q', '--bare', dir, origin)
    const marker = path.join(scratch, `hook-ran-${repoCount}`)
    const ws = workspaceFor(dir)
    await ws.begin()
    await write(dir, 'src/a.ts', 'changed\n')
    for (const hook of ['reference-transaction', 'pre-push', 'post-index-change']) {
      await write(dir, `.git/hooks/${hook}`, `#!/bin/sh\ntouch ${marker}-${hook}\n`)
      await fs.chmod(path.join(dir, '.git', 'hooks', hook), 0o755)
    }
    await ws.change()
    const { sha } = await ws.commit({ branch: 'agent/hooks', message: 'm', author: BOT })
    await ws.pushBranch({ url: origin, sha, branch: 'agent/hooks' })
    expect(git(origin, 'rev-parse', 'agent/hooks').trim()).toBe(sha)
    for (const hook of ['reference-transaction', 'pre-push', 'post-index-change']) {
      await expect(fs.access(`${marker}-${hook}`)).rejects.toThrow()
    }
  })
})

describe('GitWorkspace restore and intactness', () => {
  it('puts back exactly the tree begin found after edits, deletions, new trees, mode changes and file/directory swaps', async () => {
    const dir = await makeRepo({ ...BASE_FILES, 'bin/run.sh': '#!/bin/sh\necho hi\n', config: 'a file\n' })
    const before = await listing(dir)
    const ws = workspaceFor(dir)
    await ws.begin()

    await write(dir, 'src/a.ts', 'changed\n')
    await fs.rm(path.join(dir, 'src/b.ts'))
    await write(dir, 'new/deep/tree/file.ts', 'x\n')
    await fs.chmod(path.join(dir, 'bin/run.sh'), 0o755)
    await fs.rm(path.join(dir, 'config'))
    await write(dir, 'config/settings.json', '{}\n')
    await fs.rm(path.join(dir, 'src/util.ts'))
    await fs.mkdir(path.join(dir, 'src/util.ts'))
    await write(dir, 'src/util.ts/index.ts', 'moved\n')
    git(dir, 'add', '-A') // an agent that stages its work
    expect((await ws.change()).paths.length).toBeGreaterThan(0)

    await ws.restore()
    expect(await listing(dir)).toEqual(before)
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(await ws.checkIntact()).toBeUndefined()
  })

  it('reports an agent that checked out another branch, and restore brings the branch back', async () => {
    const dir = await makeRepo(BASE_FILES)
    const before = await listing(dir)
    const ws = workspaceFor(dir)
    await ws.begin()
    git(dir, 'checkout', '-q', '-b', 'agent-branch')
    await write(dir, 'src/a.ts', 'on another branch\n')

    expect(await ws.checkIntact()).toMatch(/switched from branch main to branch agent-branch/)
    await ws.restore()
    expect(git(dir, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/main')
    expect(await listing(dir)).toEqual(before)
    expect(git(dir, 'status', '--porcelain')).toBe('')
    expect(await ws.checkIntact()).toBeUndefined()
  })

  it('reports an agent that committed, and restore puts HEAD and the tree back', async () => {
    const dir = await makeRepo(BASE_FILES)
    const before = await listing(dir)
    const ws = workspaceFor(dir)
    await ws.begin()
    const begun = ws.headSha()
    expect(ws.currentBranch()).toBe('main')
    await write(dir, 'src/a.ts', 'committed by the agent\n')
    await write(dir, 'src/new.ts', 'also committed\n')
    git(dir, 'add', '-A')
    git(dir, 'commit', '-q', '-m', 'agent commit')

    expect(await ws.checkIntact()).toMatch(/moved HEAD .* \(it committed or reset\)/)
    // The change is still measured from begin's commit.
    expect((await ws.change()).paths.map((p) => p.path)).toEqual(['src/a.ts', 'src/new.ts'])
    await ws.restore()
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(begun)
    expect(await listing(dir)).toEqual(before)
    expect(git(dir, 'status', '--porcelain')).toBe('')
  })

  it('keeps a detached HEAD detached on restore', async () => {
    const dir = await makeRepo(BASE_FILES)
    git(dir, 'checkout', '-q', '--detach')
    const ws = workspaceFor(dir)
    await ws.begin()
    expect(ws.currentBranch()).toBeUndefined()
    git(dir, 'checkout', '-q', 'main')
    expect(await ws.checkIntact()).toMatch(/switched from a detached HEAD to branch main/)
    await ws.restore()
    expect(git(dir, 'rev-parse', '--symbolic-full-name', 'HEAD').trim()).toBe('HEAD')
    expect(await ws.checkIntact()).toBeUndefined()
  })

  it('works in a linked worktree, whose .git is a file', async () => {
    const main = await makeRepo(BASE_FILES)
    const dir = path.join(scratch, `worktree-${++repoCount}`)
    git(main, 'worktree', 'add', '-q', '-b', 'feature', dir)
    const before = await listing(dir)
    const ws = workspaceFor(dir)
    await ws.begin()
    expect(ws.currentBranch()).toBe('feature')
    await write(dir, 'src/a.ts', 'in the worktree\n')
    expect((await ws.change()).paths).toEqual([{ path: 'src/a.ts', status: 'modified' }])
    await ws.restore()
    expect(await listing(dir)).toEqual(before)
    await fs.rm(path.join(dir, '.git'))
    expect(await ws.checkIntact()).toMatch(/is gone/)
  })

  it('reports a deleted .git, and restore refuses with a clear error', async () => {
    const dir = await makeRepo(BASE_FILES)
    const ws = workspaceFor(dir)
    await ws.begin()
    await fs.rm(path.join(dir, '.git'), { recursive: true, force: true })
    expect(await ws.checkIntact()).toMatch(/git directory .* is gone/)
    await expect(ws.restore()).rejects.toThrow(/was deleted/)
  })
})

describe('GitWorkspace commit', () => {
  it('commits only the agent change on a new branch without touching the user branch, index or work tree', async () => {
    const dir = await makeRepo(BASE_FILES)
    await write(dir, 'src/a.ts', 'export const a = "staged by the user"\n')
    git(dir, 'add', 'src/a.ts')
    const ws = workspaceFor(dir)
    await ws.begin()
    const begun = ws.headSha()
    await write(dir, 'docs/new.md', 'New doc\n')
    await write(dir, 'src/util.ts', 'export const util = 99\n')
    const change = await ws.change()
    const treeBefore = await listing(dir)
    const indexBefore = indexState(dir)

    const result = await ws.commit({ branch: 'gated-agent/issue-7', message: 'Add docs (#7)\n\nBody.', author: BOT })
    expect(result.branch).toBe('gated-agent/issue-7')
    expect(git(dir, 'rev-parse', 'refs/heads/gated-agent/issue-7').trim()).toBe(result.sha)
    expect(git(dir, 'log', '-1', '--format=%P|%an|%ae|%cn|%s', result.sha).trim()).toBe(
      `${begun}|${BOT.name}|${BOT.email}|${BOT.name}|Add docs (#7)`
    )
    expect(git(dir, 'diff-tree', '-r', '--no-renames', '--name-only', begun, result.sha).trim().split('\n')).toEqual(
      change.paths.map((p) => p.path)
    )
    expect(git(dir, 'show', `${result.sha}:docs/new.md`)).toBe('New doc\n')

    expect(git(dir, 'symbolic-ref', 'HEAD').trim()).toBe('refs/heads/main')
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(begun)
    expect(indexState(dir)).toBe(indexBefore)
    expect(await listing(dir)).toEqual(treeBefore)
  })

  it('refuses invalid branch names, the checked-out branch, and a commit before change()', async () => {
    const dir = await makeRepo(BASE_FILES)
    const ws = workspaceFor(dir)
    await ws.begin()
    const request = { message: 'm', author: BOT }
    await expect(ws.commit({ branch: 'ok', ...request })).rejects.toThrow(/call change\(\) first/)
    await write(dir, 'x.txt', 'x\n')
    await ws.change()
    await expect(ws.commit({ branch: '-delete-me', ...request })).rejects.toThrow(/not a valid branch name/)
    await expect(ws.commit({ branch: 'a..b', ...request })).rejects.toThrow(/not a valid branch name/)
    await expect(ws.commit({ branch: '@{-1}', ...request })).rejects.toThrow(/not a valid branch name/)
    await expect(ws.commit({ branch: 'main', ...request })).rejects.toThrow(/checked out/)
    expect(git(dir, 'for-each-ref', '--format=%(refname)', 'refs/heads').trim()).toBe('refs/heads/main')
  })
})

describe('GitWorkspace push', () => {
  /** A bare origin with the base files on main, a clone of it, and a workspace on the clone. */
  async function originAndClone(): Promise<{ origin: string; work: string }> {
    const seed = await makeRepo(BASE_FILES)
    const origin = path.join(scratch, `origin-${++repoCount}.git`)
    git(scratch, 'clone', '-q', '--bare', seed, origin)
    const work = path.join(scratch, `work-${repoCount}`)
    git(scratch, 'clone', '-q', origin, work)
    return { origin, work }
  }

  async function proposeFile(ws: GitWorkspace, work: string, file: string, content: string, branch: string): Promise<string> {
    await write(work, file, content)
    await ws.change()
    return (await ws.commit({ branch, message: `Update ${file}`, author: BOT })).sha
  }

  it('creates, then updates (with a lease), then leaves alone a branch on origin, storing no token', async () => {
    const { origin, work } = await originAndClone()
    const ws = workspaceFor(work)
    await ws.begin()
    const branch = 'gated-agent/issue-1'

    const first = await proposeFile(ws, work, 'fix.txt', 'one\n', branch)
    expect(await ws.pushBranch({ remote: 'origin', sha: first, branch, token: TOKEN })).toEqual({ kind: 'created' })
    expect(git(origin, 'rev-parse', `refs/heads/${branch}`).trim()).toBe(first)

    // A rerun proposes a new commit on begin's HEAD: not a fast-forward of the first, so the lease matters.
    const second = await proposeFile(ws, work, 'fix.txt', 'two\n', branch)
    expect(await ws.pushBranch({ remote: 'origin', sha: second, branch, token: TOKEN })).toEqual({ kind: 'updated', previousSha: first })
    expect(git(origin, 'rev-parse', `refs/heads/${branch}`).trim()).toBe(second)

    expect(await ws.pushBranch({ remote: 'origin', sha: second, branch, token: TOKEN })).toEqual({ kind: 'unchanged', previousSha: second })

    const config = git(work, 'config', '--list', '--show-origin')
    expect(config).not.toContain(TOKEN)
    expect(config).not.toContain(TOKEN_BASIC)
    expect(config).not.toMatch(/extraheader/i)
  })

  it('pushFastForward (a PR follow-up): one commit on the head goes; a head that moved is refused, never overwritten', async () => {
    const { origin, work } = await originAndClone()
    const branch = 'agent/issue-3'
    const base = git(work, 'rev-parse', 'HEAD').trim()
    git(work, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`)
    const ws = workspaceFor(work)
    await ws.begin()
    const next = await proposeFile(ws, work, 'follow.txt', 'one\n', branch)
    expect(git(work, 'rev-parse', `${next}^`).trim()).toBe(base)
    expect(await ws.pushFastForward({ remote: 'origin', sha: next, branch, token: TOKEN, expected: base })).toEqual({
      kind: 'updated',
      previousSha: base
    })
    expect(git(origin, 'rev-parse', `refs/heads/${branch}`).trim()).toBe(next)
    expect(await ws.pushFastForward({ remote: 'origin', sha: next, branch, token: TOKEN, expected: base })).toMatchObject({
      kind: 'unchanged'
    })

    // Someone pushes on top meanwhile; a second follow-up built on the old head must not replace it.
    const other = path.join(scratch, `other-${repoCount}`)
    git(scratch, 'clone', '-q', '--branch', branch, origin, other)
    git(other, '-c', 'user.name=Bob', '-c', 'user.email=bob@example.com', 'commit', '-q', '--allow-empty', '-m', 'Bob was here')
    git(other, 'push', '-q', 'origin', branch)
    const bobs = git(origin, 'rev-parse', `refs/heads/${branch}`).trim()
    const stale = await proposeFile(ws, work, 'follow.txt', 'two\n', branch)
    const refused = await ws
      .pushFastForward({ remote: 'origin', sha: stale, branch, token: TOKEN, expected: next })
      .catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(PushRejectedError)
    expect((refused as PushRejectedError).cause).toBe('non-fast-forward')
    expect(git(origin, 'rev-parse', `refs/heads/${branch}`).trim()).toBe(bobs)
    // A commit not on top of the expected head is refused before anything is sent.
    const rewritten = await ws
      .pushFastForward({ remote: 'origin', sha: stale, branch, token: TOKEN, expected: bobs })
      .catch((e: unknown) => e)
    expect((rewritten as Error).message).toMatch(/would rewrite the branch/)
    expect(git(origin, 'rev-parse', `refs/heads/${branch}`).trim()).toBe(bobs)
  })

  it('costs at most 10 git commands for begin + change + commit + push on a clean tree', async () => {
    const { work } = await originAndClone()
    const runner = createGitRunner(work, env)
    const ws = workspaceFor(work, runner)
    await ws.begin()
    await write(work, 'src/a.ts', 'export const a = 5\n')
    await write(work, 'src/added.ts', 'export {}\n')
    await ws.change()
    const { sha } = await ws.commit({ branch: 'gated-agent/issue-2', message: 'Fix', author: BOT })
    expect(await ws.pushBranch({ remote: 'origin', sha, branch: 'gated-agent/issue-2', token: TOKEN })).toEqual({ kind: 'created' })
    expect(runner.commandCount).toBeLessThanOrEqual(10)
  })

  it('names the workflows permission when origin refuses a workflow change', async () => {
    const { origin, work } = await originAndClone()
    const hook = path.join(origin, 'hooks', 'pre-receive')
    await fs.writeFile(
      hook,
      '#!/bin/sh\necho "refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission" >&2\nexit 1\n'
    )
    await fs.chmod(hook, 0o755)
    const ws = workspaceFor(work)
    await ws.begin()
    const sha = await proposeFile(ws, work, '.github/workflows/ci.yml', 'on: push\n', 'gated-agent/issue-4')

    const error = await ws.pushBranch({ sha, branch: 'gated-agent/issue-4', token: TOKEN }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PushRejectedError)
    const rejected = error as PushRejectedError
    expect(rejected.cause).toBe('workflows-permission')
    expect(rejected.message).toMatch(/workflows permission/)
    expect(rejected.message).toMatch(/protected-paths/)
    expect(`${rejected.message}${rejected.stderr}`).not.toContain(TOKEN)
    expect(git(origin, 'for-each-ref', 'refs/heads/gated-agent')).toBe('')
  })

  it('does not overwrite a branch someone else pushed to meanwhile (lease mismatch)', async () => {
    const { origin, work } = await originAndClone()
    const branch = 'gated-agent/issue-5'
    const concurrent: { sha?: string } = {}
    const runner = runnerWithHook(createGitRunner(work, env), (args) => {
      // Between our read of the remote branch and our push, another push lands.
      if (args[0] === 'ls-remote' && concurrent.sha !== undefined)
        git(work, 'push', '-q', '--force', 'origin', `${concurrent.sha}:refs/heads/${branch}`)
    })
    const ws = workspaceFor(work, runner)
    await ws.begin()
    const first = await proposeFile(ws, work, 'a.txt', 'first\n', branch)
    expect((await ws.pushBranch({ sha: first, branch, token: TOKEN })).kind).toBe('created')

    const intruder = (await ws.commit({ branch: 'scratch', message: 'someone else', author: { name: 'Other', email: 'o@example.com' } }))
      .sha
    concurrent.sha = intruder
    const second = await proposeFile(ws, work, 'a.txt', 'second\n', branch)
    const error = await ws.pushBranch({ sha: second, branch, token: TOKEN }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PushRejectedError)
    expect((error as PushRejectedError).cause).toBe('non-fast-forward')
    expect((error as PushRejectedError).message).toMatch(/changed after Gated Agent read it/)
    expect(git(origin, 'rev-parse', `refs/heads/${branch}`).trim()).toBe(intruder)
  })

  it('sends the token only as a per-command header (replacing a persisted one) and never shows it in errors', async () => {
    const { work } = await originAndClone()
    // What actions/checkout persists: an extraheader in .git/config, which must not be sent along.
    git(work, 'config', '--local', 'http.extraheader', 'AUTHORIZATION: basic cGVyc2lzdGVkOnRva2Vu')
    const seen: string[][] = []
    const server = http.createServer((req, res) => {
      const auth: string[] = []
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        if (req.rawHeaders[i].toLowerCase() === 'authorization') auth.push(req.rawHeaders[i + 1])
      }
      seen.push(auth)
      res.writeHead(404).end(`not here, ${TOKEN}`)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/owner/repo.git`
      const ws = workspaceFor(work)
      await ws.begin()
      const sha = await proposeFile(ws, work, 'x.txt', 'x\n', 'gated-agent/issue-6')
      const error = await ws.pushBranch({ url, sha, branch: 'gated-agent/issue-6', token: TOKEN }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(Error)
      expect(String((error as Error).message)).not.toContain(TOKEN)
      expect(String((error as Error).message)).not.toContain(TOKEN_BASIC)
      expect(seen.length).toBeGreaterThan(0)
      expect(seen[0]).toEqual([`basic ${TOKEN_BASIC}`])
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})

describe('GitWorkspace checkOutCommit (the self-heal checkout of the failing commit)', () => {
  /** A bare origin with main and a feature branch one commit ahead, and a shallow clone of main only. */
  async function shallowCloneOfMain(): Promise<{ work: string; feature: string }> {
    const seed = await makeRepo(BASE_FILES)
    git(seed, 'checkout', '-q', '-b', 'feature/x')
    await write(seed, 'src/a.ts', 'export const a = 2\n')
    git(seed, 'commit', '-q', '-am', 'feature')
    const feature = git(seed, 'rev-parse', 'HEAD').trim()
    git(seed, 'checkout', '-q', 'main')
    const origin = path.join(scratch, `origin-${++repoCount}.git`)
    git(scratch, 'clone', '-q', '--bare', seed, origin)
    const work = path.join(scratch, `work-${repoCount}`)
    git(scratch, 'clone', '-q', '--depth=1', '--single-branch', '--branch', 'main', `file://${origin}`, work)
    return { work, feature }
  }

  it('fetches a commit a shallow checkout lacks and detaches HEAD on it', async () => {
    const { work, feature } = await shallowCloneOfMain()
    expect(() => git(work, 'cat-file', '-e', `${feature}^{commit}`)).toThrow()
    const ws = workspaceFor(work)
    expect(await ws.currentCommit()).not.toBe(feature)
    expect(await ws.checkOutCommit({ sha: feature, branch: 'feature/x' })).toEqual({ kind: 'checked-out' })
    expect(await ws.currentCommit()).toBe(feature)
    expect(await read(work, 'src/a.ts')).toBe('export const a = 2\n')
    expect(git(work, 'status', '--porcelain', '--branch').split('\n')[0]).toBe('## HEAD (no branch)')
  })

  it('a commit origin does not have: missing, with git’s words, and the work tree untouched', async () => {
    const { work } = await shallowCloneOfMain()
    const ws = workspaceFor(work)
    const before = await ws.currentCommit()
    const result = await ws.checkOutCommit({ sha: 'b'.repeat(40), branch: 'feature/gone' })
    expect(result.kind).toBe('missing')
    expect((result as { why: string }).why).not.toBe('')
    expect(await ws.currentCommit()).toBe(before)
  })

  it('not a commit id (an option, a ref name): refused without running git fetch', async () => {
    const { work } = await shallowCloneOfMain()
    let fetches = 0
    const ws = workspaceFor(
      work,
      runnerWithHook(createGitRunner(work, env), (args) => void (args[0] === 'fetch' && fetches++))
    )
    for (const sha of ['--upload-pack=touch /tmp/pwned', 'main', 'B'.repeat(40)]) {
      expect(await ws.checkOutCommit({ sha, branch: 'main' })).toEqual({ kind: 'missing', why: 'not a full commit id' })
    }
    expect(fetches).toBe(0)
  })

  it('tries the checkout’s credentials, then the token as a one-command header, and never repeats the token back', async () => {
    const { work } = await shallowCloneOfMain()
    const seen: string[] = []
    // A remote at its worst: it echoes the Authorization header it got in its error message.
    const pkt = (s: string) => (s.length + 4).toString(16).padStart(4, '0') + s
    const server = http.createServer((req, res) => {
      seen.push(req.headers.authorization ?? '')
      res.writeHead(200, { 'content-type': 'application/x-git-upload-pack-advertisement' })
      res.end(pkt('# service=git-upload-pack\n') + '0000' + pkt(`ERR denied for ${req.headers.authorization ?? 'anonymous'}\n`))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      git(work, 'remote', 'set-url', 'origin', `http://127.0.0.1:${(server.address() as AddressInfo).port}/owner/repo.git`)
      const result = await workspaceFor(work).checkOutCommit({ sha: 'c'.repeat(40), branch: 'main', token: TOKEN })
      expect(result.kind).toBe('missing')
      const why = (result as { why: string }).why
      expect(why).toContain('denied for')
      expect(why).not.toContain(TOKEN_BASIC)
      expect(why).not.toContain(TOKEN)
      // By id, then by branch; each without, then with the token.
      expect(seen).toEqual(['', `basic ${TOKEN_BASIC}`, '', `basic ${TOKEN_BASIC}`])
      expect(git(work, 'config', '--list')).not.toContain(TOKEN_BASIC)
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})

describe('the change as policies read it, and the tree that ships', () => {
  test('reviewPatch shows every file as text whatever .gitattributes or .git/info/attributes say; the patch stays binary-safe', async () => {
    const dir = await makeRepo({ ...BASE_FILES, '.gitattributes': 'src/a.ts binary\n', 'src/c.ts': 'export const c = 1\n' })
    await write(dir, '.git/info/attributes', 'src/c.ts -diff\n')
    const ws = workspaceFor(dir)
    await ws.begin()
    await write(dir, 'src/a.ts', 'export const a = 2\n')
    await write(dir, 'src/c.ts', 'export const c = 2\n')
    const change = await ws.change()
    // Positive control: git's own diff, as the saved patch is made, hides both edits.
    expect(change.patch).not.toContain('+export const a = 2')
    expect(change.patch).not.toContain('+export const c = 2')
    expect(change.reviewPatch).toContain('-export const a = 1\n+export const a = 2')
    expect(change.reviewPatch).toContain('-export const c = 1\n+export const c = 2')
  })

  test('an agent that edits .git/info/exclude or .git/info/attributes is refused, and the files are put back', async () => {
    for (const name of ['exclude', 'attributes']) {
      const dir = await makeRepo(BASE_FILES)
      const original = await fs.readFile(path.join(dir, '.git/info', name), 'utf8').catch(() => undefined)
      const ws = workspaceFor(dir)
      await ws.begin()
      await fs.mkdir(path.join(dir, '.git/info'), { recursive: true })
      await fs.appendFile(path.join(dir, '.git/info', name), 'src/*.ts\n')
      expect(await ws.checkIntact()).toMatch(new RegExp(`info/${name}.*put back.*not proposed`))
      expect(await fs.readFile(path.join(dir, '.git/info', name), 'utf8').catch(() => undefined)).toBe(original)
      await ws.restore()
    }
  })

  test("a file hidden by the user-wide ignore file the agent wrote is still part of the change (git's file as begin found it)", async () => {
    const dir = await makeRepo(BASE_FILES)
    const xdg = path.join(dir, '..', `${path.basename(dir)}-xdg`)
    const ws = workspaceFor(dir, createGitRunner(dir, { ...env, XDG_CONFIG_HOME: xdg }))
    const saved = process.env.XDG_CONFIG_HOME
    process.env.XDG_CONFIG_HOME = xdg
    try {
      await ws.begin()
      await write(dir, 'src/needed.ts', 'export const needed = 1\n')
      await write(xdg, 'git/ignore', 'src/needed.ts\n')
      expect((await ws.change()).paths).toContainEqual({ path: 'src/needed.ts', status: 'added' })
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME
      else process.env.XDG_CONFIG_HOME = saved
    }
  })

  test('package.json, pyproject.toml and test files come with their whole texts, before and after', async () => {
    const dir = await makeRepo({ ...BASE_FILES, 'package.json': '{"scripts":{"test":"jest"}}\n', 'test/a.test.ts': 'test(1)\n' })
    const ws = workspaceFor(dir)
    await ws.begin()
    await write(dir, 'package.json', '{"scripts":{"test":"exit 0"}}\n')
    await write(dir, 'test/a.test.ts', 'test(2)\n')
    await write(dir, 'pyproject.toml', '[tool.pytest.ini_options]\n')
    const change = await ws.change()
    expect(change.contents).toEqual({
      'package.json': { before: '{"scripts":{"test":"jest"}}\n', after: '{"scripts":{"test":"exit 0"}}\n' },
      'pyproject.toml': { before: undefined, after: '[tool.pytest.ini_options]\n' },
      'test/a.test.ts': { before: 'test(1)\n', after: 'test(2)\n' }
    })
  })
})

describe('GitWorkspace keeps git racy-clean detection (a same-size edit in the second of the checkout)', () => {
  // git trusts a file's stat data unless the file is as new as the index listing it ("racily
  // clean"). The workspace stages into a copy of the index; a copy stamped later than the original
  // makes git trust stat data it must not, and an agent's same-size edit made in the second of the
  // checkout would be dropped as "no change". The copies keep the original's timestamp.
  it('the scratch index git stages into has the checkout index timestamp, and the edit is seen', async () => {
    // git itself re-reads a file only when it is as new as the index (the same second): set up the
    // checkout until the file and the index share their second, as a fast checkout leaves them.
    for (let tries = 1; ; tries++) {
      const dir = await makeRepo(BASE_FILES)
      git(dir, 'config', 'core.trustctime', 'false')
      const file = path.join(dir, 'src/a.ts')
      const index = path.join(dir, '.git/index')
      const seen: number[] = []
      const recorder: GitRunner = {
        get commandCount() {
          return 0
        },
        run: async (args, opts) => {
          const scratch = opts?.env?.GIT_INDEX_FILE
          if (args[0] === 'add' && scratch) seen.push(Math.floor((await fs.stat(scratch)).mtimeMs / 1000))
          return createGitRunner(dir, env).run(args, opts)
        }
      }
      const ws = workspaceFor(dir, recorder)
      await ws.begin()
      const checkoutSecond = Math.floor((await fs.stat(index)).mtimeMs / 1000)
      const before = await fs.stat(file)
      if (Math.floor(before.mtimeMs / 1000) !== checkoutSecond) {
        await ws.restore()
        if (tries < 20) continue
        throw new Error('could not make a checkout whose file and index share their second')
      }
      await new Promise((resolve) => setTimeout(resolve, 1100)) // the change is read a second later
      await fs.writeFile(file, 'export const a = 9\n') // same size as 'export const a = 1\n'
      await fs.utimes(file, before.atime, before.mtime) // stat data as the checkout recorded it
      const change = await ws.change()
      expect(seen).toEqual([checkoutSecond])
      expect(change.paths).toContainEqual({ path: 'src/a.ts', status: 'modified' })
      await ws.restore()
      return
    }
  })
})
