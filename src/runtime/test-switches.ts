/**
 * Test-only switches that turn one protection off, so that a security test's positive control can
 * show its hunter would have found the canary without it (a hunt that finds nothing because it
 * could not look proves nothing). They are read from one environment variable, never from an
 * input; the action says loudly in its log when one is on. Nothing in a workflow should set it.
 */

/** The protections a test can switch off. */
export type Protection =
  /** The action's git reads its configuration as git does by default (system, HOME, XDG). */
  | 'git-config'
  /** Only `.git/config` is put back after the agent; git finds the repository through the work tree. */
  | 'git-metadata'
  /** stage publish takes a bundle without comparing its digest to the bundle-digest input. */
  | 'bundle-digest'
  /** The agent and the gate keep their privilege (no no_new_privs, capabilities, groups). */
  | 'privilege'
  /** No private mounts: HOME, RUNNER_TEMP and the rest of the file system as the action sees them. */
  | 'mounts'
  /** The action's own children after the agent find programs on the runner's PATH. */
  | 'trusted-path'
  /** The runner's file-command files are not compared and put back. */
  | 'file-commands'
  /** /tmp is shared with the action (the e2e suites' scripted agents keep their state there). */
  | 'private-tmp'
  /** Plays a runner that offers no namespaces at all. */
  | 'namespaces'

/** The variable naming the switched-off protections, separated by commas. */
export const TEST_SWITCH_VARIABLE = 'GATED_AGENT_TEST_ONLY_PROTECTIONS_OFF'

const KNOWN: readonly Protection[] = [
  'git-config',
  'git-metadata',
  'bundle-digest',
  'privilege',
  'mounts',
  'trusted-path',
  'file-commands',
  'private-tmp',
  'namespaces'
]

/** The protections switched off in `env`. */
export function protectionsOff(env: NodeJS.ProcessEnv = process.env): Set<Protection> {
  const names = (env[TEST_SWITCH_VARIABLE] ?? '').split(',').map((name) => name.trim())
  return new Set(KNOWN.filter((name) => names.includes(name)))
}

/** The warning to log when any protection is off; undefined when none is. */
export function protectionsOffWarning(off: ReadonlySet<Protection>): string | undefined {
  // A shared /tmp is a convenience the e2e suites' scripted agents need, not a security protection
  // a hunt is run without; the run says so in the log, without a warning annotation.
  const security = [...off].filter((name) => name !== 'private-tmp')
  if (security.length === 0) return undefined
  return `${TEST_SWITCH_VARIABLE} is set: the protection(s) ${[...off].join(', ')} are OFF. This switch exists for Gated Agent's own tests; never set it in a workflow.`
}
