#!/usr/bin/env node
// The offline demo: the seed's four scenarios, run by the bundled CLI in a fresh temporary git
// repository. Deterministic, no network, no agent needed (--simulate).
import { spawn } from 'node:child_process'
import { mkdtemp, writeFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const cli = path.join(root, 'dist', 'cli', 'index.js')
const verbose = process.argv.includes('--verbose')

function run(cmd, args, cwd, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, out }))
  })
}

const tmp = await mkdtemp(path.join(os.tmpdir(), 'gated-agent-demo-'))
const repo = path.join(tmp, 'repo')
const git = (...args) => run('git', args, repo)
await run('git', ['init', '-q', '-b', 'main', repo], tmp)
await writeFile(path.join(repo, 'README.md'), '# demo project\n')
await git('add', '-A')
await run('git', ['-c', 'user.name=demo', '-c', 'user.email=demo@example.com', 'commit', '-qm', 'initial'], repo)
const issue = path.join(tmp, 'issue-discount.md')
await writeFile(issue, '# Add a discount helper\n\n`discount(price, pct)` takes a percentage off a price.\n')

const scenarios = [
  ['issue-to-pr good', ['issue-to-pr', issue, '--simulate', 'good']],
  ['issue-to-pr bad', ['issue-to-pr', issue, '--simulate', 'bad']],
  ['self-heal bad', ['self-heal', '--simulate', 'bad']],
  ['self-heal stuck', ['self-heal', '--simulate', 'stuck']]
]
const rows = []
const started = Date.now()
for (const [name, args] of scenarios) {
  const { code, out } = await run(process.execPath, [cli, ...args], repo, { AGENT_CMD: '' })
  if (verbose) console.log(out)
  const summary = /result=(\S+) attempts=(\S+) branch=(\S+)/.exec(out)
  if (!summary) {
    console.error(out)
    throw new Error(`scenario '${name}' printed no result line`)
  }
  rows.push([name, summary[1], String(code), summary[2], summary[3]])
}
const head = ['scenario', 'result', 'exit', 'attempts', 'branch']
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')
console.log(line(head))
console.log(widths.map((w) => '-'.repeat(w)).join('  '))
for (const r of rows) console.log(line(r))
const { out: branches } = await git('branch', '--format=%(refname:short)')
const keep = process.argv.includes('--keep')
console.log(`\nbranches: ${branches.trim().split('\n').join(', ')}`)
console.log(`work tree clean after all four: ${(await git('status', '--porcelain')).out.trim() === '' ? 'yes' : 'no'}`)
console.log(`${((Date.now() - started) / 1000).toFixed(1)} s; run with --verbose for each scenario's full log.`)
if (keep) console.log(`The demo repository is kept in ${repo}.`)
else {
  await rm(tmp, { recursive: true, force: true })
  console.log('The demo repository was a temporary one and is removed; run with --keep to look at it afterwards.')
}
