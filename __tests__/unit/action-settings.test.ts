/**
 * Bad input stops the run before any work, with one message naming the input, the value and what
 * is accepted. The table covers every input action.yml declares: a new input without a row (or a
 * reason why any value is accepted) fails the coverage test.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { readActionSettings } from '../../src/action/settings.js'
import { InputError } from '../../src/core/input-values.js'
import { branchNameProblem } from '../../src/core/naming.js'

const actionYml = parseYaml(readFileSync(fileURLToPath(new URL('../../action.yml', import.meta.url)), 'utf8')) as {
  inputs: Record<string, { default?: string }>
}
const INPUT_NAMES = Object.keys(actionYml.inputs)

/** action.yml's defaults, as the runner applies them, plus what has no usable default: a token and an agent. */
function defaults(): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [name, spec] of Object.entries(actionYml.inputs)) values[name] = String(spec.default ?? '')
  values['github-token'] = 'ghs_valid_token'
  values['agent-command'] = 'my-agent --prompt-file {prompt_file}'
  return values
}

function settingsWith(overrides: Record<string, string>) {
  const values = { ...defaults(), ...overrides }
  return readActionSettings((name) => {
    // Like core.getInput: a name action.yml does not declare is a bug in the product, not a blank.
    if (!(name in values)) throw new Error(`readActionSettings read an undeclared input '${name}'`)
    return values[name]
  })
}

function inputErrorOf(overrides: Record<string, string>): InputError {
  try {
    settingsWith(overrides)
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error(`expected ${JSON.stringify(overrides)} to be refused`)
}

/** [input, bad value, what the message must say is accepted, the value as the message shows it, other inputs]. */
type Case = [input: string, value: string, accepted: RegExp, shown?: string, others?: Record<string, string>]

const LONG_LABEL = 'a'.repeat(51)

const CASES: Case[] = [
  ['github-token', '', /a token is required/],
  ['github-token', 'ghs_abc def', /no spaces or line breaks/, '***'],
  ['github-token', 'ghs_abc\nghs_def', /no spaces or line breaks/, '***'],
  ['mode', 'fix', /expected one of auto, issue-to-pr, self-heal/],
  ['mode', 'Issue-To-PR', /expected one of auto, issue-to-pr, self-heal/],
  ['mode', 'selfheal', /expected one of auto, issue-to-pr, self-heal/],
  ['agent', 'gpt-4', /expected one of the presets: claude-code, codex, gemini, copilot, opencode/, undefined, { 'agent-command': '' }],
  ['agent', 'Claude-Code', /expected one of the presets/],
  ['agent', '', /set 'agent' to a preset .* or 'agent-command'/, undefined, { 'agent-command': '' }],
  ['agent', '   ', /set 'agent' to a preset/, '', { 'agent-command': '   ' }],
  ['agent-command', 'my-agent | tee log.txt', /uses the operator '\|'.*not run by a shell/],
  ['agent-command', 'my-agent && git push', /uses the operator '&&'/],
  ['agent-command', 'my-agent > out.txt', /uses the operator '>'/],
  ['agent-command', 'my-agent; rm -rf .', /uses the operator ';'/],
  ['agent-command', 'my-agent *.md', /uses a glob/],
  ['agent-command', 'my-agent # run it', /uses a comment/],
  ['retry-cap', '0', /expected a whole number from 1 to 20/],
  ['retry-cap', '21', /expected a whole number from 1 to 20/],
  ['retry-cap', '1.5', /expected a whole number from 1 to 20/],
  ['retry-cap', 'three', /expected a whole number from 1 to 20/],
  ['retry-cap', '-1', /expected a whole number from 1 to 20/],
  ['retry-cap', '3 4', /expected a whole number from 1 to 20/],
  ['trigger-label', '', /expected a label name/],
  ['trigger-label', '   ', /expected a label name/, ''],
  ['trigger-label', LONG_LABEL, /at most 50 characters/],
  ['trigger-command', '', /expected a word such as \/agent/],
  ['trigger-command', ' \n ', /expected a word such as \/agent/, ''],
  ['branch-prefix', '-agent/', /starts with "-".*expected a prefix of branch names such as agent\//],
  ['branch-prefix', '/agent/', /empty folder/],
  ['branch-prefix', 'agent//', /empty folder/],
  ['branch-prefix', 'agent/../x/', /contains ".."/],
  ['branch-prefix', '.agent/', /starts with "\."/],
  ['branch-prefix', 'agent/.hidden/', /starts with "\."/],
  ['branch-prefix', 'agent.lock/', /ends with "\.lock"/],
  ['branch-prefix', 'agent bot/', /may hold only letters, digits/],
  ['branch-prefix', 'agent~1/', /may hold only letters, digits/],
  ['branch-prefix', 'agent:x/', /may hold only letters, digits/],
  ['branch-prefix', 'agent@{x}/', /may hold only letters, digits/],
  ['branch-prefix', 'ag\\ent/', /may hold only letters, digits/],
  ['branch-prefix', 'agent/*/', /may hold only letters, digits/],
  ['base-branch', 'main..dev', /contains "\.\."/],
  ['base-branch', '-main', /starts with "-"/],
  ['base-branch', 'feature/', /empty folder/],
  ['base-branch', 'my branch', /contains a space/],
  ['base-branch', 'topic.lock', /ends with "\.lock"/],
  ['base-branch', 'main@{1}', /contains "@\{"/],
  ['base-branch', 'main.', /ends with "\."/],
  ['base-branch', 'HEAD~1', /contains "~"/],
  ['issue-number', '0', /expected a whole number from 1 to/],
  ['issue-number', 'abc', /expected a whole number from 1 to/],
  ['issue-number', '1.5', /expected a whole number from 1 to/],
  ['issue-number', '-3', /expected a whole number from 1 to/],
  ['issue-number', '#12', /expected a whole number from 1 to/],
  ['run-id', '0', /expected a whole number from 1 to/],
  ['run-id', 'latest', /expected a whole number from 1 to/],
  ['run-id', '12e3', /expected a whole number from 1 to/],
  ['instructions-file', '/etc/passwd', /expected a path inside the repository/],
  ['instructions-file', '../other/AGENTS.md', /relative to its root and outside \.git/],
  ['instructions-file', 'docs/../../x.md', /expected a path inside the repository/],
  ['instructions-file', '.git/config', /outside \.git/],
  ['instructions-file', 'sub/.GIT/config', /outside \.git/],
  ['instructions-file', '~/.ssh/id_rsa', /expected a path inside the repository/],
  ['instructions-file', 'C:\\agent.md', /expected a path inside the repository/],
  ['protected-paths', 'src/[a', /is malformed/],
  ['protected-paths', '.github/workflows/**\n*.{js', /the glob "\*\.\{js" is malformed/],
  ['protected-paths', 'docs}/**', /a "\}" has no opening "\{"/],
  ['protected-paths', '/etc/**', /is an absolute path/],
  ['protected-paths', '../x/**', /leaves the repository/],
  ['protected-paths', 'src\\lib/**', /has a backslash/],
  ['protected-paths', '!docs/**', /every glob is an exclusion/],
  ['allow-test-changes', 'yes', /expected true or false/],
  ['allow-test-changes', '1', /expected true or false/],
  ['allow-test-changes', 'on', /expected true or false/],
  ['allow-gate-changes', 'yes', /expected true or false/],
  ['gate', '   ', /Input 'gate'.*holds no command/, '   '],
  ['gate', '  \n  # only a comment\n', /Input 'gate'.*holds no command/, '  \n  # only a comment\n'],
  ['allowed-bots', 'dependabot renovate', /expected bot logins separated by commas or line breaks/],
  ['allowed-bots', 'renovate, evil;bot', /expected bot logins/, 'evil;bot'],
  ['allowed-bots', '-bot', /expected bot logins/],
  ['allowed-bots', 'bot[bot]x', /expected bot logins/],
  ['gate-env', '1ABC', /expected environment variable names such as DATABASE_URL/],
  ['gate-env', 'MY-VAR', /expected environment variable names/],
  ['gate-env', 'DATABASE_URL, MY VAR', /expected environment variable names/, 'MY VAR'],
  ['gate-env', 'GITHUB_TOKEN', /never gets the GitHub token/],
  ['gate-env', 'gh_token', /never gets the GitHub token/],
  ['gate-env', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', /OIDC tokens/],
  ['gate-env', 'ACTIONS_RUNTIME_TOKEN', /Actions runtime/],
  ['gate-env', 'INPUT_GITHUB_TOKEN', /INPUT_\* values/],
  ['require-review-rule', 'yes', /expected true or false/],
  ['require-review-rule', 'required', /expected true or false/],
  ['agent-timeout-minutes', '0', /expected a number of minutes above 0 and at most 360/],
  ['agent-timeout-minutes', '-5', /expected a number of minutes above 0/],
  ['agent-timeout-minutes', 'abc', /expected a number of minutes/],
  ['agent-timeout-minutes', '361', /at most 360/],
  ['agent-timeout-minutes', '1h', /expected a number of minutes/],
  ['agent-timeout-minutes', '.', /expected a number of minutes/],
  ['gate-timeout-minutes', '0', /expected a number of minutes above 0 and at most 360/],
  ['gate-timeout-minutes', '400', /at most 360/],
  ['gate-timeout-minutes', 'ten', /expected a number of minutes/],
  ['max-agent-minutes', '0', /Input 'max-agent-minutes'.*expected a number of minutes above 0 and at most 1440/],
  ['max-agent-minutes', '-1', /expected a number of minutes above 0/],
  ['max-agent-minutes', '30m', /expected a number of minutes/],
  ['max-agent-minutes', '1441', /at most 1440/],
  ['max-cost-usd', '$5', /Input 'max-cost-usd'.*expected an amount of US dollars above 0.*without a \$ sign/],
  ['max-cost-usd', '0', /expected an amount of US dollars above 0/],
  ['max-cost-usd', '5,00', /expected an amount of US dollars/],
  ['max-cost-usd', '1001', /at most 1000/],
  ['follow-up-cap', '0', /Input 'follow-up-cap'.*expected a whole number from 1 to 100/],
  ['follow-up-cap', 'ten', /expected a whole number from 1 to 100/],
  ['follow-up-cap', '101', /expected a whole number from 1 to 100/],
  ['ci-workflow', '.github/workflows/ci.yml', /Input 'ci-workflow'.*expected the file name of a workflow in .github\/workflows/],
  ['ci-workflow', 'ci', /expected the file name of a workflow/],
  ['ci-workflow', '../ci.yml', /expected the file name of a workflow/],
  ['stop-on-no-progress', 'no', /expected true or false/],
  ['stop-on-no-progress', 'off', /expected true or false/],
  ['dry-run', 'maybe', /expected true or false/],
  ['dry-run', 'y', /expected true or false/],
  ['allow-unisolated', 'yes', /expected true or false/],
  ['allow-unisolated', 'accept', /expected true or false/],
  ['stage', 'deploy', /expected one of all, propose, publish/],
  ['stage', 'Publish', /expected one of all, propose, publish/],
  ['stage', 'both', /expected one of all, propose, publish/],
  ['bundle-path', '', /stage 'publish' needs the bundle directory/, undefined, { stage: 'publish' }],
  ['bundle-path', '  ', /stage 'publish' needs the bundle directory/, '', { stage: 'publish' }],
  [
    'bundle-digest',
    '',
    /stage 'publish' needs the propose job's bundle-digest output/,
    undefined,
    { stage: 'publish', 'bundle-path': 'b' }
  ],
  ['bundle-digest', 'abc', /expected the propose job's bundle-digest output: sha256: and 64 hex digits/],
  [
    'bundle-digest',
    'sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF',
    /sha256: and 64 hex digits/,
    undefined,
    { stage: 'publish', 'bundle-path': 'b' }
  ],
  // Best of N: one <candidate>=<digest> line per propose job.
  ['bundle-digest', 'codex=abc', /one <candidate>=<digest> line per propose job/, undefined, { stage: 'publish', 'bundle-path': 'b' }],
  ['bundle-digest', '../x=', /one <candidate>=<digest> line per propose job/, undefined, { stage: 'publish', 'bundle-path': 'b' }],
  ['bundle-digest', 'codex=\ncodex=', /the candidate codex is listed twice/, 'codex=', { stage: 'publish', 'bundle-path': 'b' }],
  ['candidate', 'claude code', /expected a label of letters, digits, - and _/, undefined, { stage: 'propose' }],
  ['candidate', '../evil', /expected a label of letters, digits, - and _/, undefined, { stage: 'propose' }],
  ['candidate', 'a.b', /expected a label/, undefined, { stage: 'propose' }],
  ['candidate', 'codex', /set with stage: propose only/, undefined, { stage: 'all' }]
]

/** Inputs where every value is usable; each says why, and how a bad one is still caught. */
const FREE_FORM: Record<string, string> = {
  gate: 'shell lines; an empty or undetectable gate is refused (naming the input) before the agent runs'
}

describe('readActionSettings refuses each bad value with one message naming the input, the value and what is accepted', () => {
  // A rest parameter, because jest passes `done` to a callback declaring more parameters than a row has.
  test.each(CASES)('%s = %j', (...row) => {
    const [input, value, accepted, shown, others] = row as Case
    const error = inputErrorOf({ ...others, [input]: value })
    const expectedValue = shown ?? value.trim()
    expect(error.input).toBe(`Input '${input}'`)
    expect(error.value).toBe(expectedValue)
    expect(error.message.startsWith(`Input '${input}' is ${JSON.stringify(expectedValue)}: `)).toBe(true)
    expect(error.message).toMatch(accepted)
  })

  test('the token never appears in its own error message', () => {
    const error = inputErrorOf({ 'github-token': 'ghs_secret part' })
    expect(error.message).not.toContain('ghs_secret')
  })

  test('the table covers every input of action.yml', () => {
    const covered = new Set([...CASES.map(([input]) => input), ...Object.keys(FREE_FORM)])
    expect(INPUT_NAMES.filter((name) => !covered.has(name))).toEqual([])
    expect([...covered].filter((name) => !INPUT_NAMES.includes(name))).toEqual([])
  })

  test(`counts ${CASES.length} bad values over ${INPUT_NAMES.length - Object.keys(FREE_FORM).length} inputs`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(100)
  })
})

describe('readActionSettings accepts good values', () => {
  test("action.yml's defaults with an agent give the documented settings", () => {
    const settings = settingsWith({})
    expect(settings).toMatchObject({
      token: 'ghs_valid_token',
      mode: 'auto',
      agentCommand: 'my-agent --prompt-file {prompt_file}',
      gateSteps: [],
      retryCap: 3,
      stopOnNoProgress: true,
      triggerLabel: 'agent',
      triggerCommand: '/agent',
      branchPrefix: 'agent/',
      protectedPaths: ['.github/workflows/**'],
      allowTestChanges: false,
      allowGateChanges: false,
      allowedBots: [],
      gateEnv: [],
      requireReviewRule: false,
      agentTimeoutMs: 30 * 60_000,
      gateTimeoutMs: 15 * 60_000,
      dryRun: false,
      allowUnisolated: false,
      stage: 'all',
      followUpCap: 10
    })
    expect(settings.ciWorkflow).toBeUndefined()
    expect(settings.baseBranch).toBeUndefined()
    expect(settings.instructionsFile).toBeUndefined()
    // Empty budgets are no budgets.
    expect(settings.maxAgentMinutes).toBeUndefined()
    expect(settings.maxCostUsd).toBeUndefined()
  })

  test('the edges of each range, and values written the way workflows write them', () => {
    const settings = settingsWith({
      agent: 'claude-code',
      'agent-command': '',
      'retry-cap': ' 20 ',
      'stop-on-no-progress': 'FALSE',
      'branch-prefix': 'bots/gated-agent-',
      'base-branch': 'release/1.x',
      'issue-number': '12',
      'run-id': '9000000001',
      'instructions-file': 'docs/agents/AGENTS.md',
      'trigger-label': 'a'.repeat(50),
      'allowed-bots': 'dependabot[bot], renovate\nmy-app[bot]',
      'gate-env': 'DATABASE_URL\nREDIS_URL, NODE_OPTIONS',
      'allow-test-changes': 'TRUE',
      'require-review-rule': 'True',
      'agent-timeout-minutes': '0.05',
      'gate-timeout-minutes': '360',
      'max-agent-minutes': ' 0.02 ',
      'max-cost-usd': '1000',
      'dry-run': 'false',
      'allow-unisolated': 'TRUE',
      stage: 'publish',
      'bundle-path': 'bundle',
      'bundle-digest': ' sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef '
    })
    expect(settings).toMatchObject({
      agentCommand: '',
      retryCap: 20,
      stopOnNoProgress: false,
      branchPrefix: 'bots/gated-agent-',
      baseBranch: 'release/1.x',
      issueNumber: 12,
      runId: 9000000001,
      instructionsFile: 'docs/agents/AGENTS.md',
      allowedBots: ['dependabot', 'renovate', 'my-app'],
      gateEnv: ['DATABASE_URL', 'REDIS_URL', 'NODE_OPTIONS'],
      allowTestChanges: true,
      allowGateChanges: false,
      requireReviewRule: true,
      agentTimeoutMs: 3000,
      gateTimeoutMs: 360 * 60_000,
      maxAgentMinutes: 0.02,
      maxCostUsd: 1000,
      allowUnisolated: true,
      stage: 'publish',
      bundlePath: 'bundle',
      bundleDigest: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
    })
    expect(settingsWith({ agent: 'codex', 'agent-command': '' })).toMatchObject({ agentPreset: 'codex' })
    expect(settingsWith({ 'branch-prefix': '' }).branchPrefix).toBe('')
    expect(settingsWith({ stage: 'propose', 'github-token': '' }).token).toBe('')
    expect(settingsWith({ stage: 'propose', candidate: ' claude-code ' }).candidate).toBe('claude-code')
    const D = (c: string) => `sha256:${c.repeat(64)}`
    expect(
      settingsWith({ stage: 'publish', 'bundle-path': 'b', 'bundle-digest': `claude-code=${D('a')}\n codex = \ngemini=${D('b')}\n` })
    ).toMatchObject({
      bundleDigests: [{ candidate: 'claude-code', digest: D('a') }, { candidate: 'codex' }, { candidate: 'gemini', digest: D('b') }]
    })
  })
})

describe('branch names are judged as git judges them', () => {
  const git = (name: string): boolean => {
    try {
      return (
        execFileSync('git', ['check-ref-format', '--branch', name], { stdio: ['ignore', 'pipe', 'ignore'] })
          .toString()
          .trim() === name
      )
    } catch {
      return false
    }
  }

  const NAMES = [
    'main',
    'release/1.x',
    'feature/deep/name',
    'a',
    'v1.2.3',
    'ünïcödé',
    'x-y_z',
    'agent/issue-12',
    'a.b',
    'a/b.c/d',
    '',
    '-main',
    'main..dev',
    'a b',
    'a~b',
    'a^b',
    'a:b',
    'a?b',
    'a*b',
    'a[b',
    'a\\b',
    'a\tb',
    'a\u007fb',
    'a@{b',
    '@',
    'a.lock',
    'a.lock/b',
    'a/.b',
    '.a',
    'a/',
    '/a',
    'a//b',
    'a.',
    'a/b.',
    'a@b',
    'a{b}',
    '@a',
    'a/@'
  ]

  test.each(NAMES.map((name) => [JSON.stringify(name), name]))('%s', (_shown, name) => {
    expect(branchNameProblem(name) === undefined).toBe(git(name))
  })

  test('every branch-prefix the settings accept builds branches git accepts', () => {
    const prefixes = [
      'agent/',
      'agent-',
      'bots/gated/',
      '',
      'a.b/',
      'x_y/',
      'agent/.x/',
      'agent//',
      '-x/',
      'a.lock/',
      'a/../',
      'a.',
      'agent/x.'
    ]
    for (const prefix of prefixes) {
      let accepted = true
      try {
        settingsWith({ 'branch-prefix': prefix })
      } catch (error) {
        if (!(error instanceof InputError)) throw error
        accepted = false
      }
      if (accepted) {
        expect({ prefix, issue: git(`${prefix}issue-1`), heal: git(`${prefix}heal/main`) }).toEqual({ prefix, issue: true, heal: true })
      } else {
        expect({ prefix, gitAcceptsBoth: git(`${prefix}issue-1`) && git(`${prefix}heal/main`) }).toEqual({ prefix, gitAcceptsBoth: false })
      }
    }
  })
})
