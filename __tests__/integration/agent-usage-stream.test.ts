/**
 * Usage spread over a whole run (opencode's one record per model step) survives what a bounded
 * tail of the output would lose: megabytes of tool output between the records, a line longer than
 * any buffer, and stderr written in the middle of a stdout line.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { AGENT_PRESETS } from '../../src/runtime/agent/agent-presets.js'
import { CommandAgent } from '../../src/runtime/agent/command-agent.js'
import { opencodeUsageTally, tallyAll } from '../../src/runtime/agent/usage-readers.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'agent-usage-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** One opencode step record, as `opencode run --format json` prints it (1.18.33). */
function step(input: number, output: number, cost: number): string {
  return JSON.stringify({
    type: 'step_finish',
    timestamp: 1796586481695,
    sessionID: 'ses_x',
    part: {
      type: 'step-finish',
      reason: 'tool-calls',
      tokens: { total: input + output, input, output, reasoning: 0, cache: { write: 0, read: 0 } },
      cost
    }
  })
}

// An agent that prints like opencode at its worst: a step, then 2 MB of tool output (one 1 MB line
// and many short ones), then a step whose line is cut in two by a write to stderr, then a last step.
const AGENT = `
const out = (s) => new Promise((resolve) => process.stdout.write(s, resolve))
const err = (s) => new Promise((resolve) => process.stderr.write(s, resolve))
const pause = () => new Promise((resolve) => setTimeout(resolve, 50))
const [first, second, third] = JSON.parse(process.argv[2])
await out(first + '\\n')
await out(JSON.stringify({ type: 'tool_use', part: { state: { output: 'x'.repeat(1024 * 1024) } } }) + '\\n')
for (let i = 0; i < 4000; i += 1) await out(JSON.stringify({ type: 'text', part: { text: 'line ' + i + ' '.repeat(200) } }) + '\\n')
await out(second.slice(0, 40))
await pause()
await err('! permission requested: bash (*); allowed\\n')
await pause()
await out(second.slice(40) + '\\n')
await out(third + '\\n')
`

test('an opencode run whose first step scrolled out of the tail, and whose second was cut by stderr, counts every step', async () => {
  const script = path.join(dir, 'agent.mjs')
  await writeFile(script, AGENT)
  const steps = [step(1000, 100, 0.5), step(2000, 200, 0.25), step(3000, 300, 0.125)]
  const chunks: Buffer[] = []
  const agent = new CommandAgent({
    template: `node ${script} '${JSON.stringify(steps)}'`,
    cwd: dir,
    env: { PATH: process.env.PATH },
    timeoutMs: 30_000,
    promptDir: path.join(dir, 'prompts'),
    onOutput: (chunk) => chunks.push(chunk),
    outputReaders: AGENT_PRESETS['opencode']
  })
  const run = await agent.run('do it', 1)
  expect(run.exitCode).toBe(0)
  expect(run.usage).toEqual({ inputTokens: 6000, outputTokens: 600, costUsd: 0.875 })

  // Positive controls: read from a 64 KiB tail, the first step is gone; read from the combined
  // output, the second step's line holds the stderr line and does not parse.
  const combined = Buffer.concat(chunks)
  expect(combined.length).toBeGreaterThan(1.5 * 1024 * 1024)
  expect(tallyAll(opencodeUsageTally(), combined.subarray(-64 * 1024).toString('utf8'))).not.toMatchObject({ inputTokens: 6000 })
  expect(tallyAll(opencodeUsageTally(), combined.toString('utf8'))).toEqual({ inputTokens: 4000, outputTokens: 400, costUsd: 0.625 })
}, 60_000)
