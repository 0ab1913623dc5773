/**
 * Drives any agent CLI from a command template (the seed's AGENT_CMD rule): `{prompt_file}` is
 * replaced by the prompt file's path, otherwise the prompt goes to stdin. The template is split like
 * a POSIX shell would split it but never run by one, so nothing in it is ever interpreted.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { LineScanner } from '../../core/line-scanner.js'
import { runProcess, type OutputSink } from '../process/process-runner.js'
import { PROMPT_FILE_PLACEHOLDER, splitCommandTemplate } from './command-template.js'
import { prepareContextDir, removeContextDir } from './context-dir.js'
import type { Agent, AgentRun, AgentRunLimits, AgentUsage, ContextDirectory, ContextFile, Denial, Reporter } from '../../core/types.js'
import type { UsageTally } from './usage-readers.js'

export { PROMPT_FILE_PLACEHOLDER, splitCommandTemplate, TemplateError } from './command-template.js'

/** How the agent command runs. */
export interface CommandAgentOptions {
  /** The command template, e.g. `my-agent --print --prompt-file {prompt_file}`. */
  template: string
  /** The work tree the agent edits. */
  cwd: string
  /** The agent's whole environment: its model keys, never the GitHub token. */
  env: Record<string, string | undefined>
  /** One run's time limit; past it the agent is killed with everything it started. */
  timeoutMs: number
  /** Where a record of each prompt is written (outside the work tree, so it never lands in the change). */
  promptDir: string
  /**
   * The agent's context directory inside the work tree (see context-dir.ts): made before each run
   * with the files the prompt names (and the prompt, for a `{prompt_file}` template), removed when
   * the agent exits. Without one, `{prompt_file}` is the record in `promptDir`.
   */
  contextDir?: ContextDirectory
  /** Receives the agent's output as it arrives. */
  onOutput?: OutputSink
  /** An argv prefix (e.g. a sandboxing command) the agent runs under. */
  wrapper?: string[]
  reporter?: Reporter
  /** Aborting kills the running agent (e.g. wired to Ctrl-C in the CLI). */
  abort?: AbortSignal
  /** Time between SIGTERM and SIGKILL when the agent is killed; 2 s unless told. */
  killGraceMs?: number
  /**
   * Readers of the CLI's machine-readable output (a preset's): usage and cost, and edits the CLI
   * says it was refused, so a silently skipped edit never looks like an agent with nothing to do.
   */
  outputReaders?: {
    parseUsage?: (output: string) => AgentUsage | undefined
    /** For usage spread over the whole run: a fresh tally per run, fed each stdout line as it arrives. */
    tallyUsage?: () => UsageTally
    parseDenials?: (output: string) => Denial[]
  }
}

/** The prompt's name in the context directory, for a `{prompt_file}` template. */
export const PROMPT_FILE_NAME = 'prompt.md'

/** Enough of the agent's output for a CLI's final JSON line (usage, denials). */
const READER_TAIL_BYTES = 64 * 1024

/** An Agent that runs a command-line agent from a template. */
export class CommandAgent implements Agent {
  private readonly argv: string[]

  /** Throws TemplateError when the template cannot be run (see splitCommandTemplate). */
  constructor(private readonly options: CommandAgentOptions) {
    this.argv = splitCommandTemplate(options.template)
  }

  /** Where the files handed to `run` are put, for the prompt to name. */
  get contextDir(): ContextDirectory | undefined {
    return this.options.contextDir
  }

  /**
   * Records the prompt in `<promptDir>/prompt-<attempt>.md`, puts `files` (and the prompt, for a
   * `{prompt_file}` template) in the context directory, runs the agent, and removes the directory
   * as soon as the agent exits, whatever way it ended.
   */
  async run(prompt: string, attempt: number, files: readonly ContextFile[] = [], limits: AgentRunLimits = {}): Promise<AgentRun> {
    const { cwd, env, promptDir, contextDir, onOutput, wrapper, reporter, abort, killGraceMs } = this.options
    await mkdir(promptDir, { recursive: true })
    const record = path.resolve(promptDir, `prompt-${attempt}.md`)
    await writeFile(record, prompt)

    // What is left of the agent-minutes budget caps the agent's own timeout.
    const timeoutMs = limits.timeoutMs === undefined ? this.options.timeoutMs : Math.min(this.options.timeoutMs, limits.timeoutMs)
    const usesFile = this.argv.some((arg) => arg.includes(PROMPT_FILE_PLACEHOLDER))
    if (!contextDir && files.length > 0) throw new Error('CommandAgent: files were given for an agent without a context directory.')
    const promptFile = contextDir && usesFile ? path.join(contextDir.absolute, PROMPT_FILE_NAME) : record
    const [file, ...args] = usesFile ? this.argv.map((arg) => arg.replaceAll(PROMPT_FILE_PLACEHOLDER, promptFile)) : this.argv
    reporter?.info(`agent attempt ${attempt}: running '${file}' with the prompt ${usesFile ? `in ${promptFile}` : 'on stdin'}`)

    const ownFiles = contextDir && usesFile ? [...files, { name: PROMPT_FILE_NAME, text: prompt }] : files
    // Usage spread over the run is counted line by line as it arrives: the tail would lose the start.
    const tally = this.options.outputReaders?.tallyUsage?.()
    const lines = tally ? new LineScanner((line) => tally.line(line)) : undefined
    let outcome: Awaited<ReturnType<typeof runProcess>>
    try {
      if (contextDir && ownFiles.length > 0) {
        await prepareContextDir(contextDir, ownFiles)
        reporter?.info(
          `agent attempt ${attempt}: ${ownFiles.map((f) => f.name).join(', ')} in ${contextDir.relative}/ until the agent exits`
        )
      }
      outcome = await runProcess({
        file,
        args,
        cwd,
        env,
        stdin: usesFile ? undefined : prompt,
        timeoutMs,
        // The output is streamed through onOutput; only a preset's readers need its end.
        tailBytes: this.options.outputReaders ? READER_TAIL_BYTES : 0,
        onOutput,
        ...(lines ? { onStdout: (chunk: Buffer) => lines.push(chunk) } : {}),
        wrapper,
        abort,
        killGraceMs
      })
    } finally {
      // Gone before the change is read and the gate runs; the workspace leaves it out regardless.
      if (contextDir) {
        const problem = await removeContextDir(contextDir)
        if (problem) reporter?.warning(`Could not remove the agent's context directory ${contextDir.absolute}: ${problem}`)
      }
    }

    // With a wrapper, a spawn error is about the wrapper; the agent's own absence shows as its exit code.
    const launched = wrapper?.[0] ?? file
    const what = wrapper?.length ? 'sandbox wrapper' : 'agent command'
    if (outcome.spawnError === 'not-found') {
      reporter?.warning(
        `${what} '${launched}' not found: install it on this runner or fix the agent command (looked up on the agent's PATH).`
      )
      return { exitCode: 127, durationMs: outcome.durationMs, timedOut: false }
    }
    if (outcome.spawnError === 'not-executable') {
      reporter?.warning(`${what} '${launched}' is not executable: make it executable (chmod +x) or fix the agent command.`)
      return { exitCode: 126, durationMs: outcome.durationMs, timedOut: false }
    }
    if (outcome.timedOut) {
      reporter?.warning(
        `agent attempt ${attempt}: '${file}' timed out after ${Math.round(timeoutMs / 1000)}s and was stopped with everything it started.`
      )
    }
    const readers = this.options.outputReaders
    const denials = readers?.parseDenials?.(outcome.tail) ?? []
    lines?.end()
    const usage = tally?.usage() ?? readers?.parseUsage?.(outcome.tail)
    return {
      exitCode: outcome.exitCode,
      durationMs: outcome.durationMs,
      timedOut: outcome.timedOut,
      ...(denials.length > 0 ? { denials } : {}),
      ...(usage ? { usage } : {})
    }
  }
}
