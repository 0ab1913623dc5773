/**
 * The workflows people copy: every example in examples/ and this repository's own workflows parse
 * under GitHub's own workflow parser, pass only inputs action.yml declares, set their permissions,
 * pin actions by major tag, and (the examples) bound their cost. The README shows no workflow that is
 * not one of the examples.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser'
import { parse as parseYaml } from 'yaml'
import { AGENT_PRESETS } from '../../src/runtime/agent/agent-presets.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** How the examples refer to this action. */
const ACTION_REF = 'gated-agent/gated-agent@v1'

type Yaml = Record<string, unknown>
interface Step {
  uses?: string
  run?: string
  if?: string
  with?: Yaml
}
interface Job {
  if?: string
  permissions?: unknown
  concurrency?: { group?: string } | string
  'timeout-minutes'?: number
  steps?: Step[]
}

const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8')
const yamlFiles = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir))
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${dir}/${name}`)

const examples = yamlFiles('examples')
const ownWorkflows = yamlFiles('.github/workflows')
const action = parseYaml(read('action.yml')) as { inputs: Record<string, { default?: string }> }
const inputNames = new Set(Object.keys(action.inputs))

/** GitHub's parser's complaints about a workflow, as messages ([] when it is valid). */
function workflowErrors(name: string, content: string): string[] {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  return result.context.errors.getErrors().map((error) => error.message)
}

function jobsOf(file: string): Array<[string, Job]> {
  const workflow = parseYaml(read(file)) as { jobs: Record<string, Job> }
  return Object.entries(workflow.jobs)
}

/** The steps that run this action: the published reference in examples, `./` in our own workflows. */
function actionSteps(job: Job, ref: string): Step[] {
  return (job.steps ?? []).filter((step) => step.uses === ref)
}

test('there is an example for each kind of setup the README describes', () => {
  expect(examples).toEqual(
    expect.arrayContaining([
      'examples/issue-to-pr.yml',
      'examples/self-heal.yml',
      'examples/in-job-self-heal.yml',
      'examples/two-job-issue-to-pr.yml',
      'examples/two-job-self-heal.yml',
      'examples/pr-follow-up.yml',
      'examples/pr-heal-in-place.yml'
    ])
  )
  expect(ownWorkflows).toEqual(
    expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/check-dist.yml', '.github/workflows/integration.yml'])
  )
})

describe.each([...examples, ...ownWorkflows])('%s', (file) => {
  test("parses without error under GitHub's workflow parser", () => {
    expect(workflowErrors(file, read(file))).toEqual([])
  })

  test('sets permissions: at the top, and on every job that writes', () => {
    const workflow = parseYaml(read(file)) as Yaml
    expect(workflow).toHaveProperty('permissions')
    for (const [name, job] of jobsOf(file)) {
      const steps = [...actionSteps(job, ACTION_REF), ...actionSteps(job, './')]
      if (steps.length > 0) expect({ job: name, permissions: job.permissions }).toEqual({ job: name, permissions: expect.anything() })
    }
  })

  test('pins every action by its major version tag', () => {
    const refs = jobsOf(file).flatMap(([, job]) =>
      (job.steps ?? []).map((step) => step.uses).filter((uses): uses is string => uses !== undefined)
    )
    expect(refs.length).toBeGreaterThan(0)
    for (const ref of refs) {
      if (ref === './') continue
      expect(ref).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/)
    }
  })
})

describe.each(examples)('%s', (file) => {
  const jobs = jobsOf(file)
  const agentJobs = jobs.filter(([, job]) => actionSteps(job, ACTION_REF).length > 0)

  test(`runs ${ACTION_REF} with inputs action.yml declares`, () => {
    expect(agentJobs.length).toBeGreaterThan(0)
    for (const [, job] of agentJobs) {
      for (const step of actionSteps(job, ACTION_REF)) {
        const unknown = Object.keys(step.with ?? {}).filter((key) => !inputNames.has(key))
        expect(unknown).toEqual([])
      }
    }
  })

  test('gives every job running the action permissions, a timeout, a concurrency group and an event filter', () => {
    for (const [name, job] of agentJobs) {
      expect({ name, permissions: job.permissions }).toEqual({ name, permissions: expect.any(Object) })
      expect(job['timeout-minutes']).toBeGreaterThan(0)
      const group = typeof job.concurrency === 'string' ? job.concurrency : job.concurrency?.group
      expect(group).toMatch(/\$\{\{.+\}\}/)
      // In a CI job the filter sits on the action's step (`if: failure() && ...`): the job must run.
      const filtered = job.if !== undefined || actionSteps(job, ACTION_REF).every((step) => /\bfailure\(\)/.test(step.if ?? ''))
      expect({ name, filtered }).toEqual({ name, filtered: true })
    }
  })

  test("filters on the action's default label, command and branch prefix", () => {
    const filters = jobs.map(([, job]) => [job.if ?? '', ...(job.steps ?? []).map((step) => step.if ?? '')].join('\n')).join('\n')
    if (/github\.event\.label\.name/.test(filters))
      expect(filters).toContain(`github.event.label.name == '${action.inputs['trigger-label'].default}'`)
    if (/comment\.body/.test(filters))
      expect(filters).toContain(`startsWith(github.event.comment.body, '${action.inputs['trigger-command'].default}')`)
    // Self-heal keeps off the agent's branches; follow-ups and heals in place keep to them.
    if (/head_branch|ref_name|head\.ref/.test(filters))
      expect(filters).toMatch(new RegExp(`!?startsWith\\([\\w.]+, '${action.inputs['branch-prefix'].default}'\\)`))
  })

  test('installs agent CLIs at the versions the presets pin', () => {
    const installs = jobs.flatMap(([, job]) =>
      (job.steps ?? []).flatMap((step) => [...(step.run ?? '').matchAll(/npm install --global (\S+)/g)].map((m) => m[1]))
    )
    for (const spec of installs) {
      const pkg = spec.slice(0, spec.lastIndexOf('@'))
      const preset = Object.values(AGENT_PRESETS).find((p) => p.install.startsWith(`${pkg}@`))
      expect(preset?.install).toBe(spec)
    }
  })
})

test('two-job examples keep the write token away from the job that runs the agent', () => {
  for (const file of examples.filter((name) => name.includes('two-job'))) {
    const jobs = Object.fromEntries(jobsOf(file))
    const propose = jobs.propose
    const publish = jobs.publish
    expect(actionSteps(propose, ACTION_REF)[0]?.with).toMatchObject({ stage: 'propose' })
    expect(actionSteps(publish, ACTION_REF)[0]?.with).toMatchObject({ stage: 'publish' })
    expect(propose.permissions).toMatchObject({ contents: 'read', actions: 'read', issues: 'read' })
    expect(Object.values(propose.permissions as Record<string, string>)).not.toContain('write')
    expect((publish as Job & { needs?: string }).needs).toBe('propose')
    // The publish job runs no repository code: no `run:` step at all.
    expect((publish.steps ?? []).filter((step) => step.run !== undefined)).toEqual([])
    // The bundle digest travels from the propose job's action step to the publish job's input.
    const proposeStep = actionSteps(propose, ACTION_REF)[0] as { id?: string }
    expect((propose as Job & { outputs?: Record<string, string> }).outputs?.['bundle-digest']).toBe(
      `\${{ steps.${proposeStep.id ?? ''}.outputs.bundle-digest }}`
    )
    expect(actionSteps(publish, ACTION_REF)[0]?.with).toMatchObject({ 'bundle-digest': '${{ needs.propose.outputs.bundle-digest }}' })
  }
})

test('the best-of-N example: a matrix of read-only propose jobs, one digest output per candidate, one publish job over all', () => {
  const jobs = Object.fromEntries(jobsOf('examples/best-of-n.yml')) as Record<
    string,
    Job & { needs?: string; outputs?: Record<string, string>; strategy?: { 'fail-fast'?: boolean; matrix?: { agent?: string[] } } }
  >
  const { propose, publish } = jobs
  const agents = propose.strategy?.matrix?.agent ?? []
  expect(agents).toHaveLength(3)
  for (const agent of agents) expect(Object.keys(AGENT_PRESETS)).toContain(agent)
  expect(propose.strategy?.['fail-fast']).toBe(false)
  expect(actionSteps(propose, ACTION_REF)[0]?.with).toMatchObject({ stage: 'propose', candidate: '${{ matrix.agent }}' })
  expect(Object.values(propose.permissions as Record<string, string>)).not.toContain('write')
  // A matrix's legs overwrite an output they share: one output per candidate, each from its own step output.
  for (const agent of agents) expect(propose.outputs?.[`digest-${agent}`]).toBe(`\${{ steps.agent.outputs.bundle-digest-${agent} }}`)
  expect(publish.needs).toBe('propose')
  expect(publish.if).toContain('always()')
  expect((publish.steps ?? []).filter((step) => step.run !== undefined)).toEqual([])
  const download = (publish.steps ?? []).find((step) => step.uses?.startsWith('actions/download-artifact@'))
  expect(download?.with).toMatchObject({ pattern: 'gated-agent-bundle-*' })
  expect(download?.with).not.toHaveProperty('merge-multiple')
  const publishWith = actionSteps(publish, ACTION_REF)[0]?.with
  expect(publishWith).toMatchObject({ stage: 'publish' })
  expect(String(publishWith?.['bundle-digest']).trim().split('\n')).toEqual(
    agents.map((agent) => `${agent}=\${{ needs.propose.outputs.digest-${agent} }}`)
  )
})

test('the parser does catch a broken workflow (so a clean parse means something)', () => {
  const broken = read('examples/issue-to-pr.yml')
    .replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest')
    .replace('${{ github.event.issue.number }}', '${{ gitub.event.issue.number }}')
  const errors = workflowErrors('broken.yml', broken)
  expect(errors).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/Unexpected value 'runs_on'/),
      expect.stringMatching(/Required property is missing: runs-on/),
      expect.stringMatching(/Unrecognized named-value: 'gitub'/)
    ])
  )
})

test('every workflow the README shows is an example file, embedded verbatim by scripts/readme-tables.mjs', () => {
  const readme = read('README.md')
  const outsideGenerated = readme.replace(/<!-- generated:example [^ ]+ -->\n[\s\S]*?<!-- \/generated -->/g, '')
  const blocks = [...outsideGenerated.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1])
  const workflows = blocks.filter((block) => /^jobs:/m.test(block))
  expect(workflows).toEqual([])
  const embedded = [...readme.matchAll(/<!-- generated:example ([^ ]+) -->/g)].map((m) => m[1])
  // The quick start's workflow is shown whole; the others are linked (examples/ holds them all).
  expect(embedded).toContain('examples/issue-to-pr.yml')
  for (const file of embedded) expect(examples).toContain(file)
})

test('every workflow in docs/ is one of the examples, verbatim (after its header comment)', () => {
  const docs = readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md'))
  const bodies = new Map(examples.map((file) => [read(file).replace(/^(#.*\n)+/, ''), file]))
  let count = 0
  for (const doc of docs) {
    for (const [, block] of read(`docs/${doc}`).matchAll(/```ya?ml\n([\s\S]*?)```/g)) {
      if (!/^jobs:/m.test(block)) continue
      count += 1
      expect({ doc, example: bodies.get(block) }).toEqual({ doc, example: expect.stringMatching(/^examples\//) })
    }
  }
  expect(count).toBeGreaterThanOrEqual(2)
})

test("the README's step snippets are valid YAML and pass only declared inputs to the action", () => {
  const readme = read('README.md')
  const snippets = [...readme.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]).filter((block) => !/^jobs:/m.test(block))
  expect(snippets.length).toBeGreaterThanOrEqual(3)
  for (const snippet of snippets) {
    const steps = parseYaml(snippet) as Step[]
    expect(Array.isArray(steps)).toBe(true)
    for (const step of steps.filter((s) => s.uses === ACTION_REF)) {
      expect(Object.keys(step.with ?? {}).filter((key) => !inputNames.has(key))).toEqual([])
    }
  }
})
