/**
 * The one door to the `git` binary: a small runner interface (so callers can be tested with a fake
 * or a counting decorator), its `@actions/exec` implementation, and the error a failed command
 * throws. Secrets handed to a command are redacted from everything an error carries.
 */
import { getExecOutput } from '@actions/exec'

/** Per-command options for {@link GitRunner.run}. */
export interface GitRunOptions {
  /** Extra environment for this command only, laid over the runner's base environment. */
  env?: Record<string, string>
  /** Bytes or text written to the command's standard input. */
  input?: Buffer | string
  /** Return a non-zero exit as a result instead of throwing a {@link GitError}. */
  allowFailure?: boolean
  /** Values (tokens, auth headers) to blank out of any error or log built from this command. */
  secrets?: string[]
}

/** What a git command printed and how it ended. */
export interface GitResult {
  exitCode: number
  stdout: string
  stderr: string
}

/** Runs git commands in one directory. */
export interface GitRunner {
  /** Runs `git <args>`; throws {@link GitError} on a non-zero exit unless `allowFailure`. */
  run(args: string[], opts?: GitRunOptions): Promise<GitResult>
  /** How many git commands this runner has started (a benchmark reports what a proposal costs). */
  readonly commandCount: number
}

const REDACTED = '***'

/** Replaces every occurrence of each secret in `text` with `***`. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text
  for (const secret of secrets) {
    // Very short values would blank out ordinary words; a real token is never this short.
    if (secret.length >= 4) out = out.split(secret).join(REDACTED)
  }
  return out
}

/** A git command that failed; carries the (redacted) arguments and stderr, never a secret. */
export class GitError extends Error {
  /** The command's arguments, secrets redacted. */
  readonly args: string[]
  readonly exitCode: number
  /** The command's standard error, secrets redacted. */
  readonly stderr: string

  constructor(args: string[], exitCode: number, stderr: string, secrets: readonly string[] = []) {
    const safeArgs = args.map((arg) => redactSecrets(arg, secrets))
    const safeStderr = redactSecrets(stderr, secrets).trim()
    super(`git ${safeArgs.join(' ')} failed with exit code ${exitCode}${safeStderr ? `: ${lastLines(safeStderr, 20)}` : ''}`)
    this.name = 'GitError'
    this.args = safeArgs
    this.exitCode = exitCode
    this.stderr = safeStderr
  }
}

function lastLines(text: string, count: number): string {
  const lines = text.split('\n')
  return lines.length <= count ? text : lines.slice(-count).join('\n')
}

/**
 * Every command runs in a configuration the action owns. After an agent has run, every file git
 * would read its settings from (the system file, `~/.gitconfig`, `$XDG_CONFIG_HOME/git/config`, a
 * "frozen" copy anywhere on disk) is the agent's to write: a `filter.*` driver, a hook, an
 * fsmonitor, a `url.*.pushInsteadOf`, a credential helper or askpass program planted there would
 * run in the action's process tree or send the push's auth header elsewhere. So:
 * - system and global config are off (`GIT_CONFIG_NOSYSTEM`, `GIT_CONFIG_GLOBAL=/dev/null`), and
 *   `HOME` and `XDG_CONFIG_HOME` are `/dev/null`, under which nobody (not even root) can create a
 *   file, so no `~/.gitconfig`, XDG config, attributes or ignore file can be planted for git to find;
 * - no `GIT_*` variable of the base environment reaches git (`GIT_DIR`, `GIT_CONFIG_COUNT`,
 *   `GIT_SSH_COMMAND`, `GIT_EXTERNAL_DIFF`...), but the commit identity and ceiling directories;
 * - replace refs are ignored (`refs/replace/<base>` would swap the base commit's tree);
 * - the settings below are pinned on the command line, which beats every config file: no hooks,
 *   no fsmonitor, no credential helper, no askpass program, no `ext::` transport;
 * - what the user's system and global config held before the agent ran and the action needs
 *   (proxy, CA bundle, safe.directory, line endings: see {@link FROZEN_CONFIG_KEY}) is passed in
 *   memory by the caller as `frozenConfig`, read before the agent ran ({@link readFrozenGitConfig}).
 * The repository's own metadata (`.git/config`, `commondir`, alternates...) is the workspace's to
 * verify: see git-workspace.ts.
 */
const HARDENING = [
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.attributesFile=/dev/null',
  '-c',
  'credential.helper=',
  '-c',
  'core.askPass=',
  '-c',
  'protocol.ext.allow=never'
]

/** Variables of the base environment git may see: the commit identity and where discovery stops. */
const ALLOWED_GIT_VARIABLES = /^GIT_(AUTHOR|COMMITTER)_(NAME|EMAIL|DATE)$|^GIT_CEILING_DIRECTORIES$/

/** The environment that makes git read no configuration file but the repository's own. */
export const OWNED_CONFIG_ENV: Readonly<Record<string, string>> = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_SYSTEM: '/dev/null',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_ATTR_NOSYSTEM: '1',
  GIT_NO_REPLACE_OBJECTS: '1',
  HOME: '/dev/null',
  XDG_CONFIG_HOME: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C'
}

/**
 * Keys of the user's system and global config the action keeps (read before the agent ran): how
 * to reach the server (proxy, CA bundle, TLS backend, HTTP version), which repositories are safe,
 * and line-ending conversion, which changes what `git add` stores. Nothing here names a program.
 */
export const FROZEN_CONFIG_KEY =
  /^(https?\.(.+\.)?(proxy|proxyauthmethod|sslcainfo|sslcapath|sslbackend|sslverify|sslversion|schannelcheckrevoke|version)|safe\.directory|core\.(autocrlf|eol|safecrlf|ignorecase|precomposeunicode|protectntfs|longpaths))$/i

/** How {@link createGitRunner} sets up git's configuration. */
export interface GitRunnerOptions {
  /**
   * Settings read before the agent ran, passed as `-c key=value` (see {@link readFrozenGitConfig}).
   * Only keys matching {@link FROZEN_CONFIG_KEY} are taken.
   */
  frozenConfig?: ReadonlyArray<readonly [string, string]>
  /**
   * Test-only: git reads its configuration as it would by default (system, global, HOME, XDG), as
   * before this runner owned it. Set only by the test switch in runtime/test-switches.ts.
   */
  unowned?: boolean
}

/**
 * Creates a runner for `git` in `cwd`. `baseEnv` (default: this process's environment) is the
 * environment every command starts from, less its `GIT_*` variables; the runner adds the owned
 * configuration environment above, no credential prompt (a prompt would hang the run) and
 * untranslated messages (push rejections are recognised by their English text).
 */
export function createGitRunner(
  cwd: string,
  baseEnv: NodeJS.ProcessEnv | Record<string, string> = process.env,
  options: GitRunnerOptions = {}
): GitRunner {
  const base: Record<string, string> = {}
  for (const [key, value] of Object.entries(baseEnv)) {
    if (value === undefined) continue
    if (!options.unowned && (/^GIT_/.test(key) || key === 'SSH_ASKPASS') && !ALLOWED_GIT_VARIABLES.test(key)) continue
    base[key] = value
  }
  const owned = options.unowned ? { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } : OWNED_CONFIG_ENV
  const frozen = (options.frozenConfig ?? [])
    .filter(([key]) => FROZEN_CONFIG_KEY.test(key) && !key.includes('='))
    .flatMap(([key, value]) => ['-c', `${key}=${value}`])
  const hardening = options.unowned ? ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false'] : [...frozen, ...HARDENING]
  let count = 0
  return {
    get commandCount() {
      return count
    },
    async run(args, opts = {}) {
      count++
      const input = opts.input === undefined ? undefined : Buffer.isBuffer(opts.input) ? opts.input : Buffer.from(opts.input)
      const result = await getExecOutput('git', [...hardening, ...args], {
        cwd,
        env: { ...base, ...owned, ...opts.env },
        silent: true,
        ignoreReturnCode: true,
        input
      })
      if (result.exitCode !== 0 && !opts.allowFailure) {
        throw new GitError(args, result.exitCode, result.stderr, opts.secrets)
      }
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr }
    }
  }
}

/**
 * The settings of the user's system and global git config the action keeps ({@link FROZEN_CONFIG_KEY}),
 * read as git reads them (includes followed). Call it before the agent runs: afterwards those files
 * are the agent's. Unreadable or absent config yields nothing.
 */
export async function readFrozenGitConfig(
  cwd: string,
  env: NodeJS.ProcessEnv | Record<string, string> = process.env
): Promise<Array<[string, string]>> {
  const frozen: Array<[string, string]> = []
  for (const scope of ['--system', '--global']) {
    const clean: Record<string, string> = {}
    for (const [key, value] of Object.entries(env)) if (value !== undefined) clean[key] = value
    const result = await getExecOutput('git', ['config', scope, '--includes', '--null', '--list'], {
      cwd,
      env: { ...clean, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
      silent: true,
      ignoreReturnCode: true
    }).catch(() => undefined)
    if (!result || result.exitCode !== 0) continue
    for (const entry of result.stdout.split('\0')) {
      const newline = entry.indexOf('\n')
      if (newline <= 0) continue
      const key = entry.slice(0, newline)
      if (FROZEN_CONFIG_KEY.test(key)) frozen.push([key, entry.slice(newline + 1)])
    }
  }
  return frozen
}
