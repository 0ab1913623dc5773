/**
 * The failure signature: what a red gate says once the noise that differs between two runs of the
 * same failure is taken out. Two attempts whose gates fail with the same signature failed the same
 * way (the same failing steps, the same failure lines), so the agent is not converging.
 *
 * Normalised away: colours and control characters, timings (`12ms`, `1.3 s`, `Time: 0.5 s`,
 * `duration_ms: 4.2`), dates and clock times, hex hashes and addresses, absolute paths' directories
 * (a temporary checkout differs per run; the file's name stays), and every remaining number (line
 * and column numbers, counts, values). A changed message, test name, rule or file name is a
 * different failure. Pure: it reads only the gate's result.
 */
import type { GateResult, StepResult } from './types.js'

/** One failing step's normalised failure lines. */
export interface StepSignature {
  name: string
  lines: string[]
}

/** The signature of a red gate: its failing steps in order, each with its normalised lines. */
export type FailureSignature = StepSignature[]

/** The signature of a gate's failing steps; empty for a green gate. */
export function failureSignature(gate: GateResult): FailureSignature {
  return gate.steps.filter((step) => !step.ok).map(stepSignature)
}

/** True when both gates are red and failed the same way. */
export function sameFailure(a: GateResult, b: GateResult): boolean {
  if (a.ok || b.ok) return false
  return signatureKey(failureSignature(a)) === signatureKey(failureSignature(b))
}

/** A string that is equal for equal signatures. */
export function signatureKey(signature: FailureSignature): string {
  return JSON.stringify(signature)
}

function stepSignature(step: StepResult): StepSignature {
  const how = step.timedOut ? 'timed out' : step.missingTool ? 'missing tool' : `exit ${step.exitCode ?? 'killed'}`
  return { name: `${step.name} (${how})`, lines: normalisedLines(step.tail) }
}

// ANSI escapes (CSI and OSC) and the other control characters but tab.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-_]/g
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g
// ISO dates and clock times: 2024-05-01T12:00:00.123Z, 12:00:01, 12:00:01.234.
const DATE_TIME =
  /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b|\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g
// A number with a time unit: 12ms, 1.5 s, 3.02sec, 2 minutes, 400µs, (0.001s).
const TIMING = /\b\d+(?:\.\d+)?\s?(?:ns|µs|us|ms|s|sec|secs|seconds?|m|min|mins|minutes?|h)\b/gi
// Named durations: `duration_ms: 12.3`, `Time: 0.5`, `Duration 12`, `in 3.2`.
const NAMED_DURATION = /\b(duration(?:_ms)?|time|elapsed|took)(\s*[:=]?\s*)\d+(?:\.\d+)?/gi
// Hex: 0x7ffe..., commit hashes, uuids, content hashes of 7+ hex digits with at least one letter and one digit.
const HEX_PREFIXED = /\b0x[0-9a-f]+\b/gi
const HEX_LONG = /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,}\b/gi
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi
// An absolute path (POSIX, Windows or file://): its directories go, its last segment stays.
const ABSOLUTE_PATH = /(?:file:\/\/)?(?:[A-Za-z]:[\\/]|\/)(?:[^\s'"`:()[\]<>,;\\/]+[\\/])+(?=[^\s'"`:()[\]<>,;\\/])/g
const NUMBER = /\d+(?:\.\d+)?/g

/** Lines that only report progress or totals, not what failed. */
const NOISE = [
  /^\s*$/,
  /^#{0,2}\s*(?:duration|time|elapsed|ran|took|done in|finished in)\b/i,
  /^\s*(?:Ran all test suites|Snapshots:|Time:|Test Suites:|Tests:)\b/i, // jest's totals repeat the listed failures
  /^\s*\.{0,3}\s*\[?N%\]?\s*$/, // progress percentages
  /\s[.FEsxX]+\s*\[\s*N%\]$/ // pytest's progress dots: one per test, passing ones included
]

/** The step's output as comparable lines. The first line of a cut tail is partial and dropped. */
export function normalisedLines(tail: string): string[] {
  const raw = tail.replace(/\r\n?/g, '\n').split('\n')
  // A cut tail starts with the omission note, then a fragment whose cut point differs run to run.
  if (/^\[\.\.\. \d+ earlier (?:bytes|characters) omitted \.\.\.\]$/.test(raw[0] ?? '')) raw.splice(0, 2)
  const lines: string[] = []
  for (const line of raw) {
    const normal = normaliseLine(line)
    if (NOISE.some((re) => re.test(normal))) continue
    lines.push(normal)
  }
  return lines
}

/** One line with its run-to-run noise replaced by placeholders. */
export function normaliseLine(line: string): string {
  return line
    .replace(ANSI, '')
    .replace(CONTROL, '')
    .replace(DATE_TIME, '<time>')
    .replace(ABSOLUTE_PATH, '<path>/')
    .replace(UUID, '<hash>')
    .replace(HEX_PREFIXED, '<hash>')
    .replace(HEX_LONG, '<hash>')
    .replace(TIMING, '<time>')
    .replace(NAMED_DURATION, '$1$2<time>')
    .replace(NUMBER, 'N')
    .replace(/\s+/g, ' ')
    .trim()
}
