#!/usr/bin/env node
/**
 * Runs every bench in this directory (each `bench/*.mjs` but this one), one after another so
 * they do not skew each other's timings, and ends with a line per bench and its verdict.
 *
 *   npm run bench          (bundles first)
 *   node bench/run.mjs log-tail gate-output   (only the named benches)
 *
 * Exit code: 0 when every bench passed, else the worst bench's code (1 over a budget, 2 could not
 * measure). Each bench's own exit code convention is the same.
 */
import { spawn } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const SELF = path.basename(fileURLToPath(import.meta.url))

function runBench(file) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint()
    const child = spawn(process.execPath, [path.join(HERE, file)], { stdio: 'inherit' })
    child.on('error', () => resolve({ code: 2, seconds: 0 }))
    child.on('close', (code) => resolve({ code: code ?? 2, seconds: Number(process.hrtime.bigint() - started) / 1e9 }))
  })
}

const wanted = process.argv.slice(2).map((name) => name.replace(/\.mjs$/, ''))
const benches = (await readdir(HERE))
  .filter((file) => file.endsWith('.mjs') && file !== SELF)
  .filter((file) => wanted.length === 0 || wanted.includes(file.replace(/\.mjs$/, '')))
  .sort()
if (benches.length === 0) {
  console.error(`bench: no bench matches ${wanted.join(', ') || '(any)'} in ${HERE}`)
  process.exit(2)
}

const results = []
for (const file of benches) {
  console.log(`\n=== ${file}`)
  results.push({ file, ...(await runBench(file)) })
}
const verdict = { 0: 'pass', 1: 'over budget', 2: 'could not measure' }
console.log('\n=== benches')
for (const { file, code, seconds } of results)
  console.log(`  ${file.padEnd(20)} ${(verdict[code] ?? `exit ${code}`).padEnd(18)} ${seconds.toFixed(1)} s`)
process.exitCode = Math.max(...results.map((r) => r.code))
