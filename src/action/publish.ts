import path from 'node:path'
import os from 'node:os'
import type { ActionSettings } from './settings.js'
import type { RunnerContext } from './runner-context.js'
import { FencedLog } from './log.js'
import { finishComment, type RunOutcome } from './report.js'
import { ciDispatcher } from './ci-dispatch.js'
import { BOT_AUTHOR } from '../core/naming.js'
import { createRepositoryApi } from '../github/client.js'
import type { GitHubApi } from '../github/github-api.js'
import { DraftPullRequestProposer, type BranchPublisher } from '../github/draft-pr-proposer.js'
import { startProgressComment, type ProgressComment } from '../github/progress-comment.js'
import { pullRequestBody, type PullBodyContext } from '../github/pr-body.js'
import { readHealBudget } from '../github/pr-ledger.js'
import { createGitRunner, readFrozenGitConfig } from '../runtime/git/git.js'
import { GitWorkspace } from '../runtime/git/git-workspace.js'
import {
  describeTask,
  pathDifferences,
  protectedAmong,
  tryReadChangeBundle,
  verifyChangeBundle,
  type BundleExpectations,
  type BundleManifest,
  type ChangeBundle
} from '../runtime/bundle/change-bundle.js'
import { cleanUntrustedText } from '../core/untrusted-text.js'
import { protectionsOff, protectionsOffWarning } from '../runtime/test-switches.js'
import type { ChangedPath, Proposal } from '../core/types.js'

/**
 * `stage: publish`, the second job of two-job mode. It holds the write token and runs no agent,
 * no gate and nothing from the repository: it reads the bundle the propose job wrote, verifies it
 * against what this job knows itself, builds the commit with git plumbing on the checked-out base
 * commit (no hooks, no work-tree files), pushes the branch and opens or updates the draft pull
 * request through the same proposer as the single-job mode, and edits the issue's progress comment.
 */

/** The PR title is one line of at most this many characters (the manifest's is untrusted). */
const MAX_TITLE = 240

/** Seams for tests; the action uses the defaults. */
export interface PublishOptions {
  /** The GitHub API; an Octokit client on `context.apiUrl` with the token by default. */
  api?: GitHubApi
  log?: FencedLog
}

/** What a bundle must match to be published here: this repository, its settings, the event's task. */
export function bundleExpectations(
  settings: ActionSettings,
  context: RunnerContext,
  eventTask: ReturnType<typeof taskFromEvent>
): BundleExpectations {
  return {
    repository: context.repository,
    protectedPaths: settings.protectedPaths,
    branchPrefix: settings.branchPrefix,
    baseBranch: settings.baseBranch,
    task: eventTask
  }
}

/**
 * What either publish needs first: the log, the API (the test's, or one with the job's token), the
 * task the event names, and the warning that a test switched protections off.
 */
export function publishSetup(
  settings: ActionSettings,
  context: RunnerContext,
  options: PublishOptions
): { log: FencedLog; api: GitHubApi; eventTask: ReturnType<typeof taskFromEvent> } {
  const log = options.log ?? new FencedLog()
  const api = options.api ?? createRepositoryApi(settings.token, context, log)
  const offWarning = protectionsOffWarning(protectionsOff())
  if (offWarning) log.warning(offWarning)
  return { log, api, eventTask: taskFromEvent(context, settings) }
}

/** Publishes the change bundle named by `bundle-path`, or refuses it with every reason. */
export async function runPublish(settings: ActionSettings, context: RunnerContext, options: PublishOptions = {}): Promise<RunOutcome> {
  // Best of N: bundle-digest lists one digest per candidate; the bundles are chosen among.
  if (settings.bundleDigests) {
    const { runPublishBest } = await import('./publish-best.js')
    return runPublishBest(settings, context, options)
  }
  const { log, api, eventTask } = publishSetup(settings, context, options)
  const dir = path.resolve(context.workspace, settings.bundlePath ?? '')
  // Only the issue the event names is told about a refusal: a forged bundle cannot pick the issue.
  const refuse = (problems: string[], manifest?: BundleManifest): Promise<RunOutcome> =>
    refused(problems, { dir, context, settings, api, manifest, issueNumber: eventTask?.kind === 'issue' ? eventTask.number : undefined })

  const off = protectionsOff()

  const read = await tryReadChangeBundle(dir)
  if (read.kind === 'refused') return refuse(read.problems)
  const { bundle } = read
  const { manifest } = bundle
  // The digest came through the workflow from the propose job's action process, a channel agent
  // code cannot write: a bundle rewritten after the gate (its own checksum recomputed) differs here.
  if (bundle.digest !== settings.bundleDigest && !off.has('bundle-digest')) {
    return refuse(
      [
        `The bundle's digest is ${bundle.digest}, but the propose job emitted ${settings.bundleDigest ?? 'none'} (input bundle-digest): ` +
          "it was changed after the gate judged it, or it is another run's bundle, so it is not published."
      ],
      manifest
    )
  }
  log.info(
    `Read the change bundle in ${dir}: ${describeTask(manifest.task)}, ${manifest.paths.length} path(s) against ${manifest.base.sha}.`
  )

  const expected = bundleExpectations(settings, context, eventTask)
  const verdict = verifyChangeBundle(bundle, expected)
  if (verdict.kind === 'refused') return refuse(verdict.problems, manifest)
  // A best-of-N candidate that did not reach green hands over its bundle too: it is never published.
  if (manifest.verdict !== undefined && manifest.verdict !== 'proposed') {
    return refuse(
      [`The bundle records that the propose job ended ${manifest.verdict}: its gate did not pass, so there is nothing to publish.`],
      manifest
    )
  }

  // This job ran no agent: the user's proxy and CA settings are read as they are.
  const git = createGitRunner(context.workspace, process.env, { frozenConfig: await readFrozenGitConfig(context.workspace) })
  const workspace = new GitWorkspace({
    git,
    dir: context.workspace,
    patchDir: path.join(context.runnerTemp || os.tmpdir(), 'gated-agent-publish')
  })
  try {
    const originUrl = await workspace.remoteUrl('origin')
    if (!(await workspace.tryFetchCommit({ url: originUrl, sha: manifest.base.sha, token: settings.token }))) {
      return await refuse(
        [`The bundle's base commit ${manifest.base.sha} is neither in this checkout nor on origin, so the change cannot be applied to it.`],
        manifest
      )
    }
    const title = publishedTitle(manifest)
    const committed = await workspace.tryCommitPatch({
      base: manifest.base.sha,
      patch: bundle.patch,
      branch: manifest.branch,
      message: title,
      author: BOT_AUTHOR.action
    })
    if (committed.kind === 'does-not-apply') {
      return await refuse([`The bundle's patch does not apply to its base commit ${manifest.base.sha}: ${committed.message}`], manifest)
    }
    // The patch applied to the base must make the very tree the gate judged in the propose job.
    if (committed.tree !== manifest.tree) {
      return await refuse(
        [
          `The bundle's patch applied to ${manifest.base.sha} makes the tree ${committed.tree}, not the tree ${manifest.tree} the gate judged, so it is not published.`
        ],
        manifest
      )
    }
    // What git made of the patch is what gets pushed: it must be what the manifest claims, and allowed.
    const differences = pathDifferences(manifest.paths, committed.paths)
    const hits = protectedAmong(committed.paths, settings.protectedPaths)
    if (differences.length > 0 || hits.length > 0) {
      return await refuse(
        [
          ...(differences.length > 0 ? [`The patch does not match the manifest: ${differences.join('; ')}.`] : []),
          ...(hits.length > 0
            ? [`The patch changes protected paths: ${hits.map((h) => `${h.path} (protected by ${h.glob})`).join('; ')}.`]
            : [])
        ],
        manifest
      )
    }
    log.info(`Verified the bundle and committed it as ${committed.sha} on ${committed.branch}.`)
    return await deliver({ settings, context, api, log, workspace, bundle, title, commit: committed, originUrl })
  } finally {
    log.unfence()
    await workspace.dispose()
  }
}

export interface Delivery {
  settings: ActionSettings
  context: RunnerContext
  api: GitHubApi
  log: FencedLog
  workspace: GitWorkspace
  bundle: ChangeBundle
  title: string
  commit: { sha: string; branch: string; paths: ChangedPath[] }
  originUrl: string
  /** Best of N: the chosen candidate, and the table of every candidate for the PR body and the summary. */
  best?: { candidate: string; table: string; details: string }
}

/** Pushes the verified commit and opens or updates the draft PR, with the single-job mode's proposer. */
export async function deliver(d: Delivery): Promise<RunOutcome> {
  const { settings, context, api, bundle, commit } = d
  const { manifest } = bundle
  const issueNumber = manifest.task.kind === 'issue' ? manifest.task.number : undefined
  const comment: ProgressComment | undefined =
    settings.dryRun || issueNumber === undefined ? undefined : await startProgressComment(api, issueNumber, { runUrl: context.runUrl })

  // The commit exists already (built from the verified patch); the proposer pushes it and opens the PR.
  const publisher: BranchPublisher = {
    commit: async () => ({ sha: commit.sha, branch: commit.branch }),
    pushBranch: (options) => d.workspace.pushBranch(options)
  }
  // Self-heal caps agent runs per failing branch across runs: the heal PR's ledger, read from
  // GitHub here, plus this bundle's runs is what the body says (the proposer updates the ledger).
  const runs = manifest.attempts.filter((a) => a.number > 0)
  const healBudget = manifest.task.kind === 'run' ? await readHealBudget(api, commit.branch, settings.retryCap) : undefined
  const spentBefore = healBudget && healBudget.kind !== 'fresh' ? healBudget.ledger.runs : 0
  const healAttempts = healBudget ? { spent: spentBefore + runs.length, cap: settings.retryCap } : undefined
  const warnings: string[] = []
  const proposer = new DraftPullRequestProposer(publisher, api, {
    branch: commit.branch,
    base: manifest.base.branch,
    title: d.title,
    body: (proposal) =>
      pullRequestBody(proposal, { ...bodyContext(manifest, context), healAttempts }) +
      (d.best ? `\n\n### Candidates (best of N)\n\n${d.best.table}` : ''),
    author: BOT_AUTHOR.action,
    token: settings.token,
    dryRun: settings.dryRun,
    remote: d.originUrl,
    // The push is made with the workflow token, which starts no CI: ci-workflow dispatches it.
    afterPush: ciDispatcher(settings, api, d.log, warnings)
  })
  const proposal: Proposal = {
    job: manifest.job,
    change: { paths: commit.paths, patch: '' },
    attempts: manifest.attempts,
    lastGate: manifest.lastGate,
    patchPath: path.join(bundle.dir, manifest.patch.file)
  }
  try {
    const proposed = await proposer.propose(proposal)
    for (const note of proposed.notes) d.log.info(note)
    const outcome: RunOutcome = {
      result: 'proposed',
      job: manifest.job,
      reason:
        (d.best ? `Chose candidate ${d.best.candidate}. ` : '') +
        (settings.dryRun
          ? `Dry run: the change bundle is verified (the gate passed after ${runs.length} agent run(s)); nothing was pushed.`
          : `Published the change bundle: the gate passed after ${runs.length} agent run(s) in the propose job; a draft pull request awaits review.`),
      ...(d.best ? { candidate: d.best.candidate, candidates: d.best.table, details: d.best.details } : {}),
      attempts: runs,
      branch: proposed.branch,
      prNumber: proposed.prNumber,
      prUrl: proposed.prUrl,
      bundlePath: bundle.dir,
      lastGate: manifest.lastGate,
      notes: proposed.notes,
      warnings,
      runUrl: context.runUrl,
      dryRun: settings.dryRun
    }
    if (comment) await finishComment(comment, outcome, (message: string) => d.log.warning(message))
    return outcome
  } catch (error) {
    if (comment)
      await comment
        .finish(`⚠️ **Gated Agent** failed to publish: ${(error as Error).message}\n\n[The run](${context.runUrl})`)
        .catch(() => undefined)
    throw error
  }
}

interface Refusal {
  dir: string
  context: RunnerContext
  settings: ActionSettings
  api: GitHubApi
  manifest?: BundleManifest
  /** The issue the triggering event names, told about the refusal. */
  issueNumber?: number
}

/** A refused bundle: nothing pushed, every reason in the outcome (the run fails with it). */
async function refused(problems: string[], r: Refusal): Promise<RunOutcome> {
  const outcome: RunOutcome = {
    result: 'rejected',
    job: r.manifest?.job,
    reason: `Refused to publish the change bundle in ${r.dir}; nothing was pushed. ${problems.join(' ')}`,
    attempts: [],
    bundlePath: r.dir,
    notes: [],
    warnings: [],
    runUrl: r.context.runUrl
  }
  if (!r.settings.dryRun && r.issueNumber !== undefined) {
    // The reasons quote the bundle (paths, branch names): they stay in the run, not on the issue.
    const comment = await startProgressComment(r.api, r.issueNumber, { runUrl: r.context.runUrl })
    await comment.finish(
      `### ⛔ Gated Agent: \`rejected\`\n\nThe change bundle from the propose job was refused, so nothing was pushed: [the run](${r.context.runUrl}) says why.`
    )
  }
  return outcome
}

/** The task the triggering event (or a dispatch input) names, to hold the bundle's task against. */
export function taskFromEvent(context: RunnerContext, settings: ActionSettings): BundleExpectations['task'] {
  if (settings.issueNumber !== undefined) return { kind: 'issue', number: settings.issueNumber }
  if (settings.runId !== undefined) return { kind: 'run', id: settings.runId }
  const payload = context.payload as { issue?: { number?: unknown }; workflow_run?: { id?: unknown } }
  if (typeof payload.issue?.number === 'number') return { kind: 'issue', number: payload.issue.number }
  if (typeof payload.workflow_run?.id === 'number') return { kind: 'run', id: payload.workflow_run.id }
  return undefined
}

/** One line of visible text, bounded: the manifest's title is untrusted. */
export function publishedTitle(manifest: BundleManifest): string {
  const line = cleanUntrustedText(manifest.title).replace(/\s+/g, ' ').trim()
  return (line || `Agent: ${describeTask(manifest.task)}`).slice(0, MAX_TITLE)
}

/** The PR body's context, from the task: the manifest's own body is not used (it is untrusted). */
function bodyContext(manifest: BundleManifest, context: RunnerContext): PullBodyContext {
  if (manifest.task.kind === 'issue') return { issueNumber: manifest.task.number, runUrl: context.runUrl }
  return {
    failingBranch: manifest.task.branch,
    failedRunUrl: `${context.serverUrl}/${context.repository}/actions/runs/${manifest.task.id}`,
    runUrl: context.runUrl,
    failingSteps: manifest.task.failingSteps
  }
}
