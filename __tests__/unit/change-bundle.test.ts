/**
 * The change bundle of two-job mode: written by the propose job, read back and verified by the
 * publish job. Every refusal must name what is wrong; a bundle that is fine must read back exactly.
 */
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  BUNDLE_DIGEST,
  BUNDLE_FORMAT,
  BundleProposer,
  DEFAULT_BUNDLE_LIMITS,
  MANIFEST_FILE,
  PATCH_FILE,
  branchForTask,
  bundleDigest,
  patchDigest,
  pathDifferences,
  protectedAmong,
  tryReadChangeBundle,
  verifyChangeBundle,
  writeChangeBundle,
  type BundleContent,
  type BundleExpectations,
  type BundleManifest,
  type ChangeBundle
} from '../../src/runtime/bundle/change-bundle.js'
import type { Attempt, GateResult, Proposal } from '../../src/core/types.js'

const BASE = 'a'.repeat(40)
const TREE = 'b'.repeat(40)

const PATCH = Buffer.concat([
  Buffer.from(
    'diff --git a/src/flag.ts b/src/flag.ts\nindex 1111111..2222222 100644\n--- a/src/flag.ts\n+++ b/src/flag.ts\n@@ -1 +1 @@\n-export const flag = false\n+export const flag = true\n' +
      'diff --git a/notes.txt b/notes.txt\nnew file mode 100644\nindex 0000000..3333333\n--- /dev/null\n+++ b/notes.txt\n@@ -0,0 +1 @@\n+'
  ),
  // A line that is not UTF-8 (Latin-1 "café"): the bundle must keep the bytes, not a decoding.
  Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])
])

const WORKFLOW_PATCH = Buffer.from(
  'diff --git a/.github/workflows/ci.yml b/.github/workflows/ci.yml\nindex 1111111..2222222 100644\n--- a/.github/workflows/ci.yml\n+++ b/.github/workflows/ci.yml\n@@ -1 +1 @@\n-on: push\n+on: pull_request_target\n'
)

const greenGate: GateResult = {
  ok: true,
  durationMs: 1200,
  steps: [
    {
      name: 'npm test',
      exitCode: 0,
      ok: true,
      durationMs: 1000,
      tail: 'PASS src/flag.test.ts\n'.repeat(100),
      timedOut: false,
      missingTool: false
    },
    {
      name: 'policy: protected paths',
      exitCode: 0,
      ok: true,
      durationMs: 1,
      tail: 'No protected path changed.',
      timedOut: false,
      missingTool: false,
      policy: true
    }
  ]
}
const redGate: GateResult = { ...greenGate, ok: false, steps: [{ ...greenGate.steps[0], ok: false, exitCode: 1, tail: 'FAIL' }] }

const attempts: Attempt[] = [
  {
    number: 1,
    // Copilot's rounded counts: the mark travels with them.
    agent: { exitCode: 0, durationMs: 5000, timedOut: false, usage: { inputTokens: 1500, outputTokens: 273, approximate: true } },
    gate: redGate,
    patchPath: '/tmp/run/attempt-1.patch'
  },
  {
    number: 2,
    agent: { exitCode: 0, durationMs: 4000, timedOut: false, usage: { inputTokens: 1200, costUsd: 0.02 } },
    gate: greenGate,
    patchPath: '/tmp/run/attempt-2.patch'
  }
]

function content(overrides: Partial<BundleContent> = {}): BundleContent {
  return {
    repository: 'octo-org/octo-repo',
    job: 'issue-to-pr',
    task: { kind: 'issue', number: 12 },
    base: { sha: BASE, branch: 'main' },
    branch: 'agent/issue-12',
    title: 'Agent: Add a --flag option',
    body: 'Implements #12',
    attempts,
    lastGate: greenGate,
    paths: [
      { path: 'src/flag.ts', status: 'modified' },
      { path: 'notes.txt', status: 'added' }
    ],
    runUrl: 'https://github.com/octo-org/octo-repo/actions/runs/1',
    tree: TREE,
    ...overrides
  }
}

const expectations: BundleExpectations = { repository: 'octo-org/octo-repo', protectedPaths: [], branchPrefix: 'agent/' }

let scratch: string
let counter = 0

beforeAll(async () => {
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'change-bundle-test-'))
})

afterAll(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

function freshDir(): string {
  return path.join(scratch, `bundle-${++counter}`)
}

async function written(overrides: Partial<BundleContent> = {}, patch: Buffer = PATCH): Promise<ChangeBundle> {
  return writeChangeBundle(freshDir(), content(overrides), patch, new Date('2026-01-02T03:04:05Z'))
}

async function readManifestJson(dir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as Record<string, unknown>
}

async function rewriteManifest(dir: string, edit: (manifest: Record<string, unknown>) => void): Promise<void> {
  const manifest = await readManifestJson(dir)
  edit(manifest)
  await fs.writeFile(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest))
}

async function problemsOf(dir: string): Promise<string[]> {
  const read = await tryReadChangeBundle(dir)
  if (read.kind !== 'refused') throw new Error('expected the bundle to be refused')
  return read.problems
}

describe('writing and reading a bundle', () => {
  it('reads back exactly what was written: the patch bytes, the task, the base, the attempts', async () => {
    const bundle = await written()
    expect((await fs.readdir(bundle.dir)).sort()).toEqual([PATCH_FILE, MANIFEST_FILE].sort())
    expect((await fs.readFile(path.join(bundle.dir, PATCH_FILE))).equals(PATCH)).toBe(true)

    const read = await tryReadChangeBundle(bundle.dir)
    expect(read.kind).toBe('read')
    if (read.kind !== 'read') return
    expect(read.bundle.patch.equals(PATCH)).toBe(true)
    expect(read.bundle.manifest).toEqual(bundle.manifest)
    expect(read.bundle.manifest).toMatchObject({
      format: BUNDLE_FORMAT,
      version: 1,
      task: { kind: 'issue', number: 12 },
      base: { sha: BASE, branch: 'main' },
      branch: 'agent/issue-12',
      patch: { file: PATCH_FILE, sha256: patchDigest(PATCH), bytes: PATCH.length },
      createdAt: '2026-01-02T03:04:05.000Z'
    })
    expect(read.bundle.manifest.attempts.map((a) => [a.number, a.gate?.ok, a.agent.usage?.costUsd])).toEqual([
      [1, false, undefined],
      [2, true, 0.02]
    ])
  })

  it("leaves gate output and local patch paths behind: they are the agent job's, not the publisher's", async () => {
    const bundle = await written()
    const text = await fs.readFile(path.join(bundle.dir, MANIFEST_FILE), 'utf8')
    expect(text).not.toContain('PASS src/flag.test.ts')
    expect(text).not.toContain('/tmp/run/attempt-')
    expect(bundle.manifest.lastGate.steps.map((s) => [s.name, s.ok, s.tail])).toEqual([
      ['npm test', true, ''],
      ['policy: protected paths', true, '']
    ])
  })

  it('refuses a patch edited after its digest was written', async () => {
    const bundle = await written()
    const edited = Buffer.from(PATCH)
    edited[edited.indexOf('true')] = 'T'.charCodeAt(0)
    await fs.writeFile(path.join(bundle.dir, PATCH_FILE), edited)
    const [problem] = await problemsOf(bundle.dir)
    expect(problem).toContain('does not match its digest')
    expect(problem).toContain(patchDigest(edited))
    expect(problem).toContain('changed after the propose job wrote it')
  })

  it('refuses a patch with bytes appended, even when the digest prefix would match', async () => {
    const bundle = await written()
    await fs.appendFile(path.join(bundle.dir, PATCH_FILE), '\n')
    expect((await problemsOf(bundle.dir))[0]).toContain('does not match its digest')
  })

  it('refuses a missing directory, a missing manifest, and files that are links', async () => {
    expect((await problemsOf(path.join(scratch, 'nowhere')))[0]).toContain('There is no change bundle at')

    const noManifest = await written()
    await fs.rm(path.join(noManifest.dir, MANIFEST_FILE))
    expect(await problemsOf(noManifest.dir)).toEqual([`The bundle's ${MANIFEST_FILE} is missing.`])

    const linked = await written()
    const secret = path.join(scratch, 'credentials.config')
    await fs.writeFile(secret, 'AUTHORIZATION: basic c2VjcmV0')
    await fs.rm(path.join(linked.dir, PATCH_FILE))
    await fs.symlink(secret, path.join(linked.dir, PATCH_FILE))
    expect(await problemsOf(linked.dir)).toEqual([`The bundle's ${PATCH_FILE} is not a regular file (a symbolic link).`])
  })

  it('refuses files over the size limits before reading them', async () => {
    const bundle = await written()
    const read = await tryReadChangeBundle(bundle.dir, { ...DEFAULT_BUNDLE_LIMITS, maxPatchBytes: 100 })
    expect(read).toEqual({ kind: 'refused', problems: [`The bundle's ${PATCH_FILE} is ${PATCH.length} bytes, over the limit of 100.`] })
    const small = await tryReadChangeBundle(bundle.dir, { ...DEFAULT_BUNDLE_LIMITS, maxManifestBytes: 64 })
    expect(small.kind === 'refused' && small.problems[0]).toMatch(/manifest\.json is \d+ bytes, over the limit of 64\./)
  })

  it('refuses a manifest that is not JSON', async () => {
    const bundle = await written()
    await fs.writeFile(path.join(bundle.dir, MANIFEST_FILE), '{"format": ')
    expect((await problemsOf(bundle.dir))[0]).toMatch(/^The bundle's manifest\.json is not JSON: /)
  })

  it.each<[string, (m: Record<string, unknown>) => void, string]>([
    [
      'another format',
      (m) => {
        m.format = 'something-else'
      },
      'format must be "gated-agent-change-bundle"'
    ],
    [
      'a newer version',
      (m) => {
        m.version = 2
      },
      'version must be 1'
    ],
    [
      'a short base sha',
      (m) => {
        m.base = { sha: 'abc123', branch: 'main' }
      },
      'base.sha must be a full commit id'
    ],
    [
      'a path leaving the repository',
      (m) => {
        m.paths = [{ path: '../outside.txt', status: 'added' }]
      },
      'paths[0].path is not a path inside the repository'
    ],
    [
      'an absolute path',
      (m) => {
        m.paths = [{ path: '/etc/passwd', status: 'modified' }]
      },
      'paths[0].path is not a path inside the repository'
    ],
    [
      'no paths',
      (m) => {
        m.paths = []
      },
      'paths must list at least one changed path'
    ],
    [
      'a task that does not fit the job',
      (m) => {
        m.task = { kind: 'run', id: 5, branch: 'main' }
      },
      'task does not fit the job issue-to-pr'
    ],
    [
      'a branch that is an option',
      (m) => {
        m.branch = '--force'
      },
      'branch is not a branch name'
    ],
    [
      'a red last gate',
      (m) => {
        ;(m.lastGate as { ok: boolean }).ok = false
      },
      'lastGate.ok must be true'
    ],
    [
      'a missing title',
      (m) => {
        delete m.title
      },
      'title must be a string'
    ],
    [
      'a step that is not an object',
      (m) => {
        ;(m.lastGate as { steps: unknown[] }).steps = ['npm test']
      },
      'lastGate.steps[0] must be an object'
    ],
    [
      'failing steps that are not a list',
      (m) => {
        m.job = 'self-heal'
        m.task = { kind: 'run', id: 5, branch: 'main', failingSteps: 'Run tests' }
      },
      'task.failingSteps must be a list of at most 20 steps'
    ],
    [
      'a failing step without a job',
      (m) => {
        m.job = 'self-heal'
        m.task = { kind: 'run', id: 5, branch: 'main', failingSteps: [{ step: 'Run tests' }] }
      },
      'task.failingSteps[0].job must be a string'
    ],
    [
      'too many attempts',
      (m) => {
        m.attempts = Array.from({ length: 101 }, () => (m.attempts as unknown[])[0])
      },
      'attempts has 101 entries, over the limit of 100'
    ]
  ])('refuses a manifest with %s, naming the field', async (_name, edit, expected) => {
    const bundle = await written()
    await rewriteManifest(bundle.dir, edit)
    const problems = await problemsOf(bundle.dir)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain(`The bundle's manifest.json is malformed: ${expected}`)
  })

  it('drops fields it does not know instead of carrying them', async () => {
    const bundle = await written()
    await rewriteManifest(bundle.dir, (m) => {
      m.pushTo = 'https://evil.example/repo.git'
    })
    const read = await tryReadChangeBundle(bundle.dir)
    expect(read.kind === 'read' && Object.keys(read.bundle.manifest)).not.toContain('pushTo')
  })
})

describe('verifying a bundle against what the publish job knows', () => {
  it('verifies an honest bundle', async () => {
    expect(verifyChangeBundle(await written(), { ...expectations, task: { kind: 'issue', number: 12 } })).toEqual({ kind: 'verified' })
  })

  it('refuses a workflow change listed honestly in the manifest', async () => {
    const bundle = await written({ paths: [{ path: '.github/workflows/ci.yml', status: 'modified' }] }, WORKFLOW_PATCH)
    expect(verifyChangeBundle(bundle, expectations)).toEqual({
      kind: 'refused',
      problems: ['The bundle changes protected paths: .github/workflows/ci.yml (modified, protected by .github/workflows/**).']
    })
  })

  it('refuses a workflow change that only the patch shows (the manifest lies about its paths)', async () => {
    const bundle = await written({ paths: [{ path: 'src/flag.ts', status: 'modified' }] }, WORKFLOW_PATCH)
    const verdict = verifyChangeBundle(bundle, expectations)
    expect(verdict.kind === 'refused' && verdict.problems.join(' ')).toContain('.github/workflows/ci.yml')
  })

  it("applies the publish job's own protected paths, not the default, when it sets them", async () => {
    const bundle = await written()
    const verdict = verifyChangeBundle(bundle, { ...expectations, protectedPaths: ['src/**'] })
    expect(verdict).toEqual({
      kind: 'refused',
      problems: ['The bundle changes protected paths: src/flag.ts (modified, protected by src/**).']
    })
  })

  it('refuses a bundle for another repository, another issue, or another branch, and says each', async () => {
    const bundle = await written({ repository: 'someone/else', branch: 'main' })
    const verdict = verifyChangeBundle(bundle, { ...expectations, task: { kind: 'issue', number: 7 } })
    expect(verdict).toEqual({
      kind: 'refused',
      problems: [
        'The bundle is for someone/else, but this job runs for octo-org/octo-repo.',
        'The bundle is for issue #12, but the event that started this run is for issue #7.',
        'The bundle would push to "main", but issue #12 with branch-prefix "agent/" is proposed on "agent/issue-12".'
      ]
    })
  })

  it('holds a self-heal bundle to its failing branch and run', async () => {
    const heal = { job: 'self-heal' as const, task: { kind: 'run' as const, id: 555, branch: 'main' }, branch: 'agent/heal/main' }
    expect(verifyChangeBundle(await written(heal), { ...expectations, task: { kind: 'run', id: 555 } })).toEqual({ kind: 'verified' })
    const elsewhere = verifyChangeBundle(await written({ ...heal, base: { sha: BASE, branch: 'release' } }), {
      ...expectations,
      task: { kind: 'run', id: 556 }
    })
    expect(elsewhere).toEqual({
      kind: 'refused',
      problems: [
        'The bundle is for workflow run 555 on main, but the event that started this run is for workflow run 556.',
        'The bundle heals main but targets the base branch "release".'
      ]
    })
  })

  it('refuses a base branch other than the one the publish job pins', async () => {
    const verdict = verifyChangeBundle(await written(), { ...expectations, baseBranch: 'develop' })
    expect(verdict).toEqual({
      kind: 'refused',
      problems: ['The bundle targets the base branch "main", but this job\'s base-branch is "develop".']
    })
  })
})

describe("checks on git's reading of the applied patch", () => {
  it('names every path the manifest and the patch disagree on', () => {
    expect(
      pathDifferences(
        [
          { path: 'a.txt', status: 'modified' },
          { path: 'b.txt', status: 'added' },
          { path: 'c.txt', status: 'deleted' }
        ],
        [
          { path: 'a.txt', status: 'modified' },
          { path: 'b.txt', status: 'modified' },
          { path: 'd.txt', status: 'added' }
        ]
      )
    ).toEqual([
      'b.txt is modified by the patch but listed as added',
      'd.txt (added) is changed by the patch but not listed in the manifest',
      'c.txt (deleted) is listed in the manifest but not changed by the patch'
    ])
    expect(pathDifferences([{ path: 'a.txt', status: 'added' }], [{ path: 'a.txt', status: 'added' }])).toEqual([])
  })

  it('finds protected paths among changed paths, the default when none are set', () => {
    const paths = [
      { path: '.github/workflows/release.yml', status: 'added' as const },
      { path: 'src/a.ts', status: 'modified' as const }
    ]
    expect(protectedAmong(paths, []).map((h) => h.path)).toEqual(['.github/workflows/release.yml'])
    expect(protectedAmong(paths, ['src/**']).map((h) => h.path)).toEqual(['src/a.ts'])
  })

  it('names the branch of each task', () => {
    expect(branchForTask({ kind: 'issue', number: 3 }, 'agent/')).toBe('agent/issue-3')
    expect(branchForTask({ kind: 'run', id: 9, branch: 'feature/x' }, 'bot-')).toBe('bot-heal/feature/x')
  })
})

describe('BundleProposer', () => {
  it("writes the bundle from the judged change's exact bytes in memory (not the patch file, which the gate could rewrite) and says that nothing was pushed", async () => {
    const patchFile = path.join(scratch, 'attempt-2.patch')
    await fs.writeFile(patchFile, 'rewritten by the gate after it was judged\n')
    const dir = freshDir()
    const proposer = new BundleProposer({
      dir,
      repository: 'octo-org/octo-repo',
      task: { kind: 'issue', number: 12 },
      baseBranch: 'main',
      baseSha: () => BASE,
      branch: 'agent/issue-12',
      title: 'Agent: Add a --flag option',
      body: (proposal) => `Implements #12 after ${proposal.attempts.length} attempts`,
      judged: async (proposal) => (proposal.change === change ? { patch: PATCH, tree: TREE } : undefined)
    })
    // The decoded text is lossy for the Latin-1 line: the proposer must not use it.
    const change = { paths: content().paths, patch: PATCH.toString('utf8') }
    const proposal: Proposal = {
      job: 'issue-to-pr',
      change,
      attempts,
      lastGate: greenGate,
      patchPath: patchFile
    }
    const proposed = await proposer.propose(proposal)
    expect(proposed).toEqual({
      branch: 'agent/issue-12',
      notes: [
        `Wrote the change bundle to ${dir}: 2 files against ${BASE.slice(0, 12)}, digest ${proposer.bundle()?.digest} (output bundle-digest: pass it to the publish job).`,
        'Nothing was pushed: the publish job (stage: publish) verifies the bundle, pushes agent/issue-12 and opens the draft pull request into main.'
      ]
    })
    const read = await tryReadChangeBundle(dir)
    expect(read.kind).toBe('read')
    if (read.kind !== 'read') return
    expect(read.bundle.patch.equals(PATCH)).toBe(true)
    expect(read.bundle.digest).toBe(proposer.bundle()?.digest)
    expect(read.bundle.digest).toMatch(BUNDLE_DIGEST)
    expect(read.bundle.manifest).toMatchObject({
      tree: TREE,
      body: 'Implements #12 after 2 attempts',
      base: { sha: BASE, branch: 'main' },
      paths: content().paths
    })
    expect(proposer.bundle()?.dir).toBe(dir)
  })
})

describe('bundleDigest', () => {
  it('binds the manifest and the patch: a change to either, or a byte moved between them, gives another digest', () => {
    const manifest = Buffer.from('{"a":1}\n')
    const digest = bundleDigest(manifest, PATCH)
    expect(digest).toMatch(BUNDLE_DIGEST)
    expect(bundleDigest(manifest, PATCH)).toBe(digest)
    expect(bundleDigest(Buffer.from('{"a":2}\n'), PATCH)).not.toBe(digest)
    expect(bundleDigest(manifest, Buffer.concat([PATCH, Buffer.from(' ')]))).not.toBe(digest)
    expect(bundleDigest(Buffer.concat([manifest, PATCH.subarray(0, 1)]), PATCH.subarray(1))).not.toBe(digest)
  })

  it('is what reading the bundle back computes; a bundle with its checksum recomputed after a rewrite reads with another digest', async () => {
    const dir = freshDir()
    const written = await writeChangeBundle(dir, content(), PATCH)
    const read = await tryReadChangeBundle(dir)
    expect(read.kind === 'read' && read.bundle.digest).toBe(written.digest)
    // The forger rewrites the patch and fixes the manifest's unkeyed checksum: the bundle still reads...
    const forged = Buffer.from(PATCH.toString('latin1').replace('notes', 'nodes'), 'latin1')
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as BundleManifest
    manifest.patch = { ...manifest.patch, sha256: patchDigest(forged), bytes: forged.length }
    await fs.writeFile(path.join(dir, 'change.patch'), forged)
    await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest))
    const reread = await tryReadChangeBundle(dir)
    expect(reread.kind).toBe('read')
    // ...but not with the digest the propose job emitted.
    expect(reread.kind === 'read' && reread.bundle.digest).not.toBe(written.digest)
  })

  it('refuses a manifest without the tree the gate judged', async () => {
    const dir = freshDir()
    await writeChangeBundle(dir, content(), PATCH)
    const manifest = JSON.parse(await fs.readFile(path.join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>
    delete manifest.tree
    await fs.writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest))
    const read = await tryReadChangeBundle(dir)
    expect(read).toEqual({ kind: 'refused', problems: [expect.stringMatching(/tree must be a string/)] })
  })
})

describe('best of N: candidate bundles', () => {
  const proposerFor = (dir: string, candidate?: string): BundleProposer =>
    new BundleProposer({
      dir,
      repository: 'octo-org/octo-repo',
      task: { kind: 'issue', number: 12 },
      baseBranch: 'main',
      baseSha: () => BASE,
      branch: 'agent/issue-12',
      title: 'Agent: Add a --flag option',
      body: () => 'Implements #12',
      judged: async () => ({ patch: PATCH, tree: TREE }),
      candidate
    })

  it('a green candidate records its label, verdict, changed lines and summed usage', async () => {
    const dir = freshDir()
    await proposerFor(dir, 'codex').propose({
      job: 'issue-to-pr',
      change: { paths: content().paths, patch: '' },
      attempts,
      lastGate: greenGate,
      patchPath: ''
    })
    const read = await tryReadChangeBundle(dir)
    expect(read.kind === 'read' && read.bundle.manifest).toMatchObject({
      candidate: 'codex',
      verdict: 'proposed',
      changedLines: 3,
      // Summed over both runs as the outputs sum them; the first run's rounded counts mark the sum.
      usage: { inputTokens: 2700, outputTokens: 273, costUsd: 0.02, approximate: true }
    })
  })

  it('without a candidate the manifest is as before: no best-of-N fields', async () => {
    const dir = freshDir()
    await proposerFor(dir).propose({
      job: 'issue-to-pr',
      change: { paths: content().paths, patch: '' },
      attempts,
      lastGate: greenGate,
      patchPath: ''
    })
    const manifest = await readManifestJson(dir)
    for (const field of ['candidate', 'verdict', 'changedLines', 'usage']) expect(manifest).not.toHaveProperty(field)
  })

  it('a candidate that gave up keeps its patch (or none) in a bundle that reads back, with no judged tree', async () => {
    for (const patch of [PATCH, Buffer.alloc(0)]) {
      const dir = freshDir()
      await proposerFor(dir, 'stuck').keepUnproposed({ verdict: 'gave-up', attempts, lastGate: redGate }, patch)
      const read = await tryReadChangeBundle(dir)
      expect(read.kind).toBe('read')
      if (read.kind !== 'read') continue
      expect(read.bundle.patch.equals(patch)).toBe(true)
      expect(read.bundle.manifest).toMatchObject({ candidate: 'stuck', verdict: 'gave-up', tree: '', paths: [], lastGate: { ok: false } })
    }
  })

  it.each<[string, (m: Record<string, unknown>) => void, string]>([
    [
      'a proposed bundle without a judged tree',
      (m) => {
        m.verdict = 'proposed'
        m.tree = ''
      },
      'tree must be a full tree id'
    ],
    [
      'a proposed bundle whose last gate failed',
      (m) => {
        m.verdict = 'proposed'
        m.lastGate = { ok: false, durationMs: 1, steps: [] }
      },
      'lastGate.ok must be true'
    ],
    [
      'a verdict it does not know',
      (m) => {
        m.verdict = 'green-enough'
      },
      'verdict must be one of proposed, gave-up'
    ],
    [
      'a candidate label with a path in it',
      (m) => {
        m.candidate = '../../etc'
      },
      'candidate must be a label'
    ],
    [
      'a candidate label with markdown in it',
      (m) => {
        m.candidate = 'a|b'
      },
      'candidate must be a label'
    ]
  ])('refuses %s', async (_name, edit, expected) => {
    const bundle = await written()
    await rewriteManifest(bundle.dir, edit)
    expect((await problemsOf(bundle.dir)).join(' ')).toContain(expected)
  })
})
