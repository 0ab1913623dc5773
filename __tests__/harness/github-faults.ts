/**
 * Faults the GitHub fake can answer with instead of the real thing, with the exact headers and
 * messages GitHub sends, so the retry and throttling plugins react as they do in production.
 */

/** Which requests a fault answers, and how. */
export interface FaultSpec {
  /** Match by operation id (e.g. `pulls/create`) ... */
  operationId?: string
  /** ... and/or by method and a regular expression over the request path. */
  method?: string
  pathRegex?: RegExp
  status: number
  /** How many matching requests get the fault (default 1); then the fake answers normally again. */
  times?: number
  headers?: Record<string, string>
  /** JSON body (objects) or raw text (strings); a status-appropriate GitHub message by default. */
  body?: unknown
  /** Wait this long before answering (a slow API). */
  delayMs?: number
}

/** A live fault: how often it fired, and a way to withdraw it. */
export interface FaultHandle {
  readonly hits: number
  readonly remaining: number
  clear(): void
}

/** The status, headers and body of a primary rate limit: 403 with `x-ratelimit-remaining: 0`. */
export function primaryRateLimit(resetInSeconds = 1): Pick<FaultSpec, 'status' | 'headers' | 'body'> {
  return {
    status: 403,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds),
      'x-ratelimit-resource': 'core'
    },
    body: {
      message: 'API rate limit exceeded for installation ID 1000001.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit',
      status: '403'
    }
  }
}

/** A secondary (abuse) rate limit: 403 or 429 with `retry-after` and GitHub's wording. */
export function secondaryRateLimit(retryAfterSeconds = 1, status: 403 | 429 = 403): Pick<FaultSpec, 'status' | 'headers' | 'body'> {
  return {
    status,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
        'If you reach out to GitHub Support for help, please include the request ID 0000:0000:000000:000000:00000000.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: String(status)
    }
  }
}

/** GitHub's body for a status when a fault gives none. */
export function defaultFaultBody(status: number): unknown {
  if (status === 502) return { message: 'Server Error' }
  if (status === 503) return { message: 'Service Unavailable' }
  if (status >= 500) return { message: 'Server Error', status: String(status) }
  if (status === 401) return { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' }
  if (status === 404) return { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' }
  return { message: `Fault ${status}`, documentation_url: 'https://docs.github.com/rest', status: String(status) }
}
