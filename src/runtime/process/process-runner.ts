/**
 * Runs one external process (a gate step's shell, the agent CLI) the way the engine needs: its own
 * process group so a timeout kills everything it started, output streamed live and kept only as a
 * bounded tail, and a missing executable reported as a value.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { access, stat } from 'node:fs/promises'
import { constants as fsConstants } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { OutputTail } from '../../core/output-tail.js'

/** What to run and how. */
export interface ProcessSpec {
  /** The executable, looked up on `env.PATH` when it has no slash. */
  file: string
  args: string[]
  cwd: string
  /** The child's whole environment (nothing is inherited from this process). */
  env: Record<string, string | undefined>
  /** Written to the child's stdin, which is then closed; without it stdin is /dev/null. */
  stdin?: string
  /** Kill the whole process group after this long. */
  timeoutMs?: number
  /** How many bytes of the end of the combined stdout+stderr to keep. */
  tailBytes: number
  /**
   * Receives every chunk of combined output as it arrives (e.g. to stream it to the log). A returned
   * promise is backpressure: the process's output is not read (so the process blocks on its writes)
   * until it settles, and a slow reader (the runner's log pipe) never makes output pile up in memory.
   */
  onOutput?: OutputSink
  /** Receives every chunk of stdout alone, before onOutput gets it (e.g. to read a CLI's JSON lines whole). */
  onStdout?: (chunk: Buffer) => void
  /** An argv prefix (e.g. a sandboxing command) the command is run under. */
  wrapper?: string[]
  /** Aborting kills the process group, as a timeout does (e.g. wired to Ctrl-C in the CLI). */
  abort?: AbortSignal
  /** How long a killed group gets between SIGTERM and SIGKILL; 2 s unless told. */
  killGraceMs?: number
}

/** Takes a chunk of output; a returned promise asks for no more until it settles (anything else is ignored). */
export type OutputSink = (chunk: Buffer) => unknown

/**
 * Writes to a stream the way an OutputSink should: when the stream's buffer is full (write returns
 * false), the returned promise settles once it has drained (or the stream ended), so the caller
 * stops reading its source meanwhile.
 */
export function writeWithBackpressure(stream: NodeJS.WritableStream, data: string | Buffer): void | Promise<void> {
  if (stream.write(data)) return undefined
  return new Promise<void>((resolve) => {
    const done = (): void => {
      stream.off('drain', done)
      stream.off('close', done)
      stream.off('error', done)
      resolve()
    }
    stream.on('drain', done)
    stream.on('close', done)
    stream.on('error', done)
  })
}

/** How a process ended. */
export interface ProcessOutcome {
  /** Null when the process was killed by a signal or never started. */
  exitCode: number | null
  /** The signal that killed it, e.g. 'SIGTERM'. */
  signal: string | null
  timedOut: boolean
  durationMs: number
  /** The end of the combined output, decoded leniently (see OutputTail.text). */
  tail: string
  /** Set when the process never started: no such executable, or a file that cannot be executed. */
  spawnError?: 'not-found' | 'not-executable'
}

const DEFAULT_KILL_GRACE_MS = 2000

/** Runs a process to its end; resolves with how it ended, including when it could not start. */
export function runProcess(spec: ProcessSpec): Promise<ProcessOutcome> {
  const argv = [...(spec.wrapper ?? []), spec.file, ...spec.args]
  const grace = spec.killGraceMs ?? DEFAULT_KILL_GRACE_MS
  const tail = new OutputTail(spec.tailBytes)
  const started = performance.now()

  return new Promise<ProcessOutcome>((resolve, reject) => {
    let child: ChildProcess
    try {
      child = spawn(argv[0], argv.slice(1), {
        cwd: spec.cwd,
        env: spec.env,
        stdio: [spec.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
        // The child leads its own process group, so one kill(-pid) reaches everything it started.
        detached: true
      })
    } catch (error) {
      reject(error)
      return
    }

    let timedOut = false
    let settled = false
    const timers: NodeJS.Timeout[] = []
    const later = (ms: number, fn: () => void): void => {
      timers.push(setTimeout(fn, ms))
    }

    const signalGroup = (signal: NodeJS.Signals): void => {
      if (child.pid === undefined) return
      try {
        process.kill(-child.pid, signal)
      } catch {
        // ESRCH: the group is already gone. EPERM: a privileged wrapper owns it; nothing more to do.
      }
    }
    const terminate = (): void => {
      signalGroup('SIGTERM')
      later(grace, () => signalGroup('SIGKILL'))
    }
    const onAbort = (): void => terminate()

    const finish = (outcome: ProcessOutcome): void => {
      if (settled) return
      settled = true
      for (const timer of timers) clearTimeout(timer)
      spec.abort?.removeEventListener('abort', onAbort)
      resolve(outcome)
    }

    child.on('error', (error: NodeJS.ErrnoException) => {
      if (child.pid !== undefined || settled) return
      settled = true
      const spawnError = error.code === 'ENOENT' ? 'not-found' : error.code === 'EACCES' ? 'not-executable' : undefined
      if (spawnError === undefined) {
        reject(error)
        return
      }
      // spawn reports a missing working directory as ENOENT too; that is our bug, not a missing tool.
      stat(spec.cwd).then(
        () => resolve({ exitCode: null, signal: null, timedOut: false, durationMs: performance.now() - started, tail: '', spawnError }),
        () => reject(new Error(`Cannot run '${argv[0]}': the working directory ${spec.cwd} does not exist.`))
      )
    })
    if (child.pid === undefined) return

    // Backpressure: while the sink is busy, neither stream is read; the child blocks on its pipe.
    let busy = 0
    const resume = (): void => {
      if (--busy > 0) return
      child.stdout?.resume()
      child.stderr?.resume()
    }
    const collect = (chunk: Buffer): void => {
      tail.push(chunk)
      const pending = spec.onOutput?.(chunk)
      if (!(pending instanceof Promise)) return
      busy++
      child.stdout?.pause()
      child.stderr?.pause()
      pending.then(resume, resume)
    }
    child.stdout?.on('data', (chunk: Buffer) => {
      spec.onStdout?.(chunk)
      collect(chunk)
    })
    child.stderr?.on('data', collect)
    if (spec.stdin !== undefined && child.stdin) {
      // A child that exits without reading its stdin makes the write fail with EPIPE: that is fine.
      child.stdin.on('error', () => {})
      child.stdin.end(spec.stdin)
    }

    if (spec.timeoutMs !== undefined) {
      later(spec.timeoutMs, () => {
        timedOut = true
        terminate()
      })
    }
    if (spec.abort) {
      if (spec.abort.aborted) terminate()
      else spec.abort.addEventListener('abort', onAbort, { once: true })
    }

    child.on('exit', () => {
      // Whatever the step left running in its group (`server &`) must not outlive it: it would hold
      // the output pipe open and keep changing the tree under the next attempt.
      signalGroup('SIGTERM')
      later(grace, () => signalGroup('SIGKILL'))
      // A process that left the group (setsid) may still hold the pipe: stop waiting for it.
      later(grace * 2, () => {
        child.stdout?.destroy()
        child.stderr?.destroy()
      })
    })
    child.on('close', (code: number | null, signal: NodeJS.Signals | null) => {
      finish({ exitCode: code, signal, timedOut, durationMs: performance.now() - started, tail: tail.text() })
    })
  })
}

/** The full path of `name` on `pathVar` (a PATH value) when an executable by that name exists there. */
export async function tryFindExecutable(name: string, pathVar: string | undefined): Promise<string | undefined> {
  for (const dir of (pathVar ?? '').split(path.delimiter)) {
    if (dir === '') continue
    const candidate = path.join(dir, name)
    try {
      await access(candidate, fsConstants.X_OK)
      if ((await stat(candidate)).isFile()) return candidate
    } catch {
      // Not here; keep looking.
    }
  }
  return undefined
}
