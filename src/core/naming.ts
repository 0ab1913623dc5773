/**
 * The names Gated Agent gives and accepts, in one place: its branches (`<prefix>issue-<n>`,
 * `<prefix>heal/<branch>`, the CLI's local ones), commit ids, and the bot identities it commits as.
 *
 * Branch names are checked before any work starts, with git's own rules (`git check-ref-format
 * --branch`, see git-check-ref-format(1)), so a bad `branch-prefix` or `base-branch` input stops
 * the run at once instead of after the agent has spent its budget. The workspace checks again
 * with git itself before it commits or pushes.
 */

// ASCII control characters, space, and the characters git reserves for revision syntax.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u0020\u007F~^:?*[\\]/

/** Why `name` is not a valid branch name for git, or undefined when it is. */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'it is empty'
  if (name.startsWith('-')) return 'it starts with "-", which git would read as an option'
  const bad = FORBIDDEN_CHARACTERS.exec(name)
  if (bad) return `it contains ${bad[0] === ' ' ? 'a space' : JSON.stringify(bad[0])}, which git does not allow in a branch name`
  if (name.includes('..')) return 'it contains "..", which git reads as a range'
  if (name.includes('@{')) return 'it contains "@{", which git reads as a reflog reference'
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//')) return 'it has an empty folder ("/" at the start or end, or "//")'
  if (name.endsWith('.')) return 'it ends with "."'
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return `its part "${component}" starts with "."`
    if (component.endsWith('.lock')) return `its part "${component}" ends with ".lock"`
  }
  return undefined
}

/**
 * A full commit id as git prints it: 40 lower-case hex digits (SHA-1) or 64 (SHA-256). Anything
 * else (an abbreviation, a ref name, an option) is refused before it reaches a git command line.
 */
export const COMMIT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/

/** Whether `text` is a full commit id (see {@link COMMIT_ID}). */
export function isCommitId(text: string): boolean {
  return COMMIT_ID.test(text)
}

/** The stable branch that carries the change for an issue: `<prefix>issue-<n>`. */
export function issueBranchName(branchPrefix: string, issueNumber: number): string {
  return `${branchPrefix}issue-${issueNumber}`
}

/** The stable branch that carries the fix of a failing branch: `<prefix>heal/<branch>`. */
export function healBranchName(branchPrefix: string, failingBranch: string): string {
  return `${branchPrefix}heal/${failingBranch}`
}

/**
 * Whether a branch is one Gated Agent pushes (`<prefix>heal/...`, `<prefix>issue-<n>`): a heal
 * PR whose CI fails must not start a heal of itself. With an empty prefix, only those two shapes
 * are ours; otherwise everything under the prefix is.
 */
export function isOwnBranch(branchPrefix: string, branch: string): boolean {
  if (branchPrefix !== '') return branch.startsWith(branchPrefix)
  return branch.startsWith('heal/') || /^issue-\d+$/.test(branch)
}

/** Text (a file name, a branch) made into one safe branch-name part: lower case, `[a-z0-9._-]`. */
export function branchSlug(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .replace(/\.{2,}/g, '.')
    // git refuses a branch-name part that ends with ".lock" (an issue file named `x.lock.md`).
    .replace(/\.lock$/, '-lock')
  return slug || 'change'
}

/**
 * The CLI's branch for an issue file: `<prefix>issue-<slug of the file name>`, or
 * `<prefix><slug>` when the file name starts with "issue" already (`issue-12.md` → `agent/issue-12`).
 */
export function localIssueBranch(branchPrefix: string, issueFileName: string): string {
  const name = branchSlug(issueFileName)
  return `${branchPrefix}${name.startsWith('issue') ? name : `issue-${name}`}`
}

/** The CLI's heal branch: `<prefix>heal/<slug of the current branch>` (`detached` without one). */
export function localHealBranch(branchPrefix: string, currentBranch: string | undefined): string {
  return healBranchName(branchPrefix, branchSlug(currentBranch ?? 'detached'))
}

/** The identities proposal commits are made under. */
export const BOT_AUTHOR = {
  /** On GitHub: the Actions bot, so the commit shows as the workflow's. */
  action: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
  /** On a developer's machine (the CLI's local branch). */
  local: { name: 'gated-agent[bot]', email: 'gated-agent@users.noreply.github.com' }
} as const
