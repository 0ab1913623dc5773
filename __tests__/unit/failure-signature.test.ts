import { describe, expect, test } from '@jest/globals'
import { failureSignature, normaliseLine, sameFailure } from '../../src/core/failure-signature.js'
import { failStep, gateOf, passStep } from '../fakes/fake-gate.js'

/**
 * Gate output as the real tools print it (trimmed). Each sample is a function of the run, so the two
 * runs of one failure differ where real runs differ: timings, temporary paths, counts, values.
 */
interface Run {
  ms: number
  dir: string
  n: number
}
const RUN_A: Run = { ms: 12.345, dir: '/tmp/gated-agent-1733500000-abc/repo', n: 190 }
const RUN_B: Run = { ms: 48.9, dir: '/tmp/gated-agent-1733500999-f0e/repo', n: 215 }

const SAMPLES: Record<string, { step: string; same: (r: Run) => string; different: (r: Run) => string }> = {
  'node:test': {
    step: 'node --test',
    same: (r) =>
      [
        `▶ discount`,
        `  ✔ rounds to cents (${(r.ms / 10).toFixed(6)}ms)`,
        `  ✖ applies a percentage (${r.ms}ms)`,
        `    AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:`,
        ``,
        `    ${r.n} !== 180`,
        ``,
        `        at TestContext.<anonymous> (file://${r.dir}/test/discount.test.js:${r.n % 40}:12)`,
        `        at Test.runInAsyncScope (node:async_hooks:206:9)`,
        `      generatedMessage: true,`,
        `      code: 'ERR_ASSERTION',`,
        `      actual: ${r.n},`,
        `      expected: 180,`,
        `      operator: 'strictEqual'`,
        `▶ discount (${r.ms * 3}ms)`,
        `ℹ tests 2`,
        `ℹ pass 1`,
        `ℹ fail 1`,
        `ℹ duration_ms ${r.ms * 9}`
      ].join('\n'),
    different: (r) =>
      [
        `▶ discount`,
        `  ✔ applies a percentage (${r.ms}ms)`,
        `  ✖ rounds to cents (${r.ms}ms)`,
        `    AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:`,
        ``,
        `    179.99 !== 180`,
        `        at TestContext.<anonymous> (file://${r.dir}/test/discount.test.js:21:12)`,
        `ℹ tests 2`,
        `ℹ fail 1`,
        `ℹ duration_ms ${r.ms * 9}`
      ].join('\n')
  },
  jest: {
    step: 'npx jest',
    same: (r) =>
      [
        `FAIL test/discount.test.ts (${(r.ms / 10).toFixed(3)} s)`,
        `  discount`,
        `    ✓ rounds to cents (${Math.round(r.ms)} ms)`,
        `    ✕ applies a percentage (${Math.round(r.ms / 2)} ms)`,
        ``,
        `  ● discount › applies a percentage`,
        ``,
        `    expect(received).toBe(expected) // Object.is equality`,
        ``,
        `    Expected: 180`,
        `    Received: ${r.n}`,
        ``,
        `      ${r.n % 30} |   test('applies a percentage', () => {`,
        `    > ${(r.n % 30) + 1} |     expect(discount(200, 10)).toBe(180)`,
        `        |                               ^`,
        ``,
        `      at Object.<anonymous> (test/discount.test.ts:${(r.n % 30) + 1}:31)`,
        ``,
        `Test Suites: 1 failed, ${r.n % 7} passed, ${(r.n % 7) + 1} total`,
        `Tests:       1 failed, ${r.n % 11} passed, ${(r.n % 11) + 1} total`,
        `Snapshots:   0 total`,
        `Time:        ${(r.ms / 5).toFixed(3)} s`,
        `Ran all test suites.`
      ].join('\n'),
    different: (r) =>
      [
        `FAIL test/discount.test.ts (${(r.ms / 10).toFixed(3)} s)`,
        `  ● discount › refuses a negative percentage`,
        ``,
        `    expect(received).toThrow()`,
        ``,
        `    Received function did not throw`,
        ``,
        `      at Object.<anonymous> (test/discount.test.ts:30:31)`,
        `Tests:       1 failed, 1 total`,
        `Time:        ${(r.ms / 5).toFixed(3)} s`
      ].join('\n')
  },
  pytest: {
    step: 'pytest -q',
    same: (r) =>
      [
        `============================= test session starts ==============================`,
        `platform linux -- Python 3.12.3, pytest-8.2.0, pluggy-1.5.0`,
        `rootdir: ${r.dir}`,
        `collected ${(r.n % 9) + 2} items`,
        ``,
        `tests/test_discount.py .F${'.'.repeat(r.n % 9)}                                      [100%]`,
        ``,
        `=================================== FAILURES ===================================`,
        `_____________________________ test_applies_percent _____________________________`,
        ``,
        `    def test_applies_percent():`,
        `>       assert discount(200, 10) == 180`,
        `E       assert ${r.n} == 180`,
        `E        +  where ${r.n} = discount(200, 10)`,
        ``,
        `tests/test_discount.py:${r.n % 20}: AssertionError`,
        `=========================== short test summary info ============================`,
        `FAILED tests/test_discount.py::test_applies_percent - assert ${r.n} == 180`,
        `========================= 1 failed, ${(r.n % 9) + 1} passed in ${(r.ms / 100).toFixed(2)}s ==========================`
      ].join('\n'),
    different: (r) =>
      [
        `=================================== FAILURES ===================================`,
        `_____________________________ test_applies_percent _____________________________`,
        `E       TypeError: unsupported operand type(s) for -: 'int' and 'str'`,
        `${r.dir}/src/discount.py:3: TypeError`,
        `=========================== short test summary info ============================`,
        `FAILED tests/test_discount.py::test_applies_percent - TypeError: unsupported operand type(s) for -: 'int' and 'str'`,
        `========================= 1 failed in ${(r.ms / 100).toFixed(2)}s ==========================`
      ].join('\n')
  },
  eslint: {
    step: 'npx eslint .',
    same: (r) =>
      [
        ``,
        `${r.dir}/src/discount.ts`,
        `  ${r.n % 17}:7  error  'unused' is assigned a value but never used  @typescript-eslint/no-unused-vars`,
        `  ${r.n % 13}:3  error  Unexpected console statement                 no-console`,
        ``,
        `✖ 2 problems (2 errors, 0 warnings)`,
        ``
      ].join('\n'),
    different: (r) =>
      [
        ``,
        `${r.dir}/src/discount.ts`,
        `  ${r.n % 17}:7  error  'unused' is assigned a value but never used  @typescript-eslint/no-unused-vars`,
        ``,
        `✖ 1 problem (1 error, 0 warnings)`,
        ``
      ].join('\n')
  },
  ruff: {
    step: 'ruff check .',
    same: (r) =>
      [
        `src/discount.py:${r.n % 10}:8: F401 [*] \`os\` imported but unused`,
        `src/discount.py:${r.n % 25}:5: E741 Ambiguous variable name: \`l\``,
        `Found 2 errors.`,
        `[*] 1 fixable with the \`--fix\` option.`
      ].join('\n'),
    different: () =>
      [
        `src/discount.py:1:8: F401 [*] \`os\` imported but unused`,
        `src/discount.py:14:5: E501 Line too long (101 > 88)`,
        `Found 2 errors.`,
        `[*] 1 fixable with the \`--fix\` option.`
      ].join('\n')
  },
  tsc: {
    step: 'npx tsc --noEmit',
    same: (r) =>
      [
        `src/discount.ts(${r.n % 12},${(r.n % 5) + 3}): error TS2322: Type 'string' is not assignable to type 'number'.`,
        `test/discount.test.ts(${r.n % 30},18): error TS2345: Argument of type '"10"' is not assignable to parameter of type 'number'.`,
        ``,
        `Found 2 errors in 2 files.`,
        ``,
        `Errors  Files`,
        `     1  src/discount.ts:${r.n % 12}`,
        `     1  test/discount.test.ts:${r.n % 30}`
      ].join('\n'),
    different: (r) =>
      [
        `src/discount.ts(${r.n % 12},3): error TS2304: Cannot find name 'percent'.`,
        ``,
        `Found 1 error in src/discount.ts:${r.n % 12}`
      ].join('\n')
  }
}

const redWith = (step: string, tail: string) => gateOf(passStep('npm run build'), failStep(step, tail))

describe.each(Object.entries(SAMPLES))('%s output', (_tool, sample) => {
  test('the same failure in two runs (other timings, paths, hashes and numbers) has one signature', () => {
    const a = sample.same(RUN_A)
    const b = sample.same(RUN_B)
    expect(a).not.toBe(b)
    expect(sameFailure(redWith(sample.step, a), redWith(sample.step, b))).toBe(true)
  })

  test('a different failure has another signature', () => {
    expect(sameFailure(redWith(sample.step, sample.same(RUN_A)), redWith(sample.step, sample.different(RUN_A)))).toBe(false)
    expect(sameFailure(redWith(sample.step, sample.same(RUN_A)), redWith(sample.step, sample.different(RUN_B)))).toBe(false)
  })

  test('the same output from another failing step is another failure', () => {
    const tail = sample.same(RUN_A)
    expect(sameFailure(redWith(sample.step, tail), redWith('npm run other', tail))).toBe(false)
  })
})

describe('the signature', () => {
  test('a green gate is never the same failure as anything', () => {
    const green = gateOf(passStep('npm test'))
    expect(sameFailure(green, green)).toBe(false)
    expect(failureSignature(green)).toEqual([])
  })

  test('a step that fails alone versus with a second failing step differs', () => {
    const one = gateOf(failStep('npm test', 'x'), passStep('npm run lint'))
    const two = gateOf(failStep('npm test', 'x'), failStep('npm run lint', 'y'))
    expect(sameFailure(one, two)).toBe(false)
  })

  test('a timeout and an exit code are different ends of the same step', () => {
    const exit = gateOf(failStep('npm test', 'running'))
    const timedOut = gateOf({ ...failStep('npm test', 'running'), exitCode: null, timedOut: true })
    expect(sameFailure(exit, timedOut)).toBe(false)
  })

  test('a cut tail: the omission note and the partial first line are left out', () => {
    const a = `[... 1048576 earlier bytes omitted ...]\nrtial line A\nnot ok 1 - add\n`
    const b = `[... 1050000 earlier bytes omitted ...]\nother fragment\nnot ok 1 - add\n`
    expect(sameFailure(gateOf(failStep('t', a)), gateOf(failStep('t', b)))).toBe(true)
  })

  test('colours are not part of the failure', () => {
    expect(normaliseLine('\u001b[31m✖ add\u001b[39m')).toBe('✖ add')
  })

  test('names and words stay: only noise is replaced', () => {
    expect(normaliseLine(`    at Object.<anonymous> (/tmp/x-7f3a9c2/test/math.test.js:12:5)`)).toBe(
      'at Object.<anonymous> (<path>/math.test.js:N:N)'
    )
    expect(normaliseLine('2024-05-01T12:00:01.0100000Z commit 3f2a9c1e0b took 1.5s')).toBe('<time> commit <hash> took <time>')
  })
})
