/**
 * The module `npm run local-action` hands to @github/local-action, which imports a module and calls
 * the `run()` it exports. src/index.ts is the real entry point and runs on import (as on a runner),
 * so importing it here, after local-action has stubbed the toolkit, runs the action unchanged.
 */
export async function run() {
  await (
    await import('../src/index.ts')
  ).done
}
