/**
 * Parsers for user-supplied values, shared by the action's inputs and the CLI's flags, so both
 * front-ends refuse the same bad values with the same words.
 */

/** A value the user gave that cannot be used: the message names the input, the value and the fix. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    readonly value: string,
    accepted: string
  ) {
    super(`${input} is ${JSON.stringify(value)}: ${accepted}`)
    this.name = 'InputError'
  }
}

/** Parses a whole number within [min, max]; `1.5`, `abc`, `-1` and `` are refused. */
export function parseWholeNumber(input: string, value: string, min: number, max: number): number {
  const trimmed = value.trim()
  if (!/^[0-9]+$/.test(trimmed)) {
    throw new InputError(input, value, `expected a whole number from ${min} to ${max}.`)
  }
  const n = Number(trimmed)
  if (n < min || n > max) {
    throw new InputError(input, value, `expected a whole number from ${min} to ${max}.`)
  }
  return n
}

/** Parses a positive duration in minutes; fractions are allowed (0.5 is thirty seconds). */
export function parseMinutes(input: string, value: string, max: number): number {
  const trimmed = value.trim()
  const n = Number(trimmed)
  if (!/^[0-9]*\.?[0-9]+$/.test(trimmed) || !(n > 0) || n > max) {
    throw new InputError(input, value, `expected a number of minutes above 0 and at most ${max}, such as 30 or 0.5.`)
  }
  return n
}

/** The largest budgets accepted (max-agent-minutes, max-cost-usd): an extra zero or two is caught, a real budget fits. */
export const MAX_BUDGET_MINUTES = 1440
export const MAX_BUDGET_USD = 1000

/** Parses an amount of US dollars above 0, such as 5 or 0.50 (no currency sign). */
export function parseDollars(input: string, value: string, max: number): number {
  const trimmed = value.trim()
  const n = Number(trimmed)
  if (!/^[0-9]*\.?[0-9]+$/.test(trimmed) || !(n > 0) || n > max) {
    throw new InputError(input, value, `expected an amount of US dollars above 0 and at most ${max}, such as 5 or 0.50, without a $ sign.`)
  }
  return n
}

/** Parses one of a fixed set of words. */
export function parseChoice<T extends string>(input: string, value: string, choices: readonly T[]): T {
  const trimmed = value.trim() as T
  if (!choices.includes(trimmed)) {
    throw new InputError(input, value, `expected one of ${choices.join(', ')}.`)
  }
  return trimmed
}

/** Parses a boolean the way workflow authors write them (true/false, any case). */
export function parseBoolean(input: string, value: string): boolean {
  const v = value.trim().toLowerCase()
  if (v === 'true') return true
  if (v === 'false' || v === '') return false
  throw new InputError(input, value, 'expected true or false.')
}

/** Splits a list written one item a line or comma separated; blank items are dropped. */
export function parseList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** Splits a list written one item a line (items may contain commas, e.g. globs with braces). */
export function parseLines(value: string): string[] {
  return value
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !s.startsWith('#'))
}
