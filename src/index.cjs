/**
 * The action's entry as the runner starts it (`runs.main` in action.yml): the bundle of index.ts,
 * built as CommonJS. Starting node on an ES module costs a fifth of node's own start-up before a
 * line of ours runs (the ESM loader), and an event that is not ours should cost little more than
 * starting node; the bundle needs nothing ESM gives (no top-level await, no import.meta), and the
 * rest of the action stays in separate chunks that load only when the event is ours.
 */
require('./index.ts')
