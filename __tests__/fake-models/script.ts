/**
 * What a scripted fake model does, step by step, independent of any wire protocol or CLI.
 *
 * A script is a flat list of steps; every `final` step ends one agent session (one CLI run), so
 * `[...editFile('a.txt', 'bad'), final('done'), ...editFile('a.txt', 'good'), final('fixed')]`
 * scripts two attempts of the supervised loop.
 */

/** One model turn: a single tool call, or the final answer that ends the session. */
export type Step =
  | { kind: 'read'; path: string }
  | { kind: 'write'; path: string; content: string }
  | { kind: 'shell'; command: string }
  | { kind: 'final'; text: string }

/** The model reads a file (relative paths resolve against the fake's `root`). */
export function read(path: string): Step {
  return { kind: 'read', path }
}

/** The model writes a whole file. */
export function write(path: string, content: string): Step {
  return { kind: 'write', path, content }
}

/** The model runs a shell command through the CLI's shell tool. */
export function shell(command: string): Step {
  return { kind: 'shell', command }
}

/** The model answers with text and no tool call, which ends the CLI's run. */
export function final(text: string): Step {
  return { kind: 'final', text }
}

/**
 * Read then write: Claude Code refuses to write an existing file it has not read in the session,
 * and the other CLIs do not mind the extra read, so one script fits every CLI.
 */
export function editFile(path: string, content: string): Step[] {
  return [read(path), write(path, content)]
}

/** Where a main request falls in the script; `step` is undefined when the script has no more. */
export interface ScriptPosition {
  step: Step | undefined
  index: number
  session: number
  /** True when this request is the first of a new CLI run. */
  startsSession: boolean
  sessionStart: number
  prompt: string
}

/**
 * Maps main requests to steps without trusting request order alone: within a session the step is
 * the number of tool calls the conversation already holds, so a retried request gets the same
 * step again, and side requests (which are located but never committed) move nothing.
 */
export class ScriptCursor {
  private sessionStart = 0
  private session = -1
  private sessionDone = true
  private sessionPrompt: string | undefined

  constructor(private readonly steps: readonly Step[]) {}

  /** Where a request whose conversation holds `priorToolCalls` tool calls and opens with `prompt` falls. */
  locate(priorToolCalls: number, prompt: string): ScriptPosition {
    // A first request repeating the unfinished session's prompt is a retry, not a new run.
    const startsSession = priorToolCalls === 0 && (this.sessionDone || prompt !== this.sessionPrompt)
    const sessionStart = startsSession ? this.nextSessionStart() : this.sessionStart
    const session = startsSession ? this.session + 1 : this.session
    const end = this.sessionEnd(sessionStart)
    // After its final answer a CLI may ask once more (a "continue?" turn): it gets the final again.
    const index = !startsSession && this.sessionDone ? end - 1 : sessionStart + priorToolCalls
    const step = index < end ? this.steps[index] : undefined
    return { step, index, session, startsSession, sessionStart, prompt }
  }

  /** Accepts a located main request: starts its session, and ends it when the step is final. */
  commit(position: ScriptPosition): void {
    if (position.startsSession) {
      this.sessionStart = position.sessionStart
      this.session = position.session
      this.sessionDone = false
      this.sessionPrompt = position.prompt
    }
    if (position.step?.kind === 'final') this.sessionDone = true
  }

  private nextSessionStart(): number {
    return this.session < 0 ? 0 : this.sessionEnd(this.sessionStart)
  }

  /** One past the session's final step (or the script's end). */
  private sessionEnd(start: number): number {
    let i = start
    while (i < this.steps.length && this.steps[i]?.kind !== 'final') i += 1
    return Math.min(i + 1, this.steps.length)
  }
}
