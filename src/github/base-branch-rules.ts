/**
 * Whether the base branch makes a person review what the agent proposes. The action can only open
 * draft pull requests, but anyone who may merge could merge one unreviewed unless a rule requires
 * an approving review. GitHub reports the rulesets that apply to a branch (one read call); classic
 * branch protection is not part of that answer, and reading it needs admin rights.
 */
import type { BranchRule, GitHubApi } from './github-api.js'

/** Where the README explains how to protect the base branch. */
export const RULESET_RECIPE = 'the section "The base branch: a ruleset" of the Gated Agent README'

/** What the base branch's rules say about review. */
export type BaseBranchReview =
  { kind: 'review-required'; approvals: number } | { kind: 'unreviewed'; reason: string } | { kind: 'unknown'; reason: string }

/** Reads the rules of `branch` and says whether a merge into it needs an approving review. */
export async function readBaseBranchReview(api: Pick<GitHubApi, 'getBranchRules'>, branch: string): Promise<BaseBranchReview> {
  let rules: BranchRule[]
  try {
    rules = await api.getBranchRules(branch)
  } catch (error) {
    const status = (error as { status?: unknown } | null)?.status
    // 403: the token may not read rules (a fine-grained token without metadata); 404: GitHub
    // Enterprise Server without rulesets. Not knowing is reported; anything else is a real failure.
    if (status === 403 || status === 404) return { kind: 'unknown', reason: `its rules could not be read (GitHub answered ${status})` }
    throw error
  }
  const approvals = Math.max(-1, ...rules.filter((rule) => rule.type === 'pull_request').map(approvalsOf))
  if (approvals > 0) return { kind: 'review-required', approvals }
  if (approvals === 0) return { kind: 'unreviewed', reason: 'its pull_request rule requires no approving review' }
  return { kind: 'unreviewed', reason: 'no ruleset requires a pull request before merging into it' }
}

/** The warning for a base branch that does not require review, naming the risk and the fix. */
export function unreviewedBaseWarning(branch: string, review: Exclude<BaseBranchReview, { kind: 'review-required' }>): string {
  return (
    `The base branch ${branch} does not require a review: ${review.reason}. ` +
    'A pull request Gated Agent proposes could be merged without anyone approving it. ' +
    `Add a ruleset requiring a pull request with at least one approval (see ${RULESET_RECIPE}); ` +
    'with require-review-rule: true the action refuses to run until one exists. Classic branch protection is not visible to this check.'
  )
}

function approvalsOf(rule: BranchRule): number {
  const count = rule.parameters?.required_approving_review_count
  return typeof count === 'number' && Number.isFinite(count) ? count : 0
}
