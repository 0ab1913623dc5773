/**
 * The best-of-N choice: the documented order, deterministic, never a candidate whose gate did not
 * pass or whose bundle was refused, whatever its numbers; the table says why each one lost.
 */
import {
  CANDIDATE_LABEL,
  candidateTable,
  chooseCandidate,
  countChangedLines,
  displayName,
  NO_BUNDLE,
  type CandidateFacts
} from '../../src/core/candidate-choice.js'

const green = (name: string, over: Partial<CandidateFacts> = {}): CandidateFacts => ({
  name,
  verdict: 'proposed',
  green: true,
  changedLines: 10,
  agentRuns: 1,
  costUsd: 0.5,
  ...over
})

describe('chooseCandidate', () => {
  test('a stuck candidate with the smallest change is never chosen; the smaller green change is', () => {
    const choice = chooseCandidate([
      green('large', { changedLines: 40 }),
      { name: 'stuck', verdict: 'gave-up', green: false, changedLines: 1, agentRuns: 3 },
      green('small', { changedLines: 4 })
    ])
    expect(choice.winner?.name).toBe('small')
    expect(choice.ranked.map((c) => [c.name, c.whyNot])).toEqual([
      ['small', ''],
      ['large', '40 changed lines, more than 4'],
      ['stuck', 'the gate did not pass (gave-up)']
    ])
  })

  test('a refused bundle is never chosen, even when it claims to be green with one line', () => {
    const choice = chooseCandidate([
      { name: 'forged', verdict: 'refused', green: false, refusal: 'digest differs', changedLines: 1, agentRuns: 1, costUsd: 0 },
      green('honest', { changedLines: 50 })
    ])
    expect(choice.winner?.name).toBe('honest')
    expect(choice.ranked[1]).toMatchObject({ name: 'forged', chosen: false, whyNot: 'its bundle was refused: it failed verification' })
  })

  test.each<[string, CandidateFacts[], string, string]>([
    ['fewer agent runs', [green('a', { agentRuns: 3 }), green('b', { agentRuns: 2 })], 'b', '3 agent runs, more than 2'],
    ['lower cost', [green('a', { costUsd: 0.9 }), green('b', { costUsd: 0.3 })], 'b', 'cost $0.90, more than $0.30'],
    [
      'a known cost before none',
      [green('a', { costUsd: undefined }), green('b', { costUsd: 7 })],
      'b',
      'no cost reported, after a known cost'
    ],
    ['the name last', [green('zed'), green('abe')], 'abe', 'ties on every count; its name sorts after abe']
  ])('ties broken by %s', (_rule, candidates, winner, loserWhy) => {
    for (const order of [candidates, [...candidates].reverse()]) {
      const choice = chooseCandidate(order)
      expect(choice.winner?.name).toBe(winner)
      expect(choice.ranked[1].whyNot).toBe(loserWhy)
    }
  })

  test('a candidate whose propose job handed over no bundle is listed, never chosen', () => {
    const choice = chooseCandidate([{ name: 'gone', verdict: NO_BUNDLE, green: false, changedLines: 0, agentRuns: 0 }, green('here')])
    expect(choice.winner?.name).toBe('here')
    expect(choice.ranked[1].whyNot).toBe('its propose job handed over no bundle')
  })

  test('no green candidate: no winner, every one says why', () => {
    const choice = chooseCandidate([
      { name: 'a', verdict: 'gave-up', green: false, changedLines: 3, agentRuns: 3 },
      { name: 'b', verdict: 'agent-failed', green: false, changedLines: 0, agentRuns: 1 }
    ])
    expect(choice.winner).toBeUndefined()
    expect(choice.ranked.every((c) => !c.chosen && c.whyNot.startsWith('the gate did not pass'))).toBe(true)
  })

  test('the table lists every candidate in order, the chosen one marked', () => {
    const table = candidateTable(chooseCandidate([green('b', { changedLines: 9 }), green('a', { changedLines: 2, costUsd: undefined })]))
    expect(table.split('\n')).toEqual([
      '| candidate | verdict | agent runs | changed lines | cost | why not chosen |',
      '|---|---|---|---|---|---|',
      '| `a` ✅ | proposed | 1 | 2 | — | chosen |',
      '| `b` | proposed | 1 | 9 | $0.50 | 9 changed lines, more than 2 |'
    ])
  })
})

describe('helpers', () => {
  test('countChangedLines counts added and removed lines, not context or headers; a binary file is one', () => {
    const patch =
      'diff --git a/x.js b/x.js\nindex 1..2 100644\n--- a/x.js\n+++ b/x.js\n@@ -1,3 +1,3 @@\n a\n-b\n+c\n d\n' +
      'diff --git a/y.bin b/y.bin\nnew file mode 100644\nindex 0..1\nGIT binary patch\nliteral 3\nKcmZQzU|;|M00aO5\n\nliteral 0\nHcmV?d00001\n\n'
    expect(countChangedLines(patch)).toBe(3)
    expect(countChangedLines('')).toBe(0)
  })

  test('labels: preset names pass; paths, spaces, markdown and newlines do not', () => {
    for (const ok of ['claude-code', 'codex', 'gemini_2', 'A1']) expect(CANDIDATE_LABEL.test(ok)).toBe(true)
    for (const bad of ['', '-x', '../x', 'a b', 'a|b', 'a\nb', 'a.b', 'x'.repeat(65)]) expect(CANDIDATE_LABEL.test(bad)).toBe(false)
    expect(displayName('a|`b`\n')).toBe('a??b??')
  })
})
