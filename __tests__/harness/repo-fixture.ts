/**
 * A repository as a GitHub runner has it: a bare `origin`, and a workspace cloned from it the
 * way actions/checkout leaves one — on a local branch tracking origin, shallow by default, no
 * git identity, and the job token persisted for later git commands (in `.git/config` as
 * checkout ≤ v5 does, or in an `includeIf`-linked file under RUNNER_TEMP as v6+ does).
 * Everything lives in one temp directory that `cleanup()` removes.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { git, isolatedGitEnv, tryGit } from './git-command.js'

/** How actions/checkout persisted the token in the workspace. */
export type CheckoutCredentials = 'extraheader' | 'includeIf' | 'none'

/** What the repository holds and how it is checked out. */
export interface RepoFixtureOptions {
  /** Files of the default branch's only commit, by relative path. */
  files: Record<string, string>
  defaultBranch?: string
  /** Files to make executable (e.g. a gate script). */
  executables?: string[]
  /** Other branches on origin: changes on top of the default branch (`null` deletes a file). */
  branches?: Record<string, Record<string, string | null>>
  /** The branch the workspace checks out (default: the default branch). */
  checkoutBranch?: string
  /** Like checkout's `fetch-depth`: 1 (its default) is shallow, 0 fetches all history and branches. */
  fetchDepth?: number
  /** `extraheader` (checkout ≤ v5, default), `includeIf` (checkout v6+), or `none` (persist-credentials: false). */
  credentials?: CheckoutCredentials
  /** The token checkout persisted (default `ghs_fake_token`, the fake's). */
  token?: string
  /** The server the credential is scoped to (default `https://github.com`). */
  serverUrl?: string
}

/** One commit on origin. */
export interface OriginCommit {
  sha: string
  authorName: string
  authorEmail: string
  committerName: string
  committerEmail: string
  subject: string
  body: string
  parents: string[]
}

/** The persisted checkout credential, so tests can look for it where it must not be. */
export interface PersistedCredential {
  token: string
  /** The config key, e.g. `http.https://github.com/.extraheader`. */
  configKey: string
  /** `AUTHORIZATION: basic <base64 of x-access-token:TOKEN>`. */
  header: string
  /** The RUNNER_TEMP file holding it (includeIf layout only). */
  file?: string
}

/** A ready repository: origin, workspace, runner temp, and helpers to inspect origin. */
export interface RepoFixture {
  root: string
  /** The bare repository the workspace's `origin` points at. */
  originDir: string
  /** The checked-out work tree (`GITHUB_WORKSPACE`). */
  workspaceDir: string
  /** `RUNNER_TEMP`. */
  runnerTemp: string
  /** A HOME without any git configuration, like a fresh runner's. */
  homeDir: string
  defaultBranch: string
  credential?: PersistedCredential
  /** Branch names on origin, sorted. */
  originBranches(): Promise<string[]>
  /** A file's content on an origin branch, or undefined when the branch or file is missing. */
  originFile(branch: string, filePath: string): Promise<string | undefined>
  /** Commits of an origin branch, newest first. */
  originLog(branch: string): Promise<OriginCommit[]>
  /** The commit an origin branch points at, or undefined. */
  originSha(branch: string): Promise<string | undefined>
  /** Commits changes on top of `branch` (or of the default branch when it is new) and pushes them to origin. */
  pushToOrigin(branch: string, files: Record<string, string | null>, message?: string): Promise<string>
  /** Runs git in the workspace with the fixture's isolated configuration. */
  git(args: string[]): Promise<string>
  cleanup(): Promise<void>
}

const FIXTURE_IDENTITY = {
  GIT_AUTHOR_NAME: 'Fixture Author',
  GIT_AUTHOR_EMAIL: 'fixture-author@example.com',
  GIT_COMMITTER_NAME: 'Fixture Author',
  GIT_COMMITTER_EMAIL: 'fixture-author@example.com',
  GIT_AUTHOR_DATE: '2024-01-02T03:04:05Z',
  GIT_COMMITTER_DATE: '2024-01-02T03:04:05Z'
}

async function writeFiles(dir: string, files: Record<string, string | null>, executables: string[] = []): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(dir, relative)
    if (content === null) {
      await fs.rm(target, { force: true })
      continue
    }
    await fs.mkdir(path.dirname(target), { recursive: true })
    await fs.writeFile(target, content)
    if (executables.includes(relative)) await fs.chmod(target, 0o755)
  }
}

/** Creates origin and a checked-out workspace in a fresh temp directory. */
export async function createRepoFixture(options: RepoFixtureOptions): Promise<RepoFixture> {
  const defaultBranch = options.defaultBranch ?? 'main'
  const checkoutBranch = options.checkoutBranch ?? defaultBranch
  const root = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'gated-agent-fixture-')))
  const originDir = path.join(root, 'origin.git')
  const seedDir = path.join(root, 'seed')
  const workspaceDir = path.join(root, 'workspace')
  const runnerTemp = path.join(root, 'runner-temp')
  const homeDir = path.join(root, 'home')
  await Promise.all([seedDir, workspaceDir, runnerTemp, homeDir].map((d) => fs.mkdir(d, { recursive: true })))
  const env = isolatedGitEnv(homeDir)
  const seedEnv = isolatedGitEnv(homeDir, FIXTURE_IDENTITY)
  const run = (args: string[], cwd: string, withIdentity = false): Promise<string> => git(args, { cwd, env: withIdentity ? seedEnv : env })

  try {
    await run(['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`, originDir], root)
    await run(['init', '--quiet', `--initial-branch=${defaultBranch}`], seedDir)
    await run(['remote', 'add', 'origin', originDir], seedDir)
    await writeFiles(seedDir, options.files, options.executables)
    await run(['add', '--all'], seedDir)
    await run(['commit', '--quiet', '--allow-empty', '-m', 'Initial commit'], seedDir, true)
    await run(['push', '--quiet', 'origin', `HEAD:refs/heads/${defaultBranch}`], seedDir)
    for (const [branch, changes] of Object.entries(options.branches ?? {})) {
      await run(['checkout', '--quiet', '-B', branch, defaultBranch], seedDir)
      await writeFiles(seedDir, changes, options.executables)
      await run(['add', '--all'], seedDir)
      await run(['commit', '--quiet', '--allow-empty', '-m', `Change on ${branch}`], seedDir, true)
      await run(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], seedDir)
    }

    // The same steps actions/checkout takes: init, add origin, fetch the branch, check it out.
    const depth = options.fetchDepth ?? 1
    await run(['init', '--quiet', `--initial-branch=${checkoutBranch}`], workspaceDir)
    await run(['remote', 'add', 'origin', originDir], workspaceDir)
    await run(['config', '--local', 'gc.auto', '0'], workspaceDir)
    await run(
      depth > 0
        ? [
            'fetch',
            '--quiet',
            '--no-tags',
            '--prune',
            `--depth=${depth}`,
            'origin',
            `+refs/heads/${checkoutBranch}:refs/remotes/origin/${checkoutBranch}`
          ]
        : ['fetch', '--quiet', '--prune', 'origin', '+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*'],
      workspaceDir
    )
    await run(['checkout', '--quiet', '--force', '-B', checkoutBranch, `refs/remotes/origin/${checkoutBranch}`], workspaceDir)

    const credential = await persistCredential(options, { workspaceDir, runnerTemp, env })

    const fixture: RepoFixture = {
      root,
      originDir,
      workspaceDir,
      runnerTemp,
      homeDir,
      defaultBranch,
      credential,
      async originBranches() {
        const out = await run(['for-each-ref', '--format=%(refname)', 'refs/heads'], originDir)
        return out
          .split('\n')
          .filter(Boolean)
          .map((ref) => ref.replace(/^refs\/heads\//, ''))
          .sort()
      },
      async originFile(branch, filePath) {
        const out = await tryGit(['show', `refs/heads/${branch}:${filePath}`], { cwd: originDir, env })
        return out.exitCode === 0 ? out.stdout : undefined
      },
      async originLog(branch) {
        const out = await tryGit(['log', '--format=%H%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%P%x1f%s%x1f%b%x1e', `refs/heads/${branch}`], {
          cwd: originDir,
          env
        })
        if (out.exitCode !== 0) return []
        return out.stdout
          .split('\x1e')
          .map((entry) => entry.replace(/^\n/, ''))
          .filter(Boolean)
          .map((entry) => {
            const [sha, authorName, authorEmail, committerName, committerEmail, parents, subject, body] = entry.split('\x1f')
            return {
              sha,
              authorName,
              authorEmail,
              committerName,
              committerEmail,
              subject,
              body: body.trim(),
              parents: parents.split(' ').filter(Boolean)
            }
          })
      },
      async originSha(branch) {
        const out = await tryGit(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], { cwd: originDir, env })
        return out.exitCode === 0 ? out.stdout.trim() : undefined
      },
      async pushToOrigin(branch, files, message = `Update ${branch}`) {
        await run(['fetch', '--quiet', 'origin'], seedDir)
        const exists = (await fixture.originSha(branch)) !== undefined
        await run(['checkout', '--quiet', '--force', '-B', branch, `origin/${exists ? branch : defaultBranch}`], seedDir)
        await writeFiles(seedDir, files, options.executables)
        await run(['add', '--all'], seedDir)
        await run(['commit', '--quiet', '--allow-empty', '-m', message], seedDir, true)
        await run(['push', '--quiet', 'origin', `HEAD:refs/heads/${branch}`], seedDir)
        return (await run(['rev-parse', 'HEAD'], seedDir)).trim()
      },
      git: (args) => run(args, workspaceDir),
      cleanup: () => fs.rm(root, { recursive: true, force: true })
    }
    return fixture
  } catch (error) {
    await fs.rm(root, { recursive: true, force: true })
    throw error
  }
}

async function persistCredential(
  options: RepoFixtureOptions,
  where: { workspaceDir: string; runnerTemp: string; env: NodeJS.ProcessEnv }
): Promise<PersistedCredential | undefined> {
  const mode = options.credentials ?? 'extraheader'
  if (mode === 'none') return undefined
  const token = options.token ?? 'ghs_fake_token'
  const origin = new URL(options.serverUrl ?? 'https://github.com').origin
  const configKey = `http.${origin}/.extraheader`
  const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64')}`
  const run = (args: string[]): Promise<string> => git(args, { cwd: where.workspaceDir, env: where.env })
  if (mode === 'extraheader') {
    await run(['config', '--local', configKey, header])
    return { token, configKey, header }
  }
  // checkout v6+: the header lives in RUNNER_TEMP, linked from .git/config for the host and
  // container paths of the repository and its worktrees.
  const file = path.join(where.runnerTemp, `git-credentials-${randomUUID()}.config`)
  await run(['config', '--file', file, configKey, header])
  const gitDir = path.join(where.workspaceDir, '.git')
  const containerFile = path.posix.join('/github/runner_temp', path.basename(file))
  await run(['config', '--local', `includeIf.gitdir:${gitDir}.path`, file])
  await run(['config', '--local', `includeIf.gitdir:${gitDir}/worktrees/*.path`, file])
  await run(['config', '--local', 'includeIf.gitdir:/github/workspace/.git.path', containerFile])
  await run(['config', '--local', 'includeIf.gitdir:/github/workspace/.git/worktrees/*.path', containerFile])
  return { token, configKey, header, file }
}
