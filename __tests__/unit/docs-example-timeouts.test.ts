/**
 * Each example's job timeout covers its own worst case, by the retry cap's arithmetic (see
 * src/core/supervised-loop.ts): issue-to-pr runs at most retry-cap agent runs and as many gate runs;
 * self-heal adds one gate run first (the reproduction). A gate run is every gate step, each within
 * gate-timeout-minutes. A job that the runner kills before the action's own limits end loses the
 * agent's work without a word; one with a comment stating the arithmetic must match it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const ACTION_REF = 'gated-agent/gated-agent@v1'

interface Step {
  uses?: string
  with?: Record<string, unknown>
}
interface Job {
  'timeout-minutes'?: number
  steps?: Step[]
}

const examples = readdirSync(path.join(ROOT, 'examples')).filter((name) => /\.ya?ml$/.test(name))

/** The action step's limits, by its own inputs (action.yml's defaults otherwise). */
function limits(step: Step): { cap: number; agent: number; gateRun: number } {
  const input = (name: string, fallback: number): number => Number(step.with?.[name] ?? fallback)
  const steps = String(step.with?.gate ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '').length
  return {
    cap: input('retry-cap', 3),
    agent: input('agent-timeout-minutes', 30),
    gateRun: Math.max(1, steps) * input('gate-timeout-minutes', 15)
  }
}

describe.each(examples)('examples/%s', (file) => {
  const text = readFileSync(path.join(ROOT, 'examples', file), 'utf8')
  const workflow = parseYaml(text) as { on: unknown; jobs: Record<string, Job> }
  const selfHeal = JSON.stringify(workflow.on).includes('workflow_run')

  test('every job running the agent has a timeout covering retry-cap x (agent + gate) and its stated arithmetic', () => {
    for (const [name, job] of Object.entries(workflow.jobs)) {
      for (const step of (job.steps ?? []).filter((s) => s.uses === ACTION_REF && s.with?.stage !== 'publish')) {
        const { cap, agent, gateRun } = limits(step)
        const worst = cap * agent + (cap + (selfHeal ? 1 : 0)) * gateRun
        const timeout = job['timeout-minutes'] ?? 360
        expect({ job: name, timeout, coversWorstCase: timeout >= worst, worst }).toMatchObject({ job: name, coversWorstCase: true })
        // Set-up (checkout, npm ci, installing the agent) needs room too, but not hours.
        expect(timeout - worst).toBeLessThanOrEqual(30)
      }
    }
  })

  test('a comment that states the arithmetic states these numbers', () => {
    for (const match of text.matchAll(/=\s*([0-9 x+()]+?)\s*=\s*(\d+) minutes/g)) {
      const expression = match[1].replace(/x/g, '*')
      const value = Function(`return (${expression})`)() as number
      expect(value).toBe(Number(match[2]))
    }
  })
})
