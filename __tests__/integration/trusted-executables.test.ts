/**
 * Class 1 of issue 12: the executables the action runs after the agent are the system's. A file
 * named like a tool, dropped where the agent can write (a directory early on PATH, HOME, the work
 * tree), is never chosen; a system path that someone other than root could change is refused.
 */
import { chmod, chown, mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  resolveTrustedExecutable,
  SYSTEM_PATH,
  tryResolveTrustedExecutable,
  UntrustedExecutableError,
  whyUntrusted
} from '../../src/runtime/process/trusted-executables.js'
import { tryFindExecutable } from '../../src/runtime/process/process-runner.js'

const isRoot = process.getuid?.() === 0
const scratch = await realpath(await mkdtemp(path.join(os.tmpdir(), 'trusted-executables-')))
const afterAllCleanups: Array<() => Promise<void>> = []
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
  for (const cleanup of afterAllCleanups) await cleanup()
})

async function plantedGit(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const file = path.join(dir, 'git')
  await writeFile(file, '#!/bin/sh\necho pwned\n', { mode: 0o755 })
  return file
}

describe('resolveTrustedExecutable', () => {
  it('a git planted early on PATH is what a PATH lookup finds (the attack), never what this finds', async () => {
    const home = path.join(scratch, 'home')
    const planted = await plantedGit(path.join(home, '.local', 'bin'))
    expect(await tryFindExecutable('git', `${path.dirname(planted)}:${SYSTEM_PATH}`)).toBe(planted)
    const git = await resolveTrustedExecutable('git', { untrustedRoots: [home] })
    expect(SYSTEM_PATH.split(':')).toContain(path.dirname(git))
    expect(await whyUntrusted(git)).toBeUndefined()
  })

  it('finds the tools the sandbox needs, as absolute paths in the system directories', async () => {
    for (const name of ['sh', 'unshare', 'setpriv', 'mount', 'umount', 'mkdir', 'chown', 'chmod']) {
      const found = await resolveTrustedExecutable(name)
      expect(path.isAbsolute(found)).toBe(true)
    }
  })

  it('refuses a path under a directory the agent can write, even when root owns it', async () => {
    const work = path.join(scratch, 'work')
    const planted = await plantedGit(work)
    await expect(resolveTrustedExecutable(planted, { untrustedRoots: [work] })).rejects.toThrow(
      /is under .*work, which the agent can write/
    )
    expect(await whyUntrusted(planted, { untrustedRoots: [work] })).toMatch(/which the agent can write/)
  })

  const itAsRoot = isRoot ? it : it.skip
  itAsRoot('refuses a file or a directory above it that is not root-owned, or that its group or others can write', async () => {
    // Under root's HOME, not /tmp: every directory above must pass too, and /tmp (1777) would not.
    const parent = await realpath(await mkdtemp(path.join('/root', 'trusted-executables-')))
    afterAllCleanups.push(() => rm(parent, { recursive: true, force: true }))
    const dir = path.join(parent, 'opt-bin')
    const file = await plantedGit(dir)
    await chmod(parent, 0o755)
    await chmod(dir, 0o755)
    expect(await whyUntrusted(file)).toBeUndefined()
    await chmod(file, 0o775)
    expect(await whyUntrusted(file)).toMatch(/writable by its group or by others \(mode 775\)/)
    await chmod(file, 0o755)
    await chmod(dir, 0o777)
    expect(await whyUntrusted(file)).toMatch(/opt-bin is writable by its group or by others/)
    await chmod(dir, 0o755)
    await chown(file, 1234, 1234)
    expect(await whyUntrusted(file)).toMatch(/owned by uid 1234, not root/)
    // Searched as a system directory, the bad file is skipped and the search says why.
    await expect(resolveTrustedExecutable('git', { searchPath: dir })).rejects.toThrow(UntrustedExecutableError)
    await expect(resolveTrustedExecutable('git', { searchPath: dir })).rejects.toThrow(/No trustworthy git .*owned by uid 1234/)
  })

  it('says a tool is missing, naming where it looked', async () => {
    await expect(resolveTrustedExecutable('no-such-tool-here')).rejects.toThrow(
      `no-such-tool-here is not installed in the system directories (${SYSTEM_PATH}).`
    )
    expect(await tryResolveTrustedExecutable('no-such-tool-here')).toBeUndefined()
  })
})
