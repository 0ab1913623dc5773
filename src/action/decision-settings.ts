import { InputError, parseChoice, parseWholeNumber } from '../core/input-values.js'
import { branchNameProblem, healBranchName, issueBranchName } from '../core/naming.js'

/** The job the action is asked to do; `auto` is resolved from the event. */
export type Mode = 'auto' | 'issue-to-pr' | 'self-heal'
/** Two-job mode: `propose` holds no write token; `publish` runs no agent and no repository code. */
export type Stage = 'all' | 'propose' | 'publish'

/** The inputs that decide whether an event is ours, and which job it asks for. */
export interface DecisionSettings {
  mode: Mode
  stage: Stage
  triggerLabel: string
  triggerCommand: string
  branchPrefix: string
  issueNumber?: number
  runId?: number
}

type InputReader = (name: string) => string

/**
 * Reads and validates the inputs the event decision needs, and nothing more: an event that is not
 * ours is skipped with only these read (and this module's small imports loaded). Every other
 * input is validated by readActionSettings, which includes these, before any work starts.
 */
export function readDecisionSettings(read: InputReader): DecisionSettings {
  const input = (name: string): string => read(name) ?? ''
  const named = (name: string): string => `Input '${name}'`
  const optionalNumber = (name: string): number | undefined =>
    input(name).trim() ? parseWholeNumber(named(name), input(name), 1, Number.MAX_SAFE_INTEGER) : undefined

  const stage = parseChoice(named('stage'), input('stage') || 'all', ['all', 'propose', 'publish'] as const)
  const branchPrefix = input('branch-prefix').trim()
  // Checked as the branches it starts (`<prefix>issue-1`, `<prefix>heal/main`) with git's rules.
  const prefixProblem = /^[A-Za-z0-9._/-]*$/.test(branchPrefix)
    ? (branchNameProblem(issueBranchName(branchPrefix, 1)) ?? branchNameProblem(healBranchName(branchPrefix, 'main')))
    : 'it may hold only letters, digits, ".", "_", "-" and "/"'
  if (prefixProblem) {
    throw new InputError(
      named('branch-prefix'),
      branchPrefix,
      `${prefixProblem.replace(/^its part/, 'the branch part')}; expected a prefix of branch names such as agent/ (letters, digits, ".", "_", "-", "/"; not starting with "-", "/" or ".").`
    )
  }
  const triggerCommand = input('trigger-command').trim()
  if (!triggerCommand) throw new InputError(named('trigger-command'), '', 'expected a word such as /agent.')
  const triggerLabel = input('trigger-label').trim()
  if (!triggerLabel) throw new InputError(named('trigger-label'), '', 'expected a label name such as agent.')
  if ([...triggerLabel].length > 50) {
    throw new InputError(
      named('trigger-label'),
      triggerLabel,
      'GitHub label names have at most 50 characters; expected a label name such as agent.'
    )
  }
  return {
    mode: parseChoice(named('mode'), input('mode') || 'auto', ['auto', 'issue-to-pr', 'self-heal'] as const),
    stage,
    triggerLabel,
    triggerCommand,
    branchPrefix,
    issueNumber: optionalNumber('issue-number'),
    runId: optionalNumber('run-id')
  }
}
