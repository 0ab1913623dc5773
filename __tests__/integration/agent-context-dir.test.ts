/**
 * The agent's context directory (issue 11): the files a prompt names live inside the work tree
 * while the agent runs, where every agent CLI may read them, and nowhere afterwards. Real
 * processes, a real git repository: the directory is there for the agent, gone when it exits
 * (also after a timeout), never part of the change or the commit even when removing it failed,
 * and never a path the repository has or ignores.
 */
import { execFileSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CommandAgent } from '../../src/runtime/agent/command-agent.js'
import { chooseContextDir, gitIgnores, prepareContextDir } from '../../src/runtime/agent/context-dir.js'
import { createGitRunner } from '../../src/runtime/git/git.js'
import { GitWorkspace } from '../../src/runtime/git/git-workspace.js'
import type { ContextDirectory } from '../../src/core/types.js'

let scratch: string
let env: Record<string, string>

beforeEach(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'agent-context-dir-'))
  const home = path.join(scratch, 'home')
  await fs.mkdir(home)
  await fs.writeFile(path.join(home, '.gitconfig'), '')
  env = { PATH: process.env.PATH ?? '', HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig') }
})

afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

async function makeRepo(files: Record<string, string>): Promise<string> {
  const dir = path.join(scratch, 'repo')
  await fs.mkdir(dir)
  git(dir, 'init', '-q', '-b', 'main')
  git(dir, 'config', 'user.name', 'Dev')
  git(dir, 'config', 'user.email', 'dev@example.com')
  for (const [file, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true })
    await fs.writeFile(path.join(dir, file), text)
  }
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'initial')
  return dir
}

const exists = (file: string): Promise<boolean> =>
  fs.lstat(file).then(
    () => true,
    () => false
  )

function agentIn(repo: string, template: string, contextDir: ContextDirectory | undefined, timeoutMs = 20_000): CommandAgent {
  return new CommandAgent({
    template,
    cwd: repo,
    env,
    timeoutMs,
    promptDir: path.join(scratch, 'prompts'),
    killGraceMs: 300,
    ...(contextDir ? { contextDir } : {})
  })
}

describe('the context directory around one agent run', () => {
  test('the files are there while the agent runs, by relative and absolute path, and gone when it exits', async () => {
    const repo = await makeRepo({ 'a.txt': 'a\n' })
    const dir = await chooseContextDir(repo)
    expect(dir).toEqual({ relative: '.gated-agent', absolute: path.join(repo, '.gated-agent') })
    const agent = agentIn(repo, `sh -c 'cat .gated-agent/ci-log.md ${dir.absolute}/issue.md > seen.txt'`, dir)
    const run = await agent.run('the prompt', 1, [
      { name: 'ci-log.md', text: 'LOG-LINE\n' },
      { name: 'issue.md', text: 'ISSUE-TEXT\n' }
    ])
    expect(run.exitCode).toBe(0)
    expect(await fs.readFile(path.join(repo, 'seen.txt'), 'utf8')).toBe('LOG-LINE\nISSUE-TEXT\n')
    expect(await exists(dir.absolute)).toBe(false)
  })

  test('a {prompt_file} template (a user agent-command) gets the prompt inside the work tree, where its CLI may read it', async () => {
    const repo = await makeRepo({ 'a.txt': 'a\n' })
    const dir = await chooseContextDir(repo)
    const agent = agentIn(repo, `sh -c 'echo "$0" > where.txt; cat "$0" > got.txt' {prompt_file}`, dir)
    await agent.run('PROMPT-BODY', 1)
    expect((await fs.readFile(path.join(repo, 'where.txt'), 'utf8')).trim()).toBe(path.join(dir.absolute, 'prompt.md'))
    expect(await fs.readFile(path.join(repo, 'got.txt'), 'utf8')).toBe('PROMPT-BODY')
    expect(await exists(dir.absolute)).toBe(false)
    // The record of the prompt stays outside the work tree.
    expect(await fs.readFile(path.join(scratch, 'prompts', 'prompt-1.md'), 'utf8')).toBe('PROMPT-BODY')
  })

  test('gone after a timeout too', async () => {
    const repo = await makeRepo({ 'a.txt': 'a\n' })
    const dir = await chooseContextDir(repo)
    const run = await agentIn(repo, 'sleep 30', dir, 500).run('p', 1, [{ name: 'ci-log.md', text: 'x' }])
    expect(run.timedOut).toBe(true)
    expect(await exists(dir.absolute)).toBe(false)
  })

  test('an agent that swaps the directory for a symlink out of the tree: the link goes, what it points at stays', async () => {
    const repo = await makeRepo({ 'a.txt': 'a\n' })
    const outside = path.join(scratch, 'outside')
    await fs.mkdir(outside)
    await fs.writeFile(path.join(outside, 'precious.txt'), 'keep me\n')
    const dir = await chooseContextDir(repo)
    await agentIn(repo, `sh -c 'rm -rf .gated-agent && ln -s ${outside} .gated-agent'`, dir).run('p', 1, [{ name: 'ci-log.md', text: 'x' }])
    expect(await exists(dir.absolute)).toBe(false)
    expect(await fs.readFile(path.join(outside, 'precious.txt'), 'utf8')).toBe('keep me\n')
  })

  test('what the agent left at the path before a run is replaced, never written through', async () => {
    const repo = await makeRepo({ 'a.txt': 'a\n' })
    const outside = path.join(scratch, 'outside')
    await fs.mkdir(outside)
    const dir = await chooseContextDir(repo)
    await fs.symlink(outside, dir.absolute)
    await prepareContextDir(dir, [{ name: 'ci-log.md', text: 'x' }])
    expect((await fs.lstat(dir.absolute)).isDirectory()).toBe(true)
    expect(await fs.readdir(outside)).toEqual([])
  })
})

describe('never part of the change', () => {
  test('files left in the context directory (its removal failed) are not in the change, the patch or the commit', async () => {
    const repo = await makeRepo({ 'a.txt': 'a\n' })
    const dir = await chooseContextDir(repo)
    const make = (excludePaths?: string[]): GitWorkspace =>
      new GitWorkspace({ git: createGitRunner(repo, env), dir: repo, patchDir: path.join(scratch, 'patches'), excludePaths })
    const workspace = make([dir.relative])
    await workspace.begin()
    await prepareContextDir(dir, [{ name: 'ci-log.md', text: 'LOG\n' }])
    await fs.writeFile(path.join(dir.absolute, 'planted.js'), 'evil()\n')
    await fs.writeFile(path.join(repo, 'a.txt'), 'fixed\n')
    const change = await workspace.change()
    expect(change.paths).toEqual([{ path: 'a.txt', status: 'modified' }])
    expect(change.patch).not.toContain('.gated-agent')
    const commit = await workspace.commit({ branch: 'agent/x', message: 'm', author: { name: 'Bot', email: 'bot@example.com' } })
    expect(git(repo, 'ls-tree', '-r', '--name-only', commit.sha).split('\n').filter(Boolean)).toEqual(['a.txt'])
    // Positive control: a workspace told nothing would sweep the directory into the change.
    git(repo, 'checkout', '-q', '--', 'a.txt')
    await fs.rm(dir.absolute, { recursive: true, force: true })
    const naive = make()
    await naive.begin()
    await prepareContextDir(dir, [{ name: 'ci-log.md', text: 'LOG\n' }])
    expect((await naive.change()).paths.map((p) => p.path)).toContain('.gated-agent/ci-log.md')
  })
})

describe('choosing the directory', () => {
  test('a repository that has .gated-agent already gets another name', async () => {
    const repo = await makeRepo({ '.gated-agent': 'the project’s own file\n' })
    expect((await chooseContextDir(repo)).relative).toBe('gated-agent-context')
    expect(await fs.readFile(path.join(repo, '.gated-agent'), 'utf8')).toBe('the project’s own file\n')
  })

  test('a leftover of a killed run (our marker inside) is removed and its name reused', async () => {
    const repo = await makeRepo({ 'a.txt': 'a\n' })
    const first = await chooseContextDir(repo)
    await prepareContextDir(first, [{ name: 'ci-log.md', text: 'old' }])
    const again = await chooseContextDir(repo)
    expect(again).toEqual(first)
    expect(await exists(first.absolute)).toBe(false)
  })

  test('nor one .geminiignore ignores', async () => {
    const repo = await makeRepo({ '.geminiignore': '.gated-agent\n', '.gitignore': 'node_modules/\n' })
    expect((await chooseContextDir(repo, { isIgnored: gitIgnores(createGitRunner(repo, env), repo) })).relative).toBe('gated-agent-context')
  })

  test('a directory the project ignores is not used (Gemini CLI refuses ignored files)', async () => {
    const repo = await makeRepo({ '.gitignore': '.gated-agent/\n' })
    expect((await chooseContextDir(repo, { isIgnored: gitIgnores(createGitRunner(repo, env), repo) })).relative).toBe('gated-agent-context')
    const everyDot = await fs.mkdtemp(path.join(scratch, 'dots-'))
    git(everyDot, 'init', '-q')
    await fs.writeFile(path.join(everyDot, '.gitignore'), '.*\n!.gitignore\n')
    expect((await chooseContextDir(everyDot, { isIgnored: gitIgnores(createGitRunner(everyDot, env), everyDot) })).relative).toBe(
      'gated-agent-context'
    )
  })
})
