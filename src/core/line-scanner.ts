/**
 * Splits a byte stream into lines in bounded memory: a line longer than the limit is skipped whole
 * (its bytes are dropped as they arrive, never gathered), so an agent printing 600 MB without a
 * newline costs at most `maxLineBytes`. Lines are handed over as they complete, decoded as UTF-8.
 */

/** Lines longer than this are skipped unless told otherwise. */
export const DEFAULT_MAX_LINE_BYTES = 64 * 1024

/** Feeds each complete line of a byte stream to `onLine`, skipping lines over `maxLineBytes`. */
export class LineScanner {
  private parts: Buffer[] = []
  private length = 0
  private overlong = false

  constructor(
    private readonly onLine: (line: string) => void,
    private readonly maxLineBytes = DEFAULT_MAX_LINE_BYTES
  ) {}

  /** Takes the next chunk of the stream. */
  push(chunk: Buffer): void {
    let from = 0
    while (from < chunk.length) {
      const newline = chunk.indexOf(0x0a, from)
      const end = newline < 0 ? chunk.length : newline
      this.keep(chunk.subarray(from, end))
      if (newline < 0) return
      this.emit()
      from = newline + 1
    }
  }

  /** Ends the stream: a last line without a newline is handed over too. */
  end(): void {
    if (this.length > 0 || this.overlong) this.emit()
  }

  private keep(piece: Buffer): void {
    if (piece.length === 0 || this.overlong) return
    if (this.length + piece.length > this.maxLineBytes) {
      this.overlong = true
      this.parts = []
      this.length = 0
      return
    }
    // A copy: the caller may reuse the chunk's memory.
    this.parts.push(Buffer.from(piece))
    this.length += piece.length
  }

  private emit(): void {
    const skipped = this.overlong
    const line = skipped ? '' : Buffer.concat(this.parts, this.length).toString('utf8')
    this.parts = []
    this.length = 0
    this.overlong = false
    if (!skipped) this.onLine(line.endsWith('\r') ? line.slice(0, -1) : line)
  }
}
