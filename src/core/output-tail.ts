/**
 * Bounded views of process output: a byte ring buffer that keeps only the end of a stream, lenient
 * decoding of whatever bytes a tool printed, and the bounded failure text fed back to the agent.
 * A gate step may print gigabytes; nothing here ever holds more than its fixed budget.
 */
import type { StepResult } from './types.js'

/** Keeps the last `capacity` bytes pushed into it, in constant memory. */
export class OutputTail {
  private readonly ring: Buffer
  /** Index of the oldest kept byte in `ring`. */
  private start = 0
  private kept = 0
  private dropped = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0)
      throw new RangeError(`OutputTail capacity must be a non-negative integer, got ${capacity}`)
    this.ring = Buffer.alloc(capacity)
  }

  /** How many bytes were pushed but are no longer kept. */
  get truncatedBytes(): number {
    return this.dropped
  }

  /** Appends a chunk, dropping the oldest bytes beyond the capacity. */
  push(chunk: Buffer): void {
    const cap = this.capacity
    if (chunk.length === 0) return
    if (chunk.length >= cap) {
      this.dropped += this.kept + chunk.length - cap
      chunk.copy(this.ring, 0, chunk.length - cap)
      this.start = 0
      this.kept = cap
      return
    }
    const end = (this.start + this.kept) % cap
    const firstPart = Math.min(chunk.length, cap - end)
    chunk.copy(this.ring, end, 0, firstPart)
    if (firstPart < chunk.length) chunk.copy(this.ring, 0, firstPart)
    const overflow = this.kept + chunk.length - cap
    if (overflow > 0) {
      this.start = (this.start + overflow) % cap
      this.kept = cap
      this.dropped += overflow
    } else {
      this.kept += chunk.length
    }
  }

  /** The kept bytes, oldest first. */
  bytes(): Buffer {
    const head = this.ring.subarray(this.start, Math.min(this.start + this.kept, this.capacity))
    const wrapped = this.ring.subarray(0, this.kept - head.length)
    return Buffer.concat([head, wrapped])
  }

  /**
   * The kept output as readable text: decoded leniently, terminal escapes and control bytes removed,
   * and led by a note saying how many earlier bytes were omitted when any were.
   */
  text(): string {
    let bytes = this.bytes()
    let omitted = this.dropped
    if (omitted > 0) {
      // The cut may land inside a multi-byte character: drop its orphaned continuation bytes
      // rather than show a replacement character for a character we never had whole.
      let skip = 0
      while (skip < 3 && skip < bytes.length && (bytes[skip] & 0xc0) === 0x80) skip++
      bytes = bytes.subarray(skip)
      omitted += skip
    }
    const text = cleanTerminalText(new TextDecoder('utf-8', { fatal: false }).decode(bytes))
    return omitted > 0 ? `${omissionNote(omitted, 'bytes')}\n${text}` : text
  }
}

/* eslint-disable no-control-regex -- matching control characters is the point of these patterns */
/** CSI (colours, cursor moves), OSC (titles, hyperlinks; BEL- or ST-terminated), and two-byte escapes. */
const ANSI_ESCAPE = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?|\x1b[()*+][0-9A-Za-z]|\x1b[@-_=>]/g
/** C0 controls except \t and \n, DEL, and C1 controls (U+0080–U+009F, which include 8-bit CSI). */
const CONTROL_CHARS = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g
/* eslint-enable no-control-regex */

/**
 * Makes tool output safe and readable as plain text: strips ANSI escape sequences, NUL and other
 * control characters (keeping newlines and tabs); CRLF becomes LF.
 */
export function cleanTerminalText(text: string): string {
  return text.replace(ANSI_ESCAPE, '').replace(/\r\n/g, '\n').replace(CONTROL_CHARS, '')
}

function omissionNote(count: number, unit: 'bytes' | 'characters'): string {
  return `[... ${count} earlier ${unit} omitted ...]`
}

/**
 * The last `max` characters of `text` (the end is where a failure is reported), led by an omission
 * note that counts toward `max`; never splits a surrogate pair.
 */
export function keepEnd(text: string, max: number): string {
  if (text.length <= max) return text
  if (max <= 0) return ''
  // The note's own length depends on the count; the bound below is exact enough to stay under max.
  const note = `${omissionNote(text.length, 'characters')}\n`
  const room = max - note.length
  if (room <= 0) return dropLoneLowSurrogate(text.slice(text.length - max))
  const kept = dropLoneLowSurrogate(text.slice(text.length - room))
  return `${omissionNote(text.length - kept.length, 'characters')}\n${kept}`
}

function dropLoneLowSurrogate(text: string): string {
  const first = text.charCodeAt(0)
  return first >= 0xdc00 && first <= 0xdfff ? text.slice(1) : text
}

function failureHeader(step: StepResult): string {
  const title = step.policy ? step.name : `$ ${step.name}`
  let why: string
  if (step.timedOut) why = `timed out after ${Math.round(step.durationMs / 1000)}s`
  else if (step.missingTool) why = 'not installed'
  else if (step.exitCode !== null) why = `exit code ${step.exitCode}`
  else why = 'failed'
  return `${title}  (${why})`
}

/**
 * The failure text fed back to the agent: for each failed step a header (the step, and its exit
 * code, timeout or missing tool) and the end of its output. Each step's block is capped at
 * `perStep` characters and the whole at `total`, with the budget shared so that every failed
 * step is shown. Returns '' when no step failed.
 */
export function boundFailureText(steps: StepResult[], opts: { perStep: number; total: number }): string {
  const failed = steps.filter((step) => !step.ok)
  if (failed.length === 0) return ''
  const separator = '\n\n'
  const shared = Math.floor((opts.total - separator.length * (failed.length - 1)) / failed.length)
  const budget = Math.max(0, Math.min(opts.perStep, shared))
  const blocks = failed.map((step) => {
    // A very long step line must not crowd out the output that explains the failure.
    let header = failureHeader(step)
    const headerMax = Math.floor(budget / 2)
    if (header.length > headerMax) header = headerMax > 1 ? `${header.slice(0, headerMax - 1)}…` : ''
    const output = step.tail.trim() === '' ? '(no output)' : step.tail.replace(/\n+$/, '')
    const room = budget - header.length - 1
    return room > 0 ? `${header}\n${keepEnd(output, room)}` : header
  })
  const text = blocks.join(separator)
  return text.length <= opts.total ? text : text.slice(0, Math.max(0, opts.total))
}
