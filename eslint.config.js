import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** Imports that would let the pure engine touch the machine or a front-end. */
const NOT_IN_CORE = [
  { group: ['node:fs', 'node:fs/*', 'fs', 'fs/*'], message: 'src/core/ is pure: file access belongs in src/runtime/.' },
  { group: ['node:child_process', 'child_process'], message: 'src/core/ is pure: processes belong in src/runtime/.' },
  { group: ['@actions/*'], message: 'src/core/ knows nothing of GitHub Actions: use src/action/.' },
  {
    group: ['../runtime/*', '../runtime/**', '../action/*', '../github/*', '../local/*', '../cli.js', '../index.js'],
    message: 'src/core/ depends on nothing outside itself.'
  }
]
/** Only the Action front-end reads inputs and writes outputs through the toolkit's core. */
const ACTION_CORE_ONLY = { group: ['@actions/core'], message: 'Only src/action/ (and src/index.ts) may import @actions/core.' }
const NO_FRONT_END = {
  group: ['./action/*', '../action/*', '../../action/*', '../cli.js', '../../cli.js'],
  message: 'Adapters do not depend on a front-end.'
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        AbortController: 'readonly',
        fetch: 'readonly',
        TextDecoder: 'readonly'
      }
    },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] }
  },
  {
    // The action's CommonJS entry: one require of the TypeScript entry, for the bundler.
    files: ['src/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: NOT_IN_CORE }] } },
  {
    files: ['src/runtime/**/*.ts', 'src/github/**/*.ts', 'src/local/**/*.ts', 'src/cli.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ACTION_CORE_ONLY, NO_FRONT_END] }] }
  }
)
