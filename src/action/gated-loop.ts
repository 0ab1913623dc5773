import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { ActionSettings } from './settings.js'
import type { RunnerContext } from './runner-context.js'
import type { FencedLog } from './log.js'
import { outcomeFromLoop, type RunOutcome } from './report.js'
import type { GitHubApi } from '../github/github-api.js'
import { DraftPullRequestProposer } from '../github/draft-pr-proposer.js'
import { readBaseBranchReview, RULESET_RECIPE, unreviewedBaseWarning } from '../github/base-branch-rules.js'
import { isGitHubUnreachable } from '../github/request-failures.js'
import { bundleArtifactName, describeBundleArtifact, tryUploadBundleArtifact } from './bundle-artifact.js'
import { BundleProposer, type BundleTask } from '../runtime/bundle/change-bundle.js'
import { createGitRunner } from '../runtime/git/git.js'
import { GitWorkspace, PushRejectedError } from '../runtime/git/git-workspace.js'
import { CommandAgent } from '../runtime/agent/command-agent.js'
import { ShellGate } from '../runtime/gate/shell-gate.js'
import { detectGateSteps } from '../runtime/gate/gate-detection.js'
import { findInstructionsFile } from '../runtime/instructions-file.js'
import { runSupervisedLoop } from '../core/supervised-loop.js'
import { agentEnvironment, gateEnvironment } from '../runtime/process/child-environment.js'
import { neutraliseCheckoutCredentials } from '../runtime/git/checkout-credentials.js'
import { probeIsolation } from '../runtime/isolation/process-isolation.js'
import { InputError } from '../core/input-values.js'
import { AGENT_PRESETS } from '../runtime/agent/agent-presets.js'
import type { Policy, Proposal, Task } from '../core/types.js'
import { BOT_AUTHOR } from '../core/naming.js'

/**
 * The gated loop as the action runs it, shared by issue-to-pr and self-heal: the agent and the
 * gate get scrubbed environments in their own PID namespace, the checkout's persisted credentials
 * are out of reach while they run, and a green change becomes a draft PR pushed with the token.
 */

/** What one job asks of the loop. */
export interface LoopPlan {
  task: Task
  runDir: string
  branch: string
  base: string
  title: string
  body: (proposal: Proposal) => string
  policies: Policy[]
  api: GitHubApi
  warnings: string[]
  /** What the change is for; `stage: propose` records it in the change bundle. */
  subject?: BundleTask
  /** Agent runs this run may spend, when less than `retry-cap` (self-heal carries the count across runs). */
  retryCap?: number
}

/** Copies the user's global git config (XDG, then ~/.gitconfig, as git reads them) to a file of ours. */
async function freezeGlobalGitConfig(runDir: string): Promise<string> {
  const home = os.homedir()
  const xdg = process.env.XDG_CONFIG_HOME || path.join(home, '.config')
  const parts = await Promise.all(
    [path.join(xdg, 'git', 'config'), path.join(home, '.gitconfig')].map((file) => readFile(file, 'utf8').catch(() => ''))
  )
  await mkdir(runDir, { recursive: true })
  const frozen = path.join(runDir, 'gitconfig-global')
  await writeFile(frozen, parts.join('\n'))
  return frozen
}

/** Runs the gated loop in the workspace and turns its result into an outcome. */
export async function runGatedLoop(settings: ActionSettings, context: RunnerContext, log: FencedLog, plan: LoopPlan): Promise<RunOutcome> {
  const dir = context.workspace
  const secrets = [settings.token]
  // The action's own git commands run after the agent: they get no token in their environment
  // (the push passes it per command) and read a copy of the global git config frozen before the
  // agent ran, since the agent shares HOME and could plant commands in ~/.gitconfig.
  const git = createGitRunner(dir, {
    ...agentEnvironment(process.env, { secretValues: secrets }),
    GIT_CONFIG_GLOBAL: await freezeGlobalGitConfig(plan.runDir)
  })
  const workspace = new GitWorkspace({ git, dir, patchDir: path.join(plan.runDir, 'patches') })

  const gateSteps = settings.gateSteps.length > 0 ? settings.gateSteps : await detectGateSteps(dir)
  if (!gateSteps || gateSteps.length === 0) {
    throw new InputError(
      "Input 'gate'",
      '',
      'it is empty and no gate could be detected from the repository; list your lint and test commands, one a line.'
    )
  }
  const instructions = await findInstructionsFile(dir, settings.instructionsFile, { confineExplicit: true })

  const isolation = await probeIsolation()
  if (!isolation.wrapper) {
    const warning = `The agent and the gate run without a PID namespace (${isolation.reason}), so they could read this action's environment through /proc. Use the two-job mode (stage: propose / publish) to keep the token out of their job.`
    log.warning(warning)
    plan.warnings.push(warning)
  }

  const agent = new CommandAgent({
    template: settings.agentCommand,
    cwd: dir,
    env: agentEnvironment(process.env, { secretValues: secrets }),
    timeoutMs: settings.agentTimeoutMs,
    promptDir: plan.runDir,
    onOutput: log.output,
    wrapper: isolation.wrapper,
    reporter: log,
    outputReaders: settings.agentPreset ? AGENT_PRESETS[settings.agentPreset] : undefined
  })
  const gate = new ShellGate({
    steps: gateSteps,
    cwd: dir,
    env: gateEnvironment(process.env, { allow: settings.gateEnv, secretValues: secrets }),
    timeoutMs: settings.gateTimeoutMs,
    tailBytes: 64 * 1024,
    onOutput: log.output,
    wrapper: isolation.wrapper,
    reporter: log
  })
  // stage propose: the change leaves as a bundle on disk; this job pushes nothing and writes nothing to GitHub.
  const bundler = settings.stage === 'propose' ? bundleProposer(context, plan, workspace, settings.bundlePath) : undefined
  const proposer =
    bundler ??
    new DraftPullRequestProposer(workspace, plan.api, {
      branch: plan.branch,
      base: plan.base,
      title: plan.title,
      body: (proposal) => plan.body(proposal),
      author: BOT_AUTHOR.action,
      token: settings.token,
      dryRun: settings.dryRun,
      // The workspace puts .git/config back before every command after the agent, so `origin` is
      // still the remote the checkout came from.
      remote: 'origin'
    })

  const credentials = await neutraliseCheckoutCredentials({ repoDir: dir, runnerTemp: context.runnerTemp || undefined, git })
  if (credentials.found.length > 0) log.info(`Put the checkout's persisted credentials out of reach while the agent and the gate run.`)
  let outcome: RunOutcome
  try {
    const result = await runSupervisedLoop(
      { agent, gate, workspace, proposer, policies: plan.policies, reporter: log },
      {
        task: plan.task,
        retryCap: Math.min(plan.retryCap ?? settings.retryCap, settings.retryCap),
        instructions,
        stopOnNoProgress: settings.stopOnNoProgress
      }
    )
    // The loop leaves a proposed change in the work tree; it is on the branch (or in the bundle)
    // and the patch now, and later steps of the job must not pick up agent-written files unawares.
    if (result.kind === 'proposed') await workspace.restore()
    log.unfence()
    const looped = outcomeFromLoop(result, { job: plan.task.job, runUrl: context.runUrl, dryRun: settings.dryRun, warnings: plan.warnings })
    outcome = bundler ? await handOverBundle(looped, bundler, context) : looped
  } catch (error) {
    log.unfence()
    // The loop's own error is what the user must see: a failed put-back is logged, not swapped in.
    await credentials.restore().catch((restoreError: unknown) => log.warning((restoreError as Error).message))
    await workspace.dispose().catch(() => undefined)
    const patchPath = await tryFindLastPatch(path.join(plan.runDir, 'patches'))
    const why = isGitHubUnreachable(error) ? `GitHub's API at ${context.apiUrl} could not be reached` : undefined
    throw patchPath === undefined ? error : new LoopFailedError(error, patchPath, why)
  }
  log.unfence()
  // Not put back (the agent deleted .git, where it lived): later git steps of the job lack it; say so.
  await credentials.restore().catch((restoreError: unknown) => log.warning((restoreError as Error).message))
  await workspace.dispose()
  return outcome
}

/**
 * The loop failed after the agent had worked (a push rejected, GitHub unreachable): the error, with
 * where the last attempt's change is kept, for the front-end to report as output `patch-path` and
 * in the summary.
 */
export class LoopFailedError extends Error {
  override readonly name = 'LoopFailedError'

  constructor(
    override readonly cause: unknown,
    /** The last attempt's patch file. */
    readonly patchPath: string,
    /** What went wrong, in words, when the original's message does not say (e.g. `connect ECONNREFUSED`). */
    why?: string
  ) {
    const original = cause instanceof Error ? cause : new Error(String(cause))
    const said = original.message.trim().replace(/([^.])$/, '$1.')
    super(`${why ? `${why}: ` : ''}${said} The last attempt's change is kept in ${patchPath} (output patch-path).`)
    // A failure the user can fix (a refused push, GitHub unreachable) is reported in plain words;
    // anything else keeps the original's frames: where it went wrong, not where it was wrapped.
    const frames = (original.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line))
    this.stack =
      why !== undefined || original instanceof PushRejectedError ? this.message : [`${this.name}: ${this.message}`, ...frames].join('\n')
  }
}

/** The newest `attempt-<n>.patch` in `dir`, if the agent's work was saved at all. */
async function tryFindLastPatch(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => [] as string[])
  const numbered = names
    .map((name) => ({ name, n: Number(/^attempt-(\d+)\.patch$/.exec(name)?.[1]) }))
    .filter((entry) => Number.isInteger(entry.n))
    .sort((a, b) => b.n - a.n)
  return numbered.length > 0 ? path.join(dir, numbered[0].name) : undefined
}

/**
 * Reads the base branch's rules before the agent runs: a base that lets a PR be merged without an
 * approving review earns a warning (log, summary, issue comment), or, with `require-review-rule`,
 * stops the run before anything else happens. One REST call; shared by issue-to-pr and self-heal.
 */
export async function guardBaseBranch(
  api: Pick<GitHubApi, 'getBranchRules'>,
  base: string,
  settings: Pick<ActionSettings, 'requireReviewRule'>,
  log: Pick<FencedLog, 'info' | 'warning'>,
  warnings: string[]
): Promise<void> {
  const review = await readBaseBranchReview(api, base)
  if (review.kind === 'review-required') {
    log.info(`The base branch ${base} requires ${review.approvals} approving review(s) before a merge.`)
    return
  }
  if (settings.requireReviewRule) {
    throw new InputError(
      "Input 'require-review-rule'",
      'true',
      `the base branch ${base} does not require a review (${review.reason}), so the agent was not run. ` +
        `Add a ruleset requiring a pull request with at least one approval (see ${RULESET_RECIPE}), or set require-review-rule to false.`
    )
  }
  const warning = unreviewedBaseWarning(base, review)
  log.warning(warning)
  warnings.push(warning)
}

function bundleProposer(context: RunnerContext, plan: LoopPlan, workspace: GitWorkspace, bundlePath: string | undefined): BundleProposer {
  if (!plan.subject)
    throw new InputError("Input 'stage'", 'propose', `stage propose is not available for ${plan.task.job} in this version; use stage all.`)
  const dir = bundlePath ? path.resolve(context.workspace, bundlePath) : path.join(context.runnerTemp || os.tmpdir(), 'gated-agent-bundle')
  // Inside the work tree the bundle would be swept up with the agent's files when the tree is put back.
  const inside = path.relative(path.resolve(context.workspace), dir)
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
    throw new InputError(
      "Input 'bundle-path'",
      bundlePath ?? '',
      'stage propose writes the bundle outside the checkout; use a directory under ${{ runner.temp }}, or leave it empty.'
    )
  }
  return new BundleProposer({
    dir,
    repository: context.repository,
    task: plan.subject,
    baseBranch: plan.base,
    baseSha: () => workspace.headSha(),
    branch: plan.branch,
    title: plan.title,
    body: plan.body,
    runUrl: context.runUrl
  })
}

/** After a green propose: the bundle's path, and the artifact the publish job downloads when the runner offers one. */
async function handOverBundle(outcome: RunOutcome, bundler: BundleProposer, context: RunnerContext): Promise<RunOutcome> {
  const bundle = bundler.bundle()
  if (outcome.result !== 'proposed' || !bundle) return outcome
  const artifact = await tryUploadBundleArtifact(bundle, { name: bundleArtifactName(context.runId, context.runAttempt) })
  return {
    ...outcome,
    reason: `The gate passed after ${outcome.attempts.length} agent run(s); the change bundle awaits the publish job, which pushes the branch and opens the draft pull request.`,
    bundlePath: bundle.dir,
    artifactName: artifact.kind === 'uploaded' ? artifact.name : undefined,
    notes: [...outcome.notes, describeBundleArtifact(artifact, bundle.dir)]
  }
}
