/**
 * Nothing lost, no surprises (issue 14), end to end: `node dist/index.cjs` against the strict fake
 * and a real bare origin. Someone else's commits on a proposal branch are never pushed over; every
 * failure after the agent ran keeps its change and sets `result`; a PR that exists is reported as
 * proposed; a huge file does not crash the change reader; the progress comment is the action's
 * own, one per issue even when two runs start at once.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { quote } from 'shell-quote'
import { startScenario, type Scenario, type ScenarioOptions } from '../harness/scenario.js'
import type { ActionRun } from '../harness/run-action.js'
import { issueLabeledEvent } from '../harness/webhook-events.js'

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))
const AGENT = path.join(FIXTURES, 'scripted-agent.mjs')
const ISSUE = { number: 5, title: 'Add x.txt' }
const BRANCH = 'agent/issue-5'
const GATE = 'test -f x.txt'
const MARKER = '<!-- gated-agent:issue-5 -->'
/** The values action.yml documents for the `result` output. */
const RESULTS = ['proposed', 'no-change', 'not-reproduced', 'gave-up', 'agent-failed', 'rejected', 'skipped', 'failed']

type Step = { write: string; text?: string } | { remove: string } | { git: string[] }

let tools: string
const open: Scenario[] = []
beforeAll(async () => {
  tools = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'gated-agent-nothing-lost-')))
})
afterAll(async () => {
  for (const s of open) await s.cleanup()
  await fs.rm(tools, { recursive: true, force: true })
})

async function setup(fake: ScenarioOptions['fake'] = {}): Promise<Scenario> {
  const s = await startScenario({
    files: { 'README.md': '# nothing lost\n' },
    fake: { issues: [{ ...ISSUE, labels: ['agent'], user: 'alice' }], permissions: { alice: 'write' }, ...fake }
  })
  open.push(s)
  return s
}

async function scriptedAgent(name: string, plan: Step[][]): Promise<{ command: string; state: string }> {
  const state = path.join(tools, name)
  const planFile = path.join(tools, `${name}.plan.json`)
  await fs.writeFile(planFile, JSON.stringify(plan))
  return { command: quote([process.execPath, AGENT, state, planFile]), state }
}

/** The issue labelled (again): the payload counts the comments the issue has now, as GitHub's does. */
function labelled(s: Scenario) {
  const event = issueLabeledEvent({ ...s.target, issueNumber: ISSUE.number, label: 'agent', sender: 'alice', title: ISSUE.title })
  ;(event.issue as { comments: number }).comments = s.fake.issueComments(ISSUE.number).length
  return event
}

function errors(run: ActionRun): string[] {
  return run.commands.filter((c) => c.command === 'error').map((c) => c.message)
}

function warnings(run: ActionRun): string[] {
  return run.commands.filter((c) => c.command === 'warning').map((c) => c.message)
}

async function agentRuns(state: string): Promise<number> {
  const names = await fs.readdir(state).catch(() => [] as string[])
  return names.filter((n) => /^prompt-\d+\.md$/.test(n)).length
}

describe("someone else's commits on the proposal branch", () => {
  test("a reviewer's fix-up on agent/issue-5: the rerun stops before the agent and the branch keeps the fix-up", async () => {
    const s = await setup()
    const first = await scriptedAgent('first', [[{ write: 'x.txt', text: 'x\n' }]])
    const run1 = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': first.command, gate: GATE } })
    expect(run1.outputs.result).toBe('proposed')
    const fixup = await s.fixture.pushToOrigin(BRANCH, { 'x.txt': 'x, as the reviewer wants it\n' }, 'Reviewer fix-up')

    const second = await scriptedAgent('second', [[{ write: 'x.txt', text: 'x again\n' }]])
    const run2 = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': second.command, gate: GATE } })
    expect(run2.exitCode).toBe(0)
    expect(run2.outputs.result).toBe('skipped')
    expect(run2.outputs.reason).toMatch(
      new RegExp(
        `^agent/issue-5 on origin holds 1 commit\\(s\\) Gated Agent did not write \\(${fixup.slice(0, 12)} "Reviewer fix-up" by Fixture Author\\), so the agent was not run`
      )
    )
    expect(run2.outputs.reason).toMatch(/Merge or close its pull request and delete the branch/)
    expect(await agentRuns(second.state)).toBe(0)
    expect(await s.fixture.originSha(BRANCH)).toBe(fixup)
    expect(await s.fixture.originFile(BRANCH, 'x.txt')).toBe('x, as the reviewer wants it\n')
    // The person who asked reads why in the progress comment too.
    const comments = s.fake.issueComments(ISSUE.number)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain('Reviewer fix-up')
    expect(s.fake.pullRequests()).toHaveLength(1)
    s.fake.assertNoProblems()
  })

  test('the positive control: a rerun over only its own earlier proposal replaces it', async () => {
    const s = await setup()
    const first = await scriptedAgent('own-1', [[{ write: 'x.txt', text: 'x\n' }]])
    expect(
      (await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': first.command, gate: GATE } })).outputs.result
    ).toBe('proposed')
    const earlier = await s.fixture.originSha(BRANCH)
    const second = await scriptedAgent('own-2', [[{ write: 'x.txt', text: 'x again\n' }]])
    const run2 = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': second.command, gate: GATE } })
    expect(run2.outputs.result).toBe('proposed')
    expect(await s.fixture.originSha(BRANCH)).not.toBe(earlier)
    expect(await s.fixture.originFile(BRANCH, 'x.txt')).toBe('x again\n')
    const [commit] = await s.fixture.originLog(BRANCH)
    expect(commit).toMatchObject({ committerName: 'github-actions[bot]', body: expect.stringContaining('Proposed-by: Gated Agent') })
    s.fake.assertNoProblems()
  })

  test('unrelated history on origin under agent/issue-5 is not replaced', async () => {
    const s = await setup()
    const other = path.join(tools, 'unrelated')
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: other,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'Someone',
          GIT_AUTHOR_EMAIL: 's@example.com',
          GIT_COMMITTER_NAME: 'Someone',
          GIT_COMMITTER_EMAIL: 's@example.com'
        }
      })
        .toString()
        .trim()
    await fs.mkdir(other, { recursive: true })
    git('init', '--quiet')
    await fs.writeFile(path.join(other, 'notes.txt'), 'other history\n')
    git('add', 'notes.txt')
    git('commit', '--quiet', '-m', 'Unrelated start')
    git('push', '--quiet', s.fixture.originDir, `HEAD:refs/heads/${BRANCH}`)
    const theirs = git('rev-parse', 'HEAD')

    const agent = await scriptedAgent('unrelated-agent', [[{ write: 'x.txt', text: 'x\n' }]])
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': agent.command, gate: GATE } })
    expect(run.outputs.result).toBe('skipped')
    expect(run.outputs.reason).toMatch(/"Unrelated start" by Someone/)
    expect(await s.fixture.originSha(BRANCH)).toBe(theirs)
    expect(s.fake.pullRequests()).toEqual([])
    s.fake.assertNoProblems()
  })
})

describe('failures after the agent ran', () => {
  test('a push the remote refuses: result is failed (a documented value), the patch kept in the outputs and the summary', async () => {
    const s = await setup()
    await fs.writeFile(path.join(s.fixture.originDir, 'hooks', 'pre-receive'), '#!/bin/sh\necho "remote: no" >&2\nexit 1\n', {
      mode: 0o755
    })
    const agent = await scriptedAgent('refused', [[{ write: 'x.txt', text: 'x\n' }]])
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': agent.command, gate: GATE } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(RESULTS).toContain(run.outputs.result)
    expect(run.outputs.attempts).toBe('1')
    expect(await fs.readFile(run.outputs['patch-path'], 'utf8')).toMatch(/\+x/)
    expect(run.summary).toContain(run.outputs['patch-path'])
    expect(errors(run)[0]).toMatch(/^Pushing agent\/issue-5 to \S+ failed/)
  })

  test('a thrown error before the agent ran still sets result', async () => {
    const s = await setup()
    s.fake.injectFault({ operationId: 'repos/get-collaborator-permission-level', status: 401, times: 100 })
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': 'true', gate: GATE } })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.outputs.reason).not.toBe('')
    expect(run.outputs['patch-path']).toBe('')
  })

  test('editing the progress comment fails after the PR opened: proposed, the PR in the outputs, a warning', async () => {
    const s = await setup()
    s.fake.injectFault({
      operationId: 'issues/update-comment',
      status: 403,
      times: 100,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' }
    })
    const agent = await scriptedAgent('comment-fails', [[{ write: 'x.txt', text: 'x\n' }]])
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': agent.command, gate: GATE } })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('proposed')
    const [pull] = s.fake.pullRequests()
    expect(run.outputs['pr-url']).toContain(`/pull/${pull.number}`)
    expect(run.outputs['pr-number']).toBe(String(pull.number))
    expect(warnings(run)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^The draft pull request is open, but the progress comment could not be updated/)])
    )
    expect(run.summary).toContain('progress comment could not be updated')
  })

  test('an agent that writes its fix and a 450 MB file: no crash, proposed, the patch kept', async () => {
    const s = await setup()
    const command = `sh -c ${quote(['truncate -s 450M big.bin && echo x > x.txt'])}`
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': command, gate: GATE } })
    expect(errors(run)).toEqual([])
    expect(run.outputs.result).toBe('proposed')
    const patch = await fs.stat(run.outputs['patch-path'])
    expect(patch.size).toBeGreaterThan(0)
    expect(await s.fixture.originFile(BRANCH, 'x.txt')).toBe('x\n')
  }, 120_000)
})

describe('the progress comment', () => {
  test("a stranger's comment carrying the marker is neither adopted nor edited", async () => {
    const planted = `${MARKER}\nI wrote this; the action must not take it over.`
    const s = await setup({ comments: [{ issueNumber: ISSUE.number, body: planted, user: 'mallory' }] })
    const agent = await scriptedAgent('stranger', [[{ write: 'x.txt', text: 'x\n' }]])
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': agent.command, gate: GATE } })
    expect(run.outputs.result).toBe('proposed')
    const comments = s.fake.issueComments(ISSUE.number)
    expect(comments.find((c) => c.user === 'mallory')?.body).toBe(planted)
    const ours = comments.filter((c) => c.user === 'github-actions[bot]')
    expect(ours).toHaveLength(1)
    expect(ours[0].body).toContain(run.outputs['pr-url'])
    s.fake.assertNoProblems()
  })

  test('two runs creating their comment at once end with one progress comment', async () => {
    const s = await setup()
    // The other run's comment lands between this run's listing and its own create.
    const fake = s.fake as unknown as { createComment: (r: unknown) => unknown; addComment: (n: number, b: string, u: string) => unknown }
    const create = fake.createComment.bind(fake)
    let raced = false
    fake.createComment = (r) => {
      if (!raced) {
        raced = true
        fake.addComment(ISSUE.number, `${MARKER}\n🤖 **Gated Agent** is working on this issue (the other run).`, 'github-actions[bot]')
      }
      return create(r)
    }
    const agent = await scriptedAgent('twice', [[{ write: 'x.txt', text: 'x\n' }]])
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': agent.command, gate: GATE } })
    expect(run.outputs).toMatchObject({ result: 'proposed', reason: expect.any(String) })
    const comments = s.fake.issueComments(ISSUE.number)
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toContain(run.outputs['pr-url'])
    s.fake.assertNoProblems()
  })
})
