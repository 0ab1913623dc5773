/**
 * Hands the change bundle of `stage: propose` to the publish job as a workflow artifact, when the
 * runner offers artifact storage. Where it does not (GitHub Enterprise Server, a runner without
 * the Actions runtime), the result says so and the workflow uploads the bundle directory with
 * actions/upload-artifact instead (docs/two-job-mode.md). Never fatal: the bundle is on disk.
 */
import path from 'node:path'
import type { ChangeBundle } from '../runtime/bundle/change-bundle.js'
import { MANIFEST_FILE, PATCH_FILE } from '../runtime/bundle/change-bundle.js'

/** Where the bundle went. */
export type BundleArtifact =
  | { kind: 'uploaded'; name: string; id?: number; size?: number }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'failed'; name: string; reason: string }

/** The part of `@actions/artifact`'s client this needs, so tests can hand in their own. */
export interface ArtifactUploader {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: { retentionDays?: number }
  ): Promise<{ id?: number; size?: number }>
}

/** How to upload; the defaults are the runner's environment and the toolkit's client. */
export interface BundleArtifactOptions {
  name: string
  env?: NodeJS.ProcessEnv
  /** Loaded only when an upload is attempted: the artifact client is a large module. */
  loadUploader?: () => Promise<ArtifactUploader>
}

/** Days the bundle artifact is kept: the publish job runs right after, and a rerun the same day still finds it. */
export const BUNDLE_RETENTION_DAYS = 1

/**
 * The artifact name for a run attempt: unique per run attempt, as artifact names must be; best of
 * N puts the candidate first, so that one download pattern (`gated-agent-bundle-*`) finds them all.
 */
export function bundleArtifactName(runId: string, runAttempt: string, candidate?: string): string {
  return `gated-agent-bundle-${candidate ? `${candidate}-` : ''}${runId || 'local'}-${runAttempt || '1'}`
}

/** Uploads the bundle's two files as one artifact, or says why it was not uploaded. */
export async function tryUploadBundleArtifact(bundle: ChangeBundle, options: BundleArtifactOptions): Promise<BundleArtifact> {
  const env = options.env ?? process.env
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    return {
      kind: 'unavailable',
      reason: 'this runner offers no artifact storage (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set)'
    }
  }
  // The toolkit refuses these hosts itself, after printing a warning that suggests trying again;
  // asking first keeps a known limit from reading like an outage.
  if (isEnterpriseServer(env.GITHUB_SERVER_URL)) {
    return {
      kind: 'unavailable',
      reason: `artifact uploads from actions are not supported on ${env.GITHUB_SERVER_URL} (GitHub Enterprise Server)`
    }
  }
  try {
    const uploader = await (options.loadUploader ?? loadToolkitUploader)()
    const files = [MANIFEST_FILE, PATCH_FILE].map((file) => path.join(bundle.dir, file))
    const uploaded = await uploader.uploadArtifact(options.name, files, bundle.dir, { retentionDays: BUNDLE_RETENTION_DAYS })
    return { kind: 'uploaded', name: options.name, id: uploaded.id, size: uploaded.size }
  } catch (error) {
    return { kind: 'failed', name: options.name, reason: error instanceof Error ? error.message : String(error) }
  }
}

/** A line for the summary saying where the bundle is and what the workflow must do. */
export function describeBundleArtifact(artifact: BundleArtifact, bundleDir: string): string {
  switch (artifact.kind) {
    case 'uploaded':
      return `Uploaded the bundle as the artifact \`${artifact.name}\` (output \`artifact-name\`); the publish job downloads it.`
    case 'unavailable':
      return `The bundle was not uploaded as an artifact: ${artifact.reason}. Upload ${bundleDir} (output \`bundle-path\`) with actions/upload-artifact.`
    case 'failed':
      return `Uploading the bundle as the artifact \`${artifact.name}\` failed: ${artifact.reason}. Upload ${bundleDir} (output \`bundle-path\`) with actions/upload-artifact.`
  }
}

/** The hosts the toolkit serves artifacts for: github.com, GHE.com data residency, local development. */
function isEnterpriseServer(serverUrl: string | undefined): boolean {
  let host: string
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.toLowerCase()
  } catch {
    return false
  }
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')
}

async function loadToolkitUploader(): Promise<ArtifactUploader> {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  return new DefaultArtifactClient()
}
