"use strict";
exports.id = 69;
exports.ids = [69];
exports.modules = {

/***/ 26591:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {



exports.quote = __webpack_require__(5335);
exports.parse = __webpack_require__(42696);


/***/ }),

/***/ 42696:
/***/ ((module) => {



/**
 * @import {
 * 	ControlOperator,
 * 	Env,
 * 	GlobPattern,
 * 	ParseEntry,
 * } from './parse' */

// '<(' and '>(' are process substitution operators and
// can be parsed the same as control operator
var CONTROL = /** @type {const} */ ('(?:') + /** @type {const} */ ([
	'\\|\\|',
	'\\&(?:\\&|>>?)', // `&&`, `&>`, and `&>>`
	';;\\&?', // `;;` and `;;&`
	'[;|]\\&', // `;&` and `|&`
	'\\<\\(',
	'\\<\\<\\<',
	'\\<\\<-',
	'\\<\\<(?!\\()', // `<<(` stays `<` and `<(`, as zsh reads it; other shells reject it
	'>>',
	'>[&|(]', // `>&`, `>|`, and `>(`
	'<[&>]', // `<&` and `<>`
	'[&;()|<>]'
]).join(/** @type {const} */ ('|')) + /** @type {const} */ (')');
var controlRE = new RegExp('^' + CONTROL + '$');
var META = /** @type {const} */ ('|&;()<> \\t');
var SINGLE_QUOTE = /** @type {const} */ ('\'([^\']*?)\'');
// bash ANSI-C quoting, `$'...'`: a backslash escapes the next character, including `'`
var ANSI_C_BODY = '(?:\\\\[\\s\\S]|[^\\\\\'])*?';
var ANSI_C_QUOTE = '\\$\'' + ANSI_C_BODY + '\'';
var ansiCAt = new RegExp('\\$\'' + ANSI_C_BODY + '(?:(\')|\\\\?$)', 'g');
var ANSI_C_LETTERS = 'abeEfnrtv';
var ANSI_C_CHARS = '\x07\b\x1B\x1B\f\n\r\t\v';
var hash = /^#$/;

var SQ = /** @type {const} */ ("'");
var DQ = /** @type {const} */ ('"');
var DS = /** @type {const} */ ('$');

var TOKEN = '';
var mult = /** @type {const} */ (0x100000000); // Math.pow(16, 8);
for (var i = 0; i < 4; i++) {
	TOKEN += (mult * Math.random()).toString(16);
}
var startsWithToken = new RegExp('^' + TOKEN);

/**
 * @param {string} s
 * @param {RegExp} r
 */
function matchAll(s, r) {
	var origIndex = r.lastIndex;

	var matches = [];
	var matchObj;

	while ((matchObj = r.exec(s))) {
		matches[matches.length] = matchObj;
		if (r.lastIndex === matchObj.index) {
			r.lastIndex += 1;
		}
	}

	r.lastIndex = origIndex;

	return matches;
}

/**
 * @param {Env} env
 * @param {string} pre
 * @param {string} key
 */
function getVar(env, pre, key) {
	var r = typeof env === 'function' ? env(key) : env[key];
	if (typeof r === 'undefined' && key != '') {
		r = '';
	} else if (typeof r === 'undefined') {
		r = '$';
	}

	if (typeof r === 'object') {
		return pre + TOKEN + JSON.stringify(r) + TOKEN;
	}
	return pre + r;
}

var ansiCEscape = /\\([0-7]{1,3}|x[\dA-Fa-f]{1,2}|u[\dA-Fa-f]{1,4}|U[\dA-Fa-f]{1,8}|c(?:\\\\|[\s\S])|[abeEfnrtv\\'"?])/g;

/**
 * @param {string} m
 * @param {string} escape
 */
function expandAnsiCEscape(m, escape) {
	var kind = escape.charAt(0);
	if (kind === 'c') {
		var ctrl = escape.charAt(1);
		return ctrl === '?' ? '\x7F' : String.fromCharCode(ctrl.charCodeAt(0) & 0x1F);
	}
	if (kind === 'x' || kind === 'u' || kind === 'U') {
		var cp = parseInt(escape.slice(1), 16);
		if (cp > 0x10FFFF) {
			return m;
		}
		return String.fromCharCode.apply(null, cp > 0xFFFF ? [0xD7C0 + (cp >> 10), 0xDC00 + (cp & 0x3FF)] : [cp]);
	}
	if (kind >= '0' && kind <= '7') {
		return String.fromCharCode(parseInt(escape, 8) & 0xFF);
	}
	var letter = ANSI_C_LETTERS.indexOf(escape);
	return letter < 0 ? escape : ANSI_C_CHARS.charAt(letter);
}

/** @param {string} body */
function expandAnsiC(body) {
	return body.replace(ansiCEscape, expandAnsiCEscape).split('\0')[0]; // like bash, a NUL ends the string
}

/**
 * @param {string} s
 * @param {number} i
 */
function closesAnsiC(s, i) {
	ansiCAt.lastIndex = i;
	return !!(/** @type {RegExpExecArray} */ (ansiCAt.exec(s)))[1];
}

/**
 * @param {string} string
 * @param {Env} [env]
 * @param {{ escape?: string, splitUnquoted?: boolean | string }} [opts]
 * @returns {ParseEntry[]}
 */
function parseInternal(string, env, opts) {
	if (!opts) {
		opts = {};
	}
	var BS = opts.escape || '\\';
	var ifs = opts.splitUnquoted === true ? ' \t\n' : (typeof opts.splitUnquoted === 'string' ? opts.splitUnquoted : '');
	var BAREWORD = '(\\' + BS + '[\'"$\\' + BS + META + ']|\\$\\$|\\$(?!' + ANSI_C_QUOTE.slice(2) + ')|[^\\s\'"$' + META + '])+';
	var DOUBLE_QUOTE = '"(?:\\' + BS + '[\\s\\S]|[^"\\' + BS + '])*"';

	var chunker = new RegExp([
		'(' + CONTROL + ')', // control chars
		'(' + ANSI_C_QUOTE + '|' + BAREWORD + '|' + DOUBLE_QUOTE + '|' + SINGLE_QUOTE + ')+'
	].join('|'), 'g');

	var matches = matchAll(string, chunker);

	if (matches.length === 0) {
		return [];
	}
	if (!env) {
		env = {};
	}

	var commented = false;

	return matches.map(function (match) {
		var s = match[0];
		if (!s || commented) {
			return void undefined;
		}
		if (controlRE.test(s)) {
			return /** @type {ControlOperator} */ ({ op: s });
		}

		// Hand-written scanner/parser for Bash quoting rules:
		//
		// 1. inside single quotes, all characters are printed literally.
		// 2. inside double quotes, all characters are printed literally
		//    except variables prefixed by '$' and backslashes followed by
		//    either a double quote or another backslash.
		// 3. outside of any quotes, backslashes are treated as escape
		//    characters and not printed (unless they are themselves escaped)
		// 4. quote context can switch mid-token if there is no whitespace
		//     between the two quote contexts (e.g. all'one'"token" parses as
		//     "allonetoken")
		/** @type {string | boolean} */
		var quote = false;
		var esc = false;
		var out = '';
		/** @type {string[]} */
		var words = [];
		var sawQuote = false;
		/** @type {number | null} */
		var pendingNw = null;
		var isGlob = false;
		/** @type {number} */
		var i;

		function parseEnvVar() {
			i += 1;
			/** @type {number | RegExpMatchArray | null} */
			var varend;
			/** @type {string} */
			var varname;
			var char = s.charAt(i);

			if (char === '{') {
				i += 1;
				if (s.charAt(i) === '}') {
					throw new Error('Bad substitution: ' + s.slice(i - 2, i + 1));
				}
				// match braces by depth so a nested `${` keeps its inner `}` from ending the outer substitution
				var depth = 1;
				varend = i;
				while (depth > 0 && varend < s.length) {
					if (s.charAt(varend) === '{' && s.charAt(varend - 1) === '$') {
						depth += 1;
					} else if (s.charAt(varend) === '}') {
						depth -= 1;
					}
					varend += 1;
				}
				if (depth !== 0) {
					throw new Error('Bad substitution: ' + s.slice(i));
				}
				varend -= 1;
				varname = s.slice(i, varend);
				i = varend;
			} else if ((/[*@#?$!-]/).test(char)) {
				varname = char;
			} else {
				var slicedFromI = s.slice(i);
				varend = slicedFromI.match(/[^\w\d_]/);
				if (!varend) {
					varname = slicedFromI;
					i = s.length;
				} else {
					varname = slicedFromI.slice(0, varend.index);
					i += /** @type {number} */ (varend.index) - 1;
				}
			}
			return getVar(/** @type {NonNullable<typeof env>} */ (env), '', varname);
		}

		function flushRun() {
			if (pendingNw === null) {
				return;
			}
			if (pendingNw === 0) {
				if (out !== '') {
					words[words.length] = out;
					out = '';
				}
			} else {
				words[words.length] = out;
				out = '';
				for (var fe = 1; fe < pendingNw; fe += 1) {
					words[words.length] = '';
				}
			}
			pendingNw = null;
		}

		for (i = 0; i < s.length; i++) {
			var c = s.charAt(i);
			if (ifs && c !== DS) {
				flushRun();
			}
			isGlob = isGlob || (!quote && (c === '*' || c === '?'));
			if (esc) {
				out += c;
				esc = false;
			} else if (quote) {
				if (c === quote) {
					quote = false;
				} else if (quote == SQ) {
					out += c;
				} else { // Double quote
					if (c === BS) {
						i += 1;
						c = s.charAt(i);
						if (c === DQ || c === BS || c === DS) {
							out += c;
						} else {
							out += BS + c;
						}
					} else if (c === DS) {
						out += parseEnvVar();
					} else {
						out += c;
					}
				}
			} else if (c === DQ || c === SQ) {
				quote = c;
				sawQuote = true;
			} else if (controlRE.test(c)) {
				return /** @type {ControlOperator} */ ({ op: s });
			} else if (hash.test(c)) {
				commented = true;
				var commentObj = { comment: string.slice(match.index + i + 1) };
				if (out.length) {
					return /** @type {const} */ ([out, commentObj]);
				}
				return /** @type {const} */ ([commentObj]);
			} else if (c === BS) {
				esc = true;
			} else if (c === DS && s.charAt(i + 1) === SQ && closesAnsiC(s, i)) {
				flushRun();
				sawQuote = true;
				out += expandAnsiC(s.slice(i + 2, ansiCAt.lastIndex - 1));
				i = ansiCAt.lastIndex - 1;
			} else if (c === DS) {
				var value = parseEnvVar();
				if (!ifs) {
					out += value;
				} else {
					for (var vi = 0; vi < value.length; vi += 1) {
						var vc = value.charAt(vi);
						if (ifs.indexOf(vc) < 0) {
							flushRun();
							out += vc;
						} else if (pendingNw === null) {
							pendingNw = vc === ' ' || vc === '\t' || vc === '\n' ? 0 : 1;
						} else if (vc !== ' ' && vc !== '\t' && vc !== '\n') {
							pendingNw += 1;
						}
					}
				}
			} else {
				out += c;
			}
		}

		if (isGlob) {
			return /** @type {GlobPattern} */ ({ op: 'glob', pattern: out });
		}

		if (ifs) {
			if (pendingNw !== null && pendingNw > 0) {
				words[words.length] = out;
				out = '';
				for (var te = 1; te < pendingNw; te += 1) {
					words[words.length] = '';
				}
			}
			if (out !== '' || (sawQuote && words.length === 0)) {
				words[words.length] = out;
			}
			return words;
		}

		return out;
	}).reduce(function (prev, arg) { // finalize parsed arguments
		if (typeof arg === 'undefined') {
			return prev;
		}
		/** @type {ParseEntry[]} */ ([]).concat(arg).forEach(function (entry) {
			prev[prev.length] = entry;
		});
		return prev;
	}, /** @type {ParseEntry[]} */ ([]));
}

/** @type {typeof import('./parse')} */
module.exports = function parse(s, env, opts) {
	var mapped = parseInternal(s, env, opts);
	if (typeof env !== 'function') {
		return mapped;
	}
	return mapped.reduce(function (acc, s) {
		if (typeof s === 'object') {
			acc[acc.length] = s;
			return acc;
		}
		var xs = s.split(RegExp('(' + TOKEN + '.*?' + TOKEN + ')', 'g'));
		if (xs.length === 1) {
			acc[acc.length] = xs[0];
			return acc;
		}
		xs.filter(Boolean).forEach(function (x) {
			acc[acc.length] = startsWithToken.test(x)
				? JSON.parse(x.split(TOKEN)[1])
				: x;
		});
		return acc;
	}, /** @type {ParseEntry[]} */ ([]));
};


/***/ }),

/***/ 5335:
/***/ ((module) => {



/** @import { ControlOperator } from './parse' */

/** @type {ControlOperator['op'][]} */
var OPS = /** @type {const} */ ([
	'||',
	'&&',
	';;&',
	';;',
	';&',
	'|&',
	'<(',
	'>(',
	'<<<',
	'<<-',
	'<<',
	'>>',
	'>&',
	'>|',
	'&>>',
	'&>',
	'<&',
	'<>',
	'&',
	';',
	'(',
	')',
	'|',
	'<',
	'>'
]);
var LINE_TERMINATORS = /[\n\r\u2028\u2029]/;
var GLOB_SHELL_SPECIAL = /[\s#!"$&'():;<=>@\\^`|~]/g;

/** @type {typeof import('./quote')} */
module.exports = function quote(xs) {
	var sawComment = false;
	return xs.map(function (s) {
		if (sawComment && typeof s === 'string' && LINE_TERMINATORS.test(s)) {
			throw new TypeError('a token after a `comment` must not contain line terminators');
		}
		if (s === '') {
			return /** @type {const} */ ('\'\'');
		}
		if (s && typeof s === 'object') {
			if ('op' in s && s.op === 'glob') {
				if (typeof s.pattern !== 'string') {
					throw new TypeError('glob token requires a string `pattern`');
				}
				if (LINE_TERMINATORS.test(s.pattern)) {
					throw new TypeError('glob `pattern` must not contain line terminators');
				}
				if (s.pattern === '') {
					return /** @type {const} */ ('\'\'');
				}
				return s.pattern.replace(GLOB_SHELL_SPECIAL, '\\$&');
			}
			if ('op' in s && typeof s.op === 'string') {
				if (OPS.indexOf(s.op) < 0) {
					throw new TypeError('invalid `op` value: ' + JSON.stringify(s.op));
				}
				return s.op.replace(/[\s\S]/g, '\\$&');
			}
			if ('comment' in s && typeof s.comment === 'string') {
				if (LINE_TERMINATORS.test(s.comment)) {
					throw new TypeError('`comment` must not contain line terminators');
				}
				sawComment = true;
				return '#' + s.comment;
			}
			throw new TypeError('unrecognized object token shape');
		}
		if ((/'/).test(s) && (/!/).test(s)) {
			return "'" + s.replace(/'/g, "'\"'\"'") + "'";
		}
		if ((/["\s\\]/).test(s) && !(/'/).test(s)) {
			return "'" + s + "'";
		}
		if ((/["'\s]/).test(s)) {
			return '"' + s.replace(/(["\\$`])/g, '\\$1') + '"';
		}
		return String(s).replace(/([A-Za-z]:)?([#!"$&'()*,:;<=>?@[\\\]^`{|}~])/g, '$1\\$2');
	}).join(' ');
};


/***/ }),

/***/ 69297:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readActionSettings: () => (/* binding */ readActionSettings)
/* harmony export */ });
/* harmony import */ var _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92154);
/* harmony import */ var _runtime_agent_agent_presets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6558);
/* harmony import */ var _core_protected_paths_policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(29131);
/* harmony import */ var _runtime_agent_command_template_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(94342);
/* harmony import */ var _core_naming_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(92607);
/* harmony import */ var _runtime_process_child_environment_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32996);
/* harmony import */ var _lean_toolkit_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(30111);
/* harmony import */ var _runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(64102);
/* harmony import */ var _core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7100);
/* harmony import */ var _decision_settings_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(85518);










/**
 * Reads and validates every input. A bad value throws an InputError naming the input, the value
 * and what is accepted, before any work starts.
 */
function readActionSettings(
// The gate is read untrimmed: a gate of only spaces is a mistake to report, not "no gate given".
read = (name) => (0,_lean_toolkit_js__WEBPACK_IMPORTED_MODULE_6__/* .getInput */ .V4)(name, { trimWhitespace: name !== 'gate' })) {
    const input = (name) => read(name) ?? '';
    const named = (name) => `Input '${name}'`;
    const decision = (0,_decision_settings_js__WEBPACK_IMPORTED_MODULE_9__/* .readDecisionSettings */ .I)(read);
    const stage = decision.stage;
    const token = input('github-token').trim();
    if (!token && stage !== 'propose') {
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('github-token'), '', 'a token is required; the default is ${{ github.token }}.');
    }
    if (/\s/.test(token)) {
        // The value itself is a secret: never echo it back.
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('github-token'), '***', 'a token has no spaces or line breaks inside; check the secret it comes from.');
    }
    let agentCommand = '';
    let agentPreset;
    if (stage !== 'publish') {
        const resolved = (0,_runtime_agent_agent_presets_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveAgentCommand */ .bp)({ agent: input('agent').trim(), agentCommand: input('agent-command').trim() });
        agentCommand = resolved.command;
        agentPreset = resolved.preset;
        try {
            (0,_runtime_agent_command_template_js__WEBPACK_IMPORTED_MODULE_3__/* .splitCommandTemplate */ .CJ)(agentCommand);
        }
        catch (error) {
            if (!(error instanceof _runtime_agent_command_template_js__WEBPACK_IMPORTED_MODULE_3__/* .TemplateError */ .$w))
                throw error;
            throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('agent-command'), input('agent-command').trim(), error.message);
        }
    }
    const protectedPaths = (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLines */ .Li)(input('protected-paths'));
    const globProblem = (0,_core_protected_paths_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .validateGlobs */ .Sx)(protectedPaths);
    if (globProblem)
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('protected-paths'), input('protected-paths'), globProblem);
    const baseBranch = input('base-branch').trim() || undefined;
    const baseProblem = baseBranch === undefined ? undefined : (0,_core_naming_js__WEBPACK_IMPORTED_MODULE_4__/* .branchNameProblem */ .hq)(baseBranch);
    if (baseBranch !== undefined && baseProblem) {
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('base-branch'), baseBranch, `${baseProblem}; expected a branch name such as main, or nothing for the default branch.`);
    }
    const gateEnv = (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseList */ .E1)(input('gate-env'));
    for (const name of gateEnv) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('gate-env'), name, 'expected environment variable names such as DATABASE_URL.');
        }
        if ((0,_runtime_process_child_environment_js__WEBPACK_IMPORTED_MODULE_5__/* .isRunnerCredential */ .Ac)(name)) {
            throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('gate-env'), name, 'the gate runs agent-written code and never gets the GitHub token, Actions runtime or OIDC tokens, or INPUT_* values; remove this name.');
        }
    }
    const allowedBots = (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseList */ .E1)(input('allowed-bots'));
    for (const bot of allowedBots) {
        if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?$/.test(bot)) {
            throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('allowed-bots'), bot, 'expected bot logins separated by commas or line breaks, such as dependabot[bot], renovate.');
        }
    }
    const instructionsFile = input('instructions-file').trim() || undefined;
    if (instructionsFile !== undefined) {
        // The file is read into the prompt before the checkout's credentials are put away: it must be
        // the repository's own file, never one of git's (.git/config holds the checkout token).
        const parts = instructionsFile.split(/[\\/]+/);
        if (/^(?:[/\\~]|[A-Za-z]:)/.test(instructionsFile) || parts.includes('..') || parts.some((part) => part.toLowerCase() === '.git')) {
            throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('instructions-file'), instructionsFile, 'expected a path inside the repository, relative to its root and outside .git, such as AGENTS.md or docs/agent.md.');
        }
    }
    const gateInput = input('gate');
    const gateSteps = (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLines */ .Li)(gateInput);
    if (gateInput !== '' && gateSteps.length === 0) {
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('gate'), gateInput, 'it holds no command (only spaces or comments), and a gate that runs nothing would pass any change; list your lint and test commands, one a line, or leave it out to detect them.');
    }
    const bundlePath = input('bundle-path').trim() || undefined;
    if (stage === 'publish' && !bundlePath) {
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('bundle-path'), '', "stage 'publish' needs the bundle directory written by stage 'propose'.");
    }
    const bundleDigest = input('bundle-digest').trim() || undefined;
    if (stage === 'publish' && !bundleDigest) {
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('bundle-digest'), '', "stage 'publish' needs the propose job's bundle-digest output, which binds the bundle to what the gate judged: " +
            'set bundle-digest: ${{ needs.<propose job>.outputs.bundle-digest }} and declare that output on the propose job.');
    }
    // Best of N: one `<candidate>=<digest>` line per propose job of the matrix (see readDigestLines).
    const bundleDigests = bundleDigest?.includes('=') ? readDigestLines(input('bundle-digest')) : undefined;
    if (bundleDigest !== undefined && bundleDigests === undefined && !_runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_7__/* .BUNDLE_DIGEST */ .g_.test(bundleDigest)) {
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('bundle-digest'), bundleDigest, "expected the propose job's bundle-digest output: sha256: and 64 hex digits, or for best of N one <candidate>=<digest> line per propose job.");
    }
    const candidate = input('candidate').trim() || undefined;
    if (candidate !== undefined && !_core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_8__/* .CANDIDATE_LABEL */ .tZ.test(candidate)) {
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('candidate'), candidate, 'expected a label of letters, digits, - and _ (at most 64, starting with a letter or digit), such as ${{ matrix.agent }} with agent: claude-code; it names the bundle, its artifact and the bundle-digest-<candidate> output.');
    }
    if (candidate !== undefined && stage !== 'propose') {
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named('candidate'), candidate, "it names a propose job's bundle among a matrix's, so it is set with stage: propose only; remove it here (the publish job reads each bundle's candidate from its manifest).");
    }
    return {
        ...decision,
        token,
        agentCommand,
        agentPreset,
        gateSteps,
        retryCap: (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseWholeNumber */ .oA)(named('retry-cap'), input('retry-cap') || '3', 1, 20),
        stopOnNoProgress: (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .yG)(named('stop-on-no-progress'), input('stop-on-no-progress').trim() || 'true'),
        baseBranch,
        instructionsFile,
        protectedPaths,
        allowTestChanges: (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .yG)(named('allow-test-changes'), input('allow-test-changes')),
        allowGateChanges: (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .yG)(named('allow-gate-changes'), input('allow-gate-changes')),
        allowedBots: allowedBots.map((b) => b.replace(/\[bot\]$/, '')),
        gateEnv,
        requireReviewRule: (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .yG)(named('require-review-rule'), input('require-review-rule')),
        agentTimeoutMs: Math.round((0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseMinutes */ .lA)(named('agent-timeout-minutes'), input('agent-timeout-minutes') || '30', 360) * 60_000),
        gateTimeoutMs: Math.round((0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseMinutes */ .lA)(named('gate-timeout-minutes'), input('gate-timeout-minutes') || '15', 360) * 60_000),
        maxAgentMinutes: input('max-agent-minutes').trim()
            ? (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseMinutes */ .lA)(named('max-agent-minutes'), input('max-agent-minutes'), _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_BUDGET_MINUTES */ .jj)
            : undefined,
        maxCostUsd: input('max-cost-usd').trim() ? (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDollars */ .pJ)(named('max-cost-usd'), input('max-cost-usd'), _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_BUDGET_USD */ .uO) : undefined,
        followUpCap: (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseWholeNumber */ .oA)(named('follow-up-cap'), input('follow-up-cap') || '10', 1, 100),
        ciWorkflow: parseWorkflowFile(named('ci-workflow'), input('ci-workflow')),
        dryRun: (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .yG)(named('dry-run'), input('dry-run')),
        allowUnisolated: (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .yG)(named('allow-unisolated'), input('allow-unisolated')),
        bundlePath,
        ...(bundleDigests ? { bundleDigests } : { bundleDigest }),
        ...(candidate ? { candidate } : {})
    };
}
/**
 * `bundle-digest` for best of N: one `<candidate>=<digest>` line per propose job of the matrix, as
 * the workflow writes them from the propose job's per-candidate outputs. A job that emitted no digest
 * (it crashed before writing its bundle) gives `<candidate>=`; a candidate may appear once.
 */
function readDigestLines(value) {
    const named = "Input 'bundle-digest'";
    const seen = new Set();
    return (0,_core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLines */ .Li)(value).map((line) => {
        const match = /^([^=\s]+)\s*=\s*(\S*)$/.exec(line);
        const candidate = match?.[1] ?? '';
        const digest = match?.[2] ?? '';
        if (!match || !_core_candidate_choice_js__WEBPACK_IMPORTED_MODULE_8__/* .CANDIDATE_LABEL */ .tZ.test(candidate) || (digest !== '' && !_runtime_bundle_change_bundle_js__WEBPACK_IMPORTED_MODULE_7__/* .BUNDLE_DIGEST */ .g_.test(digest))) {
            throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named, line, 'expected one <candidate>=<digest> line per propose job (best of N), such as codex=${{ needs.propose.outputs.digest-codex }}: a candidate label, =, and sha256: with 64 hex digits (empty when that job emitted none).');
        }
        if (seen.has(candidate)) {
            throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(named, line, `the candidate ${candidate} is listed twice; list each propose job of the matrix once.`);
        }
        seen.add(candidate);
        return digest === '' ? { candidate } : { candidate, digest };
    });
}
/** `ci-workflow`: a workflow file name under .github/workflows (`ci.yml`), or undefined when empty. */
function parseWorkflowFile(name, raw) {
    const value = raw.trim();
    if (value === '')
        return undefined;
    if (!/^[A-Za-z0-9._-]+\.ya?ml$/.test(value) || value.startsWith('.')) {
        throw new _core_input_values_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, value, 'expected the file name of a workflow in .github/workflows that has a workflow_dispatch trigger, such as ci.yml (no directory).');
    }
    return value;
}


/***/ }),

/***/ 84652:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ definePolicy)
/* harmony export */ });
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(643);
/* harmony import */ var node_perf_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__);
/**
 * A policy is a gate step written in code: it reads the change and passes, or fails with text that
 * tells the agent what it changed. Every policy has the same step shape; this builds it.
 */

/** The policy as a gate step: green when `find` finds nothing, else red with `describe`'s text. */
function definePolicy(rule) {
    return {
        name: rule.name,
        check(change) {
            const started = node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__.performance.now();
            const findings = rule.find(change);
            const ok = findings.length === 0;
            return {
                name: rule.name,
                policy: true,
                ok,
                exitCode: ok ? 0 : 1,
                tail: ok ? rule.passed : rule.describe(findings),
                durationMs: node_perf_hooks__WEBPACK_IMPORTED_MODULE_0__.performance.now() - started,
                timedOut: false,
                missingTool: false
            };
        }
    };
}


/***/ }),

/***/ 89905:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ parsePatch)
/* harmony export */ });
/**
 * A reader of git's unified diffs (`git diff --binary` with a/ and b/ prefixes): files, their old
 * and new paths, and the added and removed lines with their line numbers. Shared by the policies.
 */
const C_ESCAPES = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
/**
 * Reads one path token as git writes it: plain, or C-quoted with octal bytes when the path holds
 * spaces' cousins, quotes or non-ASCII (core.quotePath). Returns the path and the rest of the line.
 */
function readGitPath(text) {
    if (!text.startsWith('"'))
        return { path: text, rest: '' };
    const bytes = [];
    let i = 1;
    while (i < text.length && text[i] !== '"') {
        const ch = text[i];
        if (ch === '\\' && i + 1 < text.length) {
            const next = text[i + 1];
            const octal = /^[0-7]{3}/.exec(text.slice(i + 1));
            if (octal) {
                bytes.push(parseInt(octal[0], 8));
                i += 4;
                continue;
            }
            bytes.push(C_ESCAPES[next] ?? next.charCodeAt(0));
            i += 2;
            continue;
        }
        bytes.push(...Buffer.from(ch, 'utf8'));
        i += 1;
    }
    return { path: Buffer.from(bytes).toString('utf8'), rest: text.slice(i + 1) };
}
/** A `---`/`+++` file name: git appends a tab when the name has a space (for GNU patch). */
function readFileLinePath(text, prefix) {
    const raw = text.startsWith('"') ? readGitPath(text).path : text.split('\t')[0];
    if (raw === '/dev/null')
        return undefined;
    return raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
}
/** Paths from `diff --git a/X b/Y`, used only when a section has no `---`/`+++` or rename lines. */
function readHeaderPaths(header) {
    if (header.startsWith('"')) {
        const first = readGitPath(header);
        const second = readGitPath(first.rest.trimStart());
        return { oldPath: stripPrefix(first.path, 'a/'), newPath: stripPrefix(second.path, 'b/') };
    }
    // Unquoted: "a/X b/X" is ambiguous with spaces, but without a rename both halves are equal.
    const half = (header.length - 1) / 2;
    if (Number.isInteger(half) && header.slice(2, half) === header.slice(half + 3)) {
        const path = header.slice(2, half);
        return { oldPath: path, newPath: path };
    }
    const cut = header.indexOf(' b/');
    if (cut < 0)
        return {};
    return { oldPath: stripPrefix(header.slice(0, cut), 'a/'), newPath: header.slice(cut + 3) };
}
function stripPrefix(path, prefix) {
    return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/**
 * Splits a `git diff` (with or without `--binary`, renames or not) into file sections with
 * numbered lines. Binary payloads are skipped, never decoded; unknown lines are ignored.
 */
function parsePatch(patch) {
    const files = [];
    let file;
    let header = {};
    let sawFileLines = false;
    let oldLeft = 0;
    let newLeft = 0;
    let oldLine = 0;
    let newLine = 0;
    const finish = () => {
        if (!file)
            return;
        if (!sawFileLines && file.oldPath === undefined && file.newPath === undefined) {
            file.oldPath = header.oldPath;
            file.newPath = header.newPath;
        }
        if (file.status === 'added')
            file.oldPath = undefined;
        if (file.status === 'deleted')
            file.newPath = undefined;
        if (file.oldPath !== undefined || file.newPath !== undefined)
            files.push(file);
        file = undefined;
    };
    for (const line of patch.split('\n')) {
        if (file && (oldLeft > 0 || newLeft > 0)) {
            const mark = line[0];
            if (mark === '\\')
                continue; // "\ No newline at end of file"
            if (mark === '+' && newLeft > 0) {
                file.lines.push({ kind: 'added', text: line.slice(1), newLine: newLine++ });
                newLeft--;
                continue;
            }
            if (mark === '-' && oldLeft > 0) {
                file.lines.push({ kind: 'removed', text: line.slice(1), oldLine: oldLine++ });
                oldLeft--;
                continue;
            }
            // Some tools strip the single space of an empty context line.
            if ((mark === ' ' || line === '') && oldLeft > 0 && newLeft > 0) {
                file.lines.push({ kind: 'context', text: line.slice(1), oldLine: oldLine++, newLine: newLine++ });
                oldLeft--;
                newLeft--;
                continue;
            }
            oldLeft = 0;
            newLeft = 0;
        }
        if (line.startsWith('diff --git ')) {
            finish();
            file = { status: 'modified', binary: false, lines: [] };
            header = readHeaderPaths(line.slice('diff --git '.length));
            sawFileLines = false;
            continue;
        }
        if (!file || file.binary)
            continue;
        const hunk = HUNK_HEADER.exec(line);
        if (hunk) {
            oldLine = Number(hunk[1]);
            oldLeft = hunk[2] === undefined ? 1 : Number(hunk[2]);
            newLine = Number(hunk[3]);
            newLeft = hunk[4] === undefined ? 1 : Number(hunk[4]);
        }
        else if (line.startsWith('--- ')) {
            file.oldPath = readFileLinePath(line.slice(4), 'a/');
            if (file.oldPath === undefined)
                file.status = 'added';
            sawFileLines = true;
        }
        else if (line.startsWith('+++ ')) {
            file.newPath = readFileLinePath(line.slice(4), 'b/');
            if (file.newPath === undefined)
                file.status = 'deleted';
            sawFileLines = true;
        }
        else if (line.startsWith('new file mode')) {
            file.status = 'added';
        }
        else if (line.startsWith('deleted file mode')) {
            file.status = 'deleted';
        }
        else if (line.startsWith('rename from ') || line.startsWith('copy from ')) {
            file.status = line.startsWith('rename') ? 'renamed' : 'copied';
            file.oldPath = readGitPath(line.slice(line.indexOf(' from ') + 6)).path;
            sawFileLines = true;
        }
        else if (line.startsWith('rename to ') || line.startsWith('copy to ')) {
            file.newPath = readGitPath(line.slice(line.indexOf(' to ') + 4)).path;
            sawFileLines = true;
        }
        else if (line.startsWith('GIT binary patch') || (line.startsWith('Binary files ') && line.endsWith(' differ'))) {
            file.binary = true;
        }
    }
    finish();
    return files;
}
// ---------------------------------------------------------------------------------------------
// What counts as a test, a skip and an assertion, per language


/***/ }),

/***/ 14528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GG: () => (/* binding */ totalUsage),
/* harmony export */   QO: () => (/* binding */ formatCostOutput),
/* harmony export */   pK: () => (/* binding */ formatUsage)
/* harmony export */ });
/**
 * The sum of what the attempts' agent runs reported; undefined when none reported anything, so an
 * agent that reports nothing shows as unknown, never as 0. A count or cost no run reported stays
 * absent; one some runs reported is their sum (a lower bound when others reported none).
 */
function totalUsage(attempts) {
    const usages = attempts.map((a) => a.agent.usage).filter((u) => u !== undefined && hasAny(u));
    if (usages.length === 0)
        return undefined;
    const sum = (key) => {
        const values = usages.map((u) => u[key]).filter((v) => v !== undefined);
        return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0);
    };
    const usage = {};
    const input = sum('inputTokens');
    const output = sum('outputTokens');
    const cost = sum('costUsd');
    if (input !== undefined)
        usage.inputTokens = input;
    if (output !== undefined)
        usage.outputTokens = output;
    if (cost !== undefined)
        usage.costUsd = cost;
    if (usages.some((u) => u.approximate))
        usage.approximate = true;
    return { usage, reported: usages.length, runs: attempts.length };
}
function hasAny(usage) {
    return usage.inputTokens !== undefined || usage.outputTokens !== undefined || usage.costUsd !== undefined;
}
/** `1530 in / 273 out tokens, $0.0118` (`~1500 in` when the CLI rounded), as far as reported; `—` for nothing. */
function formatUsage(usage) {
    if (!usage || !hasAny(usage))
        return '—';
    const parts = [];
    const about = usage.approximate ? '~' : '';
    if (usage.inputTokens !== undefined || usage.outputTokens !== undefined) {
        parts.push(`${about}${usage.inputTokens ?? '?'} in / ${about}${usage.outputTokens ?? '?'} out tokens`);
    }
    if (usage.costUsd !== undefined)
        parts.push(`$${usage.costUsd.toFixed(4)}`);
    return parts.join(', ');
}
/** A dollar amount for an output: plain decimal, float noise rounded away at a millionth of a cent. */
function formatCostOutput(costUsd) {
    return String(Number(costUsd.toFixed(8)));
}


/***/ })

};
;