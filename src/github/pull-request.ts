/**
 * Create-or-update for the draft pull request. The branch is stable per issue and per failing
 * branch, so a rerun finds its PR already open: creating first and falling back on GitHub's
 * "already exists" costs one call for a fresh proposal and three for a rerun, with no race
 * between a lookup and a create.
 */
import type { GitHubApi } from './github-api.js'

/** What was done with the pull request. */
export interface DraftPullOutcome {
  kind: 'created' | 'updated'
  number: number
  url: string
}

/** The pull request to propose. */
export interface DraftPullRequest {
  head: string
  base: string
  title: string
  body: string
}

/** Opens a draft PR from `head` into `base`, or updates the title and body of the one already open. */
export async function openOrUpdateDraftPull(
  api: Pick<GitHubApi, 'createDraftPull' | 'findOpenPullByHead' | 'updatePull'>,
  pull: DraftPullRequest
): Promise<DraftPullOutcome> {
  const created = await api.createDraftPull(pull)
  if (created.kind === 'created') return { kind: 'created', number: created.pull.number, url: created.pull.url }

  const existing = await api.findOpenPullByHead(pull.head)
  if (!existing) {
    // GitHub said one exists but lists none open for this head: it was closed in between, or it
    // comes from another repository's branch of the same name. Refuse to guess.
    throw new Error(
      `GitHub says a pull request already exists for ${pull.head} ("${created.message}"), but none is open from this repository's branch.`
    )
  }
  // Title and body only: a PR a person has marked ready stays ready, and a draft stays a draft.
  const updated = await api.updatePull(existing.number, { title: pull.title, body: pull.body })
  return { kind: 'updated', number: updated.number, url: updated.url }
}
