/**
 * Turns a script step into a tool call in the dialect of the tools a CLI offers. Tool names, not
 * wire protocols, decide: Copilot speaks chat completions like opencode but names its tools apart.
 */
import path from 'node:path'
import { quote } from 'shell-quote'
import type { Step } from './script.js'

/** A tool call to send back to the CLI. */
export interface ToolCall {
  name: string
  args: Record<string, unknown>
}

type FileTool = (file: string, content: string) => ToolCall
type ShellTool = (command: string) => ToolCall

interface Dialect {
  read?: [string, FileTool]
  write?: [string, FileTool]
  shell?: [string, ShellTool]
}

// Names and argument shapes as each CLI declares them (see /work/shared/AGENT-CLIS.md).
const DIALECTS: Dialect[] = [
  {
    // Claude Code
    read: ['Read', (file) => ({ name: 'Read', args: { file_path: file } })],
    write: ['Write', (file, content) => ({ name: 'Write', args: { file_path: file, content } })],
    shell: ['Bash', (command) => ({ name: 'Bash', args: { command, description: 'Run a command' } })]
  },
  {
    // opencode
    read: ['read', (file) => ({ name: 'read', args: { filePath: file } })],
    write: ['write', (file, content) => ({ name: 'write', args: { filePath: file, content } })],
    shell: ['bash', (command) => ({ name: 'bash', args: { command, description: 'Run a command' } })]
  },
  {
    // Gemini CLI
    read: ['read_file', (file) => ({ name: 'read_file', args: { file_path: file } })],
    write: ['write_file', (file, content) => ({ name: 'write_file', args: { file_path: file, content } })],
    shell: ['run_shell_command', (command) => ({ name: 'run_shell_command', args: { command } })]
  },
  {
    // GitHub Copilot CLI: `create` refuses existing files, so writes go through its shell.
    read: ['view', (file) => ({ name: 'view', args: { path: file } })]
  },
  {
    // Codex without apply_patch (an unknown model name): everything goes through the shell.
    shell: ['exec_command', (command) => ({ name: 'exec_command', args: { cmd: command } })]
  },
  {
    shell: ['shell', (command) => ({ name: 'shell', args: { command: ['bash', '-lc', command] } })]
  }
]

/** The tool call for `step`, or undefined when none of `offered` can carry it (a side request). */
export function toolCallFor(step: Step, offered: readonly string[], root: string | undefined): ToolCall | undefined {
  if (step.kind === 'final') return undefined
  const has = (name: string | undefined): boolean => name !== undefined && offered.includes(name)
  const shellTool = DIALECTS.map((d) => d.shell).find((s) => has(s?.[0]))?.[1]
  if (step.kind === 'shell') return shellTool?.(step.command)
  const file = root === undefined ? step.path : path.resolve(root, step.path)
  if (step.kind === 'read') {
    const tool = DIALECTS.map((d) => d.read).find((t) => has(t?.[0]))?.[1]
    return tool ? tool(file, '') : shellTool?.(quote(['cat', '--', file]))
  }
  const tool = DIALECTS.map((d) => d.write).find((t) => has(t?.[0]))?.[1]
  return tool ? tool(file, step.content) : shellTool?.(`${quote(['printf', '%s', step.content])} > ${quote([file])}`)
}
