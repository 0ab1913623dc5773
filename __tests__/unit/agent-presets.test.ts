import {
  AGENT_PRESETS,
  formatPresetList,
  parseClaudeDenials,
  parseClaudeUsage,
  resolveAgentCommand,
  parseGeminiDenials,
  parseOpencodeDenials,
  denialKind
} from '../../src/runtime/agent/agent-presets.js'
import { isRunnerCredential } from '../../src/runtime/process/child-environment.js'
import { PROMPT_FILE_PLACEHOLDER, splitCommandTemplate } from '../../src/runtime/agent/command-agent.js'
import { InputError } from '../../src/core/input-values.js'

/** A real `claude -p --output-format json` result line (2.1.197, against the fake model), an edit denied. */
const CLAUDE_DENIED =
  '{"type":"result","subtype":"success","is_error":false,"api_error_status":null,"duration_ms":417,"duration_api_ms":161,' +
  '"num_turns":3,"result":"I could not write it.","stop_reason":"end_turn","session_id":"a6a16d71-6726-4f54-bbbd-2bb2f1eaa93c",' +
  '"total_cost_usd":0.003,"usage":{"input_tokens":300,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":60,' +
  '"server_tool_use":{"web_search_requests":0,"web_fetch_requests":0},"service_tier":"standard"},' +
  '"modelUsage":{"claude-opus-4-8[1m]":{"inputTokens":300,"outputTokens":60,"costUSD":0.003}},' +
  '"permission_denials":[{"tool_name":"Write","tool_use_id":"call_fake_2","tool_input":{"file_path":"/tmp/repo/greeting.txt","content":"x\\n"}}],' +
  '"terminal_reason":"completed","uuid":"7d5d8049-753e-4064-bdb1-d2a2bb7ed915"}'

const PRESET_NAMES = ['claude-code', 'codex', 'gemini', 'copilot', 'opencode']

describe('AGENT_PRESETS', () => {
  it('has the five presets, each filed under its own name', () => {
    expect(Object.keys(AGENT_PRESETS).sort()).toEqual([...PRESET_NAMES].sort())
    for (const [name, preset] of Object.entries(AGENT_PRESETS)) expect(preset.name).toBe(name)
  })

  it.each(PRESET_NAMES)('%s: the command splits without a shell and starts its binary', (name) => {
    const preset = AGENT_PRESETS[name]!
    const argv = splitCommandTemplate(preset.command)
    expect(argv[0]).toBe(preset.binary)
    // The prompt goes on stdin: never on the command line, never through a shell.
    expect(preset.command).not.toContain(PROMPT_FILE_PLACEHOLDER)
    expect(preset.command).not.toMatch(/\$\(|`|\||>|</)
  })

  it.each(PRESET_NAMES)('%s: installs an exactly pinned npm version', (name) => {
    expect(AGENT_PRESETS[name]!.install).toMatch(/^(@[a-z0-9-]+\/)?[a-z0-9-]+@\d+\.\d+\.\d+$/)
  })

  it.each(PRESET_NAMES)('%s: keeps model keys for the agent, never a runner credential', (name) => {
    const { keyEnv } = AGENT_PRESETS[name]!
    expect(keyEnv.length).toBeGreaterThan(0)
    expect(keyEnv.filter(isRunnerCredential)).toEqual([])
  })

  it('pins the versions verified offline', () => {
    expect(AGENT_PRESETS['claude-code']!.install).toBe('@anthropic-ai/claude-code@2.1.197')
    expect(AGENT_PRESETS.codex!.install).toBe('@openai/codex@0.169.0')
    expect(AGENT_PRESETS.gemini!.install).toBe('@google/gemini-cli@0.61.0')
    expect(AGENT_PRESETS.opencode!.install).toBe('opencode-ai@1.18.33')
    expect(AGENT_PRESETS.copilot!.install).toBe('@github/copilot@1.0.102')
  })

  it('claude-code allows edits in a way that also works as root (no bypass modes, which need IS_SANDBOX=1)', () => {
    const argv = splitCommandTemplate(AGENT_PRESETS['claude-code']!.command)
    expect(argv).toEqual(expect.arrayContaining(['-p', '--permission-mode', 'acceptEdits', '--output-format', 'json']))
    expect(argv.join(' ')).not.toMatch(/dangerously-skip-permissions|bypassPermissions/)
  })

  it('copilot never keeps GH_TOKEN or GITHUB_TOKEN, which would hand the agent the workflow token', () => {
    expect(AGENT_PRESETS.copilot!.keyEnv).not.toEqual(expect.arrayContaining(['GH_TOKEN']))
    expect(AGENT_PRESETS.copilot!.keyEnv).not.toEqual(expect.arrayContaining(['GITHUB_TOKEN']))
    expect(AGENT_PRESETS.copilot!.keyEnv).toContain('COPILOT_GITHUB_TOKEN')
  })
})

describe('resolveAgentCommand', () => {
  it('runs the named preset', () => {
    expect(resolveAgentCommand({ agent: 'codex' })).toEqual({ command: AGENT_PRESETS.codex!.command, preset: 'codex' })
  })

  it('lets agent-command override the preset, which still lends its keys and parsers', () => {
    expect(resolveAgentCommand({ agent: 'claude-code', agentCommand: 'claude -p --model opus' })).toEqual({
      command: 'claude -p --model opus',
      preset: 'claude-code'
    })
  })

  it('recognises the preset from the binary an agent-command starts, by path too', () => {
    expect(resolveAgentCommand({ agentCommand: '/usr/local/bin/gemini --yolo' })).toEqual({
      command: '/usr/local/bin/gemini --yolo',
      preset: 'gemini'
    })
    expect(resolveAgentCommand({ agentCommand: '  my-agent --print --prompt-file {prompt_file} ' })).toEqual({
      command: 'my-agent --print --prompt-file {prompt_file}'
    })
  })

  it('refuses an unknown preset, naming every preset', () => {
    expect(() => resolveAgentCommand({ agent: 'claude' })).toThrow(InputError)
    expect(() => resolveAgentCommand({ agent: 'claude' })).toThrow(
      /Input 'agent' is "claude": expected one of the presets: claude-code, codex, gemini, copilot, opencode\./
    )
  })

  it('refuses an unknown preset even when agent-command is set', () => {
    expect(() => resolveAgentCommand({ agent: 'nope', agentCommand: 'claude -p' })).toThrow(/"nope"/)
  })

  it('refuses neither, saying what to set; blank inputs count as unset', () => {
    expect(() => resolveAgentCommand({})).toThrow(
      /set 'agent' to a preset \(claude-code, codex, gemini, copilot, opencode\) or 'agent-command'/
    )
    expect(() => resolveAgentCommand({ agent: '  ', agentCommand: '\n' })).toThrow(InputError)
  })

  it('does not take inherited object keys for presets', () => {
    expect(() => resolveAgentCommand({ agent: 'toString' })).toThrow(/"toString"/)
  })
})

describe('formatPresetList', () => {
  it('prints one `<name>: <command>` line per preset', () => {
    const lines = formatPresetList().split('\n')
    expect(lines).toHaveLength(PRESET_NAMES.length)
    expect(lines).toContain(`claude-code: ${AGENT_PRESETS['claude-code']!.command}`)
    for (const line of lines) expect(line).toMatch(/^[a-z-]+: \S+/)
  })
})

describe('Claude Code result parsers', () => {
  it('read usage and cost from the JSON result, after other output', () => {
    const output = `some stderr line\n${CLAUDE_DENIED}\n`
    expect(parseClaudeUsage(output)).toEqual({ inputTokens: 300, outputTokens: 60, costUsd: 0.003 })
    expect(AGENT_PRESETS['claude-code']!.parseUsage).toBe(parseClaudeUsage)
  })

  it('count cached input as input', () => {
    const line = JSON.stringify({
      type: 'result',
      total_cost_usd: 0.5,
      usage: { input_tokens: 10, cache_creation_input_tokens: 200, cache_read_input_tokens: 3000, output_tokens: 7 }
    })
    expect(parseClaudeUsage(line)).toEqual({ inputTokens: 3210, outputTokens: 7, costUsd: 0.5 })
  })

  it('report each denied tool use as tool and target, reads apart from edits', () => {
    expect(parseClaudeDenials(CLAUDE_DENIED)).toEqual([{ tool: 'Write', target: '/tmp/repo/greeting.txt', kind: 'edit' }])
    const bash = JSON.stringify({ type: 'result', permission_denials: [{ tool_name: 'Bash', tool_input: { command: 'npm test' } }] })
    expect(parseClaudeDenials(bash)).toEqual([{ tool: 'Bash', target: 'npm test', kind: 'other' }])
    // What Claude Code 2.1.197 reported when the prompt named a file outside the work tree (issue 11).
    const read = JSON.stringify({
      type: 'result',
      permission_denials: [{ tool_name: 'Read', tool_input: { file_path: '/home/runner/work/_temp/gated-agent-1/issue-7.md' } }]
    })
    expect(parseClaudeDenials(read)).toEqual([{ tool: 'Read', target: '/home/runner/work/_temp/gated-agent-1/issue-7.md', kind: 'read' }])
    expect(AGENT_PRESETS['claude-code']!.parseDenials).toBe(parseClaudeDenials)
  })

  it('still read a result line whose start (the final message) the output tail cut off', () => {
    const cut = CLAUDE_DENIED.slice(CLAUDE_DENIED.indexOf('could not write'))
    expect(cut.startsWith('{')).toBe(false)
    expect(parseClaudeDenials(`…${cut}`)).toEqual([{ tool: 'Write', target: '/tmp/repo/greeting.txt', kind: 'edit' }])
    expect(parseClaudeUsage(`…${cut}`)).toEqual({ inputTokens: 300, outputTokens: 60, costUsd: 0.003 })
  })

  it('find nothing in text output, in a line cut inside the usage, or in a message that quotes the key', () => {
    expect(parseClaudeUsage('Updated greeting.txt.\n')).toBeUndefined()
    expect(parseClaudeDenials('Updated greeting.txt.\n')).toEqual([])
    expect(parseClaudeUsage(CLAUDE_DENIED.slice(CLAUDE_DENIED.indexOf('"input_tokens"')))).toBeUndefined()
    const quoting = JSON.stringify({ type: 'assistant', text: '"total_cost_usd":1,"usage":{}}' })
    expect(parseClaudeUsage(quoting)).toBeUndefined()
  })

  it('treat a run with nothing denied as no denials', () => {
    expect(parseClaudeDenials(JSON.stringify({ type: 'result', permission_denials: [] }))).toEqual([])
  })
})

describe('denials as the other CLIs print them (issue 11: a refused read is not a refused edit)', () => {
  it('gemini: a path outside the workspace and an ignored path are refusals, with the path; a missing file is not', () => {
    // Gemini CLI 0.61.0, non-interactive, as the action's log showed it.
    const output = [
      'Error executing tool read_file: Path not in workspace: Attempted path "/tmp/outside-XyLdlR/details.md" resolves outside the allowed workspace directories: /tmp/ws or the project temp directory: /h/.gemini/tmp/ws',
      "Error executing tool write_file: File path '/tmp/ws/dist/app.js' is ignored by configured ignore patterns.",
      'Error executing tool run_shell_command: Tool execution denied by policy.',
      'Error executing tool read_file: File not found: /tmp/ws/nope.md',
      'I could not find what the task asks for, so I changed nothing.'
    ].join('\n')
    expect(parseGeminiDenials(output)).toEqual([
      { tool: 'read_file', target: '/tmp/outside-XyLdlR/details.md', kind: 'read' },
      { tool: 'write_file', target: '/tmp/ws/dist/app.js', kind: 'edit' },
      { tool: 'run_shell_command', kind: 'other' }
    ])
    expect(AGENT_PRESETS.gemini!.parseDenials).toBe(parseGeminiDenials)
  })

  it('opencode: an auto-rejected permission and the tool call it ended, colours and all', () => {
    // opencode 1.18.33 `opencode run` without --auto, as the action's log showed it.
    const output = [
      '\x1b[0m',
      '> build · fake-model',
      '\x1b[93m\x1b[1m! \x1b[0mpermission requested: external_directory (/tmp/outside-Tq29wl/*); auto-rejecting',
      '\x1b[0m✗ \x1b[0mRead /tmp/outside-Tq29wl/details.md failed',
      '\x1b[91m\x1b[1mError: \x1b[0mThe user rejected permission to use this specific tool call.',
      '! permission requested: edit (src/app.ts); auto-rejecting',
      '✗ Edit src/app.ts failed',
      '! permission requested: bash (rm -rf /); auto-rejecting'
    ].join('\n')
    expect(parseOpencodeDenials(output)).toEqual([
      { tool: 'Read', target: '/tmp/outside-Tq29wl/details.md', kind: 'read' },
      { tool: 'Edit', target: 'src/app.ts', kind: 'edit' },
      { tool: 'bash', target: 'rm -rf /', kind: 'other' }
    ])
    // A tool failing on its own (no permission asked) is not a denial.
    expect(parseOpencodeDenials('✗ Read /repo/missing.md failed\nError: ENOENT')).toEqual([])
    expect(AGENT_PRESETS.opencode!.parseDenials).toBe(parseOpencodeDenials)
  })

  it("opencode --format json (the preset's mode): the rejection on stderr, the failed call as a JSON event", () => {
    // opencode 1.18.33 `opencode run --format json` without --auto, against the fake model.
    const toolUse = (tool: string, input: object, error: string): string =>
      JSON.stringify({
        type: 'tool_use',
        timestamp: 1796586641305,
        sessionID: 'ses_db31771f5ffeLjJeo1OwFpMOaJ',
        part: { type: 'tool', tool, callID: 'call_fake_1', state: { status: 'error', input, error, time: { start: 1, end: 2 } } }
      })
    const rejected = 'The user rejected permission to use this specific tool call.'
    const output = [
      '{"type":"step_start","timestamp":1796586641277,"sessionID":"ses_db31771f5ffeLjJeo1OwFpMOaJ","part":{"type":"step-start"}}',
      '\x1b[93m\x1b[1m! \x1b[0mpermission requested: external_directory (/tmp/usage-samples-outside/*); auto-rejecting',
      toolUse('read', { filePath: '/tmp/usage-samples-outside/details.md' }, rejected),
      '! permission requested: edit (src/app.ts); auto-rejecting',
      toolUse('edit', { filePath: '/repo/src/app.ts', oldString: 'a', newString: 'b' }, rejected),
      // A tool failing on its own is not a denial.
      toolUse('read', { filePath: '/repo/missing.md' }, 'File not found: /repo/missing.md')
    ].join('\n')
    expect(parseOpencodeDenials(output)).toEqual([
      { tool: 'read', target: '/tmp/usage-samples-outside/details.md', kind: 'read' },
      { tool: 'edit', target: '/repo/src/app.ts', kind: 'edit' }
    ])
  })

  it('tells reads from edits by the tool, across the CLIs', () => {
    for (const tool of ['Read', 'Glob', 'Grep', 'read_file', 'list_directory', 'read', 'view']) expect(denialKind(tool)).toBe('read')
    for (const tool of ['Write', 'Edit', 'write_file', 'replace', 'edit', 'write', 'apply_patch']) expect(denialKind(tool)).toBe('edit')
    for (const tool of ['Bash', 'run_shell_command', 'external_directory']) expect(denialKind(tool)).toBe('other')
  })
})
