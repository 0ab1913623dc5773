/**
 * Runs git for the harness (fixture setup, origin inspection, the fake's branch checks).
 * Always async: the GitHub fake lives in the test's own process, and a synchronous child
 * would freeze its event loop while the action under test waits for an answer.
 */
import { execFile } from 'node:child_process'

/** What one git invocation produced. */
export interface GitOutput {
  exitCode: number
  stdout: string
  stderr: string
}

/** Options for one git invocation. */
export interface GitOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Bytes written to git's stdin. */
  input?: string
}

/**
 * An environment that keeps the machine's own git configuration (a global user.name, a system
 * credential helper) out of fixtures, so they look like a fresh runner's.
 */
export function isolatedGitEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    LANG: 'C',
    ...extra
  }
}

/** Runs git and resolves with its exit code and output; never rejects for a non-zero exit. */
export function tryGit(args: string[], options: GitOptions): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd: options.cwd, env: options.env ?? process.env, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error)
          return
        }
        resolve({ exitCode: error ? Number(error.code) : 0, stdout, stderr })
      }
    )
    if (options.input !== undefined) child.stdin?.end(options.input)
  })
}

/** Runs git and returns its stdout; rejects with git's stderr when it fails. */
export async function git(args: string[], options: GitOptions): Promise<string> {
  const out = await tryGit(args, options)
  if (out.exitCode !== 0) {
    throw new Error(`git ${args.join(' ')} failed (exit ${out.exitCode}) in ${options.cwd}: ${out.stderr.trim()}`)
  }
  return out.stdout
}
