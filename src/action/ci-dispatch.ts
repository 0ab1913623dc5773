import type { ActionSettings } from './settings.js'
import type { FencedLog } from './log.js'
import type { GitHubApi } from '../github/github-api.js'

/**
 * `ci-workflow`: after each push to an agent branch, the repository's CI is dispatched on that
 * branch, since pushes made with the workflow's own token start no workflow (GitHub's rule;
 * `workflow_dispatch` is an exception). One dispatch per push. A failed dispatch changes nothing
 * that was pushed: it is a warning naming the fix.
 */
export type CiDispatcher = (branch: string) => Promise<string[]>

/** The dispatcher for the settings: a no-op without `ci-workflow`. Returns lines for the notes. */
export function ciDispatcher(
  settings: Pick<ActionSettings, 'ciWorkflow'>,
  api: Pick<GitHubApi, 'dispatchWorkflow'>,
  log: Pick<FencedLog, 'info' | 'warning'>,
  warnings: string[]
): CiDispatcher {
  const workflow = settings.ciWorkflow
  if (!workflow) return async () => []
  return async (branch) => {
    try {
      await api.dispatchWorkflow(workflow, branch)
      const line = `Started ${workflow} on ${branch} (ci-workflow), so the pull request shows its checks.`
      log.info(line)
      return [line]
    } catch (error) {
      const status = (error as { status?: unknown }).status
      const fix =
        status === 404
          ? `no workflow ${workflow} with a workflow_dispatch trigger was found: check the file name in .github/workflows and its "on: workflow_dispatch"`
          : status === 403
            ? 'the token may not start workflows: give the job "permissions: actions: write", or use a GitHub App token'
            : (error as Error).message
      const warning = `The change is pushed, but ${workflow} could not be started on ${branch} (ci-workflow): ${fix}.`
      log.warning(warning)
      warnings.push(warning)
      return []
    }
  }
}
