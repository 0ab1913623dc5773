/**
 * Create-or-update for the draft pull request. The branch is stable per issue and per failing
 * branch, so a rerun finds its PR already open: creating first and falling back on GitHub's
 * "already exists" costs one call for a fresh proposal and three for a rerun, with no race
 * between a lookup and a create.
 */
import type { GitHubApi } from './github-api.js'
import { EMPTY_LEDGER, readLedger, sumLedgers, withLedger, type PrLedger } from './pr-ledger.js'

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
  /**
   * What this run spent (agent runs, time, cost): the body's ledger marker is this on a new PR,
   * and the open PR's ledger plus this on an update, so a rerun never restarts the count.
   */
  spent: PrLedger
}

/** Opens a draft PR from `head` into `base`, or updates the title and body of the one already open. */
export async function openOrUpdateDraftPull(
  api: Pick<GitHubApi, 'createDraftPull' | 'findOpenPullByHead' | 'updatePull'>,
  pull: DraftPullRequest
): Promise<DraftPullOutcome> {
  const { head, base, title } = pull
  const created = await api.createDraftPull({ head, base, title, body: withLedger(pull.body, pull.spent) })
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
  const ledger = sumLedgers(readLedger(existing.body) ?? EMPTY_LEDGER, pull.spent)
  const updated = await api.updatePull(existing.number, { title: pull.title, body: withLedger(pull.body, ledger) })
  return { kind: 'updated', number: updated.number, url: updated.url }
}
