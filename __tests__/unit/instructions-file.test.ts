import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { findInstructionsFile, INSTRUCTIONS_MAX_BYTES, InstructionsFileError } from '../../src/runtime/instructions-file.js'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gated-agent-instructions-'))
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function put(name: string, text: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
  await writeFile(path.join(dir, name), text)
}

describe('the conventional files', () => {
  test('none present: undefined', async () => {
    expect(await findInstructionsFile(dir)).toBeUndefined()
  })

  test('AGENTS.md comes first', async () => {
    await put('AGENTS.md', 'agents')
    await put('.agent/instructions.md', 'dot agent')
    await put('agent-config.md', 'config')
    expect(await findInstructionsFile(dir)).toEqual({ path: 'AGENTS.md', text: 'agents' })
  })

  test('then .agent/instructions.md, then agent-config.md', async () => {
    await put('agent-config.md', 'config')
    expect(await findInstructionsFile(dir)).toEqual({ path: 'agent-config.md', text: 'config' })
    await put('.agent/instructions.md', 'dot agent')
    expect(await findInstructionsFile(dir)).toEqual({ path: '.agent/instructions.md', text: 'dot agent' })
  })

  test('a directory named like a candidate is passed over', async () => {
    await mkdir(path.join(dir, 'AGENTS.md'))
    await put('agent-config.md', 'config')
    expect((await findInstructionsFile(dir))?.path).toBe('agent-config.md')
  })

  test('a candidate that exists but cannot be read is an error, not silently skipped', async () => {
    await symlink('AGENTS.md', path.join(dir, 'AGENTS.md'))
    await put('agent-config.md', 'config')
    const error = await findInstructionsFile(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InstructionsFileError)
    expect((error as InstructionsFileError).path).toBe('AGENTS.md')
  })
})

describe('an explicit file', () => {
  test('wins over the candidates, resolved against the directory', async () => {
    await put('AGENTS.md', 'agents')
    await put('docs/agent.md', 'explicit')
    expect(await findInstructionsFile(dir, 'docs/agent.md')).toEqual({ path: 'docs/agent.md', text: 'explicit' })
  })

  test('outside the directory keeps its absolute path', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'gated-agent-elsewhere-'))
    try {
      await writeFile(path.join(other, 'rules.md'), 'elsewhere')
      expect(await findInstructionsFile(dir, path.join(other, 'rules.md'))).toEqual({
        path: path.join(other, 'rules.md'),
        text: 'elsewhere'
      })
    } finally {
      await rm(other, { recursive: true, force: true })
    }
  })

  test('missing: InstructionsFileError naming the path and the reason', async () => {
    await put('AGENTS.md', 'agents')
    const error = await findInstructionsFile(dir, 'docs/missing.md').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(InstructionsFileError)
    const typed = error as InstructionsFileError
    expect(typed.path).toBe('docs/missing.md')
    expect(typed.reason).toContain('no such file')
    expect(typed.message).toContain('docs/missing.md')
    expect(typed.message).toContain(path.join(dir, 'docs/missing.md'))
  })

  test('a directory: InstructionsFileError', async () => {
    await mkdir(path.join(dir, 'docs'))
    await expect(findInstructionsFile(dir, 'docs')).rejects.toThrow(/instructions file docs: it is not a regular file/)
  })

  test('an empty name means none was given', async () => {
    await put('AGENTS.md', 'agents')
    expect((await findInstructionsFile(dir, '  '))?.path).toBe('AGENTS.md')
  })
})

describe('the size cap', () => {
  test('a file over the cap is cut, with a note saying so', async () => {
    await put('AGENTS.md', 'a'.repeat(INSTRUCTIONS_MAX_BYTES) + 'THE END')
    const found = await findInstructionsFile(dir)
    expect(found?.text.startsWith('a'.repeat(1000))).toBe(true)
    expect(found?.text).not.toContain('THE END')
    expect(found?.text).toContain(
      `AGENTS.md is ${INSTRUCTIONS_MAX_BYTES + 7} bytes; only its first ${INSTRUCTIONS_MAX_BYTES} bytes are included`
    )
    expect(found?.text.length).toBeLessThan(INSTRUCTIONS_MAX_BYTES + 200)
  })

  test('a cut inside a multi-byte character leaves no replacement character', async () => {
    await put('AGENTS.md', 'x' + 'é'.repeat(INSTRUCTIONS_MAX_BYTES))
    const found = await findInstructionsFile(dir)
    expect(found?.text).not.toContain('\uFFFD')
    expect(found?.text).toContain('only its first')
  })

  test('a file at the cap is read whole, a byte-order mark dropped', async () => {
    await put('AGENTS.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('b'.repeat(INSTRUCTIONS_MAX_BYTES - 3))]))
    const found = await findInstructionsFile(dir)
    expect(found?.text).toBe('b'.repeat(INSTRUCTIONS_MAX_BYTES - 3))
  })
})
