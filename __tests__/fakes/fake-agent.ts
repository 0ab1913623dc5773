/**
 * A scripted Agent: each run applies the next step of its script to a FakeWorkspace and reports
 * the scripted outcome. It records every prompt so tests can read what the agent was told.
 */
import type { Agent, AgentRun, AgentRunLimits, AgentUsage, ContextDirectory, ContextFile, Denial } from '../../src/core/types.js'
import type { FakeWorkspace } from './fake-workspace.js'

/** What the agent does on one run. */
export interface AgentStep {
  /** Files to write; null deletes the file. */
  edits?: Record<string, string | null>
  /** Defaults to 0. */
  exitCode?: number | null
  timedOut?: boolean
  denials?: Denial[]
  /** Breaks the repository (see FakeWorkspace.breakRepo) with this reason. */
  breakRepo?: string
  /** With `breakRepo`: the repository is beyond restoring, and `restore` throws this. */
  unrestorable?: string
  durationMs?: number
  usage?: AgentUsage
}

/** A step computed from what the agent sees (its prompt and the tree it is working on). */
export type AgentScriptEntry = AgentStep | ((seen: { prompt: string; attempt: number; workspace: FakeWorkspace }) => AgentStep)

/** An Agent following a script, one entry per run; running past the script is a test failure. */
export class FakeAgent implements Agent {
  /** Every prompt received, in order. */
  readonly prompts: string[] = []
  /** The attempt numbers the loop passed, in order. */
  readonly attemptNumbers: number[] = []
  /** The context files each run was handed, in order. */
  readonly files: Array<readonly ContextFile[]> = []
  /** The limits each run was given, in order. */
  readonly limits: AgentRunLimits[] = []

  constructor(
    private readonly workspace: FakeWorkspace,
    private readonly script: AgentScriptEntry[],
    /** Given, the loop hands this agent the files its prompt names. */
    readonly contextDir?: ContextDirectory
  ) {}

  /** How many times the agent ran. */
  get runs(): number {
    return this.prompts.length
  }

  async run(prompt: string, attempt: number, files: readonly ContextFile[] = [], limits: AgentRunLimits = {}): Promise<AgentRun> {
    const entry = this.script[this.prompts.length]
    this.limits.push(limits)
    this.prompts.push(prompt)
    this.files.push(files)
    this.attemptNumbers.push(attempt)
    if (entry === undefined) throw new Error(`FakeAgent: no scripted step for run ${this.prompts.length}`)
    const step = typeof entry === 'function' ? entry({ prompt, attempt, workspace: this.workspace }) : entry
    for (const [path, text] of Object.entries(step.edits ?? {})) this.workspace.write(path, text)
    if (step.breakRepo !== undefined) this.workspace.breakRepo(step.breakRepo, step.unrestorable)
    return {
      exitCode: step.exitCode === undefined ? 0 : step.exitCode,
      durationMs: step.durationMs ?? 1200,
      timedOut: step.timedOut ?? false,
      ...(step.denials ? { denials: step.denials } : {}),
      ...(step.usage ? { usage: step.usage } : {})
    }
  }
}
