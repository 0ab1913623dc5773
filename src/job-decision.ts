import type { ActionSettings } from './action-settings.js'
import type { RunnerContext } from './runner-context.js'
import { resolveIssueTrigger, type IssueTrigger } from './github/issue-events.js'

/** Which job this event asks for, or why it is not ours. Decided without any API call. */
export type JobDecision =
  | { kind: 'issue-to-pr'; trigger: Extract<IssueTrigger, { kind: 'issue' }> }
  | { kind: 'self-heal' }
  | { kind: 'skip'; reason: string }

const ISSUE_EVENTS = new Set(['issues', 'issue_comment'])

/** Resolves `mode` against the event: issue events and a dispatch with `issue-number` are issue-to-pr. */
export function decideJob(context: RunnerContext, settings: ActionSettings): JobDecision {
  const event = { eventName: context.eventName, payload: context.payload }
  const wantsIssue =
    settings.mode === 'issue-to-pr' ||
    (settings.mode === 'auto' &&
      (ISSUE_EVENTS.has(context.eventName) || (context.eventName === 'workflow_dispatch' && settings.issueNumber !== undefined)))
  if (wantsIssue) {
    const trigger = resolveIssueTrigger(event, {
      triggerLabel: settings.triggerLabel,
      triggerCommand: settings.triggerCommand,
      issueNumberInput: settings.issueNumber
    })
    return trigger.kind === 'skip' ? trigger : { kind: 'issue-to-pr', trigger }
  }
  if (settings.mode === 'self-heal') return { kind: 'self-heal' }
  return {
    kind: 'skip',
    reason: `The ${context.eventName || 'unknown'} event is not one Gated Agent acts on in mode '${settings.mode}': label an issue '${settings.triggerLabel}', comment '${settings.triggerCommand}', or dispatch with issue-number.`
  }
}
