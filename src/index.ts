import { readDecisionSettings } from './action/decision-settings.js'
import { readRunnerContext } from './action/runner-context.js'
import { decideJob } from './action/job-decision.js'
import { InputError } from './core/input-values.js'
import { appendSummary, getInput, info, setOutputs } from './action/lean-toolkit.js'

/**
 * The action's entry point. The event is triaged with only the inputs the decision needs read and
 * the outputs written as GitHub documents them (lean-toolkit.ts says why not `@actions/core` itself): an
 * event that is not ours costs little more than starting node. Every other input is validated
 * (settings.ts) as soon as the event is ours, before any work. The rest (`@actions/core`, the
 * input validators, Octokit, git, the engine) is in separate chunks, imported only when needed.
 */
async function run(): Promise<void> {
  try {
    const decisionSettings = readDecisionSettings(getInput)
    const context = readRunnerContext()
    if (decisionSettings.stage === 'publish') {
      // The publish job acts on the bundle's manifest, not on the event: the propose job decided.
      const [{ readActionSettings }, { runPublish }, { reportOutcome }] = await Promise.all([
        import('./action/settings.js'),
        import('./action/publish.js'),
        import('./action/run-job.js')
      ])
      await reportOutcome(await runPublish(readActionSettings(), context))
      return
    }
    const decision = decideJob(context, decisionSettings)
    if (decision.kind === 'skip') {
      info(`Skipped: ${decision.reason}`)
      await setOutputs({ result: 'skipped', reason: decision.reason, attempts: '0' })
      appendSummary(`### ⏭️ Gated Agent: \`skipped\`\n\n${decision.reason}`)
      return
    }
    const [{ readActionSettings }, { runJob, reportOutcome }] = await Promise.all([
      import('./action/settings.js'),
      import('./action/run-job.js')
    ])
    const settings = readActionSettings()
    const outcome = await runJob(settings, context, decision)
    if (outcome.result === 'skipped') process.stdout.write(`Skipped: ${outcome.reason}\n`)
    await reportOutcome(outcome)
  } catch (error) {
    const [core, { setFailureOutputs, wasReported }] = await Promise.all([import('@actions/core'), import('./action/report.js')])
    // `result` is always one of action.yml's values: an error that no report set yet sets `failed`.
    if (!wasReported(error)) setFailureOutputs(error instanceof Error ? error.message : String(error))
    if (error instanceof InputError) {
      core.setFailed(error.message)
      return
    }
    core.setFailed(error instanceof Error ? (error.stack ?? error.message) : String(error))
  }
}

/** Settled when the action is done (the runner waits for the process; scripts/local-action-entry.mjs awaits this). */
export const done = run()
