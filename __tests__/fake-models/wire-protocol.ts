/** What each wire protocol module tells the fake server, so the server itself stays protocol-blind. */
import type { ToolCall } from './tool-dialects.js'

/** The model's answer to one request. */
export type Reply = { kind: 'tool'; call: ToolCall; callId: string } | { kind: 'text'; text: string }

/** An HTTP answer, written in one go (SSE bodies included: CLIs parse them as they arrive either way). */
export interface WireAnswer {
  status: number
  contentType: string
  body: string
}

/** One wire protocol: how to read a request and how to write a reply in it. */
export interface WireProtocol {
  /** True for requests that are model turns (main or side); anything else goes to `answerOther`. */
  isTurn(method: string, url: URL): boolean
  /** Probes, token counts and the like; undefined for a 404. */
  answerOther(method: string, url: URL, body: unknown): WireAnswer | undefined
  /** Names of the tools the request offers the model. */
  toolNames(body: unknown): string[]
  /** Tool calls the conversation already holds: the step index within the session. */
  priorToolCalls(body: unknown): number
  /** The text of the conversation's opening user turn (instructions the CLI adds included). */
  firstPrompt(body: unknown): string
  /** The JSON schema the request demands its answer follow, if any. */
  responseSchema(body: unknown): unknown
  /** Writes a reply, streamed when the request asked for a stream, reporting `usage` as the provider would. */
  answer(reply: Reply, url: URL, body: unknown, usage: TokenUsage): WireAnswer
}

/** A plain-object view of a parsed JSON value, for protocol code reading loosely typed bodies. */
export function obj(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** An array view of a parsed JSON value. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** Server-sent events, `event:` lines included when a name is given. */
export function sse(events: Array<{ event?: string; data: unknown }>): string {
  return events
    .map(({ event, data }) => `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`)
    .join('')
}

/** A JSON answer. */
export function json(data: unknown, status = 200): WireAnswer {
  return { status, contentType: 'application/json', body: JSON.stringify(data) }
}

/** An SSE answer. */
export function stream(body: string): WireAnswer {
  return { status: 200, contentType: 'text/event-stream', body }
}

/** Text of message content that is either a string or a list of typed parts with `text`. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content
  return arr(content)
    .map((part) => {
      const p = obj(part)
      return typeof p.text === 'string' ? p.text : ''
    })
    .join('\n')
}

/**
 * The token counts one model turn reports, each protocol writing them in its own fields and its own
 * way: `input` is every prompt token, `cached` of them included; `output` every generated token,
 * `reasoning` of them included (OpenAI's way; Anthropic leaves cached reads out of `input_tokens`,
 * Gemini leaves thoughts out of `candidatesTokenCount`).
 */
export interface TokenUsage {
  input: number
  output: number
  cached?: number
  reasoning?: number
}

/** Token counts every fake reports unless told otherwise: fixed, so a test can check the CLI's usage report. */
export const FAKE_USAGE: TokenUsage = { input: 100, output: 20 }
