/**
 * What the Action front-end tests share: settings read through the real input reader, a runner
 * context, a fenced log that records its lines, and a stand-in for the gated loop that records the
 * plan each job hands it (the loop itself is tested on its own, and through the bundle).
 */
import { readActionSettings, type ActionSettings } from '../../src/action/settings.js'
import type { RunnerContext } from '../../src/action/runner-context.js'
import { FencedLog } from '../../src/action/log.js'
import type { LoopPlan, runGatedLoop } from '../../src/action/gated-loop.js'
import type { RunOutcome } from '../../src/action/report.js'

/** Settings as `action.yml` inputs give them (defaults of the reader for the rest). */
export function actionSettings(inputs: Record<string, string> = {}): ActionSettings {
  const values: Record<string, string> = {
    'github-token': 'ghs_front_end_token',
    'agent-command': 'agent {prompt_file}',
    'branch-prefix': 'agent/',
    'trigger-label': 'agent',
    'trigger-command': '/agent',
    'retry-cap': '3',
    ...inputs
  }
  return readActionSettings((name) => values[name] ?? '')
}

/** A runner context for octo-org/octo-repo; `workspace` and `runnerTemp` are the test's directories. */
export function runnerContext(over: Partial<RunnerContext> & { workspace: string; runnerTemp: string }): RunnerContext {
  return {
    eventName: 'issues',
    payload: { repository: { default_branch: 'main' } },
    repository: 'octo-org/octo-repo',
    owner: 'octo-org',
    repo: 'octo-repo',
    repositoryId: 123456789,
    runId: '42',
    runAttempt: '1',
    actor: 'octocat',
    triggeringActor: 'octocat',
    sha: 'a'.repeat(40),
    ref: 'refs/heads/main',
    serverUrl: 'https://github.test',
    apiUrl: 'https://api.github.test',
    runUrl: 'https://github.test/octo-org/octo-repo/actions/runs/42',
    ...over
  }
}

/** A FencedLog whose output is kept, for assertions on what the job log shows. */
export function recordingLog(): { log: FencedLog; text: () => string } {
  let out = ''
  return { log: new FencedLog((text) => (out += text)), text: () => out }
}

/** A gated loop that records each plan and ends as `outcome` says (or throws it). */
export function fakeGatedLoop(outcome: (plan: LoopPlan) => Partial<RunOutcome> | Error): {
  run: typeof runGatedLoop
  plans: LoopPlan[]
} {
  const plans: LoopPlan[] = []
  const run: typeof runGatedLoop = async (_settings, context, _log, plan) => {
    plans.push(plan)
    const ended = outcome(plan)
    if (ended instanceof Error) throw ended
    return {
      result: 'gave-up',
      reason: 'The gate failed after 3 agent runs.',
      job: plan.task.job,
      attempts: [],
      notes: [],
      warnings: plan.warnings,
      runUrl: context.runUrl,
      ...ended
    }
  }
  return { run, plans }
}
