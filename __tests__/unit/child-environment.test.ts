import { agentEnvironment, gateEnvironment, isRunnerCredential } from '../../src/runtime/process/child-environment.js'

/** What a runner's step environment looks like for this action, with a model key the user added. */
function runnerEnv(): Record<string, string | undefined> {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: '/home/runner',
    LANG: 'C.UTF-8',
    CI: 'true',
    TZ: 'UTC',
    'INPUT_GITHUB-TOKEN': 'ghs_inputtoken',
    INPUT_MODE: 'auto',
    GITHUB_TOKEN: 'ghs_envtoken',
    GH_TOKEN: 'ghs_ghtoken',
    ACTIONS_RUNTIME_TOKEN: 'eyJruntime',
    ACTIONS_RUNTIME_URL: 'https://pipelines.actions.githubusercontent.com/abc/',
    ACTIONS_RESULTS_URL: 'https://results-receiver.actions.githubusercontent.com/',
    ACTIONS_CACHE_URL: 'https://artifactcache.actions.githubusercontent.com/abc/',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'eyJoidc',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://pipelines.actions.githubusercontent.com/oidc',
    ACTIONS_STEP_DEBUG: 'false',
    GITHUB_REPOSITORY: 'octo/widgets',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_WORKSPACE: '/home/runner/work/widgets/widgets',
    GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
    GITHUB_ENV: '/home/runner/work/_temp/_runner_file_commands/set_env_1',
    GITHUB_PATH: '/home/runner/work/_temp/_runner_file_commands/add_path_1',
    GITHUB_OUTPUT: '/home/runner/work/_temp/_runner_file_commands/set_output_1',
    GITHUB_STATE: '/home/runner/work/_temp/_runner_file_commands/save_state_1',
    GITHUB_STEP_SUMMARY: '/home/runner/work/_temp/_runner_file_commands/step_summary_1',
    RUNNER_TEMP: '/home/runner/work/_temp',
    RUNNER_OS: 'Linux',
    ANTHROPIC_API_KEY: 'sk-ant-modelkey',
    DATABASE_URL: 'postgres://localhost/test',
    UNSET_ONE: undefined
  }
}

describe('agentEnvironment', () => {
  it('drops every runner and action credential, and nothing the agent needs', () => {
    const env = agentEnvironment(runnerEnv(), { secretValues: [] })
    for (const name of [
      'INPUT_GITHUB-TOKEN',
      'INPUT_MODE',
      'GITHUB_TOKEN',
      'GH_TOKEN',
      'ACTIONS_RUNTIME_TOKEN',
      'ACTIONS_RUNTIME_URL',
      'ACTIONS_RESULTS_URL',
      'ACTIONS_CACHE_URL',
      'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
      'ACTIONS_ID_TOKEN_REQUEST_URL'
    ]) {
      expect(env).not.toHaveProperty([name])
    }
    expect(JSON.stringify(env)).not.toMatch(/ghs_|eyJ/)
    expect(env).toMatchObject({
      PATH: '/usr/local/bin:/usr/bin:/bin',
      HOME: '/home/runner',
      GITHUB_REPOSITORY: 'octo/widgets',
      GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
      RUNNER_TEMP: '/home/runner/work/_temp',
      ACTIONS_STEP_DEBUG: 'false',
      DATABASE_URL: 'postgres://localhost/test'
    })
  })

  it('keeps the agent its own model key', () => {
    expect(agentEnvironment(runnerEnv(), { secretValues: [] }).ANTHROPIC_API_KEY).toBe('sk-ant-modelkey')
  })

  it('drops the file commands, through which a step could change the rest of the job', () => {
    const env = agentEnvironment(runnerEnv(), { secretValues: [] })
    for (const name of ['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
      expect(env).not.toHaveProperty([name])
    }
  })

  it('matches credential names whatever their case, as Windows environments do', () => {
    const env = agentEnvironment({ github_token: 'ghs_x', Input_Foo: 'y', KEEP: 'z' }, { secretValues: [] })
    expect(env).toEqual({ KEEP: 'z' })
  })

  it('drops any variable whose value contains a registered secret, wherever it sits in the value', () => {
    const env = agentEnvironment(
      { ...runnerEnv(), NPM_CONFIG: '//registry/:_authToken=npm_s3cr3t;other', PLAIN: 'nothing here' },
      { secretValues: ['npm_s3cr3t'] }
    )
    expect(env).not.toHaveProperty(['NPM_CONFIG'])
    expect(env.PLAIN).toBe('nothing here')
  })

  it('drops a variable holding one line of a multi-line secret, as the runner masks per line', () => {
    const pem = '-----BEGIN KEY-----\nAAAAsecretbody\n-----END KEY-----\n'
    const env = agentEnvironment({ KEY_BODY: 'AAAAsecretbody', OTHER: 'fine' }, { secretValues: [pem] })
    expect(env).toEqual({ OTHER: 'fine' })
  })

  it('ignores an empty secret instead of dropping everything', () => {
    const env = agentEnvironment({ A: 'a', B: 'b' }, { secretValues: ['', '\n'] })
    expect(env).toEqual({ A: 'a', B: 'b' })
  })

  it('leaves the parent environment untouched', () => {
    const parent = runnerEnv()
    const before = JSON.stringify(parent)
    agentEnvironment(parent, { secretValues: ['ghs_envtoken'] })
    expect(JSON.stringify(parent)).toBe(before)
  })
})

describe('gateEnvironment', () => {
  it('is built from the allow-list: basics, non-secret runner and GitHub context, nothing else', () => {
    const env = gateEnvironment(runnerEnv(), { allow: [] })
    expect(env).toEqual({
      PATH: '/usr/local/bin:/usr/bin:/bin',
      HOME: '/home/runner',
      LANG: 'C.UTF-8',
      CI: 'true',
      TZ: 'UTC',
      GITHUB_REPOSITORY: 'octo/widgets',
      GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
      GITHUB_WORKSPACE: '/home/runner/work/widgets/widgets',
      GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
      RUNNER_TEMP: '/home/runner/work/_temp',
      RUNNER_OS: 'Linux'
    })
  })

  it('gets no model key unless the user lists it', () => {
    expect(gateEnvironment(runnerEnv(), { allow: [] })).not.toHaveProperty(['ANTHROPIC_API_KEY'])
  })

  it('adds the names the user lists in gate-env', () => {
    const env = gateEnvironment(runnerEnv(), { allow: ['DATABASE_URL', 'NOT_SET'] })
    expect(env.DATABASE_URL).toBe('postgres://localhost/test')
    expect(env).not.toHaveProperty(['NOT_SET'])
  })

  it('never passes a runner credential, even when gate-env lists it', () => {
    const env = gateEnvironment(runnerEnv(), {
      allow: ['GITHUB_TOKEN', 'GH_TOKEN', 'INPUT_GITHUB-TOKEN', 'ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN']
    })
    expect(JSON.stringify(env)).not.toMatch(/ghs_|eyJ/)
  })

  it('keeps secret-looking RUNNER_ and GITHUB_ names and registered secret values out', () => {
    const env = gateEnvironment(
      { RUNNER_OS: 'Linux', RUNNER_SOME_TOKEN: 'x', GITHUB_APP_PRIVATE_KEY: 'k', GITHUB_REF_NAME: 'main', GITHUB_HEAD_REF: 'hunter2' },
      { allow: [], secretValues: ['hunter2'] }
    )
    expect(env).toEqual({ RUNNER_OS: 'Linux', GITHUB_REF_NAME: 'main' })
  })
})

describe('isRunnerCredential', () => {
  it('names the credentials settings validation should refuse in gate-env', () => {
    expect(['GITHUB_TOKEN', 'gh_token', 'INPUT_FOO', 'ACTIONS_ID_TOKEN_REQUEST_URL'].map(isRunnerCredential)).toEqual([
      true,
      true,
      true,
      true
    ])
    expect(['DATABASE_URL', 'GITHUB_SHA', 'ACTIONS_STEP_DEBUG'].map(isRunnerCredential)).toEqual([false, false, false])
  })
})
