import * as core from '@actions/core'
import type { ActionSettings } from './settings.js'
import type { RunnerContext } from './runner-context.js'
import type { JobDecision } from './job-decision.js'
import { FencedLog } from './log.js'
import { markReported, outcomeReason, setFailureOutputs, setOutputs, writeSummary, type RunOutcome } from './report.js'
import { LoopFailedError } from './gated-loop.js'
import { runSelfHeal } from './self-heal.js'
import { runIssueToPr } from './issue-to-pr.js'
import { runPrFollowUp } from './pr-follow-up.js'
import { createRepositoryApi } from '../github/client.js'
import type { GitHubApi } from '../github/github-api.js'

/** Seams for tests; the action uses the defaults. */
export interface RunJobOptions {
  /** The GitHub API; an Octokit client on `context.apiUrl` with the token by default. */
  api?: GitHubApi
  log?: FencedLog
  runSelfHeal?: typeof runSelfHeal
  runIssueToPr?: typeof runIssueToPr
  runPrFollowUp?: typeof runPrFollowUp
}

/** Runs the job the event asked for and reports it. Skips are reported by the caller. */
export async function runJob(
  settings: ActionSettings,
  context: RunnerContext,
  decision: Exclude<JobDecision, { kind: 'skip' }>,
  options: RunJobOptions = {}
): Promise<RunOutcome> {
  const log = options.log ?? new FencedLog()
  const api = options.api ?? createRepositoryApi(settings.token, context, log)
  try {
    if (decision.kind === 'self-heal') return await (options.runSelfHeal ?? runSelfHeal)(settings, context, decision.trigger, api, log)
    if (decision.kind === 'pr-follow-up')
      return await (options.runPrFollowUp ?? runPrFollowUp)(settings, context, decision.trigger, api, log)
    return await (options.runIssueToPr ?? runIssueToPr)(settings, context, decision.trigger, api, log)
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
  if (outcome.result === 'agent-failed' || outcome.result === 'rejected') core.setFailed(outcomeReason(outcome))
}
