/**
 * An agent (or gate step) that prints far faster than the runner reads the job log must not make
 * the action hold its output in memory: the log's pipe is slow, and whatever the log has not taken
 * yet must stay in the child's pipe (the child blocks), not in this process.
 */
import { Writable } from 'node:stream'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { runProcess, writeWithBackpressure } from '../../src/runtime/process/process-runner.js'
import { FencedLog } from '../../src/action/log.js'

const MB = 1024 * 1024
const PRINTED = 48 * MB

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'backpressure-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** A log pipe as slow as a busy runner's: it takes 64 KiB, then waits before taking more. */
function slowLog(): { stream: Writable; peakBuffered: () => number; received: () => number } {
  let peak = 0
  let received = 0
  const stream = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      received += chunk.length
      setTimeout(callback, 1)
    }
  })
  const original = stream.write.bind(stream)
  stream.write = ((data: string | Buffer, ...rest: unknown[]) => {
    const ok = (original as (d: string | Buffer, ...r: unknown[]) => boolean)(data, ...rest)
    peak = Math.max(peak, stream.writableLength)
    return ok
  }) as typeof stream.write
  return { stream, peakBuffered: () => peak, received: () => received }
}

const printer = ['-c', `head -c ${PRINTED} /dev/zero | tr '\\0' x`]

test('the output waits for a slow log: at most a few MB are ever buffered while 48 MB are printed', async () => {
  const log = slowLog()
  const fenced = new FencedLog(
    (text) => log.stream.write(text),
    (text) => writeWithBackpressure(log.stream, text)
  )
  const outcome = await runProcess({
    file: 'sh',
    args: printer,
    cwd: dir,
    env: { PATH: process.env.PATH },
    tailBytes: 1024,
    onOutput: fenced.output
  })
  fenced.unfence()
  await new Promise((resolve) => log.stream.end(resolve))
  expect(outcome.exitCode).toBe(0)
  expect(log.received()).toBeGreaterThanOrEqual(PRINTED)
  expect(log.peakBuffered()).toBeLessThan(2 * MB)
}, 120_000)

test('the control: a sink that ignores backpressure piles the output up in memory', async () => {
  const log = slowLog()
  const outcome = await runProcess({
    file: 'sh',
    args: printer,
    cwd: dir,
    env: { PATH: process.env.PATH },
    tailBytes: 1024,
    onOutput: (chunk) => {
      log.stream.write(chunk.toString('utf8'))
    }
  })
  expect(outcome.exitCode).toBe(0)
  expect(log.peakBuffered()).toBeGreaterThan(8 * MB)
  await new Promise((resolve) => log.stream.end(resolve))
}, 120_000)
