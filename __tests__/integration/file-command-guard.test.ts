/**
 * Class 5 of issue 12, the defence behind the mount namespace: every byte of the runner's file
 * commands before the agent and the gate; any change afterwards is found, named, and put back.
 */
import { chmod, mkdir, mkdtemp, readFile, readdir, realpath, rm, stat, symlink, writeFile, appendFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describeFileCommandChanges, snapshotFileCommands } from '../../src/runtime/isolation/file-command-guard.js'

const scratch = await realpath(await mkdtemp(path.join(os.tmpdir(), 'file-command-guard-')))
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

async function runnerFiles(): Promise<{ dir: string; env: Record<string, string> }> {
  const dir = path.join(await mkdtemp(path.join(scratch, 'rt-')), '_runner_file_commands')
  await mkdir(dir)
  const env = {
    GITHUB_ENV: path.join(dir, 'set_env_1'),
    GITHUB_PATH: path.join(dir, 'add_path_1'),
    GITHUB_OUTPUT: path.join(dir, 'set_output_1'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'step_summary_1'),
    GITHUB_STATE: path.join(dir, 'save_state_1')
  }
  for (const file of Object.values(env)) await writeFile(file, '')
  await writeFile(path.join(dir, 'set_env_earlier_step'), 'FROM_AN_EARLIER_STEP=1\n')
  await writeFile(env.GITHUB_OUTPUT, 'earlier<<EOF\nvalue\nEOF\n')
  await chmod(env.GITHUB_OUTPUT, 0o640)
  return { dir, env }
}

describe('snapshotFileCommands', () => {
  it('finds nothing when nothing changed', async () => {
    const { env } = await runnerFiles()
    const snapshot = await snapshotFileCommands(env)
    expect(snapshot.files).toHaveLength(6)
    expect(await snapshot.changes()).toEqual([])
    expect(await snapshot.restore()).toEqual([])
  })

  it('names every appended, replaced, created, deleted or re-moded file, and puts each back exactly', async () => {
    const { dir, env } = await runnerFiles()
    const before = new Map<string, Buffer>()
    for (const name of await readdir(dir)) before.set(name, await readFile(path.join(dir, name)))
    const earlierMode = (await stat(path.join(dir, 'set_env_earlier_step'))).mode
    const snapshot = await snapshotFileCommands(env)

    await appendFile(env.GITHUB_ENV, 'BASH_ENV=/tmp/pwn\n')
    await appendFile(env.GITHUB_PATH, '/tmp/evil-bin\n')
    // A swallowed delimiter: the action's own output would be read as part of this one.
    await appendFile(env.GITHUB_OUTPUT, 'result<<NEVER\n')
    await rm(env.GITHUB_STEP_SUMMARY)
    await symlink('/etc/passwd', env.GITHUB_STEP_SUMMARY)
    await rm(env.GITHUB_STATE)
    await writeFile(path.join(dir, 'set_env_later'), 'LD_PRELOAD=/tmp/x.so\n')
    await chmod(path.join(dir, 'set_env_earlier_step'), 0o666)

    const changes = await snapshot.changes()
    expect(changes.map((c) => [path.basename(c.file), c.what])).toEqual([
      ['add_path_1', 'changed'],
      ['save_state_1', 'deleted'],
      ['set_env_1', 'changed'],
      ['set_env_earlier_step', 'changed'],
      ['set_env_later', 'created'],
      ['set_output_1', 'changed'],
      ['step_summary_1', 'changed']
    ])
    expect(describeFileCommandChanges(changes)).toContain(`${env.GITHUB_ENV} (changed)`)

    expect(await snapshot.restore()).toHaveLength(7)
    expect((await readdir(dir)).sort()).toEqual([...before.keys()].sort())
    for (const [name, bytes] of before) expect(await readFile(path.join(dir, name))).toEqual(bytes)
    expect((await stat(env.GITHUB_OUTPUT)).mode & 0o777).toBe(0o640)
    expect((await stat(path.join(dir, 'set_env_earlier_step'))).mode).toBe(earlierMode)
    expect(await snapshot.changes()).toEqual([])
  })
})
