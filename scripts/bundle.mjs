/**
 * `npm run bundle`: the action and the CLI, each one file plus its lazily loaded chunks, in dist/.
 *
 * - dist/index.cjs, the action (action.yml's `runs.main`), from src/index.cjs: CommonJS, so that
 *   an event that is not ours does not pay for node's ESM loader (src/index.cjs says why). Its
 *   chunks are named `<id>.index.cjs.js` by ncc, so dist/package.json says `commonjs` for them:
 *   the repository's own package.json says `module`.
 * - dist/cli/index.js, the CLI, from src/cli.ts: an ES module (ncc writes dist/cli/package.json).
 */
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync } from 'node:fs'

const ncc = (entry, out) => execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt'], { stdio: 'inherit' })

rmSync('dist', { recursive: true, force: true })
ncc('src/index.cjs', 'dist')
writeFileSync('dist/package.json', `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`)
ncc('src/cli.ts', 'dist/cli')
