/**
 * The usage readers on real output of the pinned CLIs, captured in their presets' modes against the
 * fake model (fixtures/agent-output/README.md says how), plus what a hostile model or a huge output
 * does to them.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { LineScanner } from '../../src/core/line-scanner.js'
import { AGENT_PRESETS, parseClaudeUsage } from '../../src/runtime/agent/agent-presets.js'
import {
  opencodeUsageTally,
  parseCodexUsage,
  parseCopilotUsage,
  parseGeminiUsage,
  tallyAll
} from '../../src/runtime/agent/usage-readers.js'

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'agent-output')
const sample = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8')

// What the fake reported on its turns n = 0, 1, 2, 3 (the README): input 500 + 10n (200 + n of it
// cached), output 90 + n (30 + n of it reasoning). Which turns a CLI counts is its own affair.
const turn = (n: number): { input: number; output: number } => ({ input: 500 + 10 * n, output: 90 + n })
const sum = (...turns: number[]): { inputTokens: number; outputTokens: number } => ({
  inputTokens: turns.reduce((s, n) => s + turn(n).input, 0),
  outputTokens: turns.reduce((s, n) => s + turn(n).output, 0)
})

describe('usage from each CLI as its preset runs it (real output, fake model)', () => {
  it('claude-code: its JSON result, cached input counted as input, with its cost', () => {
    // Turns 0-2 (read, write, final); the cached 603 arrive as cache_read_input_tokens.
    expect(parseClaudeUsage(sample('claude-code-json.txt'))).toEqual({ ...sum(0, 1, 2), costUsd: 0.0117615 })
  })

  it('codex: the last turn.completed of `--json`, cached input and reasoning included', () => {
    expect(parseCodexUsage(sample('codex-json.txt'))).toEqual(sum(0, 1, 2))
  })

  it('gemini: the stream-json result, the router turn included, thinking counted as output', () => {
    // Gemini's own output_tokens (240) leaves out the 126 thinking tokens it bills as output.
    expect(parseGeminiUsage(sample('gemini-stream.txt'))).toEqual(sum(0, 1, 2, 3))
  })

  it('opencode: the sum of every step_finish of `--format json` (its title request is in none)', () => {
    expect(tallyAll(opencodeUsageTally(), sample('opencode-json.txt'))).toEqual(sum(1, 2, 3))
  })

  it('copilot: the closing summary, rounded counts marked approximate', () => {
    // `↑ 1.5k (603 cached) • ↓ 273 (93 reasoning)`: 1530 printed as 1.5k.
    expect(parseCopilotUsage(sample('copilot-plain.txt'))).toEqual({ inputTokens: 1500, outputTokens: 273, approximate: true })
    expect(parseCopilotUsage('Tokens     ↑ 300 • ↓ 60\n')).toEqual({ inputTokens: 300, outputTokens: 60 })
    expect(parseCopilotUsage('Tokens     ↑ 375.4k • ↓ 23.7k\nResume     copilot --resume=x\n')).toEqual({
      inputTokens: 375_400,
      outputTokens: 23_700,
      approximate: true
    })
    expect(parseCopilotUsage('Tokens     ↑ 1.2m • ↓ 1,234\n')).toEqual({ inputTokens: 1_200_000, outputTokens: 1234, approximate: true })
  })

  it('each preset reads its usage with these readers', () => {
    expect(AGENT_PRESETS['codex']?.parseUsage?.(sample('codex-json.txt'))).toEqual(sum(0, 1, 2))
    expect(AGENT_PRESETS['gemini']?.parseUsage?.(sample('gemini-stream.txt'))).toEqual(sum(0, 1, 2, 3))
    expect(AGENT_PRESETS['copilot']?.parseUsage?.(sample('copilot-plain.txt'))).toMatchObject({ outputTokens: 273 })
    const tally = AGENT_PRESETS['opencode']?.tallyUsage?.()
    expect(tally && tallyAll(tally, sample('opencode-json.txt'))).toEqual(sum(1, 2, 3))
  })

  it('output without a usage record (a plain-mode command, a killed run) reports none, not zero', () => {
    const plain = 'Updated greeting.txt.\n'
    expect(parseCodexUsage(plain)).toBeUndefined()
    expect(parseGeminiUsage(plain)).toBeUndefined()
    expect(parseCopilotUsage(plain)).toBeUndefined()
    expect(tallyAll(opencodeUsageTally(), plain)).toBeUndefined()
    // Codex killed mid-run: events, no turn.completed.
    const cut = sample('codex-json.txt').split('\n').slice(0, 4).join('\n')
    expect(parseCodexUsage(cut)).toBeUndefined()
  })

  it('opencode: cost is summed in dollars; a model without a price (cost 0 throughout) reports no cost', () => {
    const step = (cost: number): string =>
      JSON.stringify({ type: 'step_finish', part: { tokens: { input: 10, output: 2, reasoning: 1, cache: { read: 5, write: 1 } }, cost } })
    expect(tallyAll(opencodeUsageTally(), [step(0.25), step(0.125)].join('\n'))).toEqual({
      inputTokens: 32,
      outputTokens: 6,
      costUsd: 0.375
    })
    expect(tallyAll(opencodeUsageTally(), step(0))).toEqual({ inputTokens: 16, outputTokens: 3 })
  })
})

describe('a model that writes usage records of its own', () => {
  const spoof = '{"type":"turn.completed","usage":{"input_tokens":1,"output_tokens":1}}'

  it('codex: a message holding a turn.completed line is inside a JSON string; the CLI’s own record wins', () => {
    const real = sample('codex-json.txt').trimEnd().split('\n')
    const message = JSON.stringify({ type: 'item.completed', item: { id: 'item_9', type: 'agent_message', text: `done\n${spoof}\n` } })
    // The model's message comes before the CLI's closing record, as it always does.
    const output = [...real.slice(0, -1), message, real.at(-1)].join('\n')
    expect(parseCodexUsage(output)).toEqual(sum(0, 1, 2))
  })

  it('copilot: a summary line in the model’s final text comes before the CLI’s own, which wins', () => {
    const text = sample('copilot-plain.txt').replace('Updated greeting.txt.', 'Updated greeting.txt.\nTokens     ↑ 1 • ↓ 1')
    expect(text).toContain('Tokens     ↑ 1 • ↓ 1')
    expect(parseCopilotUsage(text)).toMatchObject({ inputTokens: 1500, outputTokens: 273 })
  })

  it('opencode: a step_finish the model wrote is text inside a text part, never a line of its own', () => {
    const fake = JSON.stringify({ type: 'step_finish', part: { tokens: { input: 1e9, output: 1e9 }, cost: 1e6 } })
    const textPart = JSON.stringify({ type: 'text', part: { type: 'text', text: `\n${fake}\n` } })
    expect(tallyAll(opencodeUsageTally(), `${sample('opencode-json.txt')}\n${textPart}\n`)).toEqual(sum(1, 2, 3))
  })
})

describe('LineScanner: whole lines in bounded memory', () => {
  it('joins lines split across chunks and hands over a last line without a newline', () => {
    const lines: string[] = []
    const scanner = new LineScanner((line) => lines.push(line))
    for (const piece of ['{"a"', ':1}\n{"b":2}\r\n', '', 'tail']) scanner.push(Buffer.from(piece))
    scanner.end()
    expect(lines).toEqual(['{"a":1}', '{"b":2}', 'tail'])
  })

  it('keeps a multi-byte character split across chunks whole', () => {
    const lines: string[] = []
    const scanner = new LineScanner((line) => lines.push(line))
    const bytes = Buffer.from('Tokens ↑ 3 • ↓ 4\n')
    for (let i = 0; i < bytes.length; i += 1) scanner.push(bytes.subarray(i, i + 1))
    expect(lines).toEqual(['Tokens ↑ 3 • ↓ 4'])
  })

  it('skips a line longer than its limit without gathering it, and reads the lines after it', () => {
    const lines: string[] = []
    const scanner = new LineScanner((line) => lines.push(line), 1024)
    scanner.push(Buffer.from('before\n'))
    // 8 MB of one line, in 64 KiB chunks: the scanner never holds more than its limit.
    const chunk = Buffer.alloc(64 * 1024, 'x')
    for (let i = 0; i < 128; i += 1) {
      scanner.push(chunk)
      expect((scanner as unknown as { length: number }).length).toBeLessThanOrEqual(1024)
    }
    scanner.push(Buffer.from('\nafter\n'))
    scanner.end()
    expect(lines).toEqual(['before', 'after'])
  })
})
