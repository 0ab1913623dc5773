import { mkdir, rm, writeFile, access } from 'node:fs/promises'
import path from 'node:path'
import type { Agent, AgentRun, Change, Workspace } from '../core/types.js'

/**
 * The seed's `--simulate` mode: a deterministic stand-in agent working on a self-contained demo
 * target (a small JavaScript module and its test), so the machinery and the gate can be seen
 * without an agent and without touching the user's files.
 */

/** The directory the simulation writes; it refuses to run when it exists already. */
export const DEMO_DIR = 'gated-agent-demo'
const SOURCE = `${DEMO_DIR}/discount.mjs`
const TEST = `${DEMO_DIR}/discount.test.mjs`

/** The gate used with `--simulate` unless `--gate` is given. */
export const DEMO_GATE = `node --test ${TEST}`

export type IssueVariant = 'good' | 'bad'
export type HealVariant = 'bad' | 'stuck'

const TEST_TEXT = [
  "import { test } from 'node:test'",
  "import assert from 'node:assert/strict'",
  "import { discount } from './discount.mjs'",
  '',
  "test('discount takes a percentage', () => {",
  '  // 10% off 200 is 180. A flat subtraction (200 - 10 = 190) is the plausible-but-wrong bug.',
  '  assert.equal(discount(200, 10), 180)',
  '})',
  ''
].join('\n')

const GOOD = 'export function discount(price, pct) {\n  return price - (price * pct) / 100\n}\n'
const FLAT = 'export function discount(price, pct) {\n  return price - pct\n}\n'
const stuck = (attempt: number): string => `export function discount(price, pct) {\n  return price - pct - ${attempt}\n}\n`

/** Fails with a clear message when the demo target would overwrite something of the user's. */
export async function assertDemoTargetFree(dir: string): Promise<void> {
  try {
    await access(path.join(dir, DEMO_DIR))
  } catch {
    return
  }
  throw new Error(`--simulate writes its demo target to ${DEMO_DIR}/, which exists already here; remove it or run the demo elsewhere.`)
}

async function writeDemo(dir: string, source: string): Promise<void> {
  await mkdir(path.join(dir, DEMO_DIR), { recursive: true })
  await writeFile(path.join(dir, TEST), TEST_TEXT)
  await writeFile(path.join(dir, SOURCE), source)
}

/** A stand-in agent: issue-to-pr writes the module (right or plausibly wrong); self-heal fixes it. */
export class SimulatedAgent implements Agent {
  constructor(
    private readonly dir: string,
    private readonly behaviour: { job: 'issue-to-pr'; variant: IssueVariant } | { job: 'self-heal'; variant: HealVariant }
  ) {}

  async run(_prompt: string, attempt: number): Promise<AgentRun> {
    const started = Date.now()
    const b = this.behaviour
    if (b.job === 'issue-to-pr') {
      await writeDemo(this.dir, b.variant === 'good' ? GOOD : FLAT)
    } else {
      await writeFile(path.join(this.dir, SOURCE), b.variant === 'bad' ? GOOD : stuck(attempt))
    }
    return { exitCode: 0, durationMs: Date.now() - started, timedOut: false }
  }
}

/**
 * Self-heal needs a red build to heal. The simulation breaks the demo module right after the
 * workspace records its starting point, so the breakage counts as part of the run and a reject
 * cleans it up with everything else.
 */
export class SimulatedRedBuildWorkspace implements Workspace {
  constructor(
    private readonly inner: Workspace,
    private readonly dir: string
  ) {}

  async begin(): Promise<{ preExistingDirty: string[] }> {
    const started = await this.inner.begin()
    await writeDemo(this.dir, FLAT)
    return started
  }

  change(): Promise<Change> {
    return this.inner.change()
  }

  checkIntact(): Promise<string | undefined> {
    return this.inner.checkIntact()
  }

  savePatch(change: Change, name: string): Promise<string> {
    return this.inner.savePatch(change, name)
  }

  async restore(): Promise<void> {
    await this.inner.restore()
    // Outside git the inner workspace cannot know about the demo files: remove them here too.
    await rm(path.join(this.dir, DEMO_DIR), { recursive: true, force: true })
  }
}

/** Removes the demo target (used after a reject outside a git repository). */
export async function removeDemoTarget(dir: string): Promise<void> {
  await rm(path.join(dir, DEMO_DIR), { recursive: true, force: true })
}
