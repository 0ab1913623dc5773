import * as core from '@actions/core'
import { readActionSettings } from './action/settings.js'
import { readRunnerContext } from './action/runner-context.js'
import { decideJob } from './action/job-decision.js'
import { InputError } from './core/input-values.js'

/**
 * The action's entry point. Inputs are validated and the event is triaged with nothing but the
 * toolkit's core loaded: an event that is not ours costs little more than starting node. The rest
 * (Octokit, git, the engine) is a separate chunk, imported only for real work.
 */
async function run(): Promise<void> {
  try {
    const settings = readActionSettings()
    const context = readRunnerContext()
    if (settings.stage === 'publish') {
      // The publish job acts on the bundle's manifest, not on the event: the propose job decided.
      const [{ runPublish }, { reportOutcome }] = await Promise.all([import('./action/publish.js'), import('./action/run-job.js')])
      await reportOutcome(await runPublish(settings, context))
      return
    }
    const decision = decideJob(context, settings)
    if (decision.kind === 'skip') {
      core.info(`Skipped: ${decision.reason}`)
      core.setOutput('result', 'skipped')
      core.setOutput('reason', decision.reason)
      core.setOutput('attempts', '0')
      if (process.env.GITHUB_STEP_SUMMARY) {
        await core.summary.addRaw(`### ⏭️ Gated Agent: \`skipped\`\n\n${decision.reason}`, true).write()
      }
      return
    }
    const { runJob, reportOutcome } = await import('./action/run-job.js')
    const outcome = await runJob(settings, context, decision)
    if (outcome.result === 'skipped') core.info(`Skipped: ${outcome.reason}`)
    await reportOutcome(outcome)
  } catch (error) {
    // `result` is always one of action.yml's values: an error that no report set yet sets `failed`.
    if (!(error as { [key: symbol]: unknown } | undefined)?.[Symbol.for('gated-agent.reported')]) {
      const reason = error instanceof Error ? error.message : String(error)
      core.setOutput('result', 'failed')
      core.setOutput('reason', reason)
      for (const name of ['pr-number', 'pr-url', 'branch', 'patch-path', 'bundle-path', 'artifact-name']) core.setOutput(name, '')
      core.setOutput('attempts', '0')
    }
    if (error instanceof InputError) {
      core.setFailed(error.message)
      return
    }
    core.setFailed(error instanceof Error ? (error.stack ?? error.message) : String(error))
  }
}

await run()
