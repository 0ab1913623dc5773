/** Anthropic Messages API, streamed or not: what Claude Code speaks (`POST /v1/messages?beta=true`). */
import {
  FAKE_USAGE,
  arr,
  contentText,
  json,
  obj,
  sse,
  stream,
  type Reply,
  type TokenUsage,
  type WireAnswer,
  type WireProtocol
} from './wire-protocol.js'

let messageCounter = 0

/** The Anthropic Messages wire protocol. */
export const anthropicMessages: WireProtocol = {
  isTurn: (method, url) => method === 'POST' && url.pathname === '/v1/messages',

  answerOther(method, url) {
    // Claude Code probes the base URL with `HEAD /` first: any 200 will do.
    if (url.pathname === '/' || method === 'HEAD') return { status: 200, contentType: 'text/plain', body: '' }
    if (url.pathname === '/v1/messages/count_tokens') return json({ input_tokens: FAKE_USAGE.input })
    return undefined
  },

  toolNames: (body) => arr(obj(body).tools).map((t) => String(obj(t).name ?? '')),

  priorToolCalls: (body) =>
    arr(obj(body).messages)
      .filter((m) => obj(m).role === 'assistant')
      .flatMap((m) => arr(obj(m).content))
      .filter((part) => obj(part).type === 'tool_use').length,

  firstPrompt: (body) => contentText(obj(arr(obj(body).messages).find((m) => obj(m).role === 'user')).content),

  responseSchema: (body) => obj(obj(body).output_format).schema,

  answer(reply: Reply, _url: URL, body: unknown, usage: TokenUsage): WireAnswer {
    const model = String(obj(body).model ?? 'fake-model')
    messageCounter += 1
    const id = `msg_fake_${messageCounter}`
    const block =
      reply.kind === 'tool'
        ? { type: 'tool_use', id: reply.callId, name: reply.call.name, input: reply.call.args }
        : { type: 'text', text: reply.text }
    const stopReason = reply.kind === 'tool' ? 'tool_use' : 'end_turn'
    if (obj(body).stream !== true) {
      return json({
        id,
        type: 'message',
        role: 'assistant',
        model,
        content: [block],
        stop_reason: stopReason,
        stop_sequence: null,
        usage: { input_tokens: usage.input - (usage.cached ?? 0), cache_read_input_tokens: usage.cached ?? 0, output_tokens: usage.output }
      })
    }
    const start =
      reply.kind === 'tool' ? { type: 'tool_use', id: reply.callId, name: reply.call.name, input: {} } : { type: 'text', text: '' }
    const delta =
      reply.kind === 'tool'
        ? { type: 'input_json_delta', partial_json: JSON.stringify(reply.call.args) }
        : { type: 'text_delta', text: reply.text }
    return stream(
      sse([
        {
          event: 'message_start',
          data: {
            type: 'message_start',
            message: {
              id,
              type: 'message',
              role: 'assistant',
              model,
              content: [],
              stop_reason: null,
              stop_sequence: null,
              usage: { input_tokens: usage.input - (usage.cached ?? 0), cache_read_input_tokens: usage.cached ?? 0, output_tokens: 1 }
            }
          }
        },
        { event: 'ping', data: { type: 'ping' } },
        { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: start } },
        { event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta } },
        { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
        {
          event: 'message_delta',
          data: {
            type: 'message_delta',
            delta: { stop_reason: stopReason, stop_sequence: null },
            usage: { output_tokens: usage.output }
          }
        },
        { event: 'message_stop', data: { type: 'message_stop' } }
      ])
    )
  }
}
