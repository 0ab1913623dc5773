#!/usr/bin/env node
import { Command, InvalidArgumentError, Option, CommanderError } from 'commander'
import { access, mkdtemp, readFile } from 'node:fs/promises'
import { constants } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CommandAgent, splitCommandTemplate } from './runtime/agent/command-agent.js'
import { ShellGate } from './runtime/gate/shell-gate.js'
import { GitWorkspace, gitTopLevel } from './runtime/git/git-workspace.js'
import { createGitRunner } from './runtime/git/git.js'
import { runSupervisedLoop } from './core/supervised-loop.js'
import { writeWithBackpressure } from './runtime/process/process-runner.js'
import { findInstructionsFile } from './runtime/instructions-file.js'
import { detectGateSteps } from './runtime/gate/gate-detection.js'
import { InputError, parseMinutes, parseWholeNumber } from './core/input-values.js'
import { localHealBranch, localIssueBranch } from './core/naming.js'
import { AGENT_PRESETS, formatPresetList, resolveAgentCommand } from './runtime/agent/agent-presets.js'
import type { Agent, Job, LoopResult, Reporter, Workspace } from './core/types.js'
import {
  DEMO_GATE,
  SimulatedAgent,
  SimulatedRedBuildWorkspace,
  assertDemoTargetFree,
  type HealVariant,
  type IssueVariant
} from './local/demo-simulation.js'
import { PlainDirectoryWorkspace } from './local/plain-directory-workspace.js'
import { LocalBranchProposer } from './local/local-branch-proposer.js'

/** Exit codes, as the seed defined them, plus one for bad input. */
export const EXIT = { proposed: 0, gateFailed: 1, gaveUp: 2, usage: 64 } as const

/** A mistake the user can fix: printed as one line, with a non-zero exit, before any work. */
class UsageError extends Error {}

interface JobOptions {
  simulate?: string
  gate: string[]
  retryCap: number
  /** commander's `--no-stop-on-no-progress`: true unless given. */
  stopOnNoProgress: boolean
  branchPrefix: string
  agentTimeoutMinutes: number
  gateTimeoutMinutes: number
}

const reporter: Reporter = {
  info: (message) => console.log(message),
  warning: (message) => console.log(`warning: ${message}`),
  startGroup: (name) => console.log(`\n── ${name} ──`),
  endGroup: () => undefined
}

function retryCapOption(value: string): number {
  try {
    return parseWholeNumber('--retry-cap', value, 1, 20)
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message)
  }
}

function minutesOption(flag: string): (value: string) => number {
  return (value) => {
    try {
      return parseMinutes(flag, value, 360)
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message)
    }
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function addJobOptions(command: Command, simulateChoices: string[]): Command {
  return command
    .addOption(new Option('--simulate <variant>', 'run a deterministic stand-in agent on a demo target').choices(simulateChoices))
    .option('--gate <command>', 'a gate step, run by a shell (repeat for more steps)', collect, [])
    .option('--retry-cap <n>', 'maximum number of agent runs', retryCapOption, 3)
    .option('--no-stop-on-no-progress', 'spend the whole retry cap even when two runs in a row fail the gate the same way')
    .option('--branch-prefix <prefix>', 'prefix of the proposal branch', 'agent/')
    .option('--agent-timeout-minutes <m>', 'minutes one agent run may take', minutesOption('--agent-timeout-minutes'), 30)
    .option('--gate-timeout-minutes <m>', 'minutes one gate step may take', minutesOption('--gate-timeout-minutes'), 15)
}

async function runJob(job: Job, options: JobOptions, issueFile?: string): Promise<number> {
  const env = process.env
  const topLevel = await gitTopLevel(createGitRunner(process.cwd()))
  const cwd = topLevel ?? process.cwd()

  // Everything the user can get wrong is checked before any work starts.
  let issueText: string | undefined
  if (issueFile) {
    try {
      await access(issueFile, constants.R_OK)
      issueText = await readFile(issueFile, 'utf8')
    } catch {
      throw new UsageError(`issue file '${issueFile}' cannot be read: check the path.`)
    }
  }
  const template = env.AGENT_CMD ?? ''
  if (!options.simulate && !template.trim()) {
    throw new UsageError(
      "No --simulate and no AGENT_CMD set. Set AGENT_CMD to your agent's headless command (e.g. AGENT_CMD='claude -p --permission-mode acceptEdits'), or pass --simulate to run the deterministic demo."
    )
  }
  if (!options.simulate) {
    try {
      splitCommandTemplate(template)
    } catch (error) {
      throw new UsageError(`AGENT_CMD: ${(error as Error).message}`)
    }
  } else {
    await assertDemoTargetFree(cwd).catch((error) => {
      throw new UsageError((error as Error).message)
    })
  }
  let instructions
  try {
    instructions = await findInstructionsFile(cwd, env.AGENT_CONFIG || undefined)
  } catch (error) {
    throw new UsageError(`AGENT_CONFIG: ${(error as Error).message}`)
  }
  let steps = options.gate
  if (steps.length === 0) steps = options.simulate ? [DEMO_GATE] : ((await detectGateSteps(cwd)) ?? [])
  if (steps.length === 0) {
    throw new UsageError(
      'No gate: pass --gate CMD (repeatable), or add a test script the gate can detect (package.json, pyproject.toml, go.mod, Cargo.toml, Makefile).'
    )
  }

  const runDir = await mkdtemp(path.join(os.tmpdir(), 'gated-agent-'))
  const inGit = topLevel !== undefined
  const gitWorkspace = inGit ? new GitWorkspace({ git: createGitRunner(cwd), dir: cwd, patchDir: path.join(runDir, 'patches') }) : undefined
  if (!inGit) reporter.warning('Not a git repository: the change cannot be isolated, restored or committed here.')
  let workspace: Workspace = gitWorkspace ?? new PlainDirectoryWorkspace(cwd, path.join(runDir, 'patches'))

  // Agents lead their own process group, so Ctrl-C must be passed on to stop them.
  const interrupt = new AbortController()
  process.once('SIGINT', () => interrupt.abort())
  process.once('SIGTERM', () => interrupt.abort())

  let agent: Agent
  if (options.simulate) {
    agent =
      job === 'issue-to-pr'
        ? new SimulatedAgent(cwd, { job, variant: options.simulate as IssueVariant })
        : new SimulatedAgent(cwd, { job, variant: options.simulate as HealVariant })
    if (job === 'self-heal') workspace = new SimulatedRedBuildWorkspace(workspace, cwd)
    reporter.info(`[${job}] simulating a '${options.simulate}' agent on the self-contained demo target.`)
  } else {
    agent = new CommandAgent({
      template,
      cwd,
      env,
      timeoutMs: options.agentTimeoutMinutes * 60_000,
      promptDir: runDir,
      onOutput: (chunk) => writeWithBackpressure(process.stdout, chunk),
      reporter,
      abort: interrupt.signal,
      // A command that starts a preset's CLI gets that preset's output readers (usage, denied edits).
      outputReaders: AGENT_PRESETS[resolveAgentCommand({ agentCommand: template }).preset ?? '']
    })
  }

  const gate = new ShellGate({
    steps,
    cwd,
    env,
    timeoutMs: options.gateTimeoutMinutes * 60_000,
    tailBytes: 64 * 1024,
    onOutput: (chunk) => writeWithBackpressure(process.stdout, chunk),
    reporter
  })

  const branch =
    job === 'issue-to-pr'
      ? localIssueBranch(options.branchPrefix, path.parse(issueFile ?? 'issue').name)
      : localHealBranch(options.branchPrefix, await gitWorkspace?.checkedOutBranch())
  const message =
    job === 'issue-to-pr' ? `Agent: implement ${path.parse(issueFile ?? 'issue').name}` : 'Agent: self-healing fix for failing gate'
  const proposer = new LocalBranchProposer(gitWorkspace, { branch, message })

  if (issueFile) reporter.info(`[issue-to-pr] brief: ${issueFile}`)
  let result: LoopResult
  try {
    result = await runSupervisedLoop(
      { agent, gate, workspace, proposer, reporter },
      { task: { job, text: issueText }, retryCap: options.retryCap, instructions, stopOnNoProgress: options.stopOnNoProgress }
    )
  } finally {
    await gitWorkspace?.dispose()
  }
  printResult(job, result, branch)
  return exitCode(job, result)
}

function exitCode(job: Job, result: LoopResult): number {
  if (result.kind === 'proposed') return EXIT.proposed
  if (job === 'self-heal') {
    if (result.kind === 'not-reproduced') return EXIT.proposed
    if (result.kind === 'gave-up') return EXIT.gaveUp
  }
  return EXIT.gateFailed
}

function printResult(job: Job, result: LoopResult, branch: string): void {
  const agentRuns = result.attempts.filter((a) => a.number > 0).length
  const line = '='.repeat(78)
  console.log(`\n${line}`)
  if (result.kind === 'proposed') {
    console.log(`GATE PASSED after ${agentRuns} agent run(s). Proposing a PR — NOT merging. A person reviews the diff.`)
    console.log(line)
    for (const note of result.proposed.notes) console.log(note)
    console.log('\nThe agent stops here. It cannot merge. That is the whole safety model.')
  } else {
    const label = {
      'no-change': 'NO CHANGE',
      'not-reproduced': 'NOT REPRODUCED',
      'gave-up': job === 'self-heal' ? `SELF-HEAL GAVE UP after ${agentRuns} agent run(s)` : `GATE FAILED after ${agentRuns} agent run(s)`,
      'agent-failed': 'AGENT FAILED',
      rejected: 'REJECTED'
    }[result.kind]
    console.log(`${label}: ${result.reason}`)
    if (result.kind === 'rejected' && result.unrestored !== undefined) {
      console.log('No PR proposed, and your work tree could NOT be put back as it was: check it before you go on.')
    } else {
      console.log('No PR proposed; your work tree is as it was before the run.')
    }
    if ('patchPath' in result && result.patchPath) console.log(`The last attempt's change is kept in ${result.patchPath}`)
    console.log(line)
  }
  console.log(`result=${result.kind} attempts=${agentRuns} branch=${result.kind === 'proposed' ? branch : '-'}`)
}

/** Builds the command line. */
function buildProgram(): Command {
  const program = new Command('gated-agent')
    .description('Run a coding agent under a gate (your lint and tests) and propose its change as a branch. It never merges.')
    .showHelpAfterError(false)
    .exitOverride()
  let exit = 0
  addJobOptions(program.command('issue-to-pr').description('implement an issue and propose a PR branch'), ['good', 'bad'])
    .argument('<issue-file>', 'the issue, as a markdown file')
    .action(async (issueFile: string, options: JobOptions) => {
      exit = await runJob('issue-to-pr', options, issueFile)
    })
  addJobOptions(program.command('self-heal').description('fix a failing gate, within the retry cap, and propose a PR branch'), [
    'bad',
    'stuck'
  ]).action(async (options: JobOptions) => {
    exit = await runJob('self-heal', options)
  })
  program
    .command('presets')
    .description('list the agent presets and the command each runs')
    .action(() => {
      console.log(formatPresetList())
    })
  program.hook('postAction', () => {
    process.exitCode = exit
  })
  return program
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv)
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message already; help and version are not errors.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT.usage
      return
    }
    if (error instanceof UsageError || error instanceof InputError) {
      console.error(`gated-agent: ${error.message}`)
      process.exitCode = EXIT.usage
      return
    }
    console.error(error)
    process.exitCode = 70
  }
}

await main(process.argv)
