/**
 * The engine's vocabulary: the four ports the supervised loop drives (Agent, Gate, Workspace,
 * Proposer), the policy checks that count as gate steps, and the loop's result.
 * Nothing here knows about GitHub.
 */

/** The two jobs the engine does. */
export type Job = 'issue-to-pr' | 'self-heal'

/** One gate (or policy) step's outcome. */
export interface StepResult {
  /** The step as the user wrote it (a shell line), or `policy: <name>` for a policy check. */
  name: string
  /** Exit code; null when the process was killed (timeout) or never started. */
  exitCode: number | null
  ok: boolean
  durationMs: number
  /** The last bytes of the step's combined stdout and stderr, decoded leniently. */
  tail: string
  timedOut: boolean
  /** The command was not found: the hint says how to install it. */
  missingTool: boolean
  /** True for policy checks (protected paths, test weakening), which are steps like any other. */
  policy?: boolean
}

/** The whole gate's outcome: every step ran, even after a failure. */
export interface GateResult {
  ok: boolean
  steps: StepResult[]
  durationMs: number
}

/** Runs the user's gate on the work tree. */
export interface Gate {
  run(label: string): Promise<GateResult>
}

/** Usage or cost a CLI reported for one run, when it reports any. */
export interface AgentUsage {
  inputTokens?: number
  outputTokens?: number
  costUsd?: number
}

/** One agent run's outcome. */
export interface AgentRun {
  exitCode: number | null
  durationMs: number
  timedOut: boolean
  /** Edits the CLI says it was refused (e.g. a missing permission flag); never silently `no-change`. */
  deniedEdits?: string[]
  usage?: AgentUsage
}

/** Runs the agent with a prompt, in the work tree. */
export interface Agent {
  run(prompt: string, attempt: number): Promise<AgentRun>
}

/** A path the agent changed, as git sees it. */
export interface ChangedPath {
  path: string
  status: 'added' | 'modified' | 'deleted'
}

/** The agent's change at one point in time. */
export interface Change {
  paths: ChangedPath[]
  /** A binary-safe `git diff` of exactly the agent's change. */
  patch: string
}

/** The git work tree the agent edits. */
export interface Workspace {
  /** Records the tree as it is before the run; paths dirty already are never swept in. */
  begin(): Promise<{ preExistingDirty: string[] }>
  /** The agent's change since `begin`, untracked files included, pre-existing dirty paths excluded. */
  change(): Promise<Change>
  /** Checks that the agent left the repository usable (still a repository, same branch and HEAD). */
  checkIntact(): Promise<string | undefined>
  /** Writes the change to a patch file, so nothing is lost. Returns its path. */
  savePatch(change: Change, name: string): Promise<string>
  /** Puts the tree back exactly as `begin` found it, tracked and untracked files alike. */
  restore(): Promise<void>
}

/** What the loop hands the proposer when the gate is green. */
export interface Proposal {
  job: Job
  change: Change
  attempts: Attempt[]
  lastGate: GateResult
  patchPath: string
}

/** Where the green change went. */
export interface Proposed {
  branch: string
  commit?: string
  prNumber?: number
  prUrl?: string
  /** Human-readable lines about what happened (e.g. how to open the PR locally). */
  notes: string[]
}

/** Delivers a green change: a local branch and commit, a draft PR, or a change bundle. */
export interface Proposer {
  propose(proposal: Proposal): Promise<Proposed>
}

/** A check of the agent's change that counts as a gate step (protected paths, test weakening). */
export interface Policy {
  name: string
  check(change: Change): Promise<StepResult> | StepResult
}

/** One agent run and the gate that judged it. */
export interface Attempt {
  number: number
  agent: AgentRun
  gate?: GateResult
  /** Patch file holding this attempt's change. */
  patchPath?: string
}

/** Everything the prompt needs; the loop adds the failure on retries. */
export interface Task {
  job: Job
  /** Issue-to-pr: the title and body (already cleaned), plus any extra instruction. */
  text?: string
  /** Where untrusted evidence (issue text, CI logs) lives, for the agent to read. */
  evidenceFile?: string
  /** A short excerpt of the evidence shown in the prompt itself. */
  evidenceExcerpt?: string
}

/** How the loop ends: a value, never an exception, for everything a user can cause. */
export type LoopResult =
  | { kind: 'proposed'; attempts: Attempt[]; proposed: Proposed; patchPath: string; lastGate: GateResult }
  | { kind: 'no-change'; attempts: Attempt[]; reason: string }
  | { kind: 'not-reproduced'; attempts: Attempt[]; reproduction: GateResult; reason: string }
  | {
      kind: 'gave-up'
      attempts: Attempt[]
      patchPath?: string
      lastGate?: GateResult
      reason: string
      /** Set when the loop stopped before the cap because two attempts in a row made no progress. */
      noProgress?: NoProgress
    }
  | { kind: 'agent-failed'; attempts: Attempt[]; exitCode: number | null; patchPath?: string; reason: string }
  | {
      kind: 'rejected'
      attempts: Attempt[]
      patchPath?: string
      reason: string
      /** The agent left the repository unusable: how (`.git` gone, HEAD moved). */
      unusable?: string
      /** With `unusable`: why the work tree could not be put back either; absent when it was. */
      unrestored?: string
    }

export type ResultKind = LoopResult['kind']

/** Why the loop stopped early: the same gate failure twice, or the same change twice. */
export interface NoProgress {
  why: 'same-failure' | 'same-change'
  /** Agent runs of the retry cap left unspent. */
  runsSaved: number
}

/** Progress reporting, so a front-end can group log lines per attempt. */
export interface Reporter {
  info(message: string): void
  warning(message: string): void
  startGroup(name: string): void
  endGroup(): void
}

/** The project's instructions, as the prompt quotes them. */
export interface InstructionsFile {
  /** Relative to the searched directory when inside it, else absolute. */
  path: string
  /** The file's text, capped at a bound with a note when cut. */
  text: string
}
