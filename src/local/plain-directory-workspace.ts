import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Change, Workspace } from '../core/types.js'

/**
 * The work tree outside a git repository, as the seed allows: without git the agent's change can
 * be neither isolated nor restored, so every agent run counts as a change for the gate to judge,
 * and proposing skips the commit.
 */
export class PlainDirectoryWorkspace implements Workspace {
  constructor(
    private readonly dir: string,
    private readonly patchDir: string
  ) {}

  async begin(): Promise<{ preExistingDirty: string[] }> {
    return { preExistingDirty: [] }
  }

  async change(): Promise<Change> {
    return { paths: [{ path: path.basename(this.dir) || '.', status: 'modified' }], patch: '' }
  }

  async checkIntact(): Promise<string | undefined> {
    return undefined
  }

  async savePatch(_change: Change, name: string): Promise<string> {
    await mkdir(this.patchDir, { recursive: true })
    const file = path.join(this.patchDir, `${name}.patch`)
    await writeFile(file, '# not a git repository: no diff could be taken\n')
    return file
  }

  async restore(): Promise<void> {
    // Nothing to restore from: outside git there is no record of the tree before the run.
  }
}
