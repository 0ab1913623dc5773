/**
 * Which event asks for an issue to be implemented. Pure: it reads the webhook payload the runner
 * saved (untrusted data, so every field is checked before use) and returns the issue to work on,
 * or why this event is not a trigger. The caller still checks the actor's permission.
 */
import { asRecord, readUser } from './payload-readers.js'
import type { GitHubUser, Issue } from './github-api.js'

/** The event as the runner reports it (`GITHUB_EVENT_NAME`, the JSON at `GITHUB_EVENT_PATH`). */
export interface TriggerEvent {
  eventName: string
  payload: unknown
}

/** The trigger settings, from the action's inputs. */
export interface IssueTriggerSettings {
  triggerLabel: string
  triggerCommand: string
  /** The `issue-number` input, used by `workflow_dispatch`. */
  issueNumberInput?: string | number
}

/** An issue to implement, or why not. */
export type IssueTrigger =
  | {
      kind: 'issue'
      issueNumber: number
      /** Who triggered: the labeller, the issue's author, the commenter or the dispatcher. */
      actor: GitHubUser
      /** The issue as the payload carried it; absent for `workflow_dispatch` (read it through the API). */
      issue?: Issue
      /** The text after the command in an `issue_comment` trigger. */
      extraInstruction?: string
    }
  | { kind: 'skip'; reason: string }

/** Resolves an issue-to-pr trigger from an event. */
export function resolveIssueTrigger(event: TriggerEvent, settings: IssueTriggerSettings): IssueTrigger {
  const payload = asRecord(event.payload) ?? {}
  const action = typeof payload.action === 'string' ? payload.action : undefined
  const label = settings.triggerLabel
  const what = action ? `the ${event.eventName} event (action '${action}')` : `the ${event.eventName} event`

  switch (event.eventName) {
    case 'issues': {
      const issue = readIssue(payload.issue)
      if (!issue) return skip(`${capitalise(what)} carries no issue.`)
      if (action === 'labeled') {
        const added = asRecord(payload.label)?.name
        if (added !== label) return skip(`Issue #${issue.number} was labelled '${String(added)}', not the trigger label '${label}'.`)
      } else if (action === 'opened') {
        if (!issue.labels.includes(label)) return skip(`Issue #${issue.number} was opened without the trigger label '${label}'.`)
      } else {
        return skip(`${capitalise(what)} does not trigger the agent; labelling an issue '${label}' does.`)
      }
      if (issue.state === 'closed') return skip(`Issue #${issue.number} is closed.`)
      const actor = readUser(payload.sender)
      if (!actor) return skip(`${capitalise(what)} names no sender.`)
      return { kind: 'issue', issueNumber: issue.number, actor, issue }
    }

    case 'issue_comment': {
      if (action !== 'created')
        return skip(`${capitalise(what)} does not trigger the agent; a new comment starting with '${settings.triggerCommand}' does.`)
      const issue = readIssue(payload.issue)
      const comment = asRecord(payload.comment)
      if (!issue || !comment) return skip(`${capitalise(what)} carries no issue or comment.`)
      if (issue.isPullRequest) return skip(`The comment is on pull request #${issue.number}; the command works on issues only.`)
      const body = typeof comment.body === 'string' ? comment.body : ''
      const instruction = afterCommand(body, settings.triggerCommand)
      if (instruction === undefined) return skip(`The comment on issue #${issue.number} does not start with '${settings.triggerCommand}'.`)
      if (issue.state === 'closed') return skip(`Issue #${issue.number} is closed.`)
      const actor = readUser(comment.user)
      if (!actor) return skip(`The comment on issue #${issue.number} names no author.`)
      return { kind: 'issue', issueNumber: issue.number, actor, issue, ...(instruction ? { extraInstruction: instruction } : {}) }
    }

    case 'workflow_dispatch': {
      const input = String(settings.issueNumberInput ?? '').trim()
      if (input === '') return skip('The workflow_dispatch event has no issue-number input.')
      if (!/^[1-9]\d*$/.test(input)) return skip(`The issue-number input '${input}' is not an issue number.`)
      const actor = readUser(payload.sender)
      if (!actor) return skip('The workflow_dispatch event names no sender.')
      return { kind: 'issue', issueNumber: Number(input), actor }
    }

    default:
      return skip(`${capitalise(what)} does not trigger issue-to-pr.`)
  }
}

/**
 * The rest of the comment when it starts with the command (leading whitespace allowed), as a
 * whole word: `/agent fix it` matches `/agent`, `/agents` does not. '' when nothing follows.
 */
export function afterCommand(body: string, command: string): string | undefined {
  const text = body.trimStart()
  if (command === '' || !text.startsWith(command)) return undefined
  const rest = text.slice(command.length)
  if (rest !== '' && !/^\s/.test(rest)) return undefined
  return rest.trim()
}

function readIssue(value: unknown): Issue | undefined {
  const issue = asRecord(value)
  if (!issue || typeof issue.number !== 'number') return undefined
  const labels = Array.isArray(issue.labels)
    ? issue.labels
        .map((label) => (typeof label === 'string' ? label : asRecord(label)?.name))
        .filter((name): name is string => typeof name === 'string')
    : []
  return {
    number: issue.number,
    title: typeof issue.title === 'string' ? issue.title : '',
    body: typeof issue.body === 'string' ? issue.body : '',
    labels,
    user: readUser(issue.user) ?? { login: 'ghost', type: 'User' },
    htmlUrl: typeof issue.html_url === 'string' ? issue.html_url : '',
    state: typeof issue.state === 'string' ? issue.state : 'open',
    isPullRequest: issue.pull_request != null
  }
}

function skip(reason: string): IssueTrigger {
  return { kind: 'skip', reason }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
