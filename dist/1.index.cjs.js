"use strict";
exports.id = 1;
exports.ids = [1];
exports.modules = {

/***/ 74001:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bundleExpectations: () => (/* binding */ bundleExpectations),
/* harmony export */   deliver: () => (/* binding */ deliver),
/* harmony export */   publishSetup: () => (/* binding */ publishSetup),
/* harmony export */   publishedTitle: () => (/* binding */ publishedTitle),
/* harmony export */   runPublish: () => (/* binding */ runPublish),
/* harmony export */   taskFromEvent: () => (/* binding */ taskFromEvent)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58592);
/* harmony import */ var _report_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(31658);
/* harmony import */ var _ci_dispatch_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(74823);
/* harmony import */ var _core_naming_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92607);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(58994);
/* harmony import */ var _github_draft_pr_proposer_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(73981);
/* harmony import */ var _github_progress_comment_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(46396);
/* harmony import */ var _github_pr_body_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(23938);
/* harmony import */ var _github_pr_ledger_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(48923);
/* harmony import */ var _runtime_git_git_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(719);
/* harmony import */ var _runtime_git_git_workspace_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(87377);
/* harmony import */ var _runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(64102);
/* harmony import */ var _core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(61037);
/* harmony import */ var _runtime_test_switches_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9891);
















/**
 * `stage: publish`, the second job of two-job mode. It holds the write token and runs no agent,
 * no gate and nothing from the repository: it reads the bundle the propose job wrote, verifies it
 * against what this job knows itself, builds the commit with git plumbing on the checked-out base
 * commit (no hooks, no work-tree files), pushes the branch and opens or updates the draft pull
 * request through the same proposer as the single-job mode, and edits the issue's progress comment.
 */
/** The PR title is one line of at most this many characters (the manifest's is untrusted). */
const MAX_TITLE = 240;
/** What a bundle must match to be published here: this repository, its settings, the event's task. */
function bundleExpectations(settings, context, eventTask) {
    return {
        repository: context.repository,
        protectedPaths: settings.protectedPaths,
        branchPrefix: settings.branchPrefix,
        baseBranch: settings.baseBranch,
        task: eventTask
    };
}
/**
 * What either publish needs first: the log, the API (the test's, or one with the job's token), the
 * task the event names, and the warning that a test switched protections off.
 */
function publishSetup(settings, context, options) {
    const log = options.log ?? new _log_js__WEBPACK_IMPORTED_MODULE_2__/* .FencedLog */ .K();
    const api = options.api ?? (0,_github_client_js__WEBPACK_IMPORTED_MODULE_5__/* .createRepositoryApi */ .R)(settings.token, context, log);
    const offWarning = (0,_runtime_test_switches_js__WEBPACK_IMPORTED_MODULE_12__/* .protectionsOffWarning */ .ue)((0,_runtime_test_switches_js__WEBPACK_IMPORTED_MODULE_12__/* .protectionsOff */ .Af)());
    if (offWarning)
        log.warning(offWarning);
    return { log, api, eventTask: taskFromEvent(context, settings) };
}
/** Publishes the change bundle named by `bundle-path`, or refuses it with every reason. */
async function runPublish(settings, context, options = {}) {
    // Best of N: bundle-digest lists one digest per candidate; the bundles are chosen among.
    if (settings.bundleDigests) {
        const { runPublishBest } = await __webpack_require__.e(/* import() */ 392).then(__webpack_require__.bind(__webpack_require__, 39392));
        return runPublishBest(settings, context, options);
    }
    const { log, api, eventTask } = publishSetup(settings, context, options);
    const dir = node_path__WEBPACK_IMPORTED_MODULE_0___default().resolve(context.workspace, settings.bundlePath ?? '');
    // Only the issue the event names is told about a refusal: a forged bundle cannot pick the issue.
    const refuse = (problems, manifest) => refused(problems, { dir, context, settings, api, manifest, issueNumber: eventTask?.kind === 'issue' ? eventTask.number : undefined });
    const off = (0,_runtime_test_switches_js__WEBPACK_IMPORTED_MODULE_12__/* .protectionsOff */ .Af)();
    const read = await (0,_runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_11__/* .tryReadChangeBundle */ ._x)(dir);
    if (read.kind === 'refused')
        return refuse(read.problems);
    const { bundle } = read;
    const { manifest } = bundle;
    // The digest came through the workflow from the propose job's action process, a channel agent
    // code cannot write: a bundle rewritten after the gate (its own checksum recomputed) differs here.
    if (bundle.digest !== settings.bundleDigest && !off.has('bundle-digest')) {
        return refuse([
            `The bundle's digest is ${bundle.digest}, but the propose job emitted ${settings.bundleDigest ?? 'none'} (input bundle-digest): ` +
                "it was changed after the gate judged it, or it is another run's bundle, so it is not published."
        ], manifest);
    }
    log.info(`Read the change bundle in ${dir}: ${(0,_runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_11__/* .describeTask */ .Ve)(manifest.task)}, ${manifest.paths.length} path(s) against ${manifest.base.sha}.`);
    const expected = bundleExpectations(settings, context, eventTask);
    const verdict = (0,_runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_11__/* .verifyChangeBundle */ .eu)(bundle, expected);
    if (verdict.kind === 'refused')
        return refuse(verdict.problems, manifest);
    // A best-of-N candidate that did not reach green hands over its bundle too: it is never published.
    if (manifest.verdict !== undefined && manifest.verdict !== 'proposed') {
        return refuse([`The bundle records that the propose job ended ${manifest.verdict}: its gate did not pass, so there is nothing to publish.`], manifest);
    }
    // This job ran no agent: the user's proxy and CA settings are read as they are.
    const git = (0,_runtime_git_git_js__WEBPACK_IMPORTED_MODULE_9__/* .createGitRunner */ .ho)(context.workspace, process.env, { frozenConfig: await (0,_runtime_git_git_js__WEBPACK_IMPORTED_MODULE_9__/* .readFrozenGitConfig */ .lf)(context.workspace) });
    const workspace = new _runtime_git_git_workspace_js__WEBPACK_IMPORTED_MODULE_10__/* .GitWorkspace */ .AX({
        git,
        dir: context.workspace,
        patchDir: node_path__WEBPACK_IMPORTED_MODULE_0___default().join(context.runnerTemp || node_os__WEBPACK_IMPORTED_MODULE_1___default().tmpdir(), 'gated-agent-publish')
    });
    try {
        const originUrl = await workspace.remoteUrl('origin');
        if (!(await workspace.tryFetchCommit({ url: originUrl, sha: manifest.base.sha, token: settings.token }))) {
            return await refuse([`The bundle's base commit ${manifest.base.sha} is neither in this checkout nor on origin, so the change cannot be applied to it.`], manifest);
        }
        const title = publishedTitle(manifest);
        const committed = await workspace.tryCommitPatch({
            base: manifest.base.sha,
            patch: bundle.patch,
            branch: manifest.branch,
            message: title,
            author: _core_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .BOT_AUTHOR */ .G2.action
        });
        if (committed.kind === 'does-not-apply') {
            return await refuse([`The bundle's patch does not apply to its base commit ${manifest.base.sha}: ${committed.message}`], manifest);
        }
        // The patch applied to the base must make the very tree the gate judged in the propose job.
        if (committed.tree !== manifest.tree) {
            return await refuse([
                `The bundle's patch applied to ${manifest.base.sha} makes the tree ${committed.tree}, not the tree ${manifest.tree} the gate judged, so it is not published.`
            ], manifest);
        }
        // What git made of the patch is what gets pushed: it must be what the manifest claims, and allowed.
        const differences = (0,_runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_11__/* .pathDifferences */ .i1)(manifest.paths, committed.paths);
        const hits = (0,_runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_11__/* .protectedAmong */ .Zr)(committed.paths, settings.protectedPaths);
        if (differences.length > 0 || hits.length > 0) {
            return await refuse([
                ...(differences.length > 0 ? [`The patch does not match the manifest: ${differences.join('; ')}.`] : []),
                ...(hits.length > 0
                    ? [`The patch changes protected paths: ${hits.map((h) => `${h.path} (protected by ${h.glob})`).join('; ')}.`]
                    : [])
            ], manifest);
        }
        log.info(`Verified the bundle and committed it as ${committed.sha} on ${committed.branch}.`);
        return await deliver({ settings, context, api, log, workspace, bundle, title, commit: committed, originUrl });
    }
    finally {
        log.unfence();
        await workspace.dispose();
    }
}
/** Pushes the verified commit and opens or updates the draft PR, with the single-job mode's proposer. */
async function deliver(d) {
    const { settings, context, api, bundle, commit } = d;
    const { manifest } = bundle;
    const issueNumber = manifest.task.kind === 'issue' ? manifest.task.number : undefined;
    const comment = settings.dryRun || issueNumber === undefined ? undefined : await (0,_github_progress_comment_js__WEBPACK_IMPORTED_MODULE_13__/* .startProgressComment */ .JI)(api, issueNumber, { runUrl: context.runUrl });
    // The commit exists already (built from the verified patch); the proposer pushes it and opens the PR.
    const publisher = {
        commit: async () => ({ sha: commit.sha, branch: commit.branch }),
        pushBranch: (options) => d.workspace.pushBranch(options)
    };
    // Self-heal caps agent runs per failing branch across runs: the heal PR's ledger, read from
    // GitHub here, plus this bundle's runs is what the body says (the proposer updates the ledger).
    const runs = manifest.attempts.filter((a) => a.number > 0);
    const healBudget = manifest.task.kind === 'run' ? await (0,_github_pr_ledger_js__WEBPACK_IMPORTED_MODULE_8__/* .readHealBudget */ .Wl)(api, commit.branch, settings.retryCap) : undefined;
    const spentBefore = healBudget && healBudget.kind !== 'fresh' ? healBudget.ledger.runs : 0;
    const healAttempts = healBudget ? { spent: spentBefore + runs.length, cap: settings.retryCap } : undefined;
    const warnings = [];
    const proposer = new _github_draft_pr_proposer_js__WEBPACK_IMPORTED_MODULE_6__/* .DraftPullRequestProposer */ .o(publisher, api, {
        branch: commit.branch,
        base: manifest.base.branch,
        title: d.title,
        body: (proposal) => (0,_github_pr_body_js__WEBPACK_IMPORTED_MODULE_7__/* .pullRequestBody */ .NF)(proposal, { ...bodyContext(manifest, context), healAttempts }) +
            (d.best ? `\n\n### Candidates (best of N)\n\n${d.best.table}` : ''),
        author: _core_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .BOT_AUTHOR */ .G2.action,
        token: settings.token,
        dryRun: settings.dryRun,
        remote: d.originUrl,
        // The push is made with the workflow token, which starts no CI: ci-workflow dispatches it.
        afterPush: (0,_ci_dispatch_js__WEBPACK_IMPORTED_MODULE_14__/* .ciDispatcher */ .W)(settings, api, d.log, warnings)
    });
    const proposal = {
        job: manifest.job,
        change: { paths: commit.paths, patch: '' },
        attempts: manifest.attempts,
        lastGate: manifest.lastGate,
        patchPath: node_path__WEBPACK_IMPORTED_MODULE_0___default().join(bundle.dir, manifest.patch.file)
    };
    try {
        const proposed = await proposer.propose(proposal);
        for (const note of proposed.notes)
            d.log.info(note);
        const outcome = {
            result: 'proposed',
            job: manifest.job,
            reason: (d.best ? `Chose candidate ${d.best.candidate}. ` : '') +
                (settings.dryRun
                    ? `Dry run: the change bundle is verified (the gate passed after ${runs.length} agent run(s)); nothing was pushed.`
                    : `Published the change bundle: the gate passed after ${runs.length} agent run(s) in the propose job; a draft pull request awaits review.`),
            ...(d.best ? { candidate: d.best.candidate, candidates: d.best.table, details: d.best.details } : {}),
            attempts: runs,
            branch: proposed.branch,
            prNumber: proposed.prNumber,
            prUrl: proposed.prUrl,
            bundlePath: bundle.dir,
            lastGate: manifest.lastGate,
            notes: proposed.notes,
            warnings,
            runUrl: context.runUrl,
            dryRun: settings.dryRun
        };
        if (comment)
            await (0,_report_js__WEBPACK_IMPORTED_MODULE_3__.finishComment)(comment, outcome, (message) => d.log.warning(message));
        return outcome;
    }
    catch (error) {
        if (comment)
            await comment
                .finish(`⚠️ **Gated Agent** failed to publish: ${error.message}\n\n[The run](${context.runUrl})`)
                .catch(() => undefined);
        throw error;
    }
}
/** A refused bundle: nothing pushed, every reason in the outcome (the run fails with it). */
async function refused(problems, r) {
    const outcome = {
        result: 'rejected',
        job: r.manifest?.job,
        reason: `Refused to publish the change bundle in ${r.dir}; nothing was pushed. ${problems.join(' ')}`,
        attempts: [],
        bundlePath: r.dir,
        notes: [],
        warnings: [],
        runUrl: r.context.runUrl
    };
    if (!r.settings.dryRun && r.issueNumber !== undefined) {
        // The reasons quote the bundle (paths, branch names): they stay in the run, not on the issue.
        const comment = await (0,_github_progress_comment_js__WEBPACK_IMPORTED_MODULE_13__/* .startProgressComment */ .JI)(r.api, r.issueNumber, { runUrl: r.context.runUrl });
        await comment.finish(`### ⛔ Gated Agent: \`rejected\`\n\nThe change bundle from the propose job was refused, so nothing was pushed: [the run](${r.context.runUrl}) says why.`);
    }
    return outcome;
}
/** The task the triggering event (or a dispatch input) names, to hold the bundle's task against. */
function taskFromEvent(context, settings) {
    if (settings.issueNumber !== undefined)
        return { kind: 'issue', number: settings.issueNumber };
    if (settings.runId !== undefined)
        return { kind: 'run', id: settings.runId };
    const payload = context.payload;
    if (typeof payload.issue?.number === 'number')
        return { kind: 'issue', number: payload.issue.number };
    if (typeof payload.workflow_run?.id === 'number')
        return { kind: 'run', id: payload.workflow_run.id };
    return undefined;
}
/** One line of visible text, bounded: the manifest's title is untrusted. */
function publishedTitle(manifest) {
    const line = (0,_core_untrusted_text_js__WEBPACK_IMPORTED_MODULE_15__/* .cleanUntrustedText */ .f)(manifest.title).replace(/\s+/g, ' ').trim();
    return (line || `Agent: ${(0,_runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_11__/* .describeTask */ .Ve)(manifest.task)}`).slice(0, MAX_TITLE);
}
/** The PR body's context, from the task: the manifest's own body is not used (it is untrusted). */
function bodyContext(manifest, context) {
    if (manifest.task.kind === 'issue')
        return { issueNumber: manifest.task.number, runUrl: context.runUrl };
    return {
        failingBranch: manifest.task.branch,
        failedRunUrl: `${context.serverUrl}/${context.repository}/actions/runs/${manifest.task.id}`,
        runUrl: context.runUrl,
        failingSteps: manifest.task.failingSteps
    };
}


/***/ })

};
;