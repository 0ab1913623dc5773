import { describe, expect, it } from '@jest/globals'
import { checkActorMayTrigger, isBotActor } from '../../src/github/permissions.js'
import { FakeGitHubApi } from './github-fake-api.js'

function apiWith(entries: Record<string, { permission: string; roleName: string }>): FakeGitHubApi {
  const api = new FakeGitHubApi()
  for (const [login, permission] of Object.entries(entries)) api.permissions.set(login, permission)
  return api
}

describe('checkActorMayTrigger', () => {
  it.each([
    ['admin', 'admin', 'admin'],
    ['maintain (reported as write)', 'write', 'maintain'],
    ['write', 'write', 'write'],
    ['a custom role built on write', 'write', 'release-manager']
  ])('allows %s', async (_name, permission, roleName) => {
    const api = apiWith({ alice: { permission, roleName } })
    await expect(checkActorMayTrigger(api, { login: 'alice', isBot: false, allowedBots: [] })).resolves.toEqual({
      allowed: true,
      role: roleName
    })
  })

  it.each([
    ['triage', 'read', 'triage', 'alice has the triage role on this repository'],
    ['read', 'read', 'read', 'alice has the read role on this repository'],
    ['a custom role built on read', 'read', 'labeller', 'alice has the labeller role on this repository'],
    ['no access', 'none', 'none', 'alice has no access to this repository']
  ])('refuses %s, naming the actor and the role', async (_name, permission, roleName, reason) => {
    const api = apiWith({ alice: { permission, roleName } })
    const result = await checkActorMayTrigger(api, { login: 'alice', isBot: false, allowedBots: [] })
    expect(result).toEqual({ allowed: false, reason: expect.stringContaining(reason) })
    expect(result.allowed === false && result.reason).toMatch(/needs write, maintain or admin access/)
  })

  it('refuses a bot that is not listed, without asking GitHub', async () => {
    const api = apiWith({})
    const result = await checkActorMayTrigger(api, { login: 'dependabot[bot]', isBot: true, allowedBots: ['renovate'] })
    expect(result).toEqual({
      allowed: false,
      reason: 'dependabot[bot] is a bot and is not listed in allowed-bots, so it cannot trigger the agent.'
    })
    expect(api.calls).toEqual([])
  })

  it('treats a [bot] login as a bot even when the event says User', async () => {
    const api = apiWith({ 'sneaky[bot]': { permission: 'admin', roleName: 'admin' } })
    const result = await checkActorMayTrigger(api, { login: 'sneaky[bot]', isBot: false, allowedBots: [] })
    expect(result.allowed).toBe(false)
  })

  it.each([
    ['listed without the suffix', 'renovate[bot]', ['renovate']],
    ['listed with the suffix', 'renovate[bot]', ['renovate[bot]']],
    ['listed in another case, with spaces', 'Renovate[bot]', [' renovate ']],
    ['a type: Bot account without the suffix', 'my-app', ['my-app[bot]']]
  ])('allows a bot %s', async (_name, login, allowedBots) => {
    const api = apiWith({})
    await expect(checkActorMayTrigger(api, { login, isBot: true, allowedBots })).resolves.toEqual({ allowed: true, role: 'allowed bot' })
  })
})

describe('isBotActor', () => {
  it('knows a bot by its type or by its [bot] login, and a person by neither', () => {
    expect(isBotActor({ login: 'renovate', type: 'Bot' })).toBe(true)
    expect(isBotActor({ login: 'dependabot[bot]', type: 'User' })).toBe(true)
    expect(isBotActor({ login: 'alice', type: 'User' })).toBe(false)
    expect(isBotActor({ login: 'bot-lover', type: 'User' })).toBe(false)
  })
})
