/**
 * The environment (and the config files it points at) that makes each agent CLI talk only to a
 * fake model on 127.0.0.1, with no account, no telemetry and no update checks.
 * Facts from /work/shared/AGENT-CLIS.md; the model keys go in the variables the presets' `keyEnv`
 * names, so an end-to-end run also proves those variables reach the agent.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { FakeModel, WireProtocolName } from './fake-model-server.js'

/** The CLIs the fakes can drive, by preset name. */
export type FakeableCli = 'claude-code' | 'codex' | 'gemini' | 'opencode' | 'copilot'

/** The wire protocol each CLI speaks to its model. */
export const PROTOCOL_OF: Record<FakeableCli, WireProtocolName> = {
  'claude-code': 'anthropic-messages',
  codex: 'openai-responses',
  gemini: 'gemini-generate',
  opencode: 'openai-chat',
  copilot: 'openai-chat'
}

/** The model name the fakes configure; any name works, since the fake ignores it. */
export const FAKE_MODEL_NAME = 'fake-model'

/** The fake model's price in opencode's catalogue, in US dollars per million tokens. */
export const OPENCODE_PRICE = { input: 2, output: 10, cache_read: 1, cache_write: 3 }

/** The model key every CLI is given; a test can look for it in the requests' headers. */
export const FAKE_MODEL_KEY = 'fake-key-not-a-secret'

/**
 * Variables to lay over a base environment (PATH and the like) so `cli` runs offline against
 * `server`. Writes the config files the CLI needs under `tmpHome`, which becomes its HOME.
 */
export async function envFor(cli: FakeableCli, server: FakeModel, tmpHome: string): Promise<Record<string, string>> {
  if (server.protocol !== PROTOCOL_OF[cli]) {
    throw new Error(`${cli} speaks ${PROTOCOL_OF[cli]}, but the fake speaks ${server.protocol}`)
  }
  const xdg = {
    HOME: tmpHome,
    XDG_CONFIG_HOME: path.join(tmpHome, '.config'),
    XDG_DATA_HOME: path.join(tmpHome, '.local', 'share'),
    XDG_CACHE_HOME: path.join(tmpHome, '.cache'),
    XDG_STATE_HOME: path.join(tmpHome, '.local', 'state')
  }
  switch (cli) {
    case 'claude-code':
      return {
        ...xdg,
        ANTHROPIC_BASE_URL: server.url,
        ANTHROPIC_API_KEY: FAKE_MODEL_KEY,
        CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
        DISABLE_TELEMETRY: '1',
        DISABLE_AUTOUPDATER: '1',
        DISABLE_ERROR_REPORTING: '1',
        // A 5xx from a broken script would otherwise be retried for over a minute.
        CLAUDE_CODE_MAX_RETRIES: '0'
      }
    case 'codex': {
      const codexHome = path.join(tmpHome, '.codex')
      await mkdir(codexHome, { recursive: true })
      // Without `plugins = false` and `analytics.enabled = false` Codex reaches for github.com and an analytics host.
      const config = [
        `model = "${FAKE_MODEL_NAME}"`,
        'model_provider = "fake"',
        '',
        '[model_providers.fake]',
        'name = "fake"',
        `base_url = "${server.url}/v1"`,
        'wire_api = "responses"',
        'env_key = "OPENAI_API_KEY"',
        'request_max_retries = 0',
        'stream_max_retries = 0',
        '',
        '[features]',
        'plugins = false',
        '',
        '[analytics]',
        'enabled = false',
        ''
      ].join('\n')
      await writeFile(path.join(codexHome, 'config.toml'), config)
      return { ...xdg, CODEX_HOME: codexHome, OPENAI_API_KEY: FAKE_MODEL_KEY }
    }
    case 'gemini': {
      const geminiDir = path.join(tmpHome, '.gemini')
      await mkdir(geminiDir, { recursive: true })
      // Without `selectedType` Gemini CLI exits 41 asking how to authenticate.
      const settings = {
        security: { auth: { selectedType: 'gemini-api-key' } },
        privacy: { usageStatisticsEnabled: false },
        telemetry: { enabled: false }
      }
      await writeFile(path.join(geminiDir, 'settings.json'), JSON.stringify(settings))
      return { ...xdg, GOOGLE_GEMINI_BASE_URL: server.url, GEMINI_API_KEY: FAKE_MODEL_KEY }
    }
    case 'opencode': {
      const config = {
        $schema: 'https://opencode.ai/config.json',
        provider: {
          fake: {
            npm: '@ai-sdk/openai-compatible',
            name: 'Fake',
            // opencode substitutes `{env:VAR}`: the key travels in the variable the preset keeps.
            options: { baseURL: `${server.url}/v1`, apiKey: '{env:OPENAI_API_KEY}' },
            // A price (dollars per million tokens), so opencode reports a cost: see OPENCODE_PRICE.
            models: { [FAKE_MODEL_NAME]: { name: 'Fake model', tool_call: true, cost: OPENCODE_PRICE } }
          }
        },
        model: `fake/${FAKE_MODEL_NAME}`,
        autoupdate: false,
        share: 'disabled'
      }
      return {
        ...xdg,
        OPENCODE_CONFIG_CONTENT: JSON.stringify(config),
        OPENCODE_DISABLE_MODELS_FETCH: '1',
        OPENCODE_DISABLE_AUTOUPDATE: '1',
        // Offline, installing the default plugins and LSP servers only fails after a wait.
        OPENCODE_DISABLE_DEFAULT_PLUGINS: '1',
        OPENCODE_DISABLE_LSP_DOWNLOAD: '1',
        OPENAI_API_KEY: FAKE_MODEL_KEY
      }
    }
    case 'copilot':
      // Copilot's BYOK mode: no GitHub sign-in, and COPILOT_OFFLINE keeps it off every other host.
      return {
        ...xdg,
        COPILOT_HOME: path.join(tmpHome, '.copilot'),
        COPILOT_PROVIDER_BASE_URL: `${server.url}/v1`,
        COPILOT_PROVIDER_API_KEY: FAKE_MODEL_KEY,
        COPILOT_MODEL: FAKE_MODEL_NAME,
        COPILOT_OFFLINE: 'true',
        COPILOT_AUTO_UPDATE: 'false'
      }
  }
}
