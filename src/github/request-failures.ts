/**
 * Telling GitHub's answers from GitHub's absence. Octokit reports a request that got no answer at
 * all (connection refused or reset, DNS, TLS) as an `HttpError` with status 500 and no response,
 * after the retry plugin has tried again; GitHub's own 500 comes with a response.
 */

/** True when `error`, or an error it was caused by, is a request that reached no GitHub at all. */
export function isGitHubUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++) {
    const { status, response } = current as { status?: unknown; response?: unknown }
    if (current.name === 'HttpError' && status === 500 && response === undefined) return true
  }
  return false
}
