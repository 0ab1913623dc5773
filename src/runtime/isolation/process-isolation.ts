/**
 * Runs the agent and the gate where they cannot reach a credential or leave anything behind for a
 * later step: their own PID namespace (a private `/proc`: the action's `/proc/<pid>/environ` holds
 * the token) and their own mount namespace, as a user that cannot regain privilege.
 *
 * Inside the mount namespace, set up as root before the command runs (see `sandboxScript`):
 * - every mount there was is read-only (the action's code, the runner's, other actions' post steps,
 *   /usr, /etc ...), `/proc/sys` too;
 * - `/tmp`, `/dev/shm` and RUNNER_TEMP are fresh, empty tmpfs: RUNNER_TEMP holds the runner's
 *   file-command files, the action's run directory and checkout's credentials file;
 * - HOME is an overlay: the agent CLIs read their configuration from it, and whatever they write
 *   there (`~/.local/bin` is on PATH on GitHub's images, `~/.bashrc`, `~/.gitconfig`) vanishes when
 *   the namespace ends;
 * - the work tree is the one writable place that outlives the run, plus a few directories shown
 *   read-only (the run's prompt files).
 * Then `setpriv` runs the command with no capabilities (bounding set empty), `no_new_privs` (sudo and
 * setuid binaries stop working) and no supplementary groups (no docker group).
 *
 * Who sets it up, tried in order:
 * - as root (self-hosted runners): `unshare` directly; the command stays uid 0, with no capability,
 *   `no_new_privs` and the `noroot` securebits. uid 0 rather than an unprivileged uid because the
 *   checkout is root-owned and must stay writable; what uid 0 could still do as owner of root's files
 *   the read-only mounts prevent;
 * - passwordless `sudo -n` (GitHub's hosted runners): sudo runs unshare and the setup as root, and
 *   `setpriv` drops back to our uid. sudo rewrites the environment, so it is carried across in one
 *   variable and re-established just before the command runs;
 * - unprivileged user namespaces, where the kernel allows them and we hold no supplementary group
 *   (a user namespace cannot drop one).
 * Every tool is an absolute path checked by resolveTrustedExecutable, found before the agent runs.
 */
import { realpath } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { quote } from 'shell-quote'
import { runProcess } from '../process/process-runner.js'
import { SYSTEM_PATH, tryResolveTrustedExecutable } from '../process/trusted-executables.js'

/** An argv prefix that isolates a child, and how; or why there is none on this machine. */
export type Isolation = { wrapper: string[]; method: string } | { wrapper: undefined; reason: string }

/** One way to isolate a child. */
export interface IsolationCandidate {
  method: string
  wrapper: string[]
  /** What the probe must see: no capability, no_new_privs, no supplementary group (false only for a test's positive control). */
  dropsPrivilege: boolean
}

/** What the child sees of the file system. */
export interface SandboxLayout {
  /** The work tree: the one writable directory that outlives the run. */
  workTree: string
  /** HOME: shown through an overlay whose writes vanish. */
  home?: string
  /** RUNNER_TEMP: hidden under an empty tmpfs. */
  runnerTemp?: string
  /** Directories shown read-only though under a hidden one (the run's prompt files). */
  reveal?: readonly string[]
  /** More directories hidden under an empty tmpfs (the runner's own installation: its credentials, its logs). */
  hide?: readonly string[]
}

/** Protections a test switches off to prove its hunter would find the canary without them. */
export interface SandboxWeakening {
  /** Keep sudo, capabilities and supplementary groups (the old wrapper). */
  privilege?: boolean
  /** Set up no mounts: HOME, RUNNER_TEMP, /tmp and the rest as the host has them. */
  mounts?: boolean
  /** Share the host's /tmp, writable (the e2e suites whose scripted agents keep state in /tmp). */
  sharedTmp?: boolean
}

/** What this machine offers: who we are and where the tools are (absolute, checked paths). */
export interface IsolationHost {
  /** True when this process runs as root and can create namespaces directly. */
  root: boolean
  /** The user and group the isolated child runs as on the sudo path (ours). */
  uid: number
  gid: number
  /** True when this process holds supplementary groups (a user namespace cannot drop them). */
  supplementaryGroups?: boolean
  unshare?: string
  setpriv?: string
  sudo?: string
  sh?: string
  mount?: string
  umount?: string
  mkdir?: string
  chown?: string
  chmod?: string
}

const NAMESPACES = ['--pid', '--fork', '--mount-proc', '--ipc', '--propagation', 'private', '--kill-child']
const PROBE_TIMEOUT_MS = 15_000
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
const STAGE = '/dev/shm/.gated-agent'

type Tools = Required<Pick<IsolationHost, 'unshare' | 'setpriv' | 'sh' | 'mount' | 'umount' | 'mkdir' | 'chown' | 'chmod'>>

function toolsOf(host: IsolationHost): Tools | undefined {
  const { unshare, setpriv, sh, mount, umount, mkdir, chown, chmod } = host
  if (!unshare || !setpriv || !sh || !mount || !umount || !mkdir || !chown || !chmod) return undefined
  return { unshare, setpriv, sh, mount, umount, mkdir, chown, chmod }
}

/** The setpriv argv that ends the setup: the command runs as `uid`, without any way back to privilege. */
function dropPrivilege(t: Tools, uid: number, gid: number, how: { groups: 'clear' | 'keep'; weaken: SandboxWeakening }): string[] {
  const ids = [`--reuid=${uid}`, `--regid=${gid}`]
  // `--pdeathsig keep` re-arms unshare's --kill-child, which the kernel clears when the user changes.
  if (how.weaken.privilege) return [t.setpriv, ...ids, uid === 0 ? '--keep-groups' : '--init-groups', '--pdeathsig', 'keep', '--']
  const rootBits = uid === 0 ? ['--securebits=+noroot,+noroot_locked,+no_setuid_fixup,+no_setuid_fixup_locked,+keep_caps_locked'] : []
  return [
    t.setpriv,
    ...ids,
    how.groups === 'clear' ? '--clear-groups' : '--keep-groups',
    '--no-new-privs',
    '--inh-caps=-all',
    '--bounding-set=-all',
    ...rootBits,
    '--pdeathsig',
    'keep',
    '--'
  ]
}

/**
 * The shell script that runs as root (real or namespaced) inside the new namespaces: the mounts
 * described above, then `exec setpriv ... -- "$@"`. Paths are quoted into the text; nothing is
 * looked up on PATH.
 */
export function sandboxScript(t: Tools, layout: SandboxLayout | undefined, drop: string[], weaken: SandboxWeakening): string {
  const q = (value: string): string => quote([value])
  const lines = ['set -e', `fail() { echo "gated-agent sandbox: $*" >&2; exit 125; }`]
  if (layout !== undefined && !weaken.mounts) {
    const M = q(t.mount)
    // The child's working directory is still the old, now read-only, mount: enter it again at the end.
    lines.push(`here=$(pwd -P)`)
    const reveal = [...(layout.reveal ?? [])]
    lines.push(
      `${M} --make-rprivate / || fail 'cannot make the mounts private'`,
      // Every mount there is, read-only; /proc is the namespace's own, /dev holds devices and /dev/shm.
      `while read -r _ _ _ _ mp _; do`,
      `  case "$mp" in /proc|/proc/*|/dev|/dev/*) continue;; esac`,
      `  mp=$(printf '%b' "$mp")`,
      `  ${M} -o remount,bind,ro "$mp" 2>/dev/null || ${M} -o remount,bind,ro,nosuid,nodev "$mp" || fail "cannot make $mp read-only"`,
      `done < /proc/self/mountinfo`,
      `${q(t.mkdir)} -p /dev/shm && ${M} -t tmpfs -o mode=1777,nosuid,nodev gated-agent-shm /dev/shm || fail 'cannot mount /dev/shm'`,
      `${q(t.mkdir)} -m 700 ${STAGE} ${STAGE}/tree ${STAGE}/home ${STAGE}/upper ${STAGE}/work`,
      `${M} --bind ${q(layout.workTree)} ${STAGE}/tree && ${M} -o remount,bind,rw ${STAGE}/tree || fail 'cannot keep the work tree writable'`
    )
    reveal.forEach((dir, i) =>
      lines.push(`${q(t.mkdir)} ${STAGE}/r${i} && ${M} --bind ${q(dir)} ${STAGE}/r${i} || fail ${q(`cannot show ${dir}`)}`)
    )
    if (layout.home) lines.push(`${M} --bind ${q(layout.home)} ${STAGE}/home || fail 'cannot see HOME'`)
    lines.push(
      weaken.sharedTmp
        ? `${M} --bind /tmp /tmp && ${M} -o remount,bind,rw /tmp || fail 'cannot share /tmp'`
        : `${M} -t tmpfs -o mode=1777,nosuid,nodev gated-agent-tmp /tmp || fail 'cannot mount a private /tmp'`
    )
    if (layout.home) {
      const H = q(layout.home)
      lines.push(
        `${q(t.chown)} --reference=${STAGE}/home ${STAGE}/upper && ${q(t.chmod)} --reference=${STAGE}/home ${STAGE}/upper`,
        `${q(t.mkdir)} -p ${H} && ${M} -t overlay gated-agent-home -o lowerdir=${STAGE}/home,upperdir=${STAGE}/upper,workdir=${STAGE}/work ${H} || fail 'cannot put HOME under an overlay'`
      )
    }
    // After HOME's overlay: on GitHub's runners RUNNER_TEMP is inside HOME, and the overlay's lower
    // layer would show its real contents.
    if (layout.runnerTemp) {
      lines.push(
        `${q(t.mkdir)} -p ${q(layout.runnerTemp)} && ${M} -t tmpfs -o mode=700,nosuid,nodev gated-agent-runner-temp ${q(layout.runnerTemp)} || fail 'cannot hide RUNNER_TEMP'`,
        `${q(t.chown)} "$GATED_AGENT_UID:$GATED_AGENT_GID" ${q(layout.runnerTemp)}`
      )
    }
    for (const dir of layout.hide ?? []) {
      lines.push(
        `if [ -d ${q(dir)} ]; then ${M} -t tmpfs -o mode=755,nosuid,nodev gated-agent-hidden ${q(dir)} || fail ${q(`cannot hide ${dir}`)}; fi`
      )
    }
    lines.push(
      `${q(t.mkdir)} -p ${q(layout.workTree)} && ${M} --bind ${STAGE}/tree ${q(layout.workTree)} || fail 'cannot show the work tree'`
    )
    reveal.forEach((dir, i) =>
      lines.push(
        `${q(t.mkdir)} -p ${q(dir)} && ${M} --bind ${STAGE}/r${i} ${q(dir)} && ${M} -o remount,bind,ro ${q(dir)} || fail ${q(`cannot show ${dir}`)}`
      )
    )
    lines.push(
      `${q(t.umount)} -l ${STAGE}/tree ${reveal.map((_, i) => `${STAGE}/r${i}`).join(' ')} ${layout.home ? `${STAGE}/home` : ''} 2>/dev/null || true`,
      // uid 0 without capabilities may still write root-owned sysctls: not here.
      `${M} --bind /proc/sys /proc/sys && ${M} -o remount,bind,ro /proc/sys || fail 'cannot make /proc/sys read-only'`,
      `if [ -e /proc/sysrq-trigger ]; then ${M} --bind /dev/null /proc/sysrq-trigger || true; fi`
    )
  }
  if (layout !== undefined && !weaken.mounts) lines.push(`cd -- "$here" || fail "cannot enter $here"`, `unset here`)
  lines.push(`unset GATED_AGENT_UID GATED_AGENT_GID`, `exec ${quote(drop)} "$@"`)
  return lines.join('\n')
}

/**
 * The ways to try on this host, most faithful first, for a child that sees `layout` (none: PID
 * namespace and privilege only, as the probe of the tools uses).
 */
export function isolationCandidates(host: IsolationHost, layout?: SandboxLayout, weaken: SandboxWeakening = {}): IsolationCandidate[] {
  const t = toolsOf(host)
  if (t === undefined) return []
  const dropsPrivilege = !weaken.privilege
  const ids = `GATED_AGENT_UID=${host.uid} GATED_AGENT_GID=${host.gid}`
  const setup = (drop: string[]): string[] => [t.sh, '-c', `${ids}\n${sandboxScript(t, layout, drop, weaken)}`, 'gated-agent-sandbox']
  if (host.root) {
    const drop = dropPrivilege(t, 0, 0, { groups: 'clear', weaken })
    return [{ method: 'unshare', wrapper: [t.unshare, ...NAMESPACES, '--', ...setup(drop)], dropsPrivilege }]
  }
  const candidates: IsolationCandidate[] = []
  if (host.sudo !== undefined) {
    const drop = dropPrivilege(t, host.uid, host.gid, { groups: 'clear', weaken })
    candidates.push({ method: 'sudo unshare, setpriv', wrapper: sudoWrapper(host.sudo, t, setup(drop)), dropsPrivilege })
  }
  // A user namespace cannot drop a supplementary group (setgroups is denied in it): only without one.
  if (!host.supplementaryGroups) {
    const current = dropPrivilege(t, host.uid, host.gid, { groups: 'keep', weaken })
    candidates.push({
      method: 'unshare --user --map-current-user',
      wrapper: [t.unshare, '--user', '--map-current-user', ...NAMESPACES, '--', ...setup(current)],
      dropsPrivilege
    })
  }
  return candidates
}

/**
 * `sh -c OUTER` then the command. OUTER saves the whole environment (`export -p`, already quoted for
 * re-input) into one variable, which `sudo --preserve-env=` passes untouched: values never go on
 * sudo's command line, which sudo logs, and nothing else of ours reaches the root setup. Inside,
 * after setpriv is back to our user, INNER drops what sudo added and re-exports the originals.
 */
function sudoWrapper(sudo: string, t: Tools, setup: string[]): string[] {
  const inner = `unset ${SUDO_REWRITTEN.join(' ')} && eval "$${CARRIED}" && unset ${CARRIED} && exec "$@"`
  const outer =
    `${CARRIED}=$(export -p) && export ${CARRIED} && exec ` +
    quote([
      sudo,
      '-n',
      `--preserve-env=${CARRIED}`,
      '--',
      t.unshare,
      ...NAMESPACES,
      '--',
      ...setup,
      t.sh,
      '-c',
      inner,
      'gated-agent-isolated'
    ]) +
    ' "$@"'
  return [t.sh, '-c', outer, 'gated-agent-isolation']
}

/**
 * Runs a small probe under the candidate: it works when the probe is PID 1 of its own namespace, its
 * `/proc` does not show this process, its environment arrived intact, and (unless a test weakened it)
 * it holds no capability, has no_new_privs and no supplementary group. Returns why not, or nothing.
 */
export async function tryIsolationCandidate(candidate: IsolationCandidate, cwd = os.tmpdir(), sh = '/bin/sh'): Promise<string | undefined> {
  const marker = `probe-${process.pid}-${Date.now()}`
  const script = [
    'echo "pid=$$"',
    'echo "env=$GATED_AGENT_PROBE"',
    'for p in /proc/[0-9]*; do echo "proc=${p#/proc/}"; done',
    'while read -r k v rest; do case "$k" in CapEff:|CapBnd:|NoNewPrivs:|Groups:) echo "$k$v";; esac; done < /proc/self/status'
  ].join('; ')
  const outcome = await runProcess({
    file: sh,
    args: ['-c', script],
    cwd,
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
  if (candidate.dropsPrivilege) {
    if (!lines.includes('NoNewPrivs:1')) return `${candidate.method}: the child could regain privilege (no_new_privs is not set)`
    const caps = lines.filter((line) => /^Cap(Eff|Bnd):/.test(line))
    if (caps.length !== 2 || caps.some((line) => !/^Cap\w+:0+$/.test(line)))
      return `${candidate.method}: the child kept capabilities (${caps.join(', ')})`
    if (lines.some((line) => /^Groups:\S/.test(line))) {
      const groups = lines.find((line) => line.startsWith('Groups:')) ?? ''
      // A user namespace keeps our own groups (none but the primary one, checked when listing it).
      if (!candidate.method.includes('--user')) return `${candidate.method}: the child kept supplementary groups (${groups})`
    }
  }
  return undefined
}

/** Finds the first candidate that works on `host`; says why when none does. Probes every time. */
export async function detectIsolation(host: IsolationHost, layout?: SandboxLayout, weaken: SandboxWeakening = {}): Promise<Isolation> {
  if (host.unshare === undefined) return { wrapper: undefined, reason: 'unshare (util-linux) is not installed in the system directories' }
  const missing = (['setpriv', 'sh', 'mount', 'umount', 'mkdir', 'chown', 'chmod'] as const).filter((name) => host[name] === undefined)
  if (missing.length > 0)
    return { wrapper: undefined, reason: `${missing.join(', ')} not found (or not trustworthy) in the system directories` }
  const failures: string[] = []
  for (const candidate of isolationCandidates(host, layout, weaken)) {
    const failure = await tryIsolationCandidate(candidate, layout?.workTree, host.sh)
    if (failure === undefined) return { wrapper: candidate.wrapper, method: candidate.method }
    failures.push(failure)
  }
  if (!host.root && host.sudo === undefined) failures.push('sudo is not installed')
  if (!host.root && host.supplementaryGroups) failures.push('a user namespace cannot drop this user’s supplementary groups')
  return {
    wrapper: undefined,
    reason: `no way here to run the child in its own PID and mount namespaces without privilege (${failures.join('; ')})`
  }
}

/**
 * The runner's installation directory, when this process was started by the Actions runner (its
 * parent is `<runner>/bin/Runner.Worker`): it holds the runner's credentials (`.credentials`,
 * `.credentials_rsaparams`) and its logs (`_diag`), readable by the runner's user.
 */
export async function runnerInstallDir(parentPid = process.ppid): Promise<string | undefined> {
  try {
    const exe = await realpath(`/proc/${parentPid}/exe`)
    if (path.basename(exe) !== 'Runner.Worker') return undefined
    return path.dirname(path.dirname(exe))
  } catch {
    return undefined
  }
}

/** This process's host: who we are, and the tools, found only in the system directories and checked. */
export async function currentIsolationHost(untrustedRoots: readonly string[] = []): Promise<IsolationHost> {
  const names = ['unshare', 'setpriv', 'sudo', 'sh', 'mount', 'umount', 'mkdir', 'chown', 'chmod'] as const
  const found = await Promise.all(names.map((name) => tryResolveTrustedExecutable(name, { untrustedRoots })))
  const tools = Object.fromEntries(names.map((name, i) => [name, found[i]])) as Pick<IsolationHost, (typeof names)[number]>
  const uid = process.getuid?.() ?? -1
  const gid = process.getgid?.() ?? -1
  const groups = process.getgroups?.() ?? []
  return { root: uid === 0, uid, gid, supplementaryGroups: groups.some((group) => group !== gid), ...tools }
}

const cache = new Map<string, Promise<Isolation>>()

/**
 * The argv prefix that runs a child isolated as described above, for a child that sees `layout`,
 * probed once per layout and cached; or, where the machine allows none, the reason (for the caller
 * to log once and refuse single-job mode on).
 */
export function probeIsolation(layout?: SandboxLayout, weaken: SandboxWeakening = {}): Promise<Isolation> {
  if (process.platform !== 'linux') {
    return Promise.resolve({ wrapper: undefined, reason: `PID and mount namespaces are Linux-only; this is ${process.platform}` })
  }
  const key = JSON.stringify({ layout, weaken })
  let found = cache.get(key)
  if (found === undefined) {
    const untrusted = layout ? [layout.workTree, layout.home ?? '', layout.runnerTemp ?? ''] : []
    found = currentIsolationHost(untrusted).then((host) => detectIsolation(host, layout, weaken))
    cache.set(key, found)
  }
  return found
}
