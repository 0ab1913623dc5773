/**
 * Token usage and cost from what each preset's CLI prints in the mode its preset runs it in (the
 * pinned versions; samples of their real output are in the unit tests). Claude Code's reader lives
 * with its denials reader in agent-presets.ts, since both read its one JSON result.
 *
 * Most CLIs print their session's totals once, at the end: those readers take the output's bounded
 * tail and read the last such record. opencode prints usage per model step, spread over the whole
 * run: its reader is a tally fed every line of stdout as it arrives, in bounded memory.
 *
 * A reader trusts only records the CLI itself writes: in a JSON mode the model's own text is always
 * inside a JSON string, so a line that parses as a usage record came from the CLI; for the one
 * text-mode reader (Copilot) the CLI's own summary comes after anything the model wrote, and the
 * last one wins.
 */
import type { AgentUsage } from '../../core/types.js'

/** Reads usage from a CLI's stdout line by line as it arrives (see CommandAgent). */
export interface UsageTally {
  /** One line of stdout, without its newline; lines over the scanner's limit never arrive. */
  line(text: string): void
  /** The usage seen so far, or undefined when the CLI reported none. */
  usage(): AgentUsage | undefined
}

/** The value of a JSON line when it is an object whose `type` is `type`, else undefined. */
function jsonRecord(line: string, type: string): Record<string, unknown> | undefined {
  const text = line.trim()
  // Cheap checks first: most lines are not the record looked for.
  if (!text.startsWith('{') || !text.includes(`"${type}"`)) return undefined
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
    return (value as { type?: unknown }).type === type ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** The last line of `output`, read from the end, for which `read` gives a value. */
function lastOf<T>(output: string, read: (line: string) => T | undefined): T | undefined {
  let end = output.length
  while (end > 0) {
    const start = output.lastIndexOf('\n', end - 1)
    const found = read(output.slice(start + 1, end))
    if (found !== undefined) return found
    end = start < 0 ? 0 : start
  }
  return undefined
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}

/** Input and output counts as AgentUsage, leaving out what is missing; undefined when both are. */
function tokens(input: number | undefined, output: number | undefined): AgentUsage | undefined {
  if (input === undefined && output === undefined) return undefined
  return { ...(input === undefined ? {} : { inputTokens: input }), ...(output === undefined ? {} : { outputTokens: output }) }
}

/**
 * Codex (`codex exec --json`, 0.169.0): the session ends with
 * `{"type":"turn.completed","usage":{"input_tokens":…,"cached_input_tokens":…,"output_tokens":…,…}}`,
 * the session's running total (cached input is part of `input_tokens`, reasoning part of
 * `output_tokens`, as in OpenAI's API). A failed turn (`turn.failed`) carries none. No cost.
 */
export function parseCodexUsage(output: string): AgentUsage | undefined {
  return lastOf(output, (line) => {
    const usage = jsonRecord(line, 'turn.completed')?.usage
    return usage === undefined ? undefined : tokens(count(field(usage, 'input_tokens')), count(field(usage, 'output_tokens')))
  })
}

/**
 * Gemini CLI (`--output-format stream-json`, 0.61.0): the last line is
 * `{"type":"result",…,"stats":{"total_tokens":…,"input_tokens":…,"output_tokens":…,"cached":…,…}}`,
 * totals over every model the session called (the router's classifier included). `input_tokens`
 * includes cached input; `output_tokens` leaves out thinking, which Gemini bills as output and
 * which only `total_tokens` holds, so output is read as total minus input. No cost.
 */
export function parseGeminiUsage(output: string): AgentUsage | undefined {
  return lastOf(output, (line) => {
    const stats = jsonRecord(line, 'result')?.stats
    if (stats === undefined) return undefined
    const input = count(field(stats, 'input_tokens'))
    const out = count(field(stats, 'output_tokens'))
    const total = count(field(stats, 'total_tokens'))
    const withThoughts = input !== undefined && out !== undefined && total !== undefined && total - input >= out ? total - input : out
    return tokens(input, withThoughts)
  })
}

// Copilot CLI (1.0.102) ends a non-interactive run with a summary on stderr, e.g.
//   Tokens     ↑ 375.4k • ↓ 23.7k
//   Tokens     ↑ 1.5k (603 cached) • ↓ 273 (93 reasoning)
// cached input and reasoning included in the counts, which are rounded to a tenth of a thousand
// (or million) past 999. Its JSON mode (`--output-format json`) reports no tokens at all, so the
// preset keeps the text mode.
const COPILOT_TOKENS = /^\s*Tokens\s+↑\s*([\d.,]+)\s*([kmb]?)(?:\s*\([^)]*\))?\s*•\s*↓\s*([\d.,]+)\s*([kmb]?)(?:\s*\([^)]*\))?\s*$/i
const SCALE: Record<string, number> = { '': 1, k: 1e3, m: 1e6, b: 1e9 }

/** A count as Copilot prints it (`300`, `1,234`, `375.4k`, `1.2m`), and whether it was rounded. */
function copilotCount(digits: string, suffix: string): { value: number; rounded: boolean } | undefined {
  const value = Number(digits.replaceAll(',', ''))
  const scale = SCALE[suffix.toLowerCase()]
  if (!Number.isFinite(value) || scale === undefined) return undefined
  return { value: Math.round(value * scale), rounded: scale > 1 }
}

/**
 * Copilot CLI's token summary (the last `Tokens ↑ … • ↓ …` line). Past 999 Copilot prints counts
 * rounded (`375.4k`): such a reading is marked approximate. Copilot bills in premium requests, not
 * dollars: no cost.
 */
export function parseCopilotUsage(output: string): AgentUsage | undefined {
  return lastOf(output, (line) => {
    const match = COPILOT_TOKENS.exec(line)
    if (!match) return undefined
    const input = copilotCount(match[1] as string, match[2] as string)
    const out = copilotCount(match[3] as string, match[4] as string)
    if (!input || !out) return undefined
    return { inputTokens: input.value, outputTokens: out.value, ...(input.rounded || out.rounded ? { approximate: true } : {}) }
  })
}

/**
 * opencode (`opencode run --format json`, 1.18.33): one
 * `{"type":"step_finish",…,"part":{…,"tokens":{"input":…,"output":…,"reasoning":…,"cache":{"read":…,"write":…}},"cost":…}}`
 * per model step, each for that step alone: the run's usage is their sum. Cached input counts as
 * input and reasoning as output (both are billed so). `cost` is US dollars at the model's price in
 * opencode's catalogue; a model with no price there costs 0, so a total of 0 is reported as no cost.
 * opencode's side requests (the session title) are not in any step, so not in the total.
 */
export function opencodeUsageTally(): UsageTally {
  let steps = 0
  let input = 0
  let output = 0
  let cost = 0
  return {
    line(text) {
      const part = jsonRecord(text, 'step_finish')?.part
      const stepTokens = field(part, 'tokens')
      if (stepTokens === undefined) return
      steps += 1
      const cache = field(stepTokens, 'cache')
      input += (count(field(stepTokens, 'input')) ?? 0) + (count(field(cache, 'read')) ?? 0) + (count(field(cache, 'write')) ?? 0)
      output += (count(field(stepTokens, 'output')) ?? 0) + (count(field(stepTokens, 'reasoning')) ?? 0)
      cost += count(field(part, 'cost')) ?? 0
    },
    usage() {
      if (steps === 0) return undefined
      return { inputTokens: input, outputTokens: output, ...(cost > 0 ? { costUsd: cost } : {}) }
    }
  }
}

/** Feeds every line of `output` to a fresh tally: for tests and for output already in hand. */
export function tallyAll(tally: UsageTally, output: string): AgentUsage | undefined {
  for (const line of output.split('\n')) tally.line(line)
  return tally.usage()
}
