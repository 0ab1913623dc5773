"use strict";
exports.id = 102;
exports.ids = [102];
exports.modules = {

/***/ 7100:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J2: () => (/* binding */ chooseCandidate),
/* harmony export */   QC: () => (/* binding */ displayName),
/* harmony export */   Qi: () => (/* binding */ candidateTable),
/* harmony export */   VB: () => (/* binding */ countChangedLines),
/* harmony export */   bE: () => (/* binding */ NO_BUNDLE),
/* harmony export */   tZ: () => (/* binding */ CANDIDATE_LABEL)
/* harmony export */ });
/* unused harmony exports compareCandidates, formatCost */
/* harmony import */ var _unified_diff_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(89905);
/**
 * Best of N: several propose jobs (a matrix, one agent each) hand the publish job one bundle each;
 * the publish job verifies them all and proposes one. This module is the choice itself, pure and
 * deterministic, so that the same bundles always give the same winner and the same table:
 *
 * 1. a green gate with clean policies (and a bundle that passed verification) first;
 * 2. then the fewest changed lines (added plus removed, as the patch's hunks count them; a binary
 *    file counts as one);
 * 3. then the fewest agent runs;
 * 4. then the lowest cost (a candidate whose CLI reported no cost comes after every known cost);
 * 5. then the candidate's name (plain code-unit order, no locale).
 *
 * Candidates that are not green are never chosen, however small their change.
 */

/**
 * What a candidate label may be (input `candidate`, a bundle's `candidate`): it names an artifact,
 * a directory, a step output (`bundle-digest-<candidate>`) and a row of a markdown table, so it is
 * letters, digits, `-` and `_`, starting with a letter or digit, at most 64 characters.
 */
const CANDIDATE_LABEL = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** The verdict of a candidate named in `bundle-digest` whose bundle is not there (its job failed early). */
const NO_BUNDLE = 'no bundle';
/** Orders two candidates by the documented rules; negative when `a` goes first. */
function compareCandidates(a, b) {
    if (a.green !== b.green)
        return a.green ? -1 : 1;
    if (a.changedLines !== b.changedLines)
        return a.changedLines - b.changedLines;
    if (a.agentRuns !== b.agentRuns)
        return a.agentRuns - b.agentRuns;
    const costA = a.costUsd ?? Number.POSITIVE_INFINITY;
    const costB = b.costUsd ?? Number.POSITIVE_INFINITY;
    if (costA !== costB)
        return costA < costB ? -1 : 1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
/** Ranks the candidates and picks the best green one; says for each other why it lost. */
function chooseCandidate(candidates) {
    const sorted = [...candidates].sort(compareCandidates);
    const best = sorted[0]?.green ? sorted[0] : undefined;
    const ranked = sorted.map((c) => {
        const chosen = c === best;
        return { ...c, chosen, whyNot: chosen ? '' : whyNotChosen(c, best) };
    });
    return { ranked, winner: ranked.find((c) => c.chosen) };
}
/** One sentence: the first rule by which `c` lost to `best`. */
function whyNotChosen(c, best) {
    if (c.refusal !== undefined)
        return 'its bundle was refused: it failed verification';
    if (c.verdict === NO_BUNDLE)
        return 'its propose job handed over no bundle';
    if (!c.green)
        return `the gate did not pass (${c.verdict})`;
    if (!best)
        return 'not chosen';
    if (c.changedLines !== best.changedLines)
        return `${c.changedLines} changed lines, more than ${best.changedLines}`;
    if (c.agentRuns !== best.agentRuns)
        return `${c.agentRuns} agent runs, more than ${best.agentRuns}`;
    if (c.costUsd !== best.costUsd) {
        return c.costUsd === undefined
            ? 'no cost reported, after a known cost'
            : `cost ${formatCost(c.costUsd)}, more than ${formatCost(best.costUsd)}`;
    }
    return `ties on every count; its name sorts after ${best.name}`;
}
/** A cost as the table shows it: `$0.42`, or `—` when unknown. */
function formatCost(costUsd) {
    if (costUsd === undefined)
        return '—';
    return `$${costUsd < 0.01 && costUsd > 0 ? costUsd.toPrecision(2) : costUsd.toFixed(2)}`;
}
/** Lines added plus lines removed by a `git diff`; each binary file counts as one. */
function countChangedLines(patch) {
    return (0,_unified_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePatch */ .i)(patch).reduce((sum, file) => sum + (file.binary ? 1 : file.lines.filter((l) => l.kind !== 'context').length), 0);
}
/** A name safe in a markdown table cell: a label as it is, anything else with its odd characters replaced. */
function displayName(name) {
    const safe = name.replace(/[^A-Za-z0-9._-]/g, '?').slice(0, 100);
    return safe === '' ? '?' : safe;
}
/** The markdown table of every candidate, in the order of the choice. */
function candidateTable(choice) {
    const rows = choice.ranked.map((c) => `| \`${displayName(c.name)}\`${c.chosen ? ' ✅' : ''} | ${c.verdict} | ${c.refusal === undefined ? c.agentRuns : '—'} | ${c.refusal === undefined ? c.changedLines : '—'} | ${c.refusal === undefined ? formatCost(c.costUsd) : '—'} | ${c.chosen ? 'chosen' : c.whyNot} |`);
    return ['| candidate | verdict | agent runs | changed lines | cost | why not chosen |', '|---|---|---|---|---|---|', ...rows].join('\n');
}


/***/ }),

/***/ 29131:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sx: () => (/* binding */ validateGlobs),
/* harmony export */   UP: () => (/* binding */ findProtectedPaths),
/* harmony export */   YX: () => (/* binding */ DEFAULT_PROTECTED_PATHS),
/* harmony export */   dW: () => (/* binding */ createProtectedPathsPolicy)
/* harmony export */ });
/* unused harmony exports PROTECTED_PATHS_POLICY_NAME, compileProtectedPaths, describeProtectedHits */
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14006);
/* harmony import */ var picomatch__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(picomatch__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _unified_diff_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(89905);
/* harmony import */ var _policy_step_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(84652);
/**
 * The "protected paths" policy: a change that adds, edits, deletes or renames a file matching the
 * protected globs (by default the workflows, which hold the repository's CI and its secrets' use)
 * fails like a red gate step, and the agent is told to revert those files.
 */



/** The step name the gate shows for this policy. */
const PROTECTED_PATHS_POLICY_NAME = 'policy: protected paths';
/** What is protected when the user lists nothing. */
const DEFAULT_PROTECTED_PATHS = ['.github/workflows/**'];
// picomatch is lenient by default (an unclosed `[` is taken literally); these options make it
// report malformed globs, and `debug` lets a regular-expression error surface instead of a
// pattern that silently matches nothing.
const STRICT = { dot: true, strictBrackets: true, debug: true };
/** A leading `!` excludes paths (but `!(...)` is an extglob, not an exclusion). */
function isExclusion(glob) {
    return glob.startsWith('!') && !glob.startsWith('!(');
}
/** An unescaped `}` outside a brace group: picomatch reads it literally, the user meant a group. */
function hasStrayClosingBrace(glob) {
    const state = picomatch__WEBPACK_IMPORTED_MODULE_2___default().parse(glob, STRICT);
    return state.tokens.some((token) => token.type === 'text' && /(?:^|[^\\])(?:\\\\)*\}/.test(token.value));
}
/**
 * Checks protected-path globs; returns what is wrong with the first bad one, in plain words, or
 * undefined when all are usable. Refuses empty patterns, absolute paths, `..`, backslash
 * separators, unbalanced `[`, `{` or `(`, and character ranges that cannot compile.
 */
function validateGlobs(globs) {
    for (const glob of globs) {
        const quoted = JSON.stringify(glob);
        if (glob.trim() === '' || glob.trim() === '!')
            return 'a glob is empty; write one glob a line, e.g. .github/workflows/**.';
        if (glob !== glob.trim())
            return `the glob ${quoted} has spaces around it; remove them.`;
        const pattern = isExclusion(glob) ? glob.slice(1) : glob;
        if (/^(?:[/\\~]|[A-Za-z]:[/\\])/.test(pattern)) {
            return `the glob ${quoted} is an absolute path; globs are relative to the repository root, e.g. .github/workflows/**.`;
        }
        if (pattern.split('/').includes('..'))
            return `the glob ${quoted} leaves the repository with ".."; globs are relative to its root.`;
        if (/\\(?![*?[\]{}()!+@,\\ ])/.test(pattern)) {
            return `the glob ${quoted} has a backslash; separate folders with "/" (a backslash only escapes a glob character).`;
        }
        try {
            picomatch__WEBPACK_IMPORTED_MODULE_2___default().makeRe(pattern, STRICT);
            if (hasStrayClosingBrace(pattern))
                return `the glob ${quoted} is malformed: a "}" has no opening "{" (write "\\}" to match it literally).`;
        }
        catch (error) {
            return `the glob ${quoted} is malformed: ${error instanceof Error ? error.message : String(error)}.`;
        }
    }
    if (globs.length > 0 && globs.every(isExclusion)) {
        return 'every glob is an exclusion ("!..."); list at least one path to protect, then the exceptions.';
    }
    return undefined;
}
/** The path and every folder above it, so a glob naming a folder protects all inside it. */
function pathAndFolders(path) {
    const parts = path.split('/');
    return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}
/**
 * Compiles protected globs into a lookup: the glob protecting a path, or undefined. A path is
 * protected when it, or a folder above it, matches a glob and no `!` exclusion (like .gitignore).
 */
function compileProtectedPaths(globs) {
    const problem = validateGlobs(globs);
    if (problem)
        throw new Error(`Protected paths: ${problem}`);
    const include = globs.filter((glob) => !isExclusion(glob)).map((glob) => ({ glob, test: picomatch__WEBPACK_IMPORTED_MODULE_2___default()(glob, { dot: true }) }));
    const exclude = globs.filter(isExclusion).map((glob) => picomatch__WEBPACK_IMPORTED_MODULE_2___default()(glob.slice(1), { dot: true }));
    return (path) => {
        const candidates = pathAndFolders(path);
        if (exclude.some((test) => candidates.some((candidate) => test(candidate))))
            return undefined;
        return include.find(({ test }) => candidates.some((candidate) => test(candidate)))?.glob;
    };
}
/** Every path the change touches, from its path list and its patch (which also shows renames). */
function touchedPaths(change) {
    const touched = new Map();
    for (const { path, status } of change.paths)
        touched.set(path, status);
    for (const file of (0,_unified_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .parsePatch */ .i)(change.reviewPatch ?? change.patch)) {
        if (file.status === 'renamed') {
            if (file.oldPath)
                touched.set(file.oldPath, 'renamed away');
            if (file.newPath)
                touched.set(file.newPath, 'renamed here');
        }
        else if (file.status === 'copied') {
            if (file.newPath && !touched.has(file.newPath))
                touched.set(file.newPath, 'copied here');
        }
        else {
            const path = file.newPath ?? file.oldPath;
            if (path && !touched.has(path))
                touched.set(path, file.status);
        }
    }
    return [...touched].map(([path, touch]) => ({ path, touch }));
}
/** The changed paths that the globs protect, each with the glob that matched (pure). */
function findProtectedPaths(change, globs) {
    return findHits(change, compileProtectedPaths(globs));
}
function findHits(change, protectedBy) {
    const hits = [];
    for (const { path, touch } of touchedPaths(change)) {
        const glob = protectedBy(path);
        if (glob !== undefined)
            hits.push({ path, glob, touch });
    }
    return hits;
}
/** The feedback the agent reads when the policy fails. */
function describeProtectedHits(hits) {
    return [
        'This change touches protected paths, which the agent must not change:',
        ...hits.map((hit) => `- ${hit.path} (${hit.touch}), protected by ${hit.glob}`),
        'What to do: revert those files to how they were (delete the ones you added, restore the ones you ' +
            'changed or removed) and solve the task without them; if the task needs them changed, a person must do it.'
    ].join('\n');
}
/**
 * The "protected paths" policy, a gate step that fails when the change touches a protected path.
 * An empty list means the default (the workflows). Throws on a malformed glob: inputs are
 * validated with `validateGlobs` before this is built.
 */
function createProtectedPathsPolicy(globs = DEFAULT_PROTECTED_PATHS) {
    const effective = globs.length > 0 ? [...globs] : [...DEFAULT_PROTECTED_PATHS];
    const protectedBy = compileProtectedPaths(effective);
    return (0,_policy_step_js__WEBPACK_IMPORTED_MODULE_1__/* .definePolicy */ .s)({
        name: PROTECTED_PATHS_POLICY_NAME,
        find: (change) => findHits(change, protectedBy),
        passed: `No protected path changed (protected: ${effective.join(', ')}).`,
        describe: describeProtectedHits
    });
}


/***/ }),

/***/ 64102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DR: () => (/* binding */ BundleProposer),
/* harmony export */   Ve: () => (/* binding */ describeTask),
/* harmony export */   Zr: () => (/* binding */ protectedAmong),
/* harmony export */   _x: () => (/* binding */ tryReadChangeBundle),
/* harmony export */   eu: () => (/* binding */ verifyChangeBundle),
/* harmony export */   g_: () => (/* binding */ BUNDLE_DIGEST),
/* harmony export */   h1: () => (/* binding */ MANIFEST_FILE),
/* harmony export */   i1: () => (/* binding */ pathDifferences),
/* harmony export */   mO: () => (/* binding */ PATCH_FILE)
/* harmony export */ });
/* unused harmony exports BUNDLE_FORMAT, BUNDLE_VERSION, DEFAULT_BUNDLE_LIMITS, PROPOSE_VERDICTS, patchDigest, bundleDigest, branchForTask, writeChangeBundle */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_protected_paths_policy_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(29131);
/* harmony import */ var _core_naming_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92607);
/* harmony import */ var _core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7100);
/* harmony import */ var _core_usage_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(14528);
/**
 * The change bundle of two-job mode: how a green change leaves the job that ran the agent (which
 * holds no write token) for the job that publishes it (which runs no agent and no repository code).
 *
 * A bundle is a directory with two regular files: `change.patch`, the exact `git diff --binary` of
 * the change against the base commit, and `manifest.json`, which says what it is for (task, base,
 * branch, PR title and body, attempts, gate results) and carries the patch's SHA-256.
 *
 * Everything in a bundle is untrusted when it is read back: the agent's job wrote it, and code the
 * agent wrote ran in that job. Reading checks sizes, file types, the manifest's shape and the
 * patch's checksum; verifying checks it against what the publishing job itself knows (repository,
 * task, branch naming, protected paths). The publisher then applies the patch with git and checks
 * git's own reading of it again, and that it makes the very tree the gate judged.
 *
 * The checksum in the manifest only catches damage: whoever rewrites the patch rewrites it too. What
 * binds the bundle to the gate's verdict is the {@link bundleDigest}: the propose job's action
 * process computes it over the bytes it writes (the manifest, which names the tree the gate judged,
 * and the patch, both from memory, never read back from disk) and emits it as the step output
 * `bundle-digest`; the workflow hands it to the publish job as an input through
 * `needs.<job>.outputs`, a channel no agent code can write; the publisher refuses any bundle whose
 * digest differs. Nothing here talks to GitHub or runs git.
 */







/** The manifest's `format` value: a bundle says what it is. */
const BUNDLE_FORMAT = 'gated-agent-change-bundle';
/** The manifest version this code writes and reads. */
const BUNDLE_VERSION = 1;
/** The manifest's file name inside the bundle directory. */
const MANIFEST_FILE = 'manifest.json';
/** The patch's file name inside the bundle directory. */
const PATCH_FILE = 'change.patch';
/**
 * Generous for a reviewed change, small enough to keep a forged bundle from exhausting the
 * publishing job: a change an agent made and a person will read is far below these.
 */
const DEFAULT_BUNDLE_LIMITS = { maxPatchBytes: 20 * 1024 * 1024, maxManifestBytes: 1024 * 1024, maxPaths: 5000 };
/**
 * How the propose job ended. Only `proposed` (the gate passed, the policies were clean) is ever
 * published; the others travel only in best of N, so that the publish job can list a candidate
 * that did not reach green and keep its patch.
 */
const PROPOSE_VERDICTS = ['proposed', 'gave-up', 'no-change', 'agent-failed', 'rejected', 'not-reproduced'];
/** At most this many failing steps travel in a manifest. */
const MAX_FAILING_STEPS = 20;
// Gate output is what the agent's code printed: it does not travel. The rest is bounded so that
// a forged manifest cannot make the publisher render megabytes.
const MAX_TITLE = 1000;
const MAX_BODY = 65_536;
const MAX_ATTEMPTS = 100;
const MAX_STEPS = 200;
const MAX_STEP_NAME = 2000;
const MAX_PATH = 4096;
/** The hex SHA-256 of the patch bytes, as the manifest records it. */
function patchDigest(patch) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(patch).digest('hex');
}
/** How a {@link bundleDigest} is written: `sha256:` and 64 hex digits. */
const BUNDLE_DIGEST = /^sha256:[0-9a-f]{64}$/;
/**
 * The digest binding a bundle to the gate's verdict: SHA-256 over a domain label, the manifest's
 * exact bytes and the patch's exact bytes, each preceded by its length (so no byte can move from
 * one to the other). See the module comment for how it travels.
 */
function bundleDigest(manifestBytes, patch) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update('gated-agent-change-bundle-digest/1\0');
    for (const part of [manifestBytes, patch])
        hash.update(`${part.length}\0`).update(part);
    return `sha256:${hash.digest('hex')}`;
}
/** The branch a task's change is pushed to: `<prefix>issue-<n>` or `<prefix>heal/<branch>`. */
function branchForTask(task, branchPrefix) {
    return task.kind === 'issue' ? (0,_core_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .issueBranchName */ .pp)(branchPrefix, task.number) : (0,_core_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .healBranchName */ .gB)(branchPrefix, task.branch);
}
/**
 * Writes a bundle into `dir` (created when missing; an earlier bundle there is replaced). The
 * manifest is written last, so a directory with a manifest holds a whole bundle.
 */
async function writeChangeBundle(dir, content, patch, now = new Date()) {
    const manifest = {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        ...content,
        attempts: content.attempts.map(portableAttempt),
        lastGate: portableGate(content.lastGate),
        patch: { file: PATCH_FILE, sha256: patchDigest(patch), bytes: patch.length },
        createdAt: now.toISOString()
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(dir, { recursive: true });
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, MANIFEST_FILE), { force: true });
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, PATCH_FILE), patch);
    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, MANIFEST_FILE), manifestBytes);
    // From the bytes in memory: whatever is on disk by the time anyone reads it is compared to this.
    return { dir, manifest, patch, digest: bundleDigest(manifestBytes, patch) };
}
/**
 * Reads a bundle back: both files must be regular files (not links) within the size limits, the
 * manifest well-formed, and the patch exactly the bytes its digest names.
 */
async function tryReadChangeBundle(dir, limits = DEFAULT_BUNDLE_LIMITS) {
    const refused = (...problems) => ({ kind: 'refused', problems });
    const info = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) {
        return refused(`There is no change bundle at ${dir}: it is not a directory. Give bundle-path the directory the propose job wrote (its bundle-path output, downloaded from its artifact).`);
    }
    const manifestFile = await tryReadRegularFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, MANIFEST_FILE), limits.maxManifestBytes);
    if (manifestFile.kind !== 'read')
        return refused(`The bundle's ${MANIFEST_FILE} ${manifestFile.problem}`);
    let json;
    try {
        json = JSON.parse(manifestFile.bytes.toString('utf8'));
    }
    catch (error) {
        return refused(`The bundle's ${MANIFEST_FILE} is not JSON: ${error.message}`);
    }
    let manifest;
    try {
        manifest = readManifest(json, limits);
    }
    catch (error) {
        if (error instanceof ShapeError)
            return refused(`The bundle's ${MANIFEST_FILE} is malformed: ${error.message}.`);
        throw error;
    }
    const patchFile = await tryReadRegularFile(node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, PATCH_FILE), limits.maxPatchBytes);
    if (patchFile.kind !== 'read')
        return refused(`The bundle's ${PATCH_FILE} ${patchFile.problem}`);
    const patch = patchFile.bytes;
    const digest = patchDigest(patch);
    if (digest !== manifest.patch.sha256 || patch.length !== manifest.patch.bytes) {
        return refused(`The bundle's patch does not match its digest: the manifest records ${manifest.patch.bytes} bytes with SHA-256 ${manifest.patch.sha256}, ` +
            `the file has ${patch.length} bytes with SHA-256 ${digest}. It was changed after the propose job wrote it, so it is not published.`);
    }
    return { kind: 'read', bundle: { dir, manifest, patch, digest: bundleDigest(manifestFile.bytes, patch) } };
}
/**
 * Holds a bundle against what the publishing job knows: the repository, the task the event names,
 * the branch the task implies, the base branch it pins, and its own protected paths, checked on
 * both the manifest's paths and the patch's own file headers.
 */
function verifyChangeBundle(bundle, expected) {
    const { manifest } = bundle;
    const problems = [];
    if (manifest.repository.toLowerCase() !== expected.repository.toLowerCase()) {
        problems.push(`The bundle is for ${manifest.repository}, but this job runs for ${expected.repository}.`);
    }
    const task = manifest.task;
    if (expected.task?.kind === 'issue' && (task.kind !== 'issue' || task.number !== expected.task.number)) {
        problems.push(`The bundle is for ${describeTask(task)}, but the event that started this run is for issue #${expected.task.number}.`);
    }
    if (expected.task?.kind === 'run' && (task.kind !== 'run' || task.id !== expected.task.id)) {
        problems.push(`The bundle is for ${describeTask(task)}, but the event that started this run is for workflow run ${expected.task.id}.`);
    }
    const branch = branchForTask(task, expected.branchPrefix);
    if (manifest.branch !== branch) {
        problems.push(`The bundle would push to "${manifest.branch}", but ${describeTask(task)} with branch-prefix "${expected.branchPrefix}" is proposed on "${branch}".`);
    }
    if (task.kind === 'run' && manifest.base.branch !== task.branch) {
        problems.push(`The bundle heals ${task.branch} but targets the base branch "${manifest.base.branch}".`);
    }
    if (expected.baseBranch !== undefined && task.kind === 'issue' && manifest.base.branch !== expected.baseBranch) {
        problems.push(`The bundle targets the base branch "${manifest.base.branch}", but this job's base-branch is "${expected.baseBranch}".`);
    }
    const hits = protectedHits(bundle, expected.protectedPaths);
    if (hits.length > 0) {
        problems.push(`The bundle changes protected paths: ${hits.map((h) => `${h.path} (${h.touch}, protected by ${h.glob})`).join('; ')}.`);
    }
    return problems.length === 0 ? { kind: 'verified' } : { kind: 'refused', problems };
}
/** The protected paths among `paths` (git's reading of the applied patch, in the publisher). */
function protectedAmong(paths, protectedPaths) {
    return (0,_core_protected_paths_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .findProtectedPaths */ .UP)({ paths: [...paths], patch: '' }, effectiveGlobs(protectedPaths));
}
/** Paths the two lists disagree on: in one and not the other, or with another status. */
function pathDifferences(claimed, actual) {
    const claimedBy = new Map(claimed.map((p) => [p.path, p.status]));
    const actualBy = new Map(actual.map((p) => [p.path, p.status]));
    const differences = [];
    for (const [file, status] of actualBy) {
        if (!claimedBy.has(file))
            differences.push(`${file} (${status}) is changed by the patch but not listed in the manifest`);
        else if (claimedBy.get(file) !== status)
            differences.push(`${file} is ${status} by the patch but listed as ${claimedBy.get(file)}`);
    }
    for (const [file, status] of claimedBy) {
        if (!actualBy.has(file))
            differences.push(`${file} (${status}) is listed in the manifest but not changed by the patch`);
    }
    return differences;
}
/** A task in words: `issue #12`, `workflow run 555 on main`. */
function describeTask(task) {
    return task.kind === 'issue' ? `issue #${task.number}` : `workflow run ${task.id} on ${task.branch}`;
}
/**
 * The proposer of `stage: propose`: a green change becomes a bundle on disk. It pushes nothing and
 * makes no request; the publish job delivers the bundle.
 */
class BundleProposer {
    options;
    written;
    constructor(options) {
        this.options = options;
    }
    /** Writes the bundle from the judged change's exact bytes (not the decoded text, not the patch file). */
    async propose(proposal) {
        const { dir, repository, task, baseBranch, branch, title, runUrl } = this.options;
        const judged = await this.options.judged(proposal);
        if (!judged)
            throw new Error('The change the gate judged is not known to the workspace, so no bundle is written.');
        const { patch, tree } = judged;
        const bundle = await writeChangeBundle(dir, {
            repository,
            job: proposal.job,
            task,
            base: { sha: this.options.baseSha(), branch: baseBranch },
            branch,
            title,
            body: this.options.body(proposal),
            attempts: proposal.attempts,
            lastGate: proposal.lastGate,
            paths: proposal.change.paths,
            tree,
            runUrl,
            ...this.summary('proposed', proposal.attempts, patch)
        }, patch);
        this.written = bundle;
        const files = proposal.change.paths.length;
        return {
            branch,
            notes: [
                `Wrote the change bundle to ${dir}: ${files} file${files === 1 ? '' : 's'} against ${bundle.manifest.base.sha.slice(0, 12)}, digest ${bundle.digest} (output bundle-digest: pass it to the publish job).`,
                `Nothing was pushed: the publish job (stage: publish) verifies the bundle, pushes ${branch} and opens the draft pull request into ${baseBranch}.`
            ]
        };
    }
    /**
     * Best of N: a propose job that did not reach green still leaves a bundle, so that the publish
     * job can list it and keep its patch (the last attempt's change, empty when there was none). It
     * is never published: its verdict says the gate did not pass, and it names no judged tree.
     */
    async keepUnproposed(ended, patch) {
        const { dir, repository, task, baseBranch, branch, title, runUrl } = this.options;
        const bundle = await writeChangeBundle(dir, {
            repository,
            job: task.kind === 'issue' ? 'issue-to-pr' : 'self-heal',
            task,
            base: { sha: this.options.baseSha(), branch: baseBranch },
            branch,
            title,
            body: '',
            attempts: ended.attempts,
            lastGate: ended.lastGate ?? { ok: false, durationMs: 0, steps: [] },
            paths: [],
            tree: '',
            runUrl,
            ...this.summary(ended.verdict, ended.attempts, patch)
        }, patch);
        this.written = bundle;
        return bundle;
    }
    /** The bundle the last proposal wrote, if any. */
    bundle() {
        return this.written;
    }
    /** What best of N compares, recorded when a candidate is named. */
    summary(verdict, attempts, patch) {
        if (this.options.candidate === undefined)
            return {};
        const usage = (0,_core_usage_js__WEBPACK_IMPORTED_MODULE_6__/* .totalUsage */ .GG)(attempts.filter((a) => a.number > 0))?.usage ?? {};
        return { candidate: this.options.candidate, verdict, changedLines: (0,_core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_5__/* .countChangedLines */ .VB)(patch.toString('utf8')), usage };
    }
}
function effectiveGlobs(globs) {
    return globs.length > 0 ? globs : _core_protected_paths_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_PROTECTED_PATHS */ .YX;
}
/** Protected paths the manifest lists or the patch's headers name (renames and copies included). */
function protectedHits(bundle, protectedPaths) {
    const change = { paths: bundle.manifest.paths, patch: bundle.patch.toString('utf8') };
    return (0,_core_protected_paths_policy_js__WEBPACK_IMPORTED_MODULE_3__/* .findProtectedPaths */ .UP)(change, effectiveGlobs(protectedPaths));
}
/** Gate output stays in the job that produced it; the rest of an attempt travels. */
function portableAttempt(attempt) {
    const agent = { exitCode: attempt.agent.exitCode, durationMs: attempt.agent.durationMs, timedOut: attempt.agent.timedOut };
    if (attempt.agent.usage)
        agent.usage = { ...attempt.agent.usage };
    return { number: attempt.number, agent, ...(attempt.gate ? { gate: portableGate(attempt.gate) } : {}) };
}
function portableGate(gate) {
    return { ok: gate.ok, durationMs: gate.durationMs, steps: gate.steps.map((step) => ({ ...step, tail: '' })) };
}
/** Reads a regular file of at most `maxBytes`; a link, a directory or a bigger file is a problem. */
async function tryReadRegularFile(file, maxBytes) {
    const info = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.lstat(file).catch(() => undefined);
    if (info === undefined)
        return { kind: 'bad', problem: 'is missing.' };
    // A link could point the publisher at any file on its runner (a credential file, say).
    if (!info.isFile())
        return { kind: 'bad', problem: `is not a regular file (${info.isSymbolicLink() ? 'a symbolic link' : 'a directory or device'}).` };
    if (info.size > maxBytes)
        return { kind: 'bad', problem: `is ${info.size} bytes, over the limit of ${maxBytes}.` };
    const bytes = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(file);
    if (bytes.length > maxBytes)
        return { kind: 'bad', problem: `is over the limit of ${maxBytes} bytes.` };
    return { kind: 'read', bytes };
}
// ---------------------------------------------------------------------------------------------
// The manifest's shape, checked field by field into a fresh object (unknown fields are dropped).
class ShapeError extends Error {
}
function shape(condition, where, what) {
    if (!condition)
        throw new ShapeError(`${where} ${what}`);
}
function record(value, where) {
    shape(typeof value === 'object' && value !== null && !Array.isArray(value), where, 'must be an object');
    return value;
}
function list(value, where, max) {
    shape(Array.isArray(value), where, 'must be an array');
    shape(value.length <= max, where, `has ${value.length} entries, over the limit of ${max}`);
    return value;
}
function text(value, where, max) {
    shape(typeof value === 'string', where, 'must be a string');
    shape(value.length <= max, where, `is ${value.length} characters, over the limit of ${max}`);
    return value;
}
function whole(value, where, min = 0) {
    shape(typeof value === 'number' && Number.isSafeInteger(value) && value >= min, where, `must be a whole number of at least ${min}`);
    return value;
}
function amount(value, where) {
    shape(typeof value === 'number' && Number.isFinite(value) && value >= 0, where, 'must be a number of at least 0');
    return value;
}
function flag(value, where) {
    shape(typeof value === 'boolean', where, 'must be true or false');
    return value;
}
function exitCode(value, where) {
    if (value === null)
        return null;
    shape(typeof value === 'number' && Number.isSafeInteger(value), where, 'must be a whole number or null');
    return value;
}
function oneOf(value, where, choices) {
    shape(typeof value === 'string' && choices.includes(value), where, `must be one of ${choices.join(', ')}`);
    return value;
}
/** A branch name as far as it can be told without git: git's own check runs before any push. */
function branchName(value, where) {
    const name = text(value, where, 255);
    const ok = /^[A-Za-z0-9._/-]+$/.test(name) &&
        !name.startsWith('-') &&
        !name.startsWith('/') &&
        !name.endsWith('/') &&
        !name.includes('..') &&
        !name.includes('//');
    shape(ok, where, `is not a branch name: ${JSON.stringify(name)}`);
    return name;
}
function repoPath(value, where) {
    const file = text(value, where, MAX_PATH);
    const parts = file.split('/');
    const ok = file !== '' && !file.includes('\0') && !file.startsWith('/') && !parts.includes('..') && !parts.includes('.') && !parts.includes('');
    shape(ok, where, `is not a path inside the repository: ${JSON.stringify(file)}`);
    return file;
}
function readManifest(value, limits) {
    const m = record(value, 'the manifest');
    shape(m.format === BUNDLE_FORMAT, 'format', `must be "${BUNDLE_FORMAT}"`);
    shape(m.version === BUNDLE_VERSION, 'version', `must be ${BUNDLE_VERSION} (this version of Gated Agent reads version ${BUNDLE_VERSION}; use the same version in both jobs)`);
    const repository = text(m.repository, 'repository', 200);
    shape(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository), 'repository', 'must be owner/name');
    const job = oneOf(m.job, 'job', ['issue-to-pr', 'self-heal']);
    const task = readTask(m.task);
    shape((job === 'issue-to-pr') === (task.kind === 'issue'), 'task', `does not fit the job ${job}`);
    const base = record(m.base, 'base');
    const baseSha = text(base.sha, 'base.sha', 64);
    shape((0,_core_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .isCommitId */ .jh)(baseSha), 'base.sha', 'must be a full commit id');
    const patch = record(m.patch, 'patch');
    shape(patch.file === PATCH_FILE, 'patch.file', `must be "${PATCH_FILE}"`);
    const sha256 = text(patch.sha256, 'patch.sha256', 64);
    shape(/^[0-9a-f]{64}$/.test(sha256), 'patch.sha256', 'must be a hex SHA-256');
    const paths = list(m.paths, 'paths', limits.maxPaths).map((entry, i) => {
        const p = record(entry, `paths[${i}]`);
        return {
            path: repoPath(p.path, `paths[${i}].path`),
            status: oneOf(p.status, `paths[${i}].status`, ['added', 'modified', 'deleted'])
        };
    });
    // Only a bundle of a propose job whose gate passed is judged; best of N also carries the others.
    const verdict = m.verdict === undefined ? undefined : oneOf(m.verdict, 'verdict', PROPOSE_VERDICTS);
    const judged = verdict === undefined || verdict === 'proposed';
    if (judged)
        shape(paths.length > 0, 'paths', 'must list at least one changed path');
    const tree = text(m.tree, 'tree', 64);
    if (judged || tree !== '')
        shape((0,_core_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .isCommitId */ .jh)(tree), 'tree', 'must be a full tree id (an object id, as a commit id is)');
    shape(new Set(paths.map((p) => p.path)).size === paths.length, 'paths', 'lists a path twice');
    const manifest = {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        repository,
        job,
        task,
        base: { sha: baseSha, branch: branchName(base.branch, 'base.branch') },
        branch: branchName(m.branch, 'branch'),
        title: text(m.title, 'title', MAX_TITLE),
        body: text(m.body, 'body', MAX_BODY),
        attempts: list(m.attempts, 'attempts', MAX_ATTEMPTS).map((a, i) => readAttempt(a, `attempts[${i}]`)),
        lastGate: readGate(m.lastGate, 'lastGate'),
        paths,
        tree,
        patch: { file: PATCH_FILE, sha256, bytes: whole(patch.bytes, 'patch.bytes', judged ? 1 : 0) },
        createdAt: text(m.createdAt, 'createdAt', 64)
    };
    if (judged) {
        shape(manifest.attempts.length > 0, 'attempts', 'must hold at least one attempt');
        shape(manifest.lastGate.ok, 'lastGate.ok', 'must be true: only a green change is proposed');
    }
    if (m.runUrl !== undefined)
        manifest.runUrl = text(m.runUrl, 'runUrl', 2000);
    if (verdict !== undefined)
        manifest.verdict = verdict;
    if (m.candidate !== undefined) {
        const candidate = text(m.candidate, 'candidate', 64);
        shape(_core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_5__/* .CANDIDATE_LABEL */ .tZ.test(candidate), 'candidate', 'must be a label of letters, digits, - and _');
        manifest.candidate = candidate;
    }
    if (m.changedLines !== undefined)
        manifest.changedLines = whole(m.changedLines, 'changedLines');
    if (m.usage !== undefined)
        manifest.usage = readUsage(m.usage, 'usage');
    return manifest;
}
function readTask(value) {
    const t = record(value, 'task');
    const kind = oneOf(t.kind, 'task.kind', ['issue', 'run']);
    if (kind === 'issue')
        return { kind, number: whole(t.number, 'task.number', 1) };
    const task = { kind, id: whole(t.id, 'task.id', 1), branch: branchName(t.branch, 'task.branch') };
    if (t.failingSteps !== undefined) {
        shape(Array.isArray(t.failingSteps) && t.failingSteps.length <= MAX_FAILING_STEPS, 'task.failingSteps', `must be a list of at most ${MAX_FAILING_STEPS} steps`);
        task.failingSteps = t.failingSteps.map((value, i) => {
            const f = record(value, `task.failingSteps[${i}]`);
            const job = text(f.job, `task.failingSteps[${i}].job`, 200);
            return f.step === undefined ? { job } : { job, step: text(f.step, `task.failingSteps[${i}].step`, 200) };
        });
    }
    return task;
}
function readAttempt(value, where) {
    const a = record(value, where);
    const agentFields = record(a.agent, `${where}.agent`);
    const agent = {
        exitCode: exitCode(agentFields.exitCode, `${where}.agent.exitCode`),
        durationMs: amount(agentFields.durationMs, `${where}.agent.durationMs`),
        timedOut: flag(agentFields.timedOut, `${where}.agent.timedOut`)
    };
    if (agentFields.usage !== undefined)
        agent.usage = readUsage(agentFields.usage, `${where}.agent.usage`);
    const attempt = { number: whole(a.number, `${where}.number`), agent };
    if (a.gate !== undefined)
        attempt.gate = readGate(a.gate, `${where}.gate`);
    return attempt;
}
function readUsage(value, where) {
    const u = record(value, where);
    const usage = {};
    if (u.inputTokens !== undefined)
        usage.inputTokens = amount(u.inputTokens, `${where}.inputTokens`);
    if (u.outputTokens !== undefined)
        usage.outputTokens = amount(u.outputTokens, `${where}.outputTokens`);
    if (u.costUsd !== undefined)
        usage.costUsd = amount(u.costUsd, `${where}.costUsd`);
    if (u.approximate !== undefined)
        usage.approximate = flag(u.approximate, `${where}.approximate`);
    return usage;
}
function readGate(value, where) {
    const g = record(value, where);
    return {
        ok: flag(g.ok, `${where}.ok`),
        durationMs: amount(g.durationMs, `${where}.durationMs`),
        steps: list(g.steps, `${where}.steps`, MAX_STEPS).map((s, i) => readStep(s, `${where}.steps[${i}]`))
    };
}
function readStep(value, where) {
    const s = record(value, where);
    const step = {
        name: text(s.name, `${where}.name`, MAX_STEP_NAME),
        exitCode: exitCode(s.exitCode, `${where}.exitCode`),
        ok: flag(s.ok, `${where}.ok`),
        durationMs: amount(s.durationMs, `${where}.durationMs`),
        tail: '',
        timedOut: flag(s.timedOut, `${where}.timedOut`),
        missingTool: flag(s.missingTool, `${where}.missingTool`)
    };
    if (s.policy !== undefined)
        step.policy = flag(s.policy, `${where}.policy`);
    return step;
}


/***/ })

};
;