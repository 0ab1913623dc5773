/**
 * Readers for webhook payloads, which arrive as untyped JSON: each returns a typed value or
 * undefined, never throws, so an odd payload becomes a skip with a reason rather than a crash.
 */
import type { GitHubUser } from './github-api.js'

/** The value as an object, or undefined when it is not one. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** A user object (`sender`, `actor`, `user`) as login and type. */
export function readUser(value: unknown): GitHubUser | undefined {
  const user = asRecord(value)
  if (!user || typeof user.login !== 'string') return undefined
  return { login: user.login, type: typeof user.type === 'string' ? user.type : 'User' }
}
