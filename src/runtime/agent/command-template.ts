/**
 * The agent command template (the seed's AGENT_CMD rule), split like a POSIX shell line but never
 * run by a shell. Kept apart from the runner so validating inputs loads no process code.
 */
import { parse } from 'shell-quote'

/** The placeholder a template uses to receive the prompt as a file instead of on stdin. */
export const PROMPT_FILE_PLACEHOLDER = '{prompt_file}'

/** A command template that cannot be run as given; the message says what to change. */
export class TemplateError extends Error {
  override name = 'TemplateError'
}

/**
 * Splits a command template into argv as a POSIX shell would (quotes, escapes), keeping `$VARS`
 * as literal text. Throws TemplateError for an empty template or one using shell syntax
 * (pipes, `&&`, `;`, redirections, globs, comments), because no shell will run it.
 */
export function splitCommandTemplate(template: string): string[] {
  // Returning the variable's own text keeps `$NAME` literal: nothing is expanded from our environment.
  const entries = parse(template, (name: string) => `$${name}`)
  const argv: string[] = []
  for (const entry of entries) {
    if (typeof entry === 'string') {
      argv.push(entry)
      continue
    }
    const what =
      'comment' in entry
        ? `a comment ('#${entry.comment}')`
        : entry.op === 'glob'
          ? `a glob ('${entry.pattern}')`
          : `the operator '${entry.op}'`
    throw new TemplateError(
      `The agent command template uses ${what}, but it is not run by a shell: it is split into arguments and run directly. ` +
        'Put pipelines, redirections and other shell syntax in a script and make the template run that script (quote a literal * or #).'
    )
  }
  if (argv.length === 0) throw new TemplateError('The agent command template is empty: give the command that runs your agent CLI headless.')
  return argv
}
