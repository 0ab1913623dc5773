/**
 * Runs the bundled action the way a GitHub runner does: `node dist/index.cjs` in the workspace,
 * with the runner's environment (`GITHUB_*`, `RUNNER_*`, `INPUT_*` with action.yml's defaults
 * applied), the event payload in a file, and the file commands (`GITHUB_OUTPUT`,
 * `GITHUB_STEP_SUMMARY`, ...) read back afterwards. Spawned asynchronously, because the GitHub
 * fake the action talks to lives in the test's own process.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs/promises'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { tryGit } from './git-command.js'
import { userIdFor } from './github-objects.js'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The GitHub the action talks to: a `FakeGitHub` satisfies this. */
export interface ActionTarget {
  url: string
  token: string
  owner: string
  repo: string
  repoId: number
}

/** How to run the action. */
export interface RunActionOptions {
  /** The script to run (default: action.yml's `runs.main`, i.e. `<repo>/dist/index.cjs`). */
  dist?: string
  /** The action metadata whose input defaults apply (default `<repo>/action.yml`; none applied if absent). */
  actionYml?: string
  workspaceDir: string
  runnerTemp: string
  /** HOME (default: `home` beside RUNNER_TEMP, created empty: no git identity, like a fresh runner). */
  homeDir?: string
  eventName: string
  /** The webhook payload, written to the file `GITHUB_EVENT_PATH` names. */
  event: object
  /** `with:` values, by input name as action.yml spells it. */
  inputs?: Record<string, string>
  /** Extra or overriding variables; `undefined` removes one. */
  env?: Record<string, string | undefined>
  fake: ActionTarget
  /** Kill the action (and its children) after this long (default 120 s). */
  timeoutMs?: number
  /**
   * Run the action as this user (the test runs as root): the hosted-runner case, a user with
   * passwordless sudo. The test makes the fixture's directories theirs.
   */
  user?: { uid: number; gid: number }
  /** Throw on an input action.yml does not declare (the runner only warns; a typo in a test is a bug). Default true. */
  strictInputs?: boolean
}

/** One workflow command the action printed (`::error file=a::message`). */
export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  message: string
}

/** What the run produced, as the runner would see it. */
export interface ActionRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  /** Processes of the action's group were still alive after it exited (they are killed then). */
  leftProcesses: boolean
  stdout: string
  stderr: string
  /** `GITHUB_OUTPUT`, both `name=value` and `name<<DELIMITER` forms. */
  outputs: Record<string, string>
  /** `GITHUB_STEP_SUMMARY` as written. */
  summary: string
  /** `GITHUB_ENV`. */
  exportedEnv: Record<string, string>
  /** `GITHUB_STATE`. */
  state: Record<string, string>
  /** `GITHUB_PATH` entries. */
  addedPaths: string[]
  /** Workflow commands the runner would have acted on (honouring `stop-commands`). */
  commands: WorkflowCommand[]
  /** Values the action asked the runner to mask. */
  masks: string[]
  /** The exact environment the action was given. */
  env: Record<string, string>
  /** The runner's own secrets in that environment (canary values): they must reach no child. */
  runnerSecrets: Record<string, string>
}

interface ActionMetadata {
  inputs: Record<string, { default?: unknown }>
  main?: string
}

async function readActionMetadata(file: string): Promise<ActionMetadata | undefined> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch {
    return undefined
  }
  const doc = (parseYaml(text) ?? {}) as { inputs?: Record<string, { default?: unknown } | null>; runs?: { main?: string } }
  const inputs: ActionMetadata['inputs'] = {}
  for (const [name, spec] of Object.entries(doc.inputs ?? {})) inputs[name] = spec ?? {}
  return { inputs, main: doc.runs?.main }
}

/** The runner's variable name for an input: upper-cased, spaces to `_`, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/**
 * Parses a file command (`GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_STATE`) as the runner does:
 * `name=value` lines and `name<<DELIMITER` ... `DELIMITER` blocks.
 */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const eq = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (eq >= 0 && (heredoc < 0 || eq < heredoc)) {
      values[line.slice(0, eq)] = line.slice(eq + 1)
      continue
    }
    if (heredoc < 0) throw new Error(`Invalid file command line: ${JSON.stringify(line)}`)
    const name = line.slice(0, heredoc)
    const delimiter = line.slice(heredoc + 2)
    const body: string[] = []
    for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i])
    if (i >= lines.length) throw new Error(`Matching delimiter not found '${delimiter}'`)
    values[name] = body.join('\n')
  }
  return values
}

function unescapeData(value: string): string {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
}

function unescapeProperty(value: string): string {
  return unescapeData(value).replace(/%3A/g, ':').replace(/%2C/g, ',')
}

/**
 * The workflow commands in a log, as the runner processes them: `::name k=v,k=v::message`
 * lines, ignoring everything between `::stop-commands::TOKEN` and `::TOKEN::`.
 */
export function parseWorkflowCommands(log: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = []
  let stopToken: string | undefined
  for (const rawLine of log.split(/\r?\n/)) {
    const line = rawLine.trimStart()
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined
      continue
    }
    const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m) continue
    const [, command, props, message] = m
    const properties: Record<string, string> = {}
    for (const pair of (props ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=')
      if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1))
    }
    const cmd = { command, properties, message: unescapeData(message) }
    if (command === 'stop-commands') {
      stopToken = cmd.message
      continue
    }
    commands.push(cmd)
  }
  return commands
}

async function workspaceHead(workspaceDir: string): Promise<{ sha: string; branch?: string }> {
  const [sha, branch] = await Promise.all([
    tryGit(['rev-parse', 'HEAD'], { cwd: workspaceDir }),
    tryGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], { cwd: workspaceDir })
  ])
  return {
    sha: sha.exitCode === 0 ? sha.stdout.trim() : '0'.repeat(40),
    branch: branch.exitCode === 0 ? branch.stdout.trim() : undefined
  }
}

/** Runs the action once and collects everything a runner would. */
export async function runAction(options: RunActionOptions): Promise<ActionRun> {
  const { fake, runnerTemp, workspaceDir } = options
  const metadata = await readActionMetadata(options.actionYml ?? path.join(REPO_ROOT, 'action.yml'))
  const dist = options.dist ?? path.join(REPO_ROOT, metadata?.main ?? 'dist/index.cjs')
  const homeDir = options.homeDir ?? path.join(path.dirname(runnerTemp), 'home')
  const commandsDir = path.join(runnerTemp, '_runner_file_commands')
  const eventPath = path.join(runnerTemp, '_github_workflow', 'event.json')
  await Promise.all([homeDir, commandsDir, path.dirname(eventPath)].map((d) => fs.mkdir(d, { recursive: true })))
  await fs.writeFile(eventPath, JSON.stringify(options.event, null, 2))
  const id = randomUUID()
  const files = {
    GITHUB_OUTPUT: path.join(commandsDir, `set_output_${id}`),
    GITHUB_STEP_SUMMARY: path.join(commandsDir, `step_summary_${id}`),
    GITHUB_ENV: path.join(commandsDir, `set_env_${id}`),
    GITHUB_STATE: path.join(commandsDir, `save_state_${id}`),
    GITHUB_PATH: path.join(commandsDir, `add_path_${id}`)
  }
  await Promise.all(Object.values(files).map((f) => fs.writeFile(f, '')))

  const head = await workspaceHead(workspaceDir)
  const event = options.event as { sender?: { login?: string; id?: number }; repository?: { default_branch?: string } }
  const actor = event.sender?.login ?? fake.owner
  const ref = `refs/heads/${head.branch ?? event.repository?.default_branch ?? 'main'}`
  const runId = options.env?.GITHUB_RUN_ID ?? '9000000001'
  // Canary values for the runner's own credentials, so tests can prove no child sees them.
  const runnerSecrets = {
    ACTIONS_RUNTIME_TOKEN: `fake-runtime-token-${id}`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: `fake-id-token-request-${id}`
  }
  const context: Record<string, string> = {
    'github.token': fake.token,
    'github.repository': `${fake.owner}/${fake.repo}`,
    'github.repository_owner': fake.owner,
    'github.run_id': runId,
    'github.workspace': workspaceDir,
    'github.server_url': fake.url,
    'github.api_url': fake.url,
    'github.event_name': options.eventName,
    'github.actor': actor,
    'github.sha': head.sha,
    'github.ref': ref,
    'runner.temp': runnerTemp
  }
  const evaluate = (value: string): string =>
    value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
      if (!(expression in context)) throw new Error(`run-action cannot evaluate \${{ ${expression} }} in an input default`)
      return context[expression]
    })

  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(metadata?.inputs ?? {})) {
    if (spec.default !== undefined && spec.default !== null) inputs[name] = evaluate(String(spec.default))
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    if (metadata && !(name in metadata.inputs) && options.strictInputs !== false) {
      throw new Error(`Unexpected input '${name}': action.yml declares ${Object.keys(metadata.inputs).join(', ')}`)
    }
    inputs[name] = value
  }

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: homeDir,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_ACTION: '__gated-agent',
    GITHUB_ACTION_REPOSITORY: '',
    GITHUB_ACTOR: actor,
    GITHUB_ACTOR_ID: String(event.sender?.id ?? userIdFor(actor)),
    GITHUB_TRIGGERING_ACTOR: actor,
    GITHUB_API_URL: fake.url,
    GITHUB_SERVER_URL: fake.url,
    GITHUB_GRAPHQL_URL: `${fake.url}/graphql`,
    GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`,
    GITHUB_REPOSITORY_ID: String(fake.repoId),
    GITHUB_REPOSITORY_OWNER: fake.owner,
    GITHUB_REPOSITORY_OWNER_ID: String(userIdFor(fake.owner)),
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: workspaceDir,
    GITHUB_SHA: head.sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/heads\//, ''),
    GITHUB_REF_TYPE: 'branch',
    GITHUB_REF_PROTECTED: 'false',
    GITHUB_BASE_REF: '',
    GITHUB_HEAD_REF: '',
    GITHUB_WORKFLOW: 'Gated Agent',
    GITHUB_WORKFLOW_REF: `${fake.owner}/${fake.repo}/.github/workflows/agent.yml@${ref}`,
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_NUMBER: '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'agent',
    GITHUB_RETENTION_DAYS: '90',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: runnerTemp,
    RUNNER_WORKSPACE: path.dirname(workspaceDir),
    ACTIONS_RUNTIME_URL: `${fake.url}/_runtime/`,
    ACTIONS_RESULTS_URL: `${fake.url}/_results/`,
    ACTIONS_ID_TOKEN_REQUEST_URL: `${fake.url}/_oidc/token`,
    ...runnerSecrets,
    ...files,
    // The suites' scripted agents keep their state in /tmp, which the sandbox makes private: shared
    // for them. The isolation tests set this variable themselves (see src/action/gated-loop.ts).
    GATED_AGENT_TEST_ONLY_PROTECTIONS_OFF: 'private-tmp'
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }

  // As the runner user: the fixture (workspace, origin, RUNNER_TEMP, HOME) is theirs while the action
  // runs, and root's again after, so the test's own git may read it.
  const fixtureRoot = path.dirname(workspaceDir)
  if (options.user) await chownTree(fixtureRoot, options.user.uid, options.user.gid)
  const result = await spawnAction(dist, workspaceDir, env, options.timeoutMs ?? 120_000, options.user).finally(async () => {
    if (options.user) await chownTree(fixtureRoot, 0, 0)
  })
  const read = (file: string): Promise<string> => fs.readFile(file, 'utf8').catch(() => '')
  const [outputs, summary, exported, state, addedPaths] = await Promise.all([
    read(files.GITHUB_OUTPUT),
    read(files.GITHUB_STEP_SUMMARY),
    read(files.GITHUB_ENV),
    read(files.GITHUB_STATE),
    read(files.GITHUB_PATH)
  ])
  const commands = [...parseWorkflowCommands(result.stdout), ...parseWorkflowCommands(result.stderr)]
  return {
    ...result,
    outputs: parseFileCommand(outputs),
    summary,
    exportedEnv: parseFileCommand(exported),
    state: parseFileCommand(state),
    addedPaths: addedPaths.split(/\r?\n/).filter(Boolean),
    commands,
    masks: commands.filter((c) => c.command === 'add-mask').map((c) => c.message),
    env,
    runnerSecrets
  }
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await fs.lchown(dir, uid, gid)
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) await chownTree(full, uid, gid)
    else await fs.lchown(full, uid, gid)
  }
}

function spawnAction(
  script: string,
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
  user?: { uid: number; gid: number }
): Promise<Pick<ActionRun, 'exitCode' | 'signal' | 'timedOut' | 'leftProcesses' | 'stdout' | 'stderr'>> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout takes down the agent and gate processes it started too.
    const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...user })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    const echo = process.env.HARNESS_ECHO === '1'
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk)
      if (echo) process.stderr.write(chunk)
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk)
      if (echo) process.stderr.write(chunk)
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-(child.pid as number), 'SIGKILL')
      } catch {
        child.kill('SIGKILL')
      }
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer)
      let leftProcesses = false
      try {
        // Signal 0 only probes: the group still exists if anything the action started lives on.
        process.kill(-(child.pid as number), 0)
        leftProcesses = true
        process.kill(-(child.pid as number), 'SIGKILL')
      } catch {
        // The group is gone: nothing left behind.
      }
      resolve({
        exitCode,
        signal,
        timedOut,
        leftProcesses,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
      })
    })
  })
}
