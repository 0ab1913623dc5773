/**
 * The few toolkit calls the skip path needs (read an input, log a line, set an output, append to
 * the job summary), without loading `@actions/core`.
 *
 * Why not `import * as core from '@actions/core'`: its core.js statically imports oidc-utils,
 * which imports @actions/http-client and with it undici, and platform.js, which imports
 * @actions/exec and @actions/io. Evaluating those is most of what an event that is not ours cost
 * (4.2x `node -e 0` in a clean environment). Even the toolkit's own file-command module costs the
 * skip path a fifth of node's start-up, for `node:crypto` (its random heredoc delimiter), and its
 * summary module another tenth, for `fs/promises` and its HTML builder.
 *
 * So the skip path writes what GitHub documents directly: an output whose value is one line is the
 * file command's plain `name=value` line (the runner takes the first `=` as the separator, and the
 * names are ours), and the summary is text appended to its file. A value with a line break goes
 * through the toolkit's own `prepareKeyValueMessage` (delimiter and injection check), loaded only
 * then. Nothing else in the action uses this module's writers: the rest of the action loads
 * `@actions/core` itself.
 */
import { appendFileSync, writeSync } from 'node:fs'
import os from 'node:os'

/** `core.getInput(name)`: the `INPUT_*` variable the runner sets, trimmed; '' when absent. */
export function getInput(name: string, options: { trimWhitespace?: boolean } = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || ''
  return options.trimWhitespace === false ? value : value.trim()
}

/**
 * `core.info` (`process.stdout.write(message + EOL)`) for the skip path's one line, written straight
 * to fd 1: creating `process.stdout` on the runner's pipe loads node's net and stream modules,
 * about 3 ms (an eighth of `node -e 0`) for one line. Only for use before anything else wrote to
 * stdout (nothing is buffered in `process.stdout` yet, so the order holds).
 */
export function info(message: string): void {
  writeSync(1, message + os.EOL)
}

/**
 * `core.setOutput` for each entry: one-line values as `name=value` lines of the GITHUB_OUTPUT
 * file, any other through the toolkit's heredoc form; without GITHUB_OUTPUT (a runner older than
 * the file commands), the toolkit's legacy stdout command.
 */
export async function setOutputs(outputs: Record<string, string>): Promise<void> {
  const file = process.env['GITHUB_OUTPUT']
  const entries = Object.entries(outputs)
  if (file && entries.every(([, value]) => !/[\r\n]/.test(value))) {
    appendFileSync(file, entries.map(([name, value]) => `${name}=${value}${os.EOL}`).join(''), { encoding: 'utf8' })
    return
  }
  const core = await import('@actions/core')
  for (const [name, value] of entries) core.setOutput(name, value)
}

/** `core.summary.addRaw(text, true).write()`: the text and a line break appended to the job summary. */
export function appendSummary(text: string): void {
  const file = process.env['GITHUB_STEP_SUMMARY']
  if (file) appendFileSync(file, text + os.EOL, { encoding: 'utf8' })
}
