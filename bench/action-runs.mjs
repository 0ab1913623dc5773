#!/usr/bin/env node
/**
 * Bench: what the bundled action (`dist/index.cjs`) costs a workflow, run as a runner runs it.
 *
 * - the skip path (an event that is not ours): its cold start as a ratio to `node -e 0`, beside a
 *   script that only imports @actions/core, each in two environments: clean (only the runner's
 *   variables, as `env -i`; the target's) and inherited (this shell's too, NODE_EXTRA_CA_CERTS and all);
 * - a full issue-to-pr run (a trivial agent, the gate `true`) against a tiny loopback GitHub that
 *   answers the six calls a fresh proposal makes: its wall time as a ratio to `node -e 0`, its
 *   REST calls, and its git commands (counted through a `git` shim first on PATH).
 *
 *   node bench/action-runs.mjs                 (needs `npm run bundle` first)
 *   BENCH_RUNS=31 node bench/action-runs.mjs   (more skip-path samples)
 *
 * Exit code: 0 within the targets (skip path ≤ 1.5× in the clean environment, git commands ≤ 12, REST calls ≤ 6), 1 over
 * one, 2 when it could not measure. Plain ESM JavaScript: it measures the shipped bundle.
 */
import { execFileSync } from 'node:child_process'
import http from 'node:http'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { missingPrerequisite, run, TIME } from './lib/processes.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DIST = path.join(ROOT, 'dist', 'index.cjs')
const SKIP_RUNS = Number(process.env.BENCH_RUNS ?? 15)
const FULL_RUNS = Number(process.env.BENCH_FULL_RUNS ?? 3)
// REST calls: as the e2e FRESH_PROPOSAL_BUDGET (permission, branch rules, the comment, its listing, the PR, the outcome).
const TARGETS = { skipRatio: 1.5, gitCommands: 12, restCalls: 6, peakRssMb: 250 }
const AGENT_OUTPUT_BYTES = Number(process.env.BENCH_AGENT_BYTES ?? 600 * 1024 ** 2)
const OWNER = 'octo-org'
const REPO = 'octo-repo'
const TOKEN = 'ghs_bench_token'

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function git(cwd, ...args) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'bench',
      GIT_AUTHOR_EMAIL: 'bench@example.invalid',
      GIT_COMMITTER_NAME: 'bench',
      GIT_COMMITTER_EMAIL: 'bench@example.invalid'
    }
  })
}

/** The routes of a fresh proposal, answered with just the fields the action reads. */
async function startFakeGitHub() {
  const requests = []
  const server = http.createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8').on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const route = `${req.method} ${url.pathname}`
      requests.push({ route, at: process.hrtime.bigint() })
      const base = `/repos/${OWNER}/${REPO}`
      const web = `http://127.0.0.1:${server.address().port}/${OWNER}/${REPO}`
      const bot = { login: 'github-actions[bot]', type: 'Bot' }
      const sent = body ? JSON.parse(body) : {}
      const reply = (status, data) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
        res.end(JSON.stringify(data))
      }
      let m
      if ((m = new RegExp(`^GET ${base}/collaborators/([^/]+)/permission$`).exec(route))) {
        return reply(200, { permission: 'write', role_name: 'write', user: { login: decodeURIComponent(m[1]), type: 'User' } })
      }
      if (new RegExp(`^GET ${base}/issues/\\d+/comments$`).test(route)) return reply(200, [])
      if ((m = new RegExp(`^POST ${base}/issues/(\\d+)/comments$`).exec(route))) {
        return reply(201, { id: 1, body: sent.body, html_url: `${web}/issues/${m[1]}#issuecomment-1`, user: bot })
      }
      if (new RegExp(`^PATCH ${base}/issues/comments/\\d+$`).test(route)) {
        return reply(200, { id: 1, body: sent.body, html_url: `${web}/issues/7#issuecomment-1`, user: bot })
      }
      if (route === `POST ${base}/pulls`) return reply(201, { number: 8, html_url: `${web}/pull/8`, draft: true })
      reply(404, { message: 'Not Found' })
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${server.address().port}`, requests, close: () => new Promise((resolve) => server.close(resolve)) }
}

/** The inputs as the runner passes them: action.yml's defaults, then the step's `with:`. */
async function inputEnv(values) {
  const metadata = parseYaml(await readFile(path.join(ROOT, 'action.yml'), 'utf8'))
  const env = {}
  for (const [name, spec] of Object.entries(metadata.inputs ?? {})) {
    const value = name in values ? values[name] : String(spec?.default ?? '')
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value.replace('${{ github.token }}', TOKEN)
  }
  return env
}

/** A runner's environment for one step: the event in a file, file commands, `GITHUB_*`, `INPUT_*`. */
async function runnerEnv(dir, { eventName, event, apiUrl, workspace, inputs, pathPrefix }) {
  const runnerTemp = path.join(dir, 'runner-temp')
  const home = path.join(dir, 'home')
  await Promise.all([mkdir(runnerTemp, { recursive: true }), mkdir(home, { recursive: true })])
  const eventPath = path.join(dir, 'event.json')
  await writeFile(eventPath, JSON.stringify(event))
  const files = { GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary') }
  await Promise.all(Object.values(files).map((f) => writeFile(f, '')))
  return {
    PATH: pathPrefix ? `${pathPrefix}:${process.env.PATH}` : process.env.PATH,
    HOME: home,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_ID: '123456789',
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: apiUrl,
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTOR: 'alice',
    GITHUB_RUN_ID: '1',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_REF: 'refs/heads/main',
    RUNNER_TEMP: runnerTemp,
    RUNNER_OS: 'Linux',
    ...files,
    ...(await inputEnv(inputs))
  }
}

const repository = {
  id: 123456789,
  name: REPO,
  full_name: `${OWNER}/${REPO}`,
  default_branch: 'main',
  owner: { login: OWNER, type: 'Organization' }
}
const alice = { login: 'alice', type: 'User' }

async function skipPath(work) {
  const env = await runnerEnv(path.join(work, 'skip'), {
    eventName: 'watch',
    event: { action: 'started', repository, sender: alice },
    apiUrl: 'http://127.0.0.1:9', // nothing listens: a request would fail loudly
    workspace: work,
    inputs: { 'agent-command': 'true', gate: 'true' }
  })
  const probe = await run(process.execPath, [DIST], { cwd: work, env, keepStdout: true })
  const output = await readFile(env.GITHUB_OUTPUT, 'utf8')
  if (probe.code !== 0 || !/^result=skipped$/m.test(output))
    throw new Error(`the skip path did not skip (exit ${probe.code}):\n${probe.stdout}\n${probe.stderr}`)

  // Two environments. clean: only what the runner sets (as `env -i` with the runner's variables),
  // the figure the target holds. inherited: this shell's environment too, where variables such as
  // NODE_EXTRA_CA_CERTS (which makes node read a CA file at start-up, tripling `node -e 0` here)
  // inflate the baseline and hide the action's own cost. Every command of a sample runs in both,
  // interleaved, so load on the machine hits them alike.
  const envs = { clean: env, inherited: { ...process.env, ...env } }
  const times = { clean: { node: [], core: [], skip: [] }, inherited: { node: [], core: [], skip: [] } }
  for (let i = 0; i < SKIP_RUNS; i++) {
    for (const [name, e] of Object.entries(envs)) {
      times[name].node.push((await run(process.execPath, ['-e', '0'], { cwd: work, env: e })).seconds)
      times[name].core.push(
        (await run(process.execPath, ['--input-type=module', '-e', "import '@actions/core'"], { cwd: ROOT, env: e })).seconds
      )
      // stdout a pipe, as the runner reads it
      times[name].skip.push((await run(process.execPath, [DIST], { cwd: work, env: e, keepStdout: true })).seconds)
    }
  }
  const medians = (t) => ({ node: median(t.node), core: median(t.core), skip: median(t.skip) })
  return { clean: medians(times.clean), inherited: medians(times.inherited), extraCaCerts: Boolean(process.env.NODE_EXTRA_CA_CERTS) }
}

/** A bare origin and a shallow clone of it, as actions/checkout leaves one (token persisted). */
async function checkout(dir) {
  const seed = path.join(dir, 'seed')
  const origin = path.join(dir, 'origin.git')
  const workspace = path.join(dir, 'workspace')
  await mkdir(seed, { recursive: true })
  git(seed, 'init', '-q', '--initial-branch=main')
  await writeFile(path.join(seed, 'README.md'), '# bench\n')
  git(seed, 'add', 'README.md')
  git(seed, 'commit', '-q', '-m', 'init')
  git(dir, 'clone', '-q', '--bare', seed, origin)
  git(dir, 'clone', '-q', '--depth=1', `file://${origin}`, workspace)
  git(
    workspace,
    'config',
    '--local',
    'http.https://github.com/.extraheader',
    `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`
  )
  return { origin, workspace }
}

async function fullRun(work, index, fake, { agentCommand, gate = 'true', inputs = {}, timed = false, expect = 'proposed' } = {}) {
  const dir = path.join(work, `full-${index}`)
  const { origin, workspace } = await checkout(dir)
  // The git shim: logs each invocation, then runs the real git.
  const shim = path.join(dir, 'shim')
  const gitLog = path.join(dir, 'git-commands.txt')
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()
  await mkdir(shim)
  await writeFile(path.join(shim, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${gitLog}'\nexec '${realGit}' "$@"\n`)
  await chmod(path.join(shim, 'git'), 0o755)
  await writeFile(gitLog, '')

  // A fresh issue: the payload counts no comment, so no progress comment of ours can exist yet.
  const issue = {
    number: 7,
    title: 'Add x.txt',
    body: 'x.txt should hold 1.',
    state: 'open',
    labels: [{ name: 'agent' }],
    comments: 0,
    user: alice,
    html_url: ''
  }
  const env = await runnerEnv(dir, {
    eventName: 'issues',
    event: { action: 'labeled', label: { name: 'agent' }, issue, repository, sender: alice },
    apiUrl: fake.url,
    workspace,
    inputs: { 'agent-command': agentCommand ?? `${process.execPath} -e "require('fs').writeFileSync('x.txt','1')"`, gate, ...inputs },
    pathPrefix: shim
  })
  const before = fake.requests.length
  const started = process.hrtime.bigint()
  // timed: under GNU time for the peak RSS, stdout a pipe drained as the runner drains the log.
  const rssFile = path.join(dir, 'rss')
  const result = timed
    ? await run(TIME, ['-f', '%M', '-o', rssFile, process.execPath, DIST], { cwd: workspace, env, drainStdout: true })
    : await run(process.execPath, [DIST], { cwd: workspace, env, keepStdout: true })
  const output = await readFile(env.GITHUB_OUTPUT, 'utf8')
  const peakMb = timed ? Number((await readFile(rssFile, 'utf8')).trim().split('\n').pop()) / 1024 : undefined
  const attempts = Number(/attempts<<(\S+)\n(\d+)\n/.exec(output)?.[2] ?? NaN)
  const reason = /reason<<(\S+)\n([^\n]*)\n/.exec(output)?.[2] ?? ''
  if (expect !== 'proposed') {
    if (!new RegExp(`\n${expect}\n`).test(output))
      throw new Error(`the run did not end ${expect} (exit ${result.code}):\n${result.stdout}\n${result.stderr}`)
    return { seconds: result.seconds, attempts, reason, peakMb }
  }
  const pushed = result.code === 0 && /\nproposed\n/.test(output) ? git(origin, 'ls-tree', '--name-only', 'agent/issue-7') : ''
  if (!pushed.includes('x.txt')) {
    throw new Error(`the full run did not propose (exit ${result.code}):\n${result.stdout}\n${result.stderr}`)
  }
  const commands = (await readFile(gitLog, 'utf8')).split('\n').filter(Boolean)
  // When each call arrived, from the start: the throttling plugin spaces writes about a second apart.
  const rest = fake.requests.slice(before).map((r) => ({ route: r.route, ms: Number(r.at - started) / 1e6 }))
  return { seconds: result.seconds, rest, commands, attempts, peakMb }
}

async function main() {
  const missing = await missingPrerequisite({ bundle: DIST, needsTime: true })
  if (missing !== undefined) return missing
  const work = await mkdtemp(path.join(os.tmpdir(), 'action-runs-bench-'))
  const fake = await startFakeGitHub()
  try {
    const skip = await skipPath(work)
    const full = []
    for (let i = 0; i < FULL_RUNS; i++) full.push(await fullRun(work, i, fake))
    // A stuck agent (a new wrong value each time, the same check failing) with retry-cap 5.
    const stuck = await fullRun(work, 'stuck', fake, {
      agentCommand: `${process.execPath} -e "require('fs').writeFileSync('x.txt', String(Math.random()))"`,
      gate: `${process.execPath} -e "console.log('expected x.txt to hold 1, got ' + require('fs').readFileSync('x.txt', 'utf8')); process.exit(1)"`,
      inputs: { 'retry-cap': '5' },
      expect: 'gave-up'
    })
    // An agent printing 600 MB (then its change), its stdout a pipe drained like the runner's log.
    const loud = await fullRun(work, 'loud', fake, {
      agentCommand: `sh -c "head -c ${AGENT_OUTPUT_BYTES} /dev/zero | tr '\\0' x; echo 1 > x.txt"`,
      timed: true
    })
    const nodeForFull = median(await Promise.all([0, 1, 2].map(() => run(process.execPath, ['-e', '0']).then((r) => r.seconds))))
    const last = full[full.length - 1]
    const fullSeconds = median(full.map((f) => f.seconds))
    const node = Math.min(skip.inherited.node, nodeForFull)

    const ms = (s) => `${(s * 1000).toFixed(0)} ms`
    const rows = [
      ...['clean', 'inherited'].flatMap((name) => {
        const e = skip[name]
        const what =
          name === 'clean'
            ? 'clean env (the runner variables only)'
            : `inherited env (${skip.extraCaCerts ? 'with NODE_EXTRA_CA_CERTS' : 'this shell'})`
        return [
          [`${what}: node -e 0 (median)`, ms(e.node)],
          [`  import @actions/core only`, `${ms(e.core)} (${(e.core / e.node).toFixed(2)}x)`],
          [
            `  skip path (watch event)`,
            `${ms(e.skip)} (${(e.skip / e.node).toFixed(2)}x${name === 'clean' ? `, target ≤ ${TARGETS.skipRatio.toFixed(1)}x` : ''})`
          ]
        ]
      }),
      ['full issue-to-pr run (median)', `${ms(fullSeconds)} (${(fullSeconds / node).toFixed(1)}x node -e 0)`],
      [
        '  REST calls',
        `${last.rest.length} (target ≤ ${TARGETS.restCalls}), at ${last.rest.map((r) => `+${r.ms.toFixed(0)} ms ${r.route.replace(`/repos/${OWNER}/${REPO}`, '')}`).join(', ')}`
      ],
      ['  git commands', `${last.commands.length} (target ≤ ${TARGETS.gitCommands})`],
      ['stuck agent, retry-cap 5', `${stuck.attempts} agent runs, ${5 - stuck.attempts} saved (${stuck.reason.slice(0, 60)}...)`],
      [
        `agent printing ${(AGENT_OUTPUT_BYTES / 1024 ** 2).toFixed(0)} MiB`,
        `peak RSS ${loud.peakMb.toFixed(0)} MB (target ≤ ${TARGETS.peakRssMb} MB), ${loud.seconds.toFixed(1)} s`
      ]
    ]
    const comment = last.rest.find((r) => r.route.startsWith('POST') && r.route.endsWith('/comments'))
    const pull = last.rest.find((r) => r.route.endsWith('/pulls'))
    if (comment && pull) {
      // @octokit/plugin-throttling spaces writes that notify people (comments, PRs) 3 s apart; with a
      // real agent taking minutes between the two, that wait never shows.
      rows.push([
        '  progress comment → PR',
        `${(pull.ms - comment.ms).toFixed(0)} ms (the throttling plugin keeps notifying writes ≥ 3 s apart)`
      ])
    }
    const width = Math.max(...rows.map(([name]) => name.length))
    console.log(`action runs bench: dist/index.cjs as a runner runs it (${SKIP_RUNS} skip samples, ${FULL_RUNS} full runs)`)
    for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`)
    console.log('  git commands of the last full run:')
    for (const full of last.commands) {
      // Without the per-command `-c key=value` settings, so the subcommands line up.
      const command = full.replace(/^(-c \S+ )+/, '')
      console.log(`    git ${command.length > 110 ? command.slice(0, 107) + '...' : command}`)
    }

    const misses = []
    const cleanRatio = skip.clean.skip / skip.clean.node
    if (cleanRatio > TARGETS.skipRatio) misses.push(`skip path ${cleanRatio.toFixed(2)}x > ${TARGETS.skipRatio}x (clean env)`)
    if (last.commands.length > TARGETS.gitCommands) misses.push(`${last.commands.length} git commands > ${TARGETS.gitCommands}`)
    if (loud.peakMb > TARGETS.peakRssMb) misses.push(`peak RSS ${loud.peakMb.toFixed(0)} MB > ${TARGETS.peakRssMb} MB`)
    if (!(stuck.attempts < 5)) misses.push(`the stuck agent ran ${stuck.attempts} times`)
    if (last.rest.length > TARGETS.restCalls) misses.push(`${last.rest.length} REST calls > ${TARGETS.restCalls}`)
    console.log(misses.length === 0 ? 'PASS: within every target' : `OVER: ${misses.join('; ')}`)
    return misses.length === 0 ? 0 : 1
  } finally {
    await fake.close()
    await rm(work, { recursive: true, force: true })
  }
}

try {
  process.exitCode = await main()
} catch (error) {
  console.error(`bench: could not measure: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 2
}
