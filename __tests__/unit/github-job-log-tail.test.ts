import { describe, expect, it } from '@jest/globals'
import { cleanJobLogText, tailJobLog } from '../../src/github/job-log-tail.js'

async function* chunksOf(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part)
}

describe('tailJobLog', () => {
  it('keeps a short log whole, without the BOM, timestamps or colour codes', async () => {
    const log =
      '\uFEFF2024-05-01T12:00:00.1234567Z ##[group]Run npm test\n2024-05-01T12:00:01.0000000Z \x1b[31mFAIL\x1b[0m src/a.test.ts\n2024-05-01T12:00:02Z done\n'
    const tail = await tailJobLog(chunksOf(log.slice(0, 20), log.slice(20)), 10_000)
    expect(tail.text).toBe('##[group]Run npm test\nFAIL src/a.test.ts\ndone\n')
    expect(tail.truncatedBytes).toBe(0)
    expect(tail.totalBytes).toBe(Buffer.byteLength(log))
  })

  it('keeps only the end of a long log, dropping the cut first line and saying how much was omitted', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `2024-05-01T12:00:00.0000000Z line ${i}\n`)
    const tail = await tailJobLog(chunksOf(...lines), 100)
    const shown = tail.text.split('\n')
    expect(shown[0]).toMatch(/^\[\.\.\. \d+ earlier bytes omitted \.\.\.\]$/)
    // The last 100 bytes are the end of line 997 (a fragment, dropped) and lines 998 and 999.
    expect(shown.slice(1)).toEqual(['line 998', 'line 999', ''])
    expect(tail.totalBytes).toBe(lines.join('').length)
    expect(tail.truncatedBytes).toBe(tail.totalBytes - 100)
  })

  it('reads a 512 MB log with memory bounded by maxBytes, not by the log', async () => {
    const line = (i: number): string => `2024-05-01T12:00:00Z chunk ${String(i).padStart(3, '0')} ...\n`
    const chunkSize = line(0).length * 30_000
    const chunks = 512
    let peakExternal = 0
    async function* bigLog(): AsyncIterable<Uint8Array> {
      for (let i = 0; i < chunks; i++) {
        // A fresh buffer each time, as a network stream gives: retaining them would cost 512 MB.
        const chunk = Buffer.alloc(chunkSize, line(i))
        if (i % 32 === 0) peakExternal = Math.max(peakExternal, process.memoryUsage().arrayBuffers)
        yield chunk
      }
      yield Buffer.from('2024-05-01T12:00:00Z Error: the last line\n')
    }
    const tail = await tailJobLog(bigLog(), 64 * 1024)
    expect(tail.totalBytes).toBe(chunkSize * chunks + Buffer.byteLength('2024-05-01T12:00:00Z Error: the last line\n'))
    expect(tail.text).toMatch(/\nchunk 511 \.\.\.\nError: the last line\n$/)
    expect(tail.text).not.toMatch(/chunk 510 /)
    expect(peakExternal).toBeLessThan(256 * 1024 * 1024)
  })
})

describe('cleanJobLogText', () => {
  it('leaves a line that merely contains a date alone', () => {
    expect(cleanJobLogText('released 2024-05-01T12:00:00Z\n', false)).toBe('released 2024-05-01T12:00:00Z\n')
  })
})
