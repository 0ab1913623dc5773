/**
 * Keeps the agent and the gate from reading this action's own environment. Clearing their
 * environment is not enough: any process of the same user can read `/proc/<ancestor>/environ`, where
 * the action's token sits. So they run in their own PID namespace with a private `/proc`, which shows
 * only the namespace's processes. This module finds, once, an argv prefix that does that here.
 *
 * Three ways, tried in order:
 * - as root, `unshare --pid --fork --mount-proc --kill-child` directly;
 * - unprivileged user namespaces (`unshare --user --map-current-user ...`), where the kernel allows them;
 * - passwordless `sudo -n` (GitHub's hosted runners): sudo runs unshare as root and `setpriv` drops
 *   back to our user. sudo rewrites the environment (PATH, USER, HOME, SUDO_*), so the environment is
 *   carried across in one variable and re-established just before the command runs;
 * - last, `unshare --user --map-root-user ...`, which works more widely but shows the child uid 0
 *   (some agent CLIs refuse to run as root, hence last).
 */
import os from 'node:os'
import { quote } from 'shell-quote'
import { runProcess, tryFindExecutable } from '../process/process-runner.js'

/** An argv prefix that isolates a child, and how; or why there is none on this machine. */
export type Isolation = { wrapper: string[]; method: string } | { wrapper: undefined; reason: string }

/** One way to isolate a child. */
export interface IsolationCandidate {
  method: string
  wrapper: string[]
}

/** What this machine offers: who we are and where the tools are (absolute paths). */
export interface IsolationHost {
  /** True when this process runs as root and can create namespaces directly. */
  root: boolean
  /** The user and group the isolated child runs as on the sudo path (ours). */
  uid: number
  gid: number
  unshare?: string
  setpriv?: string
  sudo?: string
  sh?: string
}

const PID_NAMESPACE = ['--pid', '--fork', '--mount-proc', '--kill-child']
const PROBE_TIMEOUT_MS = 15_000
// Where the tools live on any Linux, searched after PATH (which may be short in a minimal action env).
const SYSTEM_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
/** Variables sudo sets or resets; the child gets the originals back, or none. */
const SUDO_REWRITTEN = [
  'SUDO_COMMAND',
  'SUDO_USER',
  'SUDO_UID',
  'SUDO_GID',
  'SUDO_HOME',
  'MAIL',
  'HOME',
  'USER',
  'LOGNAME',
  'SHELL',
  'TERM',
  'PATH'
]
const CARRIED = 'GATED_AGENT_ENV'

/** The ways to try on this host, most faithful first. */
export function isolationCandidates(host: IsolationHost): IsolationCandidate[] {
  const { unshare, setpriv, sudo, sh } = host
  if (unshare === undefined) return []
  if (host.root) return [{ method: 'unshare', wrapper: [unshare, ...PID_NAMESPACE, '--'] }]
  const candidates: IsolationCandidate[] = [
    { method: 'unshare --user --map-current-user', wrapper: [unshare, '--user', '--map-current-user', ...PID_NAMESPACE, '--'] }
  ]
  if (sudo !== undefined && setpriv !== undefined && sh !== undefined) {
    candidates.push({ method: 'sudo unshare, setpriv', wrapper: sudoWrapper(host.uid, host.gid, { unshare, setpriv, sudo, sh }) })
  }
  candidates.push({ method: 'unshare --user --map-root-user', wrapper: [unshare, '--user', '--map-root-user', ...PID_NAMESPACE, '--'] })
  return candidates
}

/**
 * `sh -c OUTER` then the command. OUTER saves the whole environment (`export -p`, already quoted for
 * re-input) into one variable, which `sudo --preserve-env` passes untouched: values never go on sudo's
 * command line, which sudo logs. Inside, after setpriv is back to our user, INNER drops what sudo
 * added and re-exports the originals. `--pdeathsig keep` re-arms unshare's --kill-child, which the
 * kernel clears when setpriv changes the user.
 */
function sudoWrapper(uid: number, gid: number, tools: { unshare: string; setpriv: string; sudo: string; sh: string }): string[] {
  const inner = `unset ${SUDO_REWRITTEN.join(' ')} && eval "$${CARRIED}" && unset ${CARRIED} && exec "$@"`
  const outer =
    `${CARRIED}=$(export -p) && export ${CARRIED} && exec ` +
    quote([
      tools.sudo,
      '-n',
      '--preserve-env',
      '--',
      tools.unshare,
      ...PID_NAMESPACE,
      '--',
      tools.setpriv,
      `--reuid=${uid}`,
      `--regid=${gid}`,
      '--init-groups',
      '--pdeathsig',
      'keep',
      '--',
      tools.sh,
      '-c',
      inner,
      'gated-agent-isolated'
    ]) +
    ' "$@"'
  return [tools.sh, '-c', outer, 'gated-agent-isolation']
}

/**
 * Runs a small probe under the candidate: it works when the probe is PID 1 of its own namespace, its
 * `/proc` does not show this process, and its environment arrived intact. Returns why not, or nothing.
 */
export async function tryIsolationCandidate(candidate: IsolationCandidate, sh = '/bin/sh'): Promise<string | undefined> {
  const marker = `probe-${process.pid}-${Date.now()}`
  const script = 'echo "pid=$$"; echo "env=$GATED_AGENT_PROBE"; for p in /proc/[0-9]*; do echo "proc=${p#/proc/}"; done'
  const outcome = await runProcess({
    file: sh,
    args: ['-c', script],
    cwd: os.tmpdir(),
    env: { PATH: SYSTEM_PATH, GATED_AGENT_PROBE: marker },
    wrapper: candidate.wrapper,
    timeoutMs: PROBE_TIMEOUT_MS,
    tailBytes: 256 * 1024,
    killGraceMs: 500
  })
  const lines = outcome.tail.split('\n').map((line) => line.trim())
  if (outcome.exitCode !== 0) {
    if (outcome.timedOut) return `${candidate.method}: no answer within ${PROBE_TIMEOUT_MS / 1000} s`
    const why = lines.filter((line) => line !== '').slice(-1)[0] ?? `exit ${outcome.exitCode ?? outcome.signal}`
    return `${candidate.method}: ${why}`
  }
  const procs = lines.filter((line) => line.startsWith('proc=')).map((line) => line.slice('proc='.length))
  if (!lines.includes('pid=1')) return `${candidate.method}: the child is not alone in a PID namespace`
  if (process.pid !== 1 && procs.includes(String(process.pid))) return `${candidate.method}: the child's /proc still shows this process`
  if (!lines.includes(`env=${marker}`)) return `${candidate.method}: the child's environment did not arrive intact`
  return undefined
}

/** Finds the first candidate that works on `host`; says why when none does. Probes every time. */
export async function detectIsolation(host: IsolationHost): Promise<Isolation> {
  if (host.unshare === undefined) return { wrapper: undefined, reason: 'unshare (util-linux) is not installed' }
  const failures: string[] = []
  for (const candidate of isolationCandidates(host)) {
    const failure = await tryIsolationCandidate(candidate, host.sh)
    if (failure === undefined) return { wrapper: candidate.wrapper, method: candidate.method }
    failures.push(failure)
  }
  if (!host.root && host.sudo === undefined) failures.push('sudo is not installed')
  return { wrapper: undefined, reason: `no way to give the child its own PID namespace here (${failures.join('; ')})` }
}

/** This process's host: who we are, and the tools found on PATH or in the system directories. */
export async function currentIsolationHost(): Promise<IsolationHost> {
  // Resolved once to absolute paths, so a directory the agent can write to on PATH cannot shadow them.
  const search = `${process.env.PATH ?? ''}:${SYSTEM_PATH}`
  const [unshare, setpriv, sudo, sh] = await Promise.all(
    ['unshare', 'setpriv', 'sudo', 'sh'].map((name) => tryFindExecutable(name, search))
  )
  const uid = process.getuid?.() ?? -1
  const gid = process.getgid?.() ?? -1
  return { root: uid === 0, uid, gid, unshare, setpriv, sudo, sh }
}

let cached: Promise<Isolation> | undefined

/**
 * The argv prefix that runs a child in its own PID namespace with a private /proc, probed once per
 * process and cached; or, where the machine allows none, the reason (for the caller to log once).
 */
export function probeIsolation(): Promise<Isolation> {
  if (process.platform !== 'linux') {
    return Promise.resolve({ wrapper: undefined, reason: `PID namespaces are Linux-only; this is ${process.platform}` })
  }
  cached ??= currentIsolationHost().then(detectIsolation)
  return cached
}
