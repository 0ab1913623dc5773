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
  /** Every prompt token the run sent, cached input included. */
  inputTokens?: number
  /** Every token the model generated, reasoning included. */
  outputTokens?: number
  costUsd?: number
  /** The CLI printed the counts rounded (Copilot's `1.5k`): they are close, not exact. */
  approximate?: boolean
}

/** One agent run's outcome. */
export interface AgentRun {
  exitCode: number | null
  durationMs: number
  timedOut: boolean
  /** Tool uses the CLI says it was refused (a read outside its reach, an edit without permission). */
  denials?: Denial[]
  usage?: AgentUsage
}

/** One tool use an agent CLI refused its model, as the CLI reported it. */
export interface Denial {
  /** The CLI's name for the tool, e.g. `Read`, `write_file`. */
  tool: string
  /** What it was refused on (a path, a command), when the CLI says. */
  target?: string
  /** A read (the agent could not see something), an edit (it could not change something), or another tool. */
  kind: 'read' | 'edit' | 'other'
}

/** A file handed to the agent for one run, in its context directory (see {@link ContextDirectory}). */
export interface ContextFile {
  /** A plain file name, no directories. */
  name: string
  text: string
}

/**
 * Where the files a prompt names live while the agent runs: a directory inside the work tree (so
 * every CLI may read it under its own default permissions), never part of the change, removed when
 * the agent exits.
 */
export interface ContextDirectory {
  /** Relative to the work tree's top level, e.g. `.gated-agent`. */
  relative: string
  absolute: string
}

/** Runs the agent with a prompt, in the work tree. */
export interface Agent {
  /** Where the files handed to `run` are put; undefined when this agent takes none (the prompt then names none). */
  readonly contextDir?: ContextDirectory
  run(prompt: string, attempt: number, files?: readonly ContextFile[], limits?: AgentRunLimits): Promise<AgentRun>
}

/** Limits for one agent run set by the loop, tighter than the agent's own. */
export interface AgentRunLimits {
  /** What is left of the agent-minutes budget: the run is stopped (timed out) after this long. */
  timeoutMs?: number
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
  /**
   * The same change for policies to read: every file as text, whatever `.gitattributes` says
   * (`binary`, `-diff`, a textconv driver), so no file can hide from them. Falls back to `patch`.
   */
  reviewPatch?: string
  /**
   * Whole texts of changed files whose meaning a policy needs in full (package.json, pyproject.toml,
   * setup.cfg), before and after the change; a side is absent when the file did not exist then.
   */
  contents?: Record<string, { before?: string; after?: string }>
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
  /** Issue-to-pr: the issue as its author wrote it; the prompt cleans, fences and bounds it. */
  issue?: IssueText
  /** Self-heal: extra context for the fix from the person who asked (untrusted). */
  text?: string
  /** Self-heal: CI's whole record of the failure, handed to the agent as a file. */
  evidence?: string
  /** Self-heal: the failing steps and the end of the log, bounded, shown in the prompt itself. */
  evidenceExcerpt?: string
  /** A follow-up on the agent's own pull request (with `issue`: the issue it implements, for context). */
  followUp?: FollowUpText
}

/** What a reviewer asked of the agent's pull request, raw: the prompt cleans, fences and bounds it. */
export interface FollowUpText {
  pullNumber: number
  /** The comment's text after the command, or the review's body. */
  request: string
  /** Inline review comments: the file, the line, the diff hunk it sits on, the text. */
  inline: Array<{ path: string; line?: number; diffHunk: string; body: string }>
  /** The pull request's change so far (`git diff base...head`). */
  diff: string
}

/** An issue's text, raw: what its author (and the person who asked) wrote. */
export interface IssueText {
  number?: number
  title?: string
  body: string
  /** What the person who asked added (e.g. in the triggering comment). */
  extraInstruction?: string
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
      /** Set when the loop stopped because the agent's spending reached a budget. */
      budget?: BudgetReached
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

/** Which budget the agent's spending reached: minutes of agent wall time, or US dollars reported. */
export interface BudgetReached {
  kind: 'minutes' | 'cost'
  /** Minutes (kind `minutes`) or US dollars (kind `cost`) spent over the attempts. */
  spent: number
  limit: number
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
