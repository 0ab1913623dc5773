import { OutputTail, boundFailureText, cleanTerminalText, keepEnd } from '../../src/core/output-tail.js'
import type { StepResult } from '../../src/core/types.js'

function step(overrides: Partial<StepResult>): StepResult {
  return { name: 'npm test', exitCode: 1, ok: false, durationMs: 1200, tail: '', timedOut: false, missingTool: false, ...overrides }
}

describe('OutputTail', () => {
  it('keeps everything while under capacity, with no omission note', () => {
    const tail = new OutputTail(64)
    tail.push(Buffer.from('hello '))
    tail.push(Buffer.from('world\n'))
    expect(tail.text()).toBe('hello world\n')
    expect(tail.truncatedBytes).toBe(0)
  })

  it('keeps only the last bytes across many small pushes that wrap the ring, and says how many were dropped', () => {
    const tail = new OutputTail(10)
    for (let i = 0; i < 100; i++) tail.push(Buffer.from(String(i % 10)))
    expect(tail.truncatedBytes).toBe(90)
    expect(tail.text()).toBe('[... 90 earlier bytes omitted ...]\n0123456789')
  })

  it('keeps the end of a single chunk larger than the capacity', () => {
    const tail = new OutputTail(8)
    tail.push(Buffer.from('abc'))
    tail.push(Buffer.from('0123456789ABCDEF'))
    expect(tail.bytes().toString()).toBe('89ABCDEF')
    expect(tail.truncatedBytes).toBe(11)
  })

  it('drops a multi-byte character cut in half at the start instead of showing garbage', () => {
    // 'é' is 2 bytes and '€' is 3: a 4-byte window over 'aé€€' starts at the last byte of the first '€'.
    const tail = new OutputTail(4)
    tail.push(Buffer.from('aé€€'))
    expect(tail.truncatedBytes).toBe(5)
    const text = tail.text()
    expect(text).toBe('[... 6 earlier bytes omitted ...]\n€')
    expect(text).not.toContain('\uFFFD')
  })

  it('decodes invalid UTF-8 leniently as replacement characters', () => {
    const tail = new OutputTail(64)
    tail.push(Buffer.from([0x6f, 0x6b, 0xff, 0xfe, 0x20, 0x64, 0x6f, 0x6e, 0x65]))
    expect(tail.text()).toBe('ok\uFFFD\uFFFD done')
  })

  it('strips ANSI colours, NUL and other control bytes but keeps newlines and tabs', () => {
    const tail = new OutputTail(256)
    tail.push(Buffer.from('\x1b[31mFAIL\x1b[0m\tsrc/a.test.ts\r\n\x00bell\x07 \x1b]0;title\x07done\n'))
    expect(tail.text()).toBe('FAIL\tsrc/a.test.ts\nbell done\n')
  })

  it('handles a binary stream without throwing and keeps only printable text', () => {
    const tail = new OutputTail(4096)
    const binary = Buffer.alloc(100_000)
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256
    tail.push(binary)
    const text = tail.text()
    expect(text.startsWith('[... 95904 earlier bytes omitted ...]\n')).toBe(true)
    expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/) // eslint-disable-line no-control-regex
  })
})

describe('cleanTerminalText', () => {
  it('removes cursor movement and OSC hyperlinks, leaving the words', () => {
    expect(cleanTerminalText('\x1b[2K\x1b[1Gprogress \x1b]8;;https://x.test\x1b\\link\x1b]8;;\x1b\\ ok')).toBe('progress link ok')
  })
})

describe('keepEnd', () => {
  it('keeps the end, leads with a note, and never exceeds the cap', () => {
    const text = 'x'.repeat(500) + 'THE ERROR'
    const kept = keepEnd(text, 100)
    expect(kept.length).toBeLessThanOrEqual(100)
    expect(kept.endsWith('THE ERROR')).toBe(true)
    expect(kept).toMatch(/^\[\.\.\. \d+ earlier characters omitted \.\.\.\]\n/)
  })

  it('does not split a surrogate pair at the cut', () => {
    const kept = keepEnd('😀'.repeat(100), 60)
    expect(kept.length).toBeLessThanOrEqual(60)
    const body = kept.slice(kept.indexOf('\n') + 1)
    expect(body.charCodeAt(0)).toBe('😀'.charCodeAt(0))
  })
})

describe('boundFailureText', () => {
  it('shows only failed steps, each with a header naming its failure', () => {
    const text = boundFailureText(
      [
        step({ name: 'npm run lint', ok: true, exitCode: 0, tail: 'all clean' }),
        step({ name: 'npm test', exitCode: 1, tail: 'Expected 2, received 3\n' }),
        step({ name: 'ruff check .', exitCode: 127, missingTool: true, tail: "hint: 'ruff' is not installed" }),
        step({ name: 'pytest -q', exitCode: null, timedOut: true, durationMs: 90_400, tail: 'collecting...' })
      ],
      { perStep: 1000, total: 5000 }
    )
    expect(text).not.toContain('all clean')
    expect(text).toContain('$ npm test  (exit code 1)\nExpected 2, received 3')
    expect(text).toContain("$ ruff check .  (not installed)\nhint: 'ruff' is not installed")
    expect(text).toContain('$ pytest -q  (timed out after 90s)\ncollecting...')
  })

  it('labels policy steps without a shell prompt', () => {
    const text = boundFailureText(
      [step({ name: 'policy: protected-paths', policy: true, exitCode: null, tail: '.github/workflows/ci.yml changed' })],
      {
        perStep: 500,
        total: 500
      }
    )
    expect(text).toBe('policy: protected-paths  (failed)\n.github/workflows/ci.yml changed')
  })

  it('caps each step at perStep characters keeping the end of its output', () => {
    const tail = 'noise\n'.repeat(10_000) + 'AssertionError: boom'
    const text = boundFailureText([step({ tail })], { perStep: 300, total: 10_000 })
    expect(text.length).toBeLessThanOrEqual(300)
    expect(text.startsWith('$ npm test  (exit code 1)\n')).toBe(true)
    expect(text.endsWith('AssertionError: boom')).toBe(true)
    expect(text).toContain('earlier characters omitted')
  })

  it('caps the whole at total while still showing the end of every failed step', () => {
    const steps = ['lint', 'unit', 'e2e'].map((name) => step({ name, tail: 'x'.repeat(5000) + `END-${name}` }))
    const text = boundFailureText(steps, { perStep: 4000, total: 900 })
    expect(text.length).toBeLessThanOrEqual(900)
    for (const name of ['lint', 'unit', 'e2e']) {
      expect(text).toContain(`$ ${name}  (exit code 1)`)
      expect(text).toContain(`END-${name}`)
    }
  })

  it('says a silent failure had no output, and returns nothing when every step passed', () => {
    expect(boundFailureText([step({ tail: '' })], { perStep: 200, total: 200 })).toBe('$ npm test  (exit code 1)\n(no output)')
    expect(boundFailureText([step({ ok: true, exitCode: 0 })], { perStep: 200, total: 200 })).toBe('')
  })
})
