/**
 * A fake model that acts only on what it has seen, for proving an agent CLI was really given its
 * task: it looks for a token in everything each request carries (the prompt, the CLI's own
 * context, every tool result so far). Until it has seen the token it reads, with the CLI's own
 * read tool, each file the prompt names by absolute path, one per turn; once it has seen the token
 * it makes the fix (read, then write: Claude Code writes only files it has read), and with nothing
 * left to read it ends the session without a change.
 */
import { editFile, final, read, type ScriptPosition, type Step } from './script.js'

/** What the seeker looks for, and the fix it makes once it has found it. */
export interface SeekOptions {
  /** A random string that exists only where the task is (the issue body, the failed job's log). */
  token: string
  /** The file the fix writes (relative paths resolve against the fake's `root`), and its new content. */
  fix: { path: string; content: string }
}

/** Where a seeker session stands; one per CLI run. */
export interface SeekerSession {
  /** The files it read, in order (as the prompt named them). */
  reads: string[]
  /** True once a request carried the token. */
  found: boolean
  /** How it ended: the fix made, or nothing to go on. */
  ended?: 'fixed' | 'gave-up'
}

/** Absolute paths of files (.md, .txt, .log, .patch) a prompt names. */
export function namedFiles(prompt: string): string[] {
  const found = [...prompt.matchAll(/(?:^|[\s`'"(])(\/[^\s`'"()]+\.(?:md|txt|log|patch))(?=[\s`'"),.;:]|$)/g)].map((m) => m[1] as string)
  return [...new Set(found)]
}

/** Like ScriptCursor, but each session's steps are decided as the requests come (see the module comment). */
export class SeekerCursor {
  readonly sessions: SeekerSession[] = []
  private readonly plans: Step[][] = []
  private session = -1
  private sessionDone = true
  private sessionPrompt: string | undefined

  constructor(private readonly options: SeekOptions) {}

  /** Where a request falls; `requestText` is the whole request, so the token is found wherever it is. */
  locate(priorToolCalls: number, prompt: string, requestText: string): ScriptPosition & { plan: Step[]; state: SeekerSession } {
    const startsSession = priorToolCalls === 0 && (this.sessionDone || prompt !== this.sessionPrompt)
    const session = startsSession ? this.session + 1 : this.session
    const plan = startsSession ? [] : [...(this.plans[session] ?? [])]
    const state: SeekerSession = startsSession ? { reads: [], found: false } : { ...(this.sessions[session] as SeekerSession) }
    state.reads = [...state.reads]
    let step: Step | undefined
    if (!startsSession && this.sessionDone) {
      // After its final answer a CLI may ask once more: it gets the final again.
      step = plan.at(-1)
    } else {
      while (plan.length <= priorToolCalls) this.decide(plan, state, prompt, requestText)
      step = plan[priorToolCalls]
    }
    return { step, index: priorToolCalls, session, startsSession, sessionStart: 0, prompt, plan, state }
  }

  /** Accepts a located main request. */
  commit(position: ReturnType<SeekerCursor['locate']>): void {
    if (position.startsSession) {
      this.session = position.session
      this.sessionDone = false
      this.sessionPrompt = position.prompt
    }
    this.plans[position.session] = position.plan
    this.sessions[position.session] = position.state
    if (position.step?.kind === 'final') this.sessionDone = true
  }

  private decide(plan: Step[], state: SeekerSession, prompt: string, requestText: string): void {
    if (requestText.includes(this.options.token)) {
      state.found = true
      state.ended = 'fixed'
      plan.push(...editFile(this.options.fix.path, this.options.fix.content), final('Done: the fix the task asks for is made.'))
      return
    }
    const unread = namedFiles(prompt).find((file) => !state.reads.includes(file))
    if (unread !== undefined) {
      state.reads.push(unread)
      plan.push(read(unread))
      return
    }
    state.ended = 'gave-up'
    plan.push(final('I could not find what the task asks for, so I changed nothing.'))
  }
}
