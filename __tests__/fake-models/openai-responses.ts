/** OpenAI Responses API, streamed: what Codex speaks (`POST /v1/responses`). */
import {
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

let responseCounter = 0

const TOOL_CALL_ITEMS = new Set(['function_call', 'custom_tool_call', 'local_shell_call'])

/** The OpenAI Responses wire protocol. */
export const openaiResponses: WireProtocol = {
  isTurn: (method, url) => method === 'POST' && url.pathname === '/v1/responses',

  answerOther(_method, url) {
    if (url.pathname === '/v1/models') return json({ object: 'list', data: [], models: [] })
    return undefined
  },

  toolNames: (body) => arr(obj(body).tools).map((t) => String(obj(t).name ?? obj(t).type ?? '')),

  priorToolCalls: (body) => arr(obj(body).input).filter((item) => TOOL_CALL_ITEMS.has(String(obj(item).type))).length,

  firstPrompt: (body) =>
    arr(obj(body).input)
      .filter((item) => obj(item).role === 'user')
      .map((item) => contentText(obj(item).content))
      .join('\n'),

  responseSchema: (body) => obj(obj(obj(body).text).format).schema,

  answer(reply: Reply, _url: URL, body: unknown, sent: TokenUsage): WireAnswer {
    responseCounter += 1
    const id = `resp_fake_${responseCounter}`
    const item =
      reply.kind === 'tool'
        ? {
            type: 'function_call',
            id: `fc_fake_${responseCounter}`,
            call_id: reply.callId,
            name: reply.call.name,
            arguments: JSON.stringify(reply.call.args),
            status: 'completed'
          }
        : {
            type: 'message',
            id: `msg_fake_${responseCounter}`,
            role: 'assistant',
            status: 'completed',
            content: [{ type: 'output_text', text: reply.text, annotations: [] }]
          }
    const usage = {
      input_tokens: sent.input,
      input_tokens_details: { cached_tokens: sent.cached ?? 0 },
      output_tokens: sent.output,
      output_tokens_details: { reasoning_tokens: sent.reasoning ?? 0 },
      total_tokens: sent.input + sent.output
    }
    const model = String(obj(body).model ?? 'fake-model')
    const response = { id, object: 'response', model, status: 'completed', output: [item], usage }
    if (obj(body).stream !== true) return json(response)
    const events: Array<{ event?: string; data: unknown }> = [
      { event: 'response.created', data: { type: 'response.created', response: { ...response, status: 'in_progress', output: [] } } },
      { event: 'response.output_item.added', data: { type: 'response.output_item.added', output_index: 0, item } }
    ]
    if (reply.kind === 'text') {
      events.push({
        event: 'response.output_text.delta',
        data: { type: 'response.output_text.delta', item_id: item.id, output_index: 0, content_index: 0, delta: reply.text }
      })
    }
    events.push(
      { event: 'response.output_item.done', data: { type: 'response.output_item.done', output_index: 0, item } },
      { event: 'response.completed', data: { type: 'response.completed', response } }
    )
    return stream(sse(events))
  }
}
