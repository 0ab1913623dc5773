/**
 * The one Octokit the product uses: the toolkit's proxy-aware client, the retry and throttling
 * plugins configured for a job that must not give up on a transient GitHub error, and the request
 * guard that refuses merge, approve, ready-for-review and branch writes before they are sent.
 */
import * as github from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { ForbiddenRequestError, refusalFor } from './request-guard.js'
import { createGitHubApi, type GitHubApi } from './github-api.js'

/** The Octokit instance `createGitHubClient` returns. */
export type GitHubClient = ReturnType<typeof github.getOctokit>

/** Where the client reports retries and rate limits. */
export interface ClientLog {
  warning(message: string): void
}

/** Options of `createGitHubClient`; the defaults suit a workflow run. */
export interface GitHubClientOptions {
  /** API root; the toolkit's default is `GITHUB_API_URL` (GitHub Enterprise) or https://api.github.com. */
  baseUrl?: string
  userAgent?: string
  log?: ClientLog
  /** Retries of a request GitHub rate-limited, each after the wait GitHub asks for. */
  rateLimitRetries?: number
  /** Longest rate-limit wait worth sitting out, in seconds; beyond it the error is reported. */
  maxRateLimitWaitSeconds?: number
  /** Retries of a 5xx answer or a network failure, writes included. */
  serverErrorRetries?: number
  /** Milliseconds in one second of back-off: 1000 for real, smaller in tests. */
  retryAfterBaseMs?: number
}

/**
 * Creates the guarded, retrying, throttled Octokit. `request` options are deliberately not passed:
 * the toolkit's defaults merge shallowly and a `request` key would drop its proxy-aware fetch.
 */
export function createGitHubClient(token: string, options: GitHubClientOptions = {}): GitHubClient {
  const warn = (message: string): void => (options.log ? options.log.warning(message) : console.warn(message))
  const rateLimitRetries = options.rateLimitRetries ?? 2
  const maxWait = options.maxRateLimitWaitSeconds ?? 300
  const baseMs = options.retryAfterBaseMs ?? 1000

  const onLimit =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
      const what = `${request.method} ${request.url}`
      if (retryCount >= rateLimitRetries) {
        warn(`GitHub ${kind} on ${what}; giving up after ${retryCount} retries.`)
        return false
      }
      if (retryAfter > maxWait) {
        warn(`GitHub ${kind} on ${what}; it asks to wait ${retryAfter}s, longer than ${maxWait}s, so the request fails.`)
        return false
      }
      warn(`GitHub ${kind} on ${what}; retrying in ${retryAfter}s (retry ${retryCount + 1} of ${rateLimitRetries}).`)
      return true
    }

  const octokit = github.getOctokit(
    token,
    {
      // Without one, the toolkit's default applies: GITHUB_API_URL, else https://api.github.com.
      ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
      userAgent: options.userAgent ?? 'gated-agent',
      log: { debug: () => undefined, info: () => undefined, warn, error: warn },
      retry: {
        retries: options.serverErrorRetries ?? 3,
        retryAfterBaseValue: baseMs,
        // The retry plugin retries every method, POST included: GitHub's 5xx on a write (a comment,
        // a pull request) is transient and worth another try; a duplicate PR comes back as a 422
        // that `openOrUpdateDraftPull` turns into an update. 429 is left to the throttling plugin,
        // which honours `retry-after`; the retry plugin would ignore it.
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
      },
      throttle: {
        retryAfterBaseValue: baseMs,
        onRateLimit: onLimit('rate limit'),
        onSecondaryRateLimit: onLimit('secondary rate limit')
      }
    },
    retry,
    throttling
  )
  installRequestGuard(octokit, octokit.request.endpoint.DEFAULTS.baseUrl)
  return octokit
}

/**
 * Refuses forbidden requests in a `before request` hook. Added after the plugins, it runs
 * outermost: a refused call throws before any limiter, retry or fetch sees it.
 */
function installRequestGuard(octokit: GitHubClient, baseUrl: string): void {
  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '')
  octokit.hook.before('request', (options) => {
    const { method, url, body } = octokit.request.endpoint.parse(options)
    const pathname = new URL(url, baseUrl).pathname
    // GitHub Enterprise serves the API under a prefix (/api/v3); the rules are written from the root.
    const path = basePath && pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : pathname
    const reason = refusalFor({ method, path, body })
    if (reason !== undefined) throw new ForbiddenRequestError(method.toUpperCase(), path, reason)
  })
}

/**
 * The job's facade: a client with the job's token and warnings to `log`, bound to the repository
 * the workflow runs in.
 */
export function createRepositoryApi(
  token: string,
  target: { apiUrl: string; owner: string; repo: string },
  log: { warning(message: string): void }
): GitHubApi {
  return createGitHubApi(createGitHubClient(token, { baseUrl: target.apiUrl, log: { warning: (message) => log.warning(message) } }), target)
}
