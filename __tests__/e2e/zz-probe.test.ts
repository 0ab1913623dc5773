import { loadGitHubSpec } from '../harness/openapi-spec.js'
test('t', () => {
  let t = Date.now()
  const T = (l: string) => { process.stderr.write(`${l} +${Date.now() - t}ms\n`); t = Date.now() }
  const s = loadGitHubSpec(); T('load')
  s.checkRequest(s.match('GET', '/repos/a/b')!, {}, undefined); T('params')
  for (const id of ['repos/get', 'issues/get', 'issues/list-comments', 'issues/create-comment', 'pulls/create', 'pulls/list', 'pulls/get', 'actions/get-workflow-run', 'actions/list-jobs-for-workflow-run']) {
    const op = s.operation(id)!
    s.checkResponse(op, Number(Object.keys(op.spec.responses as object)[0]), {}); T(id + ' resp')
    s.checkResponse(op, Number(Object.keys(op.spec.responses as object)[0]), {}); T(id + ' resp again')
  }
})
