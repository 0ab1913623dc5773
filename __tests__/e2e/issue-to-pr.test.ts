/**
 * The issue-to-pr Action end to end: `node dist/index.cjs` started exactly as a runner starts it,
 * against the strict GitHub fake and a real bare `origin`, with a small node script as the agent
 * that records every prompt (and the issue file it names) in a directory outside the workspace.
 * Each test is one of issue 3's must-shows. Every scenario also proves the fake saw no invalid or
 * forbidden request, and records its REST cost: a fresh proposal may cost at most 5 calls in all.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { quote } from 'shell-quote'
import { readLedger } from '../../src/github/pr-ledger.js'
import { startScenario, type Scenario, type ScenarioOptions } from '../harness/scenario.js'
import type { FakeGitHub } from '../harness/github-fake.js'
import type { ActionRun } from '../harness/run-action.js'
import {
  issueCommentEvent,
  issueLabeledEvent,
  loadWebhookExample,
  retarget,
  webhookUser,
  workflowDispatchEvent
} from '../harness/webhook-events.js'

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))
const ISSUE = { number: 7, title: 'Add the answer', body: 'feature.txt should hold the answer.' }
const BRANCH = 'agent/issue-7'
/**
 * What a fresh proposal may cost: permission check, the comment's create and the listing after it
 * (two runs at once must end with one comment), the PR, the comment's outcome.
 */
const FRESH_PROPOSAL_BUDGET = 6

// The repository's own gate: feature.txt must say answer=<a positive number>.
const CHECK_JS = `const fs = require('node:fs')
const text = fs.existsSync('feature.txt') ? fs.readFileSync('feature.txt', 'utf8').trim() : '(no feature.txt)'
if (!/^answer=[1-9][0-9]*$/.test(text)) {
  console.error('check failed: feature.txt says ' + text + '; expected answer=<a positive number>')
  process.exit(1)
}
console.log('check passed: ' + text)
`
const FILES = { 'README.md': '# demo\n', 'check.js': CHECK_JS }
const GATE = 'node check.js'

// The agent: records its prompt (from the file or stdin), the issue file the prompt names and its
// environment, then writes the value for this attempt (a comma list, the last one repeating; '-'
// writes nothing) to feature.txt. Its attempt number is how many prompts it recorded before.
const AGENT_JS = `import fs from 'node:fs'
import path from 'node:path'
const [record, writes, promptFile] = process.argv.slice(2)
fs.mkdirSync(record, { recursive: true })
const attempt = fs.readdirSync(record).filter((f) => f.endsWith('.prompt.md')).length + 1
const prompt = promptFile ? fs.readFileSync(promptFile, 'utf8') : fs.readFileSync(0, 'utf8')
fs.writeFileSync(path.join(record, attempt + '.prompt.md'), prompt)
fs.writeFileSync(path.join(record, attempt + '.via'), promptFile ? 'file' : 'stdin')
fs.writeFileSync(path.join(record, attempt + '.env.json'), JSON.stringify(process.env))
const values = writes === '-' ? [] : writes.split(',')
const value = values[Math.min(attempt, values.length) - 1]
if (value !== undefined) fs.writeFileSync('feature.txt', value + '\\n')
console.log('agent attempt ' + attempt + ' wrote ' + (value ?? 'nothing'))
`

// Preloaded with NODE_OPTIONS=--require: logs every file node's CommonJS loader compiles (the
// action's entry and each chunk it loads are CommonJS).
const TRACE_JS = `const fs = require('node:fs')
const Module = require('node:module')
const compile = Module.prototype._compile
Module.prototype._compile = function (content, filename) {
  fs.appendFileSync(process.env.LOAD_TRACE_FILE, filename + '\\n')
  return compile.call(this, content, filename)
}
`

let tools: string
const costs: Array<{ scenario: string; calls: number; writes: number; operations: string }> = []
const open: Scenario[] = []

beforeAll(async () => {
  tools = await fs.mkdtemp(path.join(os.tmpdir(), 'issue-to-pr-e2e-'))
  await Promise.all([fs.writeFile(path.join(tools, 'agent.mjs'), AGENT_JS), fs.writeFile(path.join(tools, 'trace-loads.cjs'), TRACE_JS)])
})

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.cleanup()))
})

afterAll(async () => {
  await fs.rm(tools, { recursive: true, force: true })
  const width = Math.max(...costs.map((c) => c.scenario.length), 'scenario'.length)
  const rows = costs.map(
    (c) => `| ${c.scenario.padEnd(width)} | ${String(c.calls).padStart(5)} | ${String(c.writes).padStart(6)} | ${c.operations} |`
  )
  console.log(
    [
      'REST calls per scenario (fresh proposal budget: ' + FRESH_PROPOSAL_BUDGET + ')',
      '',
      `| ${'scenario'.padEnd(width)} | calls | writes | operations |`,
      `| ${'-'.repeat(width)} | ----: | -----: | --- |`,
      ...rows
    ].join('\n')
  )
})

interface Setup {
  s: Scenario
  /** Where the agent records what it was given; absent when it never ran. */
  record: string
  /**
   * The `agent-command` for a run writing these values (one per attempt); `stdin` leaves out
   * {prompt_file}; `record` names another directory (the agent counts its attempts there).
   */
  agent(writes: string[], options?: { stdin?: boolean; record?: string }): string
}

async function setup(name: string, fake: ScenarioOptions['fake'] = {}): Promise<Setup> {
  const s = await startScenario({
    files: FILES,
    fake: { issues: [{ ...ISSUE, labels: ['agent'], user: 'alice' }], permissions: { alice: 'write' }, ...fake }
  })
  open.push(s)
  const record = path.join(tools, name)
  return {
    s,
    record,
    agent: (writes, options = {}) =>
      quote([
        process.execPath,
        path.join(tools, 'agent.mjs'),
        options.record ?? record,
        writes.length > 0 ? writes.join(',') : '-',
        ...(options.stdin ? [] : ['{prompt_file}'])
      ])
  }
}

function labelled(s: Scenario, sender = 'alice', label = 'agent') {
  return issueLabeledEvent({ ...s.target, issueNumber: ISSUE.number, label, sender, title: ISSUE.title, body: ISSUE.body })
}

/** The run's REST cost, recorded for the table; the fake must have seen nothing invalid or forbidden. */
function account(scenario: string, fake: FakeGitHub, since = 0): number {
  fake.assertNoProblems()
  expect(fake.forbiddenRequests()).toEqual([])
  const requests = fake.requests.slice(since)
  costs.push({
    scenario,
    calls: requests.length,
    writes: requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD').length,
    operations: requests.map((r) => r.operationId ?? `${r.method} ${r.path}`).join(', ')
  })
  return requests.length
}

async function recorded(record: string): Promise<string[]> {
  return fs.readdir(record).catch(() => [])
}

async function workspaceState(s: Scenario): Promise<{ branch: string; status: string; head: string }> {
  return {
    branch: (await s.fixture.git(['symbolic-ref', '--short', 'HEAD'])).trim(),
    status: await s.fixture.git(['status', '--porcelain', '--untracked-files=all']),
    head: (await s.fixture.git(['rev-parse', 'HEAD'])).trim()
  }
}

function expectOk(run: ActionRun): void {
  if (run.exitCode !== 0) throw new Error(`the action exited with ${run.exitCode}:\n${run.stdout}\n${run.stderr}`)
  expect(run).toMatchObject({ timedOut: false, leftProcesses: false })
}

describe('a gate that runs nothing or cannot run is no verdict', () => {
  test.each([['   '], ['  \n  # lint later\n']])('gate %j is bad input: one clear error, the agent never runs', async (gate) => {
    const { s, record, agent } = await setup(`blank-${gate.length}`)
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': agent(['answer=42']), gate } })
    expect(run.exitCode).toBe(1)
    expect(run.commands.filter((c) => c.command === 'error').map((c) => c.message)).toEqual([
      expect.stringMatching(/^Input 'gate' is .*: it holds no command/)
    ])
    expect(await recorded(record)).toEqual([])
    expect(s.fake.writeRequests()).toEqual([])
  })

  test('a missing gate command stops after the first agent run as a setup error naming the step', async () => {
    const { s, record, agent } = await setup('missing-gate')
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s),
      inputs: { 'agent-command': agent(['answer=42']), gate: `${GATE}\nno-such-linter .`, 'retry-cap': '3' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'rejected', attempts: '1' })
    expect(run.outputs.reason).toMatch(/^Setup error: the gate cannot run on this runner: step `no-such-linter \.` \(exit 127\)/)
    expect(run.outputs.reason).toContain('No further agent run was spent (1 of 3 used)')
    expect((await recorded(record)).filter((f) => f.endsWith('.prompt.md'))).toHaveLength(1)
    expect(s.fake.pullRequests()).toEqual([])
  })

  test('a fix that needs a file hidden with .git/info/exclude is rejected, not committed without it', async () => {
    const { s, record } = await setup('hidden-file')
    const hide = quote(['sh', '-c', 'echo answer=42 > feature.txt && echo feature.txt >> .git/info/exclude'])
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': hide, gate: GATE } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'rejected', attempts: '1' })
    expect(run.outputs.reason).toMatch(/info\/exclude.*hides files from the commit/)
    expect(s.fake.pullRequests()).toEqual([])
    expect(await s.fixture.originSha(BRANCH)).toBeUndefined()
    expect(await recorded(record)).toEqual([])
  })
})

describe('issue-to-pr, labelled', () => {
  test('green on the first try: a draft PR from agent/issue-7 to main, outputs, the comment edited, the summary', async () => {
    const { s, record, agent } = await setup('green')
    const mainBefore = await s.fixture.originSha('main')
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': agent(['answer=42']), gate: GATE } })
    expectOk(run)

    const [pr] = s.fake.pullRequests()
    expect(s.fake.pullRequests()).toHaveLength(1)
    expect(pr).toMatchObject({ draft: true, state: 'open', head: BRANCH, base: 'main', title: `Agent: ${ISSUE.title}`, merged: false })
    expect(pr.body).toContain('Closes #7')
    const prUrl = `${s.fake.url}/octo-org/octo-repo/pull/${pr.number}`
    expect(run.outputs).toMatchObject({
      result: 'proposed',
      reason: expect.stringMatching(/gate passed after 1 agent run/),
      'pr-number': String(pr.number),
      'pr-url': prUrl,
      branch: BRANCH,
      attempts: '1'
    })
    const patch = await fs.readFile(run.outputs['patch-path'], 'utf8')
    expect(patch).toContain('+answer=42')

    // The branch on origin holds the change, on top of main; main is untouched.
    expect(await s.fixture.originFile(BRANCH, 'feature.txt')).toBe('answer=42\n')
    expect(await s.fixture.originSha('main')).toBe(mainBefore)
    expect(await s.fixture.originFile('main', 'feature.txt')).toBeUndefined()
    const [commit] = await s.fixture.originLog(BRANCH)
    expect(commit).toMatchObject({ subject: `Agent: ${ISSUE.title}`, authorName: 'github-actions[bot]', parents: [mainBefore] })
    expect(pr.headSha).toBe(commit.sha)

    // One progress comment: created when the run started, then edited with the PR link.
    const comments = s.fake.issueComments(7)
    expect(comments).toHaveLength(1)
    expect(comments[0].user).toBe('github-actions[bot]')
    expect(comments[0].body).toContain(`[#${pr.number}](${prUrl})`)
    expect(s.fake.requestsFor('issues/update-comment')).toHaveLength(1)

    expect(run.summary).toContain('| Attempt | Agent exit | Gate | Duration |')
    expect(run.summary).toMatch(/\| 1 \| 0 \| ✓ 3\/3 passed \|/)
    expect(run.summary).toContain(prUrl)

    // The agent saw the issue in its prompt (no file it might not be allowed to read), and none of the action's credentials.
    expect(await fs.readFile(path.join(record, '1.prompt.md'), 'utf8')).toContain(ISSUE.body)
    const agentEnv = await fs.readFile(path.join(record, '1.env.json'), 'utf8')
    for (const secret of [s.fake.token, ...Object.values(run.runnerSecrets)]) expect(agentEnv).not.toContain(secret)

    // The workspace is left as the checkout left it.
    expect(await workspaceState(s)).toEqual({ branch: 'main', status: '', head: mainBefore })
    expect(account('labelled, green first try', s.fake)).toBeLessThanOrEqual(FRESH_PROPOSAL_BUDGET)
  })

  test('red then green: two attempts, and the second prompt carries the gate failure', async () => {
    const { s, record, agent } = await setup('red-green')
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s),
      inputs: { 'agent-command': agent(['answer=0', 'answer=42']), gate: GATE }
    })
    expectOk(run)
    expect(run.outputs).toMatchObject({ result: 'proposed', attempts: '2', branch: BRANCH })
    const first = await fs.readFile(path.join(record, '1.prompt.md'), 'utf8')
    const second = await fs.readFile(path.join(record, '2.prompt.md'), 'utf8')
    expect(first).not.toContain('check failed')
    expect(second).toContain('check failed: feature.txt says answer=0; expected answer=<a positive number>')
    expect(second).toContain('This is attempt 2')
    expect(await s.fixture.originFile(BRANCH, 'feature.txt')).toBe('answer=42\n')
    expect(s.fake.pullRequests()[0].body).toContain('passed after 2 attempts')
    expect(run.summary).toMatch(/\| 1 \| 0 \| ✗ 2\/3 passed \|[\s\S]*\| 2 \| 0 \| ✓ 3\/3 passed \|/)
    expect(account('labelled, red then green', s.fake)).toBeLessThanOrEqual(FRESH_PROPOSAL_BUDGET)
  })

  test('always red: gave-up, no PR, nothing pushed, the last diff kept at patch-path', async () => {
    const { s, record, agent } = await setup('always-red')
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s),
      inputs: { 'agent-command': agent(['answer=0', 'answer=-1']), gate: GATE, 'retry-cap': '2' }
    })
    expect(run).toMatchObject({ timedOut: false, leftProcesses: false })
    expect(run.outputs).toMatchObject({ result: 'gave-up', attempts: '2', 'pr-number': '', 'pr-url': '' })
    expect((await recorded(record)).filter((f) => f.endsWith('.prompt.md'))).toHaveLength(2)
    const patchPath = run.outputs['patch-path']
    expect(patchPath).not.toBe('')
    const patch = await fs.readFile(patchPath, 'utf8')
    expect(patch).toContain('b/feature.txt')
    expect(patch).toContain('+answer=-1')
    expect(run.summary).toContain(patchPath)
    expect(s.fake.pullRequests()).toEqual([])
    expect(await s.fixture.originBranches()).toEqual(['main'])
    expect(s.fake.issueComments(7)[0].body).toContain('`gave-up`')
    expect((await workspaceState(s)).status).toBe('')
    account('labelled, always red (cap 2)', s.fake)
  })

  test('stuck with retry-cap 5 (a new wrong value each time, the same check failing): stops after the second identical failure', async () => {
    const { s, record, agent } = await setup('stuck')
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s),
      inputs: { 'agent-command': agent(['answer=x1', 'answer=x2', 'answer=x3', 'answer=x4', 'answer=x5']), gate: GATE, 'retry-cap': '5' }
    })
    expect(run).toMatchObject({ timedOut: false, leftProcesses: false })
    expect(run.outputs).toMatchObject({ result: 'gave-up', attempts: '2', 'pr-number': '' })
    expect(run.outputs.reason).toMatch(/^Stopped early, no progress: attempts 1 and 2 failed the gate the same way \(node check\.js/)
    expect(run.outputs.reason).toContain("3 of the retry cap's 5 agent run(s) were saved")
    expect((await recorded(record)).filter((f) => f.endsWith('.prompt.md'))).toHaveLength(2)
    expect(await fs.readFile(run.outputs['patch-path'], 'utf8')).toContain('+answer=x2')
    expect(s.fake.issueComments(7)[0].body).toContain('Stopped early, no progress')
    expect(s.fake.pullRequests()).toEqual([])
  })

  test('max-agent-minutes 0.02 (1.2 s) with an agent that is slow and wrong: gave-up at the budget after fewer runs than the cap, the last change kept', async () => {
    const { s, record, agent } = await setup('budget-minutes')
    // The agent writes its (wrong) value, then takes 0.7 s more; the no-progress stop is off, so only the budget ends it early.
    const slow =
      quote(['sh', '-c', '"$@" && sleep 0.7', 'sh']) + ' ' + agent(['answer=y1', 'answer=y2', 'answer=y3', 'answer=y4', 'answer=y5'])
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s),
      inputs: { 'agent-command': slow, gate: GATE, 'retry-cap': '5', 'stop-on-no-progress': 'false', 'max-agent-minutes': '0.02' }
    })
    expect(run).toMatchObject({ timedOut: false, leftProcesses: false })
    expect(run.outputs).toMatchObject({ result: 'gave-up', 'pr-number': '' })
    expect(Number(run.outputs.attempts)).toBeLessThan(5)
    expect((await recorded(record)).filter((f) => f.endsWith('.prompt.md')).length).toBeLessThanOrEqual(2)
    expect(run.outputs.reason).toMatch(/^Stopped at a budget: the agent ran [0-9.]+ minute\(s\), reaching max-agent-minutes \(0\.02\)/)
    expect(run.outputs.reason).toContain(`the last change is kept in ${run.outputs['patch-path']}`)
    expect(await fs.readFile(run.outputs['patch-path'], 'utf8')).toMatch(/\+answer=y[12]/)
    expect(s.fake.issueComments(7)[0].body).toContain('Stopped at a budget')
    expect(s.fake.pullRequests()).toEqual([])
    expect((await workspaceState(s)).status).toBe('')
  })

  test('red then green with retry-cap 5 still proposes', async () => {
    const { s, agent } = await setup('red-green-cap-5')
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s),
      inputs: { 'agent-command': agent(['answer=x1', 'answer=42']), gate: GATE, 'retry-cap': '5' }
    })
    expectOk(run)
    expect(run.outputs).toMatchObject({ result: 'proposed', attempts: '2', branch: BRANCH })
  })

  test('the agent changes nothing: no-change, no PR, nothing pushed', async () => {
    const { s, record, agent } = await setup('no-change')
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': agent([]), gate: GATE } })
    expectOk(run)
    expect(run.outputs).toMatchObject({ result: 'no-change', attempts: '1', 'pr-number': '', branch: '', 'patch-path': '' })
    expect(await recorded(record)).toContain('1.prompt.md')
    expect(s.fake.pullRequests()).toEqual([])
    expect(s.fake.requestsFor('pulls/create')).toEqual([])
    expect(await s.fixture.originBranches()).toEqual(['main'])
    expect(s.fake.issueComments(7)[0].body).toContain('`no-change`')
    account('labelled, no change', s.fake)
  })

  test('on an issue people already discuss, the progress comment is a new one: theirs are left alone', async () => {
    const quoting = 'The bot marks its comment with <!-- gated-agent:issue-7 --> so it can find it again.'
    const { s, agent } = await setup('discussed', {
      comments: [
        { issueNumber: 7, body: 'I would like this too.', user: 'bob' },
        { issueNumber: 7, body: quoting, user: 'bob' }
      ]
    })
    const event = labelled(s)
    event.issue.comments = 2
    const run = await s.run({ eventName: 'issues', event, inputs: { 'agent-command': agent(['answer=42']), gate: GATE } })
    expectOk(run)
    expect(run.outputs.result).toBe('proposed')
    const comments = s.fake.issueComments(7)
    expect(comments.map((c) => [c.user, c.body])).toEqual([
      ['bob', 'I would like this too.'],
      ['bob', quoting],
      ['github-actions[bot]', expect.stringMatching(/^<!-- gated-agent:issue-7 -->\n### ✅ Gated Agent: `proposed`/)]
    ])
    expect(comments[2].body).toContain(run.outputs['pr-url'])
    // The first listing is the seventh call: it can be skipped only when the event counted no comment.
    expect(account('labelled, issue with comments', s.fake)).toBeLessThanOrEqual(FRESH_PROPOSAL_BUDGET + 1)
  })

  test('reruns update the one PR, the branch on origin and the one progress comment', async () => {
    const { s, agent } = await setup('rerun')
    const first = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': agent(['answer=42']), gate: GATE } })
    expectOk(first)
    expect(account('rerun: first run', s.fake)).toBeLessThanOrEqual(FRESH_PROPOSAL_BUDGET)
    const [pr] = s.fake.pullRequests()
    const firstSha = await s.fixture.originSha(BRANCH)
    // Each rerun gets a fresh checkout: the workspace is back on main, without the local branch.
    const freshCheckout = async (): Promise<void> => {
      expect((await workspaceState(s)).status).toBe('')
      await s.fixture.git(['branch', '-D', BRANCH])
    }

    // "Re-run jobs": the same run and the same payload (which counted no comment), attempt 2.
    await freshCheckout()
    let since = s.fake.requests.length
    const second = await s.run({
      eventName: 'issues',
      event: labelled(s),
      inputs: { 'agent-command': agent(['answer=0', 'answer=43'], { record: path.join(tools, 'rerun-2') }), gate: GATE },
      env: { GITHUB_RUN_ATTEMPT: '2' }
    })
    expectOk(second)
    expect(second.outputs).toMatchObject({ result: 'proposed', 'pr-number': String(pr.number), attempts: '2' })
    expect(await s.fixture.originFile(BRANCH, 'feature.txt')).toBe('answer=43\n')
    expect(await s.fixture.originSha(BRANCH)).not.toBe(firstSha)
    expect(await s.fixture.originSha('main')).toBe((await s.fixture.originLog(BRANCH))[0].parents[0])
    let pulls = s.fake.pullRequests()
    expect(pulls).toHaveLength(1)
    expect(pulls[0]).toMatchObject({ number: pr.number, draft: true, headSha: await s.fixture.originSha(BRANCH) })
    expect(pr.body).toContain('passed after 1 attempt.')
    expect(pulls[0].body).toContain('passed after 2 attempts')
    expect(s.fake.issueComments(7)).toHaveLength(1)
    expect(s.fake.issueComments(7)[0].body).toContain('passed after 2 agent run(s)')
    account('rerun: re-run jobs (attempt 2)', s.fake, since)

    // Labelled again later: a new run of a new event, whose payload counts the progress comment.
    await freshCheckout()
    since = s.fake.requests.length
    const relabelled = labelled(s)
    relabelled.issue.comments = 1
    const third = await s.run({
      eventName: 'issues',
      event: relabelled,
      inputs: { 'agent-command': agent(['answer=44'], { record: path.join(tools, 'rerun-3') }), gate: GATE },
      env: { GITHUB_RUN_ID: '9000000002' }
    })
    expectOk(third)
    expect(third.outputs).toMatchObject({ result: 'proposed', 'pr-number': String(pr.number), attempts: '1' })
    expect(await s.fixture.originFile(BRANCH, 'feature.txt')).toBe('answer=44\n')
    pulls = s.fake.pullRequests()
    expect(pulls).toHaveLength(1)
    expect(pulls[0].body).toContain('/actions/runs/9000000002')
    // One ledger for the PR across the three runs (1 + 2 + 1 agent runs): a rerun does not restart it.
    expect(readLedger(pr.body)?.runs).toBe(1)
    expect(readLedger(pulls[0].body)?.runs).toBe(4)
    const comments = s.fake.issueComments(7)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('/actions/runs/9000000002')
    expect(s.fake.requestsFor('issues/create-comment')).toHaveLength(1)
    expect(s.fake.requestsFor('issues/update-comment')).toHaveLength(5)
    account('rerun: labelled again (PR exists)', s.fake, since)
  })
})

describe('who and what may trigger', () => {
  test('another label: skipped, no request at all, the agent never runs', async () => {
    const { s, record, agent } = await setup('other-label')
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s, 'alice', 'bug'),
      inputs: { 'agent-command': agent(['answer=42']), gate: GATE }
    })
    expectOk(run)
    expect(run.outputs).toMatchObject({
      result: 'skipped',
      attempts: '0',
      reason: expect.stringContaining("'bug', not the trigger label 'agent'")
    })
    expect(run.summary).toContain('skipped')
    expect(s.fake.requests).toEqual([])
    expect(await recorded(record)).toEqual([])
    account('another label', s.fake)
  })

  test.each(['read', 'triage'] as const)('a labeller with %s access is refused before the agent runs', async (role) => {
    const { s, record, agent } = await setup(`refused-${role}`, { permissions: { mallory: role } })
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s, 'mallory'),
      inputs: { 'agent-command': agent(['answer=42']), gate: GATE }
    })
    expectOk(run)
    expect(run.outputs).toMatchObject({ result: 'skipped', attempts: '0' })
    expect(run.outputs.reason).toContain(`mallory has the ${role} role on this repository`)
    expect(run.summary).toContain(`mallory has the ${role} role on this repository`)
    expect(s.fake.writeRequests()).toEqual([])
    expect(s.fake.requests.map((r) => r.operationId)).toEqual(['repos/get-collaborator-permission-level'])
    expect(await recorded(record)).toEqual([])
    expect(await s.fixture.originBranches()).toEqual(['main'])
    account(`labeller with ${role} access`, s.fake)
  })

  test('a maintain labeller is allowed (GitHub reports permission write, role_name maintain)', async () => {
    const { s, agent } = await setup('maintain', { permissions: { mia: 'maintain' } })
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s, 'mia'),
      inputs: { 'agent-command': agent(['answer=42']), gate: GATE }
    })
    expectOk(run)
    expect(run.outputs.result).toBe('proposed')
    expect(run.stdout).toContain('mia (maintain) asked for issue #7.')
    expect(s.fake.pullRequests()).toHaveLength(1)
    expect(account('labeller with maintain access', s.fake)).toBeLessThanOrEqual(FRESH_PROPOSAL_BUDGET)
  })

  test('a bot is refused unless listed in allowed-bots', async () => {
    const { s, record, agent } = await setup('bot')
    const inputs = { 'agent-command': agent(['answer=42']), gate: GATE }
    const refused = await s.run({ eventName: 'issues', event: labelled(s, 'renovate[bot]'), inputs })
    expectOk(refused)
    expect(refused.outputs).toMatchObject({
      result: 'skipped',
      reason: expect.stringContaining('renovate[bot] is a bot and is not listed in allowed-bots')
    })
    expect(s.fake.requests).toEqual([])
    expect(await recorded(record)).toEqual([])
    account('bot, not in allowed-bots', s.fake)

    const allowed = await s.run({
      eventName: 'issues',
      event: labelled(s, 'renovate[bot]'),
      inputs: { ...inputs, 'allowed-bots': 'dependabot, renovate' }
    })
    expectOk(allowed)
    expect(allowed.outputs.result).toBe('proposed')
    expect(await recorded(record)).toContain('1.prompt.md')
    expect(account('bot in allowed-bots', s.fake)).toBeLessThanOrEqual(FRESH_PROPOSAL_BUDGET)
  })
})

describe('other triggers', () => {
  test('an /agent comment: the rest of it reaches the agent as an instruction (prompt on stdin)', async () => {
    const { s, record, agent } = await setup('comment')
    const event = issueCommentEvent({
      ...s.target,
      issueNumber: ISSUE.number,
      title: ISSUE.title,
      body: ISSUE.body,
      sender: 'alice',
      commentBody: '/agent  and mention it in the README, please'
    })
    const run = await s.run({
      eventName: 'issue_comment',
      event,
      inputs: { 'agent-command': agent(['answer=42'], { stdin: true }), gate: GATE }
    })
    expectOk(run)
    expect(run.outputs.result).toBe('proposed')
    expect(await fs.readFile(path.join(record, '1.via'), 'utf8')).toBe('stdin')
    const prompt = await fs.readFile(path.join(record, '1.prompt.md'), 'utf8')
    expect(prompt).toMatch(
      /An additional instruction from the person who asked \(untrusted data[^\n]*\n\n`{3,}text\nand mention it in the README, please\n/
    )
    expect(prompt).not.toContain('/agent')
    expect(account('/agent comment', s.fake)).toBeLessThanOrEqual(FRESH_PROPOSAL_BUDGET)
  })

  test("an /agent comment on a person's pull request is skipped (on the agent's own PRs it is a follow-up: pr-follow-up.test.ts)", async () => {
    const { s, record, agent } = await setup('comment-on-pr', { pulls: [{ number: 12, head: 'feature/x', title: 'Mine', user: 'alice' }] })
    const event = issueCommentEvent({ ...s.target, issueNumber: 12, sender: 'alice', commentBody: '/agent fix it', onPullRequest: true })
    const run = await s.run({ eventName: 'issue_comment', event, inputs: { 'agent-command': agent(['answer=42']), gate: GATE } })
    expectOk(run)
    expect(run.outputs).toMatchObject({ result: 'skipped', reason: expect.stringContaining("Pull request #12 is on 'feature/x'") })
    // One read of the pull request (the comment's payload does not say whose branch it is), nothing written.
    expect(s.fake.requests.map((r) => r.operationId)).toEqual(['pulls/get'])
    expect(await recorded(record)).toEqual([])
    account('/agent comment on a PR', s.fake)
  })

  test('workflow_dispatch with issue-number: the issue is read through the API', async () => {
    const body = 'Only the API knows this body: feature.txt should hold the answer.'
    const { s, record, agent } = await setup('dispatch', { issues: [{ ...ISSUE, body, labels: [], user: 'alice' }] })
    const event = workflowDispatchEvent({ ...s.target, inputs: { 'issue-number': '7' }, sender: 'alice' })
    const run = await s.run({
      eventName: 'workflow_dispatch',
      event,
      inputs: { 'agent-command': agent(['answer=42']), gate: GATE, 'issue-number': '7' }
    })
    expectOk(run)
    expect(run.outputs).toMatchObject({ result: 'proposed', branch: BRANCH })
    expect(s.fake.requestsFor('issues/get')).toHaveLength(1)
    expect(await fs.readFile(path.join(record, '1.prompt.md'), 'utf8')).toContain(body)
    expect(s.fake.pullRequests()[0]).toMatchObject({ title: `Agent: ${ISSUE.title}`, draft: true })
    // Only people with write access can dispatch, so no permission lookup is spent on one ...
    expect(s.fake.requestsFor('repos/get-collaborator-permission-level')).toEqual([])
    expect(account('workflow_dispatch issue-number', s.fake)).toBeLessThanOrEqual(FRESH_PROPOSAL_BUDGET)

    // ... but a bot that dispatches must still be listed in allowed-bots.
    const since = s.fake.requests.length
    const byBot = await s.run({
      eventName: 'workflow_dispatch',
      event: workflowDispatchEvent({ ...s.target, inputs: { 'issue-number': '7' }, sender: 'renovate[bot]' }),
      inputs: { 'agent-command': agent(['answer=43']), gate: GATE, 'issue-number': '7' }
    })
    expectOk(byBot)
    expect(byBot.outputs).toMatchObject({
      result: 'skipped',
      reason: expect.stringContaining('renovate[bot] is a bot and is not listed in allowed-bots')
    })
    expect(s.fake.requests.slice(since)).toEqual([])
    expect((await recorded(record)).filter((f) => f.endsWith('.prompt.md'))).toHaveLength(1)
  })

  test('dry-run: no write request, nothing pushed, the summary says what would have been proposed', async () => {
    const { s, record, agent } = await setup('dry-run')
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s),
      inputs: { 'agent-command': agent(['answer=42']), gate: GATE, 'dry-run': 'true' }
    })
    expectOk(run)
    expect(run.outputs).toMatchObject({ result: 'proposed', 'pr-number': '', 'pr-url': '', branch: BRANCH, attempts: '1' })
    expect(await recorded(record)).toContain('1.prompt.md')
    expect(s.fake.writeRequests()).toEqual([])
    expect(await s.fixture.originBranches()).toEqual(['main'])
    expect(run.summary).toContain('Dry run')
    expect(run.summary).toContain(`Would push ${BRANCH} to`)
    expect(run.summary).toContain('open a draft pull request into main')
    account('dry-run', s.fake)
  })
})

describe('the skip path', () => {
  test('an unrelated event: skipped, exit 0, no request, and the chunk holding Octokit never loads', async () => {
    const { s, record, agent } = await setup('unrelated')
    const trace = path.join(tools, 'unrelated-loads.txt')
    const tracing = { NODE_OPTIONS: `--require=${path.join(tools, 'trace-loads.cjs')}`, LOAD_TRACE_FILE: trace }
    // Someone stars the repository (a workflow may listen to many events; this one is not ours).
    const starred = { ...retarget(loadWebhookExample<{ sender: unknown }>('watch'), s.target), sender: webhookUser('alice') }
    const run = await s.run({
      eventName: 'watch',
      event: starred,
      inputs: { 'agent-command': agent(['answer=42']), gate: GATE },
      env: tracing
    })
    expectOk(run)
    expect(run.outputs).toMatchObject({
      result: 'skipped',
      attempts: '0',
      reason: expect.stringContaining("The watch event is not one Gated Agent acts on in mode 'auto'")
    })
    expect(run.summary).toContain('The watch event is not one Gated Agent acts on')
    expect(run.stderr).toBe('')
    expect(s.fake.requests).toEqual([])
    expect(await recorded(record)).toEqual([])
    account('unrelated event (skip path)', s.fake)

    const loadedFromDist = async (file: string): Promise<string[]> =>
      (await fs.readFile(file, 'utf8'))
        .split('\n')
        .filter((loaded) => loaded.startsWith(DIST))
        .map((loaded) => path.relative(DIST, loaded))
    expect(await loadedFromDist(trace)).toEqual(['index.cjs'])
    expect(await fs.readFile(path.join(DIST, 'index.cjs'), 'utf8')).not.toContain('octokit-core.js')

    // The control: the same tracer sees the Octokit chunk load as soon as the event is ours.
    const controlTrace = path.join(tools, 'control-loads.txt')
    const control = await s.run({
      eventName: 'issues',
      event: labelled(s, 'mallory'),
      inputs: { 'agent-command': agent(['answer=42']), gate: GATE },
      env: { ...tracing, LOAD_TRACE_FILE: controlTrace }
    })
    expectOk(control)
    expect(control.outputs.result).toBe('skipped')
    const withOctokit: string[] = []
    for (const chunk of await loadedFromDist(controlTrace)) {
      if ((await fs.readFile(path.join(DIST, chunk), 'utf8')).includes('octokit-core.js')) withOctokit.push(chunk)
    }
    expect(withOctokit).toHaveLength(1)
  })
})
