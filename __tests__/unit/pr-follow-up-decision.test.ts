import { describe, expect, it } from '@jest/globals'
import { decideJob } from '../../src/action/job-decision.js'
import { readActionSettings } from '../../src/action/settings.js'
import { readRunnerContext } from '../../src/action/runner-context.js'
import {
  issueCommentEvent,
  pullRequestReviewCommentEvent,
  pullRequestReviewEvent,
  workflowRunFailedEvent
} from '../harness/webhook-events.js'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const target = { owner: 'octo-org', repo: 'octo-repo', repoId: 123456789, defaultBranch: 'main' }
const SHA = 'b'.repeat(40)

function settings(inputs: Record<string, string> = {}) {
  const values: Record<string, string> = {
    'github-token': 't',
    'agent-command': 'agent {prompt_file}',
    'branch-prefix': 'agent/',
    'trigger-label': 'agent',
    'trigger-command': '/agent',
    ...inputs
  }
  return readActionSettings((name) => values[name] ?? '')
}

function context(eventName: string, payload: object) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-decision-'))
  const file = path.join(dir, 'event.json')
  fs.writeFileSync(file, JSON.stringify(payload))
  try {
    return readRunnerContext({
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: file,
      GITHUB_REPOSITORY: 'octo-org/octo-repo',
      GITHUB_REPOSITORY_ID: String(target.repoId),
      GITHUB_ACTOR: 'octocat',
      GITHUB_RUN_ID: '42',
      GITHUB_SHA: SHA,
      GITHUB_REF: 'refs/heads/main'
    })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const pull = { ...target, pullNumber: 8, headRef: 'agent/issue-7', headSha: SHA, sender: 'alice' }

describe('decideJob: follow-ups on our own pull requests', () => {
  it('a /agent comment on a PR is a follow-up carrying the instruction (not issue-to-pr)', () => {
    const event = issueCommentEvent({
      ...target,
      issueNumber: 8,
      sender: 'alice',
      commentBody: '/agent rename x to y',
      onPullRequest: true
    })
    expect(decideJob(context('issue_comment', event), settings())).toEqual({
      kind: 'pr-follow-up',
      trigger: { kind: 'comment', pullNumber: 8, actor: { login: 'alice', type: 'User' }, instruction: 'rename x to y' }
    })
  })

  it('a review requesting changes is a follow-up with its body; a plain comment review is not', () => {
    const changes = pullRequestReviewEvent({ ...pull, reviewId: 91, reviewState: 'changes_requested', body: 'Please add tests' })
    expect(decideJob(context('pull_request_review', changes), settings())).toMatchObject({
      kind: 'pr-follow-up',
      trigger: { kind: 'review', pullNumber: 8, reviewId: 91, instruction: 'Please add tests' }
    })
    const commented = pullRequestReviewEvent({ ...pull, reviewId: 92, reviewState: 'commented', body: 'Looks fine' })
    expect(decideJob(context('pull_request_review', commented), settings())).toMatchObject({ kind: 'skip' })
    const commanded = pullRequestReviewEvent({ ...pull, reviewId: 93, reviewState: 'commented', body: '/agent use a map' })
    expect(decideJob(context('pull_request_review', commanded), settings())).toMatchObject({
      kind: 'pr-follow-up',
      trigger: { kind: 'review', instruction: 'use a map' }
    })
  })

  it('an inline review comment starting with the command carries its path, line and diff hunk', () => {
    const event = pullRequestReviewCommentEvent({
      ...pull,
      commentId: 77,
      body: '/agent off by one here',
      path: 'src/a.js',
      line: 3,
      diffHunk: '@@ -1,3 +1,3 @@\n-a\n+b'
    })
    expect(decideJob(context('pull_request_review_comment', event), settings())).toMatchObject({
      kind: 'pr-follow-up',
      trigger: {
        kind: 'review-comment',
        inline: { path: 'src/a.js', line: 3, diffHunk: '@@ -1,3 +1,3 @@\n-a\n+b', body: 'off by one here' }
      }
    })
  })

  it("attack: a review on a fork's PR, or on a person's own branch, is skipped with the reason", () => {
    const fork = pullRequestReviewEvent({ ...pull, headRepoId: 999, reviewId: 1, reviewState: 'changes_requested', body: 'x' })
    expect(decideJob(context('pull_request_review', fork), settings())).toMatchObject({
      kind: 'skip',
      reason: expect.stringMatching(/another repository/)
    })
    const theirs = pullRequestReviewEvent({ ...pull, headRef: 'feature/x', reviewId: 2, reviewState: 'changes_requested', body: 'x' })
    expect(decideJob(context('pull_request_review', theirs), settings())).toMatchObject({
      kind: 'skip',
      reason: expect.stringMatching(/not one of Gated Agent's branches/)
    })
  })

  it("attack: the action's own comment never triggers, even with github-actions in allowed-bots", () => {
    const own = issueCommentEvent({
      ...target,
      issueNumber: 8,
      sender: 'github-actions[bot]',
      commentBody: '/agent do it again',
      onPullRequest: true
    })
    expect(decideJob(context('issue_comment', own), settings({ 'allowed-bots': 'github-actions' }))).toMatchObject({
      kind: 'skip',
      reason: expect.stringMatching(/Gated Agent's own/)
    })
    const marked = issueCommentEvent({
      ...target,
      issueNumber: 8,
      sender: 'some-app[bot]',
      commentBody: '<!-- gated-agent:issue-8 -->\n/agent loop',
      onPullRequest: true
    })
    expect(decideJob(context('issue_comment', marked), settings())).toMatchObject({ kind: 'skip' })
  })

  it('a failed run on an agent branch is a heal in place; on a fork it stays skipped', () => {
    const red = workflowRunFailedEvent({ ...target, headBranch: 'agent/issue-7', headSha: SHA, runId: 555, actor: 'alice' })
    expect(decideJob(context('workflow_run', red), settings())).toMatchObject({
      kind: 'pr-follow-up',
      trigger: { kind: 'ci', run: { id: 555, headBranch: 'agent/issue-7' } }
    })
    const fork = workflowRunFailedEvent({ ...target, headBranch: 'agent/issue-7', headSha: SHA, runId: 556, actor: 'alice', headRepoId: 5 })
    expect(decideJob(context('workflow_run', fork), settings())).toMatchObject({ kind: 'skip', reason: expect.stringMatching(/fork/) })
    const green = workflowRunFailedEvent({
      ...target,
      headBranch: 'agent/issue-7',
      headSha: SHA,
      runId: 557,
      actor: 'alice',
      conclusion: 'success'
    })
    expect(decideJob(context('workflow_run', green), settings())).toMatchObject({ kind: 'skip' })
  })
})
