#!/usr/bin/env node
/**
 * Proves every flag each agent preset uses is accepted by the pinned CLI's own argument parser, so
 * a CLI release that renames or drops a flag turns CI red instead of failing on a user's runner.
 *
 *   node scripts/check-preset-flags.mjs                              check every preset
 *   node scripts/check-preset-flags.mjs --check-flag <preset> <flag...>   check these flags against that preset's CLI
 *   node scripts/check-preset-flags.mjs --list-installs              `<preset> <package@version>` lines
 *
 * A flag passes when (1) the CLI's `--help` for the preset's subcommand lists it, and (2) the CLI
 * run with the flags and `--help` does not exit with a parse error (this also catches a refused
 * value, e.g. a permission mode that no longer exists). The CLIs come from `.cache/agent-clis/`,
 * where scripts/install-agent-clis.sh puts them. Prints one line per preset; exits 1 on any failure.
 */
import { execFile } from 'node:child_process'
import { readFile, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const CLI_CACHE = path.join(ROOT, '.cache', 'agent-clis')
const RUN_TIMEOUT_MS = 60_000
const PARSE_ERROR = /unknown (option|argument)|unexpected argument|invalid (value|argument)|argument '.*' is invalid|not a valid/i

/**
 * Imports TypeScript sources from src/ without a build: each file and the relative modules it
 * imports are transpiled (types erased, nothing checked) into a temp dir and imported from there.
 */
async function importTypeScript(entries) {
  // Inside the project (in the gitignored .cache), so the transpiled files resolve its node_modules.
  await mkdir(path.join(ROOT, '.cache'), { recursive: true })
  const outDir = await mkdtemp(path.join(ROOT, '.cache', 'preset-check-'))
  const done = new Set()
  const transpile = async (file) => {
    if (done.has(file)) return
    done.add(file)
    const source = await readFile(file, 'utf8')
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 }
    })
    const out = path.join(outDir, path.relative(ROOT, file)).replace(/\.ts$/, '.js')
    await mkdir(path.dirname(out), { recursive: true })
    await writeFile(out, outputText)
    for (const { fileName } of ts.preProcessFile(outputText).importedFiles) {
      if (fileName.startsWith('.')) await transpile(path.resolve(path.dirname(file), fileName.replace(/\.js$/, '.ts')))
    }
  }
  try {
    const modules = []
    for (const entry of entries) {
      const file = path.join(ROOT, entry)
      await transpile(file)
      const out = path.join(outDir, entry).replace(/\.ts$/, '.js')
      modules.push(await import(pathToFileURL(out).href))
    }
    return modules
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}

/** `@scope/name@1.2.3` → `{ pkg: '@scope/name', version: '1.2.3' }`. */
function splitSpec(spec) {
  const at = spec.lastIndexOf('@')
  return { pkg: spec.slice(0, at), version: spec.slice(at + 1) }
}

/** Runs a file to its end and resolves with its exit code and combined output (never rejects). */
function run(file, args, env) {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: RUN_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, cwd: env.HOME }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, output: `${stdout}${stderr}` })
    })
  })
}

/** True when the help text lists `flag` as an option (`--flag`, `--flag <v>`, `-f, --flag`, `--flag=`). */
function helpLists(help, flag) {
  const escaped = flag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(^|[\\s,\\[(])${escaped}(?=$|[\\s,=<\\[\\])])`, 'm').test(help)
}

/** The template's parts: the subcommand words before the first flag, and the flags themselves. */
function templateParts(argv) {
  const args = argv.slice(1)
  const firstFlag = args.findIndex((a) => a.startsWith('-'))
  const subcommand = firstFlag < 0 ? args : args.slice(0, firstFlag)
  const flags = args.filter((a) => a.startsWith('-') && a !== '-' && a !== '--').map((a) => a.split('=')[0])
  const rest = firstFlag < 0 ? [] : args.slice(firstFlag)
  return { subcommand, flags, rest }
}

/**
 * Checks one preset's flags (or `extraFlags`, given instead) against its installed CLI.
 * Resolves with `{ ok, line }`, the line naming the preset and every flag that failed.
 */
async function checkPreset(preset, splitCommandTemplate, extraFlags) {
  const argv = splitCommandTemplate(preset.command)
  const { pkg, version } = splitSpec(preset.install)
  const bin = path.join(CLI_CACHE, preset.name, 'node_modules', '.bin', preset.binary)
  const fail = (why) => ({ ok: false, line: `FAIL ${preset.name}: ${why}` })
  if (argv[0] !== preset.binary) return fail(`the command starts '${argv[0]}', but the preset's binary is '${preset.binary}'`)
  const manifest = path.join(CLI_CACHE, preset.name, 'node_modules', pkg, 'package.json')
  if (!existsSync(bin) || !existsSync(manifest)) {
    return fail(`${preset.install} is not installed in ${path.relative(ROOT, CLI_CACHE)}/${preset.name}: run scripts/install-agent-clis.sh`)
  }
  const installed = JSON.parse(await readFile(manifest, 'utf8')).version
  if (installed !== version) return fail(`${pkg} ${installed} is installed, the preset pins ${version}: run scripts/install-agent-clis.sh`)

  // A throwaway HOME, no model keys, no colours: help and parse errors need nothing else.
  const home = await mkdtemp(path.join(os.tmpdir(), `preset-check-${preset.name}-`))
  try {
    const env = { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8', NO_COLOR: '1', CI: '1' }
    const versionRun = await run(bin, ['--version'], env)
    if (!versionRun.output.includes(version)) {
      return fail(`'${preset.binary} --version' does not report ${version}: ${versionRun.output.trim().slice(0, 200)}`)
    }
    const { subcommand, flags, rest } = templateParts(argv)
    // Values given with --check-flag (e.g. `--permission-mode nosuch`) go to the parser, not the help check.
    const checked = extraFlags ? extraFlags.filter((a) => a.startsWith('-')) : flags
    const help = await run(bin, [...subcommand, '--help'], env)
    const where = [preset.binary, ...subcommand].join(' ')
    if (help.code !== 0) return fail(`'${where} --help' exited ${help.code}: ${help.output.trim().slice(0, 300)}`)
    const unlisted = checked.filter((flag) => !helpLists(help.output, flag.split('=')[0]))
    // The parser itself must take the flags (and their values): run them with --help, which exits before any work.
    const parseArgs = extraFlags ? [...subcommand, ...extraFlags] : [...subcommand, ...rest]
    const parsed = await run(bin, [...parseArgs, '--help'], env)
    const parsedLines = parsed.output
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
    const errorLine = parsedLines.find((l) => PARSE_ERROR.test(l) || /error/i.test(l)) ?? parsedLines[0] ?? ''
    const parseError = parsed.code !== 0 || PARSE_ERROR.test(parsedLines.slice(0, 5).join('\n'))
    if (unlisted.length > 0 || parseError) {
      const problems = []
      if (unlisted.length > 0) problems.push(`${unlisted.join(', ')} not listed by '${where} --help'`)
      if (parseError)
        problems.push(`'${where} ${parseArgs.slice(subcommand.length).join(' ')}' refused (exit ${parsed.code}): ${errorLine}`)
      return fail(`${pkg} ${version}: ${problems.join('; ')}`)
    }
    return { ok: true, line: `ok   ${preset.name}: ${pkg} ${version} accepts ${checked.join(' ')}` }
  } finally {
    await rm(home, { recursive: true, force: true })
  }
}

async function main(args) {
  const [{ AGENT_PRESETS }, { splitCommandTemplate }] = await importTypeScript([
    'src/runtime/agent/agent-presets.ts',
    'src/runtime/agent/command-agent.ts'
  ])
  const presets = Object.values(AGENT_PRESETS)
  if (args[0] === '--list-installs') {
    for (const preset of presets) console.log(`${preset.name} ${preset.install}`)
    return 0
  }
  let checks
  if (args[0] === '--check-flag') {
    const [, name, ...flags] = args
    const preset = AGENT_PRESETS[name ?? '']
    if (!preset || flags.length === 0) {
      console.error(`usage: check-preset-flags.mjs --check-flag <preset> <flag...>; presets: ${Object.keys(AGENT_PRESETS).join(', ')}`)
      return 2
    }
    checks = [checkPreset(preset, splitCommandTemplate, flags)]
  } else if (args.length === 0) {
    checks = presets.map((preset) => checkPreset(preset, splitCommandTemplate, undefined))
  } else {
    console.error('usage: check-preset-flags.mjs [--check-flag <preset> <flag...> | --list-installs]')
    return 2
  }
  const results = await Promise.all(checks)
  for (const { line } of results) console.log(line)
  return results.every((r) => r.ok) ? 0 : 1
}

process.exitCode = await main(process.argv.slice(2))
