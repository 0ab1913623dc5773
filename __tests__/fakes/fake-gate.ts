/**
 * A scripted Gate plus builders for step and gate results. A script entry is either a fixed
 * result or a function of the work tree, so a test can make the gate judge what the agent wrote.
 */
import type { Gate, GateResult, StepResult } from '../../src/core/types.js'
import type { FakeWorkspace } from './fake-workspace.js'

/** One gate run's result, fixed or judged from the files. */
export type GateScriptEntry = GateResult | ((files: ReadonlyMap<string, string>, label: string) => GateResult)

/** A passing step. */
export function passStep(name: string, tail = 'ok\n'): StepResult {
  return { name, exitCode: 0, ok: true, durationMs: 300, tail, timedOut: false, missingTool: false }
}

/** A failing step with its output tail. */
export function failStep(name: string, tail: string, exitCode = 1): StepResult {
  return { name, exitCode, ok: false, durationMs: 300, tail, timedOut: false, missingTool: false }
}

/** A gate result from its steps: green exactly when every step passed. */
export function gateOf(...steps: StepResult[]): GateResult {
  return { ok: steps.every((s) => s.ok), steps, durationMs: steps.reduce((sum, s) => sum + s.durationMs, 0) }
}

/** A Gate following a script, one entry per run; running past the script is a test failure. */
export class FakeGate implements Gate {
  /** The labels of every run, in order. */
  readonly labels: string[] = []
  /** The files the gate saw on each run. */
  readonly seen: Record<string, string>[] = []

  constructor(
    private readonly script: GateScriptEntry[],
    private readonly workspace?: FakeWorkspace
  ) {}

  /** A gate that judges every run with the same function of the files. */
  static judging(workspace: FakeWorkspace, judge: (files: ReadonlyMap<string, string>) => GateResult): FakeGate {
    const gate = new FakeGate([], workspace)
    gate.fallback = judge
    return gate
  }

  private fallback: ((files: ReadonlyMap<string, string>, label: string) => GateResult) | undefined

  /** How many times the gate ran. */
  get runs(): number {
    return this.labels.length
  }

  async run(label: string): Promise<GateResult> {
    const entry = this.script[this.labels.length] ?? this.fallback
    this.labels.push(label)
    const files = this.workspace?.files ?? new Map<string, string>()
    this.seen.push(Object.fromEntries(files))
    if (entry === undefined) throw new Error(`FakeGate: no scripted result for run ${this.labels.length}`)
    return typeof entry === 'function' ? entry(files, label) : entry
  }
}
