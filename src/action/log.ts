import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import type { Reporter } from '../core/types.js'
import { writeWithBackpressure } from '../runtime/process/process-runner.js'

/**
 * The job log. Output of the agent and the gate is untrusted: a line such as `::add-mask::` or
 * `::set-output` in it must not act as a workflow command. While a process streams, the log is
 * fenced with `::stop-commands::<token>`; the action's own lines end the fence first.
 */
export class FencedLog implements Reporter {
  private fenced = false
  private endsWithNewline = true
  private readonly token = randomUUID().replace(/-/g, '')

  /**
   * `write` writes to the log (process.stdout by default); `streamOutput` streams process output
   * (`write` when given, else process.stdout with its backpressure: a promise that holds the
   * process's output back until the log has taken it).
   */
  private readonly write: (text: string) => void
  private readonly streamOutput: (text: string) => void | Promise<void>

  constructor(write?: (text: string) => void, streamOutput?: (text: string) => void | Promise<void>) {
    this.write = write ?? ((text) => process.stdout.write(text))
    this.streamOutput = streamOutput ?? write ?? ((text) => writeWithBackpressure(process.stdout, text))
  }

  /**
   * Streams untrusted process output, fenced. While the runner's log pipe is full the returned
   * promise holds the process back, so an agent printing gigabytes never piles them up in memory.
   */
  readonly output = (chunk: Buffer): void | Promise<void> => {
    if (chunk.length === 0) return
    if (!this.fenced) {
      this.write(`::stop-commands::${this.token}\n`)
      this.fenced = true
    }
    this.endsWithNewline = chunk[chunk.length - 1] === 0x0a
    return this.streamOutput(chunk.toString('utf8'))
  }

  /** Ends the fence, so the next line can be a workflow command again. */
  unfence(): void {
    if (!this.fenced) return
    if (!this.endsWithNewline) this.write('\n')
    this.write(`::${this.token}::\n`)
    this.fenced = false
    this.endsWithNewline = true
  }

  /** Prints text that may hold untrusted words (issue titles, step names) without letting it issue commands. */
  untrusted(text: string): void {
    this.unfence()
    this.write(`::stop-commands::${this.token}\n${text.endsWith('\n') ? text : `${text}\n`}::${this.token}::\n`)
  }

  info(message: string): void {
    this.untrusted(message)
  }

  warning(message: string): void {
    this.unfence()
    core.warning(message)
  }

  startGroup(name: string): void {
    this.unfence()
    core.startGroup(name.replace(/[\r\n]+/g, ' '))
  }

  endGroup(): void {
    this.unfence()
    core.endGroup()
  }
}
