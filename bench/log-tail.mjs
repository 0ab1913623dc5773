#!/usr/bin/env node
/**
 * Bench: self-heal reads the end of a 500 MB CI job log. The bundled action (`dist/index.cjs`) is
 * run as a runner runs it, on a failed `workflow_run`, against a tiny loopback GitHub that answers
 * the calls self-heal makes and serves the job log the way GitHub does: a 302 to another origin
 * (its blob storage) that streams the log. The log is generated on the fly, so the bench itself
 * holds none of it. Reported: the action's peak RSS (GNU time's %M), its wall time, the log
 * throughput, and a check that the failure at the very end of the log reached the agent's
 * evidence file. The gate is `true`, so the run ends `not-reproduced` right after the evidence.
 *
 *   node bench/log-tail.mjs                         (needs `npm run bundle` first)
 *   BENCH_LOG_BYTES=52428800 node bench/log-tail.mjs  (a quicker 50 MiB run)
 *
 * Exit code: 0 within the memory budget, 1 over it (or the failure missing from the evidence),
 * 2 when it could not measure. Plain ESM JavaScript on purpose: it measures the shipped bundle.
 */
import { execFileSync } from 'node:child_process'
import http from 'node:http'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { missingPrerequisite, run, TIME } from './lib/processes.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const DIST = path.join(ROOT, 'dist', 'index.cjs')
const LOG_BYTES = Number(process.env.BENCH_LOG_BYTES ?? 500 * 1024 ** 2)
const RSS_BUDGET_MB = 150
const OWNER = 'octo-org'
const REPO = 'octo-repo'
const REPO_ID = 123456789
const TOKEN = 'ghs_bench_token'
const RUN_ID = 555
const JOB_ID = 5551
const FAILURE = 'AssertionError: expected 5, got -1 (BENCH-END-OF-LOG-MARKER)'

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

/**
 * Writes `total` bytes of a runner-style log (a timestamp on each line) to `res`, honouring
 * back-pressure, then the failure. One 64 KiB block is reused, so the server's memory stays flat.
 */
async function streamLog(res, total) {
  const line = '2024-05-01T12:00:00.1234567Z ok - a passing check with some output to make the line longer\n'
  const block = Buffer.from(line.repeat(Math.ceil(65536 / line.length)))
  const end = Buffer.from(
    `2024-05-01T12:00:01.0000000Z not ok 1 - add\n2024-05-01T12:00:01.0000000Z   ${FAILURE}\n2024-05-01T12:00:01.1000000Z ##[error]Process completed with exit code 1.\n`
  )
  let sent = 0
  const body = Math.max(0, total - end.length)
  while (sent < body) {
    const chunk = body - sent >= block.length ? block : block.subarray(0, body - sent)
    sent += chunk.length
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve))
    if (res.destroyed) return sent
  }
  res.end(end)
  return sent + end.length
}

/** The calls self-heal makes on a failed run, answered with the fields it reads; logs from a second origin. */
async function startFakeGitHub() {
  const stats = { requests: [], logBytesServed: 0, tokenSentToBlob: false }
  const blob = http.createServer((req, res) => {
    stats.requests.push(`${req.method} blob ${req.url}`)
    if (String(req.headers.authorization ?? '').includes(TOKEN)) stats.tokenSentToBlob = true
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
    streamLog(res, LOG_BYTES).then((bytes) => (stats.logBytesServed = bytes))
  })
  await new Promise((resolve) => blob.listen(0, '127.0.0.1', resolve))
  const blobUrl = `http://127.0.0.1:${blob.address().port}`

  const api = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const route = `${req.method} ${url.pathname}`
    stats.requests.push(route)
    const base = `/repos/${OWNER}/${REPO}`
    const reply = (status, data, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
      res.end(data === undefined ? undefined : JSON.stringify(data))
    }
    let m
    if ((m = new RegExp(`^GET ${base}/collaborators/([^/]+)/permission$`).exec(route))) {
      return reply(200, { permission: 'write', role_name: 'write', user: { login: decodeURIComponent(m[1]), type: 'User' } })
    }
    if (route === `GET ${base}/actions/runs/${RUN_ID}/jobs`) {
      const steps = [
        { number: 1, name: 'Set up job', status: 'completed', conclusion: 'success' },
        { number: 2, name: 'Run tests', status: 'completed', conclusion: 'failure' }
      ]
      return reply(200, {
        total_count: 1,
        jobs: [{ id: JOB_ID, name: 'test', status: 'completed', conclusion: 'failure', html_url: null, steps }]
      })
    }
    if (route === `GET ${base}/pulls`) return reply(200, [])
    if (route === `GET ${base}/actions/jobs/${JOB_ID}/logs`)
      return reply(302, undefined, { location: `${blobUrl}/logs/${JOB_ID}?sig=bench` })
    reply(404, { message: 'Not Found' })
  })
  await new Promise((resolve) => api.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${api.address().port}`,
    stats,
    close: () => Promise.all([api, blob].map((server) => new Promise((resolve) => server.close(resolve))))
  }
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

async function main() {
  const missing = await missingPrerequisite({ bundle: DIST, needsTime: true })
  if (missing !== undefined) return missing

  const work = await mkdtemp(path.join(os.tmpdir(), 'log-tail-bench-'))
  const fake = await startFakeGitHub()
  try {
    // A checkout at the failing commit, with a bare origin.
    const seed = path.join(work, 'seed')
    const origin = path.join(work, 'origin.git')
    const workspace = path.join(work, 'workspace')
    const runnerTemp = path.join(work, 'runner-temp')
    const home = path.join(work, 'home')
    await Promise.all([seed, runnerTemp, home].map((dir) => mkdir(dir, { recursive: true })))
    git(seed, 'init', '-q', '--initial-branch=main')
    await writeFile(path.join(seed, 'README.md'), '# bench\n')
    git(seed, 'add', 'README.md')
    git(seed, 'commit', '-q', '-m', 'init')
    git(work, 'clone', '-q', '--bare', seed, origin)
    git(work, 'clone', '-q', '--depth=1', `file://${origin}`, workspace)
    const sha = git(workspace, 'rev-parse', 'HEAD').trim()

    const repository = {
      id: REPO_ID,
      name: REPO,
      full_name: `${OWNER}/${REPO}`,
      default_branch: 'main',
      owner: { login: OWNER, type: 'Organization' }
    }
    const actor = { login: 'alice', type: 'User' }
    const event = {
      action: 'completed',
      workflow_run: {
        id: RUN_ID,
        name: 'CI',
        html_url: `${fake.url}/${OWNER}/${REPO}/actions/runs/${RUN_ID}`,
        status: 'completed',
        conclusion: 'failure',
        head_branch: 'main',
        head_sha: sha,
        run_attempt: 1,
        repository,
        head_repository: repository,
        actor,
        triggering_actor: actor
      },
      repository,
      sender: actor
    }
    const eventPath = path.join(work, 'event.json')
    await writeFile(eventPath, JSON.stringify(event))
    const files = { GITHUB_OUTPUT: path.join(work, 'output'), GITHUB_STEP_SUMMARY: path.join(work, 'summary') }
    await Promise.all(Object.values(files).map((file) => writeFile(file, '')))
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      LANG: 'C.UTF-8',
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_REPOSITORY_ID: String(REPO_ID),
      GITHUB_API_URL: fake.url,
      GITHUB_SERVER_URL: fake.url,
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTOR: 'alice',
      GITHUB_RUN_ID: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_REF: 'refs/heads/main',
      RUNNER_TEMP: runnerTemp,
      RUNNER_OS: 'Linux',
      ...files,
      ...(await inputEnv({ 'agent-command': 'true', gate: 'true' }))
    }

    const rssFile = path.join(work, 'rss')
    const action = await run(TIME, ['-f', '%M', '-o', rssFile, process.execPath, DIST], { cwd: workspace, env })
    const peakKb = Number((await readFile(rssFile, 'utf8').catch(() => '')).trim().split('\n').pop())
    const output = await readFile(files.GITHUB_OUTPUT, 'utf8')
    const result = /^result<<(\S+)\n([\s\S]*?)\n\1$/m.exec(output)?.[2] ?? /^result=(.*)$/m.exec(output)?.[1]
    const runDir = (await readdir(runnerTemp)).find((name) => name.startsWith('gated-agent-'))
    const evidenceFile = runDir ? path.join(runnerTemp, runDir, `ci-evidence-run-${RUN_ID}.md`) : undefined
    const evidence = evidenceFile ? await readFile(evidenceFile, 'utf8').catch(() => '') : ''
    if (!Number.isFinite(peakKb) || peakKb <= 0 || fake.stats.logBytesServed === 0) {
      console.error(
        `bench: the action did not read the log (exit ${action.code}, result ${result}). Its stderr ends with:\n${action.stderr}`
      )
      return 2
    }

    const peakMb = peakKb / 1024
    const served = fake.stats.logBytesServed
    const nodeStart = await run(process.execPath, ['-e', '0'])
    const rows = [
      ['job log', `${(served / 1024 ** 2).toFixed(0)} MiB (${served} bytes) served`],
      ['action result (exit code)', `${result} (${action.code})`],
      ['peak RSS of the action', `${peakMb.toFixed(1)} MB (budget ${RSS_BUDGET_MB} MB)`],
      ['action wall', `${action.seconds.toFixed(2)} s`],
      ['log throughput', `${(served / 1024 ** 2 / action.seconds).toFixed(0)} MiB/s (whole run)`],
      ['node -e 0', `${nodeStart.seconds.toFixed(2)} s`],
      ['token sent to the log host', fake.stats.tokenSentToBlob ? 'YES' : 'no'],
      ['failure at the end reached the evidence', evidence.includes(FAILURE) ? 'yes' : 'NO']
    ]
    const width = Math.max(...rows.map(([name]) => name.length))
    console.log('log tail bench: self-heal reading a CI job log through dist/index.cjs')
    for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`)

    const problems = []
    if (peakMb > RSS_BUDGET_MB) problems.push(`peak RSS ${peakMb.toFixed(1)} MB is over ${RSS_BUDGET_MB} MB`)
    if (!evidence.includes(FAILURE)) problems.push('the failure at the end of the log is missing from the evidence file')
    if (fake.stats.tokenSentToBlob) problems.push('the token was sent to the log storage host')
    if (result !== 'not-reproduced') problems.push(`the run ended '${result}', not 'not-reproduced'`)
    console.log(
      problems.length === 0 ? `PASS: peak RSS within ${RSS_BUDGET_MB} MB, the failure in the evidence` : `FAIL: ${problems.join('; ')}`
    )
    return problems.length === 0 ? 0 : 1
  } finally {
    await fake.close()
    await rm(work, { recursive: true, force: true })
  }
}

process.exitCode = await main()
