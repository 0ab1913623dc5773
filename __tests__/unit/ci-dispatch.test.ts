import { describe, expect, it } from '@jest/globals'
import { ciDispatcher } from '../../src/action/ci-dispatch.js'

const log = () => {
  const lines: string[] = []
  return { lines, info: (m: string) => lines.push(`info: ${m}`), warning: (m: string) => lines.push(`warning: ${m}`) }
}

describe('ci-workflow: one dispatch per push', () => {
  it('without ci-workflow, dispatches nothing', async () => {
    const calls: string[] = []
    const dispatch = ciDispatcher({}, { dispatchWorkflow: async (w, b) => void calls.push(`${w}@${b}`) }, log(), [])
    expect(await dispatch('agent/issue-7')).toEqual([])
    expect(calls).toEqual([])
  })

  it('with it, dispatches the workflow on the pushed branch once per call, and says so', async () => {
    const calls: string[] = []
    const dispatch = ciDispatcher({ ciWorkflow: 'ci.yml' }, { dispatchWorkflow: async (w, b) => void calls.push(`${w}@${b}`) }, log(), [])
    expect(await dispatch('agent/issue-7')).toEqual([
      'Started ci.yml on agent/issue-7 (ci-workflow), so the pull request shows its checks.'
    ])
    expect(calls).toEqual(['ci.yml@agent/issue-7'])
  })

  it.each([
    [404, /no workflow ci.yml with a workflow_dispatch trigger was found/],
    [403, /permissions: actions: write.*GitHub App token/]
  ])('a %i is a warning naming the fix; the push stands', async (status, fix) => {
    const warnings: string[] = []
    const l = log()
    const dispatch = ciDispatcher(
      { ciWorkflow: 'ci.yml' },
      {
        dispatchWorkflow: async () => {
          throw Object.assign(new Error('HttpError'), { status })
        }
      },
      l,
      warnings
    )
    expect(await dispatch('agent/issue-7')).toEqual([])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^The change is pushed, but ci.yml could not be started on agent\/issue-7/)
    expect(warnings[0]).toMatch(fix)
  })
})
