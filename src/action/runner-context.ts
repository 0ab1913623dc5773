import { readFileSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/**
 * The runner's context for this job: which event, its payload, where things are. Read from the
 * GITHUB_* variables the runner sets, with only `fs` (no Octokit), so a skipped event stays cheap.
 */
export interface RunnerContext {
  eventName: string
  payload: Record<string, unknown>
  /** `owner/repo`. */
  repository: string
  owner: string
  repo: string
  repositoryId?: number
  runId: string
  runAttempt: string
  actor: string
  triggeringActor: string
  sha: string
  ref: string
  serverUrl: string
  apiUrl: string
  workspace: string
  runnerTemp: string
  /** Link to this run, for the issue comment and the summary. */
  runUrl: string
}

/** Reads the runner context; a missing event file is an empty payload, as the toolkit treats it. */
export function readRunnerContext(env: NodeJS.ProcessEnv = process.env): RunnerContext {
  let payload: Record<string, unknown> = {}
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>
    } catch (error) {
      throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH}): ${(error as Error).message}`, {
        cause: error
      })
    }
  }
  const repository = env.GITHUB_REPOSITORY ?? ''
  const [owner = '', repo = ''] = repository.split('/')
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '')
  const runId = env.GITHUB_RUN_ID ?? ''
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    payload,
    repository,
    owner,
    repo,
    repositoryId: env.GITHUB_REPOSITORY_ID ? Number(env.GITHUB_REPOSITORY_ID) : undefined,
    runId,
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    actor: env.GITHUB_ACTOR ?? '',
    triggeringActor: env.GITHUB_TRIGGERING_ACTOR ?? env.GITHUB_ACTOR ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    serverUrl,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP ?? '',
    runUrl: `${serverUrl}/${repository}/actions/runs/${runId}`
  }
}

/**
 * A fresh directory for this run's files (the evidence the agent reads, prompts, patches), under
 * the runner's temporary directory, which the runner empties after the job.
 */
export async function createRunDirectory(context: Pick<RunnerContext, 'runnerTemp' | 'runId'>): Promise<string> {
  const runDir = path.join(context.runnerTemp || os.tmpdir(), `gated-agent-${context.runId || process.pid}-${Date.now()}`)
  await mkdir(runDir, { recursive: true })
  return runDir
}
