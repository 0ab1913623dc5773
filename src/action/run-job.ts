import * as core from '@actions/core'
import type { ActionSettings } from './settings.js'
import type { RunnerContext } from './runner-context.js'
import type { JobDecision } from './job-decision.js'
import { FencedLog } from './log.js'
import { markReported, setFailureOutputs, setOutputs, writeSummary, type RunOutcome } from './report.js'
import { LoopFailedError } from './gated-loop.js'
import { runSelfHeal } from './self-heal.js'
import { runIssueToPr } from './issue-to-pr.js'
import { createGitHubClient } from '../github/client.js'
import { createGitHubApi } from '../github/github-api.js'

/** Runs the job the event asked for and reports it. Skips are reported by the caller. */
export async function runJob(
  settings: ActionSettings,
  context: RunnerContext,
  decision: Exclude<JobDecision, { kind: 'skip' }>
): Promise<RunOutcome> {
  const log = new FencedLog()
  const client = createGitHubClient(settings.token, { baseUrl: context.apiUrl, log: { warning: (message) => log.warning(message) } })
  const api = createGitHubApi(client, { owner: context.owner, repo: context.repo })
  try {
    if (decision.kind === 'self-heal') return await runSelfHeal(settings, context, decision.trigger, api, log)
    return await runIssueToPr(settings, context, decision.trigger, api, log)
  } catch (error) {
    log.unfence()
    await reportFailure(error, context)
    throw error
  }
}

/**
 * An error ended the run: the outputs and the job summary say so too (`result` is `failed`, one
 * of the values action.yml lists), and where the agent's last change is kept when it got that
 * far, so nothing is lost. The caller marks the step failed.
 */
async function reportFailure(error: unknown, context: RunnerContext): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  const patchPath = error instanceof LoopFailedError ? error.patchPath : undefined
  setFailureOutputs(message, patchPath)
  markReported(error)
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const kept = patchPath ? [`The last attempt's change is kept in \`${patchPath}\` (output \`patch-path\`).`] : []
  const text = [`### 💥 Gated Agent: \`failed\``, message, ...kept, `[This run](${context.runUrl})`].join('\n\n')
  await core.summary
    .addRaw(text, true)
    .write()
    .catch(() => undefined)
}

/** Reports an outcome everywhere people look: outputs, the job summary, the log. */
export async function reportOutcome(outcome: RunOutcome): Promise<void> {
  setOutputs(outcome)
  await writeSummary(outcome)
  core.info(`Result: ${outcome.result}`)
  if (outcome.result === 'agent-failed' || outcome.result === 'rejected') core.setFailed(outcome.reason)
}
