/**
 * A scripted fake model on 127.0.0.1 that real agent CLIs talk to instead of a provider.
 *
 * It runs inside the test process on an ephemeral port, so the CLI must be started with an async
 * spawn (never spawnSync/execSync: the server's event loop would block and the CLI would hang).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { anthropicMessages } from './anthropic-messages.js'
import { geminiGenerate } from './gemini-generate.js'
import { minimalJson } from './minimal-json.js'
import { openaiChat } from './openai-chat.js'
import { openaiResponses } from './openai-responses.js'
import { ScriptCursor, type Step } from './script.js'
import { SeekerCursor, type SeekerSession, type SeekOptions } from './seeker.js'
import { toolCallFor } from './tool-dialects.js'
import { FAKE_USAGE, type Reply, type TokenUsage, type WireAnswer, type WireProtocol } from './wire-protocol.js'

/** The wire protocols the fake speaks. */
export const WIRE_PROTOCOLS = {
  'anthropic-messages': anthropicMessages,
  'openai-responses': openaiResponses,
  'openai-chat': openaiChat,
  'gemini-generate': geminiGenerate
} satisfies Record<string, WireProtocol>

/** A wire protocol's name. */
export type WireProtocolName = keyof typeof WIRE_PROTOCOLS

/** How to start a fake. */
export interface FakeModelOptions {
  protocol: WireProtocolName
  /** The fixed steps; or, instead, `seek`: a model that acts only on what it has seen (see seeker.ts). */
  script?: readonly Step[]
  seek?: SeekOptions
  /** Relative step paths resolve against this directory (Claude Code wants absolute paths). */
  root?: string
  /**
   * The usage the fake reports on its `n`th model turn (0-based, side turns counted): FAKE_USAGE
   * unless told. Turns that differ catch a reader that keeps one turn or counts turns.
   */
  usage?: (n: number) => TokenUsage
}

/** One request the fake received, kept for assertions. */
export interface RecordedRequest {
  method: string
  /** Path and query, e.g. `/v1/messages?beta=true`. */
  url: string
  /** Request headers, lower-cased (e.g. to check which key the CLI sent). */
  headers: Record<string, string | string[] | undefined>
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown
  /**
   * `main`: a model turn that got a script step; `side`: a turn without the tools the step needs
   * (titles, classifiers), answered without moving the script; `other`: probes and the like.
   */
  role: 'main' | 'side' | 'other'
  /** The 0-based CLI run the request belongs to (main requests only). */
  session?: number
  /** The script step index it was answered with (main requests only). */
  step?: number
  /** The usage the answer reported (model turns only). */
  usage?: TokenUsage
}

/** A running fake model. */
export interface FakeModel {
  /** `http://127.0.0.1:PORT`, without any `/v1`. */
  url: string
  protocol: WireProtocolName
  requests: RecordedRequest[]
  /** Things a test should fail on: an exhausted script, unknown routes, bodies that are not JSON. */
  problems: string[]
  /** The opening user turn of each session, in order: e.g. attempt 2's prompt carries the gate failure. */
  sessionPrompts(): string[]
  /** Main requests of one session. */
  sessionRequests(session: number): RecordedRequest[]
  /** The usage reported over the turns `role` names (`main` and `side` both unless told). */
  usageSent(role?: 'main' | 'side'): TokenUsage
  /** With `seek`: what each session read, whether it found the token, how it ended. */
  seekerSessions(): SeekerSession[]
  close(): Promise<void>
}

/** Starts a scripted fake model on an ephemeral port of 127.0.0.1. */
export async function startFakeModel(options: FakeModelOptions): Promise<FakeModel> {
  const wire = WIRE_PROTOCOLS[options.protocol]
  const seeker = options.seek ? new SeekerCursor(options.seek) : undefined
  const cursor = new ScriptCursor(options.script ?? [])
  const requests: RecordedRequest[] = []
  const problems: string[] = []
  const prompts: string[] = []
  let callCounter = 0
  let turnCounter = 0

  const handle = (method: string, url: URL, headers: RecordedRequest['headers'], raw: string): WireAnswer => {
    let body: unknown = raw
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw)
      } catch {
        problems.push(`${method} ${url.pathname}: body is not JSON`)
      }
    }
    const record: RecordedRequest = { method, url: url.pathname + url.search, headers, body, role: 'other' }
    requests.push(record)
    if (!wire.isTurn(method, url)) {
      const other = wire.answerOther(method, url, body)
      if (other) return other
      problems.push(`unexpected request: ${method} ${url.pathname}`)
      return { status: 404, contentType: 'application/json', body: JSON.stringify({ error: { message: 'not found' } }) }
    }
    const tools = wire.toolNames(body)
    const usage = options.usage?.(turnCounter) ?? FAKE_USAGE
    turnCounter += 1
    record.usage = usage
    const position = seeker
      ? seeker.locate(wire.priorToolCalls(body), wire.firstPrompt(body), raw)
      : cursor.locate(wire.priorToolCalls(body), wire.firstPrompt(body))
    const step = position.step
    const call = step ? toolCallFor(step, tools, options.root) : undefined
    // Main means the request can carry the step: final answers need a tool-using turn, tool steps their tool.
    const isMain = tools.length > 0 && (step === undefined || step.kind === 'final' || call !== undefined)
    if (!isMain) {
      record.role = 'side'
      const schema = wire.responseSchema(body)
      const text = schema === undefined ? 'OK' : JSON.stringify(minimalJson(schema))
      return wire.answer({ kind: 'text', text }, url, body, usage)
    }
    if (seeker) seeker.commit(position as ReturnType<SeekerCursor['locate']>)
    else cursor.commit(position)
    Object.assign(record, { role: 'main', session: position.session, step: position.index })
    if (position.startsSession) prompts[position.session] = position.prompt
    let reply: Reply
    if (!step) {
      problems.push(`session ${position.session}: the CLI asked for a turn after the script's last step`)
      reply = { kind: 'text', text: 'The script has no more steps.' }
    } else if (call) {
      callCounter += 1
      reply = { kind: 'tool', call, callId: `call_fake_${callCounter}` }
    } else {
      reply = { kind: 'text', text: step.kind === 'final' ? step.text : '' }
    }
    return wire.answer(reply, url, body, usage)
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      let answer: WireAnswer
      try {
        answer = handle(req.method ?? 'GET', url, { ...req.headers }, Buffer.concat(chunks).toString('utf8'))
      } catch (error) {
        problems.push(`fake model error: ${String(error)}`)
        answer = { status: 500, contentType: 'text/plain', body: String(error) }
      }
      res.writeHead(answer.status, { 'content-type': answer.contentType, 'cache-control': 'no-cache' })
      res.end(req.method === 'HEAD' ? undefined : answer.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    protocol: options.protocol,
    requests,
    problems,
    sessionPrompts: () => [...prompts],
    sessionRequests: (session) => requests.filter((r) => r.role === 'main' && r.session === session),
    usageSent: (role) =>
      requests
        .filter((r) => r.usage !== undefined && (role === undefined || r.role === role))
        .reduce(
          (sum, r) => ({
            input: sum.input + (r.usage?.input ?? 0),
            output: sum.output + (r.usage?.output ?? 0),
            cached: (sum.cached ?? 0) + (r.usage?.cached ?? 0),
            reasoning: (sum.reasoning ?? 0) + (r.usage?.reasoning ?? 0)
          }),
          { input: 0, output: 0, cached: 0, reasoning: 0 }
        ),
    seekerSessions: () => [...(seeker?.sessions ?? [])],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
