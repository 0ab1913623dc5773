/**
 * Branch names checked before any work starts, with git's own rules (`git check-ref-format
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
