/**
 * What every bench needs to run a command and check its prerequisites. Lives in bench/lib/ so
 * bench/run.mjs, which runs each bench/*.mjs, does not take it for a bench.
 */
import { spawn } from 'node:child_process'
import { access } from 'node:fs/promises'
import path from 'node:path'

/** GNU time, which reads a process's peak RSS (`-f %M`). */
export const TIME = '/usr/bin/time'

/**
 * Runs a command; resolves with its exit code, wall seconds, the end of stderr, and stdout when
 * `keepStdout` (else stdout is discarded, so a bench of huge output measures only the product;
 * `drainStdout` reads it through a pipe, as the runner does, keeping only its end).
 */
export function run(file, args, { cwd, env, keepStdout = false, drainStdout = false } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const child = spawn(file, args, { cwd, env, stdio: ['ignore', keepStdout || drainStdout ? 'pipe' : 'ignore', 'pipe'] })
    let stdout = ''
    let stderr = ''
    // drainStdout: a pipe read as a runner reads the log, and thrown away (only its end is kept).
    if (drainStdout)
      child.stdout.on('data', (chunk) => (stdout = (stdout + chunk.toString('utf8', Math.max(0, chunk.length - 4000))).slice(-4000)))
    else child.stdout?.setEncoding('utf8').on('data', (text) => (stdout += text))
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr = (stderr + text).slice(-4000)))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, seconds: Number(process.hrtime.bigint() - started) / 1e9, stdout, stderr }))
  })
}

/** Whether a file exists. */
export async function exists(file) {
  return access(file).then(
    () => true,
    () => false
  )
}

/**
 * Says what is missing (the bundle, GNU time) and returns 2, the benches' "could not measure"
 * code; undefined when everything is there.
 */
export async function missingPrerequisite({ bundle, needsTime = false }) {
  if (bundle && !(await exists(bundle))) {
    console.error(`bench: ${path.relative(process.cwd(), bundle)} does not exist: run \`npm run bundle\` first.`)
    return 2
  }
  if (needsTime && !(await exists(TIME))) {
    console.error(`bench: ${TIME} (GNU time) is needed to read the peak RSS: apt-get install time.`)
    return 2
  }
  return undefined
}
