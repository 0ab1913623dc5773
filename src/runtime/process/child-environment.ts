/**
 * The environments the agent and the gate run with. The agent gets the runner's environment minus
 * every credential the runner or this action holds; the gate runs agent-written code, so it gets only
 * an allow-list (no token, no model keys). Pure functions: the caller passes `process.env` in.
 */

/** An environment as `process.env` holds it. */
export type Environment = Record<string, string | undefined>

/** Credentials the runner gives every step, or that this action receives as inputs. */
const RUNNER_CREDENTIAL_NAMES = new Set([
  'GITHUB_TOKEN',
  'GH_TOKEN',
  // gh reads these on GitHub Enterprise hosts.
  'GH_ENTERPRISE_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  // The runtime token and its services (cache, artifacts, results) accept it as a bearer.
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_URL',
  // With `id-token: write` these mint OIDC tokens for cloud roles.
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL'
])

/**
 * The runner's file commands. Not credentials, but whoever writes them changes every later step of the
 * job (`GITHUB_ENV`, `GITHUB_PATH` can inject code next to the job's secrets) or forges this action's
 * outputs and summary, so neither the agent nor the gate is handed them.
 */
const FILE_COMMAND_NAMES = new Set(['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY'])

/** Plain process settings the gate's tools expect; none of them carries a secret. */
const GATE_BASE_NAMES = new Set(['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'CI'])

/** A RUNNER_* or GITHUB_* name that looks like it holds a secret is kept from the gate anyway. */
const SECRET_LOOKING_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_KEY|API_KEY/i

/**
 * True for a variable that is a credential of the runner or of this action (`INPUT_*`, the GitHub
 * tokens, the Actions runtime and OIDC tokens). Neither the agent nor the gate ever gets these,
 * whatever `gate-env` says; settings validation can use this to refuse such a name up front.
 */
export function isRunnerCredential(name: string): boolean {
  // Windows environments are case-insensitive, so compare upper-cased everywhere.
  const upper = name.toUpperCase()
  return upper.startsWith('INPUT_') || RUNNER_CREDENTIAL_NAMES.has(upper)
}

/** True for the runner's file-command variables (`GITHUB_ENV`, `GITHUB_OUTPUT`, ...). */
function isFileCommand(name: string): boolean {
  return FILE_COMMAND_NAMES.has(name.toUpperCase())
}

/**
 * The strings to look for in values: each registered secret whole, and each of its lines, because the
 * runner masks a multi-line secret line by line and a variable may hold one line of it (a PEM body).
 */
function secretNeedles(secretValues: readonly string[]): string[] {
  const needles = new Set<string>()
  for (const secret of secretValues) {
    if (secret === '') continue
    needles.add(secret)
    for (const line of secret.split(/\r?\n/)) {
      const trimmed = line.trim()
      if (trimmed !== '') needles.add(trimmed)
    }
  }
  return [...needles]
}

/** How the agent's environment is derived. */
export interface AgentEnvironmentOptions {
  /** Values registered as secrets; any variable whose value contains one is dropped. */
  secretValues: readonly string[]
}

/**
 * The agent's environment: the runner's environment minus the runner's and the action's credentials,
 * the file commands, and any variable holding a registered secret. The agent keeps its own model keys.
 */
export function agentEnvironment(parentEnv: Environment, options: AgentEnvironmentOptions): Record<string, string> {
  const needles = secretNeedles(options.secretValues)
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(parentEnv)) {
    if (value === undefined) continue
    if (isRunnerCredential(name) || isFileCommand(name)) continue
    if (needles.some((needle) => value.includes(needle))) continue
    env[name] = value
  }
  return env
}

/** How the gate's environment is derived. */
export interface GateEnvironmentOptions {
  /** Extra variable names the user allows (`gate-env`); runner credentials are refused even here. */
  allow: readonly string[]
  /**
   * Registered secret values: a RUNNER_* or GITHUB_* variable holding one is dropped. Names the user
   * listed in `allow` are passed as asked, since naming them is the user's explicit choice.
   */
  secretValues?: readonly string[]
}

/**
 * The gate's environment, built from an allow-list: PATH, HOME, locale and time zone, TMPDIR, CI,
 * the RUNNER_* and GITHUB_* context values that are not credentials, and the names in `allow`.
 */
export function gateEnvironment(parentEnv: Environment, options: GateEnvironmentOptions): Record<string, string> {
  const needles = secretNeedles(options.secretValues ?? [])
  const allowed = new Set(options.allow)
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(parentEnv)) {
    if (value === undefined || isRunnerCredential(name)) continue
    if (allowed.has(name)) {
      env[name] = value
      continue
    }
    if (!isContextValue(name)) continue
    if (needles.some((needle) => value.includes(needle))) continue
    env[name] = value
  }
  return env
}

/** A variable the gate gets without being asked for: process basics and non-secret runner context. */
function isContextValue(name: string): boolean {
  if (GATE_BASE_NAMES.has(name)) return true
  if (!name.startsWith('RUNNER_') && !name.startsWith('GITHUB_')) return false
  return !isFileCommand(name) && !SECRET_LOOKING_NAME.test(name)
}
