/** OpenAI Chat Completions, streamed or not: what opencode and Copilot's BYOK mode speak. */
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

let completionCounter = 0

/** The OpenAI Chat Completions wire protocol. */
export const openaiChat: WireProtocol = {
  isTurn: (method, url) => method === 'POST' && url.pathname === '/v1/chat/completions',

  answerOther(_method, url) {
    if (url.pathname === '/v1/models') return json({ object: 'list', data: [{ id: 'fake-model', object: 'model', owned_by: 'fake' }] })
    return undefined
  },

  toolNames: (body) => arr(obj(body).tools).map((t) => String(obj(obj(t).function).name ?? '')),

  priorToolCalls: (body) =>
    arr(obj(body).messages)
      .filter((m) => obj(m).role === 'assistant')
      .reduce<number>((n, m) => n + arr(obj(m).tool_calls).length, 0),

  firstPrompt: (body) => contentText(obj(arr(obj(body).messages).find((m) => obj(m).role === 'user')).content),

  responseSchema: (body) => obj(obj(obj(body).response_format).json_schema).schema,

  answer(reply: Reply, _url: URL, body: unknown, sent: TokenUsage): WireAnswer {
    completionCounter += 1
    const id = `chatcmpl-fake-${completionCounter}`
    const model = String(obj(body).model ?? 'fake-model')
    const created = Math.floor(Date.now() / 1000)
    const usage = {
      prompt_tokens: sent.input,
      completion_tokens: sent.output,
      prompt_tokens_details: { cached_tokens: sent.cached ?? 0 },
      completion_tokens_details: { reasoning_tokens: sent.reasoning ?? 0 },
      total_tokens: sent.input + sent.output
    }
    const toolCall =
      reply.kind === 'tool'
        ? { id: reply.callId, type: 'function', function: { name: reply.call.name, arguments: JSON.stringify(reply.call.args) } }
        : undefined
    const finishReason = toolCall ? 'tool_calls' : 'stop'
    if (obj(body).stream !== true) {
      const message = toolCall
        ? { role: 'assistant', content: null, tool_calls: [toolCall] }
        : { role: 'assistant', content: reply.kind === 'text' ? reply.text : '' }
      return json({ id, object: 'chat.completion', created, model, choices: [{ index: 0, message, finish_reason: finishReason }], usage })
    }
    const chunk = (delta: unknown, finish: string | null, extra: Record<string, unknown> = {}): unknown => ({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
      ...extra
    })
    const first = toolCall
      ? { role: 'assistant', content: null, tool_calls: [{ index: 0, ...toolCall }] }
      : { role: 'assistant', content: reply.kind === 'text' ? reply.text : '' }
    return stream(sse([{ data: chunk(first, null) }, { data: chunk({}, finishReason, { usage }) }, { data: '[DONE]' }]))
  }
}
