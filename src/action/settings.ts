import {
  InputError,
  MAX_BUDGET_MINUTES,
  MAX_BUDGET_USD,
  parseBoolean,
  parseDollars,
  parseLines,
  parseList,
  parseMinutes,
  parseWholeNumber
} from '../core/input-values.js'
import { resolveAgentCommand } from '../runtime/agent/agent-presets.js'
import { validateGlobs } from '../core/protected-paths-policy.js'
import { splitCommandTemplate, TemplateError } from '../runtime/agent/command-template.js'
import { branchNameProblem } from '../core/naming.js'
import { isRunnerCredential } from '../runtime/process/child-environment.js'
import { getInput } from './lean-toolkit.js'
import { BUNDLE_DIGEST } from '../runtime/bundle/change-bundle.js'
import { CANDIDATE_LABEL } from '../core/candidate-choice.js'
import { readDecisionSettings, type DecisionSettings, type Mode, type Stage } from './decision-settings.js'

export type { Mode, Stage }

/**
 * Every input of action.yml, read once and validated. Nothing else reads inputs but
 * readDecisionSettings, whose few (the event decision's) are part of these.
 */
export interface ActionSettings extends DecisionSettings {
  /** Token for the API and the push; never reaches the agent or the gate. */
  token: string
  /** The agent command template (a preset's, or `agent-command`); empty only for `stage: publish`. */
  agentCommand: string
  /** The preset name, when one was chosen. */
  agentPreset?: string
  /** Gate steps; empty means detect from the repository. */
  gateSteps: string[]
  /** Maximum number of agent runs. */
  retryCap: number
  /** End the loop early when two attempts in a row make no progress (default true). */
  stopOnNoProgress: boolean
  baseBranch?: string
  instructionsFile?: string
  protectedPaths: string[]
  allowTestChanges: boolean
  /** Let the agent change the gate's definition (scripts, runner and lint configuration, attributes). */
  allowGateChanges: boolean
  /** Bot logins allowed to trigger, without the `[bot]` suffix. */
  allowedBots: string[]
  /** Extra variable names the gate may see. */
  gateEnv: string[]
  requireReviewRule: boolean
  /**
   * Run single-job mode even where the agent and the gate cannot be isolated (no namespaces, no way
   * to drop privilege), accepting that they could reach the token. Off: such a run is refused.
   */
  allowUnisolated: boolean
  agentTimeoutMs: number
  gateTimeoutMs: number
  /** `max-agent-minutes`: total agent wall time over the run's attempts; undefined is no budget. */
  maxAgentMinutes?: number
  /** `max-cost-usd`: total cost the agent reports over the run's attempts; undefined is no budget. */
  maxCostUsd?: number
  /** `follow-up-cap`: agent runs on one agent PR in all (its ledger), first proposal, follow-ups and heals included. */
  followUpCap: number
  /** `ci-workflow`: a workflow file dispatched on an agent branch after each push to it; undefined is none. */
  ciWorkflow?: string
  dryRun: boolean
  bundlePath?: string
  /** stage publish: the digest the propose job emitted; the bundle must match it. */
  bundleDigest?: string
  /**
   * stage publish, best of N: `bundle-digest` given as `<candidate>=<digest>` lines, one per
   * propose job of a matrix (an empty digest: that job emitted none). Set instead of `bundleDigest`.
   */
  bundleDigests?: Array<{ candidate: string; digest?: string }>
  /** stage propose: the label naming this job's bundle and artifact among a matrix's (best of N). */
  candidate?: string
}

type InputReader = (name: string) => string

/**
 * Reads and validates every input. A bad value throws an InputError naming the input, the value
 * and what is accepted, before any work starts.
 */
export function readActionSettings(
  // The gate is read untrimmed: a gate of only spaces is a mistake to report, not "no gate given".
  read: InputReader = (name) => getInput(name, { trimWhitespace: name !== 'gate' })
): ActionSettings {
  const input = (name: string): string => read(name) ?? ''
  const named = (name: string): string => `Input '${name}'`

  const decision = readDecisionSettings(read)
  const stage = decision.stage
  const token = input('github-token').trim()
  if (!token && stage !== 'propose') {
    throw new InputError(named('github-token'), '', 'a token is required; the default is ${{ github.token }}.')
  }
  if (/\s/.test(token)) {
    // The value itself is a secret: never echo it back.
    throw new InputError(named('github-token'), '***', 'a token has no spaces or line breaks inside; check the secret it comes from.')
  }

  let agentCommand = ''
  let agentPreset: string | undefined
  if (stage !== 'publish') {
    const resolved = resolveAgentCommand({ agent: input('agent').trim(), agentCommand: input('agent-command').trim() })
    agentCommand = resolved.command
    agentPreset = resolved.preset
    try {
      splitCommandTemplate(agentCommand)
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error
      throw new InputError(named('agent-command'), input('agent-command').trim(), error.message)
    }
  }

  const protectedPaths = parseLines(input('protected-paths'))
  const globProblem = validateGlobs(protectedPaths)
  if (globProblem) throw new InputError(named('protected-paths'), input('protected-paths'), globProblem)

  const baseBranch = input('base-branch').trim() || undefined
  const baseProblem = baseBranch === undefined ? undefined : branchNameProblem(baseBranch)
  if (baseBranch !== undefined && baseProblem) {
    throw new InputError(
      named('base-branch'),
      baseBranch,
      `${baseProblem}; expected a branch name such as main, or nothing for the default branch.`
    )
  }

  const gateEnv = parseList(input('gate-env'))
  for (const name of gateEnv) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new InputError(named('gate-env'), name, 'expected environment variable names such as DATABASE_URL.')
    }
    if (isRunnerCredential(name)) {
      throw new InputError(
        named('gate-env'),
        name,
        'the gate runs agent-written code and never gets the GitHub token, Actions runtime or OIDC tokens, or INPUT_* values; remove this name.'
      )
    }
  }

  const allowedBots = parseList(input('allowed-bots'))
  for (const bot of allowedBots) {
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?$/.test(bot)) {
      throw new InputError(
        named('allowed-bots'),
        bot,
        'expected bot logins separated by commas or line breaks, such as dependabot[bot], renovate.'
      )
    }
  }

  const instructionsFile = input('instructions-file').trim() || undefined
  if (instructionsFile !== undefined) {
    // The file is read into the prompt before the checkout's credentials are put away: it must be
    // the repository's own file, never one of git's (.git/config holds the checkout token).
    const parts = instructionsFile.split(/[\\/]+/)
    if (/^(?:[/\\~]|[A-Za-z]:)/.test(instructionsFile) || parts.includes('..') || parts.some((part) => part.toLowerCase() === '.git')) {
      throw new InputError(
        named('instructions-file'),
        instructionsFile,
        'expected a path inside the repository, relative to its root and outside .git, such as AGENTS.md or docs/agent.md.'
      )
    }
  }

  const gateInput = input('gate')
  const gateSteps = parseLines(gateInput)
  if (gateInput !== '' && gateSteps.length === 0) {
    throw new InputError(
      named('gate'),
      gateInput,
      'it holds no command (only spaces or comments), and a gate that runs nothing would pass any change; list your lint and test commands, one a line, or leave it out to detect them.'
    )
  }

  const bundlePath = input('bundle-path').trim() || undefined
  if (stage === 'publish' && !bundlePath) {
    throw new InputError(named('bundle-path'), '', "stage 'publish' needs the bundle directory written by stage 'propose'.")
  }
  const bundleDigest = input('bundle-digest').trim() || undefined
  if (stage === 'publish' && !bundleDigest) {
    throw new InputError(
      named('bundle-digest'),
      '',
      "stage 'publish' needs the propose job's bundle-digest output, which binds the bundle to what the gate judged: " +
        'set bundle-digest: ${{ needs.<propose job>.outputs.bundle-digest }} and declare that output on the propose job.'
    )
  }
  // Best of N: one `<candidate>=<digest>` line per propose job of the matrix (see readDigestLines).
  const bundleDigests = bundleDigest?.includes('=') ? readDigestLines(input('bundle-digest')) : undefined
  if (bundleDigest !== undefined && bundleDigests === undefined && !BUNDLE_DIGEST.test(bundleDigest)) {
    throw new InputError(
      named('bundle-digest'),
      bundleDigest,
      "expected the propose job's bundle-digest output: sha256: and 64 hex digits, or for best of N one <candidate>=<digest> line per propose job."
    )
  }

  const candidate = input('candidate').trim() || undefined
  if (candidate !== undefined && !CANDIDATE_LABEL.test(candidate)) {
    throw new InputError(
      named('candidate'),
      candidate,
      'expected a label of letters, digits, - and _ (at most 64, starting with a letter or digit), such as ${{ matrix.agent }} with agent: claude-code; it names the bundle, its artifact and the bundle-digest-<candidate> output.'
    )
  }
  if (candidate !== undefined && stage !== 'propose') {
    throw new InputError(
      named('candidate'),
      candidate,
      "it names a propose job's bundle among a matrix's, so it is set with stage: propose only; remove it here (the publish job reads each bundle's candidate from its manifest)."
    )
  }

  return {
    ...decision,
    token,
    agentCommand,
    agentPreset,
    gateSteps,
    retryCap: parseWholeNumber(named('retry-cap'), input('retry-cap') || '3', 1, 20),
    stopOnNoProgress: parseBoolean(named('stop-on-no-progress'), input('stop-on-no-progress').trim() || 'true'),
    baseBranch,
    instructionsFile,
    protectedPaths,
    allowTestChanges: parseBoolean(named('allow-test-changes'), input('allow-test-changes')),
    allowGateChanges: parseBoolean(named('allow-gate-changes'), input('allow-gate-changes')),
    allowedBots: allowedBots.map((b) => b.replace(/\[bot\]$/, '')),
    gateEnv,
    requireReviewRule: parseBoolean(named('require-review-rule'), input('require-review-rule')),
    agentTimeoutMs: Math.round(parseMinutes(named('agent-timeout-minutes'), input('agent-timeout-minutes') || '30', 360) * 60_000),
    gateTimeoutMs: Math.round(parseMinutes(named('gate-timeout-minutes'), input('gate-timeout-minutes') || '15', 360) * 60_000),
    maxAgentMinutes: input('max-agent-minutes').trim()
      ? parseMinutes(named('max-agent-minutes'), input('max-agent-minutes'), MAX_BUDGET_MINUTES)
      : undefined,
    maxCostUsd: input('max-cost-usd').trim() ? parseDollars(named('max-cost-usd'), input('max-cost-usd'), MAX_BUDGET_USD) : undefined,
    followUpCap: parseWholeNumber(named('follow-up-cap'), input('follow-up-cap') || '10', 1, 100),
    ciWorkflow: parseWorkflowFile(named('ci-workflow'), input('ci-workflow')),
    dryRun: parseBoolean(named('dry-run'), input('dry-run')),
    allowUnisolated: parseBoolean(named('allow-unisolated'), input('allow-unisolated')),
    bundlePath,
    ...(bundleDigests ? { bundleDigests } : { bundleDigest }),
    ...(candidate ? { candidate } : {})
  }
}

/**
 * `bundle-digest` for best of N: one `<candidate>=<digest>` line per propose job of the matrix, as
 * the workflow writes them from the propose job's per-candidate outputs. A job that emitted no digest
 * (it crashed before writing its bundle) gives `<candidate>=`; a candidate may appear once.
 */
function readDigestLines(value: string): Array<{ candidate: string; digest?: string }> {
  const named = "Input 'bundle-digest'"
  const seen = new Set<string>()
  return parseLines(value).map((line) => {
    const match = /^([^=\s]+)\s*=\s*(\S*)$/.exec(line)
    const candidate = match?.[1] ?? ''
    const digest = match?.[2] ?? ''
    if (!match || !CANDIDATE_LABEL.test(candidate) || (digest !== '' && !BUNDLE_DIGEST.test(digest))) {
      throw new InputError(
        named,
        line,
        'expected one <candidate>=<digest> line per propose job (best of N), such as codex=${{ needs.propose.outputs.digest-codex }}: a candidate label, =, and sha256: with 64 hex digits (empty when that job emitted none).'
      )
    }
    if (seen.has(candidate)) {
      throw new InputError(named, line, `the candidate ${candidate} is listed twice; list each propose job of the matrix once.`)
    }
    seen.add(candidate)
    return digest === '' ? { candidate } : { candidate, digest }
  })
}

/** `ci-workflow`: a workflow file name under .github/workflows (`ci.yml`), or undefined when empty. */
function parseWorkflowFile(name: string, raw: string): string | undefined {
  const value = raw.trim()
  if (value === '') return undefined
  if (!/^[A-Za-z0-9._-]+\.ya?ml$/.test(value) || value.startsWith('.')) {
    throw new InputError(
      name,
      value,
      'expected the file name of a workflow in .github/workflows that has a workflow_dispatch trigger, such as ci.yml (no directory).'
    )
  }
  return value
}
