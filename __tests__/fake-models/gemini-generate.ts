/** Gemini `generateContent` and `streamGenerateContent?alt=sse`: what Gemini CLI speaks. */
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

const MODEL_CALL = /^\/v1(beta|alpha)?\/models\/([^/:]+):(generateContent|streamGenerateContent|countTokens)$/

/** The Gemini wire protocol. */
export const geminiGenerate: WireProtocol = {
  isTurn(method, url) {
    const match = MODEL_CALL.exec(url.pathname)
    return method === 'POST' && match !== null && match[3] !== 'countTokens'
  },

  answerOther(_method, url) {
    if (MODEL_CALL.exec(url.pathname)?.[3] === 'countTokens') return json({ totalTokens: FAKE_USAGE.input })
    return undefined
  },

  toolNames: (body) =>
    arr(obj(body).tools)
      .flatMap((t) => arr(obj(t).functionDeclarations))
      .map((d) => String(obj(d).name ?? '')),

  priorToolCalls: (body) =>
    arr(obj(body).contents)
      .filter((c) => obj(c).role === 'model')
      .flatMap((c) => arr(obj(c).parts))
      .filter((p) => obj(p).functionCall !== undefined).length,

  firstPrompt: (body) => contentText(obj(arr(obj(body).contents).find((c) => obj(c).role === 'user')).parts),

  responseSchema(body) {
    const config = obj(obj(body).generationConfig)
    return config.responseJsonSchema ?? config.responseSchema
  },

  answer(reply: Reply, url: URL, _body: unknown, sent: TokenUsage): WireAnswer {
    const part =
      reply.kind === 'tool' ? { functionCall: { id: reply.callId, name: reply.call.name, args: reply.call.args } } : { text: reply.text }
    const response = {
      candidates: [{ content: { role: 'model', parts: [part] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: {
        promptTokenCount: sent.input,
        candidatesTokenCount: sent.output - (sent.reasoning ?? 0),
        cachedContentTokenCount: sent.cached ?? 0,
        thoughtsTokenCount: sent.reasoning ?? 0,
        totalTokenCount: sent.input + sent.output
      },
      modelVersion: MODEL_CALL.exec(url.pathname)?.[2] ?? 'fake-model'
    }
    if (MODEL_CALL.exec(url.pathname)?.[3] !== 'streamGenerateContent') return json(response)
    return stream(sse([{ data: response }]))
  }
}
