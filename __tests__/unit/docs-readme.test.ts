/**
 * The README as a new user meets it: its two commands exist, its generated tables and workflows are
 * current (and the check that CI runs does turn red on a stale one), its links lead somewhere, and
 * the ruleset it tells people to create is a request GitHub's API description accepts.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { loadGitHubSpec } from '../harness/openapi-spec.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SCRIPT = path.join(ROOT, 'scripts', 'readme-tables.mjs')
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8')

interface Run {
  code: number
  stdout: string
  stderr: string
}

function runTables(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { cwd: ROOT }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    })
  })
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'docs-readme-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

test('the first screen gives the two commands, and both exist', () => {
  const firstScreen = README.slice(0, README.indexOf('\n## '))
  const commands = /```sh\n([\s\S]*?)```/.exec(firstScreen)?.[1] ?? ''
  expect(commands).toMatch(/^npm ci && npm run demo\s+#/m)
  expect(commands).toMatch(/^npm test\s+#/m)
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
  expect(scripts).toHaveProperty('demo')
  expect(scripts).toHaveProperty('test')
  expect(scripts).toHaveProperty('readme-tables')
  expect(scripts['local-action']).toMatch(/^npx --yes @github\/local-action@\d+\.\d+\.\d+ run \. \S+$/)
})

test('the generated sections are current (what CI checks)', async () => {
  const run = await runTables(['--check'])
  expect(run.stderr).not.toMatch(/stale/)
  expect(run.code).toBe(0)
  expect(run.stdout).toMatch(/\d+ generated sections are current/)
})

test('every input and output of action.yml is in its table, with its default', () => {
  const action = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
    outputs: Record<string, unknown>
  }
  const section = (name: string): string =>
    new RegExp(`<!-- generated:${name} -->\\n([\\s\\S]*?)<!-- /generated -->`).exec(README)?.[1] ?? ''
  for (const [name, input] of Object.entries(action.inputs)) {
    const fallback = input.default ? `\`${input.default}\`` : ''
    expect(section('inputs')).toContain(`| \`${name}\` | ${fallback} |`)
  }
  for (const name of Object.keys(action.outputs)) expect(section('outputs')).toContain(`| \`${name}\` |`)
})

test('a stale inputs table or example turns the check red, naming the section; a rewrite fixes it', async () => {
  const stale = README.replace(/^\| `retry-cap` .*\n/m, '').replace('timeout-minutes: 100\n', 'timeout-minutes: 5\n')
  expect(stale).not.toBe(README)
  const file = path.join(dir, 'README.md')
  await writeFile(file, stale)

  const check = await runTables(['--check', '--readme', file])
  expect(check.code).toBe(1)
  expect(check.stderr).toMatch(/stale in: .*inputs/)
  expect(check.stderr).toMatch(/example examples\/issue-to-pr\.yml/)
  expect(check.stderr).toMatch(/npm run readme-tables/)
  expect(await readFile(file, 'utf8')).toBe(stale)

  const rewrite = await runTables(['--readme', file])
  expect(rewrite.code).toBe(0)
  expect(await readFile(file, 'utf8')).toBe(README)
})

test('relative links point at files that exist, and in-page links at headings', () => {
  const withoutCode = README.replace(/```[\s\S]*?```/g, '')
  const targets = [...withoutCode.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^https?:/.test(t))
  expect(targets.length).toBeGreaterThan(5)
  const slugs = new Set(
    [...README.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-')
    )
  )
  for (const target of targets) {
    if (target.startsWith('#')) expect({ target, found: slugs.has(target.slice(1)) }).toEqual({ target, found: true })
    else expect({ target, found: existsSync(path.join(ROOT, target)) }).toEqual({ target, found: true })
  }
})

test("the ruleset recipe is a request GitHub's API description accepts, with the rules the README promises", () => {
  const recipe = /--input - <<'JSON'\n([\s\S]*?)\nJSON/.exec(README)?.[1]
  expect(recipe).toBeDefined()
  const body = JSON.parse(recipe ?? '') as { rules: Array<{ type: string; parameters?: Record<string, unknown> }> }

  const spec = loadGitHubSpec()
  const match = spec.match('POST', '/repos/octo-org/octo-repo/rulesets')
  expect(match?.operation.operationId).toBe('repos/create-repo-ruleset')
  expect(spec.checkRequest(match!, {}, body)).toMatchObject({ kind: 'valid' })
  // The same check refuses a malformed ruleset, so "valid" above means something.
  expect(spec.checkRequest(match!, {}, { ...body, enforcement: 'always' })).toMatchObject({ kind: 'invalid' })

  expect(body.rules.map((rule) => rule.type).sort()).toEqual(['deletion', 'non_fast_forward', 'pull_request'])
  expect(body.rules.find((rule) => rule.type === 'pull_request')?.parameters).toMatchObject({
    required_approving_review_count: 1,
    dismiss_stale_reviews_on_push: true,
    require_last_push_approval: true
  })
})
