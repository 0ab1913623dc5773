"use strict";
exports.id = 392;
exports.ids = [392];
exports.modules = {

/***/ 39392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPublishBest: () => (/* binding */ runPublishBest)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31658);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74001);
/* harmony import */ var _core_naming_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(92607);
/* harmony import */ var _core_usage_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(14528);
/* harmony import */ var _core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7100);
/* harmony import */ var _github_progress_comment_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(46396);
/* harmony import */ var _runtime_git_git_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(719);
/* harmony import */ var _runtime_git_git_workspace_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(87377);
/* harmony import */ var _runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(64102);
/* harmony import */ var _runtime_test_switches_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9891);













/**
 * `stage: publish` over several bundles: best of N. A matrix of propose jobs (one agent each, no
 * write token) each hands over a bundle, as `actions/download-artifact` lays them out with a
 * `pattern` and without `merge-multiple`: one sub-directory per artifact under `bundle-path`.
 * (A lone artifact matching the pattern is extracted straight into the path: that is one bundle.)
 * `bundle-digest` lists one `<candidate>=<digest>` line per propose job, each digest carried by a
 * job output of its own (a matrix's legs overwrite an output they share: docs/two-job-mode.md).
 *
 * Every bundle gets every check the single-bundle publish makes (its digest against its own
 * candidate's line, the manifest, the task, the branch, protected paths, the patch applied with
 * git to the very tree its gate judged); one that fails is listed as refused and never chosen,
 * and the others still compete. The choice is src/core/candidate-choice.ts. The chosen change is
 * pushed and one draft PR opened or updated, its body with a table of every candidate; with none
 * green, nothing is pushed and the summary shows the table and where each patch is kept.
 */
/** More bundles than this in one directory is not a matrix of agents: refused before any is read. */
const MAX_CANDIDATES = 50;
async function runPublishBest(settings, context, options = {}) {
    const { log, api, eventTask } = (0,_publish_js__WEBPACK_IMPORTED_MODULE_4__.publishSetup)(settings, context, options);
    const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(context.workspace, settings.bundlePath ?? '');
    const issueNumber = eventTask?.kind === 'issue' ? eventTask.number : undefined;
    const off = (0,_runtime_test_switches_js__WEBPACK_IMPORTED_MODULE_10__/* .protectionsOff */ .Af)();
    const digests = new Map((settings.bundleDigests ?? []).map((line) => [line.candidate, line.digest]));
    const listing = await node_fs__WEBPACK_IMPORTED_MODULE_0__.promises.readdir(root, { withFileTypes: true }).catch(() => undefined);
    // download-artifact extracts a lone match straight into its path (no sub-directory): one bundle.
    const flat = (listing ?? []).some((entry) => entry.name === _runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_9__/* .MANIFEST_FILE */ .h1);
    const names = flat
        ? [node_path__WEBPACK_IMPORTED_MODULE_1___default().basename(root)]
        : (listing ?? [])
            .filter((entry) => entry.isDirectory())
            .map((entry) => entry.name)
            .sort();
    if (!listing || names.length === 0 || names.length > MAX_CANDIDATES) {
        const why = !listing
            ? 'it is not a directory'
            : names.length === 0
                ? 'it holds no bundle directories'
                : `it holds ${names.length} directories, over the limit of ${MAX_CANDIDATES} candidates`;
        return whole('rejected', `Refused to publish: there are no candidate bundles at ${root} (${why}). With bundle-digest given as <candidate>=<digest> lines (best of N), bundle-path is the directory actions/download-artifact fills with a pattern and without merge-multiple: one sub-directory per propose job's artifact.`);
    }
    const git = (0,_runtime_git_git_js__WEBPACK_IMPORTED_MODULE_7__/* .createGitRunner */ .ho)(context.workspace, process.env, { frozenConfig: await (0,_runtime_git_git_js__WEBPACK_IMPORTED_MODULE_7__/* .readFrozenGitConfig */ .lf)(context.workspace) });
    const workspace = new _runtime_git_git_workspace_js__WEBPACK_IMPORTED_MODULE_8__/* .GitWorkspace */ .AX({
        git,
        dir: context.workspace,
        patchDir: node_path__WEBPACK_IMPORTED_MODULE_1___default().join(context.runnerTemp || node_os__WEBPACK_IMPORTED_MODULE_2___default().tmpdir(), 'gated-agent-publish')
    });
    const expected = (0,_publish_js__WEBPACK_IMPORTED_MODULE_4__.bundleExpectations)(settings, context, eventTask);
    try {
        const originUrl = await workspace.remoteUrl('origin');
        const entries = [];
        const taken = new Set();
        for (const name of names) {
            const entry = await judge(flat ? root : node_path__WEBPACK_IMPORTED_MODULE_1___default().join(root, name), name);
            entries.push(entry);
            if (entry.problems.length > 0)
                log.warning(`Candidate bundle ${entry.dir} is refused: ${entry.problems.join(' ')}`);
        }
        // A candidate the workflow names whose bundle is not there (its job crashed or was cancelled).
        for (const label of digests.keys()) {
            if (!entries.some((e) => e.facts.name === label)) {
                entries.push({ dir: '', problems: [], facts: { name: label, verdict: _core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_6__/* .NO_BUNDLE */ .bE, green: false, changedLines: 0, agentRuns: 0 } });
            }
        }
        const choice = (0,_core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_6__/* .chooseCandidate */ .J2)(entries.map((e) => e.facts));
        const table = (0,_core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_6__/* .candidateTable */ .Qi)(choice);
        const details = detailLines(entries);
        log.info(`Best of ${entries.length}:\n${table}`);
        // Labels are unique among the bundles that got this far, and only those can be green.
        const winner = entries.find((e) => e.facts.green && e.facts.name === choice.winner?.name);
        if (!winner?.bundle)
            return await noneGreen(entries, table, details);
        const { bundle } = winner;
        const title = (0,_publish_js__WEBPACK_IMPORTED_MODULE_4__.publishedTitle)(bundle.manifest);
        // Every green candidate was committed to check it; the branch is set to the chosen one's now.
        const committed = await workspace.tryCommitPatch({
            base: bundle.manifest.base.sha,
            patch: bundle.patch,
            branch: bundle.manifest.branch,
            message: title,
            author: _core_naming_js__WEBPACK_IMPORTED_MODULE_5__/* .BOT_AUTHOR */ .G2.action
        });
        if (committed.kind !== 'committed')
            throw new Error(`The chosen bundle no longer applies to its base: ${committed.message}`);
        log.info(`Chose candidate ${winner.facts.name} and committed it as ${committed.sha} on ${committed.branch}.`);
        return await (0,_publish_js__WEBPACK_IMPORTED_MODULE_4__.deliver)({
            settings,
            context,
            api,
            log,
            workspace,
            bundle,
            title,
            commit: committed,
            originUrl,
            best: { candidate: winner.facts.name, table, details }
        });
        /** Reads and verifies one candidate's bundle, the way the single-bundle publish does. */
        async function judge(dir, name) {
            const refused = (label, problems) => ({
                dir,
                problems,
                facts: { name: label, verdict: 'refused', green: false, refusal: problems.join(' '), changedLines: 0, agentRuns: 0 }
            });
            const read = await (0,_runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_9__/* .tryReadChangeBundle */ ._x)(dir);
            if (read.kind === 'refused')
                return refused(name, read.problems);
            const { bundle } = read;
            const { manifest } = bundle;
            const label = manifest.candidate;
            if (label === undefined) {
                return refused(name, [
                    'The bundle names no candidate: each propose job of a matrix sets the input candidate (such as ${{ matrix.agent }}).'
                ]);
            }
            if (!digests.has(label)) {
                return refused(label, [
                    `No digest was given for candidate ${label}: input bundle-digest lists ${[...digests.keys()].join(', ')}. Add a ${label}=<digest> line from its propose job's output.`
                ]);
            }
            const digest = digests.get(label);
            if (digest === undefined && !off.has('bundle-digest')) {
                return refused(label, [
                    `The propose job of candidate ${label} emitted no digest (its line in bundle-digest is empty), so its bundle cannot be bound to what its gate judged.`
                ]);
            }
            if (bundle.digest !== digest && !off.has('bundle-digest')) {
                return refused(label, [
                    `The bundle's digest is ${bundle.digest}, but the propose job of candidate ${label} emitted ${digest} (input bundle-digest): ` +
                        "it was changed after the gate judged it, or it is another run's bundle, so it is not published."
                ]);
            }
            if (taken.has(label))
                return refused(label, [`Another bundle of candidate ${label} was read already; each candidate competes once.`]);
            taken.add(label);
            const verdict = (0,_runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_9__/* .verifyChangeBundle */ .eu)(bundle, expected);
            if (verdict.kind === 'refused')
                return refused(label, verdict.problems);
            const runs = manifest.attempts.filter((a) => a.number > 0);
            const facts = {
                name: label,
                verdict: manifest.verdict ?? 'proposed',
                green: false,
                changedLines: (0,_core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_6__/* .countChangedLines */ .VB)(bundle.patch.toString('utf8')),
                agentRuns: runs.length,
                costUsd: (0,_core_usage_js__WEBPACK_IMPORTED_MODULE_11__/* .totalUsage */ .GG)(runs)?.usage.costUsd
            };
            // Not green in its propose job: listed, its patch kept, never published (nor applied).
            if (facts.verdict !== 'proposed')
                return { dir, facts, problems: [], bundle };
            const problems = await applies(bundle);
            if (problems.length > 0)
                return refused(label, problems);
            return { dir, facts: { ...facts, green: true }, problems: [], bundle };
        }
        /** The single-bundle publish's git checks: base known, patch applies, to the judged tree, as claimed, allowed. */
        async function applies(bundle) {
            const { manifest } = bundle;
            if (!(await workspace.tryFetchCommit({ url: originUrl, sha: manifest.base.sha, token: settings.token }))) {
                return [
                    `The bundle's base commit ${manifest.base.sha} is neither in this checkout nor on origin, so the change cannot be applied to it.`
                ];
            }
            const committed = await workspace.tryCommitPatch({
                base: manifest.base.sha,
                patch: bundle.patch,
                branch: manifest.branch,
                message: (0,_publish_js__WEBPACK_IMPORTED_MODULE_4__.publishedTitle)(manifest),
                author: _core_naming_js__WEBPACK_IMPORTED_MODULE_5__/* .BOT_AUTHOR */ .G2.action
            });
            if (committed.kind === 'does-not-apply') {
                return [`The bundle's patch does not apply to its base commit ${manifest.base.sha}: ${committed.message}`];
            }
            if (committed.tree !== manifest.tree) {
                return [
                    `The bundle's patch applied to ${manifest.base.sha} makes the tree ${committed.tree}, not the tree ${manifest.tree} the gate judged, so it is not published.`
                ];
            }
            const differences = (0,_runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_9__/* .pathDifferences */ .i1)(manifest.paths, committed.paths);
            const hits = (0,_runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_9__/* .protectedAmong */ .Zr)(committed.paths, settings.protectedPaths);
            return [
                ...(differences.length > 0 ? [`The patch does not match the manifest: ${differences.join('; ')}.`] : []),
                ...(hits.length > 0
                    ? [`The patch changes protected paths: ${hits.map((h) => `${h.path} (protected by ${h.glob})`).join('; ')}.`]
                    : [])
            ];
        }
    }
    finally {
        log.unfence();
        await workspace.dispose();
    }
    /** No candidate to publish: nothing pushed; the table and every patch's place in the summary. */
    async function noneGreen(entries, table, details) {
        // Every bundle there was refused (a candidate without one is only listed): the run fails.
        const present = entries.filter((e) => e.facts.verdict !== _core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_6__/* .NO_BUNDLE */ .bE);
        const allRefused = present.every((e) => e.facts.refusal !== undefined);
        const reason = allRefused
            ? `Refused every one of the ${present.length} candidate bundles in ${root}; nothing was pushed. The job summary says why for each.`
            : `None of the ${entries.length} candidates passed the gate with a bundle that passed verification, so no pull request was opened and nothing was pushed. ` +
                `Every candidate's patch is kept in its bundle under ${root} (the change.patch of each directory the summary lists) and in the propose jobs' artifacts.`;
        return whole(allRefused ? 'rejected' : 'gave-up', reason, { candidates: table, details });
    }
    /** An outcome for the whole run, told to the issue the event names (never quoting a bundle). */
    async function whole(result, reason, extra = {}) {
        const outcome = {
            result,
            reason,
            attempts: [],
            bundlePath: root,
            notes: [],
            warnings: [],
            runUrl: context.runUrl,
            ...extra
        };
        if (!settings.dryRun && issueNumber !== undefined) {
            const comment = await (0,_github_progress_comment_js__WEBPACK_IMPORTED_MODULE_12__/* .startProgressComment */ .JI)(api, issueNumber, { runUrl: context.runUrl });
            await (0,_report_js__WEBPACK_IMPORTED_MODULE_3__.finishComment)(comment, { ...outcome, details: undefined }, (message) => log.warning(message));
        }
        return outcome;
    }
}
/** For the summary: each candidate's directory, where its patch is, and why a refused one was refused. */
function detailLines(entries) {
    const lines = entries.map((e) => {
        const name = `\`${(0,_core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_6__/* .displayName */ .QC)(e.facts.name)}\``;
        if (e.facts.verdict === _core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_6__/* .NO_BUNDLE */ .bE)
            return `- ${name}: no bundle of this candidate is in the bundle path; its propose job handed over none.`;
        if (e.problems.length > 0)
            return `- ${name} in \`${e.dir}\`: refused. ${e.problems.join(' ')}`;
        return `- ${name}: its patch is kept in \`${node_path__WEBPACK_IMPORTED_MODULE_1___default().join(e.dir, 'change.patch')}\`.`;
    });
    return `#### Candidate bundles\n\n${lines.join('\n')}`;
}


/***/ })

};
;