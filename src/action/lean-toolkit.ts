/**
 * The few toolkit calls the skip path needs (read an input, log a line, set an output, append to
 * the job summary), without loading `@actions/core`'s entry point.
 *
 * Why not `import * as core from '@actions/core'`: its core.js statically imports oidc-utils,
 * which imports @actions/http-client and with it undici, and platform.js, which imports
 * @actions/exec and @actions/io. Evaluating those is most of what an event that is not ours cost
 * (4.2x `node -e 0` in a clean environment). The package's `exports` map offers only that entry,
 * so the toolkit's own file-command, command and summary modules (which need only fs, os and
 * crypto) are imported by their path in the installed package: the output format, its random
 * delimiter and its injection check stay the toolkit's. Only `getInput` and `info` are re-stated
 * here (one environment read, one write, in core.js itself), as the toolkit does them.
 */
import { writeSync } from 'node:fs'
import os from 'node:os'
import { issueCommand } from '../../node_modules/@actions/core/lib/command.js'
import { issueFileCommand, prepareKeyValueMessage } from '../../node_modules/@actions/core/lib/file-command.js'
import { summary } from '../../node_modules/@actions/core/lib/summary.js'

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

/** `core.setOutput`: the GITHUB_OUTPUT file command, or the legacy stdout command without it. */
export function setOutput(name: string, value: string): void {
  if (process.env['GITHUB_OUTPUT']) {
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
    return
  }
  process.stdout.write(os.EOL)
  issueCommand('set-output', { name }, value)
}

/** `core.summary.addRaw(text, true).write()`. */
export async function appendSummary(text: string): Promise<void> {
  await summary.addRaw(text, true).write()
}
