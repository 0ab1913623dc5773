/**
 * action.yml is valid action metadata, checked by two independent validators, each shown to catch a
 * real mistake so that a clean result means something:
 * - GitHub's own parser (@actions/workflow-parser, the strict action schema), which knows node24;
 * - @action-validator/core 0.6.0 (SchemaStore's github-action.json). Its bundled schema predates
 *   node24: its `runs.using` enum stops at node20. So the test asserts that `using` is the only thing
 *   it objects to, then validates the file with node20 in that one place, the schema's
 *   node12/16/20 branch being the one node24 belongs to (same `main`, `pre`, `post` keys).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { NoOperationTraceWriter } from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/action-parser'
import { validateAction, type ValidationError } from '@action-validator/core'

const ACTION_YML = readFileSync(fileURLToPath(new URL('../../action.yml', import.meta.url)), 'utf8')

function githubParserErrors(content: string): string[] {
  return parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter())
    .context.errors.getErrors()
    .map((e) => e.message)
}

/** Every error path action-validator reports, nested `oneOf` branches included. */
function errorPaths(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [
    ...('path' in error ? [error.path] : []),
    ...('states' in error ? (error.states ?? []).flatMap((state) => errorPaths(state.errors)) : [])
  ])
}

describe("GitHub's action parser", () => {
  test('accepts action.yml as it is, node24 included', () => {
    expect(ACTION_YML).toMatch(/using: 'node24'/)
    expect(githubParserErrors(ACTION_YML)).toEqual([])
  })

  test('rejects a missing description, an unknown runtime and a mistyped entry point', () => {
    const broken = ACTION_YML.replace(/^description: .*\n/m, '')
      .replace("using: 'node24'", "using: 'node99'")
      .replace("main: 'dist/index.cjs'", "mian: 'dist/index.cjs'")
    const errors = githubParserErrors(broken)
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Required property is missing: description/),
        expect.stringMatching(/Unexpected value 'node99'/),
        expect.stringMatching(/Unexpected value 'mian'/)
      ])
    )
  })
})

describe('@action-validator/core (SchemaStore schema)', () => {
  test('objects to nothing in action.yml but the node24 its schema does not know yet', () => {
    const { errors } = validateAction(ACTION_YML)
    const paths = errorPaths(errors)
    expect(paths).toContain('/runs/using')
    // The other oneOf branches (composite, docker) fail on their own keys; nothing outside /runs does.
    expect(paths.filter((p) => !p.startsWith('/runs'))).toEqual([])
  })

  test('accepts action.yml with its runtime in the schema’s node enum', () => {
    const asNode20 = ACTION_YML.replace("using: 'node24'", "using: 'node20'")
    expect(asNode20).not.toBe(ACTION_YML)
    expect(validateAction(asNode20).errors).toEqual([])
  })

  test('still catches a real mistake in the same file', () => {
    const broken = ACTION_YML.replace("using: 'node24'", "using: 'node20'")
      .replace(/^description: .*\n/m, '')
      .replace("color: 'green'", "color: 'chartreuse'")
    const paths = errorPaths(validateAction(broken).errors)
    expect(paths).toEqual(expect.arrayContaining(['/description', '/branding/color']))
  })
})
