import type { DecisionSettings } from './decision-settings.js'
import type { RunnerContext } from './runner-context.js'
import { resolveIssueTrigger, type IssueTrigger } from '../github/issue-events.js'
import { resolveHealInPlace, resolveHealTrigger, type HealableRun, type HealTrigger } from '../github/heal-events.js'
import { isPullRequestComment, PR_EVENTS, resolvePrFollowUpTrigger, type PrFollowUpTrigger } from '../github/pr-events.js'

/** A follow-up on one of our own PRs: what a reviewer asked, or its branch's failed CI run (heal in place). */
export type FollowUpTrigger = Exclude<PrFollowUpTrigger, { kind: 'skip' }> | { kind: 'ci'; run: HealableRun }

/** Which job this event asks for, or why it is not ours. Decided without any API call. */
export type JobDecision =
  | { kind: 'issue-to-pr'; trigger: Extract<IssueTrigger, { kind: 'issue' }> }
  | { kind: 'self-heal'; trigger: Exclude<HealTrigger, { kind: 'skip' }> }
  | { kind: 'pr-follow-up'; trigger: FollowUpTrigger }
  | { kind: 'skip'; reason: string }

const ISSUE_EVENTS = new Set(['issues', 'issue_comment'])

/**
 * Resolves `mode` against the event: issue events and a dispatch with `issue-number` are
 * issue-to-pr; a failed `workflow_run`, a dispatch with `run-id`, and a CI event (the action run
 * after a failed step) are self-heal. Self-heal's guards that need no API (forks, our own
 * branches, a run that did not fail) refuse here, before anything else is loaded or run.
 */
export function decideJob(context: RunnerContext, settings: DecisionSettings): JobDecision {
  const event = { eventName: context.eventName, payload: context.payload }
  // Our own pull requests: a comment or review asking for a change, and a red CI run on the branch.
  const onPull = PR_EVENTS.has(context.eventName) || (context.eventName === 'issue_comment' && isPullRequestComment(context.payload))
  if (onPull && settings.mode !== 'self-heal') {
    const trigger = resolvePrFollowUpTrigger(context.eventName, context.payload, {
      triggerCommand: settings.triggerCommand,
      branchPrefix: settings.branchPrefix,
      repositoryId: context.repositoryId
    })
    return trigger.kind === 'skip' ? trigger : { kind: 'pr-follow-up', trigger }
  }
  // A run's event, as the heal guards read it (in place on our branches, or a heal branch).
  const runEvent = {
    ...event,
    repositoryId: context.repositoryId,
    actor: context.actor,
    triggeringActor: context.triggeringActor,
    ref: context.ref,
    sha: context.sha,
    runId: context.runId,
    runAttempt: context.runAttempt
  }
  if (settings.mode !== 'issue-to-pr') {
    const inPlace = resolveHealInPlace(runEvent, { branchPrefix: settings.branchPrefix })
    if (inPlace?.kind === 'skip') return inPlace
    if (inPlace?.kind === 'workflow-run') return { kind: 'pr-follow-up', trigger: { kind: 'ci', run: inPlace.run } }
  }
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
  const heal = resolveHealTrigger(runEvent, {
    mode: settings.mode === 'self-heal' ? 'self-heal' : 'auto',
    branchPrefix: settings.branchPrefix,
    runId: settings.runId
  })
  if (heal?.kind === 'skip') return heal
  if (heal) return { kind: 'self-heal', trigger: heal }
  return {
    kind: 'skip',
    reason: `The ${context.eventName || 'unknown'} event is not one Gated Agent acts on in mode '${settings.mode}': label an issue '${settings.triggerLabel}', comment '${settings.triggerCommand}', dispatch with issue-number or run-id, or heal a failed run (workflow_run, or this job after a failed step).`
  }
}
