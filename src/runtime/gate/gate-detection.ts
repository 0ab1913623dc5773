import { readFile, access } from 'node:fs/promises'
import path from 'node:path'

/** What the repository's own files say its checks are, when the user gave no gate. */
export async function detectGateSteps(dir: string): Promise<string[] | undefined> {
  const pkg = await tryReadJson(path.join(dir, 'package.json'))
  if (pkg) {
    const scripts = (pkg.scripts ?? {}) as Record<string, string>
    const steps: string[] = []
    if (scripts.lint) steps.push('npm run lint')
    // npm's placeholder test script fails on purpose; it is not a gate.
    if (scripts.test && !scripts.test.includes('no test specified')) steps.push('npm test')
    if (steps.length > 0) return steps
  }
  if ((await exists(dir, 'pyproject.toml')) || (await exists(dir, 'pytest.ini')) || (await exists(dir, 'setup.cfg'))) {
    return ['python -m pytest -q']
  }
  if (await exists(dir, 'go.mod')) return ['go vet ./...', 'go test ./...']
  if (await exists(dir, 'Cargo.toml')) return ['cargo test']
  if (await exists(dir, 'Makefile')) {
    const makefile = await readFile(path.join(dir, 'Makefile'), 'utf8')
    if (/^test\s*:/m.test(makefile)) return ['make test']
  }
  return undefined
}

async function exists(dir: string, name: string): Promise<boolean> {
  try {
    await access(path.join(dir, name))
    return true
  } catch {
    return false
  }
}

async function tryReadJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}
