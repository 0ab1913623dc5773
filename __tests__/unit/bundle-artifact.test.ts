/**
 * The propose job hands its bundle over as an artifact when the runner offers artifact storage,
 * and otherwise says so in words that tell the workflow author what to add.
 */
import {
  BUNDLE_RETENTION_DAYS,
  bundleArtifactName,
  describeBundleArtifact,
  tryUploadBundleArtifact,
  type ArtifactUploader
} from '../../src/action/bundle-artifact.js'
import type { ChangeBundle } from '../../src/runtime/bundle/change-bundle.js'

const bundle = { dir: '/runner/temp/gated-agent-bundle' } as ChangeBundle
const runnerEnv = {
  ACTIONS_RUNTIME_TOKEN: 'runtime',
  ACTIONS_RESULTS_URL: 'https://results-receiver.actions.githubusercontent.com/',
  GITHUB_SERVER_URL: 'https://github.com'
}

function recordingUploader(answer: () => Promise<{ id?: number; size?: number }>) {
  const calls: Array<{ name: string; files: string[]; root: string; options?: { retentionDays?: number } }> = []
  const uploader: ArtifactUploader = {
    uploadArtifact: (name, files, root, options) => {
      calls.push({ name, files, root, options })
      return answer()
    }
  }
  return { calls, load: () => Promise.resolve(uploader) }
}

describe('tryUploadBundleArtifact', () => {
  it('uploads the manifest and the patch, rooted at the bundle directory, kept for a day', async () => {
    const { calls, load } = recordingUploader(() => Promise.resolve({ id: 42, size: 1234 }))
    const result = await tryUploadBundleArtifact(bundle, { name: 'gated-agent-bundle-77-1', env: runnerEnv, loadUploader: load })
    expect(result).toEqual({ kind: 'uploaded', name: 'gated-agent-bundle-77-1', id: 42, size: 1234 })
    expect(calls).toEqual([
      {
        name: 'gated-agent-bundle-77-1',
        files: ['/runner/temp/gated-agent-bundle/manifest.json', '/runner/temp/gated-agent-bundle/change.patch'],
        root: '/runner/temp/gated-agent-bundle',
        options: { retentionDays: BUNDLE_RETENTION_DAYS }
      }
    ])
  })

  it('does not try when the runner offers no artifact storage, and never loads the client', async () => {
    let loaded = false
    const load = (): Promise<ArtifactUploader> => {
      loaded = true
      throw new Error('must not load')
    }
    const result = await tryUploadBundleArtifact(bundle, {
      name: 'n',
      env: { GITHUB_SERVER_URL: 'https://github.com' },
      loadUploader: load
    })
    expect(result).toEqual({
      kind: 'unavailable',
      reason: expect.stringContaining('ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set')
    })
    expect(loaded).toBe(false)
  })

  it('does not try on GitHub Enterprise Server, which the artifact service does not serve', async () => {
    const { calls, load } = recordingUploader(() => Promise.resolve({}))
    const result = await tryUploadBundleArtifact(bundle, {
      name: 'n',
      env: { ...runnerEnv, GITHUB_SERVER_URL: 'https://git.example.com' },
      loadUploader: load
    })
    expect(result).toEqual({ kind: 'unavailable', reason: expect.stringContaining('GitHub Enterprise Server') })
    expect(calls).toHaveLength(0)
    const residency = await tryUploadBundleArtifact(bundle, {
      name: 'n',
      env: { ...runnerEnv, GITHUB_SERVER_URL: 'https://octo.ghe.com' },
      loadUploader: load
    })
    expect(residency.kind).toBe('uploaded')
  })

  it('turns an upload failure into a result the summary explains', async () => {
    const { load } = recordingUploader(() => Promise.reject(new Error('Failed to CreateArtifact: 503')))
    const result = await tryUploadBundleArtifact(bundle, { name: 'n', env: runnerEnv, loadUploader: load })
    expect(result).toEqual({ kind: 'failed', name: 'n', reason: 'Failed to CreateArtifact: 503' })
    expect(describeBundleArtifact(result, bundle.dir)).toBe(
      'Uploading the bundle as the artifact `n` failed: Failed to CreateArtifact: 503. Upload /runner/temp/gated-agent-bundle (output `bundle-path`) with actions/upload-artifact.'
    )
  })
})

describe('naming and describing the artifact', () => {
  it('names it per run attempt, as artifact names must be unique in a run', () => {
    expect(bundleArtifactName('9000000001', '2')).toBe('gated-agent-bundle-9000000001-2')
  })

  it('tells the workflow author what to do when it could not be uploaded', () => {
    expect(describeBundleArtifact({ kind: 'uploaded', name: 'gated-agent-bundle-1-1' }, '/b')).toContain(
      'artifact `gated-agent-bundle-1-1` (output `artifact-name`)'
    )
    expect(describeBundleArtifact({ kind: 'unavailable', reason: 'no storage here' }, '/b')).toBe(
      'The bundle was not uploaded as an artifact: no storage here. Upload /b (output `bundle-path`) with actions/upload-artifact.'
    )
  })
})
