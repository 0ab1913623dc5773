import { FakeGitHub } from '../harness/github-fake.js'
import { createRepoFixture } from '../harness/repo-fixture.js'
import { createGitHubClient } from '../../src/github/client.js'
import { createGitHubApi } from '../../src/github/github-api.js'
test('smoke with the product client', async () => {
  let t = Date.now(); const T = () => { process.stderr.write(`+${Date.now() - t}ms\n`); t = Date.now() }
  const fx = await createRepoFixture({ files: { a: 'a' }, branches: { 'agent/issue-1': { b: 'b' } } })
  const fake = await FakeGitHub.start({ originDir: fx.originDir, issues: [{ number: 1, title: 't', labels: ['agent'] }], permissions: { mia: 'maintain' },
    runs: [{ id: 9, headBranch: 'main', headSha: 'a'.repeat(40) }], jobs: { 9: [{ id: 10, name: 'test', steps: [{ name: 's', conclusion: 'failure' }] }] },
    logs: { 10: () => (function* () { for (let i = 0; i < 2000; i++) yield `2024-01-01T00:00:00.0000000Z line ${i}\n` })() } })
  const api = createGitHubApi(createGitHubClient(fake.token, { baseUrl: fake.url, retryAfterBaseMs: 1 }), { owner: fake.owner, repo: fake.repo })
  T(); console.log(await api.getActorPermission('mia'), await api.getActorPermission('nobody'))
  T(); console.log(await api.getIssue(1))
  const c = await api.createIssueComment(1, 'x'); await api.updateIssueComment(c.id, 'y'); T(); console.log(await api.listIssueComments(1))
  T(); console.log(await api.createDraftPull({ head: 'agent/issue-1', base: 'main', title: 't', body: 'b' }))
  T(); console.log(await api.createDraftPull({ head: 'agent/issue-1', base: 'main', title: 't', body: 'b' }))
  const pr = await api.findOpenPullByHead('agent/issue-1'); T(); console.log(pr)
  T(); console.log(await api.updatePull(pr!.number, { title: 'u', body: 'v' }))
  T(); console.log(await api.getBranchRules('main'), await api.getWorkflowRun(9), await api.listRunJobs(9), await api.listRunJobs(9, 1))
  const tail = await api.fetchJobLogTail(10, 100); T(); console.log(tail)
  T(); fake.injectFault({ operationId: 'issues/create-comment', status: 502, times: 1 })
  await api.createIssueComment(1, 'after fault'); T()
  T(); console.log(fake.problems, fake.countByOperation())
  await fake.stop(); await fx.cleanup()
})
