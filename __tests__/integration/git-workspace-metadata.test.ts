/**
 * GitWorkspace against real git: the repository metadata the agent could rewrite to redirect the
 * action's git (issue 12, classes 2 and 3). Each test plays the agent between `begin` and the
 * action's next git command, and shows what the action's git then reads, runs and pushes; the
 * push header is shown scoped to the one URL the action pushes to.
 */
import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { createGitRunner } from '../../src/runtime/git/git.js'
import { GitWorkspace } from '../../src/runtime/git/git-workspace.js'

const TOKEN = 'ghs_MetadataTestToken0123456789'
const TOKEN_BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')
const BOT = { name: 'gated-agent[bot]', email: 'gated-agent@users.noreply.github.com' }

let scratch: string
let env: Record<string, string>
let count = 0

beforeAll(async () => {
  scratch = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'git-workspace-metadata-')))
  const home = path.join(scratch, 'home')
  await fs.mkdir(home)
  env = {}
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('GIT_')) env[key] = value
  Object.assign(env, { HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig') })
  await fs.writeFile(path.join(home, '.gitconfig'), '')
})

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

async function write(dir: string, file: string, content: string): Promise<void> {
  await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true })
  await fs.writeFile(path.join(dir, file), content)
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false
  )
}

async function makeRepo(): Promise<string> {
  const dir = path.join(scratch, `repo-${++count}`)
  await fs.mkdir(dir)
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'user.name', 'Dev')
  git(dir, 'config', 'user.email', 'dev@example.com')
  await write(dir, 'README.md', '# Demo\n')
  await write(dir, 'src/a.ts', 'export const a = 1\n')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'initial')
  return dir
}

function workspaceFor(dir: string): GitWorkspace {
  return new GitWorkspace({ git: createGitRunner(dir, env), dir, patchDir: `${dir}-patches`, tempDir: `${dir}-scratch` })
}

/** A copy of the repository's git directory whose config runs `marker` as a clean filter: the agent's redirect target. */
async function evilCopy(dir: string, marker: string): Promise<string> {
  const copy = path.join(scratch, `evil-${count}`)
  await fs.cp(path.join(dir, '.git'), copy, { recursive: true })
  git(dir, 'config', '--file', path.join(copy, 'config'), 'filter.evil.clean', `sh -c 'touch ${marker}; cat'`)
  git(dir, 'config', '--file', path.join(copy, 'config'), 'filter.evil.required', 'true')
  return copy
}

describe('the action never follows a redirect the agent planted in the repository metadata', () => {
  test('.git/commondir naming a copy with a filter: the filter never runs, checkIntact says so, and the file is gone afterwards', async () => {
    const dir = await makeRepo()
    const marker = path.join(scratch, `commondir-ran-${count}`)
    const ws = workspaceFor(dir)
    await ws.begin()
    // The agent.
    await write(dir, 'src/a.ts', 'changed\n')
    await write(dir, '.gitattributes', '* filter=evil\n')
    await fs.writeFile(path.join(dir, '.git', 'commondir'), `${await evilCopy(dir, marker)}\n`)

    expect(await ws.checkIntact()).toMatch(/rewrote the repository's metadata \(.*\.git\/commondir\), which redirects or configures git/)
    const change = await ws.change()
    expect(change.paths.map((p) => p.path).sort()).toEqual(['.gitattributes', 'src/a.ts'])
    await ws.restore()
    expect(await exists(marker)).toBe(false)
    expect(await exists(path.join(dir, '.git', 'commondir'))).toBe(false)
  })

  test('a commondir planted while the gate ran (after the check) is put back before the commit, which is made from the real repository', async () => {
    const dir = await makeRepo()
    const marker = path.join(scratch, `gate-commondir-ran-${count}`)
    const ws = workspaceFor(dir)
    await ws.begin()
    await write(dir, 'src/a.ts', 'changed\n')
    await write(dir, '.gitattributes', '* filter=evil\n')
    expect(await ws.checkIntact()).toBeUndefined()
    await ws.change()
    // The gate's code.
    await fs.writeFile(path.join(dir, '.git', 'commondir'), `${await evilCopy(dir, marker)}\n`)
    const { sha } = await ws.commit({ branch: 'agent/x', message: 'm', author: BOT })
    expect(git(dir, 'rev-parse', 'refs/heads/agent/x').trim()).toBe(sha)
    expect(await exists(marker)).toBe(false)
    expect(await exists(path.join(dir, '.git', 'commondir'))).toBe(false)
  })

  test('objects/info/alternates, info/attributes, info/exclude and a new worktrees/ entry are put back, and reported', async () => {
    const dir = await makeRepo()
    const infoBefore = await fs.readFile(path.join(dir, '.git', 'info', 'exclude'))
    const ws = workspaceFor(dir)
    await ws.begin()
    await write(dir, 'src/a.ts', 'changed\n')
    const foreign = path.join(scratch, `foreign-objects-${count}`)
    await fs.mkdir(foreign)
    await write(dir, '.git/objects/info/alternates', `${foreign}\n`)
    await write(dir, '.git/info/attributes', '* filter=evil\n')
    await write(dir, '.git/info/exclude', 'src/\n')
    await write(dir, '.git/worktrees/evil/commondir', `${foreign}\n`)

    const broken = await ws.checkIntact()
    expect(broken).toMatch(/rewrote the repository's metadata/)
    for (const file of ['objects/info/alternates', 'info/attributes', 'info/exclude', 'worktrees']) expect(broken).toContain(file)
    expect(await exists(path.join(dir, '.git', 'objects', 'info', 'alternates'))).toBe(false)
    expect(await exists(path.join(dir, '.git', 'info', 'attributes'))).toBe(false)
    expect(await fs.readFile(path.join(dir, '.git', 'info', 'exclude'))).toEqual(infoBefore)
    expect(await exists(path.join(dir, '.git', 'worktrees'))).toBe(false)
    // The exclude the agent planted would have hidden its own change: it is the user's again.
    expect((await ws.change()).paths).toEqual([{ path: 'src/a.ts', status: 'modified' }])
  })

  test('hooks the agent installs or rewrites are put back for later steps, without stopping the run (a package manager installs hooks too)', async () => {
    const dir = await makeRepo()
    const hooks = path.join(dir, '.git', 'hooks')
    await write(dir, '.git/hooks/pre-push', '#!/bin/sh\nexit 0\n')
    const ws = workspaceFor(dir)
    await ws.begin()
    await write(dir, 'src/a.ts', 'changed\n')
    await write(dir, '.git/hooks/pre-commit', '#!/bin/sh\necho planted\n')
    await write(dir, '.git/hooks/pre-push', '#!/bin/sh\necho rewritten\n')
    expect(await ws.checkIntact()).toBeUndefined()
    await ws.change()
    await ws.restore()
    expect(await exists(path.join(hooks, 'pre-commit'))).toBe(false)
    expect(await fs.readFile(path.join(hooks, 'pre-push'), 'utf8')).toBe('#!/bin/sh\nexit 0\n')
  })

  test('a hook or redirect planted after the last git command (a gate that fails the run) is gone once the workspace is disposed', async () => {
    const dir = await makeRepo()
    const ws = workspaceFor(dir)
    await ws.begin()
    await write(dir, 'src/a.ts', 'changed\n')
    await ws.change()
    // The gate's code, and then the run ends with an error: no further git command, no restore.
    await write(dir, '.git/hooks/post-checkout', '#!/bin/sh\necho planted\n')
    await write(dir, '.git/commondir', '/elsewhere\n')
    await ws.dispose()
    expect(await exists(path.join(dir, '.git', 'hooks', 'post-checkout'))).toBe(false)
    expect(await exists(path.join(dir, '.git', 'commondir'))).toBe(false)
  })

  test('.git turned into a link to a moved copy: git is not run on it again', async () => {
    const dir = await makeRepo()
    const marker = path.join(scratch, `symlink-ran-${count}`)
    const ws = workspaceFor(dir)
    await ws.begin()
    await write(dir, 'src/a.ts', 'changed\n')
    await write(dir, '.gitattributes', '* filter=evil\n')
    const copy = await evilCopy(dir, marker)
    await fs.rm(path.join(dir, '.git'), { recursive: true })
    await fs.symlink(copy, path.join(dir, '.git'))

    expect(await ws.checkIntact()).toMatch(/\.git is no longer the git directory it was before the agent ran/)
    await expect(ws.change()).rejects.toThrow(/Refusing to run git in .*: .*no longer the git directory/)
    expect(await exists(marker)).toBe(false)
  })

  test('a replace ref for the base commit (refs/replace) does not change what the action reads as the base', async () => {
    const dir = await makeRepo()
    const ws = workspaceFor(dir)
    const { preExistingDirty } = await ws.begin()
    expect(preExistingDirty).toEqual([])
    const base = git(dir, 'rev-parse', 'HEAD').trim()
    // The agent: a commit whose tree lacks src/a.ts, put in place of the base for every git that honours replacements.
    const index = path.join(scratch, `replace-${count}.index`)
    const indexEnv = { ...env, GIT_INDEX_FILE: index }
    execFileSync('git', ['read-tree', base], { cwd: dir, env: indexEnv })
    execFileSync('git', ['rm', '-q', '--cached', 'src/a.ts'], { cwd: dir, env: indexEnv })
    const tree = execFileSync('git', ['write-tree'], { cwd: dir, env: indexEnv, encoding: 'utf8' }).trim()
    const fake = git(dir, 'commit-tree', tree, '-m', 'fake base').trim()
    git(dir, 'replace', base, fake)
    await write(dir, 'README.md', '# Changed\n')

    // Honouring the replacement, src/a.ts would read as a file the agent added.
    expect((await ws.change()).paths).toEqual([{ path: 'README.md', status: 'modified' }])
  })
})

describe('a config that includes another file is refused before the agent runs', () => {
  async function includingRepo(): Promise<{ dir: string; marker: string }> {
    const dir = await makeRepo()
    const marker = path.join(scratch, `include-ran-${count}`)
    // Shared settings kept in the work tree, as some projects do: the agent can rewrite that file.
    await write(dir, '.gitconfig-shared', '[core]\n\tautocrlf = false\n')
    git(dir, 'config', '--local', 'include.path', '../.gitconfig-shared')
    return { dir, marker }
  }

  test('begin refuses, naming the include and the fix', async () => {
    const { dir } = await includingRepo()
    await expect(workspaceFor(dir).begin()).rejects.toThrow(
      /includes other files \(\[include\] path in .*\.git\/config\)\. After the agent ran, Gated Agent's own git would read them/
    )
  })

  test('positive control: with only .git/config guarded, the agent rewrites the included file and its filter runs in the action', async () => {
    const { dir, marker } = await includingRepo()
    const ws = new GitWorkspace({
      git: createGitRunner(dir, env),
      dir,
      patchDir: `${dir}-patches`,
      tempDir: `${dir}-scratch`,
      configOnlyMetadataGuard: true
    })
    await ws.begin()
    await write(dir, '.gitconfig-shared', `[filter "evil"]\n\tclean = "sh -c 'touch ${marker}; cat'"\n`)
    await write(dir, '.gitattributes', '* filter=evil\n')
    expect(await ws.checkIntact()).toBeUndefined()
    await ws.change()
    expect(await exists(marker)).toBe(true)
  })
})

describe("the repository's own filter drivers do not run after the agent", () => {
  // What checkout's `lfs: true` leaves: a driver in .git/config naming a program git finds on PATH,
  // where the agent can put one of its own. Here the driver is the program itself, for the marker.
  async function filteredRepo(): Promise<{ dir: string; marker: string }> {
    const dir = await makeRepo()
    const marker = path.join(scratch, `repo-filter-ran-${count}`)
    await write(dir, '.gitattributes', '*.ts filter=lfsish\n')
    git(dir, 'add', '.gitattributes')
    git(dir, 'commit', '-q', '-m', 'attributes')
    git(dir, 'config', '--local', 'filter.lfsish.clean', `sh -c 'touch ${marker}; cat'`)
    git(dir, 'config', '--local', 'filter.lfsish.required', 'true')
    return { dir, marker }
  }

  test("a driver in the repository's config is emptied for the action's commands: the change is read, the driver never runs", async () => {
    const { dir, marker } = await filteredRepo()
    const ws = workspaceFor(dir)
    await ws.begin()
    // begin's status may run it, before the agent: that is the user's own setup, as before.
    await fs.rm(marker, { force: true })
    await write(dir, 'src/a.ts', 'changed\n')
    expect(await ws.checkIntact()).toBeUndefined()
    expect((await ws.change()).paths).toEqual([{ path: 'src/a.ts', status: 'modified' }])
    await ws.commit({ branch: 'agent/f', message: 'm', author: BOT })
    await ws.restore()
    expect(await exists(marker)).toBe(false)
  })

  test('positive control: with only .git/config guarded, the same driver runs in the action', async () => {
    const { dir, marker } = await filteredRepo()
    const ws = new GitWorkspace({
      git: createGitRunner(dir, env),
      dir,
      patchDir: `${dir}-patches`,
      tempDir: `${dir}-scratch`,
      configOnlyMetadataGuard: true
    })
    await ws.begin()
    await fs.rm(marker, { force: true })
    await write(dir, 'src/a.ts', 'changed\n')
    await ws.change()
    expect(await exists(marker)).toBe(true)
  })
})

describe('the push header is scoped to the one URL the action pushes to', () => {
  test('a pushInsteadOf sending the push to another server sends it no Authorization header', async () => {
    const seen: Record<string, string[]> = { origin: [], evil: [] }
    const hits: Record<string, number> = { origin: 0, evil: 0 }
    const serve = (name: string) =>
      http.createServer((req, res) => {
        hits[name]++
        for (let i = 0; i < req.rawHeaders.length; i += 2) {
          if (req.rawHeaders[i].toLowerCase() === 'authorization') seen[name].push(req.rawHeaders[i + 1])
        }
        res.writeHead(404).end('no')
      })
    const servers = { origin: serve('origin'), evil: serve('evil') }
    for (const server of Object.values(servers)) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const url = (name: 'origin' | 'evil') => `http://127.0.0.1:${(servers[name].address() as AddressInfo).port}/owner/repo.git`
    try {
      const dir = await makeRepo()
      // A rewrite git obeys whatever the action does to its config files: here in the repository's
      // own config before begin (as if the user had it), so no restore removes it.
      git(dir, 'config', `url.${url('evil')}.pushInsteadOf`, url('origin'))
      const ws = workspaceFor(dir)
      await ws.begin()
      await write(dir, 'src/a.ts', 'changed\n')
      await ws.change()
      const { sha } = await ws.commit({ branch: 'agent/y', message: 'm', author: BOT })
      await expect(ws.pushBranch({ url: url('origin'), sha, branch: 'agent/y', token: TOKEN })).rejects.toThrow()
      // The push did go to the other server, and it was sent no header.
      expect(hits.evil).toBeGreaterThan(0)
      expect(seen.evil).toEqual([])
      expect(JSON.stringify(seen)).not.toContain(TOKEN_BASIC)
    } finally {
      for (const server of Object.values(servers)) await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
