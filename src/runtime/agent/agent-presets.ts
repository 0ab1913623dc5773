/**
 * Ready-made commands for the agent CLIs people use, each in its non-interactive mode with file
 * edits allowed in the work tree and nothing that waits for a human.
 *
 * A command is a template: split like a POSIX shell but never run by one; `{prompt_file}` becomes
 * the prompt file's path, and without it the prompt arrives on stdin. Every preset below reads the
 * prompt from stdin, so no prompt text ever sits on a command line. `scripts/check-preset-flags.mjs`
 * proves each flag against the pinned version's own parser; the pins live here and nowhere else.
 */
import path from 'node:path'
import { InputError } from '../../core/input-values.js'
import type { AgentUsage, Denial } from '../../core/types.js'
import { opencodeUsageTally, parseCodexUsage, parseCopilotUsage, parseGeminiUsage, type UsageTally } from './usage-readers.js'

/** One agent CLI, as Gated Agent runs it. */
export interface AgentPreset {
  /** The preset's name, as given to the `agent` input. */
  name: string
  /** The command template (see the module comment). */
  command: string
  /** Environment variables carrying the CLI's model key: kept for the agent, withheld from the gate. */
  keyEnv: string[]
  /** The npm package at its pinned version, e.g. `@openai/codex@0.169.0`. */
  install: string
  /** The executable the command starts. */
  binary: string
  /** Usage and cost from the end of the CLI's output, for CLIs that print their totals last. */
  parseUsage?: (stdout: string) => AgentUsage | undefined
  /** A fresh tally fed every line of the CLI's stdout, for CLIs that spread usage over the run. */
  tallyUsage?: () => UsageTally
  /** Tool uses the CLI reports it refused (reads and edits apart), from its output: a run that changed nothing must say why. */
  parseDenials?: (stdout: string) => Denial[]
}

/** Claude Code's `--output-format json` result: one JSON line, printed last. */
interface ClaudeResult {
  type: 'result'
  total_cost_usd?: number
  usage?: {
    input_tokens?: number
    cache_creation_input_tokens?: number
    cache_read_input_tokens?: number
    output_tokens?: number
  }
  permission_denials?: Array<{ tool_name?: string; tool_input?: Record<string, unknown> }>
}

/** The object a line holds when it is Claude Code's result, else undefined. */
function tryParseResultLine(text: string): ClaudeResult | undefined {
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'result') return value as ClaudeResult
  } catch {
    // Not JSON, or not whole.
  }
  return undefined
}

/**
 * Claude Code's result object from the end of its output. The result line starts with the final
 * message, which can be long, so a bounded tail may cut it; the fields read here come after the
 * message, from `"total_cost_usd"` on, and are recovered from such a cut line too.
 */
function tryParseClaudeResult(stdout: string): ClaudeResult | undefined {
  const lines = stdout.split('\n')
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const line = lines[i]?.trim() ?? ''
    if (line === '') continue
    const whole = line.startsWith('{') ? tryParseResultLine(line) : undefined
    if (whole) return whole
    // `"total_cost_usd":` cannot occur inside a JSON string value, where its quotes would be escaped.
    const cut = line.lastIndexOf('"total_cost_usd":')
    if (cut > 0) {
      const rest = tryParseResultLine(`{"type":"result",${line.slice(cut)}`)
      if (rest) return rest
    }
  }
  return undefined
}

/** Token counts and cost from Claude Code's JSON result; cached input counts as input. */
export function parseClaudeUsage(stdout: string): AgentUsage | undefined {
  const result = tryParseClaudeResult(stdout)
  if (!result) return undefined
  const usage: AgentUsage = {}
  const u = result.usage
  if (u) {
    usage.inputTokens = (u.input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0)
    if (u.output_tokens !== undefined) usage.outputTokens = u.output_tokens
  }
  if (typeof result.total_cost_usd === 'number') usage.costUsd = result.total_cost_usd
  return usage
}

// The tools, across the presets' CLIs, that only look: a refusal of one is a denied read, not a denied edit.
const READ_TOOLS = new Set([
  // Claude Code
  'Read',
  'Glob',
  'Grep',
  'LS',
  'NotebookRead',
  // Gemini CLI
  'read_file',
  'read_many_files',
  'list_directory',
  'glob',
  'search_file_content',
  'grep_search',
  // opencode
  'read',
  'list',
  'grep',
  // Copilot CLI
  'view'
])
const EDIT_TOOLS = new Set([
  'Write',
  'Edit',
  'MultiEdit',
  'NotebookEdit',
  'write_file',
  'replace',
  'edit',
  'write',
  'patch',
  'apply_patch',
  'create'
])

/** Whether a refused tool use was a read, an edit, or something else (a shell command), by the tool's name. */
export function denialKind(tool: string): Denial['kind'] {
  if (READ_TOOLS.has(tool)) return 'read'
  if (EDIT_TOOLS.has(tool)) return 'edit'
  return 'other'
}

/** Claude Code's `permission_denials`: the tool and its target (e.g. `Write /repo/src/app.ts`, `Read /tmp/issue.md`). */
export function parseClaudeDenials(stdout: string): Denial[] {
  const denials = tryParseClaudeResult(stdout)?.permission_denials ?? []
  return denials.map((denial) => {
    const input = denial.tool_input ?? {}
    const target = [input.file_path, input.notebook_path, input.path, input.pattern, input.command].find((v) => typeof v === 'string')
    const tool = denial.tool_name ?? 'unknown tool'
    return { tool, kind: denialKind(tool), ...(typeof target === 'string' ? { target } : {}) }
  })
}

// Gemini CLI prints a refused tool call as `Error executing tool <name>: <message>` (0.61.0,
// non-interactive). Only these messages are refusals; a missing file and the like are not.
const GEMINI_TOOL_ERROR = /^Error executing tool (\S+): (.*)$/gm
const GEMINI_REFUSALS: Array<(message: string) => { target?: string } | undefined> = [
  (m) => (m.startsWith('Path not in workspace') ? { target: /Attempted path "([^"]*)"/.exec(m)?.[1] } : undefined),
  (m) => {
    const ignored = /^File path '([^']*)' is ignored by configured ignore patterns/.exec(m)
    return ignored ? { target: ignored[1] } : undefined
  },
  (m) => (m.includes('denied by policy') ? {} : undefined)
]

/** The tool calls Gemini CLI refused (outside the workspace, an ignored path, a policy), from its output. */
export function parseGeminiDenials(output: string): Denial[] {
  const denials: Denial[] = []
  for (const [, tool = 'unknown tool', message = ''] of output.matchAll(GEMINI_TOOL_ERROR)) {
    const refused = GEMINI_REFUSALS.map((match) => match(message)).find((found) => found !== undefined)
    if (!refused) continue
    denials.push({ tool, kind: denialKind(tool), ...(refused.target === undefined ? {} : { target: refused.target }) })
  }
  return denials
}

// opencode run (1.18.33) prints a refused permission, then the tool call it ends, e.g.
//   ! permission requested: external_directory (/tmp/x/*); auto-rejecting
//   ✗ Read /tmp/x/details.md failed
// with colours. `--auto` approves what would be asked, so these come from a user's own command.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g
const OPENCODE_REJECTED = /permission requested: (\S+) \((.*)\); auto-rejecting\s*$/
const OPENCODE_FAILED = /^\s*✗\s+(\S+)\s+(.*?)\s+failed\s*$/
// With --format json the ended call is a `tool_use` event on stdout instead, its state an error:
//   {"type":"tool_use",…,"part":{"tool":"read","state":{"status":"error","input":{"filePath":…},"error":"The user rejected permission …"}}}
const OPENCODE_REJECTED_CALL = 'rejected permission'

/** The tool and its target when `line` is opencode's JSON event for a call a refused permission ended. */
function opencodeRejectedCall(line: string): Denial | undefined {
  if (!line.startsWith('{') || !line.includes(OPENCODE_REJECTED_CALL)) return undefined
  try {
    const event = JSON.parse(line) as {
      type?: unknown
      part?: { tool?: unknown; state?: { status?: unknown; error?: unknown; input?: unknown } }
    }
    const state = event.part?.state
    if (event.type !== 'tool_use' || state?.status !== 'error' || typeof state.error !== 'string') return undefined
    if (!state.error.includes(OPENCODE_REJECTED_CALL) || typeof event.part?.tool !== 'string') return undefined
    const input = (typeof state.input === 'object' && state.input !== null ? state.input : {}) as Record<string, unknown>
    const target = [input.filePath, input.path, input.pattern, input.command].find((v) => typeof v === 'string')
    const tool = event.part.tool
    return { tool, kind: denialKind(tool), ...(typeof target === 'string' ? { target } : {}) }
  } catch {
    return undefined
  }
}

/** The tool calls opencode refused its model (a permission auto-rejected), from its output. */
export function parseOpencodeDenials(output: string): Denial[] {
  const denials: Denial[] = []
  let pending: { permission: string; pattern: string } | undefined
  const flush = (): void => {
    if (pending) denials.push({ tool: pending.permission, target: pending.pattern, kind: denialKind(pending.permission) })
    pending = undefined
  }
  for (const line of output.replace(ANSI, '').split('\n')) {
    const rejected = OPENCODE_REJECTED.exec(line)
    if (rejected) {
      flush()
      pending = { permission: rejected[1] as string, pattern: rejected[2] as string }
      continue
    }
    const call = pending ? opencodeRejectedCall(line.trim()) : undefined
    if (call) {
      denials.push(call)
      pending = undefined
      continue
    }
    const failed = pending ? OPENCODE_FAILED.exec(line) : null
    if (failed) {
      const tool = failed[1] as string
      // opencode titles its tools (`Read`, `Write`, `Edit`); the kind follows the title.
      denials.push({ tool, target: failed[2] as string, kind: denialKind(tool) })
      pending = undefined
    }
  }
  flush()
  return denials
}

/** The presets, by name. */
export const AGENT_PRESETS: Record<string, AgentPreset> = {
  'claude-code': {
    name: 'claude-code',
    // acceptEdits, not --dangerously-skip-permissions: the latter exits 1 as root unless
    // IS_SANDBOX=1. acceptEdits runs only simple shell commands, hence Bash allowed outright.
    command: 'claude -p --permission-mode acceptEdits --allowedTools Bash --output-format json',
    keyEnv: ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'CLAUDE_CODE_OAUTH_TOKEN'],
    install: '@anthropic-ai/claude-code@2.1.197',
    binary: 'claude',
    parseUsage: parseClaudeUsage,
    parseDenials: parseClaudeDenials
  },
  codex: {
    name: 'codex',
    // The runner is the sandbox: Codex's own (bwrap) needs user namespaces a runner may not grant.
    // --json: JSONL events on stdout, ending with the session's token usage (plain output has only a total).
    command: 'codex exec --dangerously-bypass-approvals-and-sandbox --color never --json',
    keyEnv: ['OPENAI_API_KEY', 'CODEX_API_KEY'],
    install: '@openai/codex@0.169.0',
    binary: 'codex',
    parseUsage: parseCodexUsage
  },
  gemini: {
    name: 'gemini',
    // stream-json: JSONL events ending with a one-line result carrying the token totals (plain
    // output has none). Refused tool calls still go to stderr as text, where parseGeminiDenials reads them.
    command: 'gemini --yolo --skip-trust --output-format stream-json',
    keyEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
    install: '@google/gemini-cli@0.61.0',
    binary: 'gemini',
    parseUsage: parseGeminiUsage,
    parseDenials: parseGeminiDenials
  },
  copilot: {
    name: 'copilot',
    command: 'copilot --allow-all-tools --no-ask-user --no-auto-update --no-color',
    // Never GH_TOKEN/GITHUB_TOKEN: those are the workflow's token, which the agent must not hold.
    keyEnv: ['COPILOT_GITHUB_TOKEN', 'COPILOT_PROVIDER_API_KEY', 'COPILOT_PROVIDER_BEARER_TOKEN'],
    install: '@github/copilot@1.0.102',
    binary: 'copilot',
    // The text mode's closing summary has the tokens; the JSON mode has none.
    parseUsage: parseCopilotUsage
  },
  opencode: {
    name: 'opencode',
    // --format json: JSONL events on stdout, one per model step with its tokens and cost (the
    // default format prints none). Refused permissions still go to stderr as text.
    command: 'opencode run --auto --format json',
    keyEnv: ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'GEMINI_API_KEY', 'GOOGLE_GENERATIVE_AI_API_KEY', 'OPENROUTER_API_KEY'],
    install: 'opencode-ai@1.18.33',
    binary: 'opencode',
    tallyUsage: opencodeUsageTally,
    parseDenials: parseOpencodeDenials
  }
}

/** The command to run, and the preset it belongs to (for its key variables and output parsers). */
export interface ResolvedAgentCommand {
  command: string
  /** The preset named by `agent`, or else the one whose binary `agentCommand` starts. */
  preset?: string
}

/**
 * The command to run from the `agent` and `agent-command` inputs: an explicit command wins over
 * the preset. Throws InputError for an unknown preset (listing the presets) or when neither is set.
 */
export function resolveAgentCommand(inputs: { agent?: string; agentCommand?: string }): ResolvedAgentCommand {
  const agent = inputs.agent?.trim() ?? ''
  const command = inputs.agentCommand?.trim() ?? ''
  const names = Object.keys(AGENT_PRESETS).join(', ')
  if (agent !== '' && !Object.hasOwn(AGENT_PRESETS, agent)) {
    throw new InputError("Input 'agent'", agent, `expected one of the presets: ${names}.`)
  }
  if (command !== '') {
    const launched = path.posix.basename(command.split(/\s+/)[0] ?? '')
    const preset = agent !== '' ? agent : Object.values(AGENT_PRESETS).find((p) => p.binary === launched)?.name
    return preset === undefined ? { command } : { command, preset }
  }
  const preset = AGENT_PRESETS[agent]
  if (preset) return { command: preset.command, preset: preset.name }
  throw new InputError(
    "Input 'agent'",
    '',
    `set 'agent' to a preset (${names}) or 'agent-command' to the command that runs your agent headless.`
  )
}

/** One `<name>: <command template>` line per preset, for `gated-agent presets`. */
export function formatPresetList(): string {
  return Object.values(AGENT_PRESETS)
    .map((preset) => `${preset.name}: ${preset.command}`)
    .join('\n')
}
