/**
 * Who may set the agent to work. A trigger spends the repository's compute and model budget and
 * ends in a branch and a pull request, so it takes the same access as pushing a branch: write,
 * maintain or admin. Bots are refused unless the workflow lists them.
 */
import type { GitHubApi } from './github-api.js'

/** The actor behind a trigger. */
export interface TriggerActor {
  login: string
  /** The event said the account is a bot (`type: Bot`). */
  isBot: boolean
  /** Bots allowed to trigger, from the `allowed-bots` input; with or without the `[bot]` suffix. */
  allowedBots: readonly string[]
}

/** Whether the actor may trigger, and the role or reason. */
export type TriggerPermission = { allowed: true; role: string } | { allowed: false; reason: string }

const ALLOWED_ROLES = new Set(['admin', 'maintain', 'write'])
// A custom role is built on a base permission; GitHub reports that base in `permission`.
const ALLOWED_PERMISSIONS = new Set(['admin', 'write'])

/** Checks that a person has write, maintain or admin access, or that a bot is explicitly allowed. */
export async function checkActorMayTrigger(api: Pick<GitHubApi, 'getActorPermission'>, actor: TriggerActor): Promise<TriggerPermission> {
  const { login } = actor
  if (actor.isBot || isBotLogin(login)) {
    const name = withoutBotSuffix(login).toLowerCase()
    const listed = actor.allowedBots.some((bot) => withoutBotSuffix(bot.trim()).toLowerCase() === name)
    return listed
      ? { allowed: true, role: 'allowed bot' }
      : { allowed: false, reason: `${login} is a bot and is not listed in allowed-bots, so it cannot trigger the agent.` }
  }
  const { permission, roleName } = await api.getActorPermission(login)
  if (ALLOWED_ROLES.has(roleName) || ALLOWED_PERMISSIONS.has(permission)) return { allowed: true, role: roleName }
  const role = roleName === 'none' || roleName === '' ? 'no access to' : `the ${roleName} role on`
  return {
    allowed: false,
    reason: `${login} has ${role} this repository; triggering the agent needs write, maintain or admin access.`
  }
}

function isBotLogin(login: string): boolean {
  return /\[bot\]$/i.test(login)
}

/** Whether an event's user is a bot: `type: Bot`, or a `[bot]` login. */
export function isBotActor(user: { login: string; type: string }): boolean {
  return user.type === 'Bot' || isBotLogin(user.login)
}

function withoutBotSuffix(login: string): string {
  return login.replace(/\[bot\]$/i, '')
}
