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
 * Every command runs with hooks and the file-system monitor off: after an agent has run, the
 * repository's hooks and `core.fsmonitor` are the agent's to write, and must not run code in the
 * action's process tree (which holds the token).
 */
const HARDENING = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false']

/**
 * Creates a runner for `git` in `cwd`. `baseEnv` (default: this process's environment) is the
 * environment every command starts from; the runner adds only what makes git safe to drive from a
 * program: no credential prompt (a prompt would hang the run) and untranslated messages (push
 * rejections are recognised by their English text).
 */
export function createGitRunner(cwd: string, baseEnv: NodeJS.ProcessEnv | Record<string, string> = process.env): GitRunner {
  const base: Record<string, string> = {}
  for (const [key, value] of Object.entries(baseEnv)) {
    if (value !== undefined) base[key] = value
  }
  let count = 0
  return {
    get commandCount() {
      return count
    },
    async run(args, opts = {}) {
      count++
      const input = opts.input === undefined ? undefined : Buffer.isBuffer(opts.input) ? opts.input : Buffer.from(opts.input)
      const result = await getExecOutput('git', [...HARDENING, ...args], {
        cwd,
        env: { ...base, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...opts.env },
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
