import { TemplateError, splitCommandTemplate } from '../../src/runtime/agent/command-agent.js'

describe('splitCommandTemplate', () => {
  it('splits on whitespace and keeps {prompt_file} as one argument, even inside a flag', () => {
    expect(splitCommandTemplate('my-agent --print --prompt-file {prompt_file}')).toEqual([
      'my-agent',
      '--print',
      '--prompt-file',
      '{prompt_file}'
    ])
    expect(splitCommandTemplate('my-agent --prompt={prompt_file}')).toEqual(['my-agent', '--prompt={prompt_file}'])
  })

  it('honours quotes and escapes as a POSIX shell would', () => {
    expect(splitCommandTemplate(`agent -m "fix the build" --tag 'a b' path\\ with\\ spaces ""`)).toEqual([
      'agent',
      '-m',
      'fix the build',
      '--tag',
      'a b',
      'path with spaces',
      ''
    ])
  })

  it('keeps $VARS literal instead of expanding them from our environment', () => {
    process.env.GATED_AGENT_TEST_SECRET = 'leaked'
    try {
      expect(splitCommandTemplate('agent --key $GATED_AGENT_TEST_SECRET "$HOME/x"')).toEqual([
        'agent',
        '--key',
        '$GATED_AGENT_TEST_SECRET',
        '$HOME/x'
      ])
    } finally {
      delete process.env.GATED_AGENT_TEST_SECRET
    }
  })

  it('keeps quoted globs and hashes as plain text', () => {
    expect(splitCommandTemplate(`agent "*.ts" '#1'`)).toEqual(['agent', '*.ts', '#1'])
  })

  it.each([
    ['agent | tee log', "operator '|'"],
    ['agent && echo done', "operator '&&'"],
    ['agent; echo done', "operator ';'"],
    ['agent > out.txt', "operator '>'"],
    ['agent < prompt.md', "operator '<'"],
    ['agent 2>&1', "operator '>&'"],
    ['agent &', "operator '&'"],
    ['agent $(cat key)', "operator '('"],
    ['agent src/*.ts', "glob ('src/*.ts')"],
    ['agent # comment', "comment ('# comment')"]
  ])('refuses shell syntax in %j, saying it is not run by a shell', (template, what) => {
    expect(() => splitCommandTemplate(template)).toThrow(TemplateError)
    expect(() => splitCommandTemplate(template)).toThrow(what)
    expect(() => splitCommandTemplate(template)).toThrow(/not run by a shell.*script/)
  })

  it('refuses an empty or blank template', () => {
    expect(() => splitCommandTemplate('')).toThrow(/empty/)
    expect(() => splitCommandTemplate('   \n ')).toThrow(TemplateError)
  })
})
