/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 85518:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ readDecisionSettings)
/* harmony export */ });
/* harmony import */ var _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(92154);
/* harmony import */ var _core_naming_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(92607);


/**
 * Reads and validates the inputs the event decision needs, and nothing more: an event that is not
 * ours is skipped with only these read (and this module's small imports loaded). Every other
 * input is validated by readActionSettings, which includes these, before any work starts.
 */
function readDecisionSettings(read) {
    const input = (name) => read(name) ?? '';
    const named = (name) => `Input '${name}'`;
    const optionalNumber = (name) => input(name).trim() ? (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseWholeNumber */ .oA)(named(name), input(name), 1, Number.MAX_SAFE_INTEGER) : undefined;
    const stage = (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseChoice */ .HU)(named('stage'), input('stage') || 'all', ['all', 'propose', 'publish']);
    const branchPrefix = input('branch-prefix').trim();
    // Checked as the branches it starts (`<prefix>issue-1`, `<prefix>heal/main`) with git's rules.
    const prefixProblem = /^[A-Za-z0-9._/-]*$/.test(branchPrefix)
        ? ((0,_core_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .branchNameProblem */ .hq)((0,_core_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .issueBranchName */ .pp)(branchPrefix, 1)) ?? (0,_core_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .branchNameProblem */ .hq)((0,_core_naming_js__WEBPACK_IMPORTED_MODULE_1__/* .healBranchName */ .gB)(branchPrefix, 'main')))
        : 'it may hold only letters, digits, ".", "_", "-" and "/"';
    if (prefixProblem) {
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('branch-prefix'), branchPrefix, `${prefixProblem.replace(/^its part/, 'the branch part')}; expected a prefix of branch names such as agent/ (letters, digits, ".", "_", "-", "/"; not starting with "-", "/" or ".").`);
    }
    const triggerCommand = input('trigger-command').trim();
    if (!triggerCommand)
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('trigger-command'), '', 'expected a word such as /agent.');
    const triggerLabel = input('trigger-label').trim();
    if (!triggerLabel)
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('trigger-label'), '', 'expected a label name such as agent.');
    if ([...triggerLabel].length > 50) {
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('trigger-label'), triggerLabel, 'GitHub label names have at most 50 characters; expected a label name such as agent.');
    }
    return {
        mode: (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseChoice */ .HU)(named('mode'), input('mode') || 'auto', ['auto', 'issue-to-pr', 'self-heal']),
        stage,
        triggerLabel,
        triggerCommand,
        branchPrefix,
        issueNumber: optionalNumber('issue-number'),
        runId: optionalNumber('run-id')
    };
}


/***/ }),

/***/ 30111:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   fe: () => (/* binding */ appendSummary),
/* harmony export */   n0: () => (/* binding */ setOutputs),
/* harmony export */   pq: () => (/* binding */ info)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The few toolkit calls the skip path needs (read an input, log a line, set an output, append to
 * the job summary), without loading `@actions/core`.
 *
 * Why not `import * as core from '@actions/core'`: its core.js statically imports oidc-utils,
 * which imports @actions/http-client and with it undici, and platform.js, which imports
 * @actions/exec and @actions/io. Evaluating those is most of what an event that is not ours cost
 * (4.2x `node -e 0` in a clean environment). Even the toolkit's own file-command module costs the
 * skip path a fifth of node's start-up, for `node:crypto` (its random heredoc delimiter), and its
 * summary module another tenth, for `fs/promises` and its HTML builder.
 *
 * So the skip path writes what GitHub documents directly: an output whose value is one line is the
 * file command's plain `name=value` line (the runner takes the first `=` as the separator, and the
 * names are ours), and the summary is text appended to its file. A value with a line break goes
 * through the toolkit's own `prepareKeyValueMessage` (delimiter and injection check), loaded only
 * then. Nothing else in the action uses this module's writers: the rest of the action loads
 * `@actions/core` itself.
 */


/** `core.getInput(name)`: the `INPUT_*` variable the runner sets, trimmed; '' when absent. */
function getInput(name, options = {}) {
    const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    return options.trimWhitespace === false ? value : value.trim();
}
/**
 * `core.info` (`process.stdout.write(message + EOL)`) for the skip path's one line, written straight
 * to fd 1: creating `process.stdout` on the runner's pipe loads node's net and stream modules,
 * about 3 ms (an eighth of `node -e 0`) for one line. Only for use before anything else wrote to
 * stdout (nothing is buffered in `process.stdout` yet, so the order holds).
 */
function info(message) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(1, message + (node_os__WEBPACK_IMPORTED_MODULE_1___default().EOL));
}
/**
 * `core.setOutput` for each entry: one-line values as `name=value` lines of the GITHUB_OUTPUT
 * file, any other through the toolkit's heredoc form; without GITHUB_OUTPUT (a runner older than
 * the file commands), the toolkit's legacy stdout command.
 */
async function setOutputs(outputs) {
    const file = process.env['GITHUB_OUTPUT'];
    const entries = Object.entries(outputs);
    if (file && entries.every(([, value]) => !/[\r\n]/.test(value))) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, entries.map(([name, value]) => `${name}=${value}${(node_os__WEBPACK_IMPORTED_MODULE_1___default().EOL)}`).join(''), { encoding: 'utf8' });
        return;
    }
    const core = await __nccwpck_require__.e(/* import() */ 838).then(__nccwpck_require__.bind(__nccwpck_require__, 33838));
    for (const [name, value] of entries)
        core.setOutput(name, value);
}
/** `core.summary.addRaw(text, true).write()`: the text and a line break appended to the job summary. */
function appendSummary(text) {
    const file = process.env['GITHUB_STEP_SUMMARY'];
    if (file)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, text + (node_os__WEBPACK_IMPORTED_MODULE_1___default().EOL), { encoding: 'utf8' });
}


/***/ }),

/***/ 6860:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ createRunDirectory),
/* harmony export */   g: () => (/* binding */ readRunnerContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);




/** Reads the runner context; a missing event file is an empty payload, as the toolkit treats it. */
function readRunnerContext(env = process.env) {
    let payload = {};
    if (env.GITHUB_EVENT_PATH) {
        try {
            payload = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        }
        catch (error) {
            throw new Error(`Cannot read the event payload at GITHUB_EVENT_PATH (${env.GITHUB_EVENT_PATH}): ${error.message}`, {
                cause: error
            });
        }
    }
    const repository = env.GITHUB_REPOSITORY ?? '';
    const [owner = '', repo = ''] = repository.split('/');
    const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '');
    const runId = env.GITHUB_RUN_ID ?? '';
    return {
        eventName: env.GITHUB_EVENT_NAME ?? '',
        payload,
        repository,
        owner,
        repo,
        repositoryId: env.GITHUB_REPOSITORY_ID ? Number(env.GITHUB_REPOSITORY_ID) : undefined,
        runId,
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        actor: env.GITHUB_ACTOR ?? '',
        triggeringActor: env.GITHUB_TRIGGERING_ACTOR ?? env.GITHUB_ACTOR ?? '',
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF ?? '',
        serverUrl,
        apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
        workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
        runnerTemp: env.RUNNER_TEMP ?? '',
        runUrl: `${serverUrl}/${repository}/actions/runs/${runId}`
    };
}
/**
 * A fresh directory for this run's files (the evidence the agent reads, prompts, patches), under
 * the runner's temporary directory, which the runner empties after the job.
 */
async function createRunDirectory(context) {
    const runDir = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(context.runnerTemp || node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir(), `gated-agent-${context.runId || process.pid}-${Date.now()}`);
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(runDir, { recursive: true });
    return runDir;
}


/***/ }),

/***/ 92154:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   Li: () => (/* binding */ parseLines),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   jj: () => (/* binding */ MAX_BUDGET_MINUTES),
/* harmony export */   lA: () => (/* binding */ parseMinutes),
/* harmony export */   oA: () => (/* binding */ parseWholeNumber),
/* harmony export */   pJ: () => (/* binding */ parseDollars),
/* harmony export */   uO: () => (/* binding */ MAX_BUDGET_USD),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/**
 * Parsers for user-supplied values, shared by the action's inputs and the CLI's flags, so both
 * front-ends refuse the same bad values with the same words.
 */
/** A value the user gave that cannot be used: the message names the input, the value and the fix. */
class InputError extends Error {
    input;
    value;
    constructor(input, value, accepted) {
        super(`${input} is ${JSON.stringify(value)}: ${accepted}`);
        this.input = input;
        this.value = value;
        this.name = 'InputError';
    }
}
/** Parses a whole number within [min, max]; `1.5`, `abc`, `-1` and `` are refused. */
function parseWholeNumber(input, value, min, max) {
    const trimmed = value.trim();
    if (!/^[0-9]+$/.test(trimmed)) {
        throw new InputError(input, value, `expected a whole number from ${min} to ${max}.`);
    }
    const n = Number(trimmed);
    if (n < min || n > max) {
        throw new InputError(input, value, `expected a whole number from ${min} to ${max}.`);
    }
    return n;
}
/** Parses a positive duration in minutes; fractions are allowed (0.5 is thirty seconds). */
function parseMinutes(input, value, max) {
    const trimmed = value.trim();
    const n = Number(trimmed);
    if (!/^[0-9]*\.?[0-9]+$/.test(trimmed) || !(n > 0) || n > max) {
        throw new InputError(input, value, `expected a number of minutes above 0 and at most ${max}, such as 30 or 0.5.`);
    }
    return n;
}
/** The largest budgets accepted (max-agent-minutes, max-cost-usd): an extra zero or two is caught, a real budget fits. */
const MAX_BUDGET_MINUTES = 1440;
const MAX_BUDGET_USD = 1000;
/** Parses an amount of US dollars above 0, such as 5 or 0.50 (no currency sign). */
function parseDollars(input, value, max) {
    const trimmed = value.trim();
    const n = Number(trimmed);
    if (!/^[0-9]*\.?[0-9]+$/.test(trimmed) || !(n > 0) || n > max) {
        throw new InputError(input, value, `expected an amount of US dollars above 0 and at most ${max}, such as 5 or 0.50, without a $ sign.`);
    }
    return n;
}
/** Parses one of a fixed set of words. */
function parseChoice(input, value, choices) {
    const trimmed = value.trim();
    if (!choices.includes(trimmed)) {
        throw new InputError(input, value, `expected one of ${choices.join(', ')}.`);
    }
    return trimmed;
}
/** Parses a boolean the way workflow authors write them (true/false, any case). */
function parseBoolean(input, value) {
    const v = value.trim().toLowerCase();
    if (v === 'true')
        return true;
    if (v === 'false' || v === '')
        return false;
    throw new InputError(input, value, 'expected true or false.');
}
/** Splits a list written one item a line or comma separated; blank items are dropped. */
function parseList(value) {
    return value
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0);
}
/** Splits a list written one item a line (items may contain commas, e.g. globs with braces). */
function parseLines(value) {
    return value
        .split('\n')
        .map((s) => s.trim())
        .filter((s) => s.length > 0 && !s.startsWith('#'));
}


/***/ }),

/***/ 92607:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G2: () => (/* binding */ BOT_AUTHOR),
/* harmony export */   gB: () => (/* binding */ healBranchName),
/* harmony export */   hq: () => (/* binding */ branchNameProblem),
/* harmony export */   jh: () => (/* binding */ isCommitId),
/* harmony export */   pp: () => (/* binding */ issueBranchName),
/* harmony export */   t$: () => (/* binding */ isOwnBranch)
/* harmony export */ });
/* unused harmony exports COMMIT_ID, branchSlug, localIssueBranch, localHealBranch */
/**
 * The names Gated Agent gives and accepts, in one place: its branches (`<prefix>issue-<n>`,
 * `<prefix>heal/<branch>`, the CLI's local ones), commit ids, and the bot identities it commits as.
 *
 * Branch names are checked before any work starts, with git's own rules (`git check-ref-format
 * --branch`, see git-check-ref-format(1)), so a bad `branch-prefix` or `base-branch` input stops
 * the run at once instead of after the agent has spent its budget. The workspace checks again
 * with git itself before it commits or pushes.
 */
// ASCII control characters, space, and the characters git reserves for revision syntax.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARACTERS = /[\u0000-\u0020\u007F~^:?*[\\]/;
/** Why `name` is not a valid branch name for git, or undefined when it is. */
function branchNameProblem(name) {
    if (name === '')
        return 'it is empty';
    if (name.startsWith('-'))
        return 'it starts with "-", which git would read as an option';
    const bad = FORBIDDEN_CHARACTERS.exec(name);
    if (bad)
        return `it contains ${bad[0] === ' ' ? 'a space' : JSON.stringify(bad[0])}, which git does not allow in a branch name`;
    if (name.includes('..'))
        return 'it contains "..", which git reads as a range';
    if (name.includes('@{'))
        return 'it contains "@{", which git reads as a reflog reference';
    if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
        return 'it has an empty folder ("/" at the start or end, or "//")';
    if (name.endsWith('.'))
        return 'it ends with "."';
    for (const component of name.split('/')) {
        if (component.startsWith('.'))
            return `its part "${component}" starts with "."`;
        if (component.endsWith('.lock'))
            return `its part "${component}" ends with ".lock"`;
    }
    return undefined;
}
/**
 * A full commit id as git prints it: 40 lower-case hex digits (SHA-1) or 64 (SHA-256). Anything
 * else (an abbreviation, a ref name, an option) is refused before it reaches a git command line.
 */
const COMMIT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** Whether `text` is a full commit id (see {@link COMMIT_ID}). */
function isCommitId(text) {
    return COMMIT_ID.test(text);
}
/** The stable branch that carries the change for an issue: `<prefix>issue-<n>`. */
function issueBranchName(branchPrefix, issueNumber) {
    return `${branchPrefix}issue-${issueNumber}`;
}
/** The stable branch that carries the fix of a failing branch: `<prefix>heal/<branch>`. */
function healBranchName(branchPrefix, failingBranch) {
    return `${branchPrefix}heal/${failingBranch}`;
}
/**
 * Whether a branch is one Gated Agent pushes (`<prefix>heal/...`, `<prefix>issue-<n>`): a heal
 * PR whose CI fails must not start a heal of itself. With an empty prefix, only those two shapes
 * are ours; otherwise everything under the prefix is.
 */
function isOwnBranch(branchPrefix, branch) {
    if (branchPrefix !== '')
        return branch.startsWith(branchPrefix);
    return branch.startsWith('heal/') || /^issue-\d+$/.test(branch);
}
/** Text (a file name, a branch) made into one safe branch-name part: lower case, `[a-z0-9._-]`. */
function branchSlug(text) {
    const slug = text
        .toLowerCase()
        .replace(/[^a-z0-9._-]+/g, '-')
        .replace(/^[-.]+|[-.]+$/g, '')
        .replace(/\.{2,}/g, '.')
        // git refuses a branch-name part that ends with ".lock" (an issue file named `x.lock.md`).
        .replace(/\.lock$/, '-lock');
    return slug || 'change';
}
/**
 * The CLI's branch for an issue file: `<prefix>issue-<slug of the file name>`, or
 * `<prefix><slug>` when the file name starts with "issue" already (`issue-12.md` → `agent/issue-12`).
 */
function localIssueBranch(branchPrefix, issueFileName) {
    const name = branchSlug(issueFileName);
    return `${branchPrefix}${name.startsWith('issue') ? name : `issue-${name}`}`;
}
/** The CLI's heal branch: `<prefix>heal/<slug of the current branch>` (`detached` without one). */
function localHealBranch(branchPrefix, currentBranch) {
    return healBranchName(branchPrefix, branchSlug(currentBranch ?? 'detached'));
}
/** The identities proposal commits are made under. */
const BOT_AUTHOR = {
    /** On GitHub: the Actions bot, so the commit shows as the workflow's. */
    action: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
    /** On a developer's machine (the CLI's local branch). */
    local: { name: 'gated-agent[bot]', email: 'gated-agent@users.noreply.github.com' }
};


/***/ }),

/***/ 74583:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $_: () => (/* binding */ failedRunFromApi),
/* harmony export */   CZ: () => (/* binding */ checkHealableRun),
/* harmony export */   Hb: () => (/* binding */ resolveHealInPlace),
/* harmony export */   L: () => (/* binding */ resolveHealTrigger)
/* harmony export */ });
/* unused harmony export IN_JOB_EVENTS */
/* harmony import */ var _payload_readers_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(83920);
/* harmony import */ var _core_naming_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(92607);
/**
 * Which event asks for a red build to be healed, and the guards that need no API call. Pure: it
 * reads the webhook payload the runner saved (every field checked before use) and returns the run
 * or checkout to heal, or why not. The caller still checks the actors' permission, and reads a run
 * given by `run-id` through the API and puts it through {@link checkHealableRun} too.
 */


/**
 * Events that run CI, where `mode: auto` heals in the job (the action placed after the failing
 * steps with `if: failure()`). `pull_request_target` is absent on purpose: it runs the base
 * branch's workflow with a write token, and the code under test is not the branch's own.
 */
const IN_JOB_EVENTS = new Set([
    'push',
    'pull_request',
    'merge_group',
    'schedule',
    'workflow_dispatch',
    'repository_dispatch'
]);
/** The guards on a failed run that need no API: completed, failed, not a fork's, not our branch. */
function checkHealableRun(run, guard) {
    const which = `Run ${run.id}${run.name ? ` (${run.name})` : ''}`;
    if (run.status !== 'completed')
        return refuse(`${which} is ${run.status || 'not completed'}; self-heal acts on a completed run that failed.`);
    if (run.conclusion !== 'failure')
        return refuse(`${which} concluded '${run.conclusion ?? 'none'}', not 'failure': there is nothing to heal.`);
    // Ids, not names and not `pull_requests` (empty for fork PRs): a fork's run builds code nobody
    // with write access reviewed, and healing it would run that code with this repository's token.
    const ownId = guard.repositoryId ?? run.repositoryId;
    if (run.repositoryId !== ownId || run.headRepositoryId === null || run.headRepositoryId !== ownId) {
        return refuse(`${which} built a commit from another repository (head repository id ${run.headRepositoryId ?? 'unknown'}, this repository's ${ownId}): runs from forks are never healed.`);
    }
    if (!run.headBranch)
        return refuse(`${which} has no head branch (a tag or a bare commit); self-heal proposes a fix against a branch.`);
    if ((0,_core_naming_js__WEBPACK_IMPORTED_MODULE_0__/* .isOwnBranch */ .t$)(guard.branchPrefix, run.headBranch) !== (guard.ownBranch ?? false)) {
        return refuse(guard.ownBranch
            ? `${which} is on '${run.headBranch}', not one of Gated Agent's branches (prefix '${guard.branchPrefix}').`
            : ownBranchReason(which, run.headBranch, guard.branchPrefix));
    }
    if (!(0,_core_naming_js__WEBPACK_IMPORTED_MODULE_0__/* .isCommitId */ .jh)(run.headSha))
        return refuse(`${which} names no valid head commit ('${run.headSha}').`);
    return { ok: true, run: { ...run, headBranch: run.headBranch } };
}
/** A run read through the API, in the guards' terms. */
function failedRunFromApi(run) {
    return {
        id: run.id,
        attempt: run.runAttempt,
        name: run.name,
        htmlUrl: run.htmlUrl,
        status: run.status,
        conclusion: run.conclusion,
        headBranch: run.headBranch,
        headSha: run.headSha,
        repositoryId: run.repositoryId,
        headRepositoryId: run.headRepositoryId,
        actors: distinctUsers([run.actor, run.triggeringActor])
    };
}
/**
 * A failed `workflow_run` on one of Gated Agent's own branches: healed in place, as a follow-up on
 * that branch's open pull request (the front end checks there is one; without, it skips). The same
 * guards as self-heal (completed, failed, not a fork's). Undefined for any other event or branch.
 */
function resolveHealInPlace(event, settings) {
    if (event.eventName !== 'workflow_run')
        return undefined;
    const payload = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(event.payload) ?? {};
    const run = readWorkflowRun(payload.workflow_run);
    if (!run?.headBranch || !(0,_core_naming_js__WEBPACK_IMPORTED_MODULE_0__/* .isOwnBranch */ .t$)(settings.branchPrefix, run.headBranch))
        return undefined;
    const action = typeof payload.action === 'string' ? payload.action : '';
    if (action !== 'completed')
        return skip(`The workflow_run event (action '${action}') is not a completed run.`);
    const checked = checkHealableRun({ ...run, actors: distinctUsers([...run.actors, ...runnerActors(event, (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .readUser */ .U)(payload.sender))]) }, { repositoryId: event.repositoryId ?? readRepositoryId(payload), branchPrefix: settings.branchPrefix, ownBranch: true });
    return checked.ok ? { kind: 'workflow-run', run: checked.run } : skip(checked.reason);
}
/**
 * Resolves a self-heal trigger from an event: a failed `workflow_run`, a `run-id` to read, or the
 * current job after a failed step. Returns undefined when the event is not a self-heal event in
 * `auto` mode, so the caller can say what would have triggered.
 */
function resolveHealTrigger(event, settings) {
    const payload = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(event.payload) ?? {};
    const sender = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .readUser */ .U)(payload.sender);
    const runner = runnerActors(event, sender);
    if (event.eventName === 'workflow_run') {
        const action = typeof payload.action === 'string' ? payload.action : '';
        if (action !== 'completed')
            return skip(`The workflow_run event (action '${action}') is not a completed run; self-heal acts when a run completes with a failure.`);
        const run = readWorkflowRun(payload.workflow_run);
        if (!run)
            return skip('The workflow_run event carries no readable workflow_run.');
        const checked = checkHealableRun({ ...run, actors: distinctUsers([...run.actors, ...runner]) }, {
            repositoryId: event.repositoryId ?? readRepositoryId(payload),
            branchPrefix: settings.branchPrefix
        });
        return checked.ok ? { kind: 'workflow-run', run: checked.run } : skip(checked.reason);
    }
    if (settings.runId !== undefined && (event.eventName === 'workflow_dispatch' || settings.mode === 'self-heal')) {
        return { kind: 'run-id', runId: settings.runId, actors: runner };
    }
    if (event.eventName === 'pull_request_target') {
        return skip("The pull_request_target event runs the base branch's workflow with a write token; self-heal does not act on it. Heal the pull request's own CI run through workflow_run instead.");
    }
    if (settings.mode === 'auto' && !IN_JOB_EVENTS.has(event.eventName))
        return undefined;
    if (event.eventName === 'issues' || event.eventName === 'issue_comment') {
        return skip(`The ${event.eventName} event is not a CI event; self-heal acts on a failed run (workflow_run, or workflow_dispatch with run-id) or after a failed step of this job.`);
    }
    return inJobTrigger(event, payload, settings, runner);
}
function inJobTrigger(event, payload, settings, actors) {
    const runId = Number(event.runId);
    const runAttempt = Number(event.runAttempt || '1');
    if (!Number.isSafeInteger(runId) || runId <= 0 || !Number.isSafeInteger(runAttempt) || runAttempt <= 0) {
        return skip('GITHUB_RUN_ID is not set, so the failed steps of this job cannot be found: in-job self-heal runs as a step of a GitHub Actions job.');
    }
    let branch;
    let sha = event.sha;
    if (event.eventName === 'pull_request') {
        const pull = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(payload.pull_request);
        const head = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(pull?.head);
        const headRepo = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(head?.repo);
        const ownId = event.repositoryId ?? readRepositoryId(payload);
        if (!headRepo || typeof headRepo.id !== 'number' || headRepo.id !== ownId) {
            return skip(`The pull request's head is in another repository (a fork, or a deleted one): runs of fork code are never healed.`);
        }
        branch = typeof head?.ref === 'string' ? head.ref : undefined;
        // The job built the merge commit; the fix is proposed against the pull request's branch, at its head.
        sha = typeof head?.sha === 'string' ? head.sha : '';
    }
    else if (event.eventName === 'push' && payload.deleted === true) {
        return skip('The push deleted its branch: there is nothing to heal.');
    }
    else if (event.ref.startsWith('refs/heads/')) {
        branch = event.ref.slice('refs/heads/'.length);
    }
    if (!branch)
        return skip(`This job did not build a branch (ref '${event.ref}'); self-heal proposes a fix against a branch.`);
    if (branch.startsWith('gh-readonly-queue/'))
        return skip(`Branch '${branch}' is a merge queue's temporary branch; heal the pull request's own branch instead.`);
    if ((0,_core_naming_js__WEBPACK_IMPORTED_MODULE_0__/* .isOwnBranch */ .t$)(settings.branchPrefix, branch))
        return skip(ownBranchReason('This job', branch, settings.branchPrefix));
    if (!(0,_core_naming_js__WEBPACK_IMPORTED_MODULE_0__/* .isCommitId */ .jh)(sha))
        return skip(`This job names no valid commit ('${sha}').`);
    return { kind: 'in-job', branch, sha, runId, runAttempt, actors };
}
function ownBranchReason(which, branch, prefix) {
    return `${which} is on '${branch}', one of Gated Agent's own branches (prefix '${prefix}'): healing it could start a loop, so it is left to a person.`;
}
/** The runner's actors: the payload's sender (it knows the account type), `GITHUB_ACTOR`, `GITHUB_TRIGGERING_ACTOR`. */
function runnerActors(event, sender) {
    const byLogin = (login) => login === '' ? undefined : sender?.login === login ? sender : { login, type: /\[bot\]$/i.test(login) ? 'Bot' : 'User' };
    return distinctUsers([sender, byLogin(event.actor), byLogin(event.triggeringActor)]);
}
function readWorkflowRun(value) {
    const run = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(value);
    if (!run || typeof run.id !== 'number')
        return undefined;
    const repository = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(run.repository);
    const head = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(run.head_repository);
    if (!repository || typeof repository.id !== 'number')
        return undefined;
    return {
        id: run.id,
        attempt: typeof run.run_attempt === 'number' ? run.run_attempt : 1,
        name: typeof run.name === 'string' ? run.name : '',
        htmlUrl: typeof run.html_url === 'string' ? run.html_url : '',
        status: typeof run.status === 'string' ? run.status : '',
        conclusion: typeof run.conclusion === 'string' ? run.conclusion : null,
        headBranch: typeof run.head_branch === 'string' && run.head_branch !== '' ? run.head_branch : null,
        headSha: typeof run.head_sha === 'string' ? run.head_sha : '',
        repositoryId: repository.id,
        headRepositoryId: head && typeof head.id === 'number' ? head.id : null,
        actors: distinctUsers([(0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .readUser */ .U)(run.actor), (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .readUser */ .U)(run.triggering_actor)])
    };
}
function readRepositoryId(payload) {
    const id = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(payload.repository)?.id;
    return typeof id === 'number' ? id : undefined;
}
function distinctUsers(users) {
    const seen = new Map();
    for (const user of users) {
        if (user && user.login !== '' && !seen.has(user.login.toLowerCase()))
            seen.set(user.login.toLowerCase(), user);
    }
    return [...seen.values()];
}
function skip(reason) {
    return { kind: 'skip', reason };
}
function refuse(reason) {
    return { ok: false, reason };
}


/***/ }),

/***/ 49348:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ resolveIssueTrigger),
/* harmony export */   m: () => (/* binding */ afterCommand)
/* harmony export */ });
/* harmony import */ var _payload_readers_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(83920);
/**
 * Which event asks for an issue to be implemented. Pure: it reads the webhook payload the runner
 * saved (untrusted data, so every field is checked before use) and returns the issue to work on,
 * or why this event is not a trigger. The caller still checks the actor's permission.
 */

/** Resolves an issue-to-pr trigger from an event. */
function resolveIssueTrigger(event, settings) {
    const payload = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .q)(event.payload) ?? {};
    const action = typeof payload.action === 'string' ? payload.action : undefined;
    const label = settings.triggerLabel;
    const what = action ? `the ${event.eventName} event (action '${action}')` : `the ${event.eventName} event`;
    switch (event.eventName) {
        case 'issues': {
            const issue = readIssue(payload.issue);
            if (!issue)
                return skip(`${capitalise(what)} carries no issue.`);
            if (action === 'labeled') {
                const added = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .q)(payload.label)?.name;
                if (added !== label)
                    return skip(`Issue #${issue.number} was labelled '${String(added)}', not the trigger label '${label}'.`);
            }
            else if (action === 'opened') {
                if (!issue.labels.includes(label))
                    return skip(`Issue #${issue.number} was opened without the trigger label '${label}'.`);
            }
            else {
                return skip(`${capitalise(what)} does not trigger the agent; labelling an issue '${label}' does.`);
            }
            if (issue.state === 'closed')
                return skip(`Issue #${issue.number} is closed.`);
            const actor = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_0__/* .readUser */ .U)(payload.sender);
            if (!actor)
                return skip(`${capitalise(what)} names no sender.`);
            return { kind: 'issue', issueNumber: issue.number, actor, issue };
        }
        case 'issue_comment': {
            if (action !== 'created')
                return skip(`${capitalise(what)} does not trigger the agent; a new comment starting with '${settings.triggerCommand}' does.`);
            const issue = readIssue(payload.issue);
            const comment = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .q)(payload.comment);
            if (!issue || !comment)
                return skip(`${capitalise(what)} carries no issue or comment.`);
            if (issue.isPullRequest)
                return skip(`The comment is on pull request #${issue.number}; the command works on issues only.`);
            const body = typeof comment.body === 'string' ? comment.body : '';
            const instruction = afterCommand(body, settings.triggerCommand);
            if (instruction === undefined)
                return skip(`The comment on issue #${issue.number} does not start with '${settings.triggerCommand}'.`);
            if (issue.state === 'closed')
                return skip(`Issue #${issue.number} is closed.`);
            const actor = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_0__/* .readUser */ .U)(comment.user);
            if (!actor)
                return skip(`The comment on issue #${issue.number} names no author.`);
            return { kind: 'issue', issueNumber: issue.number, actor, issue, ...(instruction ? { extraInstruction: instruction } : {}) };
        }
        case 'workflow_dispatch': {
            const input = String(settings.issueNumberInput ?? '').trim();
            if (input === '')
                return skip('The workflow_dispatch event has no issue-number input.');
            if (!/^[1-9]\d*$/.test(input))
                return skip(`The issue-number input '${input}' is not an issue number.`);
            const actor = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_0__/* .readUser */ .U)(payload.sender);
            if (!actor)
                return skip('The workflow_dispatch event names no sender.');
            return { kind: 'issue', issueNumber: Number(input), actor };
        }
        default:
            return skip(`${capitalise(what)} does not trigger issue-to-pr.`);
    }
}
/**
 * The rest of the comment when it starts with the command (leading whitespace allowed), as a
 * whole word: `/agent fix it` matches `/agent`, `/agents` does not. '' when nothing follows.
 */
function afterCommand(body, command) {
    const text = body.trimStart();
    if (command === '' || !text.startsWith(command))
        return undefined;
    const rest = text.slice(command.length);
    if (rest !== '' && !/^\s/.test(rest))
        return undefined;
    return rest.trim();
}
function readIssue(value) {
    const issue = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .q)(value);
    if (!issue || typeof issue.number !== 'number')
        return undefined;
    const labels = Array.isArray(issue.labels)
        ? issue.labels
            .map((label) => (typeof label === 'string' ? label : (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_0__/* .asRecord */ .q)(label)?.name))
            .filter((name) => typeof name === 'string')
        : [];
    return {
        number: issue.number,
        title: typeof issue.title === 'string' ? issue.title : '',
        body: typeof issue.body === 'string' ? issue.body : '',
        labels,
        user: (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_0__/* .readUser */ .U)(issue.user) ?? { login: 'ghost', type: 'User' },
        htmlUrl: typeof issue.html_url === 'string' ? issue.html_url : '',
        state: typeof issue.state === 'string' ? issue.state : 'open',
        isPullRequest: issue.pull_request != null
    };
}
function skip(reason) {
    return { kind: 'skip', reason };
}
function capitalise(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}


/***/ }),

/***/ 83920:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ readUser),
/* harmony export */   q: () => (/* binding */ asRecord)
/* harmony export */ });
/** The value as an object, or undefined when it is not one. */
function asRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}
/** A user object (`sender`, `actor`, `user`) as login and type. */
function readUser(value) {
    const user = asRecord(value);
    if (!user || typeof user.login !== 'string')
        return undefined;
    return { login: user.login, type: typeof user.type === 'string' ? user.type : 'User' };
}


/***/ }),

/***/ 5503:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   WI: () => (/* binding */ isPullRequestComment),
/* harmony export */   jA: () => (/* binding */ resolvePrFollowUpTrigger),
/* harmony export */   jj: () => (/* binding */ pullProblem),
/* harmony export */   l: () => (/* binding */ PR_EVENTS)
/* harmony export */ });
/* unused harmony export isOwnComment */
/* harmony import */ var _payload_readers_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(83920);
/* harmony import */ var _issue_events_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(49348);
/* harmony import */ var _core_naming_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(92607);
/**
 * Which event asks for a follow-up on one of Gated Agent's own pull requests: a `/agent` comment on
 * the PR, a review (changes requested, or a body starting with the command), an inline review
 * comment starting with the command. Pure: it reads the webhook payload (untrusted, every field
 * checked) and returns what was asked, or why this event is not a trigger. The guards that need
 * the pull request itself (a fork's head, a branch that is not ours, a closed PR) are applied here
 * when the payload carries it, and again by the front end on the PR read through the API.
 */



/** The events this module answers; anything else is not a PR follow-up. */
const PR_EVENTS = new Set(['pull_request_review', 'pull_request_review_comment']);
/** Whether an `issue_comment` event is on a pull request (so it is a follow-up, not issue-to-pr). */
function isPullRequestComment(payload) {
    return (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)((0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(payload)?.issue)?.pull_request != null;
}
/**
 * A comment the action wrote itself: its body starts with one of the action's hidden markers, or
 * its author is the workflow token's identity. Never a trigger, whatever `allowed-bots` says.
 */
function isOwnComment(body, author) {
    return /^\s*<!--\s*gated-agent:/.test(body) || author?.login.toLowerCase() === 'github-actions[bot]';
}
/** Resolves a follow-up from a PR event (or an `issue_comment` on a PR). */
function resolvePrFollowUpTrigger(eventName, rawPayload, settings) {
    const payload = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(rawPayload) ?? {};
    const action = typeof payload.action === 'string' ? payload.action : '';
    const command = settings.triggerCommand;
    if (eventName === 'issue_comment') {
        if (action !== 'created')
            return skip(`The issue_comment event (action '${action}') does not trigger a follow-up; a new comment does.`);
        const issue = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(payload.issue);
        const comment = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(payload.comment);
        if (!issue || typeof issue.number !== 'number' || !comment)
            return skip('The issue_comment event carries no pull request or comment.');
        const body = typeof comment.body === 'string' ? comment.body : '';
        const actor = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .readUser */ .U)(comment.user);
        if (isOwnComment(body, actor))
            return skip(`The comment on pull request #${issue.number} is Gated Agent's own; it never triggers a run.`);
        const instruction = (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_2__/* .afterCommand */ .m)(body, command);
        if (instruction === undefined)
            return skip(`The comment on pull request #${issue.number} does not start with '${command}'.`);
        if (issue.state === 'closed')
            return skip(`Pull request #${issue.number} is closed.`);
        if (!actor)
            return skip(`The comment on pull request #${issue.number} names no author.`);
        return { kind: 'comment', pullNumber: issue.number, actor, instruction };
    }
    const pull = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(payload.pull_request);
    if (!pull || typeof pull.number !== 'number')
        return skip(`The ${eventName} event carries no pull request.`);
    const guard = checkPullPayload(pull, settings);
    if (eventName === 'pull_request_review') {
        if (action !== 'submitted')
            return skip(`The pull_request_review event (action '${action}') does not trigger a follow-up; a submitted review does.`);
        const review = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(payload.review);
        if (!review || typeof review.id !== 'number')
            return skip('The pull_request_review event carries no review.');
        const body = typeof review.body === 'string' ? review.body : '';
        const actor = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .readUser */ .U)(review.user);
        if (isOwnComment(body, actor))
            return skip(`The review on pull request #${pull.number} is Gated Agent's own; it never triggers a run.`);
        const state = typeof review.state === 'string' ? review.state.toLowerCase() : '';
        const afterCmd = (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_2__/* .afterCommand */ .m)(body, command);
        if (state !== 'changes_requested' && afterCmd === undefined) {
            return skip(`The review on pull request #${pull.number} (${state || 'no state'}) neither requests changes nor starts with '${command}'.`);
        }
        if (guard)
            return skip(guard);
        if (!actor)
            return skip(`The review on pull request #${pull.number} names no author.`);
        return { kind: 'review', pullNumber: pull.number, actor, instruction: afterCmd ?? body.trim(), reviewId: review.id };
    }
    if (eventName === 'pull_request_review_comment') {
        if (action !== 'created')
            return skip(`The pull_request_review_comment event (action '${action}') does not trigger a follow-up; a new comment does.`);
        const comment = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(payload.comment);
        if (!comment)
            return skip('The pull_request_review_comment event carries no comment.');
        const body = typeof comment.body === 'string' ? comment.body : '';
        const actor = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .readUser */ .U)(comment.user);
        if (isOwnComment(body, actor))
            return skip(`The comment on pull request #${pull.number} is Gated Agent's own; it never triggers a run.`);
        const instruction = (0,_issue_events_js__WEBPACK_IMPORTED_MODULE_2__/* .afterCommand */ .m)(body, command);
        if (instruction === undefined)
            return skip(`The review comment on pull request #${pull.number} does not start with '${command}'.`);
        if (guard)
            return skip(guard);
        if (!actor)
            return skip(`The review comment on pull request #${pull.number} names no author.`);
        const line = typeof comment.line === 'number' ? comment.line : typeof comment.original_line === 'number' ? comment.original_line : undefined;
        return {
            kind: 'review-comment',
            pullNumber: pull.number,
            actor,
            instruction,
            inline: {
                path: typeof comment.path === 'string' ? comment.path : '',
                ...(line === undefined ? {} : { line }),
                diffHunk: typeof comment.diff_hunk === 'string' ? comment.diff_hunk : '',
                body: instruction
            }
        };
    }
    return skip(`The ${eventName} event does not trigger a pull request follow-up.`);
}
/** What makes a pull request not ours to follow up, from its head and state; undefined when it is. */
function pullProblem(pull, settings) {
    const ownId = settings.repositoryId ?? pull.baseRepoId;
    if (pull.headRepoId === null || ownId === null || pull.headRepoId !== ownId) {
        return `Pull request #${pull.number} comes from another repository (a fork, or a deleted one): Gated Agent follows up only on its own pull requests, whose branch is in this repository.`;
    }
    if (!(0,_core_naming_js__WEBPACK_IMPORTED_MODULE_0__/* .isOwnBranch */ .t$)(settings.branchPrefix, pull.headRef)) {
        return `Pull request #${pull.number} is on '${pull.headRef}', not one of Gated Agent's branches (prefix '${settings.branchPrefix}'): a person's pull request is left to its author.`;
    }
    if (pull.state !== 'open')
        return `Pull request #${pull.number} is ${pull.state || 'not open'}.`;
    return undefined;
}
function checkPullPayload(pull, settings) {
    const head = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(pull.head);
    const base = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(pull.base);
    const headRepo = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(head?.repo);
    const baseRepo = (0,_payload_readers_js__WEBPACK_IMPORTED_MODULE_1__/* .asRecord */ .q)(base?.repo);
    return pullProblem({
        number: pull.number,
        state: typeof pull.state === 'string' ? pull.state : '',
        headRef: typeof head?.ref === 'string' ? head.ref : '',
        headRepoId: typeof headRepo?.id === 'number' ? headRepo.id : null,
        baseRepoId: typeof baseRepo?.id === 'number' ? baseRepo.id : null
    }, settings);
}
function skip(reason) {
    return { kind: 'skip', reason };
}


/***/ }),

/***/ 41759:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";
// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  done: () => (/* binding */ done)
});

// EXTERNAL MODULE: ./src/action/decision-settings.ts
var decision_settings = __nccwpck_require__(85518);
// EXTERNAL MODULE: ./src/action/runner-context.ts
var runner_context = __nccwpck_require__(6860);
// EXTERNAL MODULE: ./src/github/issue-events.ts
var issue_events = __nccwpck_require__(49348);
// EXTERNAL MODULE: ./src/github/heal-events.ts
var heal_events = __nccwpck_require__(74583);
// EXTERNAL MODULE: ./src/github/pr-events.ts
var pr_events = __nccwpck_require__(5503);
;// CONCATENATED MODULE: ./src/action/job-decision.ts



const ISSUE_EVENTS = new Set(['issues', 'issue_comment']);
/**
 * Resolves `mode` against the event: issue events and a dispatch with `issue-number` are
 * issue-to-pr; a failed `workflow_run`, a dispatch with `run-id`, and a CI event (the action run
 * after a failed step) are self-heal. Self-heal's guards that need no API (forks, our own
 * branches, a run that did not fail) refuse here, before anything else is loaded or run.
 */
function decideJob(context, settings) {
    const event = { eventName: context.eventName, payload: context.payload };
    // Our own pull requests: a comment or review asking for a change, and a red CI run on the branch.
    const onPull = pr_events/* PR_EVENTS */.l.has(context.eventName) || (context.eventName === 'issue_comment' && (0,pr_events/* isPullRequestComment */.WI)(context.payload));
    if (onPull && settings.mode !== 'self-heal') {
        const trigger = (0,pr_events/* resolvePrFollowUpTrigger */.jA)(context.eventName, context.payload, {
            triggerCommand: settings.triggerCommand,
            branchPrefix: settings.branchPrefix,
            repositoryId: context.repositoryId
        });
        return trigger.kind === 'skip' ? trigger : { kind: 'pr-follow-up', trigger };
    }
    // A run's event, as the heal guards read it (in place on our branches, or a heal branch).
    const runEvent = {
        ...event,
        repositoryId: context.repositoryId,
        actor: context.actor,
        triggeringActor: context.triggeringActor,
        ref: context.ref,
        sha: context.sha,
        runId: context.runId,
        runAttempt: context.runAttempt
    };
    if (settings.mode !== 'issue-to-pr') {
        const inPlace = (0,heal_events/* resolveHealInPlace */.Hb)(runEvent, { branchPrefix: settings.branchPrefix });
        if (inPlace?.kind === 'skip')
            return inPlace;
        if (inPlace?.kind === 'workflow-run')
            return { kind: 'pr-follow-up', trigger: { kind: 'ci', run: inPlace.run } };
    }
    const wantsIssue = settings.mode === 'issue-to-pr' ||
        (settings.mode === 'auto' &&
            (ISSUE_EVENTS.has(context.eventName) || (context.eventName === 'workflow_dispatch' && settings.issueNumber !== undefined)));
    if (wantsIssue) {
        const trigger = (0,issue_events/* resolveIssueTrigger */.g)(event, {
            triggerLabel: settings.triggerLabel,
            triggerCommand: settings.triggerCommand,
            issueNumberInput: settings.issueNumber
        });
        return trigger.kind === 'skip' ? trigger : { kind: 'issue-to-pr', trigger };
    }
    const heal = (0,heal_events/* resolveHealTrigger */.L)(runEvent, {
        mode: settings.mode === 'self-heal' ? 'self-heal' : 'auto',
        branchPrefix: settings.branchPrefix,
        runId: settings.runId
    });
    if (heal?.kind === 'skip')
        return heal;
    if (heal)
        return { kind: 'self-heal', trigger: heal };
    return {
        kind: 'skip',
        reason: `The ${context.eventName || 'unknown'} event is not one Gated Agent acts on in mode '${settings.mode}': label an issue '${settings.triggerLabel}', comment '${settings.triggerCommand}', dispatch with issue-number or run-id, or heal a failed run (workflow_run, or this job after a failed step).`
    };
}

// EXTERNAL MODULE: ./src/core/input-values.ts
var input_values = __nccwpck_require__(92154);
// EXTERNAL MODULE: ./src/action/lean-toolkit.ts
var lean_toolkit = __nccwpck_require__(30111);
;// CONCATENATED MODULE: ./src/index.ts





/**
 * The action's entry point. The event is triaged with only the inputs the decision needs read and
 * the outputs written as GitHub documents them (lean-toolkit.ts says why not `@actions/core` itself): an
 * event that is not ours costs little more than starting node. Every other input is validated
 * (settings.ts) as soon as the event is ours, before any work. The rest (`@actions/core`, the
 * input validators, Octokit, git, the engine) is in separate chunks, imported only when needed.
 */
async function run() {
    try {
        const decisionSettings = (0,decision_settings/* readDecisionSettings */.I)(lean_toolkit/* getInput */.V4);
        const context = (0,runner_context/* readRunnerContext */.g)();
        if (decisionSettings.stage === 'publish') {
            // The publish job acts on the bundle's manifest, not on the event: the propose job decided.
            const [{ readActionSettings }, { runPublish }, { reportOutcome }] = await Promise.all([
                Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(102), __nccwpck_require__.e(894), __nccwpck_require__.e(69)]).then(__nccwpck_require__.bind(__nccwpck_require__, 69297)),
                Promise.all(/* import() */[__nccwpck_require__.e(838), __nccwpck_require__.e(6), __nccwpck_require__.e(550), __nccwpck_require__.e(658), __nccwpck_require__.e(102), __nccwpck_require__.e(498), __nccwpck_require__.e(1)]).then(__nccwpck_require__.bind(__nccwpck_require__, 74001)),
                Promise.all(/* import() */[__nccwpck_require__.e(838), __nccwpck_require__.e(6), __nccwpck_require__.e(550), __nccwpck_require__.e(658), __nccwpck_require__.e(102), __nccwpck_require__.e(498), __nccwpck_require__.e(894), __nccwpck_require__.e(717)]).then(__nccwpck_require__.bind(__nccwpck_require__, 32717))
            ]);
            await reportOutcome(await runPublish(readActionSettings(), context));
            return;
        }
        const decision = decideJob(context, decisionSettings);
        if (decision.kind === 'skip') {
            (0,lean_toolkit/* info */.pq)(`Skipped: ${decision.reason}`);
            await (0,lean_toolkit/* setOutputs */.n0)({ result: 'skipped', reason: decision.reason, attempts: '0' });
            (0,lean_toolkit/* appendSummary */.fe)(`### ⏭️ Gated Agent: \`skipped\`\n\n${decision.reason}`);
            return;
        }
        const [{ readActionSettings }, { runJob, reportOutcome }] = await Promise.all([
            Promise.all(/* import() */[__nccwpck_require__.e(6), __nccwpck_require__.e(102), __nccwpck_require__.e(894), __nccwpck_require__.e(69)]).then(__nccwpck_require__.bind(__nccwpck_require__, 69297)),
            Promise.all(/* import() */[__nccwpck_require__.e(838), __nccwpck_require__.e(6), __nccwpck_require__.e(550), __nccwpck_require__.e(658), __nccwpck_require__.e(102), __nccwpck_require__.e(498), __nccwpck_require__.e(894), __nccwpck_require__.e(717)]).then(__nccwpck_require__.bind(__nccwpck_require__, 32717))
        ]);
        const settings = readActionSettings();
        const outcome = await runJob(settings, context, decision);
        if (outcome.result === 'skipped')
            process.stdout.write(`Skipped: ${outcome.reason}\n`);
        await reportOutcome(outcome);
    }
    catch (error) {
        const [core, { setFailureOutputs, wasReported }] = await Promise.all([__nccwpck_require__.e(/* import() */ 838).then(__nccwpck_require__.bind(__nccwpck_require__, 33838)), Promise.all(/* import() */[__nccwpck_require__.e(838), __nccwpck_require__.e(6), __nccwpck_require__.e(658)]).then(__nccwpck_require__.bind(__nccwpck_require__, 31658))]);
        // `result` is always one of action.yml's values: an error that no report set yet sets `failed`.
        if (!wasReported(error))
            setFailureOutputs(error instanceof Error ? error.message : String(error));
        if (error instanceof input_values/* InputError */.dz) {
            core.setFailed(error.message);
            return;
        }
        core.setFailed(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
}
/** Settled when the action is done (the runner waits for the process; scripts/local-action-entry.mjs awaits this). */
const done = run();


/***/ }),

/***/ 42613:
/***/ ((module) => {

"use strict";
module.exports = require("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

"use strict";
module.exports = require("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

"use strict";
module.exports = require("child_process");

/***/ }),

/***/ 49140:
/***/ ((module) => {

"use strict";
module.exports = require("constants");

/***/ }),

/***/ 76982:
/***/ ((module) => {

"use strict";
module.exports = require("crypto");

/***/ }),

/***/ 24434:
/***/ ((module) => {

"use strict";
module.exports = require("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

"use strict";
module.exports = require("fs");

/***/ }),

/***/ 91943:
/***/ ((module) => {

"use strict";
module.exports = require("fs/promises");

/***/ }),

/***/ 58611:
/***/ ((module) => {

"use strict";
module.exports = require("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

"use strict";
module.exports = require("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

"use strict";
module.exports = require("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

"use strict";
module.exports = require("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

"use strict";
module.exports = require("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

"use strict";
module.exports = require("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

"use strict";
module.exports = require("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

"use strict";
module.exports = require("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

"use strict";
module.exports = require("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

"use strict";
module.exports = require("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

"use strict";
module.exports = require("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

"use strict";
module.exports = require("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

"use strict";
module.exports = require("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

"use strict";
module.exports = require("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

"use strict";
module.exports = require("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

"use strict";
module.exports = require("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

"use strict";
module.exports = require("node:https");

/***/ }),

/***/ 98995:
/***/ ((module) => {

"use strict";
module.exports = require("node:module");

/***/ }),

/***/ 77030:
/***/ ((module) => {

"use strict";
module.exports = require("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

"use strict";
module.exports = require("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

"use strict";
module.exports = require("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

"use strict";
module.exports = require("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

"use strict";
module.exports = require("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

"use strict";
module.exports = require("node:querystring");

/***/ }),

/***/ 57075:
/***/ ((module) => {

"use strict";
module.exports = require("node:stream");

/***/ }),

/***/ 46466:
/***/ ((module) => {

"use strict";
module.exports = require("node:stream/promises");

/***/ }),

/***/ 46193:
/***/ ((module) => {

"use strict";
module.exports = require("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

"use strict";
module.exports = require("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

"use strict";
module.exports = require("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

"use strict";
module.exports = require("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

"use strict";
module.exports = require("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

"use strict";
module.exports = require("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

"use strict";
module.exports = require("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

"use strict";
module.exports = require("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

"use strict";
module.exports = require("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

"use strict";
module.exports = require("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

"use strict";
module.exports = require("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

"use strict";
module.exports = require("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

"use strict";
module.exports = require("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

"use strict";
module.exports = require("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

"use strict";
module.exports = require("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

"use strict";
module.exports = require("util");

/***/ }),

/***/ 43106:
/***/ ((module) => {

"use strict";
module.exports = require("zlib");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			id: moduleId,
/******/ 			loaded: false,
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Flag the module as loaded
/******/ 		module.loaded = true;
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.cjs.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/node module decorator */
/******/ 	(() => {
/******/ 		__nccwpck_require__.nmd = (module) => {
/******/ 			module.paths = [];
/******/ 			if (!module.children) module.children = [];
/******/ 			return module;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
/**
 * The action's entry as the runner starts it (`runs.main` in action.yml): the bundle of index.ts,
 * built as CommonJS. Starting node on an ES module costs a fifth of node's own start-up before a
 * line of ours runs (the ESM loader), and an event that is not ours should cost little more than
 * starting node; the bundle needs nothing ESM gives (no top-level await, no import.meta), and the
 * rest of the action stays in separate chunks that load only when the event is ours.
 */
__nccwpck_require__(41759)

module.exports = __webpack_exports__;
/******/ })()
;