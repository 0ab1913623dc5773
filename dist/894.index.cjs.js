"use strict";
exports.id = 894;
exports.ids = [894];
exports.modules = {

/***/ 6558:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VC: () => (/* binding */ AGENT_PRESETS),
  bp: () => (/* binding */ resolveAgentCommand)
});

// UNUSED EXPORTS: denialKind, formatPresetList, parseClaudeDenials, parseClaudeUsage, parseGeminiDenials, parseOpencodeDenials

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/core/input-values.ts
var input_values = __webpack_require__(92154);
;// CONCATENATED MODULE: ./src/runtime/agent/usage-readers.ts
/** The value of a JSON line when it is an object whose `type` is `type`, else undefined. */
function jsonRecord(line, type) {
    const text = line.trim();
    // Cheap checks first: most lines are not the record looked for.
    if (!text.startsWith('{') || !text.includes(`"${type}"`))
        return undefined;
    try {
        const value = JSON.parse(text);
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            return undefined;
        return value.type === type ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** The last line of `output`, read from the end, for which `read` gives a value. */
function lastOf(output, read) {
    let end = output.length;
    while (end > 0) {
        const start = output.lastIndexOf('\n', end - 1);
        const found = read(output.slice(start + 1, end));
        if (found !== undefined)
            return found;
        end = start < 0 ? 0 : start;
    }
    return undefined;
}
function count(value) {
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
function field(value, key) {
    return typeof value === 'object' && value !== null ? value[key] : undefined;
}
/** Input and output counts as AgentUsage, leaving out what is missing; undefined when both are. */
function tokens(input, output) {
    if (input === undefined && output === undefined)
        return undefined;
    return { ...(input === undefined ? {} : { inputTokens: input }), ...(output === undefined ? {} : { outputTokens: output }) };
}
/**
 * Codex (`codex exec --json`, 0.169.0): the session ends with
 * `{"type":"turn.completed","usage":{"input_tokens":…,"cached_input_tokens":…,"output_tokens":…,…}}`,
 * the session's running total (cached input is part of `input_tokens`, reasoning part of
 * `output_tokens`, as in OpenAI's API). A failed turn (`turn.failed`) carries none. No cost.
 */
function parseCodexUsage(output) {
    return lastOf(output, (line) => {
        const usage = jsonRecord(line, 'turn.completed')?.usage;
        return usage === undefined ? undefined : tokens(count(field(usage, 'input_tokens')), count(field(usage, 'output_tokens')));
    });
}
/**
 * Gemini CLI (`--output-format stream-json`, 0.61.0): the last line is
 * `{"type":"result",…,"stats":{"total_tokens":…,"input_tokens":…,"output_tokens":…,"cached":…,…}}`,
 * totals over every model the session called (the router's classifier included). `input_tokens`
 * includes cached input; `output_tokens` leaves out thinking, which Gemini bills as output and
 * which only `total_tokens` holds, so output is read as total minus input. No cost.
 */
function parseGeminiUsage(output) {
    return lastOf(output, (line) => {
        const stats = jsonRecord(line, 'result')?.stats;
        if (stats === undefined)
            return undefined;
        const input = count(field(stats, 'input_tokens'));
        const out = count(field(stats, 'output_tokens'));
        const total = count(field(stats, 'total_tokens'));
        const withThoughts = input !== undefined && out !== undefined && total !== undefined && total - input >= out ? total - input : out;
        return tokens(input, withThoughts);
    });
}
// Copilot CLI (1.0.102) ends a non-interactive run with a summary on stderr, e.g.
//   Tokens     ↑ 375.4k • ↓ 23.7k
//   Tokens     ↑ 1.5k (603 cached) • ↓ 273 (93 reasoning)
// cached input and reasoning included in the counts, which are rounded to a tenth of a thousand
// (or million) past 999. Its JSON mode (`--output-format json`) reports no tokens at all, so the
// preset keeps the text mode.
const COPILOT_TOKENS = /^\s*Tokens\s+↑\s*([\d.,]+)\s*([kmb]?)(?:\s*\([^)]*\))?\s*•\s*↓\s*([\d.,]+)\s*([kmb]?)(?:\s*\([^)]*\))?\s*$/i;
const SCALE = { '': 1, k: 1e3, m: 1e6, b: 1e9 };
/** A count as Copilot prints it (`300`, `1,234`, `375.4k`, `1.2m`), and whether it was rounded. */
function copilotCount(digits, suffix) {
    const value = Number(digits.replaceAll(',', ''));
    const scale = SCALE[suffix.toLowerCase()];
    if (!Number.isFinite(value) || scale === undefined)
        return undefined;
    return { value: Math.round(value * scale), rounded: scale > 1 };
}
/**
 * Copilot CLI's token summary (the last `Tokens ↑ … • ↓ …` line). Past 999 Copilot prints counts
 * rounded (`375.4k`): such a reading is marked approximate. Copilot bills in premium requests, not
 * dollars: no cost.
 */
function parseCopilotUsage(output) {
    return lastOf(output, (line) => {
        const match = COPILOT_TOKENS.exec(line);
        if (!match)
            return undefined;
        const input = copilotCount(match[1], match[2]);
        const out = copilotCount(match[3], match[4]);
        if (!input || !out)
            return undefined;
        return { inputTokens: input.value, outputTokens: out.value, ...(input.rounded || out.rounded ? { approximate: true } : {}) };
    });
}
/**
 * opencode (`opencode run --format json`, 1.18.33): one
 * `{"type":"step_finish",…,"part":{…,"tokens":{"input":…,"output":…,"reasoning":…,"cache":{"read":…,"write":…}},"cost":…}}`
 * per model step, each for that step alone: the run's usage is their sum. Cached input counts as
 * input and reasoning as output (both are billed so). `cost` is US dollars at the model's price in
 * opencode's catalogue; a model with no price there costs 0, so a total of 0 is reported as no cost.
 * opencode's side requests (the session title) are not in any step, so not in the total.
 */
function opencodeUsageTally() {
    let steps = 0;
    let input = 0;
    let output = 0;
    let cost = 0;
    return {
        line(text) {
            const part = jsonRecord(text, 'step_finish')?.part;
            const stepTokens = field(part, 'tokens');
            if (stepTokens === undefined)
                return;
            steps += 1;
            const cache = field(stepTokens, 'cache');
            input += (count(field(stepTokens, 'input')) ?? 0) + (count(field(cache, 'read')) ?? 0) + (count(field(cache, 'write')) ?? 0);
            output += (count(field(stepTokens, 'output')) ?? 0) + (count(field(stepTokens, 'reasoning')) ?? 0);
            cost += count(field(part, 'cost')) ?? 0;
        },
        usage() {
            if (steps === 0)
                return undefined;
            return { inputTokens: input, outputTokens: output, ...(cost > 0 ? { costUsd: cost } : {}) };
        }
    };
}
/** Feeds every line of `output` to a fresh tally: for tests and for output already in hand. */
function tallyAll(tally, output) {
    for (const line of output.split('\n'))
        tally.line(line);
    return tally.usage();
}

;// CONCATENATED MODULE: ./src/runtime/agent/agent-presets.ts
/**
 * Ready-made commands for the agent CLIs people use, each in its non-interactive mode with file
 * edits allowed in the work tree and nothing that waits for a human.
 *
 * A command is a template: split like a POSIX shell but never run by one; `{prompt_file}` becomes
 * the prompt file's path, and without it the prompt arrives on stdin. Every preset below reads the
 * prompt from stdin, so no prompt text ever sits on a command line. `scripts/check-preset-flags.mjs`
 * proves each flag against the pinned version's own parser; the pins live here and nowhere else.
 */



/** The object a line holds when it is Claude Code's result, else undefined. */
function tryParseResultLine(text) {
    try {
        const value = JSON.parse(text);
        if (typeof value === 'object' && value !== null && value.type === 'result')
            return value;
    }
    catch {
        // Not JSON, or not whole.
    }
    return undefined;
}
/**
 * Claude Code's result object from the end of its output. The result line starts with the final
 * message, which can be long, so a bounded tail may cut it; the fields read here come after the
 * message, from `"total_cost_usd"` on, and are recovered from such a cut line too.
 */
function tryParseClaudeResult(stdout) {
    const lines = stdout.split('\n');
    for (let i = lines.length - 1; i >= 0; i -= 1) {
        const line = lines[i]?.trim() ?? '';
        if (line === '')
            continue;
        const whole = line.startsWith('{') ? tryParseResultLine(line) : undefined;
        if (whole)
            return whole;
        // `"total_cost_usd":` cannot occur inside a JSON string value, where its quotes would be escaped.
        const cut = line.lastIndexOf('"total_cost_usd":');
        if (cut > 0) {
            const rest = tryParseResultLine(`{"type":"result",${line.slice(cut)}`);
            if (rest)
                return rest;
        }
    }
    return undefined;
}
/** Token counts and cost from Claude Code's JSON result; cached input counts as input. */
function parseClaudeUsage(stdout) {
    const result = tryParseClaudeResult(stdout);
    if (!result)
        return undefined;
    const usage = {};
    const u = result.usage;
    if (u) {
        usage.inputTokens = (u.input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0);
        if (u.output_tokens !== undefined)
            usage.outputTokens = u.output_tokens;
    }
    if (typeof result.total_cost_usd === 'number')
        usage.costUsd = result.total_cost_usd;
    return usage;
}
// The tools, across the presets' CLIs, that only look: a refusal of one is a denied read, not a denied edit.
const READ_TOOLS = new Set([
    // Claude Code
    'Read',
    'Glob',
    'Grep',
    'LS',
    'NotebookRead',
    // Gemini CLI
    'read_file',
    'read_many_files',
    'list_directory',
    'glob',
    'search_file_content',
    'grep_search',
    // opencode
    'read',
    'list',
    'grep',
    // Copilot CLI
    'view'
]);
const EDIT_TOOLS = new Set([
    'Write',
    'Edit',
    'MultiEdit',
    'NotebookEdit',
    'write_file',
    'replace',
    'edit',
    'write',
    'patch',
    'apply_patch',
    'create'
]);
/** Whether a refused tool use was a read, an edit, or something else (a shell command), by the tool's name. */
function denialKind(tool) {
    if (READ_TOOLS.has(tool))
        return 'read';
    if (EDIT_TOOLS.has(tool))
        return 'edit';
    return 'other';
}
/** Claude Code's `permission_denials`: the tool and its target (e.g. `Write /repo/src/app.ts`, `Read /tmp/issue.md`). */
function parseClaudeDenials(stdout) {
    const denials = tryParseClaudeResult(stdout)?.permission_denials ?? [];
    return denials.map((denial) => {
        const input = denial.tool_input ?? {};
        const target = [input.file_path, input.notebook_path, input.path, input.pattern, input.command].find((v) => typeof v === 'string');
        const tool = denial.tool_name ?? 'unknown tool';
        return { tool, kind: denialKind(tool), ...(typeof target === 'string' ? { target } : {}) };
    });
}
// Gemini CLI prints a refused tool call as `Error executing tool <name>: <message>` (0.61.0,
// non-interactive). Only these messages are refusals; a missing file and the like are not.
const GEMINI_TOOL_ERROR = /^Error executing tool (\S+): (.*)$/gm;
const GEMINI_REFUSALS = [
    (m) => (m.startsWith('Path not in workspace') ? { target: /Attempted path "([^"]*)"/.exec(m)?.[1] } : undefined),
    (m) => {
        const ignored = /^File path '([^']*)' is ignored by configured ignore patterns/.exec(m);
        return ignored ? { target: ignored[1] } : undefined;
    },
    (m) => (m.includes('denied by policy') ? {} : undefined)
];
/** The tool calls Gemini CLI refused (outside the workspace, an ignored path, a policy), from its output. */
function parseGeminiDenials(output) {
    const denials = [];
    for (const [, tool = 'unknown tool', message = ''] of output.matchAll(GEMINI_TOOL_ERROR)) {
        const refused = GEMINI_REFUSALS.map((match) => match(message)).find((found) => found !== undefined);
        if (!refused)
            continue;
        denials.push({ tool, kind: denialKind(tool), ...(refused.target === undefined ? {} : { target: refused.target }) });
    }
    return denials;
}
// opencode run (1.18.33) prints a refused permission, then the tool call it ends, e.g.
//   ! permission requested: external_directory (/tmp/x/*); auto-rejecting
//   ✗ Read /tmp/x/details.md failed
// with colours. `--auto` approves what would be asked, so these come from a user's own command.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
const OPENCODE_REJECTED = /permission requested: (\S+) \((.*)\); auto-rejecting\s*$/;
const OPENCODE_FAILED = /^\s*✗\s+(\S+)\s+(.*?)\s+failed\s*$/;
// With --format json the ended call is a `tool_use` event on stdout instead, its state an error:
//   {"type":"tool_use",…,"part":{"tool":"read","state":{"status":"error","input":{"filePath":…},"error":"The user rejected permission …"}}}
const OPENCODE_REJECTED_CALL = 'rejected permission';
/** The tool and its target when `line` is opencode's JSON event for a call a refused permission ended. */
function opencodeRejectedCall(line) {
    if (!line.startsWith('{') || !line.includes(OPENCODE_REJECTED_CALL))
        return undefined;
    try {
        const event = JSON.parse(line);
        const state = event.part?.state;
        if (event.type !== 'tool_use' || state?.status !== 'error' || typeof state.error !== 'string')
            return undefined;
        if (!state.error.includes(OPENCODE_REJECTED_CALL) || typeof event.part?.tool !== 'string')
            return undefined;
        const input = (typeof state.input === 'object' && state.input !== null ? state.input : {});
        const target = [input.filePath, input.path, input.pattern, input.command].find((v) => typeof v === 'string');
        const tool = event.part.tool;
        return { tool, kind: denialKind(tool), ...(typeof target === 'string' ? { target } : {}) };
    }
    catch {
        return undefined;
    }
}
/** The tool calls opencode refused its model (a permission auto-rejected), from its output. */
function parseOpencodeDenials(output) {
    const denials = [];
    let pending;
    const flush = () => {
        if (pending)
            denials.push({ tool: pending.permission, target: pending.pattern, kind: denialKind(pending.permission) });
        pending = undefined;
    };
    for (const line of output.replace(ANSI, '').split('\n')) {
        const rejected = OPENCODE_REJECTED.exec(line);
        if (rejected) {
            flush();
            pending = { permission: rejected[1], pattern: rejected[2] };
            continue;
        }
        const call = pending ? opencodeRejectedCall(line.trim()) : undefined;
        if (call) {
            denials.push(call);
            pending = undefined;
            continue;
        }
        const failed = pending ? OPENCODE_FAILED.exec(line) : null;
        if (failed) {
            const tool = failed[1];
            // opencode titles its tools (`Read`, `Write`, `Edit`); the kind follows the title.
            denials.push({ tool, target: failed[2], kind: denialKind(tool) });
            pending = undefined;
        }
    }
    flush();
    return denials;
}
/** The presets, by name. */
const AGENT_PRESETS = {
    'claude-code': {
        name: 'claude-code',
        // acceptEdits, not --dangerously-skip-permissions: the latter exits 1 as root unless
        // IS_SANDBOX=1. acceptEdits runs only simple shell commands, hence Bash allowed outright.
        command: 'claude -p --permission-mode acceptEdits --allowedTools Bash --output-format json',
        keyEnv: ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'CLAUDE_CODE_OAUTH_TOKEN'],
        install: '@anthropic-ai/claude-code@2.1.197',
        binary: 'claude',
        parseUsage: parseClaudeUsage,
        parseDenials: parseClaudeDenials
    },
    codex: {
        name: 'codex',
        // The runner is the sandbox: Codex's own (bwrap) needs user namespaces a runner may not grant.
        // --json: JSONL events on stdout, ending with the session's token usage (plain output has only a total).
        command: 'codex exec --dangerously-bypass-approvals-and-sandbox --color never --json',
        keyEnv: ['OPENAI_API_KEY', 'CODEX_API_KEY'],
        install: '@openai/codex@0.169.0',
        binary: 'codex',
        parseUsage: parseCodexUsage
    },
    gemini: {
        name: 'gemini',
        // stream-json: JSONL events ending with a one-line result carrying the token totals (plain
        // output has none). Refused tool calls still go to stderr as text, where parseGeminiDenials reads them.
        command: 'gemini --yolo --skip-trust --output-format stream-json',
        keyEnv: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
        install: '@google/gemini-cli@0.61.0',
        binary: 'gemini',
        parseUsage: parseGeminiUsage,
        parseDenials: parseGeminiDenials
    },
    copilot: {
        name: 'copilot',
        command: 'copilot --allow-all-tools --no-ask-user --no-auto-update --no-color',
        // Never GH_TOKEN/GITHUB_TOKEN: those are the workflow's token, which the agent must not hold.
        keyEnv: ['COPILOT_GITHUB_TOKEN', 'COPILOT_PROVIDER_API_KEY', 'COPILOT_PROVIDER_BEARER_TOKEN'],
        install: '@github/copilot@1.0.102',
        binary: 'copilot',
        // The text mode's closing summary has the tokens; the JSON mode has none.
        parseUsage: parseCopilotUsage
    },
    opencode: {
        name: 'opencode',
        // --format json: JSONL events on stdout, one per model step with its tokens and cost (the
        // default format prints none). Refused permissions still go to stderr as text.
        command: 'opencode run --auto --format json',
        keyEnv: ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'GEMINI_API_KEY', 'GOOGLE_GENERATIVE_AI_API_KEY', 'OPENROUTER_API_KEY'],
        install: 'opencode-ai@1.18.33',
        binary: 'opencode',
        tallyUsage: opencodeUsageTally,
        parseDenials: parseOpencodeDenials
    }
};
/**
 * The command to run from the `agent` and `agent-command` inputs: an explicit command wins over
 * the preset. Throws InputError for an unknown preset (listing the presets) or when neither is set.
 */
function resolveAgentCommand(inputs) {
    const agent = inputs.agent?.trim() ?? '';
    const command = inputs.agentCommand?.trim() ?? '';
    const names = Object.keys(AGENT_PRESETS).join(', ');
    if (agent !== '' && !Object.hasOwn(AGENT_PRESETS, agent)) {
        throw new input_values/* InputError */.dz("Input 'agent'", agent, `expected one of the presets: ${names}.`);
    }
    if (command !== '') {
        const launched = external_node_path_default().posix.basename(command.split(/\s+/)[0] ?? '');
        const preset = agent !== '' ? agent : Object.values(AGENT_PRESETS).find((p) => p.binary === launched)?.name;
        return preset === undefined ? { command } : { command, preset };
    }
    const preset = AGENT_PRESETS[agent];
    if (preset)
        return { command: preset.command, preset: preset.name };
    throw new input_values/* InputError */.dz("Input 'agent'", '', `set 'agent' to a preset (${names}) or 'agent-command' to the command that runs your agent headless.`);
}
/** One `<name>: <command template>` line per preset, for `gated-agent presets`. */
function formatPresetList() {
    return Object.values(AGENT_PRESETS)
        .map((preset) => `${preset.name}: ${preset.command}`)
        .join('\n');
}


/***/ }),

/***/ 94342:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $w: () => (/* binding */ TemplateError),
/* harmony export */   AZ: () => (/* binding */ PROMPT_FILE_PLACEHOLDER),
/* harmony export */   CJ: () => (/* binding */ splitCommandTemplate)
/* harmony export */ });
/* harmony import */ var shell_quote__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26591);
/**
 * The agent command template (the seed's AGENT_CMD rule), split like a POSIX shell line but never
 * run by a shell. Kept apart from the runner so validating inputs loads no process code.
 */

/** The placeholder a template uses to receive the prompt as a file instead of on stdin. */
const PROMPT_FILE_PLACEHOLDER = '{prompt_file}';
/** A command template that cannot be run as given; the message says what to change. */
class TemplateError extends Error {
    name = 'TemplateError';
}
/**
 * Splits a command template into argv as a POSIX shell would (quotes, escapes), keeping `$VARS`
 * as literal text. Throws TemplateError for an empty template or one using shell syntax
 * (pipes, `&&`, `;`, redirections, globs, comments), because no shell will run it.
 */
function splitCommandTemplate(template) {
    // Returning the variable's own text keeps `$NAME` literal: nothing is expanded from our environment.
    const entries = (0,shell_quote__WEBPACK_IMPORTED_MODULE_0__.parse)(template, (name) => `$${name}`);
    const argv = [];
    for (const entry of entries) {
        if (typeof entry === 'string') {
            argv.push(entry);
            continue;
        }
        const what = 'comment' in entry
            ? `a comment ('#${entry.comment}')`
            : entry.op === 'glob'
                ? `a glob ('${entry.pattern}')`
                : `the operator '${entry.op}'`;
        throw new TemplateError(`The agent command template uses ${what}, but it is not run by a shell: it is split into arguments and run directly. ` +
            'Put pipelines, redirections and other shell syntax in a script and make the template run that script (quote a literal * or #).');
    }
    if (argv.length === 0)
        throw new TemplateError('The agent command template is empty: give the command that runs your agent CLI headless.');
    return argv;
}


/***/ }),

/***/ 32996:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ isRunnerCredential),
/* harmony export */   FV: () => (/* binding */ agentEnvironment),
/* harmony export */   P2: () => (/* binding */ gateEnvironment)
/* harmony export */ });
/**
 * The environments the agent and the gate run with. The agent gets the runner's environment minus
 * every credential the runner or this action holds; the gate runs agent-written code, so it gets only
 * an allow-list (no token, no model keys). Pure functions: the caller passes `process.env` in.
 */
/** Credentials the runner gives every step, or that this action receives as inputs. */
const RUNNER_CREDENTIAL_NAMES = new Set([
    'GITHUB_TOKEN',
    'GH_TOKEN',
    // gh reads these on GitHub Enterprise hosts.
    'GH_ENTERPRISE_TOKEN',
    'GITHUB_ENTERPRISE_TOKEN',
    // The runtime token and its services (cache, artifacts, results) accept it as a bearer.
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_RESULTS_URL',
    'ACTIONS_CACHE_URL',
    // With `id-token: write` these mint OIDC tokens for cloud roles.
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL'
]);
/**
 * The runner's file commands. Not credentials, but whoever writes them changes every later step of the
 * job (`GITHUB_ENV`, `GITHUB_PATH` can inject code next to the job's secrets) or forges this action's
 * outputs and summary, so neither the agent nor the gate is handed them.
 */
const FILE_COMMAND_NAMES = new Set(['GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']);
/** Plain process settings the gate's tools expect; none of them carries a secret. */
const GATE_BASE_NAMES = new Set(['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'CI']);
/** A RUNNER_* or GITHUB_* name that looks like it holds a secret is kept from the gate anyway. */
const SECRET_LOOKING_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE_KEY|API_KEY/i;
/**
 * True for a variable that is a credential of the runner or of this action (`INPUT_*`, the GitHub
 * tokens, the Actions runtime and OIDC tokens). Neither the agent nor the gate ever gets these,
 * whatever `gate-env` says; settings validation can use this to refuse such a name up front.
 */
function isRunnerCredential(name) {
    // Windows environments are case-insensitive, so compare upper-cased everywhere.
    const upper = name.toUpperCase();
    return upper.startsWith('INPUT_') || RUNNER_CREDENTIAL_NAMES.has(upper);
}
/** True for the runner's file-command variables (`GITHUB_ENV`, `GITHUB_OUTPUT`, ...). */
function isFileCommand(name) {
    return FILE_COMMAND_NAMES.has(name.toUpperCase());
}
/**
 * The strings to look for in values: each registered secret whole, and each of its lines, because the
 * runner masks a multi-line secret line by line and a variable may hold one line of it (a PEM body).
 */
function secretNeedles(secretValues) {
    const needles = new Set();
    for (const secret of secretValues) {
        if (secret === '')
            continue;
        needles.add(secret);
        for (const line of secret.split(/\r?\n/)) {
            const trimmed = line.trim();
            if (trimmed !== '')
                needles.add(trimmed);
        }
    }
    return [...needles];
}
/**
 * The agent's environment: the runner's environment minus the runner's and the action's credentials,
 * the file commands, and any variable holding a registered secret. The agent keeps its own model keys.
 */
function agentEnvironment(parentEnv, options) {
    const needles = secretNeedles(options.secretValues);
    const env = {};
    for (const [name, value] of Object.entries(parentEnv)) {
        if (value === undefined)
            continue;
        if (isRunnerCredential(name) || isFileCommand(name))
            continue;
        if (needles.some((needle) => value.includes(needle)))
            continue;
        env[name] = value;
    }
    return env;
}
/**
 * The gate's environment, built from an allow-list: PATH, HOME, locale and time zone, TMPDIR, CI,
 * the RUNNER_* and GITHUB_* context values that are not credentials, and the names in `allow`.
 */
function gateEnvironment(parentEnv, options) {
    const needles = secretNeedles(options.secretValues ?? []);
    const allowed = new Set(options.allow);
    const env = {};
    for (const [name, value] of Object.entries(parentEnv)) {
        if (value === undefined || isRunnerCredential(name))
            continue;
        if (allowed.has(name)) {
            env[name] = value;
            continue;
        }
        if (!isContextValue(name))
            continue;
        if (needles.some((needle) => value.includes(needle)))
            continue;
        env[name] = value;
    }
    return env;
}
/** A variable the gate gets without being asked for: process basics and non-secret runner context. */
function isContextValue(name) {
    if (GATE_BASE_NAMES.has(name))
        return true;
    if (!name.startsWith('RUNNER_') && !name.startsWith('GITHUB_'))
        return false;
    return !isFileCommand(name) && !SECRET_LOOKING_NAME.test(name);
}


/***/ })

};
;