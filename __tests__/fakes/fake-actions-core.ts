/**
 * A recording stand-in for `@actions/core`, for unit tests of the Action front-end (`src/action/`):
 *
 *   const core = fakeActionsCore()
 *   jest.unstable_mockModule('@actions/core', () => core.module)
 *   const { reportOutcome } = await import('../../src/action/run-job.js')
 *
 * Like the runner, it keeps what a user would see: outputs, the failure message, the job summary
 * (written only when GITHUB_STEP_SUMMARY is set, as the real one refuses otherwise) and log lines.
 */
export interface FakeActionsCore {
  /** The module to hand `jest.unstable_mockModule`. */
  module: Record<string, unknown>
  outputs: Map<string, string>
  /** Messages passed to `setFailed`, in order. */
  failures: string[]
  /** Job summary text written so far. */
  summary: string
  /** Log lines: `info`, `warning: …`, `group: …`, `endgroup`. */
  log: string[]
  /** Inputs `getInput` answers (`INPUT_*` otherwise). */
  inputs: Record<string, string>
  reset(): void
}

export function fakeActionsCore(): FakeActionsCore {
  const fake: FakeActionsCore = {
    module: {},
    outputs: new Map(),
    failures: [],
    summary: '',
    log: [],
    inputs: {},
    reset() {
      fake.outputs.clear()
      fake.failures.length = 0
      fake.summary = ''
      fake.log.length = 0
      fake.inputs = {}
    }
  }
  let pending = ''
  const summary = {
    addRaw(text: string, addEol = false) {
      pending += text + (addEol ? '\n' : '')
      return summary
    },
    async write() {
      if (!process.env.GITHUB_STEP_SUMMARY) throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.')
      fake.summary += pending
      pending = ''
      return summary
    }
  }
  fake.module = {
    setOutput: (name: string, value: unknown) => void fake.outputs.set(name, typeof value === 'string' ? value : JSON.stringify(value)),
    setFailed: (message: string | Error) => {
      // The real one also sets process.exitCode; the recording is what a test asserts on.
      fake.failures.push(typeof message === 'string' ? message : message.message)
    },
    info: (message: string) => void fake.log.push(message),
    warning: (message: string | Error) => void fake.log.push(`warning: ${String(message)}`),
    error: (message: string | Error) => void fake.log.push(`error: ${String(message)}`),
    debug: () => undefined,
    startGroup: (name: string) => void fake.log.push(`group: ${name}`),
    endGroup: () => void fake.log.push('endgroup'),
    getInput: (name: string) => fake.inputs[name] ?? process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim() ?? '',
    setSecret: () => undefined,
    summary
  }
  return fake
}
