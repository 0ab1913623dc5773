import { readdir, readFile } from 'node:fs/promises'
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
import { createGitRunner, readFrozenGitConfig } from '../runtime/git/git.js'
import { protectionsOff, protectionsOffWarning } from '../runtime/test-switches.js'
import { describeForeignCommits, GitWorkspace, PushRejectedError } from '../runtime/git/git-workspace.js'
import { CommandAgent } from '../runtime/agent/command-agent.js'
import { chooseContextDir, gitIgnores } from '../runtime/agent/context-dir.js'
import { ShellGate } from '../runtime/gate/shell-gate.js'
import { detectGateSteps } from '../runtime/gate/gate-detection.js'
import { findInstructionsFile } from '../runtime/instructions-file.js'
import { runSupervisedLoop } from '../core/supervised-loop.js'
import { policiesFor } from '../core/job-policies.js'
import { agentEnvironment, gateEnvironment } from '../runtime/process/child-environment.js'
import { neutraliseCheckoutCredentials } from '../runtime/git/checkout-credentials.js'
import { probeIsolation, runnerInstallDir, type Isolation, type SandboxWeakening } from '../runtime/isolation/process-isolation.js'
import { describeFileCommandChanges, snapshotFileCommands, type FileCommandSnapshot } from '../runtime/isolation/file-command-guard.js'
import { SYSTEM_PATH } from '../runtime/process/trusted-executables.js'
import { ProposalRefusedError } from '../core/supervised-loop.js'
import { InputError } from '../core/input-values.js'
import { AGENT_PRESETS } from '../runtime/agent/agent-presets.js'
import type { Proposal, Proposer, Task } from '../core/types.js'
import { BOT_AUTHOR } from '../core/naming.js'
import { ciDispatcher } from './ci-dispatch.js'

/**
 * The gated loop as the action runs it, shared by issue-to-pr and self-heal: the agent and the
 * gate get scrubbed environments in their own PID and mount namespaces without privilege, the
 * checkout's persisted credentials are out of reach while they run, the runner's file commands are
 * verified untouched after, and a green change becomes a draft PR pushed with the token.
 */

/** What one job asks of the loop. */
export interface LoopPlan {
  task: Task
  runDir: string
  branch: string
  base: string
  title: string
  body: (proposal: Proposal) => string
  api: GitHubApi
  warnings: string[]
  /** What the change is for; `stage: propose` records it in the change bundle. */
  subject?: BundleTask
  /** Agent runs this run may spend, when less than `retry-cap` (self-heal carries the count across runs). */
  retryCap?: number
  /** What earlier runs on the same pull request spent (its ledger): it counts towards the budgets. */
  spentBefore?: { agentMs: number; costUsd: number }
  /** Replaces the draft-PR proposer (a PR follow-up commits on top of the PR's head instead). */
  proposer?: (deps: { workspace: GitWorkspace; originUrl: string }) => Proposer
}

/** Runs the gated loop in the workspace and turns its result into an outcome. */
export async function runGatedLoop(settings: ActionSettings, context: RunnerContext, log: FencedLog, plan: LoopPlan): Promise<RunOutcome> {
  const dir = context.workspace
  const secrets = [settings.token]
  const off = protectionsOff()
  const offWarning = protectionsOffWarning(off)
  if (offWarning) log.warning(offWarning)
  else if (off.has('private-tmp')) log.info('Test switch: /tmp is shared with the agent and the gate (the test suite only).')
  // The agent and the gate keep the runner's PATH (their tools); the action's own children after
  // them (git above all) find executables in the system directories only: a file the agent drops
  // into a directory on the runner's PATH (~/.local/bin) is never run with the token.
  const trustedPath = off.has('trusted-path') ? (process.env.PATH ?? '') : SYSTEM_PATH
  // The action's own git commands run after the agent: they get no token in their environment
  // (the push passes it per command, scoped to the push URL) and read no configuration file the
  // agent could write: system and global config are off, and of the user's settings only what the
  // action needs (proxy, CA bundle, line endings), read now, before the agent runs, travels in
  // memory (see git.ts). The repository's own metadata is pinned and verified by the workspace.
  const git = createGitRunner(
    dir,
    { ...agentEnvironment(process.env, { secretValues: secrets }), PATH: trustedPath },
    {
      frozenConfig: await readFrozenGitConfig(dir),
      unowned: off.has('git-config')
    }
  )
  // The push goes to the URL origin has now, before the agent runs: never one read from config after.
  const originUrl = withoutUserinfo((await git.run(['remote', 'get-url', '--push', 'origin'], { allowFailure: true })).stdout.trim())
  // Where the files the prompt names live while the agent runs: inside the work tree, never in the change.
  const contextDir = await chooseContextDir(dir, { isIgnored: gitIgnores(git, dir) })
  const workspace = new GitWorkspace({
    git,
    dir,
    patchDir: path.join(plan.runDir, 'patches'),
    excludePaths: [contextDir.relative],
    configOnlyMetadataGuard: off.has('git-metadata')
  })

  const gateSteps = settings.gateSteps.length > 0 ? settings.gateSteps : await detectGateSteps(dir)
  if (!gateSteps || gateSteps.length === 0) {
    throw new InputError(
      "Input 'gate'",
      '',
      'it is empty and no gate could be detected from the repository; list your lint and test commands, one a line.'
    )
  }
  const instructions = await findInstructionsFile(dir, settings.instructionsFile, { confineExplicit: true })
  const policies = policiesFor({
    job: plan.task.job,
    protectedPaths: settings.protectedPaths,
    allowTestChanges: settings.allowTestChanges,
    allowGateChanges: settings.allowGateChanges,
    gateSteps
  })

  // What the agent and the gate see: the work tree writable, HOME through a throwaway overlay,
  // RUNNER_TEMP (file commands, our run directory, checkout's credentials file) hidden but for the
  // run directory's prompt files, shown read-only; the runner's own installation hidden.
  const weaken: SandboxWeakening = { privilege: off.has('privilege'), mounts: off.has('mounts'), sharedTmp: off.has('private-tmp') }
  const isolation: Isolation = off.has('namespaces')
    ? { wrapper: undefined, reason: 'namespaces switched off by the test switch' }
    : await probeIsolation(
        {
          workTree: dir,
          home: process.env.HOME || os.homedir(),
          runnerTemp: context.runnerTemp || undefined,
          reveal: [plan.runDir],
          hide: await runnerInstallDir().then((runner) => (runner ? [runner] : []))
        },
        weaken
      )
  if (!isolation.wrapper) {
    const why = `The agent and the gate cannot be isolated from this action here: ${isolation.reason}. They could read the token through /proc, regain privilege, or leave files that later steps run.`
    if (settings.stage !== 'propose' && !settings.allowUnisolated) {
      throw new InputError(
        "Input 'allow-unisolated'",
        'false',
        `${why} Use the two-job mode (stage: propose in a job without a write token, then stage: publish), or set allow-unisolated: true to accept the risk.`
      )
    }
    const warning = `${why} ${settings.stage === 'propose' ? 'This job holds no write token (stage: propose).' : 'Running anyway (allow-unisolated: true); the two-job mode (stage: propose / publish) keeps the token out of the agent’s job.'}`
    log.warning(warning)
    plan.warnings.push(warning)
  } else {
    log.info(
      `The agent and the gate run isolated (${isolation.method}): own PID and mount namespaces, no privilege, RUNNER_TEMP hidden, HOME throwaway.`
    )
  }

  const agent = new CommandAgent({
    template: settings.agentCommand,
    cwd: dir,
    env: agentEnvironment(process.env, { secretValues: secrets }),
    timeoutMs: settings.agentTimeoutMs,
    promptDir: plan.runDir,
    contextDir,
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
  // From here on (the agent and the gate have their environments), the action's own children find
  // programs in the system directories only: @actions/exec looks git up on this process's PATH.
  if (!off.has('trusted-path')) process.env.PATH = trustedPath
  // stage propose: the change leaves as a bundle on disk; this job pushes nothing and writes nothing to GitHub.
  const bundler =
    settings.stage === 'propose' ? bundleProposer(context, plan, workspace, settings.bundlePath, settings.candidate) : undefined
  const proposer =
    bundler ??
    plan.proposer?.({ workspace, originUrl: originUrl || 'origin' }) ??
    new DraftPullRequestProposer(workspace, plan.api, {
      branch: plan.branch,
      base: plan.base,
      title: plan.title,
      body: (proposal) => plan.body(proposal),
      author: BOT_AUTHOR.action,
      token: settings.token,
      dryRun: settings.dryRun,
      // Read before the agent ran; the auth header is scoped to this one URL.
      remote: originUrl || 'origin',
      afterPush: ciDispatcher(settings, plan.api, log, plan.warnings)
    })

  const taken = await refuseForeignBranch(workspace, git, settings, plan, context, log)
  if (taken) {
    await workspace.dispose()
    return taken
  }

  // The runner's file commands, byte for byte, before the agent and the gate: checked before the
  // push and after the loop; any change is put back and the run refused.
  const fileCommands = off.has('file-commands') ? undefined : await snapshotFileCommands(process.env)
  const guardedProposer = fileCommands ? guardProposer(proposer, fileCommands) : proposer
  const credentials = await neutraliseCheckoutCredentials({ repoDir: dir, runnerTemp: context.runnerTemp || undefined, git })
  if (credentials.found.length > 0) log.info(`Put the checkout's persisted credentials out of reach while the agent and the gate run.`)
  let outcome: RunOutcome
  try {
    const result = await runSupervisedLoop(
      { agent, gate, workspace, proposer: guardedProposer, policies, reporter: log },
      {
        task: plan.task,
        retryCap: Math.min(plan.retryCap ?? settings.retryCap, settings.retryCap),
        instructions,
        stopOnNoProgress: settings.stopOnNoProgress,
        spendLimits: { agentMinutes: settings.maxAgentMinutes, costUsd: settings.maxCostUsd, spentBefore: plan.spentBefore }
      }
    )
    // The loop leaves a proposed change in the work tree; it is on the branch (or in the bundle)
    // and the patch now, and later steps of the job must not pick up agent-written files unawares.
    // A failed put-back changes nothing about the proposal that exists: a warning, not a failed run.
    if (result.kind === 'proposed') {
      await workspace.restore().catch((error: unknown) => {
        const warning = `The change is proposed, but the work tree could not be put back as it was (${(error as Error).message}); later steps of this job see the agent's files.`
        log.warning(warning)
        plan.warnings.push(warning)
      })
    }
    log.unfence()
    const looped = outcomeFromLoop(result, { job: plan.task.job, runUrl: context.runUrl, dryRun: settings.dryRun, warnings: plan.warnings })
    const tampered = fileCommands ? await restoreFileCommands(fileCommands) : undefined
    if (tampered !== undefined) {
      log.warning(tampered)
      outcome = { ...looped, result: 'rejected', reason: looped.result === 'rejected' ? looped.reason : tampered }
    } else {
      // Best of N: a candidate that did not reach green still hands over its bundle, patch kept.
      if (bundler && settings.candidate !== undefined && result.kind !== 'proposed') {
        const patch = 'patchPath' in result && result.patchPath ? await readFile(result.patchPath) : Buffer.alloc(0)
        const lastGate = 'lastGate' in result ? result.lastGate : 'reproduction' in result ? result.reproduction : undefined
        await bundler.keepUnproposed({ verdict: result.kind, attempts: result.attempts, lastGate }, patch)
      }
      outcome = bundler ? await handOverBundle(looped, bundler, context, log, settings.candidate) : looped
    }
  } catch (error) {
    log.unfence()
    if (fileCommands) {
      const tampered = await restoreFileCommands(fileCommands).catch((restoreError: unknown) => (restoreError as Error).message)
      if (tampered !== undefined) log.warning(tampered)
    }
    // The loop's own error is what the user must see: a failed put-back is logged, not swapped in.
    // The workspace first: it puts the metadata back as begin found it (credentials out of reach),
    // then the credentials go back in.
    await workspace.dispose().catch(() => undefined)
    await credentials.restore().catch((restoreError: unknown) => log.warning((restoreError as Error).message))
    const patchPath = await tryFindLastPatch(path.join(plan.runDir, 'patches'))
    const why = isGitHubUnreachable(error) ? `GitHub's API at ${context.apiUrl} could not be reached` : undefined
    throw patchPath === undefined ? error : new LoopFailedError(error, patchPath, why)
  }
  log.unfence()
  // The workspace first: it puts the metadata back as begin found it (credentials out of reach),
  // then the credentials go back in. Not put back (the agent deleted .git, where they lived):
  // later git steps of the job lack them; say so.
  try {
    await workspace.dispose()
  } finally {
    await credentials.restore().catch((restoreError: unknown) => log.warning((restoreError as Error).message))
  }
  return outcome
}

/** The refusal, when the file commands changed since the snapshot (they are put back first). */
async function restoreFileCommands(snapshot: FileCommandSnapshot): Promise<string | undefined> {
  const changes = await snapshot.restore()
  if (changes.length === 0) return undefined
  return (
    `Refused: the runner's file-command files changed while the agent and the gate ran: ${describeFileCommandChanges(changes)}. ` +
    'They were put back exactly as before, so no later step of the job sees what was written (an environment variable, a PATH entry, an output); nothing was pushed.'
  )
}

/** Checks the file commands before the change leaves (a push, a bundle); refuses it when they changed. */
function guardProposer(proposer: Proposer, snapshot: FileCommandSnapshot): Proposer {
  return {
    async propose(proposal) {
      const tampered = await restoreFileCommands(snapshot)
      if (tampered !== undefined) throw new ProposalRefusedError(tampered)
      return proposer.propose(proposal)
    }
  }
}

/**
 * Before the agent runs: when the proposal branch on origin holds commits Gated Agent did not
 * write (a reviewer's fix-up, unrelated history), the run stops here and changes nothing, since
 * proposing would drop that work. The push checks again (someone may push meanwhile). A branch
 * that cannot be read is left to that check.
 */
async function refuseForeignBranch(
  workspace: GitWorkspace,
  git: ReturnType<typeof createGitRunner>,
  settings: ActionSettings,
  plan: LoopPlan,
  context: RunnerContext,
  log: FencedLog
): Promise<RunOutcome | undefined> {
  try {
    const head = (await git.run(['rev-parse', '--verify', 'HEAD^{commit}'])).stdout.trim()
    const state = await workspace.inspectRemoteBranch({
      remote: 'origin',
      branch: plan.branch,
      base: head,
      owner: BOT_AUTHOR.action,
      token: settings.token
    })
    if (state.kind !== 'foreign') return undefined
    return {
      result: 'skipped',
      reason:
        `${plan.branch} on origin holds ${describeForeignCommits(state.commits)}, so the agent was not run: proposing would drop that work, and the branch was left as it is. ` +
        'Merge or close its pull request and delete the branch, or move those commits elsewhere, then ask again.',
      job: plan.task.job,
      attempts: [],
      notes: [],
      warnings: plan.warnings,
      runUrl: context.runUrl,
      dryRun: settings.dryRun
    }
  } catch (error) {
    log.warning(`Could not read ${plan.branch} on origin before the run (${(error as Error).message}); the push checks it again.`)
    return undefined
  }
}

/**
 * A remote URL without the user and password an https URL may carry (a token some workflows put
 * there): the push authenticates with the header the action scopes to this URL, and the URL is
 * shown in the summary.
 */
function withoutUserinfo(url: string): string {
  if (!/^https?:\/\//i.test(url)) return url
  try {
    const parsed = new URL(url)
    parsed.username = ''
    parsed.password = ''
    return parsed.toString()
  } catch {
    return url
  }
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

function bundleProposer(
  context: RunnerContext,
  plan: LoopPlan,
  workspace: GitWorkspace,
  bundlePath: string | undefined,
  candidate: string | undefined
): BundleProposer {
  if (!plan.subject)
    throw new InputError("Input 'stage'", 'propose', `stage propose is not available for ${plan.task.job} in this version; use stage all.`)
  const dir = bundlePath
    ? path.resolve(context.workspace, bundlePath)
    : path.join(context.runnerTemp || os.tmpdir(), candidate ? `gated-agent-bundle-${candidate}` : 'gated-agent-bundle')
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
    judged: (proposal) => workspace.judged(proposal.change),
    branch: plan.branch,
    title: plan.title,
    body: plan.body,
    runUrl: context.runUrl,
    candidate
  })
}

/** After a green propose: the bundle's path, and the artifact the publish job downloads when the runner offers one. */
async function handOverBundle(
  outcome: RunOutcome,
  bundler: BundleProposer,
  context: RunnerContext,
  log: FencedLog,
  candidate: string | undefined
): Promise<RunOutcome> {
  const bundle = bundler.bundle()
  if (!bundle || (outcome.result !== 'proposed' && candidate === undefined)) return outcome
  log.info(
    `The change bundle's digest is ${bundle.digest} (output bundle-digest${candidate ? ` and bundle-digest-${candidate}` : ''}); the publish job refuses a bundle that does not match it.`
  )
  const artifact = await tryUploadBundleArtifact(bundle, { name: bundleArtifactName(context.runId, context.runAttempt, candidate) })
  const reason =
    outcome.result === 'proposed'
      ? `The gate passed after ${outcome.attempts.length} agent run(s); the change bundle awaits the publish job, which pushes the branch and opens the draft pull request.`
      : `${outcome.reason} The bundle of candidate ${candidate} keeps this change for the publish job to list; it is never published.`
  return {
    ...outcome,
    reason,
    candidate,
    bundlePath: bundle.dir,
    bundleDigest: bundle.digest,
    artifactName: artifact.kind === 'uploaded' ? artifact.name : undefined,
    notes: [...outcome.notes, describeBundleArtifact(artifact, bundle.dir)]
  }
}
