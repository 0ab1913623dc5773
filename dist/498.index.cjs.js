"use strict";
exports.id = 498;
exports.ids = [498];
exports.modules = {

/***/ 74823:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ ciDispatcher)
/* harmony export */ });
/** The dispatcher for the settings: a no-op without `ci-workflow`. Returns lines for the notes. */
function ciDispatcher(settings, api, log, warnings) {
    const workflow = settings.ciWorkflow;
    if (!workflow)
        return async () => [];
    return async (branch) => {
        try {
            await api.dispatchWorkflow(workflow, branch);
            const line = `Started ${workflow} on ${branch} (ci-workflow), so the pull request shows its checks.`;
            log.info(line);
            return [line];
        }
        catch (error) {
            const status = error.status;
            const fix = status === 404
                ? `no workflow ${workflow} with a workflow_dispatch trigger was found: check the file name in .github/workflows and its "on: workflow_dispatch"`
                : status === 403
                    ? 'the token may not start workflows: give the job "permissions: actions: write", or use a GitHub App token'
                    : error.message;
            const warning = `The change is pushed, but ${workflow} could not be started on ${branch} (ci-workflow): ${fix}.`;
            log.warning(warning);
            warnings.push(warning);
            return [];
        }
    };
}


/***/ }),

/***/ 58592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ FencedLog)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runtime_process_process_runner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(19022);



/**
 * The job log. Output of the agent and the gate is untrusted: a line such as `::add-mask::` or
 * `::set-output` in it must not act as a workflow command. While a process streams, the log is
 * fenced with `::stop-commands::<token>`; the action's own lines end the fence first.
 */
class FencedLog {
    fenced = false;
    endsWithNewline = true;
    token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)().replace(/-/g, '');
    /**
     * `write` writes to the log (process.stdout by default); `streamOutput` streams process output
     * (`write` when given, else process.stdout with its backpressure: a promise that holds the
     * process's output back until the log has taken it).
     */
    write;
    streamOutput;
    constructor(write, streamOutput) {
        this.write = write ?? ((text) => process.stdout.write(text));
        this.streamOutput = streamOutput ?? write ?? ((text) => (0,_runtime_process_process_runner_js__WEBPACK_IMPORTED_MODULE_2__/* .writeWithBackpressure */ .cd)(process.stdout, text));
    }
    /**
     * Streams untrusted process output, fenced. While the runner's log pipe is full the returned
     * promise holds the process back, so an agent printing gigabytes never piles them up in memory.
     */
    output = (chunk) => {
        if (chunk.length === 0)
            return;
        if (!this.fenced) {
            this.write(`::stop-commands::${this.token}\n`);
            this.fenced = true;
        }
        this.endsWithNewline = chunk[chunk.length - 1] === 0x0a;
        return this.streamOutput(chunk.toString('utf8'));
    };
    /** Ends the fence, so the next line can be a workflow command again. */
    unfence() {
        if (!this.fenced)
            return;
        if (!this.endsWithNewline)
            this.write('\n');
        this.write(`::${this.token}::\n`);
        this.fenced = false;
        this.endsWithNewline = true;
    }
    /** Prints text that may hold untrusted words (issue titles, step names) without letting it issue commands. */
    untrusted(text) {
        this.unfence();
        this.write(`::stop-commands::${this.token}\n${text.endsWith('\n') ? text : `${text}\n`}::${this.token}::\n`);
    }
    info(message) {
        this.untrusted(message);
    }
    warning(message) {
        this.unfence();
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(message);
    }
    startGroup(name) {
        this.unfence();
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.startGroup(name.replace(/[\r\n]+/g, ' '));
    }
    endGroup() {
        this.unfence();
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.endGroup();
    }
}


/***/ }),

/***/ 72067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DN: () => (/* binding */ createGateDefinitionPolicy),
/* harmony export */   kA: () => (/* binding */ needsWholeText)
/* harmony export */ });
/* unused harmony exports GATE_DEFINITION_POLICY_NAME, GATE_DEFINITION_ADVICE, GATE_DEFINITION_GLOBS, PACKAGE_JSON_GATE_FIELDS, scriptsNamedBy, findGateDefinitionChanges, describeGateDefinitionChanges */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var shell_quote__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26591);
/* harmony import */ var _unified_diff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89905);
/* harmony import */ var _test_weakening_policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(18866);
/* harmony import */ var _policy_step_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(84652);
/**
 * The "gate definition" policy: the gate is the judge, and the judged may not edit the judge. A
 * change to what decides whether the gate is green fails like a red gate step: the scripts the gate
 * lines call (`package.json` `scripts`, Makefile and justfile targets, a script file a step runs),
 * test runner and lint configuration (JavaScript and Python), `conftest.py` anywhere, interpreter
 * start-up hooks (`sitecustomize.py`, `.pth`), setup files, and the attributes and ignore files
 * that decide what git shows and commits. Unrelated parts of shared files (a package.json
 * `description`, pyproject's `[project]` dependencies) stay free to change.
 * Judged from the change's paths, its patch and the whole texts of the shared files.
 */





/** The step name the gate shows for this policy. */
const GATE_DEFINITION_POLICY_NAME = 'policy: gate definition';
/** What the agent is told to do instead; the wording is part of the product. */
const GATE_DEFINITION_ADVICE = "put the gate's files back as they were and fix the code; if the gate itself must change, a person must do it (allow-gate-changes)";
/** Files that are the gate's definition as a whole, by name, in any folder. */
const GATE_DEFINITION_GLOBS = [
    // Task runners: the targets the gate lines call.
    '**/{Makefile,makefile,GNUmakefile,*.mk,justfile,Justfile,.justfile,Taskfile.yml,Taskfile.yaml}',
    // JavaScript and TypeScript: test runners, their setup files, transpilers, linters, package manager settings.
    '**/{jest,vitest,vite,ava,playwright,karma,cypress,babel,prettier,eslint,stylelint,lint-staged}.config.*',
    '**/{vitest.workspace,jest.setup,jest.preset,vitest.setup,setupTests,setup-tests,test-setup,jest-setup}.*',
    '**/{.mocharc,.nycrc,.c8rc,.babelrc,.eslintrc,.prettierrc,.swcrc,.stylelintrc,.lintstagedrc}{,.*}',
    '**/{.eslintignore,.prettierignore,.npmrc,.yarnrc,.yarnrc.yml,.pnpmfile.cjs,.taprc,.node-options}',
    '**/{tsconfig,jsconfig}{,.*}.json',
    // Python: runner and linter configuration, fixtures and hooks loaded before any test.
    '**/{pytest.ini,tox.ini,noxfile.py,.coveragerc,mypy.ini,.mypy.ini,.flake8,ruff.toml,.ruff.toml,.pylintrc,pylintrc,.pydocstyle,.isort.cfg}',
    '**/{conftest.py,sitecustomize.py,usercustomize.py,*.pth}',
    // A module named like the runner's own shadows it when the runner is started with `python -m`.
    '**/{pytest,_pytest,pluggy,unittest,nose2,hypothesis,coverage,tox,ruff,mypy,flake8,pylint}{.py,/__init__.py,/__main__.py}',
    // git: what the change reader shows and what the commit holds.
    '**/{.gitattributes,.gitignore}'
];
const wholeFileMatcher = picomatch__WEBPACK_IMPORTED_MODULE_4___default()([...GATE_DEFINITION_GLOBS], { dot: true });
/** package.json fields that define what the gate runs and how; the rest of the file is free to change. */
const PACKAGE_JSON_GATE_FIELDS = [
    'scripts',
    'jest',
    'mocha',
    'ava',
    'c8',
    'nyc',
    'tap',
    'vitest',
    'babel',
    'eslintConfig',
    'eslintIgnore',
    'prettier',
    'lint-staged'
];
/** pyproject.toml tables (and their sub-tables) that configure the gate's tools. */
const PYPROJECT_GATE_TABLES = /^tool\.(?:pytest|ruff|mypy|coverage|tox|pyright|black|isort|flake8|pylint|pydocstyle|nox|poe|hatch\.envs|pdm\.scripts|rye\.scripts)(?:\.|$)/;
/** setup.cfg sections that configure the gate's tools. */
const SETUP_CFG_GATE_SECTIONS = /^(?:tool:pytest|pytest|flake8|mypy(?:-.*)?|coverage:.*|tox(?::.*)?|pycodestyle|pylint.*|isort|pydocstyle)$/;
/** Shared files judged part by part: their whole texts are needed (see Change.contents). */
function needsWholeText(path) {
    const name = basename(path);
    return name === 'package.json' || name === 'pyproject.toml' || name === 'setup.cfg';
}
function basename(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/**
 * The repository files a gate line runs directly (`./scripts/check.sh`, `bash ci/test.sh`,
 * `python tools/lint.py`, `node scripts/test.mjs`): relative paths among its words, test files
 * excepted (the test policies judge those).
 */
function scriptsNamedBy(steps) {
    const found = new Set();
    for (const step of steps) {
        let words;
        try {
            words = (0,shell_quote__WEBPACK_IMPORTED_MODULE_0__.parse)(step);
        }
        catch {
            continue;
        }
        for (const word of words) {
            if (typeof word !== 'string')
                continue;
            const candidate = word.replace(/^\.\//, '');
            if (candidate === '' || candidate.startsWith('/') || candidate.startsWith('-') || candidate.split('/').includes('..'))
                continue;
            // A test file a step names is judged as a test (tests may change in issue-to-pr; self-heal freezes them).
            if ((0,_test_weakening_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .isTestPath */ .MQ)(candidate))
                continue;
            // A path with a folder, or a file with a script's extension.
            if (/^[\w.@-]+(?:\/[\w.@-]+)+$/.test(candidate) || /^[\w.@-]+\.(?:sh|bash|py|js|mjs|cjs|ts|rb|pl|ps1|cmd|bat)$/.test(candidate)) {
                found.add(candidate);
            }
        }
    }
    return [...found];
}
/** Every path the change touches, old and new names alike, with how. */
function touched(change) {
    const paths = new Map();
    for (const { path, status } of change.paths)
        paths.set(path, status);
    for (const file of (0,_unified_diff_js__WEBPACK_IMPORTED_MODULE_1__/* .parsePatch */ .i)(change.reviewPatch ?? change.patch)) {
        if (file.status === 'renamed' || file.status === 'copied') {
            if (file.oldPath && file.status === 'renamed')
                paths.set(file.oldPath, 'renamed away');
            if (file.newPath)
                paths.set(file.newPath, file.status === 'renamed' ? 'renamed here' : 'copied here');
        }
        else {
            const path = file.newPath ?? file.oldPath;
            if (path && !paths.has(path))
                paths.set(path, file.status);
        }
    }
    return paths;
}
function describeValue(value) {
    if (value === undefined)
        return 'nothing';
    const text = JSON.stringify(value);
    return '`' + (text.length > 80 ? `${text.slice(0, 80)}…` : text) + '`';
}
function tryParseJson(text) {
    if (text === undefined)
        return { ok: true, value: undefined };
    try {
        const value = JSON.parse(text);
        return {
            ok: true,
            value: value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}
        };
    }
    catch {
        return { ok: false };
    }
}
function packageJsonFindings(file, before, after) {
    const old = tryParseJson(before);
    const now = tryParseJson(after);
    if (!now.ok)
        return [{ file, what: 'is no longer valid JSON, so the scripts the gate runs cannot be compared; make it valid again' }];
    if (!old.ok)
        return [];
    const findings = [];
    for (const field of PACKAGE_JSON_GATE_FIELDS) {
        const a = old.value?.[field];
        const b = now.value?.[field];
        if (JSON.stringify(a) === JSON.stringify(b))
            continue;
        if (field === 'scripts' && isRecord(a) && isRecord(b)) {
            for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
                if (JSON.stringify(a[name]) !== JSON.stringify(b[name])) {
                    findings.push({ file, what: `changes the script \`${name}\` from ${describeValue(a[name])} to ${describeValue(b[name])}` });
                }
            }
        }
        else {
            findings.push({ file, what: `changes \`${field}\` from ${describeValue(a)} to ${describeValue(b)}` });
        }
    }
    return findings;
}
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}
/** A TOML or INI file's sections: header name → the section's text (blank lines and comments dropped). */
function sections(text, header) {
    const found = new Map();
    if (text === undefined)
        return found;
    let current = '';
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith(';'))
            continue;
        const match = header.exec(line);
        if (match) {
            current = match[1]
                .trim()
                .replace(/\s*\.\s*/g, '.')
                .replace(/"/g, '');
            if (!found.has(current))
                found.set(current, '');
            continue;
        }
        found.set(current, `${found.get(current) ?? ''}${line}\n`);
    }
    return found;
}
function sectionFindings(file, before, after, header, isGateSection, show) {
    const old = sections(before, header);
    const now = sections(after, header);
    const findings = [];
    for (const name of new Set([...old.keys(), ...now.keys()])) {
        if (!isGateSection(name) || old.get(name) === now.get(name))
            continue;
        const how = !old.has(name) ? 'adds' : !now.has(name) ? 'removes' : 'changes';
        findings.push({ file, what: `${how} ${show(name)}, which configures the gate's tools` });
    }
    return findings;
}
/**
 * The ways the change edits the gate's definition (pure). `gateScripts` are repository files the
 * gate lines run (see scriptsNamedBy).
 */
function findGateDefinitionChanges(change, gateScripts = []) {
    const scripts = new Set(gateScripts);
    const findings = [];
    for (const [file, how] of touched(change)) {
        const name = basename(file);
        if (scripts.has(file)) {
            findings.push({ file, what: `${how}: a gate step runs this file` });
            continue;
        }
        if (wholeFileMatcher(file)) {
            findings.push({ file, what: `${how}: it is part of the gate's definition (${whatItIs(name)})` });
            continue;
        }
        if (!needsWholeText(file))
            continue;
        const texts = change.contents?.[file];
        if (texts === undefined) {
            findings.push({ file, what: `${how}, and its gate settings could not be compared` });
            continue;
        }
        if (name === 'package.json')
            findings.push(...packageJsonFindings(file, texts.before, texts.after));
        else if (name === 'pyproject.toml') {
            findings.push(...sectionFindings(file, texts.before, texts.after, /^\[\[?\s*([^\]]+?)\s*\]\]?(?:\s*#.*)?$/, (section) => PYPROJECT_GATE_TABLES.test(section), (section) => `[${section}]`));
        }
        else {
            findings.push(...sectionFindings(file, texts.before, texts.after, /^\[\s*([^\]]+?)\s*\]$/, (section) => SETUP_CFG_GATE_SECTIONS.test(section), (section) => `[${section}]`));
        }
    }
    return findings;
}
function whatItIs(name) {
    if (name === 'conftest.py')
        return 'pytest loads it before any test: fixtures, hooks, deselection';
    if (name === 'sitecustomize.py' || name === 'usercustomize.py' || name.endsWith('.pth'))
        return 'Python runs it at start-up';
    if (/^(?:__init__|__main__|pytest|_pytest|pluggy|unittest|nose2|hypothesis|coverage|tox|ruff|mypy|flake8|pylint)\.py$/.test(name))
        return "it shadows the test or lint runner's own module";
    if (name === '.gitattributes')
        return 'it decides how git shows and stores files';
    if (name === '.gitignore')
        return 'it decides which files the commit holds';
    if (/^(?:Makefile|makefile|GNUmakefile|justfile|Justfile|\.justfile|Taskfile\.ya?ml)$|\.mk$/.test(name))
        return 'the targets the gate runs';
    if (/^\.npmrc$|^\.yarnrc|pnpmfile/.test(name))
        return "the package manager's settings, which run the scripts";
    if (/lint|prettier|ruff|flake8|pylint|pydocstyle|isort|mypy/i.test(name))
        return 'lint or type-check configuration';
    return 'test runner or build configuration';
}
/** The feedback the agent reads when the policy fails. */
function describeGateDefinitionChanges(findings) {
    const listed = findings.slice(0, 30).map((finding) => `- ${finding.file}: ${finding.what}`);
    if (findings.length > 30)
        listed.push(`- … and ${findings.length - 30} more`);
    return [
        "This change edits the gate's own definition, which decides whether the change passes:",
        ...listed,
        `What to do: ${GATE_DEFINITION_ADVICE}.`
    ].join('\n');
}
/** The "gate definition" policy, a gate step that fails when the change edits what judges it. */
function createGateDefinitionPolicy(gateSteps = []) {
    const scripts = scriptsNamedBy(gateSteps);
    return (0,_policy_step_js__WEBPACK_IMPORTED_MODULE_3__/* .definePolicy */ .s)({
        name: GATE_DEFINITION_POLICY_NAME,
        find: (change) => findGateDefinitionChanges(change, scripts),
        passed: "No change to the gate's definition (scripts, runner and lint configuration, setup files, attributes).",
        describe: describeGateDefinitionChanges
    });
}


/***/ }),

/***/ 58994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ createRepositoryApi)
});

// UNUSED EXPORTS: createGitHubClient

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
;// CONCATENATED MODULE: ./src/github/request-guard.ts
/**
 * The last line of the "never merges" promise: a request hook that refuses, before anything is
 * sent, every GitHub API call that could merge, approve, auto-merge, mark a pull request ready, or
 * write a branch, file, ref, rule or repository setting. The facade in `github-api.ts` never makes
 * such calls; this guard makes sure no other code path (a plugin, a future edit) can either.
 *
 * Writes are checked against an allowlist: the product only comments on issues and opens or
 * updates draft pull requests. The named refusals exist so the error says *why* a call is refused.
 */
/** A request the guard refused; it never reached GitHub. */
class ForbiddenRequestError extends Error {
    method;
    path;
    reason;
    name = 'ForbiddenRequestError';
    constructor(
    /** HTTP method of the refused request. */
    method, 
    /** Path of the refused request, relative to the API root. */
    path, 
    /** Why it is refused, in plain words. */
    reason) {
        super(`Gated Agent refused ${method} ${path}: ${reason}. ` +
            'It only comments on issues and opens or updates draft pull requests; it cannot merge, approve, ' +
            'mark ready or write branches through the API.');
        this.method = method;
        this.path = path;
        this.reason = reason;
    }
}
const REPO = '^/repos/[^/]+/[^/]+';
/** Named refusals, checked before the allowlist so the message says what the call would have done. */
const FORBIDDEN = [
    { method: /^PUT$/, path: new RegExp(`${REPO}/pulls/[^/]+/merge$`), reason: 'merging a pull request is never done by Gated Agent' },
    { method: /^POST$/, path: new RegExp(`${REPO}/merges$`), reason: 'merging a branch is never done by Gated Agent' },
    { method: /^POST$/, path: new RegExp(`${REPO}/merge-upstream$`), reason: 'merging upstream into a branch is never done by Gated Agent' },
    {
        method: /^PUT$/,
        path: new RegExp(`${REPO}/pulls/[^/]+/update-branch$`),
        reason: 'merging the base into a pull request branch is never done by Gated Agent'
    },
    {
        method: /./,
        path: new RegExp(`${REPO}/pulls/[^/]+/reviews(/|$)`),
        reason: 'approving, reviewing or dismissing reviews is left to people'
    },
    {
        method: /./,
        path: new RegExp(`${REPO}/git(/|$)`),
        reason: 'git refs and objects are never written through the API (the action pushes its own branch with git)'
    },
    { method: /./, path: new RegExp(`${REPO}/contents(/|$)`), reason: 'files are never written through the API' },
    { method: /./, path: new RegExp(`${REPO}/branches(/|$)`), reason: 'branches and their protection are never changed by Gated Agent' },
    { method: /./, path: new RegExp(`${REPO}/rulesets(/|$)`), reason: 'rulesets are never changed by Gated Agent' },
    { method: /./, path: new RegExp(`${REPO}/actions/permissions(/|$)`), reason: 'Actions permissions are never changed by Gated Agent' },
    { method: /^(PATCH|DELETE)$/, path: new RegExp(`${REPO}$`), reason: 'repository settings are never changed by Gated Agent' }
];
/** The only writes the product makes (see `github-api.ts`). */
const ALLOWED_WRITES = [
    { method: 'POST', path: new RegExp(`${REPO}/issues/\\d+/comments$`) },
    { method: 'PATCH', path: new RegExp(`${REPO}/issues/comments/\\d+$`) },
    // The younger of two progress comments two runs made at once (its own, see progress-comment.ts).
    { method: 'DELETE', path: new RegExp(`${REPO}/issues/comments/\\d+$`) },
    { method: 'POST', path: new RegExp(`${REPO}/pulls$`) },
    { method: 'PATCH', path: new RegExp(`${REPO}/pulls/\\d+$`) },
    // ci-workflow: start the repository's CI on an agent branch after a push (the token's pushes start none).
    { method: 'POST', path: new RegExp(`${REPO}/actions/workflows/[^/]+/dispatches$`) }
];
/** GraphQL mutations named in refusals; any mutation at all is refused. */
const NAMED_MUTATIONS = [
    'enablePullRequestAutoMerge',
    'markPullRequestReadyForReview',
    'mergePullRequest',
    'addPullRequestReview',
    'submitPullRequestReview',
    'mergeBranch'
];
/**
 * Why a request must not be sent, or undefined when it may be. Pure, so every rule is unit-tested.
 * Paths are judged as sent and percent-decoded, so an encoded route cannot slip past a rule.
 */
function refusalFor(request) {
    const method = request.method.toUpperCase();
    if (method === 'GET' || method === 'HEAD')
        return undefined;
    const raw = normalisePath(request.path);
    const paths = [raw];
    try {
        const decoded = normalisePath(decodeURIComponent(raw));
        if (decoded !== raw)
            paths.push(decoded);
    }
    catch {
        // A malformed escape cannot be decoded; the raw path is still judged.
    }
    const body = parseBody(request.body);
    if (paths.some((path) => /\/graphql$/.test(path)))
        return graphqlRefusal(method, body);
    for (const path of paths) {
        const rule = FORBIDDEN.find((candidate) => candidate.method.test(method) && candidate.path.test(path));
        if (rule)
            return rule.reason;
    }
    if (!paths.every((path) => ALLOWED_WRITES.some((rule) => rule.method === method && rule.path.test(path)))) {
        return 'it is not a write Gated Agent makes';
    }
    if (method === 'PATCH' && /\/pulls\/\d+$/.test(raw)) {
        if (body && body.draft === false)
            return 'marking a pull request ready for review is left to people';
        const extra = Object.keys(body ?? {}).filter((key) => key !== 'title' && key !== 'body');
        if (extra.length > 0)
            return `only a pull request's title and body are ever changed, not ${extra.join(', ')}`;
    }
    return undefined;
}
function graphqlRefusal(method, body) {
    const query = typeof body?.query === 'string' ? body.query : '';
    if (method === 'POST' && !/\bmutation\b/i.test(query))
        return undefined;
    const named = NAMED_MUTATIONS.find((name) => query.includes(name));
    return named
        ? `the GraphQL mutation ${named} is refused (no mutation is ever sent)`
        : 'GraphQL mutations are refused (only queries are ever sent)';
}
function normalisePath(path) {
    const withoutQuery = path.split(/[?#]/, 1)[0];
    return withoutQuery
        .toLowerCase()
        .replace(/\/{2,}/g, '/')
        .replace(/\/+$/, '');
}
function parseBody(body) {
    if (typeof body === 'string') {
        try {
            const parsed = JSON.parse(body);
            return isRecord(parsed) ? parsed : undefined;
        }
        catch {
            return undefined;
        }
    }
    return isRecord(body) ? body : undefined;
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: ./src/core/output-tail.ts
var output_tail = __webpack_require__(96161);
;// CONCATENATED MODULE: ./src/github/job-log-tail.ts
/**
 * The end of a GitHub Actions job log, read from a stream in bounded memory. A failing job's log
 * can run to hundreds of megabytes; the failure is at the end, so only the last bytes are kept.
 */

/**
 * Reads a log stream to its end keeping only the last `maxBytes` (a fixed ring buffer, so memory
 * does not grow with the log), then cleans the text. The text is untrusted: a caller echoing it to
 * the runner's log must stop workflow commands first.
 */
async function tailJobLog(chunks, maxBytes) {
    const tail = new output_tail/* OutputTail */.gY(maxBytes);
    let totalBytes = 0;
    for await (const chunk of chunks) {
        totalBytes += chunk.byteLength;
        tail.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    }
    return { text: cleanJobLogText(tail.text(), tail.truncatedBytes > 0), totalBytes, truncatedBytes: tail.truncatedBytes };
}
/** Runner logs start every line with an ISO-8601 timestamp (`2024-05-01T12:00:00.1234567Z `). */
const LINE_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z ?/gm;
/**
 * Strips the byte-order mark and each line's timestamp. When the start was cut, the first line
 * after the omission note is a fragment (maybe of a timestamp): it is dropped.
 */
function cleanJobLogText(text, truncated) {
    let cleaned = text.replace(/^\uFEFF/, '');
    if (truncated) {
        const lines = cleaned.split('\n');
        // lines[0] is OutputTail's omission note; lines[1] starts mid-line.
        if (lines.length > 2)
            cleaned = [lines[0], ...lines.slice(2)].join('\n');
    }
    return cleaned.replace(LINE_TIMESTAMP, '');
}

;// CONCATENATED MODULE: ./src/github/github-api.ts

/** Builds the facade over a client from `createGitHubClient`, for one repository. */
function createGitHubApi(octokit, repository) {
    const { owner, repo } = repository;
    const rest = octokit.rest;
    return {
        async getActorPermission(login) {
            try {
                const { data } = await rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login });
                return { permission: data.permission, roleName: data.role_name };
            }
            catch (error) {
                // GitHub answers 404 for a login that is not a user at all: no access, not a failure.
                if (statusOf(error) === 404)
                    return { permission: 'none', roleName: 'none' };
                throw error;
            }
        },
        async getIssue(issueNumber) {
            const { data } = await rest.issues.get({ owner, repo, issue_number: issueNumber });
            return {
                number: data.number,
                title: data.title,
                body: data.body ?? '',
                labels: data.labels.map((label) => (typeof label === 'string' ? label : (label.name ?? ''))).filter((name) => name !== ''),
                user: toUser(data.user) ?? { login: 'ghost', type: 'User' },
                htmlUrl: data.html_url,
                state: data.state,
                isPullRequest: data.pull_request != null,
                commentCount: data.comments
            };
        },
        async listIssueComments(issueNumber) {
            const comments = await octokit.paginate(rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
            return comments.map(toComment);
        },
        async createIssueComment(issueNumber, body) {
            const { data } = await rest.issues.createComment({ owner, repo, issue_number: issueNumber, body });
            return toComment(data);
        },
        async updateIssueComment(commentId, body) {
            const { data } = await rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
            return toComment(data);
        },
        async deleteIssueComment(commentId) {
            await rest.issues.deleteComment({ owner, repo, comment_id: commentId });
        },
        async findOpenPullByHead(branch) {
            // `head` must be qualified by the owner of the head repository: pushes go to this one.
            const { data } = await rest.pulls.list({ owner, repo, head: `${owner}:${branch}`, state: 'open', per_page: 100 });
            // GitHub ignores a `head` filter it cannot parse and lists every PR: match the label exactly.
            const label = `${owner}:${branch}`.toLowerCase();
            const pull = data.find((candidate) => candidate.head.ref === branch && candidate.head.label.toLowerCase() === label);
            return pull ? { ...toPullRef(pull), title: pull.title, body: pull.body ?? '' } : undefined;
        },
        async createDraftPull({ head, base, title, body }) {
            try {
                const { data } = await rest.pulls.create({ owner, repo, head, base, title, body, draft: true });
                return { kind: 'created', pull: toPullRef(data) };
            }
            catch (error) {
                const message = alreadyExistsMessage(error);
                if (message !== undefined)
                    return { kind: 'already-exists', message };
                throw error;
            }
        },
        async updatePull(pullNumber, { title, body }) {
            const { data } = await rest.pulls.update({ owner, repo, pull_number: pullNumber, title, body });
            return toPullRef(data);
        },
        async getBranchRules(branch) {
            const rules = await octokit.paginate(rest.repos.getBranchRules, { owner, repo, branch, per_page: 100 });
            return rules.map((rule) => {
                const { type, ruleset_id: rulesetId } = rule;
                const parameters = rule.parameters;
                return { type, ...(parameters ? { parameters } : {}), ...(rulesetId !== undefined ? { rulesetId } : {}) };
            });
        },
        async getPull(pullNumber) {
            const { data } = await rest.pulls.get({ owner, repo, pull_number: pullNumber });
            return {
                ...toPullRef(data),
                title: data.title,
                body: data.body ?? '',
                state: data.state,
                headRef: data.head.ref,
                headSha: data.head.sha,
                headRepoId: data.head.repo?.id ?? null,
                baseRef: data.base.ref,
                baseRepoId: data.base.repo?.id ?? null
            };
        },
        async listReviewComments(pullNumber, reviewId) {
            const comments = await octokit.paginate(rest.pulls.listCommentsForReview, {
                owner,
                repo,
                pull_number: pullNumber,
                review_id: reviewId,
                per_page: 100
            });
            return comments.map((comment) => {
                const line = comment.line ?? comment.original_line ?? undefined;
                const user = toUser(comment.user);
                return {
                    path: comment.path,
                    ...(typeof line === 'number' ? { line } : {}),
                    diffHunk: comment.diff_hunk,
                    body: comment.body,
                    ...(user ? { user } : {})
                };
            });
        },
        async dispatchWorkflow(workflow, branch) {
            await rest.actions.createWorkflowDispatch({ owner, repo, workflow_id: workflow, ref: branch });
        },
        async getWorkflowRun(runId) {
            const { data } = await rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
            return {
                id: data.id,
                name: data.name ?? '',
                event: data.event,
                status: data.status ?? '',
                conclusion: data.conclusion ?? null,
                headBranch: data.head_branch ?? null,
                headSha: data.head_sha,
                runAttempt: data.run_attempt ?? 1,
                htmlUrl: data.html_url,
                repository: data.repository.full_name,
                headRepository: data.head_repository?.full_name ?? null,
                repositoryId: data.repository.id,
                headRepositoryId: data.head_repository?.id ?? null,
                actor: toUser(data.actor) ?? null,
                triggeringActor: toUser(data.triggering_actor) ?? null,
                pullRequests: (data.pull_requests ?? []).map((pull) => pull.number)
            };
        },
        async listRunJobs(runId, attempt) {
            const jobs = attempt === undefined
                ? await octokit.paginate(rest.actions.listJobsForWorkflowRun, { owner, repo, run_id: runId, filter: 'latest', per_page: 100 })
                : await octokit.paginate(rest.actions.listJobsForWorkflowRunAttempt, {
                    owner,
                    repo,
                    run_id: runId,
                    attempt_number: attempt,
                    per_page: 100
                });
            return jobs.map((job) => ({
                id: job.id,
                name: job.name,
                status: job.status,
                conclusion: job.conclusion ?? null,
                htmlUrl: job.html_url ?? null,
                steps: (job.steps ?? []).map((step) => ({
                    number: step.number,
                    name: step.name,
                    status: step.status,
                    conclusion: step.conclusion ?? null
                }))
            }));
        },
        async fetchJobLogTail(jobId, maxBytes) {
            // GitHub answers 302 to a short-lived signed URL. Octokit's own fetch follows it, so the
            // toolkit's proxy-aware dispatcher is kept, and fetch drops the Authorization header on the
            // cross-origin hop, so the token never reaches the log storage host. The body is taken as a
            // stream (`parseSuccessResponseBody: false`) and folded into a fixed-size ring buffer: a
            // 500 MB log costs `maxBytes` of memory, not 500 MB.
            const response = await octokit.request('GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs', {
                owner,
                repo,
                job_id: jobId,
                request: { parseSuccessResponseBody: false }
            });
            const stream = response.data;
            return tailJobLog(stream ?? emptyStream(), maxBytes);
        }
    };
}
function toUser(user) {
    return user ? { login: user.login, type: user.type } : undefined;
}
function toComment(data) {
    const user = toUser(data.user);
    return { id: data.id, body: data.body ?? '', htmlUrl: data.html_url, ...(user ? { user } : {}) };
}
function toPullRef(data) {
    return { number: data.number, url: data.html_url, draft: data.draft ?? false };
}
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}
/**
 * GitHub's 422 for a duplicate: `{"message":"Validation Failed","errors":[{"message":"A pull request
 * already exists for owner:branch."}]}`. Any other 422 (no commits, draft PRs unavailable) is a
 * real failure and is rethrown.
 */
function alreadyExistsMessage(error) {
    if (statusOf(error) !== 422)
        return undefined;
    const data = error.response?.data;
    const details = Array.isArray(data?.errors)
        ? data.errors.map((detail) => detail?.message).filter((m) => typeof m === 'string')
        : [];
    const found = [...details, error.message].find((message) => /a pull request already exists/i.test(message));
    return found;
}
async function* emptyStream() {
    // A 2xx with no body: an empty log.
}

;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The one Octokit the product uses: the toolkit's proxy-aware client, the retry and throttling
 * plugins configured for a job that must not give up on a transient GitHub error, and the request
 * guard that refuses merge, approve, ready-for-review and branch writes before they are sent.
 */





/**
 * Creates the guarded, retrying, throttled Octokit. `request` options are deliberately not passed:
 * the toolkit's defaults merge shallowly and a `request` key would drop its proxy-aware fetch.
 */
function createGitHubClient(token, options = {}) {
    const warn = (message) => (options.log ? options.log.warning(message) : console.warn(message));
    const rateLimitRetries = options.rateLimitRetries ?? 2;
    const maxWait = options.maxRateLimitWaitSeconds ?? 300;
    const baseMs = options.retryAfterBaseMs ?? 1000;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const what = `${request.method} ${request.url}`;
        if (retryCount >= rateLimitRetries) {
            warn(`GitHub ${kind} on ${what}; giving up after ${retryCount} retries.`);
            return false;
        }
        if (retryAfter > maxWait) {
            warn(`GitHub ${kind} on ${what}; it asks to wait ${retryAfter}s, longer than ${maxWait}s, so the request fails.`);
            return false;
        }
        warn(`GitHub ${kind} on ${what}; retrying in ${retryAfter}s (retry ${retryCount + 1} of ${rateLimitRetries}).`);
        return true;
    };
    const octokit = github/* getOctokit */.Q(token, {
        // Without one, the toolkit's default applies: GITHUB_API_URL, else https://api.github.com.
        ...(options.baseUrl !== undefined ? { baseUrl: options.baseUrl } : {}),
        userAgent: options.userAgent ?? 'gated-agent',
        log: { debug: () => undefined, info: () => undefined, warn, error: warn },
        retry: {
            retries: options.serverErrorRetries ?? 3,
            retryAfterBaseValue: baseMs,
            // The retry plugin retries every method, POST included: GitHub's 5xx on a write (a comment,
            // a pull request) is transient and worth another try; a duplicate PR comes back as a 422
            // that `openOrUpdateDraftPull` turns into an update. 429 is left to the throttling plugin,
            // which honours `retry-after`; the retry plugin would ignore it.
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451]
        },
        throttle: {
            retryAfterBaseValue: baseMs,
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit')
        }
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    installRequestGuard(octokit, octokit.request.endpoint.DEFAULTS.baseUrl);
    return octokit;
}
/**
 * Refuses forbidden requests in a `before request` hook. Added after the plugins, it runs
 * outermost: a refused call throws before any limiter, retry or fetch sees it.
 */
function installRequestGuard(octokit, baseUrl) {
    const basePath = new URL(baseUrl).pathname.replace(/\/+$/, '');
    octokit.hook.before('request', (options) => {
        const { method, url, body } = octokit.request.endpoint.parse(options);
        const pathname = new URL(url, baseUrl).pathname;
        // GitHub Enterprise serves the API under a prefix (/api/v3); the rules are written from the root.
        const path = basePath && pathname.startsWith(`${basePath}/`) ? pathname.slice(basePath.length) : pathname;
        const reason = refusalFor({ method, path, body });
        if (reason !== undefined)
            throw new ForbiddenRequestError(method.toUpperCase(), path, reason);
    });
}
/**
 * The job's facade: a client with the job's token and warnings to `log`, bound to the repository
 * the workflow runs in.
 */
function createRepositoryApi(token, target, log) {
    return createGitHubApi(createGitHubClient(token, { baseUrl: target.apiUrl, log: { warning: (message) => log.warning(message) } }), target);
}


/***/ }),

/***/ 73981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o: () => (/* binding */ DraftPullRequestProposer)
});

// EXTERNAL MODULE: ./src/github/pr-ledger.ts
var pr_ledger = __webpack_require__(48923);
;// CONCATENATED MODULE: ./src/github/pull-request.ts

/** Opens a draft PR from `head` into `base`, or updates the title and body of the one already open. */
async function openOrUpdateDraftPull(api, pull) {
    const { head, base, title } = pull;
    const created = await api.createDraftPull({ head, base, title, body: (0,pr_ledger/* withLedger */.CA)(pull.body, pull.spent) });
    if (created.kind === 'created')
        return { kind: 'created', number: created.pull.number, url: created.pull.url };
    const existing = await api.findOpenPullByHead(pull.head);
    if (!existing) {
        // GitHub said one exists but lists none open for this head: it was closed in between, or it
        // comes from another repository's branch of the same name. Refuse to guess.
        throw new Error(`GitHub says a pull request already exists for ${pull.head} ("${created.message}"), but none is open from this repository's branch.`);
    }
    // Title and body only: a PR a person has marked ready stays ready, and a draft stays a draft.
    const ledger = (0,pr_ledger/* sumLedgers */._X)((0,pr_ledger/* readLedger */.SC)(existing.body) ?? pr_ledger/* EMPTY_LEDGER */._7, pull.spent);
    const updated = await api.updatePull(existing.number, { title: pull.title, body: (0,pr_ledger/* withLedger */.CA)(pull.body, ledger) });
    return { kind: 'updated', number: updated.number, url: updated.url };
}

;// CONCATENATED MODULE: ./src/github/draft-pr-proposer.ts


/** Delivers a green change as a draft pull request. */
class DraftPullRequestProposer {
    publisher;
    api;
    options;
    constructor(publisher, api, options) {
        this.publisher = publisher;
        this.api = api;
        this.options = options;
    }
    /** Commits, pushes and opens or updates the draft PR; in a dry run, only commits. */
    async propose(proposal) {
        const { base, title, author, token, dryRun } = this.options;
        const remote = this.options.remote ?? 'origin';
        const commit = await this.publisher.commit({ branch: this.options.branch, message: title, author });
        const branch = commit.branch;
        const short = commit.sha.slice(0, 12);
        if (dryRun) {
            return {
                branch,
                commit: commit.sha,
                notes: [
                    `Dry run: committed ${short} on ${branch} locally; nothing was pushed and no pull request was opened.`,
                    `Would push ${branch} to ${remote} and open a draft pull request into ${base}: "${title}".`
                ]
            };
        }
        // The commit's author is the action's identity: its earlier proposals may be replaced, nobody else's work.
        const push = await this.publisher.pushBranch({ remote, sha: commit.sha, branch, token, owner: author });
        // The PR's ledger gets this run's agent runs: a new PR starts with them, an open one adds them.
        const spent = (0,pr_ledger/* addAttempts */.s6)(pr_ledger/* EMPTY_LEDGER */._7, proposal.attempts.filter((a) => a.number > 0));
        const pull = await openOrUpdateDraftPull(this.api, { head: branch, base, title, body: this.options.body(proposal, branch), spent });
        const pushed = push.kind === 'unchanged'
            ? `${branch} on ${remote} already had ${short}.`
            : `Pushed ${short} to ${branch} on ${remote} (${push.kind === 'created' ? 'new branch' : 'branch updated'}).`;
        const opened = pull.kind === 'created'
            ? `Opened draft pull request #${pull.number}: ${pull.url}`
            : `Updated pull request #${pull.number}: ${pull.url}`;
        const after = push.kind !== 'unchanged' && this.options.afterPush ? await this.options.afterPush(branch) : [];
        return { branch, commit: commit.sha, prNumber: pull.number, prUrl: pull.url, notes: [pushed, opened, ...after] };
    }
}


/***/ }),

/***/ 48923:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ withLedger),
/* harmony export */   SC: () => (/* binding */ readLedger),
/* harmony export */   To: () => (/* binding */ withStatusNote),
/* harmony export */   Wl: () => (/* binding */ readHealBudget),
/* harmony export */   _7: () => (/* binding */ EMPTY_LEDGER),
/* harmony export */   _X: () => (/* binding */ sumLedgers),
/* harmony export */   r3: () => (/* binding */ describeLedger),
/* harmony export */   s6: () => (/* binding */ addAttempts),
/* harmony export */   vj: () => (/* binding */ recordRun)
/* harmony export */ });
/* unused harmony export ledgerMarker */
const LEDGER = /<!--\s*gated-agent:ledger\s+runs=(\d{1,6})\s+agent-ms=(\d{1,15})\s+cost-usd=(\d{1,9}(?:\.\d{1,6})?)\s*-->/g;
const OLD_HEAL = /<!--\s*gated-agent:heal\s+attempts=(\d{1,6})\s*-->/g;
const NOTE_START = '<!-- gated-agent:heal-note -->';
const NOTE_END = '<!-- /gated-agent:heal-note -->';
/** An empty ledger: nothing spent. */
const EMPTY_LEDGER = { runs: 0, agentMs: 0, costUsd: 0 };
/** The hidden marker for a ledger. */
function ledgerMarker(ledger) {
    const runs = Math.max(0, Math.floor(ledger.runs));
    const ms = Math.max(0, Math.round(ledger.agentMs));
    const cost = Math.max(0, ledger.costUsd)
        .toFixed(6)
        .replace(/\.?0+$/, '') || '0';
    return `<!-- gated-agent:ledger runs=${runs} agent-ms=${ms} cost-usd=${cost} -->`;
}
/** The ledger a PR body records (the largest figures of any marker in it), or undefined when it has none. */
function readLedger(body) {
    const text = body ?? '';
    let found;
    for (const match of text.matchAll(LEDGER)) {
        const next = { runs: Number(match[1]), agentMs: Number(match[2]), costUsd: Number(match[3]) };
        found = found ? maxOf(found, next) : next;
    }
    for (const match of text.matchAll(OLD_HEAL)) {
        const next = { runs: Number(match[1]), agentMs: 0, costUsd: 0 };
        found = found ? maxOf(found, next) : next;
    }
    return found;
}
/** The body with its ledger set (every old or new marker replaced by one new marker, appended when absent). */
function withLedger(body, ledger) {
    const stripped = body.replace(LEDGER, '').replace(OLD_HEAL, '').replace(/\s+$/, '');
    return `${stripped}\n\n${ledgerMarker(ledger)}\n`;
}
/** The ledger after this run's attempts: one run each, their agent time and reported cost added. */
function addAttempts(ledger, attempts) {
    return {
        runs: ledger.runs + attempts.length,
        agentMs: ledger.agentMs + attempts.reduce((sum, a) => sum + Math.max(0, a.agent.durationMs), 0),
        costUsd: ledger.costUsd + attempts.reduce((sum, a) => sum + Math.max(0, a.agent.usage?.costUsd ?? 0), 0)
    };
}
/** Two ledgers added up: what an open PR recorded and what this run spent. */
function sumLedgers(a, b) {
    return { runs: a.runs + b.runs, agentMs: a.agentMs + b.agentMs, costUsd: a.costUsd + b.costUsd };
}
/** The ledger in words, for the PR and the summary. */
function describeLedger(ledger, cap) {
    const minutes = (ledger.agentMs / 60_000).toFixed(1);
    const cost = ledger.costUsd > 0 ? `, $${ledger.costUsd.toFixed(4)} reported` : '';
    return `${ledger.runs} of ${cap} agent runs (\`follow-up-cap\`), ${minutes} agent minute(s)${cost}`;
}
function maxOf(a, b) {
    return { runs: Math.max(a.runs, b.runs), agentMs: Math.max(a.agentMs, b.agentMs), costUsd: Math.max(a.costUsd, b.costUsd) };
}
/**
 * The body with a status note at its top, between hidden delimiters, replacing any earlier note:
 * a later run (a heal that gave up, a follow-up) says what happened without rewriting the proposal.
 */
function withStatusNote(body, note) {
    const block = `${NOTE_START}\n> [!NOTE]\n${note
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n')}\n${NOTE_END}`;
    const start = body.indexOf(NOTE_START);
    const end = body.indexOf(NOTE_END);
    if (start >= 0 && end > start)
        return `${body.slice(0, start)}${block}${body.slice(end + NOTE_END.length)}`;
    return `${block}\n\n${body}`;
}
/** Reads the open heal PR's ledger and says what is left of `retryCap`. */
async function readHealBudget(api, healBranch, retryCap) {
    const pull = await api.findOpenPullByHead(healBranch);
    if (!pull)
        return { kind: 'fresh', remaining: retryCap };
    // A PR on the heal branch without a marker (opened by hand, or edited away): nothing recorded.
    const ledger = readLedger(pull.body) ?? EMPTY_LEDGER;
    if (ledger.runs >= retryCap)
        return { kind: 'spent', pull, ledger };
    return { kind: 'carried', pull, ledger, remaining: retryCap - ledger.runs };
}
/**
 * Records on an open PR a run that did not update its change: the ledger, and a note saying what
 * happened. Title and body only; the PR's draft state is never touched.
 */
async function recordRun(api, pull, change) {
    const body = withStatusNote(withLedger(pull.body ?? '', change.ledger), change.note);
    return api.updatePull(pull.number, { title: pull.title || change.fallbackTitle, body });
}


/***/ }),

/***/ 46396:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JI: () => (/* binding */ startProgressComment)
/* harmony export */ });
/* unused harmony exports progressMarker, ACTIONS_BOT_LOGIN */
/** The hidden marker that identifies the progress comment of an issue. */
function progressMarker(issueNumber) {
    return `<!-- gated-agent:issue-${issueNumber} -->`;
}
/** The account the workflow's GITHUB_TOKEN writes as. */
const ACTIONS_BOT_LOGIN = 'github-actions[bot]';
/**
 * Finds this issue's progress comment (a rerun) and edits it, or creates it; says the run started.
 *
 * Only a comment the action's own identity wrote is adopted: the marker is public, and anyone who
 * may comment could plant it. The identity is `github-actions[bot]` for the workflow's token; an
 * app token's `<app>[bot]` login is learned from the comment the run creates. After creating, the
 * run lists again: when an older comment by the same identity carries the marker (a run that
 * started at the same time, or an app token's earlier run), that one is kept and the new one
 * deleted, so two runs end with one comment.
 */
async function startProgressComment(api, issueNumber, options) {
    const marker = progressMarker(issueNumber);
    const withMarker = (markdown) => `${marker}\n${markdown}`;
    const startText = withMarker(`🤖 **Gated Agent** is working on this issue: [follow the run](${options.runUrl}).`);
    const started = (comment, created) => ({
        commentId: comment.id,
        url: comment.htmlUrl,
        created,
        finish: async (markdown) => {
            await api.updateIssueComment(comment.id, withMarker(markdown));
        }
    });
    const existing = options.issueHasNoComments
        ? undefined
        : oldestProgressComment(await api.listIssueComments(issueNumber), marker, ACTIONS_BOT_LOGIN);
    if (existing)
        return started(await api.updateIssueComment(existing.id, startText), false);
    const created = await api.createIssueComment(issueNumber, startText);
    const login = created.user?.login ?? ACTIONS_BOT_LOGIN;
    const oldest = oldestProgressComment(await api.listIssueComments(issueNumber), marker, login);
    if (oldest === undefined || oldest.id === created.id)
        return started(created, true);
    await api.deleteIssueComment(created.id);
    return started(await api.updateIssueComment(oldest.id, startText), false);
}
/**
 * The oldest comment that starts with the marker and was written by `login`. A quote or a mention
 * elsewhere in a comment does not count, nor does a comment anyone else wrote.
 */
function oldestProgressComment(comments, marker, login) {
    return comments
        .filter((comment) => comment.user?.login === login && comment.body.trimStart().startsWith(marker))
        .sort((a, b) => a.id - b.id)[0];
}


/***/ }),

/***/ 87377:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  AX: () => (/* binding */ GitWorkspace),
  $m: () => (/* binding */ PushRejectedError),
  IA: () => (/* binding */ describeForeignCommits)
});

// UNUSED EXPORTS: MAX_PATCH_TEXT_BYTES, MAX_TEXT_SECTION_BYTES, OWN_COMMIT_TRAILER, gitTopLevel

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/runtime/git/git.ts
var git = __webpack_require__(719);
;// CONCATENATED MODULE: ./src/runtime/git/repository-metadata.ts
/**
 * The repository metadata git follows before it reads a single object: the `.git` entry of the work
 * tree (a directory, or a `gitdir:` file), `commondir`, `objects/info/alternates` and
 * `http-alternates`, `info/attributes`, `info/exclude`, `info/grafts`, `shallow`, the config files,
 * `hooks/` and `worktrees/`. An agent that rewrites any of them points the action's git at a
 * repository, a config or a program of its own (a `commondir` to a copy with a `filter.*` driver in
 * its config, an alternate object store, a hook for a later step of the job).
 *
 * {@link snapshotMetadata} records all of it before the agent runs; {@link verifyMetadata} compares
 * and puts back whatever changed, byte for byte, and says what it was; {@link pinnedGitEnv} names
 * the git directory and the common directory recorded at the snapshot in the environment, so the
 * action's git never discovers a repository through what the work tree holds now. A `.git` or an
 * object store that was replaced cannot be put back: that is fatal, and the caller refuses to go on.
 */



/** Files of the git directory (of a linked worktree, its own) that redirect or configure git. */
const GIT_DIR_FILES = ['config', 'config.worktree', 'commondir'];
/** Files of the common directory that redirect or configure git. */
const COMMON_DIR_FILES = [
    'config',
    'config.worktree',
    'objects/info/alternates',
    'objects/info/http-alternates',
    'info/attributes',
    'info/exclude',
    'info/grafts',
    'shallow'
];
/** Directories whose every entry is recorded: a new entry is removed, a changed one put back. */
const WATCHED_DIRS = ['hooks', 'worktrees'];
/** The files of a linked worktree's own git directory that redirect or configure it. */
const WORKTREE_FILES = ['commondir', 'gitdir', 'config.worktree'];
/** Records the metadata of the repository at `root` whose git directory is `gitDir`. Call it before the agent runs. */
async function snapshotMetadata(root, gitDir) {
    const realGitDir = await external_node_fs_.promises.realpath(gitDir);
    const commonDir = await readCommonDir(realGitDir);
    const dotGitInfo = await external_node_fs_.promises.lstat(external_node_path_default().join(root, '.git'), { bigint: true });
    const dotGit = dotGitInfo.isDirectory()
        ? { kind: 'dir', id: identity(dotGitInfo) }
        : { kind: 'file', bytes: await external_node_fs_.promises.readFile(external_node_path_default().join(root, '.git')) };
    const files = [];
    const seen = new Set();
    for (const [dir, names] of [
        [realGitDir, GIT_DIR_FILES],
        [commonDir, COMMON_DIR_FILES]
    ]) {
        for (const name of names) {
            const file = external_node_path_default().join(dir, name);
            if (seen.has(file))
                continue;
            seen.add(file);
            files.push(await saveFile(file));
        }
    }
    const dirs = [];
    const watchedFiles = [];
    for (const name of WATCHED_DIRS) {
        const dir = external_node_path_default().join(commonDir, name);
        const info = await external_node_fs_.promises.lstat(dir).catch(() => undefined);
        const existed = info?.isDirectory() ?? false;
        const entries = existed ? new Set(await external_node_fs_.promises.readdir(dir)) : new Set();
        dirs.push({ dir, existed, entries });
        // Every hook; of each linked worktree, the files that redirect it (its index and HEAD are its own business).
        const watched = !existed
            ? []
            : name === 'hooks'
                ? await filesUnder(dir, 3)
                : [...entries].flatMap((entry) => WORKTREE_FILES.map((file) => external_node_path_default().join(dir, entry, file)));
        for (const file of watched)
            watchedFiles.push(await saveFile(file));
    }
    const objects = await external_node_fs_.promises.lstat(external_node_path_default().join(commonDir, 'objects'), { bigint: true }).catch(() => undefined);
    return {
        root,
        gitDir: realGitDir,
        commonDir,
        dotGit,
        gitDirId: identity(await external_node_fs_.promises.lstat(realGitDir, { bigint: true })),
        objectsId: objects?.isDirectory() ? identity(objects) : undefined,
        files,
        dirs,
        watchedFiles
    };
}
/**
 * Compares the metadata with the snapshot and puts back every file that changed (a planted one is
 * removed); a `.git`, git directory or object store that is no longer the one recorded is fatal.
 */
async function verifyMetadata(snapshot) {
    const fatal = await replacedStore(snapshot);
    if (fatal)
        return { restored: [], fatal };
    const restored = [];
    for (const dir of snapshot.dirs) {
        const info = await external_node_fs_.promises.lstat(dir.dir).catch(() => undefined);
        if (!dir.existed) {
            if (info !== undefined) {
                await external_node_fs_.promises.rm(dir.dir, { recursive: true, force: true });
                restored.push(dir.dir);
            }
            continue;
        }
        if (!info?.isDirectory()) {
            await external_node_fs_.promises.rm(dir.dir, { recursive: true, force: true });
            await external_node_fs_.promises.mkdir(dir.dir, { recursive: true });
            restored.push(dir.dir);
        }
        for (const name of await external_node_fs_.promises.readdir(dir.dir)) {
            if (!dir.entries.has(name)) {
                await external_node_fs_.promises.rm(external_node_path_default().join(dir.dir, name), { recursive: true, force: true });
                restored.push(external_node_path_default().join(dir.dir, name));
            }
        }
    }
    for (const saved of [...snapshot.files, ...snapshot.watchedFiles]) {
        if (await restoreFile(saved))
            restored.push(saved.file);
    }
    return { restored };
}
/**
 * The environment that pins the action's git to the repository recorded at the snapshot: it never
 * discovers the git directory through the work tree's `.git`, nor the common directory through a
 * `commondir` file, and it reads no alternate object store but what the (verified) metadata names.
 */
function pinnedGitEnv(snapshot) {
    return {
        GIT_DIR: snapshot.gitDir,
        GIT_COMMON_DIR: snapshot.commonDir,
        GIT_WORK_TREE: snapshot.root,
        GIT_OBJECT_DIRECTORY: external_node_path_default().join(snapshot.commonDir, 'objects'),
        GIT_ALTERNATE_OBJECT_DIRECTORIES: ''
    };
}
/** Says what was replaced when the `.git` entry, the git directory or the object store is not the one recorded. */
async function replacedStore(snapshot) {
    const dotGitPath = external_node_path_default().join(snapshot.root, '.git');
    const dotGit = await external_node_fs_.promises.lstat(dotGitPath, { bigint: true }).catch(() => undefined);
    if (snapshot.dotGit.kind === 'dir') {
        if (!dotGit?.isDirectory() || !sameIdentity(identity(dotGit), snapshot.dotGit.id)) {
            return `${dotGitPath} is no longer the git directory it was before the agent ran (it was moved, replaced, or turned into a link or a gitfile)`;
        }
    }
    else {
        const bytes = dotGit?.isFile() ? await external_node_fs_.promises.readFile(dotGitPath).catch(() => undefined) : undefined;
        if (bytes === undefined || !bytes.equals(snapshot.dotGit.bytes)) {
            return `${dotGitPath} no longer names the git directory it named before the agent ran`;
        }
    }
    const gitDir = await external_node_fs_.promises.lstat(snapshot.gitDir, { bigint: true }).catch(() => undefined);
    if (!gitDir?.isDirectory() || !sameIdentity(identity(gitDir), snapshot.gitDirId)) {
        return `the git directory ${snapshot.gitDir} was moved or replaced`;
    }
    if (snapshot.objectsId) {
        const objects = await external_node_fs_.promises.lstat(external_node_path_default().join(snapshot.commonDir, 'objects'), { bigint: true }).catch(() => undefined);
        if (!objects?.isDirectory() || !sameIdentity(identity(objects), snapshot.objectsId)) {
            return `the object store ${external_node_path_default().join(snapshot.commonDir, 'objects')} was moved or replaced`;
        }
    }
    return undefined;
}
/** The common directory a git directory names in its `commondir` file, or the git directory itself. */
async function readCommonDir(gitDir) {
    const text = await external_node_fs_.promises.readFile(external_node_path_default().join(gitDir, 'commondir'), 'utf8').catch(() => undefined);
    if (text === undefined || text.trim() === '')
        return gitDir;
    return external_node_fs_.promises.realpath(external_node_path_default().resolve(gitDir, text.trim()));
}
async function saveFile(file) {
    const info = await external_node_fs_.promises.lstat(file).catch(() => undefined);
    if (!info?.isFile())
        return { file, bytes: undefined, mode: 0o644 };
    return { file, bytes: await external_node_fs_.promises.readFile(file), mode: info.mode & 0o7777 };
}
/** Puts one file back when it differs from its saved state; true when it had to. */
async function restoreFile(saved) {
    const info = await external_node_fs_.promises.lstat(saved.file).catch(() => undefined);
    if (saved.bytes === undefined) {
        if (info === undefined)
            return false;
        await external_node_fs_.promises.rm(saved.file, { recursive: true, force: true });
        return true;
    }
    if (info?.isFile() && (info.mode & 0o7777) === saved.mode) {
        const now = await external_node_fs_.promises.readFile(saved.file).catch(() => undefined);
        if (now?.equals(saved.bytes))
            return false;
    }
    // A parent the agent turned into a link is replaced by a directory, not written through.
    await ensureRealDirectory(external_node_path_default().dirname(saved.file));
    // Through a fresh name and a rename: a link planted at the path is replaced, not followed.
    const temporary = `${saved.file}.gated-agent-${(0,external_node_crypto_.randomUUID)()}`;
    await external_node_fs_.promises.writeFile(temporary, saved.bytes, { flag: 'wx', mode: saved.mode });
    await external_node_fs_.promises.chmod(temporary, saved.mode);
    if (info?.isDirectory())
        await external_node_fs_.promises.rm(saved.file, { recursive: true, force: true });
    await external_node_fs_.promises.rename(temporary, saved.file);
    return true;
}
async function ensureRealDirectory(dir) {
    const info = await external_node_fs_.promises.lstat(dir).catch(() => undefined);
    if (info?.isDirectory())
        return;
    if (info !== undefined)
        await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
    await external_node_fs_.promises.mkdir(dir, { recursive: true });
}
/** Regular files under `dir`, links not followed, at most `depth` levels down. */
async function filesUnder(dir, depth) {
    const out = [];
    for (const entry of await external_node_fs_.promises.readdir(dir, { withFileTypes: true }).catch(() => [])) {
        const full = external_node_path_default().join(dir, entry.name);
        if (entry.isFile())
            out.push(full);
        else if (entry.isDirectory() && depth > 1)
            out.push(...(await filesUnder(full, depth - 1)));
    }
    return out;
}
function identity(info) {
    return { dev: info.dev, ino: info.ino };
}
function sameIdentity(a, b) {
    return a.dev === b.dev && a.ino === b.ino;
}

// EXTERNAL MODULE: ./src/core/naming.ts
var naming = __webpack_require__(92607);
// EXTERNAL MODULE: ./src/core/gate-definition-policy.ts
var gate_definition_policy = __webpack_require__(72067);
// EXTERNAL MODULE: ./src/core/test-weakening-policy.ts
var test_weakening_policy = __webpack_require__(18866);
;// CONCATENATED MODULE: ./src/runtime/git/git-workspace.ts
/**
 * The git work tree the agent edits: records it before the run, captures exactly the agent's
 * change (untracked files included, paths the user had dirty already left out), puts it back
 * exactly, and turns a green change into a commit on a branch and a push, without ever touching
 * the user's index, current branch or work tree on the way.
 *
 * The agent's change is always built in a temporary index (`GIT_INDEX_FILE`): the begin commit's
 * tree plus the work tree's current state of every path except the ones dirty before the run. The
 * same index becomes the commit's tree, so what is committed is exactly what the gate judged.
 */










/**
 * The trailer every commit Gated Agent makes carries. A commit is the action's own when it carries
 * this trailer and its committer is the identity the action commits as; any other commit on a
 * proposal branch is someone's work, which a push never drops.
 */
const OWN_COMMIT_TRAILER = 'Proposed-by: Gated Agent';
/** The remote refused the push; the message names the cause and the fix. */
class PushRejectedError extends Error {
    cause;
    branch;
    /** The push's standard error, secrets redacted. */
    stderr;
    constructor(cause, branch, message, stderr) {
        super(message);
        this.name = 'PushRejectedError';
        this.cause = cause;
        this.branch = branch;
        this.stderr = stderr;
    }
}
/**
 * Diff options spelled out so that user settings (noprefix, external diff, textconv, renames, colour,
 * relative) cannot change a patch that `git apply` must take back, or hide a change from a policy.
 */
const PLAIN_DIFF = ['--no-renames', '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '--src-prefix=a/', '--dst-prefix=b/'];
/** The files under `.git/info` that change what git shows and commits. */
const INFO_FILES = ['exclude', 'attributes'];
/** Files whose whole text a policy needs (see Change.contents), up to this size each. */
const MAX_WHOLE_TEXT_BYTES = 1024 * 1024;
const GITLINK_MODE = '160000';
/** The top level of the work tree `git` runs in, or undefined outside a git repository (or without git). */
async function gitTopLevel(git) {
    try {
        const out = await git.run(['rev-parse', '--show-toplevel'], { allowFailure: true });
        return out.exitCode === 0 ? out.stdout.trim() : undefined;
    }
    catch {
        return undefined;
    }
}
/** The Workspace port on a real git repository (see the module comment for how). */
class GitWorkspace {
    git;
    root;
    patchDir;
    tempDirOption;
    dirtyEdited;
    excludePaths;
    temp;
    state;
    last;
    skipped = [];
    includedDirty = [];
    // The file holding the exact patch behind each Change we produced: `Change.patch` is a string,
    // which would mangle a text file that is not UTF-8, and leaves out binary payloads and huge text
    // sections (see readDiffOutput); savePatch copies this file instead.
    patchFiles = new WeakMap();
    lastDiffFile;
    changeCount = 0;
    configOnly;
    // The tree and the patch's digest behind each Change we produced, taken when it was read: what
    // the gate judged, whatever happens to the files on disk afterwards (see judged()).
    trees = new WeakMap();
    patchDigests = new WeakMap();
    constructor(options) {
        this.git = options.git;
        this.root = external_node_path_default().resolve(options.dir);
        this.patchDir = external_node_path_default().resolve(options.patchDir);
        this.tempDirOption = options.tempDir;
        this.dirtyEdited = options.dirtyEdited ?? 'exclude';
        this.configOnly = options.configOnlyMetadataGuard === true;
        this.excludePaths = options.excludePaths ?? [];
    }
    /** Records HEAD, the branch and the paths dirty already (snapshotting their content) with one git command. */
    async begin() {
        const status = await this.run(['status', '--porcelain=v2', '--branch', '-z', '--untracked-files=all', '--no-renames'], {
            allowFailure: true
        });
        if (status.exitCode !== 0) {
            throw new Error(`${this.root} is not a usable git repository: ${status.stderr.trim() || `git status exited with ${status.exitCode}`}`);
        }
        const parsed = parseStatus(status.stdout);
        if (parsed.oid === undefined || parsed.oid === '(initial)') {
            throw new Error(`The repository in ${this.root} has no commit yet; Gated Agent needs at least one commit to work from.`);
        }
        const gitDir = await locateGitDir(this.root);
        if (gitDir === undefined) {
            const top = await this.run(['rev-parse', '--show-toplevel'], { allowFailure: true });
            throw new Error(`Gated Agent works from the top-level directory of a repository; ${this.root} is not one` +
                (top.exitCode === 0 ? ` (the top level is ${top.stdout.trim()}).` : '.'));
        }
        const temp = await this.tempDir();
        const snapshotDir = external_node_path_default().join(temp, 'begin');
        await external_node_fs_.promises.rm(snapshotDir, { recursive: true, force: true });
        await external_node_fs_.promises.mkdir(snapshotDir, { recursive: true });
        const indexPath = external_node_path_default().join(gitDir, 'index');
        const indexCopy = external_node_path_default().join(snapshotDir, 'index');
        const hasIndex = await tryCopyFile(indexPath, indexCopy);
        // The copies keep the index's own timestamp: git re-reads a file as new as the index it is
        // listed in ("racily clean"), and a copy stamped later would hide an edit the agent made in the
        // same second as the checkout without changing the file's size.
        const indexTime = hasIndex ? (await external_node_fs_.promises.stat(indexPath).catch(() => undefined))?.mtime : undefined;
        if (indexTime)
            await external_node_fs_.promises.utimes(indexCopy, indexTime, indexTime);
        const dirty = [];
        for (const [i, p] of parsed.dirty.entries()) {
            dirty.push({ path: p, snapshot: await snapshotPath(external_node_path_default().join(this.root, p), external_node_path_default().join(snapshotDir, `dirty-${i}`)) });
        }
        const config = await external_node_fs_.promises.readFile(external_node_path_default().join(gitDir, 'config')).catch(() => undefined);
        const metadata = await snapshotMetadata(this.root, gitDir);
        if (!this.configOnly)
            await this.refuseConfigIncludes(metadata);
        const neutral = this.configOnly ? [] : await neutralFilters(metadata);
        this.state = {
            oid: parsed.oid,
            branch: parsed.branch,
            gitDir,
            indexPath,
            indexCopy: hasIndex ? indexCopy : undefined,
            indexTime,
            dirty,
            config,
            metadata,
            neutral
        };
        this.last = undefined;
        this.skipped = [];
        return { preExistingDirty: dirty.map((d) => d.path) };
    }
    /** The agent's change since `begin`: tracked edits, deletions and new files, pre-existing dirty paths left out. */
    async change() {
        const state = this.requireBegun();
        await this.guardMetadata(state);
        const temp = await this.tempDir();
        const indexFile = external_node_path_default().join(temp, 'change.index');
        const edited = [];
        for (const d of state.dirty) {
            if (await differsFromSnapshot(external_node_path_default().join(this.root, d.path), d.snapshot))
                edited.push(d.path);
        }
        const included = this.dirtyEdited === 'include-when-edited' ? edited : [];
        await this.stageAgentChange(indexFile, included);
        // Each change keeps its own diff file (the exact bytes savePatch copies); the one before goes.
        const diffFile = external_node_path_default().join(temp, `change-${++this.changeCount}.diff`);
        const { entries, patch, patchStart } = await this.diffStaged(indexFile, diffFile, true);
        const change = {
            paths: entries.map(toChangedPath),
            patch: patch.toString('utf8'),
            reviewPatch: await this.reviewPatch(indexFile, external_node_path_default().join(temp, `review-${this.changeCount}.diff`)),
            contents: await this.wholeTexts(indexFile, entries)
        };
        if (this.lastDiffFile !== undefined)
            await external_node_fs_.promises.rm(this.lastDiffFile, { force: true });
        this.lastDiffFile = diffFile;
        this.patchFiles.set(change, { file: diffFile, start: patchStart });
        // The tree is written now: the temporary index sits in scratch space the gate's code can reach,
        // so the commit is made from this id, never from the index file as it is later.
        const tree = (await this.run(['write-tree'], { env: { GIT_INDEX_FILE: indexFile } })).stdout.trim();
        this.trees.set(change, tree);
        this.patchDigests.set(change, await digestFrom(diffFile, patchStart));
        this.last = { indexFile, change, tree };
        this.skipped = edited.filter((p) => !included.includes(p));
        this.includedDirty = included;
        return change;
    }
    /**
     * The exact patch bytes and the tree of a change this workspace read: what the gate judged. The
     * bytes are read back from the change's diff file and checked against the digest taken when the
     * change was read, so a file rewritten since is refused, never bundled. Undefined for a change
     * this workspace did not read.
     */
    async judged(change) {
        const source = this.patchFiles.get(change);
        const tree = this.trees.get(change);
        const digest = this.patchDigests.get(change);
        if (source === undefined || tree === undefined || digest === undefined)
            return undefined;
        const patch = (await external_node_fs_.promises.readFile(source.file)).subarray(source.start);
        if ((0,external_node_crypto_.createHash)('sha256').update(patch).digest('hex') !== digest) {
            throw new Error(`The change's patch file ${source.file} changed after the gate judged it: refusing to hand it on.`);
        }
        return { patch, tree };
    }
    /** Paths dirty before `begin` that the agent also changed (as of the last `change()`), left out of the change. */
    lastSkippedDirty() {
        return [...this.skipped];
    }
    /** Paths dirty before `begin` that the agent also changed, part of the last change (`include-when-edited`). */
    lastIncludedDirty() {
        return [...this.includedDirty];
    }
    /** Says what is wrong when `.git` is gone or the agent moved HEAD or switched branches; undefined when intact. */
    async checkIntact() {
        const state = this.requireBegun();
        if (!(await isGitDir(this.root, state.gitDir))) {
            return `The repository's git directory (${state.gitDir}) is gone: the agent deleted it. The change cannot be committed.`;
        }
        if (this.configOnly) {
            if (await this.tryRestoreConfig(state)) {
                return `The agent rewrote the repository's git configuration (${external_node_path_default().join(state.gitDir, 'config')}); it was put back, and a change made that way is not proposed.`;
            }
        }
        else {
            const check = await verifyMetadata(state.metadata);
            if (check.fatal !== undefined)
                return `${check.fatal}; git is not run on it again`;
            // Hooks are put back too, but are no redirect: the action's git runs none, and installing
            // them is what a package manager's prepare script does (husky), so they do not stop the run.
            const hooks = external_node_path_default().join(state.metadata.commonDir, 'hooks');
            const redirects = check.restored.filter((file) => file !== hooks && !file.startsWith(`${hooks}${(external_node_path_default()).sep}`));
            // .git/info/exclude and .git/info/attributes hide files from the commit or changes from review:
            // what the gate judged would no longer be what ships.
            const info = redirects.filter((file) => INFO_FILES.some((name) => file === external_node_path_default().join(state.metadata.commonDir, 'info', name)));
            if (info.length > 0 && info.length === redirects.length) {
                const hides = info.some((file) => file.endsWith('exclude')) ? 'hides files from the commit' : 'hides changes from review';
                return `The agent changed ${info.join(' and ')}, which ${hides}; it was put back, and a change made that way is not proposed (what the gate judged must be what ships).`;
            }
            if (redirects.length > 0) {
                return `The agent rewrote the repository's metadata (${describeTampered(redirects)}), which redirects or configures git; it was put back, and a change made that way is not proposed.`;
            }
        }
        const head = await this.readHead();
        if (head === undefined)
            return 'git can no longer read HEAD in the work tree: the agent damaged the repository.';
        const expectedRef = state.branch === undefined ? 'HEAD' : `refs/heads/${state.branch}`;
        if (head.ref !== expectedRef) {
            return `The agent switched from ${describeRef(expectedRef)} to ${describeRef(head.ref)}; it must edit files on the current branch, not check out another.`;
        }
        if (head.oid !== state.oid) {
            return `The agent moved HEAD from ${state.oid.slice(0, 12)} to ${head.oid.slice(0, 12)} (it committed or reset); it must leave its change uncommitted.`;
        }
        return undefined;
    }
    /** Writes the change to `<patchDir>/<name>.patch` (exact bytes) and returns the file's path. */
    async savePatch(change, name) {
        if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name)) {
            throw new Error(`A patch name must be a plain file name (letters, digits, '.', '_', '-'); got "${name}".`);
        }
        await external_node_fs_.promises.mkdir(this.patchDir, { recursive: true });
        const file = external_node_path_default().join(this.patchDir, `${name}.patch`);
        const exact = this.patchFiles.get(change);
        if (exact === undefined || !(await tryCopyFrom(exact.file, exact.start, file)))
            await external_node_fs_.promises.writeFile(file, change.patch);
        return file;
    }
    /** Puts HEAD, the branch, the work tree and the index back exactly as `begin` found them. */
    async restore() {
        const state = this.requireBegun();
        if (!(await isGitDir(this.root, state.gitDir))) {
            throw new Error(`Cannot restore ${this.root}: its git directory (${state.gitDir}) was deleted, so the files the agent changed cannot be told apart. Re-clone the repository.`);
        }
        await this.guardMetadata(state);
        await this.restoreHead(state);
        // With HEAD back, the agent's change relative to begin tells exactly which paths to put back.
        const temp = await this.tempDir();
        const indexFile = external_node_path_default().join(temp, 'restore.index');
        await this.stageAgentChange(indexFile);
        const { entries } = await this.diffStaged(indexFile, external_node_path_default().join(temp, 'restore.diff'), false);
        // Deletions first: a file the agent turned into a directory (or back) must be out of the way.
        for (const entry of entries.filter((e) => e.status === 'A')) {
            await external_node_fs_.promises.rm(external_node_path_default().join(this.root, entry.path), { recursive: true, force: true });
            await pruneEmptyParents(this.root, entry.path);
        }
        // A submodule's checked-out commit is the submodule's business; its files are not in this tree.
        const toCheckOut = entries.filter((e) => e.status !== 'A' && e.srcMode !== GITLINK_MODE).map((e) => e.path);
        if (toCheckOut.length > 0) {
            const env = { GIT_INDEX_FILE: indexFile };
            await this.run(['read-tree', state.oid], { env });
            await this.run(['checkout-index', '--force', '-z', '--stdin'], { env, input: toCheckOut.join('\0') });
        }
        for (const d of state.dirty) {
            const abs = external_node_path_default().join(this.root, d.path);
            if (await differsFromSnapshot(abs, d.snapshot))
                await restoreSnapshot(abs, d.snapshot);
        }
        await restoreIndex(state);
        this.skipped = [];
    }
    /**
     * Commits the last `change()` on `branch` (parent: begin's HEAD) and points the branch at it,
     * without checking it out: the user's current branch, index and work tree stay as they are.
     */
    async commit(request) {
        const state = this.requireBegun();
        await this.guardMetadata(state);
        if (this.last === undefined)
            throw new Error('commit() needs a change: call change() first.');
        const { branch } = request;
        await this.validateBranch(branch);
        if (branch === state.branch) {
            throw new Error(`Refusing to commit onto "${branch}": it is the branch checked out in ${this.root}. Choose another branch name.`);
        }
        const tree = this.last.tree;
        const identity = {
            GIT_AUTHOR_NAME: request.author.name,
            GIT_AUTHOR_EMAIL: request.author.email,
            GIT_COMMITTER_NAME: request.author.name,
            GIT_COMMITTER_EMAIL: request.author.email
        };
        // commit-tree runs no hooks and never signs here: a runner has no signing key to prompt for.
        const sha = (await this.run(['commit-tree', '--no-gpg-sign', '-p', state.oid, '-F', '-', tree], {
            env: identity,
            input: withOwnTrailer(request.message)
        })).stdout.trim();
        await this.run(['update-ref', '-m', 'gated-agent: propose', `refs/heads/${branch}`, sha]);
        return { sha, branch };
    }
    /**
     * Pushes `sha` to `refs/heads/<branch>` on the remote, creating or updating it with a lease on
     * the sha it had a moment before, so a concurrent push is never overwritten. Skips the push when
     * the remote already has that commit.
     */
    async pushBranch(request) {
        if (this.state)
            await this.guardMetadata(this.state);
        const { sha, branch } = request;
        const target = request.url ?? request.remote ?? 'origin';
        if (target === '' || target.startsWith('-'))
            throw new Error(`Not a remote: "${target}".`);
        if (!(0,naming/* isCommitId */.jh)(sha))
            throw new Error(`Not a commit id: "${sha}".`);
        await this.validateBranch(branch);
        const ref = `refs/heads/${branch}`;
        const { env, secrets } = await this.pushEnvironment(request.token, request.url ?? (isUrl(target) ? target : await this.pushUrl(target)));
        const push = (expected) => this.run([
            'push',
            '--porcelain',
            '--no-verify',
            '--no-follow-tags',
            '--recurse-submodules=no',
            `--force-with-lease=${ref}:${expected ?? ''}`,
            target,
            `${sha}:${ref}`
        ], { env, secrets, allowFailure: true });
        // A fresh branch is the common case: push expecting none, and only when the lease says the
        // branch exists already, ask the remote where it is and push again with that as the lease.
        let previousSha;
        let pushed = await push(undefined);
        if (pushed.exitCode !== 0 && /stale info/.test(pushed.stdout + pushed.stderr)) {
            const listed = await this.run(['ls-remote', target, ref], { env, secrets });
            previousSha = listed.stdout
                .split('\n')
                .map((line) => line.split('\t'))
                .find((fields) => fields[1] === ref)?.[0];
            if (previousSha === sha)
                return { kind: 'unchanged', previousSha };
            if (previousSha !== undefined && request.owner !== undefined) {
                const foreign = await this.foreignCommitsOn(target, branch, previousSha, sha, request.owner, env, secrets);
                if (foreign.length > 0)
                    throw foreignCommitsRejection(branch, target, foreign);
            }
            pushed = await push(previousSha);
        }
        else if (pushed.exitCode === 0 && /^=\t/m.test(pushed.stdout)) {
            // `=` in porcelain output: the remote had this very commit already.
            return { kind: 'unchanged', previousSha: sha };
        }
        if (pushed.exitCode !== 0) {
            throw rejection(branch, target, previousSha, (0,git/* redactSecrets */.fp)(pushed.stdout, secrets), (0,git/* redactSecrets */.fp)(pushed.stderr, secrets));
        }
        return previousSha === undefined ? { kind: 'created' } : { kind: 'updated', previousSha };
    }
    /**
     * Pushes `sha` to `refs/heads/<branch>` as a fast-forward of `expected` only (a PR follow-up: a
     * new commit on top of the head it started from). Never a force push: no `+`, no `--force`, no
     * lease, so the remote refuses anything that is not a fast-forward, and a head that moved
     * meanwhile (someone's commit on it) is never overwritten. Returns `unchanged` when the remote
     * already has `sha`.
     */
    async pushFastForward(request) {
        if (this.state)
            await this.guardMetadata(this.state);
        const { sha, branch, expected } = request;
        const target = request.url ?? request.remote ?? 'origin';
        if (target === '' || target.startsWith('-'))
            throw new Error(`Not a remote: "${target}".`);
        if (!(0,naming/* isCommitId */.jh)(sha))
            throw new Error(`Not a commit id: "${sha}".`);
        if (!(0,naming/* isCommitId */.jh)(expected))
            throw new Error(`Not a commit id: "${expected}".`);
        await this.validateBranch(branch);
        const contains = await this.run(['merge-base', '--is-ancestor', expected, sha], { allowFailure: true });
        if (contains.exitCode !== 0) {
            throw new PushRejectedError('non-fast-forward', branch, `Refusing to push ${branch}: ${sha.slice(0, 12)} is not on top of ${expected.slice(0, 12)}, so pushing it would rewrite the branch.`, '');
        }
        const ref = `refs/heads/${branch}`;
        const { env, secrets } = await this.pushEnvironment(request.token, request.url ?? (isUrl(target) ? target : await this.pushUrl(target)));
        const pushed = await this.run(['push', '--porcelain', '--no-verify', '--no-follow-tags', '--recurse-submodules=no', target, `${sha}:${ref}`], { env, secrets, allowFailure: true });
        if (pushed.exitCode === 0 && /^=\t/m.test(pushed.stdout))
            return { kind: 'unchanged', previousSha: sha };
        if (pushed.exitCode !== 0) {
            throw rejection(branch, target, expected, (0,git/* redactSecrets */.fp)(pushed.stdout, secrets), (0,git/* redactSecrets */.fp)(pushed.stderr, secrets));
        }
        return { kind: 'updated', previousSha: expected };
    }
    /**
     * Reads the remote branch a proposal would go to: absent, holding only the action's own commits
     * (or ones `base` contains), or holding someone else's commits, which a proposal must not drop.
     */
    async inspectRemoteBranch(request) {
        const { remote, branch, base } = request;
        if (remote === '' || remote.startsWith('-'))
            throw new Error(`Not a remote: "${remote}".`);
        await this.validateBranch(branch);
        const ref = `refs/heads/${branch}`;
        const { env, secrets } = await this.pushEnvironment(request.token);
        const listed = await this.run(['ls-remote', remote, ref], { env, secrets });
        const sha = listed.stdout
            .split('\n')
            .map((line) => line.split('\t'))
            .find((fields) => fields[1] === ref)?.[0];
        if (sha === undefined)
            return { kind: 'absent' };
        const commits = await this.foreignCommitsOn(remote, branch, sha, base, request.owner, env, secrets);
        return commits.length === 0 ? { kind: 'ours', sha } : { kind: 'foreign', sha, commits };
    }
    /** What a local branch holds, as {@link inspectRemoteBranch} reads a remote one (the CLI's proposals). */
    async inspectLocalBranch(request) {
        await this.validateBranch(request.branch);
        const found = await this.run(['rev-parse', '--verify', '--quiet', `refs/heads/${request.branch}^{commit}`], { allowFailure: true });
        const sha = found.stdout.trim();
        if (found.exitCode !== 0 || sha === '')
            return { kind: 'absent' };
        const commits = await this.foreignCommitsOn('.', request.branch, sha, request.base, request.owner, {}, []);
        return commits.length === 0 ? { kind: 'ours', sha } : { kind: 'foreign', sha, commits };
    }
    /**
     * Someone else's commits that replacing the remote branch's head `tip` with a commit on `keep`
     * would drop: none when the tip is the action's own (see {@link OWN_COMMIT_TRAILER}) or `keep`
     * contains it. Fetches the branch when `tip` is missing.
     */
    async foreignCommitsOn(remote, branch, tip, keep, owner, env, secrets) {
        if (!(await this.hasCommit(tip))) {
            // A shallow checkout stays shallow: its history is not fetched whole for this one look.
            const shallow = (await this.run(['rev-parse', '--is-shallow-repository'], { allowFailure: true })).stdout.trim() === 'true';
            await this.run([
                'fetch',
                '--quiet',
                '--no-tags',
                '--no-write-fetch-head',
                '--recurse-submodules=no',
                ...(shallow ? ['--depth=100'] : []),
                remote,
                `refs/heads/${branch}`
            ], { env, secrets, allowFailure: true });
            if (!(await this.hasCommit(tip))) {
                // Unreadable: treat the branch as someone's, so nothing is overwritten on a guess.
                return [{ sha: tip, author: 'unknown', subject: `the head of ${branch}, which could not be fetched` }];
            }
        }
        // The action only ever commits directly on a base commit, never on top of a proposal branch:
        // a tip of ours holds nothing but our proposal on some base, so replacing it loses nobody's
        // work. A tip that `keep` contains (merged, or already in the base) is no loss either.
        const format = '--format=%H%x1f%cn%x1f%ce%x1f%an%x1f%s%x1f%(trailers:only,unfold)%x1e';
        const records = async (args) => {
            const out = await this.run(['rev-list', '--no-commit-header', format, ...args, '--'], { env, allowFailure: true });
            return out.exitCode !== 0
                ? undefined
                : out.stdout
                    .split('\x1e')
                    .map((record) => record.trim().split('\x1f'))
                    .filter(([sha]) => sha);
        };
        const isOurs = ([, committerName, committerEmail, , , trailers]) => committerName === owner.name &&
            committerEmail === owner.email &&
            (trailers ?? '').split('\n').some((line) => line.trim() === OWN_COMMIT_TRAILER);
        const [head] = (await records(['--max-count=1', tip])) ?? [];
        if (head !== undefined && isOurs(head))
            return [];
        const contained = await this.run(['merge-base', '--is-ancestor', tip, keep], { allowFailure: true });
        if (contained.exitCode === 0)
            return [];
        const listed = await records(['--max-count=50', tip, '--not', keep]);
        if (listed === undefined)
            return [{ sha: tip, author: 'unknown', subject: `the head of ${branch}, whose history could not be read` }];
        const foreign = listed.filter((record) => !isOurs(record)).map(([sha, , , author, subject]) => ({ sha, author, subject }));
        return foreign.length > 0 ? foreign : [{ sha: tip, author: head?.[3] ?? 'unknown', subject: head?.[4] ?? '' }];
    }
    /**
     * The pull request's change as a reviewer sees it: `git diff <base>...<head>` (from their merge
     * base), the base branch fetched from origin first when the checkout lacks it (each fetch with
     * the checkout's own credentials, then with `token` for that command only). Undefined when it
     * cannot be read. Run before the agent, with the repository's own remote settings.
     */
    async pullRequestDiff(request) {
        const { baseBranch, head } = request;
        await this.validateBranch(baseBranch);
        if (!(0,naming/* isCommitId */.jh)(head))
            return undefined;
        const tracking = `refs/remotes/origin/${baseBranch}`;
        const fetch = ['fetch', '--quiet', '--no-tags', 'origin', `+refs/heads/${baseBranch}:${tracking}`];
        for (const auth of [undefined, ...(request.token ? [tokenHeaderEnvironment(request.token)] : [])]) {
            const fetched = await this.run(fetch, { allowFailure: true, env: auth?.env, secrets: auth?.secrets });
            if (fetched.exitCode === 0)
                break;
        }
        const diff = await this.run(['diff', ...PLAIN_DIFF, '--no-color', `${tracking}...${head}`, '--'], { allowFailure: true });
        return diff.exitCode === 0 ? diff.stdout : undefined;
    }
    /** Whether the repository holds the commit `sha` (no `begin` needed). */
    async hasCommit(sha) {
        if (!(0,naming/* isCommitId */.jh)(sha))
            return false;
        const found = await this.run(['cat-file', '-e', `${sha}^{commit}`], { allowFailure: true });
        return found.exitCode === 0;
    }
    /**
     * Fetches one commit by id (depth 1) when the repository lacks it, e.g. a shallow checkout of a
     * branch that moved on. Returns whether the repository holds the commit afterwards.
     */
    async tryFetchCommit(request) {
        const { url, sha } = request;
        if (!(0,naming/* isCommitId */.jh)(sha))
            return false;
        if (await this.hasCommit(sha))
            return true;
        if (url === '' || url.startsWith('-'))
            throw new Error(`Not a remote: "${url}".`);
        const { env, secrets } = await this.pushEnvironment(request.token, url);
        const fetched = await this.run(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--recurse-submodules=no', '--depth=1', url, sha], { env, secrets, allowFailure: true });
        return fetched.exitCode === 0 && (await this.hasCommit(sha));
    }
    /**
     * Applies a patch to `base`'s tree and commits the result on `branch`, with plumbing only: a
     * temporary index (`read-tree`, `apply --cached`, `write-tree`, `commit-tree`, `update-ref`).
     * No `begin` is needed; the work tree, the index and HEAD are never touched, no hook runs, and
     * no file of the patch is ever written to disk, so a patch cannot reach outside the repository
     * through a symbolic link. The paths are git's own reading of the result, not the patch's claim.
     */
    async tryCommitPatch(request) {
        const { base, branch } = request;
        if (!(await this.hasCommit(base)))
            return { kind: 'does-not-apply', message: `the base commit ${base} is not in ${this.root}.` };
        await this.validateBranch(branch);
        if ((await this.checkedOutBranch()) === branch) {
            throw new Error(`Refusing to commit onto "${branch}": it is the branch checked out in ${this.root}. Choose another branch name.`);
        }
        const temp = await this.tempDir();
        const indexFile = external_node_path_default().join(temp, 'patch.index');
        await external_node_fs_.promises.rm(indexFile, { force: true });
        const hookless = (await this.pushEnvironment(undefined)).env;
        const env = { ...hookless, GIT_INDEX_FILE: indexFile };
        await this.run(['read-tree', base], { env });
        // The whitespace rule is spelled out so that a user's apply.whitespace cannot alter the bytes.
        const applied = await this.run(['apply', '--cached', '--whitespace=nowarn', '-'], { env, input: request.patch, allowFailure: true });
        if (applied.exitCode !== 0) {
            return { kind: 'does-not-apply', message: applied.stderr.trim() || `git apply exited with ${applied.exitCode}.` };
        }
        const { entries } = await this.diffStaged(indexFile, external_node_path_default().join(temp, 'patch.diff'), false, base);
        const tree = (await this.run(['write-tree'], { env })).stdout.trim();
        const identity = {
            ...hookless,
            GIT_AUTHOR_NAME: request.author.name,
            GIT_AUTHOR_EMAIL: request.author.email,
            GIT_COMMITTER_NAME: request.author.name,
            GIT_COMMITTER_EMAIL: request.author.email
        };
        const sha = (await this.run(['commit-tree', '--no-gpg-sign', '-p', base, '-F', '-', tree], {
            env: identity,
            input: withOwnTrailer(request.message)
        })).stdout.trim();
        // update-ref runs the reference-transaction hook: hooks stay switched off here too.
        await this.run(['update-ref', '-m', 'gated-agent: publish', `refs/heads/${branch}`, sha], { env: hookless });
        return { kind: 'committed', sha, branch, tree, paths: entries.map(toChangedPath) };
    }
    /**
     * The URL of a remote as the repository's config has it now: read it before any agent runs, and
     * hand it to {@link pushBranch} and {@link tryFetchCommit}, so a rewritten config cannot redirect them.
     */
    async remoteUrl(remote = 'origin') {
        return (await this.run(['remote', 'get-url', remote])).stdout.trim();
    }
    /** The branch checked out now (no `begin` needed); undefined when HEAD is detached. */
    async checkedOutBranch() {
        const current = await this.run(['symbolic-ref', '--quiet', '--short', 'HEAD'], { allowFailure: true });
        return current.exitCode === 0 ? current.stdout.trim() : undefined;
    }
    /** The commit HEAD is at now (no `begin` needed); empty in a repository without commits. */
    async currentCommit() {
        return (await this.run(['rev-parse', '--verify', '--quiet', 'HEAD'], { allowFailure: true })).stdout.trim();
    }
    /**
     * Puts the work tree on `sha` with a detached HEAD, before any agent runs (it uses the
     * repository's own remote settings, as the checkout left them). The commit is fetched from
     * origin when missing (shallow clones lack it), first by id, then by its branch; each fetch first
     * with the checkout's own credentials, then with `token` in a header for that command only.
     */
    async checkOutCommit(request) {
        const { sha, branch } = request;
        if (!(0,naming/* isCommitId */.jh)(sha))
            return { kind: 'missing', why: 'not a full commit id' };
        let why = '';
        if (!(await this.hasCommit(sha))) {
            const shallow = (await this.run(['rev-parse', '--is-shallow-repository'], { allowFailure: true })).stdout.trim() === 'true';
            const fetches = [
                ['fetch', '--quiet', '--no-tags', ...(shallow ? ['--depth=1'] : []), 'origin', sha],
                // A server that refuses a bare commit id still serves the branch, which holds it unless it moved on.
                [
                    'fetch',
                    '--quiet',
                    '--no-tags',
                    ...(shallow ? ['--depth=50'] : []),
                    'origin',
                    `+refs/heads/${branch}:refs/remotes/origin/${branch}`
                ]
            ];
            const auths = [undefined, ...(request.token ? [tokenHeaderEnvironment(request.token)] : [])];
            for (const args of fetches) {
                for (const auth of auths) {
                    const fetched = await this.run(args, { allowFailure: true, env: auth?.env, secrets: auth?.secrets });
                    if (fetched.exitCode === 0)
                        break;
                    why = lastWords((0,git/* redactSecrets */.fp)(fetched.stderr, auth?.secrets));
                }
                if (await this.hasCommit(sha))
                    break;
            }
            if (!(await this.hasCommit(sha)))
                return { kind: 'missing', why };
        }
        const checkout = await this.run(['checkout', '--quiet', '--detach', sha], { allowFailure: true });
        return checkout.exitCode === 0 ? { kind: 'checked-out' } : { kind: 'checkout-failed', why: lastWords(checkout.stderr) };
    }
    /** HEAD's commit at `begin`. */
    headSha() {
        return this.requireBegun().oid;
    }
    /** The branch checked out at `begin`; undefined when HEAD was detached. */
    currentBranch() {
        return this.requireBegun().branch;
    }
    /**
     * Puts the repository metadata back one last time (on every path out, a failed one included, so
     * no redirect or hook planted since the last git command survives for the job's later steps),
     * then removes the scratch directory (when this workspace created it).
     */
    async dispose() {
        if (this.state !== undefined && !this.configOnly)
            await verifyMetadata(this.state.metadata).catch(() => undefined);
        if (this.temp !== undefined && this.tempDirOption === undefined) {
            await external_node_fs_.promises.rm(this.temp, { recursive: true, force: true });
            this.temp = undefined;
        }
    }
    /**
     * Runs git. After `begin`, first the repository metadata is verified and whatever the agent or
     * the gate rewrote is put back, then git runs pinned to the git directory recorded at begin
     * (`GIT_DIR`, `GIT_COMMON_DIR`): it never follows a `.git` gitfile, a `commondir` or an
     * alternate object store planted since.
     */
    async run(args, opts = {}) {
        if (this.state === undefined)
            return this.git.run(args, opts);
        const pinned = await this.guardMetadata(this.state);
        return this.git.run(args, { ...opts, env: withConfig({ ...pinned, ...opts.env }, this.state.neutral) });
    }
    /**
     * Verifies the metadata, puts back what changed and returns the pinning environment. What it put
     * back is not reported here: checkIntact reports the agent's rewrites; one made while the gate
     * ran is undone before git reads it, which is all that matters for the commit and the push.
     */
    async guardMetadata(state) {
        if (this.configOnly) {
            await this.tryRestoreConfig(state);
            return {};
        }
        const check = await verifyMetadata(state.metadata);
        if (check.fatal !== undefined) {
            throw new Error(`Refusing to run git in ${this.root}: ${check.fatal}. Re-clone the repository; nothing was pushed.`);
        }
        return pinnedGitEnv(state.metadata);
    }
    /**
     * Refuses a repository whose config includes another file (`include.path`, `includeIf.*.path`):
     * after the agent ran, the action's git would read that file, and the agent can write it (a file
     * in the work tree, in HOME, anywhere its user can). checkout's own credential includes are gone
     * by now (they are put out of reach before begin).
     */
    async refuseConfigIncludes(metadata) {
        const files = [
            ...new Set([
                external_node_path_default().join(metadata.gitDir, 'config'),
                external_node_path_default().join(metadata.commonDir, 'config'),
                external_node_path_default().join(metadata.gitDir, 'config.worktree')
            ])
        ];
        const found = [];
        for (const file of files) {
            const text = await external_node_fs_.promises.readFile(file, 'utf8').catch(() => '');
            // A `path` under `[include]` or `[includeIf "..."]`, however spaced or cased (an emptied
            // section, as `git config --unset` leaves one, includes nothing). Read without running git,
            // erring on the side of refusing.
            let section = '';
            for (const line of text.split('\n')) {
                const header = /^\s*\[\s*([^\]]*)\]/.exec(line);
                if (header)
                    section = header[1].trim();
                const rest = header ? line.slice(header[0].length) : line;
                if (/^include(if\b|$)/i.test(section) && /^\s*path\s*(=|$)/i.test(rest))
                    found.push(`[${section}] path in ${file}`);
            }
        }
        if (found.length === 0)
            return;
        throw new Error(`The repository's git config includes other files (${found.join('; ')}). After the agent ran, Gated Agent's own git would read them, ` +
            'and the agent can write them. Move those settings into the config itself, or remove the include (git config --local --remove-section <section>), before Gated Agent runs.');
    }
    /** The URL git would push to for `remote`, as the (verified) repository config names it. */
    async pushUrl(remote) {
        const result = await this.run(['remote', 'get-url', '--push', remote], { allowFailure: true });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    /**
     * Puts `.git/config` back as begin found it when it changed; true when it had. Runs before every
     * git command that follows an agent run, so settings the agent planted (filters, `core.*`
     * commands, remotes) never take effect in the action's process tree.
     */
    async tryRestoreConfig(state) {
        if (state.config === undefined)
            return false;
        const file = external_node_path_default().join(state.gitDir, 'config');
        const now = await external_node_fs_.promises.readFile(file).catch(() => undefined);
        if (now !== undefined && now.equals(state.config))
            return false;
        if (!(await isGitDir(this.root, state.gitDir)))
            return false;
        await external_node_fs_.promises.writeFile(file, state.config);
        return true;
    }
    requireBegun() {
        if (this.state === undefined)
            throw new Error('The workspace was not recorded: call begin() first.');
        return this.state;
    }
    async tempDir() {
        if (this.temp === undefined) {
            if (this.tempDirOption !== undefined) {
                await external_node_fs_.promises.mkdir(this.tempDirOption, { recursive: true });
                this.temp = external_node_path_default().resolve(this.tempDirOption);
            }
            else {
                this.temp = await external_node_fs_.promises.mkdtemp(external_node_path_default().join(external_node_os_default().tmpdir(), 'gated-agent-git-'));
            }
        }
        return this.temp;
    }
    /** Fills `indexFile` with begin's tree plus every path of the work tree except the pre-existing dirty ones. */
    async stageAgentChange(indexFile, includeDirty = []) {
        const state = this.requireBegun();
        // Starting from a copy of the user's index keeps its file stat data, so `add` re-reads only
        // files that changed instead of hashing the whole tree; read-tree resets the content to begin's.
        if (state.indexCopy === undefined || !(await tryCopyFile(state.indexCopy, indexFile))) {
            await external_node_fs_.promises.rm(indexFile, { force: true });
        }
        const env = { GIT_INDEX_FILE: indexFile };
        await this.run(['read-tree', '--reset', state.oid], { env });
        // read-tree writes the scratch index now: stamp it as the original was (see begin), so `add`
        // still re-reads the files git would have to.
        if (state.indexTime)
            await external_node_fs_.promises.utimes(indexFile, state.indexTime, state.indexTime).catch(() => undefined);
        const excluded = [...state.dirty.filter((d) => !includeDirty.includes(d.path)).map((d) => d.path), ...this.excludePaths];
        const pathspecs = [':(top)', ...excluded.map((p) => `:(top,literal,exclude)${p}`)];
        await this.run(['add', '--all', '--pathspec-from-file=-', '--pathspec-file-nul'], { env, input: pathspecs.join('\0') });
    }
    /**
     * The change as policies read it: every file as text (`--text`), with no user-wide or system
     * attributes, textconv or external diff, so `binary`, `-diff` or a diff driver hides nothing.
     */
    async reviewPatch(indexFile, outFile) {
        await this.run([
            '-c',
            'core.attributesFile=/dev/null',
            'diff',
            '--cached',
            '--text',
            ...PLAIN_DIFF,
            `--output=${outFile}`,
            this.requireBegun().oid,
            '--'
        ], { env: { GIT_INDEX_FILE: indexFile, GIT_ATTR_NOSYSTEM: '1' } });
        return (await external_node_fs_.promises.readFile(outFile)).toString('utf8');
    }
    /** Before and after texts of the changed files a policy reads whole (package.json, pyproject.toml, setup.cfg, test files). */
    async wholeTexts(indexFile, entries) {
        const contents = {};
        const read = async (spec, env) => {
            const size = await this.run(['cat-file', '-s', spec], { env, allowFailure: true });
            if (size.exitCode !== 0 || Number(size.stdout.trim()) > MAX_WHOLE_TEXT_BYTES)
                return undefined;
            const blob = await this.run(['cat-file', 'blob', spec], { env, allowFailure: true });
            return blob.exitCode === 0 ? blob.stdout : undefined;
        };
        for (const entry of entries) {
            if (!(0,gate_definition_policy/* needsWholeText */.kA)(entry.path) && !(0,test_weakening_policy/* isTestPath */.MQ)(entry.path))
                continue;
            if (entry.srcMode === GITLINK_MODE || entry.dstMode === GITLINK_MODE)
                continue;
            contents[entry.path] = {
                before: entry.status === 'A' ? undefined : await read(`${this.requireBegun().oid}:${entry.path}`),
                after: entry.status === 'D' ? undefined : await read(`:${entry.path}`, { GIT_INDEX_FILE: indexFile })
            };
        }
        return contents;
    }
    /** Diffs `indexFile` against begin's commit: the changed paths, and the binary-safe patch when asked. */
    async diffStaged(indexFile, outFile, withPatch, base) {
        const from = base ?? this.requireBegun().oid;
        // Spelled out so that user settings (noprefix, external diff, renames, colour, relative) cannot
        // change a patch that `git apply` must take back.
        await this.run(['diff', '--cached', '-z', '--raw', ...PLAIN_DIFF, ...(withPatch ? ['--patch', '--binary'] : []), `--output=${outFile}`, from, '--'], { env: { GIT_INDEX_FILE: indexFile } });
        return readDiffOutput(outFile);
    }
    async readHead() {
        const result = await this.run(['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD'], { allowFailure: true });
        const [oid, ref] = result.stdout.trim().split('\n');
        if (result.exitCode !== 0 || oid === undefined || ref === undefined || !/^[0-9a-f]{40,64}$/.test(oid))
            return undefined;
        return { oid, ref };
    }
    /** Puts HEAD (and the branch it names) back on begin's commit, touching neither index nor files. */
    async restoreHead(state) {
        const head = await this.readHead();
        if (state.branch === undefined) {
            if (head?.ref !== 'HEAD' || head.oid !== state.oid) {
                await this.run(['update-ref', '--no-deref', '-m', 'gated-agent: restore', 'HEAD', state.oid]);
            }
            return;
        }
        const ref = `refs/heads/${state.branch}`;
        if (head?.ref !== ref)
            await this.run(['symbolic-ref', '-m', 'gated-agent: restore', 'HEAD', ref]);
        if (head?.ref !== ref || head.oid !== state.oid) {
            await this.run(['update-ref', '-m', 'gated-agent: restore', ref, state.oid]);
        }
    }
    /** Refuses a name git would not take as a branch, by git's own rules (see core/naming.ts). */
    async validateBranch(branch) {
        const problem = (0,naming/* branchNameProblem */.hq)(branch);
        if (problem)
            throw new Error(`"${branch}" is not a valid branch name: ${problem}.`);
    }
    /**
     * The environment for commands that reach the remote. The token goes in an Authorization header
     * set through git's environment config (GIT_CONFIG_COUNT), so it never lands in a config file or
     * on a command line; the empty first value drops any header persisted by actions/checkout.
     * Hooks are switched off: the agent could have planted one, and hooks inherit this environment.
     */
    async pushEnvironment(token, url) {
        // Not a directory in scratch space, where the gate's code could plant a hook.
        const config = [['core.hooksPath', '/dev/null']];
        const secrets = [];
        if (token !== undefined && token !== '') {
            const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
            const header = `AUTHORIZATION: basic ${basic}`;
            // Scoped to the one URL the action pushes to (more specific than any persisted header, which
            // the empty value drops): redirected anywhere else, git sends no header at all.
            // Any other transport (a path, ssh) takes no header: none is set, so none can leak.
            if (url !== undefined && /^https?:\/\//i.test(url) && !url.includes('\n')) {
                config.push([`http.${url}.extraheader`, ''], [`http.${url}.extraheader`, header]);
            }
            secrets.push(token, basic, header);
        }
        return { env: configEnvironment(config), secrets };
    }
}
/**
 * The token as an Authorization header, as git config entries: an empty first value drops any
 * header persisted by actions/checkout, and the secrets are everything an error must blank out.
 */
function tokenHeader(token) {
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    const header = `AUTHORIZATION: basic ${basic}`;
    return {
        config: [
            ['http.extraheader', ''],
            ['http.extraheader', header]
        ],
        secrets: [token, basic, header]
    };
}
/** Config entries for one command, through git's environment (GIT_CONFIG_COUNT): never in a file or on a command line. */
function configEnvironment(config) {
    const env = { GIT_CONFIG_COUNT: String(config.length) };
    config.forEach(([key, value], i) => {
        env[`GIT_CONFIG_KEY_${i}`] = key;
        env[`GIT_CONFIG_VALUE_${i}`] = value;
    });
    return env;
}
/** The token in an Authorization header for one git command, with the secrets to redact. */
function tokenHeaderEnvironment(token) {
    const { config, secrets } = tokenHeader(token);
    return { env: configEnvironment(config), secrets };
}
/** The last three lines of git's stderr, on one line. */
function lastWords(stderr) {
    return stderr.trim().split('\n').slice(-3).join(' ');
}
/** The message with the trailer that marks the commit as the action's own. */
function withOwnTrailer(message) {
    const body = message.replace(/\s+$/, '');
    return body.split('\n').some((line) => line.trim() === OWN_COMMIT_TRAILER) ? `${body}\n` : `${body}\n\n${OWN_COMMIT_TRAILER}\n`;
}
/** A short list of someone else's commits, for a message. */
function describeForeignCommits(commits) {
    const shown = commits
        .slice(0, 3)
        .map((c) => `${c.sha.slice(0, 12)} "${c.subject}" by ${c.author}`)
        .join(', ');
    return `${commits.length} commit(s) Gated Agent did not write (${shown}${commits.length > 3 ? `, and ${commits.length - 3} more` : ''})`;
}
function foreignCommitsRejection(branch, target, commits) {
    return new PushRejectedError('foreign-commits', branch, `${branch} on ${target} holds ${describeForeignCommits(commits)}; it was left as it is, since pushing would drop that work. ` +
        `Merge or close its pull request and delete the branch, or move those commits elsewhere, then ask again.`, '');
}
function toChangedPath(entry) {
    const status = entry.status === 'A' ? 'added' : entry.status === 'D' ? 'deleted' : 'modified';
    return { path: entry.path, status };
}
/** Adds `pairs` to the environment's `GIT_CONFIG_COUNT` entries (after any it holds). */
function withConfig(env, pairs) {
    if (pairs.length === 0)
        return env;
    const out = { ...env };
    let count = Number(env.GIT_CONFIG_COUNT ?? '0') || 0;
    for (const [key, value] of pairs) {
        out[`GIT_CONFIG_KEY_${count}`] = key;
        out[`GIT_CONFIG_VALUE_${count}`] = value;
        count++;
    }
    out.GIT_CONFIG_COUNT = String(count);
    return out;
}
/** Every filter driver the repository's config files define, emptied and made optional. */
async function neutralFilters(metadata) {
    const names = new Set();
    for (const file of new Set([
        external_node_path_default().join(metadata.gitDir, 'config'),
        external_node_path_default().join(metadata.commonDir, 'config'),
        external_node_path_default().join(metadata.gitDir, 'config.worktree')
    ])) {
        const text = await external_node_fs_.promises.readFile(file, 'utf8').catch(() => '');
        // `[filter "name"]`, and the old `[filter.name]` spelling (lower-cased by git).
        for (const match of text.matchAll(/^\s*\[\s*filter\s+"((?:[^"\\]|\\.)*)"\s*\]/gim))
            names.add(match[1].replace(/\\(.)/g, '$1'));
        for (const match of text.matchAll(/^\s*\[\s*filter\.([^\]\s]+)\s*\]/gim))
            names.add(match[1].toLowerCase());
    }
    return [...names].flatMap((name) => [
        [`filter.${name}.clean`, ''],
        [`filter.${name}.smudge`, ''],
        [`filter.${name}.process`, ''],
        [`filter.${name}.required`, 'false']
    ]);
}
/** A few of the metadata paths that were put back, for a message. */
function describeTampered(paths) {
    const unique = [...new Set(paths)];
    return unique.length <= 5 ? unique.join(', ') : `${unique.slice(0, 5).join(', ')} and ${unique.length - 5} more`;
}
/** Whether a push target is a URL or path rather than a remote's name. */
function isUrl(target) {
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(target) || target.startsWith('/') || /^[^/:]+@[^/:]+:/.test(target);
}
function describeRef(ref) {
    if (ref === 'HEAD')
        return 'a detached HEAD';
    return `branch ${ref.replace(/^refs\/heads\//, '')}`;
}
function rejection(branch, target, expected, stdout, stderr) {
    const text = `${stdout}\n${stderr}`;
    if (/refusing to allow .* to create or update workflow/i.test(text)) {
        return new PushRejectedError('workflows-permission', branch, `Pushing ${branch} to ${target} was rejected: the change touches a workflow file (.github/workflows) and the token lacks the workflows permission. ` +
            'Give the token that permission (a GitHub App with "workflows: write", or a personal token with the workflow scope), ' +
            'or keep .github/workflows/** in protected-paths so the agent leaves workflows alone.', stderr);
    }
    if (/\((stale info|non-fast-forward|fetch first)\)/.test(text)) {
        return new PushRejectedError('non-fast-forward', branch, `Pushing ${branch} to ${target} was rejected: the remote branch changed after Gated Agent read it ` +
            `(it expected ${expected === undefined ? 'no branch' : expected.slice(0, 12)}), so it was not overwritten. ` +
            'Someone else pushed to it meanwhile; run again to propose on top of its current state.', stderr);
    }
    const reason = stderr.trim().split('\n').slice(-5).join('\n') || stdout.trim();
    return new PushRejectedError('other', branch, `Pushing ${branch} to ${target} failed: ${reason}\n` +
        `Check that the token may write to the repository (contents: write) and that no rule blocks pushing to ${branch}.`, stderr);
}
/** Parses `git status --porcelain=v2 --branch -z`: HEAD's oid, the branch, and every dirty path. */
function parseStatus(out) {
    const records = out.split('\0');
    let oid;
    let branch;
    const dirty = new Set();
    for (let i = 0; i < records.length; i++) {
        const record = records[i];
        if (record.startsWith('# branch.oid '))
            oid = record.slice('# branch.oid '.length);
        else if (record.startsWith('# branch.head ')) {
            const head = record.slice('# branch.head '.length);
            branch = head === '(detached)' ? undefined : head;
        }
        else if (record.startsWith('1 '))
            dirty.add(afterFields(record, 8));
        else if (record.startsWith('2 ')) {
            dirty.add(afterFields(record, 9));
            // A rename record is followed by its original path, dirty too (deleted from the index).
            dirty.add(records[++i]);
        }
        else if (record.startsWith('u '))
            dirty.add(afterFields(record, 10));
        else if (record.startsWith('? '))
            dirty.add(record.slice(2));
    }
    return { oid, branch, dirty: [...dirty] };
}
/** The rest of `record` after its first `count` space-separated fields (a path may hold spaces). */
function afterFields(record, count) {
    let at = 0;
    for (let i = 0; i < count; i++)
        at = record.indexOf(' ', at) + 1;
    return record.slice(at);
}
/** A text section of the patch larger than this is not read into memory (it stays in the patch file). */
const MAX_TEXT_SECTION_BYTES = 8 * 1024 * 1024;
/** Text beyond this much in all is not read into memory either. */
const MAX_PATCH_TEXT_BYTES = 128 * 1024 * 1024;
/**
 * Reads `git diff -z --raw [--patch --binary]` output from a file, in chunks: the raw records, and
 * the patch as the policies read it. A binary payload is never read into memory (only its `GIT
 * binary patch` line is kept), nor a text section over {@link MAX_TEXT_SECTION_BYTES} or past
 * {@link MAX_PATCH_TEXT_BYTES} in all (its header is kept, with a `Binary files ... differ` line),
 * so a 450 MB file the agent wrote cannot exhaust memory or a string's length. The file itself
 * keeps every byte.
 */
async function readDiffOutput(file) {
    const handle = await external_node_fs_.promises.open(file, 'r');
    try {
        const entries = [];
        const bounder = new PatchBounder();
        let head = Buffer.alloc(0);
        let inRaw = true;
        let consumed = 0;
        let patchStart = 0;
        const chunk = Buffer.alloc(1024 * 1024);
        for (;;) {
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
            const eof = bytesRead === 0;
            let data = Buffer.from(chunk.subarray(0, bytesRead));
            if (inRaw) {
                head = Buffer.concat([head, data]);
                const parsed = parseRawRecords(head, eof);
                entries.push(...parsed.entries);
                head = head.subarray(parsed.at);
                consumed += parsed.at;
                if (!parsed.complete)
                    continue;
                inRaw = false;
                // With --patch, a NUL separates the raw records from the patch.
                const separator = head.length > 0 && head[0] === 0 ? 1 : 0;
                patchStart = consumed + separator;
                data = head.subarray(separator);
                head = Buffer.alloc(0);
            }
            if (data.length > 0)
                bounder.push(data);
            if (eof)
                break;
        }
        return { entries, patch: bounder.finish(), patchStart };
    }
    finally {
        await handle.close();
    }
}
/** The complete raw records at the start of `bytes`; `complete` once the records have ended. */
function parseRawRecords(bytes, eof) {
    const entries = [];
    let at = 0;
    while (at < bytes.length && bytes[at] === 0x3a /* ':' */) {
        const metaEnd = bytes.indexOf(0, at);
        const pathEnd = metaEnd < 0 ? -1 : bytes.indexOf(0, metaEnd + 1);
        if (metaEnd < 0 || pathEnd < 0) {
            if (eof)
                throw new Error('Unexpected output from git diff --raw -z.');
            return { entries, at, complete: false };
        }
        const [srcMode, dstMode, , , status] = bytes.toString('utf8', at + 1, metaEnd).split(' ');
        entries.push({ path: bytes.toString('utf8', metaEnd + 1, pathEnd), status: status.charAt(0), srcMode, dstMode });
        at = pathEnd + 1;
    }
    return { entries, at, complete: at < bytes.length || eof };
}
/** Keeps a patch's text in memory, section by section, leaving out binary payloads and huge text. */
class PatchBounder {
    kept = [];
    keptBytes = 0;
    /** The current file section's lines, until it ends or proves too large. */
    section = [];
    sectionBytes = 0;
    /** How many of the section's lines are its header (before the first hunk). */
    headerLines;
    /** Skipping a binary payload or an oversized section until the next `diff --git`. */
    skipping = false;
    partial = [];
    partialBytes = 0;
    push(data) {
        let start = 0;
        for (;;) {
            const newline = data.indexOf(0x0a, start);
            if (newline < 0) {
                if (start < data.length)
                    this.addPartial(data.subarray(start));
                return;
            }
            this.addPartial(data.subarray(start, newline + 1));
            this.line(this.takePartial());
            start = newline + 1;
        }
    }
    finish() {
        if (this.partialBytes > 0)
            this.line(this.takePartial());
        this.flushSection();
        return Buffer.concat(this.kept);
    }
    addPartial(bytes) {
        // While skipping, only a line's start matters (is it the next `diff --git`?).
        if (this.skipping && this.partialBytes >= 16)
            return;
        this.partial.push(Buffer.from(bytes));
        this.partialBytes += bytes.length;
        if (!this.skipping && this.sectionBytes + this.partialBytes > this.sectionLimit())
            this.elideSection();
    }
    takePartial() {
        const line = this.partial.length === 1 ? this.partial[0] : Buffer.concat(this.partial);
        this.partial = [];
        this.partialBytes = 0;
        return line;
    }
    line(line) {
        if (startsWith(line, 'diff --git ')) {
            this.flushSection();
            this.skipping = false;
            this.headerLines = undefined;
        }
        else if (this.skipping) {
            return;
        }
        if (this.headerLines === undefined && (startsWith(line, '@@') || startsWith(line, 'GIT binary patch'))) {
            this.headerLines = this.section.length;
        }
        this.section.push(line);
        this.sectionBytes += line.length;
        if (startsWith(line, 'GIT binary patch'))
            this.skipping = true;
    }
    sectionLimit() {
        return Math.min(MAX_TEXT_SECTION_BYTES, Math.max(0, MAX_PATCH_TEXT_BYTES - this.keptBytes));
    }
    /** The section is too large: keep its header, say it is left out, skip to the next file. */
    elideSection() {
        const header = this.section.slice(0, this.headerLines ?? this.section.length);
        this.section = [...header, Buffer.from('Binary files (too large to read into memory; the patch file has it) differ\n')];
        this.sectionBytes = this.section.reduce((sum, b) => sum + b.length, 0);
        this.skipping = true;
        this.partial = this.partialBytes > 0 ? [Buffer.concat(this.partial).subarray(0, 16)] : [];
        this.partialBytes = this.partial.length > 0 ? this.partial[0].length : 0;
    }
    flushSection() {
        this.kept.push(...this.section);
        this.keptBytes += this.sectionBytes;
        this.section = [];
        this.sectionBytes = 0;
    }
}
function startsWith(line, prefix) {
    return line.length >= prefix.length && line.toString('latin1', 0, prefix.length) === prefix;
}
/** The repository's git directory when `root` is its top level (`.git` a directory, or a `gitdir:` file). */
async function locateGitDir(root) {
    const dotGit = external_node_path_default().join(root, '.git');
    const stat = await external_node_fs_.promises.stat(dotGit).catch(() => undefined);
    if (stat?.isDirectory())
        return dotGit;
    if (stat?.isFile()) {
        const match = /^gitdir:\s*(.+?)\s*$/m.exec(await external_node_fs_.promises.readFile(dotGit, 'utf8'));
        if (match)
            return external_node_path_default().resolve(root, match[1]);
    }
    return undefined;
}
/** Whether the work tree still has its `.git` and the git directory it points to still has a HEAD. */
async function isGitDir(root, gitDir) {
    const [dotGit, head] = await Promise.all([
        external_node_fs_.promises.lstat(external_node_path_default().join(root, '.git')).catch(() => undefined),
        external_node_fs_.promises.stat(external_node_path_default().join(gitDir, 'HEAD')).catch(() => undefined)
    ]);
    return dotGit !== undefined && head !== undefined;
}
/** Copies `from`, from byte `start` on, to `to`, streamed; false when `from` is missing. */
async function tryCopyFrom(from, start, to) {
    if (start === 0)
        return tryCopyFile(from, to);
    try {
        await (0,promises_.pipeline)((0,external_node_fs_.createReadStream)(from, { start }), (0,external_node_fs_.createWriteStream)(to));
        return true;
    }
    catch (error) {
        if (isMissing(error))
            return false;
        throw error;
    }
}
async function tryCopyFile(from, to) {
    try {
        await external_node_fs_.promises.copyFile(from, to, external_node_fs_.constants.COPYFILE_FICLONE);
        return true;
    }
    catch (error) {
        if (isMissing(error))
            return false;
        throw error;
    }
}
function isMissing(error) {
    const code = error?.code;
    return code === 'ENOENT' || code === 'ENOTDIR';
}
async function lstatOrUndefined(file) {
    try {
        return await external_node_fs_.promises.lstat(file, { bigint: true });
    }
    catch (error) {
        if (isMissing(error))
            return undefined;
        throw error;
    }
}
async function snapshotPath(abs, copy) {
    const stat = await lstatOrUndefined(abs);
    if (stat === undefined)
        return { kind: 'missing' };
    if (stat.isSymbolicLink())
        return { kind: 'symlink', target: await external_node_fs_.promises.readlink(abs) };
    if (!stat.isFile())
        return { kind: 'other' };
    await external_node_fs_.promises.copyFile(abs, copy, external_node_fs_.constants.COPYFILE_FICLONE);
    return {
        kind: 'file',
        copy,
        mode: Number(stat.mode & 4095n),
        size: stat.size,
        ino: stat.ino,
        mtimeNs: stat.mtimeNs,
        atimeMs: Number(stat.atimeMs),
        mtimeMs: Number(stat.mtimeMs)
    };
}
async function differsFromSnapshot(abs, snapshot) {
    const stat = await lstatOrUndefined(abs);
    switch (snapshot.kind) {
        case 'missing':
            return stat !== undefined;
        case 'symlink':
            return !stat?.isSymbolicLink() || (await external_node_fs_.promises.readlink(abs)) !== snapshot.target;
        case 'file':
            if (!stat?.isFile() || Number(stat.mode & 4095n) !== snapshot.mode || stat.size !== snapshot.size)
                return true;
            // Same inode, size and nanosecond mtime: unchanged, as git itself would assume.
            if (stat.ino === snapshot.ino && stat.mtimeNs === snapshot.mtimeNs)
                return false;
            return !(await sameBytes(abs, snapshot.copy));
        case 'other':
            return false;
    }
}
async function restoreSnapshot(abs, snapshot) {
    if (snapshot.kind === 'other')
        return;
    await external_node_fs_.promises.rm(abs, { recursive: true, force: true });
    if (snapshot.kind === 'missing')
        return;
    await external_node_fs_.promises.mkdir(external_node_path_default().dirname(abs), { recursive: true });
    if (snapshot.kind === 'symlink') {
        await external_node_fs_.promises.symlink(snapshot.target, abs);
        return;
    }
    await external_node_fs_.promises.copyFile(snapshot.copy, abs);
    await external_node_fs_.promises.chmod(abs, snapshot.mode);
    await external_node_fs_.promises.utimes(abs, snapshot.atimeMs / 1000, snapshot.mtimeMs / 1000);
}
/** Puts the user's index file back byte for byte when the agent changed it (e.g. `git add`, a commit). */
async function restoreIndex(state) {
    if (state.indexCopy === undefined)
        return;
    const current = await external_node_fs_.promises.readFile(state.indexPath).catch(() => undefined);
    const original = await external_node_fs_.promises.readFile(state.indexCopy);
    if (current !== undefined && current.equals(original))
        return;
    // Through a rename, so git never sees a half-written index.
    const staging = `${state.indexPath}.gated-agent`;
    await external_node_fs_.promises.writeFile(staging, original);
    await external_node_fs_.promises.rename(staging, state.indexPath);
}
async function sameBytes(a, b) {
    const [fa, fb] = await Promise.all([external_node_fs_.promises.open(a, 'r'), external_node_fs_.promises.open(b, 'r')]);
    try {
        const bufA = Buffer.alloc(65536);
        const bufB = Buffer.alloc(65536);
        for (;;) {
            const [ra, rb] = await Promise.all([fa.read(bufA, 0, bufA.length, null), fb.read(bufB, 0, bufB.length, null)]);
            if (ra.bytesRead !== rb.bytesRead)
                return false;
            if (ra.bytesRead === 0)
                return true;
            if (!bufA.subarray(0, ra.bytesRead).equals(bufB.subarray(0, rb.bytesRead)))
                return false;
        }
    }
    finally {
        await Promise.all([fa.close(), fb.close()]);
    }
}
/** Removes the now-empty directories above a deleted path, up to (never including) the root. */
async function pruneEmptyParents(root, relative) {
    for (let dir = external_node_path_default().posix.dirname(relative); dir !== '.' && dir !== '/' && dir !== ''; dir = external_node_path_default().posix.dirname(dir)) {
        try {
            await external_node_fs_.promises.rmdir(external_node_path_default().join(root, dir));
        }
        catch {
            return;
        }
    }
}
/** The SHA-256 of a file's bytes from `start` on, streamed. */
async function digestFrom(file, start) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(file, { start }))
        hash.update(chunk);
    return hash.digest('hex');
}


/***/ }),

/***/ 719:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fp: () => (/* binding */ redactSecrets),
/* harmony export */   ho: () => (/* binding */ createGitRunner),
/* harmony export */   lf: () => (/* binding */ readFrozenGitConfig)
/* harmony export */ });
/* unused harmony exports GitError, OWNED_CONFIG_ENV, FROZEN_CONFIG_KEY */
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81260);
/**
 * The one door to the `git` binary: a small runner interface (so callers can be tested with a fake
 * or a counting decorator), its `@actions/exec` implementation, and the error a failed command
 * throws. Secrets handed to a command are redacted from everything an error carries.
 */

const REDACTED = '***';
/** Replaces every occurrence of each secret in `text` with `***`. */
function redactSecrets(text, secrets = []) {
    let out = text;
    for (const secret of secrets) {
        // Very short values would blank out ordinary words; a real token is never this short.
        if (secret.length >= 4)
            out = out.split(secret).join(REDACTED);
    }
    return out;
}
/** A git command that failed; carries the (redacted) arguments and stderr, never a secret. */
class GitError extends Error {
    /** The command's arguments, secrets redacted. */
    args;
    exitCode;
    /** The command's standard error, secrets redacted. */
    stderr;
    constructor(args, exitCode, stderr, secrets = []) {
        const safeArgs = args.map((arg) => redactSecrets(arg, secrets));
        const safeStderr = redactSecrets(stderr, secrets).trim();
        super(`git ${safeArgs.join(' ')} failed with exit code ${exitCode}${safeStderr ? `: ${lastLines(safeStderr, 20)}` : ''}`);
        this.name = 'GitError';
        this.args = safeArgs;
        this.exitCode = exitCode;
        this.stderr = safeStderr;
    }
}
function lastLines(text, count) {
    const lines = text.split('\n');
    return lines.length <= count ? text : lines.slice(-count).join('\n');
}
/**
 * Every command runs in a configuration the action owns. After an agent has run, every file git
 * would read its settings from (the system file, `~/.gitconfig`, `$XDG_CONFIG_HOME/git/config`, a
 * "frozen" copy anywhere on disk) is the agent's to write: a `filter.*` driver, a hook, an
 * fsmonitor, a `url.*.pushInsteadOf`, a credential helper or askpass program planted there would
 * run in the action's process tree or send the push's auth header elsewhere. So:
 * - system and global config are off (`GIT_CONFIG_NOSYSTEM`, `GIT_CONFIG_GLOBAL=/dev/null`), and
 *   `HOME` and `XDG_CONFIG_HOME` are `/dev/null`, under which nobody (not even root) can create a
 *   file, so no `~/.gitconfig`, XDG config, attributes or ignore file can be planted for git to find;
 * - no `GIT_*` variable of the base environment reaches git (`GIT_DIR`, `GIT_CONFIG_COUNT`,
 *   `GIT_SSH_COMMAND`, `GIT_EXTERNAL_DIFF`...), but the commit identity and ceiling directories;
 * - replace refs are ignored (`refs/replace/<base>` would swap the base commit's tree);
 * - the settings below are pinned on the command line, which beats every config file: no hooks,
 *   no fsmonitor, no credential helper, no askpass program, no `ext::` transport;
 * - what the user's system and global config held before the agent ran and the action needs
 *   (proxy, CA bundle, safe.directory, line endings: see {@link FROZEN_CONFIG_KEY}) is passed in
 *   memory by the caller as `frozenConfig`, read before the agent ran ({@link readFrozenGitConfig}).
 * The repository's own metadata (`.git/config`, `commondir`, alternates...) is the workspace's to
 * verify: see git-workspace.ts.
 */
const HARDENING = [
    '-c',
    'core.hooksPath=/dev/null',
    '-c',
    'core.fsmonitor=false',
    '-c',
    'core.attributesFile=/dev/null',
    '-c',
    'credential.helper=',
    '-c',
    'core.askPass=',
    '-c',
    'protocol.ext.allow=never'
];
/** Variables of the base environment git may see: the commit identity and where discovery stops. */
const ALLOWED_GIT_VARIABLES = /^GIT_(AUTHOR|COMMITTER)_(NAME|EMAIL|DATE)$|^GIT_CEILING_DIRECTORIES$/;
/** The environment that makes git read no configuration file but the repository's own. */
const OWNED_CONFIG_ENV = {
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_SYSTEM: '/dev/null',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_ATTR_NOSYSTEM: '1',
    GIT_NO_REPLACE_OBJECTS: '1',
    HOME: '/dev/null',
    XDG_CONFIG_HOME: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C'
};
/**
 * Keys of the user's system and global config the action keeps (read before the agent ran): how
 * to reach the server (proxy, CA bundle, TLS backend, HTTP version), which repositories are safe,
 * and line-ending conversion, which changes what `git add` stores. Nothing here names a program.
 */
const FROZEN_CONFIG_KEY = /^(https?\.(.+\.)?(proxy|proxyauthmethod|sslcainfo|sslcapath|sslbackend|sslverify|sslversion|schannelcheckrevoke|version)|safe\.directory|core\.(autocrlf|eol|safecrlf|ignorecase|precomposeunicode|protectntfs|longpaths))$/i;
/**
 * Creates a runner for `git` in `cwd`. `baseEnv` (default: this process's environment) is the
 * environment every command starts from, less its `GIT_*` variables; the runner adds the owned
 * configuration environment above, no credential prompt (a prompt would hang the run) and
 * untranslated messages (push rejections are recognised by their English text).
 */
function createGitRunner(cwd, baseEnv = process.env, options = {}) {
    const base = {};
    for (const [key, value] of Object.entries(baseEnv)) {
        if (value === undefined)
            continue;
        if (!options.unowned && (/^GIT_/.test(key) || key === 'SSH_ASKPASS') && !ALLOWED_GIT_VARIABLES.test(key))
            continue;
        base[key] = value;
    }
    const owned = options.unowned ? { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } : OWNED_CONFIG_ENV;
    const frozen = (options.frozenConfig ?? [])
        .filter(([key]) => FROZEN_CONFIG_KEY.test(key) && !key.includes('='))
        .flatMap(([key, value]) => ['-c', `${key}=${value}`]);
    const hardening = options.unowned ? ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false'] : [...frozen, ...HARDENING];
    let count = 0;
    return {
        get commandCount() {
            return count;
        },
        async run(args, opts = {}) {
            count++;
            const input = opts.input === undefined ? undefined : Buffer.isBuffer(opts.input) ? opts.input : Buffer.from(opts.input);
            const result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)('git', [...hardening, ...args], {
                cwd,
                env: { ...base, ...owned, ...opts.env },
                silent: true,
                ignoreReturnCode: true,
                input
            });
            if (result.exitCode !== 0 && !opts.allowFailure) {
                throw new GitError(args, result.exitCode, result.stderr, opts.secrets);
            }
            return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
        }
    };
}
/**
 * The settings of the user's system and global git config the action keeps ({@link FROZEN_CONFIG_KEY}),
 * read as git reads them (includes followed). Call it before the agent runs: afterwards those files
 * are the agent's. Unreadable or absent config yields nothing.
 */
async function readFrozenGitConfig(cwd, env = process.env) {
    const frozen = [];
    for (const scope of ['--system', '--global']) {
        const clean = {};
        for (const [key, value] of Object.entries(env))
            if (value !== undefined)
                clean[key] = value;
        const result = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)('git', ['config', scope, '--includes', '--null', '--list'], {
            cwd,
            env: { ...clean, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
            silent: true,
            ignoreReturnCode: true
        }).catch(() => undefined);
        if (!result || result.exitCode !== 0)
            continue;
        for (const entry of result.stdout.split('\0')) {
            const newline = entry.indexOf('\n');
            if (newline <= 0)
                continue;
            const key = entry.slice(0, newline);
            if (FROZEN_CONFIG_KEY.test(key))
                frozen.push([key, entry.slice(newline + 1)]);
        }
    }
    return frozen;
}


/***/ }),

/***/ 19022:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B8: () => (/* binding */ tryFindExecutable),
/* harmony export */   R3: () => (/* binding */ runProcess),
/* harmony export */   cd: () => (/* binding */ writeWithBackpressure)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(643);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_perf_hooks__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var _core_output_tail_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96161);
/**
 * Runs one external process (a gate step's shell, the agent CLI) the way the engine needs: its own
 * process group so a timeout kills everything it started, output streamed live and kept only as a
 * bounded tail, and a missing executable reported as a value.
 */






/**
 * Writes to a stream the way an OutputSink should: when the stream's buffer is full (write returns
 * false), the returned promise settles once it has drained (or the stream ended), so the caller
 * stops reading its source meanwhile.
 */
function writeWithBackpressure(stream, data) {
    if (stream.write(data))
        return undefined;
    return new Promise((resolve) => {
        const done = () => {
            stream.off('drain', done);
            stream.off('close', done);
            stream.off('error', done);
            resolve();
        };
        stream.on('drain', done);
        stream.on('close', done);
        stream.on('error', done);
    });
}
const DEFAULT_KILL_GRACE_MS = 2000;
/** Runs a process to its end; resolves with how it ended, including when it could not start. */
function runProcess(spec) {
    const argv = [...(spec.wrapper ?? []), spec.file, ...spec.args];
    const grace = spec.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
    const tail = new _core_output_tail_js__WEBPACK_IMPORTED_MODULE_5__/* .OutputTail */ .gY(spec.tailBytes);
    const started = node_perf_hooks__WEBPACK_IMPORTED_MODULE_4__.performance.now();
    return new Promise((resolve, reject) => {
        let child;
        try {
            child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(argv[0], argv.slice(1), {
                cwd: spec.cwd,
                env: spec.env,
                stdio: [spec.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
                // The child leads its own process group, so one kill(-pid) reaches everything it started.
                detached: true
            });
        }
        catch (error) {
            reject(error);
            return;
        }
        let timedOut = false;
        let settled = false;
        const timers = [];
        const later = (ms, fn) => {
            timers.push(setTimeout(fn, ms));
        };
        const signalGroup = (signal) => {
            if (child.pid === undefined)
                return;
            try {
                process.kill(-child.pid, signal);
            }
            catch {
                // ESRCH: the group is already gone. EPERM: a privileged wrapper owns it; nothing more to do.
            }
        };
        const terminate = () => {
            signalGroup('SIGTERM');
            later(grace, () => signalGroup('SIGKILL'));
        };
        const onAbort = () => terminate();
        const finish = (outcome) => {
            if (settled)
                return;
            settled = true;
            for (const timer of timers)
                clearTimeout(timer);
            spec.abort?.removeEventListener('abort', onAbort);
            resolve(outcome);
        };
        child.on('error', (error) => {
            if (child.pid !== undefined || settled)
                return;
            settled = true;
            const spawnError = error.code === 'ENOENT' ? 'not-found' : error.code === 'EACCES' ? 'not-executable' : undefined;
            if (spawnError === undefined) {
                reject(error);
                return;
            }
            // spawn reports a missing working directory as ENOENT too; that is our bug, not a missing tool.
            (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(spec.cwd).then(() => resolve({ exitCode: null, signal: null, timedOut: false, durationMs: node_perf_hooks__WEBPACK_IMPORTED_MODULE_4__.performance.now() - started, tail: '', spawnError }), () => reject(new Error(`Cannot run '${argv[0]}': the working directory ${spec.cwd} does not exist.`)));
        });
        if (child.pid === undefined)
            return;
        // Backpressure: while the sink is busy, neither stream is read; the child blocks on its pipe.
        let busy = 0;
        const resume = () => {
            if (--busy > 0)
                return;
            child.stdout?.resume();
            child.stderr?.resume();
        };
        const collect = (chunk) => {
            tail.push(chunk);
            const pending = spec.onOutput?.(chunk);
            if (!(pending instanceof Promise))
                return;
            busy++;
            child.stdout?.pause();
            child.stderr?.pause();
            pending.then(resume, resume);
        };
        child.stdout?.on('data', (chunk) => {
            spec.onStdout?.(chunk);
            collect(chunk);
        });
        child.stderr?.on('data', collect);
        if (spec.stdin !== undefined && child.stdin) {
            // A child that exits without reading its stdin makes the write fail with EPIPE: that is fine.
            child.stdin.on('error', () => { });
            child.stdin.end(spec.stdin);
        }
        if (spec.timeoutMs !== undefined) {
            later(spec.timeoutMs, () => {
                timedOut = true;
                terminate();
            });
        }
        if (spec.abort) {
            if (spec.abort.aborted)
                terminate();
            else
                spec.abort.addEventListener('abort', onAbort, { once: true });
        }
        child.on('exit', () => {
            // Whatever the step left running in its group (`server &`) must not outlive it: it would hold
            // the output pipe open and keep changing the tree under the next attempt.
            signalGroup('SIGTERM');
            later(grace, () => signalGroup('SIGKILL'));
            // A process that left the group (setsid) may still hold the pipe: stop waiting for it.
            later(grace * 2, () => {
                child.stdout?.destroy();
                child.stderr?.destroy();
            });
        });
        child.on('close', (code, signal) => {
            finish({ exitCode: code, signal, timedOut, durationMs: node_perf_hooks__WEBPACK_IMPORTED_MODULE_4__.performance.now() - started, tail: tail.text() });
        });
    });
}
/** The full path of `name` on `pathVar` (a PATH value) when an executable by that name exists there. */
async function tryFindExecutable(name, pathVar) {
    for (const dir of (pathVar ?? '').split((node_path__WEBPACK_IMPORTED_MODULE_3___default().delimiter))) {
        if (dir === '')
            continue;
        const candidate = node_path__WEBPACK_IMPORTED_MODULE_3___default().join(dir, name);
        try {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access)(candidate, node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.X_OK);
            if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(candidate)).isFile())
                return candidate;
        }
        catch {
            // Not here; keep looking.
        }
    }
    return undefined;
}


/***/ }),

/***/ 9891:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Af: () => (/* binding */ protectionsOff),
/* harmony export */   ue: () => (/* binding */ protectionsOffWarning)
/* harmony export */ });
/* unused harmony export TEST_SWITCH_VARIABLE */
/**
 * Test-only switches that turn one protection off, so that a security test's positive control can
 * show its hunter would have found the canary without it (a hunt that finds nothing because it
 * could not look proves nothing). They are read from one environment variable, never from an
 * input; the action says loudly in its log when one is on. Nothing in a workflow should set it.
 */
/** The variable naming the switched-off protections, separated by commas. */
const TEST_SWITCH_VARIABLE = 'GATED_AGENT_TEST_ONLY_PROTECTIONS_OFF';
const KNOWN = [
    'git-config',
    'git-metadata',
    'bundle-digest',
    'privilege',
    'mounts',
    'trusted-path',
    'file-commands',
    'private-tmp',
    'namespaces'
];
/** The protections switched off in `env`. */
function protectionsOff(env = process.env) {
    const names = (env[TEST_SWITCH_VARIABLE] ?? '').split(',').map((name) => name.trim());
    return new Set(KNOWN.filter((name) => names.includes(name)));
}
/** The warning to log when any protection is off; undefined when none is. */
function protectionsOffWarning(off) {
    // A shared /tmp is a convenience the e2e suites' scripted agents need, not a security protection
    // a hunt is run without; the run says so in the log, without a warning annotation.
    const security = [...off].filter((name) => name !== 'private-tmp');
    if (security.length === 0)
        return undefined;
    return `${TEST_SWITCH_VARIABLE} is set: the protection(s) ${[...off].join(', ')} are OFF. This switch exists for Gated Agent's own tests; never set it in a workflow.`;
}


/***/ })

};
;