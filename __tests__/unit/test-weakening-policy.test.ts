import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { createTestWeakeningPolicy, findTestWeakening, formatFinding, type Finding } from '../../src/core/test-weakening-policy.js'
import { parsePatch } from '../../src/core/unified-diff.js'
import type { Change, ChangedPath } from '../../src/core/types.js'

// The diffs are made by real git in a throwaway repository, so the detector sees exactly what a
// workspace hands it (quoting, binary patches, renames), not what we imagine git prints.

type Tree = Record<string, string | Buffer>

const tempDirs: string[] = []
afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true })
})

const gitEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com'
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' })
}

function writeTree(root: string, tree: Tree): void {
  for (const [file, content] of Object.entries(tree)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), content)
  }
}

/** The change from `before` to `after` (whole trees: files missing from `after` are deleted). */
function changeBetween(before: Tree, after: Tree, options: { renames?: boolean } = {}): Change {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'weakening-'))
  tempDirs.push(root)
  git(root, 'init', '-q')
  writeTree(root, before)
  git(root, 'add', '-A')
  git(root, 'commit', '-q', '--allow-empty', '-m', 'before')
  for (const file of Object.keys(before)) if (!(file in after)) fs.rmSync(path.join(root, file))
  writeTree(root, after)
  git(root, 'add', '-A')
  const patch = git(root, 'diff', '--cached', '--binary', '--no-color', '--no-ext-diff', options.renames ? '-M' : '--no-renames', 'HEAD')
  const fields = git(root, 'diff', '--cached', '--name-status', '--no-renames', '-z', 'HEAD').split('\0')
  const paths: ChangedPath[] = []
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i] === 'A' ? 'added' : fields[i] === 'D' ? 'deleted' : 'modified'
    paths.push({ path: fields[i + 1], status })
  }
  return { paths, patch }
}

/** Applies a change to one file of a tree. */
function edit(tree: Tree, file: string, update: (text: string) => string): Tree {
  return { ...tree, [file]: update(String(tree[file])) }
}

/** The tree with one file deleted. */
function without(tree: Tree, file: string): Tree {
  return Object.fromEntries(Object.entries(tree).filter(([name]) => name !== file))
}

function kinds(findings: Finding[]): string[] {
  return findings.map((finding) => finding.kind)
}

const policy = createTestWeakeningPolicy()

// ---------------------------------------------------------------------------------------------

const cartTs = `export function total(prices: number[], discount = 0): number {
  const sum = prices.reduce((a, b) => a + b, 0)
  return sum - discount
}
`

const cartTestTs = `import { describe, expect, it } from '@jest/globals'
import { total } from '../src/cart.js'

describe('total', () => {
  it('adds the prices', () => {
    expect(total([1, 2])).toBe(3)
  })

  it('takes a discount off', () => {
    expect(total([10], 2)).toBe(8)
  })
})
`

const jsRepo: Tree = { 'src/cart.ts': cartTs, '__tests__/cart.test.ts': cartTestTs }
const jsTest = '__tests__/cart.test.ts'

describe('JavaScript and TypeScript', () => {
  it('passes a fix to the code', async () => {
    const change = changeBetween(
      jsRepo,
      edit(jsRepo, 'src/cart.ts', (t) => t.replace('sum - discount', 'Math.max(0, sum - discount)'))
    )
    const result = await policy.check(change)
    expect(result).toMatchObject({ ok: true, exitCode: 0, policy: true, name: 'policy: tests stay honest' })
  })

  it('passes a new test and a test renamed in place', () => {
    const after = edit(jsRepo, jsTest, (t) =>
      t
        .replace("it('adds the prices'", "it('adds up all the prices'")
        .replace('\n})\n', "\n  it('is zero for no prices', () => {\n    expect(total([])).toBe(0)\n  })\n})\n")
    )
    expect(findTestWeakening(changeBetween(jsRepo, after))).toEqual([])
  })

  it('passes a change to an expected value (an assertion replaced, not removed)', () => {
    const after = edit(jsRepo, jsTest, (t) => t.replace('toBe(8)', 'toEqual(8)'))
    expect(findTestWeakening(changeBetween(jsRepo, after))).toEqual([])
  })

  it.each([
    ["it.skip('takes a discount off'", 'it.skip'],
    ["it.only('takes a discount off'", 'it.only'],
    ["xit('takes a discount off'", 'xit'],
    ["fit('takes a discount off'", 'fit'],
    ["test.skip('takes a discount off'", 'test.skip']
  ])('fails when a test is switched off or narrowed: %s', (replacement, marker) => {
    const after = edit(jsRepo, jsTest, (t) => t.replace("it('takes a discount off'", replacement))
    const findings = findTestWeakening(changeBetween(jsRepo, after))
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'added-skip', file: jsTest, line: 9, side: 'after', what: expect.stringContaining(`\`${marker}\``) })
    ])
  })

  it('fails on describe.skip over the whole suite', () => {
    const after = edit(jsRepo, jsTest, (t) => t.replace("describe('total'", "describe.skip('total'"))
    const findings = findTestWeakening(changeBetween(jsRepo, after))
    expect(findings.map(formatFinding)).toEqual([expect.stringMatching(/^__tests__\/cart\.test\.ts:4: adds `describe\.skip`/)])
  })

  it('does not count a skipped test that was already skipped and is only renamed', () => {
    const skipped = edit(jsRepo, jsTest, (t) => t.replace("it('takes a discount off'", "it.skip('takes a discount off'"))
    const after = edit(skipped, jsTest, (t) => t.replace("it.skip('takes a discount off'", "it.skip('subtracts the discount'"))
    expect(findTestWeakening(changeBetween(skipped, after))).toEqual([])
  })

  it('fails when a test case is removed, naming it and where it was', async () => {
    const after = edit(jsRepo, jsTest, (t) =>
      t.replace("\n  it('takes a discount off', () => {\n    expect(total([10], 2)).toBe(8)\n  })\n", '\n')
    )
    const result = await policy.check(changeBetween(jsRepo, after))
    expect(result.ok).toBe(false)
    expect(result.exitCode).toBe(1)
    expect(result.tail).toContain(
      "__tests__/cart.test.ts:9 (before the change): removes the test `it('takes a discount off', () => {` (this file: 1 test definition removed, 0 added)"
    )
    expect(result.tail).toContain('fix the code, not the tests; if the test itself is wrong, a person must change it (allow-test-changes)')
  })

  it('names the test actually removed when another one was only marked', () => {
    const after = edit(jsRepo, jsTest, (t) =>
      t
        .replace("\n  it('takes a discount off', () => {\n    expect(total([10], 2)).toBe(8)\n  })\n", '\n')
        .replace("it('adds", "it.only('adds")
    )
    expect(findTestWeakening(changeBetween(jsRepo, after)).map(formatFinding)).toEqual([
      "__tests__/cart.test.ts:9 (before the change): removes the test `it('takes a discount off', () => {` (this file: 2 test definitions removed, 1 added)",
      '__tests__/cart.test.ts:5: adds `it.only`, which switches tests off or narrows the run'
    ])
  })

  it('fails when a test is commented out', () => {
    const after = edit(jsRepo, jsTest, (t) =>
      t.replace(
        "  it('takes a discount off', () => {\n    expect(total([10], 2)).toBe(8)\n  })",
        "  // it('takes a discount off', () => {\n  //   expect(total([10], 2)).toBe(8)\n  // })"
      )
    )
    expect(kinds(findTestWeakening(changeBetween(jsRepo, after)))).toEqual(['removed-tests'])
  })

  it('fails when test.todo stands in for a removed test', () => {
    const after = edit(jsRepo, jsTest, (t) =>
      t.replace("it('takes a discount off', () => {\n    expect(total([10], 2)).toBe(8)\n  })", "it.todo('takes a discount off')")
    )
    const findings = findTestWeakening(changeBetween(jsRepo, after))
    expect(kinds(findings).sort()).toEqual(['added-skip', 'removed-tests'])
    expect(findings.find((f) => f.kind === 'added-skip')?.what).toContain('`it.todo` in place of a removed test')
  })

  it('passes a new test.todo that replaces nothing', () => {
    const after = edit(jsRepo, jsTest, (t) => t.replace('\n})\n', "\n  it.todo('handles currencies')\n})\n"))
    expect(findTestWeakening(changeBetween(jsRepo, after))).toEqual([])
  })

  it('fails when assertions are removed and none added', () => {
    const after = edit(jsRepo, jsTest, (t) => t.replace('    expect(total([10], 2)).toBe(8)\n', ''))
    const findings = findTestWeakening(changeBetween(jsRepo, after))
    expect(findings).toEqual([
      {
        kind: 'removed-assertions',
        file: jsTest,
        line: 10,
        side: 'before',
        what: 'removes 1 assertion (`expect(total([10], 2)).toBe(8)`) and adds none'
      }
    ])
  })

  it('fails when a test file is deleted', async () => {
    const after = without(jsRepo, jsTest)
    const result = await policy.check(changeBetween(jsRepo, after))
    expect(result.ok).toBe(false)
    expect(result.tail).toContain('- __tests__/cart.test.ts: deletes the test file')
  })

  it.each([true, false])('passes a test file moved unchanged (rename detection %s)', (renames) => {
    const after = { ...without(jsRepo, jsTest), 'src/cart.test.ts': cartTestTs }
    expect(findTestWeakening(changeBetween(jsRepo, after, { renames }))).toEqual([])
  })

  it('passes a test moved verbatim into another test file', () => {
    const discountTest = "  it('takes a discount off', () => {\n    expect(total([10], 2)).toBe(8)\n  })\n"
    const after = {
      ...edit(jsRepo, jsTest, (t) => t.replace('\n' + discountTest, '')),
      '__tests__/discount.test.ts': `import { describe, expect, it } from '@jest/globals'\nimport { total } from '../src/cart.js'\n\ndescribe('discount', () => {\n${discountTest}})\n`
    }
    expect(findTestWeakening(changeBetween(jsRepo, after))).toEqual([])
  })

  it('does not judge a production file that happens to call .test( or skip', () => {
    const before = { 'src/match.ts': 'export const isWord = (s: string): boolean => /^\\w+$/.test(s)\n' }
    const after = { 'src/match.ts': 'export const isWord = (s: string): boolean => /^\\w+$/u.test(s) // it.skip(\n' }
    expect(findTestWeakening(changeBetween(before, after))).toEqual([])
  })
})

// ---------------------------------------------------------------------------------------------

const pyRepo: Tree = {
  'shop/cart.py': 'def total(prices, discount=0):\n    return sum(prices) - discount\n',
  'tests/test_cart.py': `import pytest

from shop.cart import total


def test_adds_prices():
    assert total([1, 2]) == 3


def test_discount():
    assert total([10], 2) == 8
`
}
const pyTest = 'tests/test_cart.py'

describe('Python', () => {
  it('passes a fix to the code and a renamed test', () => {
    const fixed = edit(pyRepo, 'shop/cart.py', (t) => t.replace('sum(prices) - discount', 'max(0, sum(prices) - discount)'))
    const after = edit(fixed, pyTest, (t) => t.replace('def test_discount', 'def test_discount_is_subtracted'))
    expect(findTestWeakening(changeBetween(pyRepo, after))).toEqual([])
  })

  it('passes a new test', () => {
    const after = edit(pyRepo, pyTest, (t) => t + '\n\ndef test_empty():\n    assert total([]) == 0\n')
    expect(findTestWeakening(changeBetween(pyRepo, after))).toEqual([])
  })

  it.each([
    ['@pytest.mark.skip(reason="flaky")', 'pytest.mark.skip'],
    ['@pytest.mark.skipif(True, reason="later")', 'pytest.mark.skipif'],
    ['@pytest.mark.xfail', 'pytest.mark.xfail'],
    ['@unittest.skip("broken")', '@unittest.skip']
  ])('fails on an added %s', (decorator, marker) => {
    const after = edit(pyRepo, pyTest, (t) => t.replace('def test_discount', `${decorator}\ndef test_discount`))
    const findings = findTestWeakening(changeBetween(pyRepo, after))
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'added-skip', file: pyTest, line: 10, what: expect.stringContaining(marker) })
    ])
  })

  it('fails on pytest.skip( inside a test', () => {
    const after = edit(pyRepo, pyTest, (t) => t.replace('def test_discount():\n', 'def test_discount():\n    pytest.skip("not now")\n'))
    expect(findTestWeakening(changeBetween(pyRepo, after)).map(formatFinding)).toEqual([
      'tests/test_cart.py:11: adds `pytest.skip`, which switches tests off or narrows the run'
    ])
  })

  it('fails when a test function is removed', () => {
    const after = edit(pyRepo, pyTest, (t) => t.replace('\n\ndef test_discount():\n    assert total([10], 2) == 8\n', '\n'))
    const findings = findTestWeakening(changeBetween(pyRepo, after))
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'removed-tests', line: 10, what: expect.stringContaining('`def test_discount():`') })
    ])
  })

  it('fails when the only assertion of a test is replaced by pass', () => {
    const after = edit(pyRepo, pyTest, (t) => t.replace('    assert total([10], 2) == 8', '    pass'))
    expect(kinds(findTestWeakening(changeBetween(pyRepo, after)))).toEqual(['removed-assertions'])
  })

  it('fails when the test file is deleted', () => {
    const after = without(pyRepo, pyTest)
    expect(findTestWeakening(changeBetween(pyRepo, after))).toEqual([
      { kind: 'deleted-test-file', file: pyTest, what: 'deletes the test file' }
    ])
  })
})

// ---------------------------------------------------------------------------------------------

const goRepo: Tree = {
  'cart/cart.go':
    'package cart\n\nfunc Total(prices []int) int {\n\tsum := 0\n\tfor _, p := range prices {\n\t\tsum += p\n\t}\n\treturn sum\n}\n',
  'cart/cart_test.go': `package cart

import "testing"

func TestTotal(t *testing.T) {
\tif got := Total([]int{1, 2}); got != 3 {
\t\tt.Fatalf("Total = %d, want 3", got)
\t}
}

func TestTotalEmpty(t *testing.T) {
\tif got := Total(nil); got != 0 {
\t\tt.Errorf("Total(nil) = %d", got)
\t}
}
`
}
const goTest = 'cart/cart_test.go'

describe('Go', () => {
  it('passes a fix to the code and a new test', () => {
    const fixed = edit(goRepo, 'cart/cart.go', (t) => t.replace('sum := 0', 'var sum int'))
    const after = edit(fixed, goTest, (t) => t + '\nfunc TestTotalOne(t *testing.T) {\n\tif Total([]int{4}) != 4 {\n\t\tt.Fail()\n\t}\n}\n')
    expect(findTestWeakening(changeBetween(goRepo, after))).toEqual([])
  })

  it('fails on an added t.Skip', () => {
    const after = edit(goRepo, goTest, (t) =>
      t.replace('func TestTotalEmpty(t *testing.T) {\n', 'func TestTotalEmpty(t *testing.T) {\n\tt.Skip("later")\n')
    )
    expect(findTestWeakening(changeBetween(goRepo, after)).map(formatFinding)).toEqual([
      'cart/cart_test.go:12: adds `t.Skip`, which switches tests off or narrows the run'
    ])
  })

  it('fails when a Test function is removed', () => {
    const after = edit(goRepo, goTest, (t) => t.slice(0, t.indexOf('\nfunc TestTotalEmpty')))
    const findings = findTestWeakening(changeBetween(goRepo, after))
    expect(findings).toEqual([
      expect.objectContaining({ kind: 'removed-tests', file: goTest, line: 11, what: expect.stringContaining('func TestTotalEmpty') })
    ])
  })

  it('fails when a failure check is removed', () => {
    const after = edit(goRepo, goTest, (t) => t.replace('\t\tt.Errorf("Total(nil) = %d", got)\n', ''))
    expect(kinds(findTestWeakening(changeBetween(goRepo, after)))).toEqual(['removed-assertions'])
  })
})

// ---------------------------------------------------------------------------------------------

const rustRepo: Tree = {
  'src/lib.rs': `pub fn total(prices: &[u32]) -> u32 {
    prices.iter().sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_prices() {
        assert_eq!(total(&[1, 2]), 3);
    }

    #[test]
    fn empty_is_zero() {
        assert_eq!(total(&[]), 0);
    }
}
`,
  'tests/cart.rs': 'use shop::total;\n\n#[test]\nfn sums() {\n    assert_eq!(total(&[5]), 5);\n}\n'
}

describe('Rust', () => {
  it('passes a fix to the code', () => {
    const after = edit(rustRepo, 'src/lib.rs', (t) => t.replace('prices.iter().sum()', 'prices.iter().copied().sum()'))
    expect(findTestWeakening(changeBetween(rustRepo, after))).toEqual([])
  })

  it('fails on an added #[ignore], also in inline test modules', () => {
    const after = edit(rustRepo, 'src/lib.rs', (t) =>
      t.replace('    #[test]\n    fn empty_is_zero', '    #[test]\n    #[ignore]\n    fn empty_is_zero')
    )
    expect(findTestWeakening(changeBetween(rustRepo, after))).toEqual([
      expect.objectContaining({ kind: 'added-skip', file: 'src/lib.rs', line: 15, what: expect.stringContaining('`#[ignore`') })
    ])
  })

  it('fails when an inline #[test] is removed', () => {
    const after = edit(rustRepo, 'src/lib.rs', (t) =>
      t.replace('\n    #[test]\n    fn empty_is_zero() {\n        assert_eq!(total(&[]), 0);\n    }\n', '')
    )
    expect(kinds(findTestWeakening(changeBetween(rustRepo, after)))).toEqual(['removed-tests'])
  })

  it('fails when an integration test file is deleted', () => {
    const after = without(rustRepo, 'tests/cart.rs')
    expect(kinds(findTestWeakening(changeBetween(rustRepo, after)))).toEqual(['deleted-test-file'])
  })
})

// ---------------------------------------------------------------------------------------------

const javaTest = 'src/test/java/shop/CartTest.java'
const javaRepo: Tree = {
  'src/main/java/shop/Cart.java':
    'package shop;\n\npublic class Cart {\n    public static int total(int... prices) {\n        int sum = 0;\n        for (int p : prices) sum += p;\n        return sum;\n    }\n}\n',
  [javaTest]: `package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CartTest {
    @Test
    void addsPrices() {
        assertEquals(3, Cart.total(1, 2));
    }

    @Test
    void emptyIsZero() {
        assertEquals(0, Cart.total());
    }
}
`
}

describe('Java', () => {
  it('passes a fix to the code and a renamed test', () => {
    const fixed = edit(javaRepo, 'src/main/java/shop/Cart.java', (t) => t.replace('int sum = 0;', 'int sum = 0; // overflow is fine here'))
    const after = edit(fixed, javaTest, (t) => t.replace('void emptyIsZero', 'void noPricesMeansZero'))
    expect(findTestWeakening(changeBetween(javaRepo, after))).toEqual([])
  })

  it.each([
    ['    @Disabled("flaky")\n', '@Disabled'],
    ['    @Ignore\n', '@Ignore']
  ])('fails on an added %s', (annotation, marker) => {
    const after = edit(javaRepo, javaTest, (t) =>
      t.replace('    @Test\n    void emptyIsZero', `    @Test\n${annotation}    void emptyIsZero`)
    )
    expect(findTestWeakening(changeBetween(javaRepo, after))).toEqual([
      expect.objectContaining({ kind: 'added-skip', file: javaTest, line: 14, what: expect.stringContaining(marker) })
    ])
  })

  it('fails on an assumption that turns a test off', () => {
    const after = edit(javaRepo, javaTest, (t) =>
      t.replace('    void emptyIsZero() {\n', '    void emptyIsZero() {\n        Assumptions.assumeTrue(false);\n')
    )
    expect(findTestWeakening(changeBetween(javaRepo, after)).map(formatFinding)).toEqual([
      'src/test/java/shop/CartTest.java:15: adds `Assumptions.assumeTrue`, which switches tests off or narrows the run'
    ])
  })

  it('fails when a @Test method is removed', () => {
    const after = edit(javaRepo, javaTest, (t) =>
      t.replace('\n    @Test\n    void emptyIsZero() {\n        assertEquals(0, Cart.total());\n    }\n', '')
    )
    expect(findTestWeakening(changeBetween(javaRepo, after))).toEqual([
      expect.objectContaining({ kind: 'removed-tests', line: 13, what: expect.stringContaining('`@Test`') })
    ])
  })

  it('fails when the test class is deleted', () => {
    const after = without(javaRepo, javaTest)
    expect(kinds(findTestWeakening(changeBetween(javaRepo, after)))).toEqual(['deleted-test-file'])
  })
})

// ---------------------------------------------------------------------------------------------

describe('odd diffs', () => {
  const png = (seed: number): Buffer => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, seed, 0, 255])

  it('reads binary files without crashing and judges only what is text', () => {
    const before = { ...jsRepo, '__tests__/fixtures/logo.png': png(1), 'docs/old.png': png(2) }
    const after = {
      ...edit(jsRepo, jsTest, (t) => t.replace("it('adds the prices'", "it.skip('adds the prices'")),
      '__tests__/fixtures/logo.png': png(3),
      'docs/new.png': png(4)
    }
    const change = changeBetween(before, after)
    expect(change.patch).toContain('GIT binary patch')
    const files = parsePatch(change.patch)
    expect(files.filter((f) => f.binary).map((f) => [f.oldPath ?? f.newPath, f.status, f.lines.length])).toEqual([
      ['__tests__/fixtures/logo.png', 'modified', 0],
      ['docs/new.png', 'added', 0],
      ['docs/old.png', 'deleted', 0]
    ])
    expect(kinds(findTestWeakening(change))).toEqual(['added-skip'])
  })

  it('reads the short binary form of a diff made without --binary', () => {
    const patch =
      'diff --git a/tests/data.bin b/tests/data.bin\nindex 1b2c3d4..5e6f7a8 100644\nBinary files a/tests/data.bin and b/tests/data.bin differ\n'
    expect(parsePatch(patch)).toEqual([
      { oldPath: 'tests/data.bin', newPath: 'tests/data.bin', status: 'modified', binary: true, lines: [] }
    ])
    expect(findTestWeakening({ paths: [{ path: 'tests/data.bin', status: 'modified' }], patch })).toEqual([])
  })

  it('counts a deleted binary test fixture as a deleted test file', () => {
    const before = { ...jsRepo, '__tests__/fixtures/logo.png': png(1) }
    expect(findTestWeakening(changeBetween(before, jsRepo)).map(formatFinding)).toEqual([
      '__tests__/fixtures/logo.png: deletes the test file'
    ])
  })

  it('names files whose paths git quotes (spaces, non-ASCII)', () => {
    const file = '__tests__/caf\u00e9 menu.test.ts'
    const before = { [file]: cartTestTs }
    const change = changeBetween(before, { [file]: cartTestTs.replace("it('adds the prices'", "xit('adds the prices'") })
    expect(change.patch).toContain('"a/__tests__/caf\\303\\251 menu.test.ts"')
    expect(findTestWeakening(change)).toEqual([expect.objectContaining({ file, line: 5 })])
  })

  it('keeps removed lines that look like diff headers inside a hunk', () => {
    const before = { 'tests/test_sql.py': 'def test_query():\n    sql = """\n-- comment\n"""\n    assert sql\n' }
    const after = { 'tests/test_sql.py': 'def test_query():\n    sql = """\n"""\n    assert sql\n' }
    const change = changeBetween(before, after)
    expect(change.patch).toContain('\n--- comment\n')
    const [file] = parsePatch(change.patch)
    expect(file.lines.filter((l) => l.kind === 'removed')).toEqual([{ kind: 'removed', text: '-- comment', oldLine: 3 }])
    expect(findTestWeakening(change)).toEqual([])
  })

  it('judges the content of a renamed and edited test file', () => {
    const after = {
      'src/cart.ts': cartTs,
      '__tests__/cart-total.test.ts': cartTestTs.replace("it('adds the prices'", "it.only('adds the prices'")
    }
    const change = changeBetween(jsRepo, after, { renames: true })
    expect(parsePatch(change.patch)).toEqual([
      expect.objectContaining({ oldPath: jsTest, newPath: '__tests__/cart-total.test.ts', status: 'renamed' })
    ])
    expect(findTestWeakening(change).map(formatFinding)).toEqual([
      '__tests__/cart-total.test.ts:5: adds `it.only`, which switches tests off or narrows the run'
    ])
  })

  it('passes an empty change', async () => {
    expect(await policy.check({ paths: [], patch: '' })).toEqual({
      name: 'policy: tests stay honest',
      policy: true,
      ok: true,
      exitCode: 0,
      tail: expect.any(String),
      durationMs: expect.any(Number),
      timedOut: false,
      missingTool: false
    })
  })

  it('bounds the feedback when a change removes a great many tests', async () => {
    const many = Array.from({ length: 50 }, (_, i) => `it('case ${i}', () => {\n  expect(${i}).toBe(${i})\n})\n`).join('')
    const result = await policy.check(changeBetween({ '__tests__/many.test.ts': many }, { '__tests__/many.test.ts': '' }))
    expect(result.ok).toBe(false)
    expect(result.tail).toContain('… and 20 more')
    expect(result.tail.split('\n').length).toBeLessThan(40)
  })
})
