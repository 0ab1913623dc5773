/**
 * The end of a GitHub Actions job log, read from a stream in bounded memory. A failing job's log
 * can run to hundreds of megabytes; the failure is at the end, so only the last bytes are kept.
 */
import { OutputTail } from '../core/output-tail.js'

/** The kept end of a job log. */
export interface JobLogTail {
  /** Readable text: no ANSI codes, no per-line timestamps, no partial first line. */
  text: string
  /** Bytes the log had in all. */
  totalBytes: number
  /** Bytes before the kept end that were dropped. */
  truncatedBytes: number
}

/**
 * Reads a log stream to its end keeping only the last `maxBytes` (a fixed ring buffer, so memory
 * does not grow with the log), then cleans the text. The text is untrusted: a caller echoing it to
 * the runner's log must stop workflow commands first.
 */
export async function tailJobLog(chunks: AsyncIterable<Uint8Array>, maxBytes: number): Promise<JobLogTail> {
  const tail = new OutputTail(maxBytes)
  let totalBytes = 0
  for await (const chunk of chunks) {
    totalBytes += chunk.byteLength
    tail.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
  }
  return { text: cleanJobLogText(tail.text(), tail.truncatedBytes > 0), totalBytes, truncatedBytes: tail.truncatedBytes }
}

/** Runner logs start every line with an ISO-8601 timestamp (`2024-05-01T12:00:00.1234567Z `). */
const LINE_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?/gm

/**
 * Strips the byte-order mark and each line's timestamp. When the start was cut, the first line
 * after the omission note is a fragment (maybe of a timestamp): it is dropped.
 */
export function cleanJobLogText(text: string, truncated: boolean): string {
  let cleaned = text.replace(/^\uFEFF/, '')
  if (truncated) {
    const lines = cleaned.split('\n')
    // lines[0] is OutputTail's omission note; lines[1] starts mid-line.
    if (lines.length > 2) cleaned = [lines[0], ...lines.slice(2)].join('\n')
  }
  return cleaned.replace(LINE_TIMESTAMP, '')
}
