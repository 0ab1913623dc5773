import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolveIssueTrigger, type IssueTriggerSettings } from '../../src/github/issue-events.js'

// Real webhook payloads, as GitHub documents them.
const require = createRequire(import.meta.url)
const examplesPath = require.resolve('@octokit/webhooks-examples/api.github.com/index.json')
const examples = JSON.parse(readFileSync(examplesPath, 'utf8')) as { name: string; examples: Record<string, unknown>[] }[]

type Payload = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

function example(name: string, action?: string): Payload {
  const found = examples.find((entry) => entry.name === name)?.examples.find((payload) => action === undefined || payload.action === action)
  if (!found) throw new Error(`no ${name} ${action} example`)
  return structuredClone(found) as Payload
}

const settings: IssueTriggerSettings = { triggerLabel: 'bug', triggerCommand: '/agent' }

describe('resolveIssueTrigger: issues', () => {
  it('triggers on the trigger label being added, with the labeller as actor and the issue from the payload', () => {
    const payload = example('issues', 'labeled')
    const trigger = resolveIssueTrigger({ eventName: 'issues', payload }, settings)
    expect(trigger).toEqual({
      kind: 'issue',
      issueNumber: payload.issue.number,
      actor: { login: payload.sender.login, type: payload.sender.type },
      issue: expect.objectContaining({
        number: payload.issue.number,
        title: payload.issue.title,
        labels: ['bug'],
        isPullRequest: false,
        htmlUrl: payload.issue.html_url
      })
    })
  })

  it('skips another label, naming both labels', () => {
    const trigger = resolveIssueTrigger(
      { eventName: 'issues', payload: example('issues', 'labeled') },
      { ...settings, triggerLabel: 'agent' }
    )
    expect(trigger).toEqual({ kind: 'skip', reason: "Issue #1 was labelled 'bug', not the trigger label 'agent'." })
  })

  it('triggers on an issue opened already carrying the label', () => {
    const trigger = resolveIssueTrigger({ eventName: 'issues', payload: example('issues', 'opened') }, settings)
    expect(trigger).toMatchObject({ kind: 'issue', issueNumber: 1 })
  })

  it('skips an issue opened without the label', () => {
    const trigger = resolveIssueTrigger(
      { eventName: 'issues', payload: example('issues', 'opened') },
      { ...settings, triggerLabel: 'agent' }
    )
    expect(trigger).toEqual({ kind: 'skip', reason: "Issue #1 was opened without the trigger label 'agent'." })
  })

  it('skips other issue actions, naming the event and action', () => {
    const trigger = resolveIssueTrigger({ eventName: 'issues', payload: example('issues', 'edited') }, settings)
    expect(trigger).toEqual({
      kind: 'skip',
      reason: "The issues event (action 'edited') does not trigger the agent; labelling an issue 'bug' does."
    })
  })

  it('skips a closed issue', () => {
    const payload = example('issues', 'labeled')
    payload.issue.state = 'closed'
    expect(resolveIssueTrigger({ eventName: 'issues', payload }, settings)).toEqual({ kind: 'skip', reason: 'Issue #1 is closed.' })
  })
})

describe('resolveIssueTrigger: issue_comment', () => {
  function commentPayload(body: string): Payload {
    const payload = example('issue_comment', 'created')
    payload.comment.body = body
    return payload
  }

  it('triggers on a comment starting with the command; the rest is the extra instruction; the commenter is the actor', () => {
    const payload = commentPayload('/agent please keep the public API unchanged\nand add tests')
    const trigger = resolveIssueTrigger({ eventName: 'issue_comment', payload }, settings)
    expect(trigger).toEqual({
      kind: 'issue',
      issueNumber: payload.issue.number,
      actor: { login: payload.comment.user.login, type: payload.comment.user.type },
      issue: expect.objectContaining({ number: payload.issue.number }),
      extraInstruction: 'please keep the public API unchanged\nand add tests'
    })
  })

  it('accepts the bare command, with no extra instruction', () => {
    const trigger = resolveIssueTrigger({ eventName: 'issue_comment', payload: commentPayload('  /agent  ') }, settings)
    expect(trigger).toMatchObject({ kind: 'issue' })
    expect(trigger).not.toHaveProperty('extraInstruction')
  })

  it.each([
    ['a comment without the command', "You are totally right! I'll get this fixed right away."],
    ['the command in the middle', 'maybe /agent could do it'],
    ['a longer word', '/agents assemble']
  ])('skips %s', (_name, body) => {
    const trigger = resolveIssueTrigger({ eventName: 'issue_comment', payload: commentPayload(body) }, settings)
    expect(trigger).toEqual({ kind: 'skip', reason: "The comment on issue #1 does not start with '/agent'." })
  })

  it('skips the command on a pull request', () => {
    const payload = commentPayload('/agent fix it')
    payload.issue.pull_request = { url: 'https://api.github.com/repos/o/r/pulls/1' }
    expect(resolveIssueTrigger({ eventName: 'issue_comment', payload }, settings)).toEqual({
      kind: 'skip',
      reason: 'The comment is on pull request #1; the command works on issues only.'
    })
  })

  it('skips an edited comment, naming the action', () => {
    const payload = example('issue_comment', 'edited')
    payload.comment.body = '/agent go'
    expect(resolveIssueTrigger({ eventName: 'issue_comment', payload }, settings)).toEqual({
      kind: 'skip',
      reason: "The issue_comment event (action 'edited') does not trigger the agent; a new comment starting with '/agent' does."
    })
  })
})

describe('resolveIssueTrigger: workflow_dispatch and others', () => {
  it('takes the issue number from the input; the issue is read later', () => {
    const payload = example('workflow_dispatch')
    const trigger = resolveIssueTrigger({ eventName: 'workflow_dispatch', payload }, { ...settings, issueNumberInput: ' 12 ' })
    expect(trigger).toEqual({ kind: 'issue', issueNumber: 12, actor: { login: payload.sender.login, type: payload.sender.type } })
  })

  it.each([
    [undefined, 'The workflow_dispatch event has no issue-number input.'],
    ['', 'The workflow_dispatch event has no issue-number input.'],
    ['#12', "The issue-number input '#12' is not an issue number."],
    ['0', "The issue-number input '0' is not an issue number."]
  ])('skips workflow_dispatch with issue-number %p', (input, reason) => {
    const trigger = resolveIssueTrigger(
      { eventName: 'workflow_dispatch', payload: example('workflow_dispatch') },
      { ...settings, issueNumberInput: input }
    )
    expect(trigger).toEqual({ kind: 'skip', reason })
  })

  it('skips any other event, naming it', () => {
    const trigger = resolveIssueTrigger({ eventName: 'push', payload: example('push') }, settings)
    expect(trigger).toEqual({ kind: 'skip', reason: 'The push event does not trigger issue-to-pr.' })
  })

  it('skips a payload without an issue rather than crashing', () => {
    expect(resolveIssueTrigger({ eventName: 'issues', payload: { action: 'labeled' } }, settings)).toEqual({
      kind: 'skip',
      reason: "The issues event (action 'labeled') carries no issue."
    })
  })
})
