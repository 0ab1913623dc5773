#!/usr/bin/env node
/**
 * Bench: a gate step printing 1 GiB, run through the bundled CLI (`dist/cli/index.js`), must keep
 * the CLI's peak RSS under 150 MB and cost little more than the bare shell line.
 *
 *   node bench/gate-output.mjs            (needs `npm run bundle` first)
 *   BENCH_BYTES=104857600 node bench/gate-output.mjs   (a quicker 100 MiB run)
 *
 * Exit code: 0 within the memory budget, 1 over it, 2 when it could not measure.
 * Plain ESM JavaScript on purpose: it measures the shipped bundle, never the TypeScript sources.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { missingPrerequisite, run, TIME } from './lib/processes.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js')
const BYTES = Number(process.env.BENCH_BYTES ?? 1024 ** 3)
const RSS_BUDGET_MB = 150

async function git(cwd, ...args) {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'bench',
    GIT_AUTHOR_EMAIL: 'bench@example.invalid',
    GIT_COMMITTER_NAME: 'bench',
    GIT_COMMITTER_EMAIL: 'bench@example.invalid'
  }
  const result = await run('git', args, { cwd, env })
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`)
}

async function main() {
  const missing = await missingPrerequisite({ bundle: CLI, needsTime: true })
  if (missing !== undefined) return missing

  const work = await mkdtemp(path.join(os.tmpdir(), 'gate-output-bench-'))
  try {
    const repo = path.join(work, 'repo')
    await mkdir(repo)
    await git(repo, 'init', '-q')
    await writeFile(path.join(repo, 'README.md'), '# bench\n')
    await git(repo, 'add', 'README.md')
    await git(repo, 'commit', '-q', '-m', 'init')

    // Each gate run leaves a mark outside the repository, so the ratio can be given per gate run.
    const marks = path.join(work, 'gate-runs')
    const produce = `head -c ${BYTES} /dev/zero | tr '\\0' x`
    const gateLine = `echo run >> ${marks}; ${produce}; exit 1`
    const rssFile = path.join(work, 'rss')

    const product = await run(
      TIME,
      ['-f', '%M', '-o', rssFile, process.execPath, CLI, 'self-heal', '--gate', gateLine, '--retry-cap', '1'],
      {
        cwd: repo,
        env: { ...process.env, AGENT_CMD: 'true' }
      }
    )
    const rssText = (await readFile(rssFile, 'utf8').catch(() => '')).trim().split('\n').pop() ?? ''
    const peakKb = Number(rssText)
    const gateRuns = (await readFile(marks, 'utf8').catch(() => '')).split('\n').filter(Boolean).length
    if (!Number.isFinite(peakKb) || peakKb <= 0 || gateRuns === 0) {
      console.error(`bench: the CLI did not run the gate (exit ${product.code}). Its stderr ends with:\n${product.stderr}`)
      return 2
    }

    const baseline = await run('bash', ['-c', `${produce} > /dev/null`])
    const nodeStart = await run(process.execPath, ['-e', '0'])

    const peakMb = peakKb / 1024
    const perRun = product.seconds / gateRuns
    const rows = [
      ['output per gate run', `${(BYTES / 1024 ** 2).toFixed(0)} MiB`],
      ['gate runs (CLI exit code)', `${gateRuns} (${product.code})`],
      ['peak RSS of the CLI', `${peakMb.toFixed(1)} MB (budget ${RSS_BUDGET_MB} MB)`],
      ['CLI wall', `${product.seconds.toFixed(2)} s`],
      ['baseline wall (> /dev/null)', `${baseline.seconds.toFixed(2)} s`],
      ['ratio per gate run', `${(perRun / baseline.seconds).toFixed(2)}x`],
      ['node -e 0', `${nodeStart.seconds.toFixed(2)} s`]
    ]
    const width = Math.max(...rows.map(([name]) => name.length))
    console.log('gate output bench: a step printing through dist/cli/index.js self-heal')
    for (const [name, value] of rows) console.log(`  ${name.padEnd(width)}  ${value}`)
    const within = peakMb <= RSS_BUDGET_MB
    console.log(within ? `PASS: peak RSS within ${RSS_BUDGET_MB} MB` : `FAIL: peak RSS ${peakMb.toFixed(1)} MB is over ${RSS_BUDGET_MB} MB`)
    return within ? 0 : 1
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

process.exitCode = await main()
