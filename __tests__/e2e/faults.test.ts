/**
 * The action under faults, end to end (`node dist/index.cjs` against the strict fake and a real
 * bare origin): GitHub failing and rate limiting, GitHub gone after the push, pushes the remote
 * refuses, an agent that hangs or breaks the repository, a gate that prints binary, and bad input.
 * Each ends in a clear outcome: one PR and no duplicate, or a clear error naming the cause and the
 * fix with the agent's change kept in the patch file the outputs and the summary name.
 */
import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { quote } from 'shell-quote'
import { startScenario, type Scenario, type ScenarioOptions } from '../harness/scenario.js'
import { primaryRateLimit, secondaryRateLimit, type FakeGitHub } from '../harness/github-fake.js'
import type { ActionRun } from '../harness/run-action.js'
import { issueLabeledEvent } from '../harness/webhook-events.js'

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))
const AGENT = path.join(FIXTURES, 'scripted-agent.mjs')
const BINARY_GATE = path.join(FIXTURES, 'binary-output.mjs')
const ISSUE = { number: 5, title: 'Add x.txt' }
const BRANCH = 'agent/issue-5'
const GATE = 'test -f x.txt'

type Step = { write: string; text?: string } | { remove: string } | { git: string[] } | { hang: string }

let tools: string
const open: Scenario[] = []
beforeAll(async () => {
  tools = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'gated-agent-faults-')))
})
afterAll(async () => {
  for (const s of open) await s.cleanup()
  await fs.rm(tools, { recursive: true, force: true })
})

async function setup(fake: ScenarioOptions['fake'] = {}, options: Omit<ScenarioOptions, 'files' | 'fake'> = {}): Promise<Scenario> {
  const s = await startScenario({
    files: { 'README.md': '# faults\n' },
    ...options,
    fake: { issues: [{ ...ISSUE, labels: ['agent'], user: 'alice' }], permissions: { alice: 'write' }, ...fake }
  })
  open.push(s)
  return s
}

/** The agent-command running `plan` (one list of steps per attempt); its prompts land in `<tools>/<name>`. */
async function scriptedAgent(name: string, plan: Step[][]): Promise<{ command: string; state: string }> {
  const state = path.join(tools, name)
  const planFile = path.join(tools, `${name}.plan.json`)
  await fs.writeFile(planFile, JSON.stringify(plan))
  return { command: quote([process.execPath, AGENT, state, planFile]), state }
}

const WRITE_X: Step[] = [{ write: 'x.txt', text: 'x\n' }]

function labelled(s: Scenario) {
  return issueLabeledEvent({ ...s.target, issueNumber: ISSUE.number, label: 'agent', sender: 'alice', title: ISSUE.title })
}

function expectExit(run: ActionRun, code: number): void {
  if (run.exitCode !== code) throw new Error(`expected exit ${code}, got ${run.exitCode}:\n${run.stdout}\n${run.stderr}`)
  expect(run).toMatchObject({ timedOut: false, leftProcesses: false })
}

/** The `::error::` lines the runner would show. */
function errors(run: ActionRun): string[] {
  return run.commands.filter((c) => c.command === 'error').map((c) => c.message)
}

/** Times at which the fake received each request, by index into `fake.requests`. */
function timeRequests(fake: FakeGitHub): number[] {
  const times: number[] = []
  const push = fake.requests.push.bind(fake.requests)
  fake.requests.push = (...items) => {
    for (let i = 0; i < items.length; i++) times.push(Date.now())
    return push(...items)
  }
  return times
}

async function expectPatchKept(run: ActionRun, content: RegExp): Promise<string> {
  const patchPath = run.outputs['patch-path']
  expect(patchPath).toMatch(/attempt-\d+\.patch$/)
  expect(await fs.readFile(patchPath, 'utf8')).toMatch(content)
  expect(run.summary).toContain(patchPath)
  return patchPath
}

describe('GitHub failing', () => {
  test('a 502 on the comment and a 500 on the PR, each then success: exactly one comment and one PR', async () => {
    const s = await setup()
    s.fake.injectFault({ operationId: 'issues/create-comment', status: 502 })
    s.fake.injectFault({ operationId: 'pulls/create', status: 500 })
    const { command } = await scriptedAgent('5xx', [WRITE_X])
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': command, gate: GATE } })
    expectExit(run, 0)
    expect(run.outputs.result).toBe('proposed')
    expect(s.fake.requestsFor('issues/create-comment').map((r) => r.status)).toEqual([502, 201])
    expect(s.fake.requestsFor('pulls/create').map((r) => r.status)).toEqual([500, 201])
    expect(s.fake.pullRequests()).toHaveLength(1)
    expect(s.fake.pullRequests()[0]).toMatchObject({ head: BRANCH, draft: true })
    expect(s.fake.issueComments(ISSUE.number)).toHaveLength(1)
    expect(await s.fixture.originFile(BRANCH, 'x.txt')).toBe('x\n')
    s.fake.assertNoProblems()
  })

  test('a primary and a secondary rate limit: the action waits as long as GitHub asks, then goes on', async () => {
    const s = await setup()
    const times = timeRequests(s.fake)
    s.fake.injectFault({ operationId: 'repos/get-collaborator-permission-level', ...primaryRateLimit(2) })
    s.fake.injectFault({ operationId: 'pulls/create', ...secondaryRateLimit(2) })
    const { command } = await scriptedAgent('rate', [WRITE_X])
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': command, gate: GATE } })
    expectExit(run, 0)
    expect(run.outputs.result).toBe('proposed')
    const gap = (operationId: string): number => {
      const [first, second] = s.fake.requests.flatMap((r, i) => (r.operationId === operationId ? [i] : []))
      expect(s.fake.requests[first].status).toBe(403)
      expect(s.fake.requests[second].status).toBeLessThan(300)
      return times[second] - times[first]
    }
    // x-ratelimit-reset is a whole second: the wait is at least what is left of it.
    expect(gap('repos/get-collaborator-permission-level')).toBeGreaterThanOrEqual(900)
    expect(gap('pulls/create')).toBeGreaterThanOrEqual(2000)
    const warnings = run.commands.filter((c) => c.command === 'warning').map((c) => c.message)
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GitHub rate limit on GET .*; retrying in/),
        expect.stringMatching(/^GitHub secondary rate limit on POST .*pulls; retrying in 2s/)
      ])
    )
    expect(s.fake.pullRequests()).toHaveLength(1)
    s.fake.assertNoProblems()
  })

  test('a PR already open for the branch (422 "already exists") is updated, not duplicated', async () => {
    const s = await setup({ pulls: [{ number: 3, head: BRANCH, base: 'main', title: 'Agent: an older title', body: 'old body' }] })
    const { command } = await scriptedAgent('exists', [WRITE_X])
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': command, gate: GATE } })
    expectExit(run, 0)
    expect(run.outputs).toMatchObject({ result: 'proposed', 'pr-number': '3' })
    expect(s.fake.requestsFor('pulls/create').map((r) => r.status)).toEqual([422])
    expect(s.fake.requestsFor('pulls/update')).toHaveLength(1)
    expect(s.fake.requestsFor('pulls/update')[0].body).not.toHaveProperty('draft')
    expect(s.fake.pullRequests()).toEqual([
      expect.objectContaining({ number: 3, title: `Agent: ${ISSUE.title}`, draft: true, state: 'open' })
    ])
    expect(s.fake.pullRequests()[0].body).toContain('Closes #5')
    s.fake.assertNoProblems()
  })

  test('GitHub unreachable after the push: a clear error, the branch pushed once, the patch kept', async () => {
    const s = await setup({
      handlers: {
        // GitHub goes away as the PR is being opened; every later request finds no server.
        'pulls/create': async () => {
          await s.fake.goOffline()
          return { status: 503 }
        }
      }
    })
    const { command } = await scriptedAgent('offline', [WRITE_X])
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': command, gate: GATE } })
    expectExit(run, 1)
    const [message] = errors(run)
    expect(message).toMatch(/^GitHub's API at http:\/\/127\.0\.0\.1:\d+ could not be reached: connect ECONNREFUSED/)
    expect(message).not.toMatch(/\n\s+at /)
    const patchPath = await expectPatchKept(run, /\+x/)
    expect(message).toContain(patchPath)
    expect(run.summary).toMatch(/could not be reached/)
    // Pushed once, with the change; no PR exists.
    expect(await s.fixture.originLog(BRANCH)).toHaveLength(2)
    expect(await s.fixture.originFile(BRANCH, 'x.txt')).toBe('x\n')
    expect(s.fake.pullRequests()).toEqual([])
    // The work tree is back as it was.
    expect(await s.fixture.git(['status', '--porcelain', '--untracked-files=all'])).toBe('')
  })
})

describe('pushes the remote refuses', () => {
  test('someone else pushed the branch between the read and the push: not overwritten, a clear error, the patch kept', async () => {
    const s = await setup()
    // A git in front of the real one that pauses after the action reads the remote branch, so the
    // test can push to it from elsewhere before the action's own push.
    const race = path.join(tools, 'race')
    const shimDir = path.join(tools, 'race-bin')
    await fs.mkdir(race, { recursive: true })
    await fs.mkdir(shimDir, { recursive: true })
    const realGit = (await import('node:child_process')).execFileSync('sh', ['-c', 'command -v git']).toString().trim()
    await fs.writeFile(
      path.join(shimDir, 'git'),
      [
        '#!/bin/sh',
        // The action puts `-c key=value` options first: look for the subcommand among all arguments.
        `case " $* " in *" ls-remote "*) listing=1 ;; *) listing= ;; esac`,
        // The first listing is the check before the agent runs; the second, the push's own read.
        `if [ -n "$listing" ] && [ ! -e ${quote([race])}/checked ]; then : > ${quote([race])}/checked; listing=; fi`,
        `if [ -n "$listing" ] && [ ! -e ${quote([race])}/done ]; then`,
        `  out=$(${quote([realGit])} "$@"); code=$?`,
        `  : > ${quote([race])}/read`,
        `  i=0; while [ ! -e ${quote([race])}/go ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done`,
        `  : > ${quote([race])}/done`,
        '  [ -n "$out" ] && printf \'%s\\n\' "$out"',
        '  exit $code',
        'fi',
        `exec ${quote([realGit])} "$@"`
      ].join('\n'),
      { mode: 0o755 }
    )
    // The branch exists from an earlier run, so the action must read where it is before updating it.
    const earlier = await scriptedAgent('race-earlier', [[{ write: 'earlier.txt', text: 'an earlier run\n' }, ...WRITE_X]])
    expect(
      (await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': earlier.command, gate: GATE } })).outputs.result
    ).toBe('proposed')
    const { command } = await scriptedAgent('race', [WRITE_X])
    const running = s.run({
      eventName: 'issues',
      event: labelled(s),
      inputs: { 'agent-command': command, gate: GATE },
      // The shim stands in front of the action's own git, which the action otherwise takes from the
      // system directories only (issue 12, class 1): the test switch lets PATH choose it here.
      env: { PATH: `${shimDir}:${process.env.PATH}`, GATED_AGENT_TEST_ONLY_PROTECTIONS_OFF: 'private-tmp,trusted-path' }
    })
    for (let i = 0; i < 400 && !existsSync(path.join(race, 'read')); i++) await new Promise((resolve) => setTimeout(resolve, 50))
    const theirs = await s.fixture.pushToOrigin(BRANCH, { 'theirs.txt': 'pushed by someone else\n' }, 'Their change')
    await fs.writeFile(path.join(race, 'go'), '')
    const run = await running

    expectExit(run, 1)
    const [message] = errors(run)
    expect(message).toMatch(
      /^Pushing agent\/issue-5 to \S+ was rejected: the remote branch changed after Gated Agent read it .* so it was not overwritten/
    )
    expect(message).not.toMatch(/\n\s+at /)
    expect(message).toMatch(/Someone else pushed to it meanwhile; run again/)
    await expectPatchKept(run, /\+x/)
    expect(await s.fixture.originSha(BRANCH)).toBe(theirs)
    // The earlier run's pull request only.
    expect(s.fake.requestsFor('pulls/create')).toHaveLength(1)
    expect(s.fake.requestsFor('pulls/update')).toEqual([])
    s.fake.assertNoProblems()
  })

  test('a push GitHub refuses for want of the workflows permission: the cause and the fix, the patch kept', async () => {
    const s = await setup()
    // What GitHub answers when a token without `workflows` pushes a change to .github/workflows.
    await fs.writeFile(
      path.join(s.fixture.originDir, 'hooks', 'pre-receive'),
      '#!/bin/sh\necho "refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission" >&2\nexit 1\n',
      { mode: 0o755 }
    )
    const { command } = await scriptedAgent('workflows', [[{ write: '.github/workflows/ci.yml', text: 'on: push\n' }, ...WRITE_X]])
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s),
      // The user let the agent change workflows; the token cannot push them.
      inputs: { 'agent-command': command, gate: GATE, 'protected-paths': 'secrets/**' }
    })
    expectExit(run, 1)
    const [message] = errors(run)
    expect(message).toMatch(/touches a workflow file \(\.github\/workflows\) and the token lacks the workflows permission/)
    expect(message).toMatch(/Give the token that permission .* or keep \.github\/workflows\/\*\* in protected-paths/)
    await expectPatchKept(run, /\.github\/workflows\/ci\.yml/)
    expect(await s.fixture.originBranches()).toEqual(['main'])
    expect(s.fake.pullRequests()).toEqual([])
    s.fake.assertNoProblems()
  })
})

describe('an agent misbehaving', () => {
  test('an agent that hangs is killed at its timeout, children included', async () => {
    const s = await setup()
    const heartbeat = path.join(tools, 'heartbeat')
    const { command } = await scriptedAgent('hang', [[...WRITE_X, { hang: heartbeat }]])
    const started = Date.now()
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s),
      inputs: { 'agent-command': command, gate: GATE, 'agent-timeout-minutes': '0.05' }
    })
    expect(Date.now() - started).toBeLessThan(20_000)
    expectExit(run, 1)
    expect(run.outputs).toMatchObject({ result: 'agent-failed', attempts: '1' })
    // Three seconds, then the grace between SIGTERM (ignored) and SIGKILL.
    const seconds = Number(/timed out after (\d+\.\d)s on attempt 1/.exec(run.outputs.reason)?.[1])
    expect(seconds).toBeGreaterThanOrEqual(3)
    expect(seconds).toBeLessThan(8)
    const beats = (await fs.readFile(heartbeat, 'utf8')).split('\n')
    expect(beats).toEqual(expect.arrayContaining(['agent', 'child']))
    // Nothing beats any more: the agent and the child that ignored SIGTERM are gone.
    const size = (await fs.stat(heartbeat)).size
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect((await fs.stat(heartbeat)).size).toBe(size)
    await expectPatchKept(run, /\+x/)
    expect(s.fake.pullRequests()).toEqual([])
    s.fake.assertNoProblems()
  })

  test('an agent that deletes .git: rejected with a clear error, nothing pushed', async () => {
    const s = await setup()
    const { command } = await scriptedAgent('no-git', [[...WRITE_X, { remove: '.git' }]])
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': command, gate: GATE } })
    expectExit(run, 1)
    expect(run.outputs.result).toBe('rejected')
    const [message] = errors(run)
    expect(message).toBe(run.outputs.reason)
    expect(message).toMatch(
      /^The agent left the repository unusable \(The repository's git directory \(\S+\/\.git\) is gone: the agent deleted it/
    )
    expect(message).toMatch(/nothing is proposed\. The work tree could not be restored: .* Re-clone the repository\.$/)
    // The checkout's credential lived in the deleted .git/config: the log says it is not back.
    expect(run.commands).toContainEqual(
      expect.objectContaining({ command: 'warning', message: expect.stringMatching(/^Could not restore the checkout credentials/) })
    )
    expect(await s.fixture.originBranches()).toEqual(['main'])
    expect(s.fake.requestsFor('pulls/create')).toEqual([])
    expect(s.fake.issueComments(ISSUE.number)[0].body).toContain('`rejected`')
    s.fake.assertNoProblems()
  })

  test('an agent that checks out another branch: the attempt fails cleanly and the tree is restored', async () => {
    const s = await setup()
    const head = (await s.fixture.git(['rev-parse', 'HEAD'])).trim()
    const { command } = await scriptedAgent('checkout', [[{ git: ['checkout', '-q', '-b', 'elsewhere'] }, ...WRITE_X]])
    const run = await s.run({ eventName: 'issues', event: labelled(s), inputs: { 'agent-command': command, gate: GATE } })
    expectExit(run, 1)
    expect(run.outputs.result).toBe('rejected')
    expect(run.outputs.reason).toMatch(/switched from branch main to branch elsewhere/)
    expect((await s.fixture.git(['symbolic-ref', '--short', 'HEAD'])).trim()).toBe('main')
    expect((await s.fixture.git(['rev-parse', 'HEAD'])).trim()).toBe(head)
    expect(await s.fixture.git(['status', '--porcelain', '--untracked-files=all'])).toBe('')
    expect(await s.fixture.originBranches()).toEqual(['main'])
    expect(s.fake.requestsFor('pulls/create')).toEqual([])
    s.fake.assertNoProblems()
  })
})

describe('gate output that is not text', () => {
  test('binary and invalid UTF-8 output is reported, fed back and fenced, without breaking anything', async () => {
    const s = await setup()
    const { command, state } = await scriptedAgent('binary', [WRITE_X])
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s),
      inputs: { 'agent-command': command, gate: quote([process.execPath, BINARY_GATE]), 'retry-cap': '2' }
    })
    expectExit(run, 0)
    expect(run.outputs).toMatchObject({ result: 'gave-up', attempts: '2' })
    expect(run.stdout).toContain('binary gate output follows')
    expect(run.commands.filter((c) => /binary-pwned/.test(c.message))).toEqual([])
    // The failure reached the agent as text, and the summary and the comment show the gate's tail.
    const retryPrompt = await fs.readFile(path.join(state, 'prompt-2.md'), 'utf8')
    expect(retryPrompt).toContain('binary gate output follows')
    expect(retryPrompt).toContain('café 😀')
    expect(run.summary).toContain('Last gate run')
    expect(s.fake.issueComments(ISSUE.number)[0].body).toContain('`gave-up`')
    await expectPatchKept(run, /\+x/)
    s.fake.assertNoProblems()
  })
})

describe('bad input', () => {
  test('a bad retry-cap stops the run at once: the message, exit 1, no request to GitHub, no agent run', async () => {
    const s = await setup()
    const { command, state } = await scriptedAgent('bad-input', [WRITE_X])
    const run = await s.run({
      eventName: 'issues',
      event: labelled(s),
      inputs: { 'agent-command': command, gate: GATE, 'retry-cap': 'many' }
    })
    expectExit(run, 1)
    expect(errors(run)).toEqual(['Input \'retry-cap\' is "many": expected a whole number from 1 to 20.'])
    expect(s.fake.requests).toEqual([])
    expect(existsSync(state)).toBe(false)
    expect(await s.fixture.git(['status', '--porcelain', '--untracked-files=all'])).toBe('')
  })
})
