#!/usr/bin/env node
/**
 * Writes the README's generated sections from their sources, so the README cannot drift from them:
 *
 *   <!-- generated:inputs -->    the inputs table, from action.yml
 *   <!-- generated:outputs -->   the outputs table, from action.yml
 *   <!-- generated:presets -->   the agent presets table, from src/runtime/agent/agent-presets.ts
 *   <!-- generated:example examples/<file>.yml -->   that workflow file, verbatim
 *
 * each closed by `<!-- /generated -->`. Everything outside the markers is left as it is.
 *
 *   node scripts/readme-tables.mjs                 rewrite README.md
 *   node scripts/readme-tables.mjs --check         exit 1, naming each stale section, when README.md differs
 *   node scripts/readme-tables.mjs --readme FILE   work on another copy (the tests use this)
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'
import { parse as parseYaml } from 'yaml'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const SECTION = /(<!-- generated:([a-z]+)(?: ([^ ]+))? -->\n)([\s\S]*?)(<!-- \/generated -->)/g

/** Text for a table cell: one line, pipes escaped so they cannot end the cell (GFM wants this in code too). */
function oneLine(text) {
  return String(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim()
}

/** Prose for a table cell; `<x>` is escaped so it is not read as an HTML tag. */
function cell(text) {
  return oneLine(text).replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Inline code for a table cell (entities are not decoded in code, so nothing else is escaped). */
function code(text) {
  const value = oneLine(text)
  return value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``
}

function inputsTable(action) {
  const rows = Object.entries(action.inputs ?? {}).map(([name, input]) => {
    const fallback = input.default === undefined || input.default === '' ? '' : code(input.default)
    return `| ${code(name)} | ${fallback} | ${cell(input.description ?? '')} |`
  })
  return ['| input | default | description |', '|---|---|---|', ...rows].join('\n')
}

function outputsTable(action) {
  const rows = Object.entries(action.outputs ?? {}).map(([name, output]) => `| ${code(name)} | ${cell(output.description ?? '')} |`)
  return ['| output | description |', '|---|---|', ...rows].join('\n')
}

function presetsTable(presets) {
  const rows = Object.values(presets).map((preset) => {
    const keys = preset.keyEnv.map(code).join(', ')
    return `| ${code(preset.name)} | ${code(`npm install --global ${preset.install}`)} | ${keys} | ${code(preset.command)} |`
  })
  return ['| `agent` | install (the pinned version) | model key variables | command it runs |', '|---|---|---|---|', ...rows].join('\n')
}

/**
 * The presets as src/runtime/agent/agent-presets.ts defines them. Node cannot import TypeScript, so the file
 * and the relative modules it imports are transpiled (types erased) into a temporary directory under
 * the gitignored .cache, from where the project's node_modules still resolve.
 */
async function loadPresets(root) {
  await mkdir(path.join(root, '.cache'), { recursive: true })
  const outDir = await mkdtemp(path.join(root, '.cache', 'readme-tables-'))
  const done = new Set()
  const transpile = async (file) => {
    if (done.has(file)) return
    done.add(file)
    const { outputText } = ts.transpileModule(await readFile(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 }
    })
    const out = path.join(outDir, path.relative(root, file)).replace(/\.ts$/, '.js')
    await mkdir(path.dirname(out), { recursive: true })
    await writeFile(out, outputText)
    for (const { fileName } of ts.preProcessFile(outputText).importedFiles) {
      if (fileName.startsWith('.')) await transpile(path.resolve(path.dirname(file), fileName.replace(/\.js$/, '.ts')))
    }
  }
  try {
    const entry = path.join(root, 'src', 'runtime', 'agent', 'agent-presets.ts')
    await transpile(entry)
    const module = await import(pathToFileURL(path.join(outDir, 'src', 'runtime', 'agent', 'agent-presets.js')).href)
    return module.AGENT_PRESETS
  } finally {
    await rm(outDir, { recursive: true, force: true })
  }
}

/** The README with every generated section rewritten, and the names of the sections that changed. */
export async function renderReadme(readme, root = ROOT) {
  const action = parseYaml(await readFile(path.join(root, 'action.yml'), 'utf8'))
  let presets
  const contents = new Map()
  const render = async (kind, argument) => {
    switch (kind) {
      case 'inputs':
        return inputsTable(action)
      case 'outputs':
        return outputsTable(action)
      case 'presets':
        presets ??= await loadPresets(root)
        return presetsTable(presets)
      case 'example': {
        if (!argument || !/^examples\/[\w.-]+\.ya?ml$/.test(argument))
          throw new Error(`generated:example needs a file under examples/, not "${argument}"`)
        const workflow = await readFile(path.join(root, argument), 'utf8')
        return `\`\`\`yaml\n${workflow.trimEnd()}\n\`\`\``
      }
      default:
        throw new Error(`Unknown generated section "${kind}" in the README`)
    }
  }
  for (const match of readme.matchAll(SECTION)) {
    const [, , kind, argument] = match
    contents.set(match.index, `${await render(kind, argument)}\n`)
  }
  const stale = []
  const updated = readme.replace(SECTION, (whole, open, kind, argument, body, close, offset) => {
    const fresh = contents.get(offset)
    if (fresh !== body) stale.push(argument ? `${kind} ${argument}` : kind)
    return `${open}${fresh}${close}`
  })
  return { updated, stale, sections: contents.size }
}

async function main(argv) {
  const check = argv.includes('--check')
  const at = argv.indexOf('--readme')
  const readmePath = at >= 0 ? path.resolve(argv[at + 1] ?? '') : path.join(ROOT, 'README.md')
  const readme = await readFile(readmePath, 'utf8')
  const { updated, stale, sections } = await renderReadme(readme)
  if (sections === 0) {
    console.error(`${readmePath} has no <!-- generated:... --> sections.`)
    return 1
  }
  if (stale.length === 0) {
    console.log(`${path.relative(process.cwd(), readmePath) || readmePath}: ${sections} generated sections are current.`)
    return 0
  }
  if (check) {
    console.error(`${readmePath} is stale in: ${stale.join('; ')}. Run \`npm run readme-tables\` and commit the result.`)
    return 1
  }
  await writeFile(readmePath, updated)
  console.log(`Rewrote ${stale.join('; ')} in ${readmePath}.`)
  return 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2))
}
