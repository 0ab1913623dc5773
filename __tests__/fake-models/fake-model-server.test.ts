/**
 * The fake model's own contract, over real HTTP: which requests move the script, how a second CLI
 * run is told apart from a retry, and that what it asks a CLI to do does what the script says.
 * (real-clis.test.ts shows the real CLIs accept it; these pin the behaviour end-to-end tests rely on.)
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { editFile, final, shell, startFakeModel, write, type FakeModel } from './index.js'

const execFileAsync = promisify(execFile)

let fake: FakeModel | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function post(url: string, body: unknown): Promise<{ status: number; text: string; type: string }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' }
}

/** The `data:` payloads of an SSE body, parsed. */
function events(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>)
}

const CLAUDE_TOOLS = [{ name: 'Read' }, { name: 'Write' }, { name: 'Bash' }]

/** An Anthropic request whose conversation holds `calls` earlier tool calls. */
function anthropicTurn(prompt: string, calls: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const messages: unknown[] = [{ role: 'user', content: [{ type: 'text', text: prompt }] }]
  for (let i = 0; i < calls; i += 1) {
    messages.push({ role: 'assistant', content: [{ type: 'tool_use', id: `t${i}`, name: 'Read', input: {} }] })
    messages.push({ role: 'user', content: [{ type: 'tool_result', tool_use_id: `t${i}`, content: 'ok' }] })
  }
  return { model: 'm', stream: true, tools: CLAUDE_TOOLS, messages, ...extra }
}

/** The tool_use block or text a streamed Anthropic answer carries. */
function anthropicAnswer(text: string): { tool?: string; input?: unknown; text?: string } {
  const all = events(text)
  const start = all.find((e) => e.type === 'content_block_start')?.content_block as Record<string, unknown>
  const delta = all.find((e) => e.type === 'content_block_delta')?.delta as Record<string, unknown>
  if (start.type === 'tool_use') return { tool: String(start.name), input: JSON.parse(String(delta.partial_json)) }
  return { text: String(delta.text) }
}

describe('the scripted fake model (Anthropic messages)', () => {
  it('walks a session step by step, streaming events in the order Claude Code expects', async () => {
    fake = await startFakeModel({ protocol: 'anthropic-messages', script: [...editFile('a.txt', 'new\n'), final('Done.')], root: '/repo' })
    const url = `${fake.url}/v1/messages?beta=true`
    const first = await post(url, anthropicTurn('Fix it', 0))
    expect(first.type).toBe('text/event-stream')
    expect(events(first.text).map((e) => e.type)).toEqual([
      'message_start',
      'ping',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop'
    ])
    expect(anthropicAnswer(first.text)).toEqual({ tool: 'Read', input: { file_path: '/repo/a.txt' } })
    expect(anthropicAnswer((await post(url, anthropicTurn('Fix it', 1))).text)).toEqual({
      tool: 'Write',
      input: { file_path: '/repo/a.txt', content: 'new\n' }
    })
    expect(anthropicAnswer((await post(url, anthropicTurn('Fix it', 2))).text)).toEqual({ text: 'Done.' })
    expect(fake.problems).toEqual([])
  })

  it('answers side requests (no tools) with short text and never moves the script', async () => {
    fake = await startFakeModel({ protocol: 'anthropic-messages', script: [shell('npm test'), final('Done.')] })
    expect((await fetch(fake.url, { method: 'HEAD' })).status).toBe(200)
    const title = await post(`${fake.url}/v1/messages`, { model: 'm', messages: [{ role: 'user', content: 'Title this' }] })
    expect(JSON.parse(title.text)).toMatchObject({ content: [{ type: 'text', text: 'OK' }], stop_reason: 'end_turn' })
    expect(anthropicAnswer((await post(`${fake.url}/v1/messages`, anthropicTurn('Fix it', 0))).text)).toEqual({
      tool: 'Bash',
      input: { command: 'npm test', description: 'Run a command' }
    })
    expect(fake.requests.map((r) => r.role)).toEqual(['other', 'side', 'main'])
  })

  it('gives a retried first request the same step, and a new prompt the next session', async () => {
    fake = await startFakeModel({
      protocol: 'anthropic-messages',
      script: [write('a.txt', 'bad'), final('one'), write('a.txt', 'good'), final('two')]
    })
    const url = `${fake.url}/v1/messages`
    await post(url, anthropicTurn('Attempt 1', 0))
    expect(anthropicAnswer((await post(url, anthropicTurn('Attempt 1', 0))).text)).toMatchObject({ input: { content: 'bad' } })
    expect(anthropicAnswer((await post(url, anthropicTurn('Attempt 1', 1))).text)).toEqual({ text: 'one' })
    // After the final answer, a first request is the next run of the CLI.
    expect(anthropicAnswer((await post(url, anthropicTurn('Attempt 2: the gate failed', 0))).text)).toMatchObject({
      input: { content: 'good' }
    })
    expect(anthropicAnswer((await post(url, anthropicTurn('Attempt 2: the gate failed', 1))).text)).toEqual({ text: 'two' })
    expect(fake.sessionPrompts()).toEqual(['Attempt 1', 'Attempt 2: the gate failed'])
    expect(fake.sessionRequests(0).map((r) => r.step)).toEqual([0, 0, 1])
    expect(fake.sessionRequests(1).map((r) => r.step)).toEqual([2, 3])
  })

  it('reports a CLI that asks for more than the script holds', async () => {
    fake = await startFakeModel({ protocol: 'anthropic-messages', script: [final('only one run')] })
    const url = `${fake.url}/v1/messages`
    await post(url, anthropicTurn('Run 1', 0))
    expect(anthropicAnswer((await post(url, anthropicTurn('Run 2', 0))).text)).toEqual({ text: 'The script has no more steps.' })
    expect(fake.problems).toEqual(["session 1: the CLI asked for a turn after the script's last step"])
  })
})

describe('the scripted fake model (other protocols)', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'fake-model-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('writes files through the shell when the CLI offers no write tool (Codex), byte for byte', async () => {
    const content = `it's "quoted" $HOME \`x\` \\n\nline 2\n`
    fake = await startFakeModel({ protocol: 'openai-responses', script: [write('out.txt', content), final('Done.')], root: dir })
    const body = { model: 'm', stream: true, tools: [{ type: 'function', name: 'exec_command' }], input: [{ role: 'user', content: 'Go' }] }
    const answer = events((await post(`${fake.url}/v1/responses`, body)).text)
    expect(answer.map((e) => e.type)).toEqual([
      'response.created',
      'response.output_item.added',
      'response.output_item.done',
      'response.completed'
    ])
    const item = answer[2]?.item as { name: string; arguments: string }
    expect(item.name).toBe('exec_command')
    await execFileAsync('bash', ['-c', (JSON.parse(item.arguments) as { cmd: string }).cmd])
    expect(await readFile(path.join(dir, 'out.txt'), 'utf8')).toBe(content)
  })

  it('answers a Gemini classifier with JSON valid against the schema it sends, without moving the script', async () => {
    fake = await startFakeModel({ protocol: 'gemini-generate', script: [final('Done.')] })
    const schema = {
      type: 'OBJECT',
      properties: { reasoning: { type: 'STRING' }, score: { type: 'INTEGER' }, next_speaker: { type: 'STRING', enum: ['user', 'model'] } },
      required: ['reasoning', 'score']
    }
    const classifier = await post(`${fake.url}/v1beta/models/flash:generateContent`, {
      contents: [{ role: 'user', parts: [{ text: 'classify' }] }],
      generationConfig: { responseMimeType: 'application/json', responseJsonSchema: schema }
    })
    const text = (JSON.parse(classifier.text) as { candidates: Array<{ content: { parts: Array<{ text: string }> } }> }).candidates[0]
      ?.content.parts[0]?.text
    expect(JSON.parse(text ?? '')).toEqual({ reasoning: 'ok', score: 1, next_speaker: 'user' })
    expect(fake.requests.map((r) => r.role)).toEqual(['side'])
  })

  it('streams chat-completion tool calls with the ids and finish reason opencode reads', async () => {
    fake = await startFakeModel({ protocol: 'openai-chat', script: [...editFile('a.txt', 'x'), final('Done.')], root: dir })
    const body = {
      model: 'm',
      stream: true,
      tools: [
        { type: 'function', function: { name: 'read' } },
        { type: 'function', function: { name: 'write' } }
      ],
      messages: [{ role: 'user', content: 'Go' }]
    }
    const chunks = events((await post(`${fake.url}/v1/chat/completions`, body)).text) as Array<{
      choices: Array<{
        delta: { tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }> }
        finish_reason: string | null
      }>
    }>
    const call = chunks[0]?.choices[0]?.delta.tool_calls?.[0]
    expect(call?.function.name).toBe('read')
    expect(JSON.parse(call?.function.arguments ?? '')).toEqual({ filePath: path.join(dir, 'a.txt') })
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls')
  })
})
