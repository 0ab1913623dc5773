/**
 * The skip path's writers (src/action/lean-toolkit.ts) write what the runner reads, parsed here as
 * the runner parses GITHUB_OUTPUT: a one-line value as `name=value`, anything with a line break in
 * the toolkit's heredoc form, so a reason carrying text from the event cannot add an output.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { appendSummary, getInput, setOutputs } from '../../src/action/lean-toolkit.js'
import { parseFileCommand } from '../harness/run-action.js'

let dir: string
const saved = { ...process.env }
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lean-toolkit-'))
  process.env.GITHUB_OUTPUT = path.join(dir, 'output')
  process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary')
  await writeFile(process.env.GITHUB_OUTPUT, '')
  await writeFile(process.env.GITHUB_STEP_SUMMARY, '# before\n')
})
afterEach(async () => {
  process.env = { ...saved }
  await rm(dir, { recursive: true, force: true })
})

test('one-line values are plain name=value lines the runner reads back exactly', async () => {
  await setOutputs({ result: 'skipped', reason: 'Not ours: a = b << c, ünïcode ✓', attempts: '0' })
  const text = await readFile(process.env.GITHUB_OUTPUT!, 'utf8')
  expect(text).toBe('result=skipped\nreason=Not ours: a = b << c, ünïcode ✓\nattempts=0\n')
  expect(parseFileCommand(text)).toEqual({ result: 'skipped', reason: 'Not ours: a = b << c, ünïcode ✓', attempts: '0' })
})

test('a value with a line break cannot smuggle in another output: it goes through the heredoc form', async () => {
  const hostile = 'label "x"\nresult=proposed\r\npr-url=https://evil.example'
  await setOutputs({ result: 'skipped', reason: hostile })
  const outputs = parseFileCommand(await readFile(process.env.GITHUB_OUTPUT!, 'utf8'))
  expect(outputs.result).toBe('skipped')
  expect(outputs['pr-url']).toBeUndefined()
  expect(outputs.reason).toBe(hostile.replace(/\r\n/g, '\n'))
})

test('the summary line is appended after what earlier steps wrote', async () => {
  appendSummary('### skipped')
  expect(await readFile(process.env.GITHUB_STEP_SUMMARY!, 'utf8')).toBe('# before\n### skipped\n')
  delete process.env.GITHUB_STEP_SUMMARY
  expect(() => appendSummary('nowhere')).not.toThrow()
})

test('getInput reads the runner variable, trimmed unless asked not to, empty when unset', () => {
  process.env['INPUT_TRIGGER-COMMAND'] = '  /agent \n'
  expect(getInput('trigger-command')).toBe('/agent')
  expect(getInput('trigger-command', { trimWhitespace: false })).toBe('  /agent \n')
  expect(getInput('never-set')).toBe('')
})
