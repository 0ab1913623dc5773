#!/usr/bin/env node
import { Command, InvalidArgumentError, Option, CommanderError } from 'commander'
import { access, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { constants } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CommandAgent, splitCommandTemplate } from './runtime/agent/command-agent.js'
import { chooseContextDir, gitIgnores } from './runtime/agent/context-dir.js'
import { ShellGate } from './runtime/gate/shell-gate.js'
import { GitWorkspace, gitTopLevel } from './runtime/git/git-workspace.js'
import { createGitRunner } from './runtime/git/git.js'
import { runSupervisedLoop } from './core/supervised-loop.js'
import { writeWithBackpressure } from './runtime/process/process-runner.js'
import { findInstructionsFile } from './runtime/instructions-file.js'
import { detectGateSteps } from './runtime/gate/gate-detection.js'
import { InputError, MAX_BUDGET_MINUTES, MAX_BUDGET_USD, parseDollars, parseMinutes, parseWholeNumber } from './core/input-values.js'
import { localHealBranch, localIssueBranch } from './core/naming.js'
import { formatUsage, totalUsage } from './core/usage.js'
import { AGENT_PRESETS, formatPresetList, resolveAgentCommand } from './runtime/agent/agent-presets.js'
import type { Agent, Change, Job, LoopResult, Proposer, Reporter, Workspace } from './core/types.js'
import { validateGlobs } from './core/protected-paths-policy.js'
import { policiesFor } from './core/job-policies.js'
import { findTestWeakening, formatFinding } from './core/test-weakening-policy.js'
import {
  DEMO_GATE,
  SimulatedAgent,
  SimulatedRedBuildWorkspace,
  assertDemoTargetFree,
  type HealVariant,
  type IssueVariant
} from './local/demo-simulation.js'
import { PlainDirectoryWorkspace } from './local/plain-directory-workspace.js'
import { DEMO_AUTHOR, LocalBranchProposer } from './local/local-branch-proposer.js'
import packageJson from '../package.json' with { type: 'json' }

/** Exit codes, as the seed defined them, plus bad input and Ctrl-C (128 + SIGINT, as shells report it). */
export const EXIT = { proposed: 0, gateFailed: 1, gaveUp: 2, usage: 64, interrupted: 130 } as const

/** A mistake the user can fix: printed as one line, with a non-zero exit, before any work. */
class UsageError extends Error {}

interface JobOptions {
  simulate?: string
  agent?: string
  gate: string[]
  protectedPath: string[]
  allowTestChanges?: boolean
  allowGateChanges?: boolean
  retryCap: number
  /** commander's `--no-stop-on-no-progress`: true unless given. */
  stopOnNoProgress: boolean
  branchPrefix: string
  agentTimeoutMinutes: number
  gateTimeoutMinutes: number
  /** Budgets; undefined is none. */
  maxAgentMinutes?: number
  maxCostUsd?: number
}

/** Set by Ctrl-C: the loop's own account of the stopped agent ("exit null") is not shown, one line says it. */
let interrupted = false

const reporter: Reporter = {
  info: (message) => {
    if (!interrupted) console.log(message)
  },
  warning: (message) => {
    if (!interrupted) console.log(`warning: ${message}`)
  },
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

function minutesOption(flag: string, max = 360): (value: string) => number {
  return (value) => {
    try {
      return parseMinutes(flag, value, max)
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message)
    }
  }
}

function dollarsOption(value: string): number {
  try {
    return parseDollars('--max-cost-usd', value, MAX_BUDGET_USD)
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message)
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

/** What the environment tells the CLI, shown under every command's help. */
const ENVIRONMENT_HELP = [
  '',
  'Environment:',
  "  AGENT_CMD     the agent's headless command, e.g. AGENT_CMD='claude -p --permission-mode acceptEdits'",
  '                ({prompt_file} in it becomes the prompt file; otherwise the prompt comes on stdin)',
  '  AGENT_CONFIG  the instructions file for the agent (default: AGENTS.md, .agent/instructions.md or agent-config.md)'
].join('\n')

function addJobOptions(command: Command, simulateChoices: string[]): Command {
  command.addHelpText('after', ENVIRONMENT_HELP)
  return command
    .addOption(new Option('--simulate <variant>', 'run a deterministic stand-in agent on a demo target').choices(simulateChoices))
    .addOption(
      new Option('--agent <preset>', 'run a preset agent CLI by name instead of AGENT_CMD (see `gated-agent presets`)').choices(
        Object.keys(AGENT_PRESETS)
      )
    )
    .addOption(
      new Option('--gate <command>', 'a gate step, run by a shell (repeat for more steps)')
        .argParser(collect)
        .default([], 'detected from package.json, pyproject.toml, go.mod, Cargo.toml or a Makefile')
    )
    .addOption(
      new Option('--protected-path <glob>', 'a path the agent must not change (repeat for more)')
        .argParser(collect)
        .default([], '.github/workflows/**')
    )
    .option('--allow-test-changes', 'let the agent change, skip or delete existing tests (self-heal)')
    .option('--allow-gate-changes', "let the agent change the gate's definition (scripts, runner and lint config)")
    .option('--retry-cap <n>', 'maximum number of agent runs', retryCapOption, 3)
    .option('--no-stop-on-no-progress', 'spend the whole retry cap even when two runs in a row fail the gate the same way')
    .option('--branch-prefix <prefix>', 'prefix of the proposal branch', 'agent/')
    .option('--agent-timeout-minutes <m>', 'minutes one agent run may take', minutesOption('--agent-timeout-minutes'), 30)
    .option('--gate-timeout-minutes <m>', 'minutes one gate step may take', minutesOption('--gate-timeout-minutes'), 15)
    .option(
      '--max-agent-minutes <m>',
      'budget: total agent minutes over all runs; reaching it stops before the next run (default: none)',
      minutesOption('--max-agent-minutes', MAX_BUDGET_MINUTES)
    )
    .option(
      '--max-cost-usd <usd>',
      'budget: total US dollars the agent reports over all runs; reaching it stops before the next run (default: none)',
      dollarsOption
    )
}

async function runJob(job: Job, options: JobOptions, issueFile?: string): Promise<number> {
  const env = process.env
  const topLevel = await gitTopLevel(createGitRunner(process.cwd()))
  const cwd = topLevel ?? process.cwd()

  // Everything the user can get wrong is checked before any work starts.
  let issueText: string | undefined
  if (issueFile) {
    const info = await stat(issueFile).catch(() => undefined)
    if (info?.isDirectory()) throw new UsageError(`issue file '${issueFile}' is a directory: give the markdown file that holds the issue.`)
    try {
      await access(issueFile, constants.R_OK)
      issueText = await readFile(issueFile, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message
      throw new UsageError(`issue file '${issueFile}' cannot be read (${why}): check the path.`)
    }
    if (issueText.trim() === '') {
      throw new UsageError(`issue file '${issueFile}' is empty: write the issue's title and text in it (markdown).`)
    }
  }
  if (topLevel !== undefined && !(await hasCommit(topLevel))) {
    throw new UsageError(`the repository in ${topLevel} has no commit yet: commit once (git commit --allow-empty -m init), then run again.`)
  }
  const template = options.agent ? AGENT_PRESETS[options.agent].command : (env.AGENT_CMD ?? '')
  if (!options.simulate && !template.trim()) {
    throw new UsageError(
      "No --simulate, no --agent and no AGENT_CMD set. Pass --agent <preset> (see gated-agent presets), set AGENT_CMD to your agent's headless command (e.g. AGENT_CMD='claude -p --permission-mode acceptEdits'), or pass --simulate to run the deterministic demo."
    )
  }
  if (!options.simulate) {
    const source = options.agent ? `--agent ${options.agent}` : 'AGENT_CMD'
    const open = unclosedQuote(template)
    if (open)
      throw new UsageError(
        `${source}: the ${open} quote is never closed in ${JSON.stringify(template)}; close it, or escape it with a backslash.`
      )
    try {
      splitCommandTemplate(template)
    } catch (error) {
      throw new UsageError(`${source}: ${(error as Error).message}`)
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
  const blank = options.gate.findIndex((step) => step.trim() === '')
  if (blank >= 0) {
    throw new UsageError(
      `--gate ${JSON.stringify(options.gate[blank])} is empty: a gate step must be a command, such as --gate 'npm test'. A gate that runs nothing would pass any change.`
    )
  }
  const protectedProblem = validateGlobs(options.protectedPath)
  if (protectedProblem) throw new UsageError(`--protected-path: ${protectedProblem}`)
  let steps = options.gate.map((step) => step.trim())
  if (steps.length === 0) steps = options.simulate ? [DEMO_GATE] : ((await detectGateSteps(cwd)) ?? [])
  if (steps.length === 0) {
    throw new UsageError(
      'No gate: pass --gate CMD (repeatable), or add a test script the gate can detect (package.json, pyproject.toml, go.mod, Cargo.toml, Makefile).'
    )
  }

  const runDir = await mkdtemp(path.join(os.tmpdir(), 'gated-agent-'))
  const inGit = topLevel !== undefined
  // The files the prompt names live inside the work tree while the agent runs (its CLI may refuse
  // anything outside it), and are never part of the change.
  const contextDir = options.simulate
    ? undefined
    : await chooseContextDir(cwd, inGit ? { isIgnored: gitIgnores(createGitRunner(cwd), cwd) } : {})
  // A file the user had changed that the agent edits too is part of the change (its whole content):
  // the agent's edit is not dropped, and the user's work tree gets the user's version back.
  const gitWorkspace = inGit
    ? new GitWorkspace({
        git: createGitRunner(cwd),
        dir: cwd,
        patchDir: path.join(runDir, 'patches'),
        dirtyEdited: 'include-when-edited',
        ...(contextDir ? { excludePaths: [contextDir.relative] } : {})
      })
    : undefined
  if (!inGit) reporter.warning('Not a git repository: the change cannot be isolated, restored or committed here.')
  let workspace: Workspace = gitWorkspace ?? new PlainDirectoryWorkspace(cwd, path.join(runDir, 'patches'))

  // Agents lead their own process group, so Ctrl-C must be passed on to stop them.
  const interrupt = new AbortController()
  const stop = (): void => {
    interrupted = true
    interrupt.abort()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

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
      contextDir,
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
    reporter,
    // The steps lead their own process group: Ctrl-C in the terminal reaches them only through this.
    abort: interrupt.signal
  })

  const branch =
    job === 'issue-to-pr'
      ? localIssueBranch(options.branchPrefix, path.parse(issueFile ?? 'issue').name)
      : localHealBranch(options.branchPrefix, await gitWorkspace?.checkedOutBranch())
  const message =
    job === 'issue-to-pr' ? `Agent: implement ${path.parse(issueFile ?? 'issue').name}` : 'Agent: self-healing fix for failing gate'
  // Demo commits are made as the demo's own identity: a demo never replaces a real agent's branch.
  const local = new LocalBranchProposer(gitWorkspace, { branch, message, ...(options.simulate ? { author: DEMO_AUTHOR } : {}) })
  let proposedChange: Change | undefined
  const proposer: Proposer = {
    propose: (proposal) => {
      proposedChange = proposal.change
      return local.propose(proposal)
    }
  }

  // The same policies as the action, from the same inputs as flags.
  const policies = policiesFor({
    job,
    protectedPaths: options.protectedPath,
    allowTestChanges: options.allowTestChanges === true,
    allowGateChanges: options.allowGateChanges === true,
    gateSteps: steps
  })

  if (issueFile) reporter.info(`[issue-to-pr] brief: ${issueFile}`)
  let result: LoopResult
  try {
    result = await runSupervisedLoop(
      { agent, gate, workspace, proposer, policies, reporter },
      {
        task: issueText === undefined ? { job } : { job, issue: { body: issueText } },
        retryCap: options.retryCap,
        instructions,
        stopOnNoProgress: options.stopOnNoProgress,
        spendLimits: { agentMinutes: options.maxAgentMinutes, costUsd: options.maxCostUsd }
      }
    )
  } finally {
    await gitWorkspace?.dispose()
  }
  if (interrupt.signal.aborted) {
    const kept = 'patchPath' in result && result.patchPath ? `; the agent's change so far is kept in ${result.patchPath}` : ''
    console.error(`gated-agent: interrupted (Ctrl-C): the agent was stopped and the work tree restored${kept}.`)
    return EXIT.interrupted
  }
  const included = gitWorkspace?.lastIncludedDirty() ?? []
  if (result.kind === 'proposed' && included.length > 0) {
    reporter.warning(
      `The agent edited ${included.length} file(s) you had changed before the run (${included.join(', ')}): the proposal holds their whole content, your earlier edits included.`
    )
  }
  if (result.kind === 'proposed' && job === 'issue-to-pr') {
    const weakened = findTestWeakening(proposedChange ?? { paths: [], patch: '' })
    for (const finding of weakened) reporter.warning(`tests weakened: ${formatFinding(finding)}`)
  }
  printResult(job, result)
  // Nothing to keep after a success (the branch holds the change) or no change; a failure keeps its patch here.
  if (result.kind === 'proposed' || result.kind === 'no-change' || result.kind === 'not-reproduced') {
    await rm(runDir, { recursive: true, force: true })
  }
  return exitCode(job, result)
}

/** Whether the repository has a commit to work from. */
async function hasCommit(dir: string): Promise<boolean> {
  const out = await createGitRunner(dir).run(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { allowFailure: true })
  return out.exitCode === 0
}

/** `single` or `double` when a quote in the command is never closed (as a shell would read it). */
function unclosedQuote(command: string): 'single' | 'double' | undefined {
  let open: 'single' | 'double' | undefined
  for (let i = 0; i < command.length; i++) {
    const c = command[i]
    if (open === 'single') {
      if (c === "'") open = undefined
    } else if (c === '\\') {
      i++
    } else if (open === 'double') {
      if (c === '"') open = undefined
    } else if (c === "'") open = 'single'
    else if (c === '"') open = 'double'
  }
  return open
}

function exitCode(job: Job, result: LoopResult): number {
  if (result.kind === 'proposed') return EXIT.proposed
  if (job === 'self-heal') {
    if (result.kind === 'not-reproduced') return EXIT.proposed
    if (result.kind === 'gave-up') return EXIT.gaveUp
  }
  return EXIT.gateFailed
}

function printResult(job: Job, result: LoopResult): void {
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
    // A policy's verdict is not in any command's output: show what it told the agent.
    const lastGate = 'lastGate' in result ? result.lastGate : undefined
    for (const step of lastGate?.steps.filter((s) => s.policy && !s.ok) ?? []) console.log(`\n${step.name}:\n${step.tail}`)
    if (result.kind === 'rejected' && result.unrestored !== undefined) {
      console.log('No PR proposed, and your work tree could NOT be put back as it was: check it before you go on.')
    } else {
      console.log('No PR proposed; your work tree is as it was before the run.')
    }
    if ('patchPath' in result && result.patchPath) console.log(`The last attempt's change is kept in ${result.patchPath}`)
    console.log(line)
  }
  const total = totalUsage(result.attempts.filter((a) => a.number > 0))
  if (total) {
    const unreported = total.reported < total.runs ? ` (${total.runs - total.reported} run(s) reported none)` : ''
    console.log(`Model usage over ${total.runs} agent run(s): ${formatUsage(total.usage)}${unreported}`)
  }
  // Only a branch that exists is named (outside git, none was made).
  const branch = result.kind === 'proposed' && result.proposed.branch ? result.proposed.branch : '-'
  console.log(`result=${result.kind} attempts=${agentRuns} branch=${branch}`)
}

/** Builds the command line. */
function buildProgram(): Command {
  const program = new Command('gated-agent')
    .description('Run a coding agent under a gate (your lint and tests) and propose its change as a branch. It never merges.')
    .version(packageJson.version, '-V, --version', 'print the version')
    .showHelpAfterError(false)
    .exitOverride()
    .addHelpText(
      'after',
      [
        ENVIRONMENT_HELP,
        '',
        'Examples:',
        '  gated-agent issue-to-pr issue.md --simulate good      # the offline demo, no agent needed',
        '  gated-agent issue-to-pr issue.md --agent claude-code  # a preset agent CLI by name',
        "  AGENT_CMD='my-agent --prompt-file {prompt_file}' gated-agent self-heal --gate 'npm test'"
      ].join('\n')
    )
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
