/**
 * The gate as the user wrote it: one shell line per step, every step run in order even after a
 * failure (the agent needs every failure at once), each with a bounded output tail.
 */
import { performance } from 'node:perf_hooks'
import { runProcess, tryFindExecutable, type OutputSink } from '../process/process-runner.js'
import type { Gate, GateResult, Reporter, StepResult } from '../../core/types.js'

/** How the gate runs its steps. */
export interface ShellGateOptions {
  /** Shell lines, run in order. */
  steps: string[]
  cwd: string
  /** The steps' whole environment: the gate runs agent-written code, so no credentials belong here. */
  env: Record<string, string | undefined>
  /** Each step's own time limit; a step over it is killed with everything it started. */
  timeoutMs: number
  /** How many bytes of the end of each step's output to keep. */
  tailBytes: number
  /** Receives every chunk of every step's output as it arrives. */
  onOutput?: OutputSink
  /** An argv prefix (e.g. a sandboxing command) each step's shell runs under. */
  wrapper?: string[]
  reporter?: Reporter
  /** Time between SIGTERM and SIGKILL when a step is killed; 2 s unless told. */
  killGraceMs?: number
  /** Aborting kills the running step and fails the rest at once (e.g. wired to Ctrl-C in the CLI). */
  abort?: AbortSignal
}

/** One step per non-empty line, trimmed; lines starting with `#` are comments. */
export function parseGateSteps(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
}

/** Runs the user's gate steps with bash (errexit, pipefail), or POSIX sh where there is no bash. */
export class ShellGate implements Gate {
  private shell: Promise<string[]> | undefined

  constructor(private readonly options: ShellGateOptions) {
    // A gate that runs nothing would pass every change: never a verdict.
    if (options.steps.length === 0) throw new Error('The gate has no steps: give at least one lint or test command.')
    const blank = options.steps.findIndex((step) => step.trim() === '')
    if (blank >= 0) throw new Error(`Gate step ${blank + 1} is empty: every step must be a command.`)
  }

  /** Runs every step, in order, and reports each one; `label` names this run in the log. */
  async run(label: string): Promise<GateResult> {
    const started = performance.now()
    const shell = await this.resolveShell()
    const steps: StepResult[] = []
    const total = this.options.steps.length
    for (const [index, line] of this.options.steps.entries()) {
      this.options.reporter?.info(`gate ${label}: step ${index + 1}/${total} $ ${line}`)
      const step = await this.runStep(shell, line)
      this.reportStep(label, index, step)
      steps.push(step)
    }
    return { ok: steps.every((step) => step.ok), steps, durationMs: performance.now() - started }
  }

  private resolveShell(): Promise<string[]> {
    // Looked up on the gate's own PATH, which is the one the steps' commands resolve against.
    this.shell ??= tryFindExecutable('bash', this.options.env.PATH).then((bash) =>
      bash ? [bash, '--noprofile', '--norc', '-eo', 'pipefail', '-c'] : ['sh', '-ec']
    )
    return this.shell
  }

  private async runStep(shell: string[], line: string): Promise<StepResult> {
    const { cwd, env, timeoutMs, tailBytes, onOutput, wrapper, killGraceMs, abort } = this.options
    const outcome = await runProcess({
      file: shell[0],
      args: [...shell.slice(1), line],
      cwd,
      env,
      timeoutMs,
      tailBytes,
      onOutput,
      wrapper,
      killGraceMs,
      abort
    })
    if (outcome.spawnError) {
      const tail = `The gate's shell '${shell[0]}' could not be started (${outcome.spawnError}); the gate needs bash or sh on PATH.`
      return { name: line, exitCode: null, ok: false, durationMs: outcome.durationMs, tail, timedOut: false, missingTool: true }
    }
    // 127: the shell found no such command; 126: found, but it cannot be executed.
    const cannotRun =
      outcome.exitCode === 127 || (outcome.exitCode === 126 && /permission denied|cannot execute|is a directory/i.test(outcome.tail))
    const missing = cannotRun ? (missingCommand(outcome.tail) ?? (outcome.exitCode === 126 ? 'the command' : undefined)) : undefined
    const tail =
      missing === undefined
        ? outcome.tail
        : outcome.exitCode === 126
          ? `${outcome.tail.replace(/\n*$/, '\n')}hint: ${missing === 'the command' ? 'the command' : `'${missing}'`} cannot be executed on this runner (exit 126). Make it executable or change the gate.`
          : `${outcome.tail.replace(/\n*$/, '\n')}hint: '${missing}' is not installed on this runner (command not found). Install it before this step or change the gate.`
    return {
      name: line,
      exitCode: outcome.exitCode,
      ok: outcome.exitCode === 0 && !outcome.timedOut,
      durationMs: outcome.durationMs,
      tail,
      timedOut: outcome.timedOut,
      missingTool: missing !== undefined
    }
  }

  private reportStep(label: string, index: number, step: StepResult): void {
    const seconds = (step.durationMs / 1000).toFixed(1)
    const how = step.timedOut
      ? `timed out after ${seconds}s`
      : step.missingTool
        ? `not installed, ${seconds}s`
        : `exit code ${step.exitCode ?? 'none'}, ${seconds}s`
    const message = `gate ${label}: step ${index + 1}/${this.options.steps.length} ${step.ok ? 'passed' : 'FAILED'} (${how}) $ ${step.name}`
    // A missing tool is the runner's setup, not the agent's code: worth the user's attention.
    if (step.missingTool) this.options.reporter?.warning(message)
    else this.options.reporter?.info(message)
  }
}

/**
 * The command the shell could not find, from its message: bash prints
 * `bash: line 1: ruff: command not found`, dash prints `sh: 1: ruff: not found`.
 */
function missingCommand(tail: string): string | undefined {
  const lines = tail.split('\n')
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = /^(?:.*?: )?([^:]+): (?:command )?not found\s*$/.exec(lines[i])
    if (match) return match[1].trim()
    const absent = /^(?:.*?: )?([^:]+): (?:No such file or directory|Permission denied|cannot execute.*)\s*$/.exec(lines[i])
    if (absent) return absent[1].trim()
  }
  return undefined
}
