/**
 * PR follow-ups end to end (issue 16's must-shows): `node dist/index.js` started as a runner starts
 * it, fed real payloads derived from `@octokit/webhooks-examples` (an `issue_comment` on the PR, a
 * `pull_request_review`, a failed `workflow_run` on the agent branch), against the strict GitHub fake
 * and a real bare origin. The agent is a small node script that records each prompt and acts only
 * on what it was told: it fails unless the instruction (or each inline comment's path, line and
 * text) is in its prompt.
 */
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { quote } from 'shell-quote'
import { startScenario, type Scenario, type ScenarioOptions } from '../harness/scenario.js'
import type { ActionRun } from '../harness/run-action.js'
import type { JobSeed, RunSeed } from '../harness/github-fake.js'
import { issueCommentEvent, issueLabeledEvent, pullRequestReviewEvent, workflowRunFailedEvent } from '../harness/webhook-events.js'
import { readLedger } from '../../src/github/pr-ledger.js'

const GOOD_MATH = 'export function add(a, b) {\n  return a + b\n}\n'
const BAD_MATH = GOOD_MATH.replace('a + b', 'a - b')
const TEST_FILE = [
  "import { test } from 'node:test'",
  "import assert from 'node:assert/strict'",
  "import * as math from '../src/math.js'",
  '',
  "test('add', () => {",
  '  assert.equal(math.add(2, 3), 5)',
  '})',
  "test('sub, when there is one', () => {",
  '  if (math.sub) assert.equal(math.sub(5, 3), 2)',
  '})',
  ''
].join('\n')
const FILES = { 'package.json': '{ "type": "module", "private": true }\n', 'src/math.js': BAD_MATH, 'test/math.test.js': TEST_FILE }
const GATE = 'node test/math.test.js'
const BRANCH = 'agent/issue-7'
const ISSUE = { number: 7, title: 'add is wrong', body: 'add(2, 3) should be 5.' }
const INSTRUCTION = 'please add a sub function too'
const SUB = '\nexport function sub(a, b) {\n  return a - b\n}\n'

// The agent: records its prompt, then acts on what it was told, failing when it was not told it.
const AGENT_JS = `import fs from 'node:fs'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
const [record, mode, promptFile, originDir] = process.argv.slice(2)
fs.mkdirSync(record, { recursive: true })
const n = fs.readdirSync(record).length + 1
const prompt = fs.readFileSync(promptFile, 'utf8')
fs.writeFileSync(path.join(record, n + '.prompt.md'), prompt)
const need = (text) => { if (!prompt.includes(text)) { console.error('not in my prompt: ' + text); process.exit(3) } }
switch (mode) {
  case 'fix': fs.writeFileSync('src/math.js', ${JSON.stringify(GOOD_MATH)}); break
  case 'sub':
    need(${JSON.stringify(INSTRUCTION)})
    need(${JSON.stringify(ISSUE.body)})
    fs.appendFileSync('src/math.js', ${JSON.stringify(SUB)})
    break
  case 'review':
    for (const text of ['Name it sub', 'src/math.js, line 2', 'INLINE-ONE: use a - b', 'test/math.test.js, line 8', 'INLINE-TWO: test sub too', '@@ -1,3 +1,3 @@']) need(text)
    fs.appendFileSync('src/math.js', ${JSON.stringify(SUB)})
    break
  case 'race': {
    // Someone pushes to the PR branch while the agent works: the follow-up must not overwrite it.
    fs.appendFileSync('src/math.js', ${JSON.stringify(SUB)})
    const clone = fs.mkdtempSync(path.join(path.dirname(record), 'race-'))
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Bob', GIT_AUTHOR_EMAIL: 'bob@example.com', GIT_COMMITTER_NAME: 'Bob', GIT_COMMITTER_EMAIL: 'bob@example.com', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
    execFileSync('git', ['clone', '--quiet', '--branch', ${JSON.stringify(BRANCH)}, originDir, clone], { env })
    fs.writeFileSync(path.join(clone, 'BOB.md'), 'my fix-up\\n')
    execFileSync('git', ['-C', clone, 'add', 'BOB.md'], { env })
    execFileSync('git', ['-C', clone, 'commit', '--quiet', '-m', 'Bob: fix-up'], { env })
    execFileSync('git', ['-C', clone, 'push', '--quiet', 'origin', ${JSON.stringify(BRANCH)}], { env })
    break
  }
  default: throw new Error('unknown mode ' + mode)
}
console.log('agent ' + mode + ' done')
`

let tools: string
const open: Scenario[] = []

beforeAll(async () => {
  tools = await fs.mkdtemp(path.join(os.tmpdir(), 'pr-follow-up-e2e-'))
  await fs.writeFile(path.join(tools, 'agent.mjs'), AGENT_JS)
})

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.cleanup()))
})

afterAll(async () => {
  await fs.rm(tools, { recursive: true, force: true })
})

interface Setup {
  s: Scenario
  record(name: string): string
  agent(name: string, mode: string): string
}

async function setup(name: string, options: Partial<ScenarioOptions> = {}): Promise<Setup> {
  const { fake, ...fixture } = options
  const s = await startScenario({
    files: FILES,
    ...fixture,
    fake: { issues: [{ ...ISSUE, labels: ['agent'], user: 'alice' }], permissions: { alice: 'write', mallory: 'read' }, ...fake }
  })
  open.push(s)
  const dir = path.join(tools, name)
  await fs.mkdir(dir, { recursive: true })
  return {
    s,
    record: (run) => path.join(dir, run),
    agent: (run, mode) =>
      quote([process.execPath, path.join(tools, 'agent.mjs'), path.join(dir, run), mode, '{prompt_file}', s.fixture.originDir])
  }
}

/** A PR of ours already open on `agent/issue-7` (seeded as the first proposal left it). */
function seededPull(body: string, extra: Record<string, unknown> = {}) {
  return { number: 8, head: BRANCH, title: 'Agent: add is wrong', body, ...extra }
}

async function freshCheckout(s: Scenario): Promise<void> {
  await s.fixture.git(['checkout', '--quiet', '--force', s.fixture.defaultBranch])
  await s.fixture.git(['clean', '--quiet', '-ffdx'])
}

async function prompts(record: string): Promise<string[]> {
  const names = (await fs.readdir(record).catch(() => [] as string[])).sort()
  return Promise.all(names.map((name) => fs.readFile(path.join(record, name), 'utf8')))
}

function clean(run: ActionRun, s: Scenario): void {
  if (run.exitCode !== 0)
    throw new Error(`the action failed (exit ${run.exitCode}):\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`)
  expect(run.leftProcesses).toBe(false)
  s.fake.assertNoProblems()
}

function prComment(s: Scenario, sender: string, body: string, pullNumber = 8) {
  return issueCommentEvent({
    ...s.target,
    issueNumber: pullNumber,
    sender,
    commentBody: body,
    onPullRequest: true,
    title: 'Agent: add is wrong'
  })
}

describe('a /agent comment on our draft PR', () => {
  test('the instruction reaches the agent; one new commit on the old head; still one PR; the ledger grows; one CI dispatch per push', async () => {
    const { s, agent, record } = await setup('comment', { fake: { dispatchableWorkflows: ['ci.yml'] } })
    // The first proposal, as issue-to-pr makes it: its PR body starts the ledger.
    const first = await s.run({
      eventName: 'issues',
      event: issueLabeledEvent({ ...s.target, issueNumber: 7, label: 'agent', sender: 'alice', title: ISSUE.title, body: ISSUE.body }),
      inputs: { 'agent-command': agent('first', 'fix'), gate: GATE, 'ci-workflow': 'ci.yml' }
    })
    clean(first, s)
    expect(first.outputs.result).toBe('proposed')
    const [pull] = s.fake.pullRequests()
    expect(readLedger(pull.body ?? '')).toMatchObject({ runs: 1 })
    expect(s.fake.dispatches).toEqual([{ workflow: 'ci.yml', ref: BRANCH }])
    const oldHead = (await s.fixture.originSha(BRANCH)) as string

    await freshCheckout(s)
    const run = await s.run({
      eventName: 'issue_comment',
      event: prComment(s, 'alice', `/agent ${INSTRUCTION}`, pull.number),
      inputs: { 'agent-command': agent('follow-up', 'sub'), gate: GATE, 'ci-workflow': 'ci.yml' }
    })
    clean(run, s)
    expect(run.outputs.result).toBe('proposed')
    // The instruction, the issue and the diff so far reached the agent, fenced.
    const [prompt] = await prompts(record('follow-up'))
    expect(prompt).toContain(`# Task: follow up on pull request #${pull.number}`)
    expect(prompt).toContain(INSTRUCTION)
    expect(prompt).toContain('+  return a + b')
    // One new commit whose parent is the old head; nothing rewritten.
    const [newHead, previous] = await s.fixture.originLog(BRANCH)
    expect(newHead.parents).toEqual([oldHead])
    expect(previous.sha).toBe(oldHead)
    expect(await s.fixture.originFile(BRANCH, 'src/math.js')).toBe(GOOD_MATH + SUB)
    // Still one PR, its ledger grown, its body saying what was asked and what the gate said.
    const pulls = s.fake.pullRequests()
    expect(pulls).toHaveLength(1)
    const grown = readLedger(pulls[0].body ?? '')
    expect(grown).toMatchObject({ runs: 2 })
    // What this run's agent spent is added to the first proposal's.
    expect(grown?.agentMs).toBeGreaterThan(readLedger(pull.body ?? '')?.agentMs ?? 0)
    expect(pulls[0].body).toContain(INSTRUCTION)
    expect(pulls[0].body).toContain('Gate: passed')
    expect(pulls[0].body).toContain('Closes #7')
    // Exactly one dispatch per push, for the pushed branch.
    expect(s.fake.dispatches).toEqual([
      { workflow: 'ci.yml', ref: BRANCH },
      { workflow: 'ci.yml', ref: BRANCH }
    ])
    // The progress comment on the PR says what happened.
    const comments = s.fake.issueComments(pull.number)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('proposed')
  })

  test('attack: someone pushes to the PR branch while the agent works: refused, never overwritten, the work kept', async () => {
    const { s, agent } = await setup('race', {
      branches: { [BRANCH]: { 'src/math.js': GOOD_MATH } },
      fake: { pulls: [seededPull('Closes #7\n\n<!-- gated-agent:ledger runs=1 agent-ms=1000 cost-usd=0 -->')] }
    })
    const run = await s.run({
      eventName: 'issue_comment',
      event: prComment(s, 'alice', `/agent ${INSTRUCTION}`),
      inputs: { 'agent-command': agent('race', 'race'), gate: GATE }
    })
    expect(run.outputs.result).toBe('failed')
    expect(run.outputs.reason).toMatch(/rejected/)
    expect(run.outputs['patch-path']).toMatch(/attempt-1\.patch$/)
    // Bob's commit is still the head: nothing was forced over it.
    const [head] = await s.fixture.originLog(BRANCH)
    expect(head.subject).toBe('Bob: fix-up')
    expect(await fs.readFile(run.outputs['patch-path'], 'utf8')).toContain('export function sub')
    s.fake.assertNoProblems()
  })
})

describe('budgets across runs, through the ledger (#17)', () => {
  test.each([
    [
      'max-cost-usd',
      '1',
      'runs=2 agent-ms=1000 cost-usd=1.5',
      /\$1\.5000 in cost, reaching max-cost-usd \(\$1\).*earlier runs on this pull request/
    ],
    [
      'max-agent-minutes',
      '1',
      'runs=2 agent-ms=90000 cost-usd=0',
      /1\.50 minute\(s\), reaching max-agent-minutes \(1\).*earlier runs on this pull request/
    ]
  ])(
    '%s counts what earlier runs on the PR spent: reached already, no agent run, gave-up with the reason',
    async (input, value, ledger, reason) => {
      const { s, agent, record } = await setup(`budget-${input}`, {
        branches: { [BRANCH]: { 'src/math.js': GOOD_MATH } },
        fake: { pulls: [seededPull(`Closes #7\n\n<!-- gated-agent:ledger ${ledger} -->`)] }
      })
      const head = await s.fixture.originSha(BRANCH)
      const run = await s.run({
        eventName: 'issue_comment',
        event: prComment(s, 'alice', `/agent ${INSTRUCTION}`),
        inputs: { 'agent-command': agent('run', 'sub'), gate: GATE, [input]: value }
      })
      clean(run, s)
      expect(run.outputs.result).toBe('gave-up')
      expect(run.outputs.reason).toMatch(reason)
      expect(await prompts(record('run'))).toEqual([])
      expect(await s.fixture.originSha(BRANCH)).toBe(head)
      // Said on the PR too; the ledger is unchanged (nothing was spent).
      const body = s.fake.pullRequests()[0].body ?? ''
      expect(body).toMatch(reason)
      expect(readLedger(body)).toMatchObject({ runs: 2 })
    }
  )
})

describe('a review with changes requested', () => {
  test('each inline comment reaches the agent with its path, line, diff hunk and text; no dispatch without ci-workflow', async () => {
    const { s, agent, record } = await setup('review', {
      branches: { [BRANCH]: { 'src/math.js': GOOD_MATH } },
      fake: {
        pulls: [seededPull('Closes #7\n\n<!-- gated-agent:ledger runs=1 agent-ms=1000 cost-usd=0 -->')],
        dispatchableWorkflows: ['ci.yml'],
        reviewComments: [
          {
            pullNumber: 8,
            reviewId: 501,
            path: 'src/math.js',
            line: 2,
            diffHunk: '@@ -1,3 +1,3 @@\n-  return a - b\n+  return a + b',
            body: 'INLINE-ONE: use a - b in a new function'
          },
          {
            pullNumber: 8,
            reviewId: 501,
            path: 'test/math.test.js',
            line: 8,
            diffHunk: "@@ -5,3 +5,6 @@\n+test('sub')",
            body: 'INLINE-TWO: test sub too'
          },
          { pullNumber: 8, reviewId: 999, path: 'README.md', line: 1, diffHunk: '@@', body: 'ANOTHER-REVIEW' }
        ]
      }
    })
    const headSha = (await s.fixture.originSha(BRANCH)) as string
    const event = pullRequestReviewEvent({
      ...s.target,
      pullNumber: 8,
      headRef: BRANCH,
      headSha,
      sender: 'alice',
      reviewId: 501,
      reviewState: 'changes_requested',
      body: 'Name it sub, please.'
    })
    const run = await s.run({ eventName: 'pull_request_review', event, inputs: { 'agent-command': agent('run', 'review'), gate: GATE } })
    clean(run, s)
    expect(run.outputs.result).toBe('proposed')
    const [prompt] = await prompts(record('run'))
    expect(prompt).not.toContain('ANOTHER-REVIEW')
    const [newHead] = await s.fixture.originLog(BRANCH)
    expect(newHead.parents).toEqual([headSha])
    expect(readLedger(s.fake.pullRequests()[0].body ?? '')).toMatchObject({ runs: 2 })
    expect(s.fake.dispatches).toEqual([])
  })
})

describe('a red CI run on agent/issue-7', () => {
  test('heals in place: a commit on top of the branch, no heal branch, no second PR, counted in the same ledger; spent: no agent run', async () => {
    const runs: RunSeed[] = [
      { id: 777, headBranch: BRANCH, headSha: 'placeholder', actor: 'alice' },
      { id: 778, headBranch: BRANCH, headSha: 'placeholder', actor: 'alice' }
    ]
    const failedTest = (id: number): JobSeed[] => [{ id, name: 'test', steps: [{ name: 'Run tests', conclusion: 'failure' }] }]
    const { s, agent, record } = await setup('ci', {
      branches: { [BRANCH]: { 'README.md': 'wip\n' } },
      fake: {
        pulls: [seededPull('Closes #7\n\n<!-- gated-agent:ledger runs=9 agent-ms=1000 cost-usd=0 -->')],
        runs,
        jobs: { 777: failedTest(7771), 778: failedTest(7781) },
        logs: { 7771: '2024-05-01T12:00:01.0000000Z not ok 1 - add\n##[error]Process completed with exit code 1.\n' }
      }
    })
    const headSha = (await s.fixture.originSha(BRANCH)) as string
    runs[0].headSha = headSha
    const branchesBefore = await s.fixture.originBranches()
    const red = workflowRunFailedEvent({ ...s.target, headBranch: BRANCH, headSha, runId: 777, actor: 'alice', workflowName: 'CI' })
    const run = await s.run({ eventName: 'workflow_run', event: red, inputs: { 'agent-command': agent('heal', 'fix'), gate: GATE } })
    clean(run, s)
    expect(run.outputs.result).toBe('proposed')
    const [newHead] = await s.fixture.originLog(BRANCH)
    expect(newHead.parents).toEqual([headSha])
    expect(await s.fixture.originFile(BRANCH, 'src/math.js')).toBe(GOOD_MATH)
    expect(await s.fixture.originBranches()).toEqual(branchesBefore)
    expect(s.fake.pullRequests()).toHaveLength(1)
    const ledger = readLedger(s.fake.pullRequests()[0].body ?? '')
    expect(ledger).toMatchObject({ runs: 10 })
    expect((await prompts(record('heal')))[0]).toContain('not ok 1 - add')

    // The ledger is now spent (10 of follow-up-cap 10): the next red run runs no agent.
    const newSha = newHead.sha
    runs[1].headSha = newSha
    await freshCheckout(s)
    const again = await s.run({
      eventName: 'workflow_run',
      event: workflowRunFailedEvent({ ...s.target, headBranch: BRANCH, headSha: newSha, runId: 778, actor: 'alice', workflowName: 'CI' }),
      inputs: { 'agent-command': agent('spent', 'fix'), gate: GATE }
    })
    clean(again, s)
    expect(again.outputs.result).toBe('gave-up')
    expect(again.outputs.reason).toMatch(/follow-up cap is spent.*10 of 10 agent runs/)
    expect(await prompts(record('spent'))).toEqual([])
    expect(s.fake.pullRequests()[0].body).toContain('the follow-up cap is spent')
    expect(again.summary).toContain('follow-up cap is spent')
  })
})

describe('who may not trigger a follow-up', () => {
  test("no write access, a fork's PR, a person's own PR, the action's own comment: each skipped, no agent run", async () => {
    const { s, agent, record } = await setup('refused', {
      branches: { [BRANCH]: { 'src/math.js': GOOD_MATH }, 'feature/x': { 'README.md': 'mine\n' } },
      fake: {
        pulls: [
          seededPull('Closes #7\n\n<!-- gated-agent:ledger runs=1 agent-ms=1000 cost-usd=0 -->'),
          { number: 9, head: BRANCH, title: 'From a fork', body: '', headRepoId: 424242, headRepoFullName: 'fork-owner/octo-repo' },
          { number: 10, head: 'feature/x', title: 'Mine', body: '', user: 'alice' }
        ]
      }
    })
    const cases: Array<[string, ReturnType<typeof prComment>, Record<string, string>, RegExp]> = [
      ['no write access', prComment(s, 'mallory', `/agent ${INSTRUCTION}`), {}, /mallory has the read role.*needs write/],
      ['fork', prComment(s, 'alice', `/agent ${INSTRUCTION}`, 9), {}, /another repository/],
      ['non-agent PR', prComment(s, 'alice', `/agent ${INSTRUCTION}`, 10), {}, /not one of Gated Agent's branches/],
      [
        'own comment',
        prComment(s, 'github-actions[bot]', `/agent ${INSTRUCTION}`),
        { 'allowed-bots': 'github-actions' },
        /Gated Agent's own/
      ]
    ]
    for (const [name, event, inputs, reason] of cases) {
      const run = await s.run({ eventName: 'issue_comment', event, inputs: { 'agent-command': agent(name, 'sub'), gate: GATE, ...inputs } })
      clean(run, s)
      expect({ name, result: run.outputs.result }).toEqual({ name, result: 'skipped' })
      expect(run.outputs.reason).toMatch(reason)
      expect(await prompts(record(name))).toEqual([])
    }
    expect(await s.fixture.originLog(BRANCH)).toHaveLength(2)
    expect(s.fake.issueComments()).toEqual([])
  })
})
