/**
 * GitHub's published OpenAPI description, as a request router and validator for the fake.
 *
 * The 13 MB description is read with `fs` (the package's entry point would load ~400 MB of
 * other descriptions), parsed once per module instance, and every validator is compiled lazily
 * on first use and cached: only the handful of operations a test touches are ever compiled.
 */
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv, type ValidateFunction, type ErrorObject } from 'ajv'
import ajvFormats from 'ajv-formats'

type JsonObject = Record<string, unknown>

/** One REST operation of the description, ready for matching. */
export interface Operation {
  operationId: string
  /** Upper-case HTTP method. */
  method: string
  /** The path template, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`. */
  template: string
  /** The operation object as the description has it. */
  spec: JsonObject
  regex: RegExp
  paramNames: string[]
  /** Characters outside `{params}`: the most literal template wins when several match. */
  literalLength: number
}

/** A request path matched to an operation, with its path parameters URL-decoded. */
export interface OperationMatch {
  operation: Operation
  pathParams: Record<string, string>
}

/** The request parts validated, with parameters coerced to their declared types. */
export type RequestCheck =
  | { kind: 'valid'; pathParams: Record<string, unknown>; query: Record<string, unknown> }
  | { kind: 'invalid'; status: 404 | 422; problems: string[] }

const SPEC_FILE = fileURLToPath(new URL('../../node_modules/@octokit/openapi/generated/api.github.com.json', import.meta.url))
// Component schemas live in one Ajv document under this id; operation schemas point into it.
const COMPONENTS_ID = 'https://openapi.fake/components.json'
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options']
// ajv-formats is CommonJS whose typings declare an ES default export: normalise both shapes.
const addFormats = ((ajvFormats as unknown as { default?: unknown }).default ?? ajvFormats) as unknown as (ajv: Ajv) => Ajv

let loaded: GitHubSpec | undefined

/** The parsed description, shared by every fake in this module instance (one parse per test file). */
export function loadGitHubSpec(): GitHubSpec {
  loaded ??= new GitHubSpec(JSON.parse(fs.readFileSync(SPEC_FILE, 'utf8')) as JsonObject)
  return loaded
}

/**
 * Rewrites an OpenAPI 3.0 schema into one Ajv 8 compiles faithfully:
 * - `nullable` without `type` (GitHub uses it beside `allOf`/`$ref`) becomes `anyOf [null, …]`;
 *   `nullable` with an `enum` adds `null` to the enum, as OpenAPI means;
 * - `oneOf` becomes `anyOf`: GitHub's description uses `oneOf` for alternatives that overlap
 *   (two nullable branches both accept `null`), which strict exclusivity would reject;
 * - `$ref` siblings are honoured by moving the `$ref` into an `allOf`;
 * - refs into `#/components/` are made absolute when the schema lives outside the components document.
 */
function toAjvSchema(node: unknown, refPrefix: string): unknown {
  if (Array.isArray(node)) return node.map((item) => toAjvSchema(item, refPrefix))
  if (node === null || typeof node !== 'object') return node
  const out: JsonObject = {}
  let nullable = false
  for (const [key, value] of Object.entries(node as JsonObject)) {
    if (key === 'description' || key === 'example' || key === 'examples' || key.startsWith('x-')) continue
    if (key === 'nullable') {
      nullable = value === true
      continue
    }
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.startsWith('#/components/') ? refPrefix + value : value
      continue
    }
    out[key === 'oneOf' ? 'anyOf' : key] =
      key === 'properties' || key === 'patternProperties'
        ? Object.fromEntries(Object.entries(value as JsonObject).map(([k, v]) => [k, toAjvSchema(v, refPrefix)]))
        : key === 'enum' || key === 'default' || key === 'const' || key === 'required'
          ? value
          : toAjvSchema(value, refPrefix)
  }
  if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...rest } = out
    const merged: JsonObject = { ...rest, allOf: [...((rest.allOf as unknown[]) ?? []), { $ref }] }
    return nullable ? { anyOf: [{ type: 'null' }, merged] } : merged
  }
  if (!nullable) return out
  if (typeof out.$ref === 'string' || out.type === undefined) return { anyOf: [{ type: 'null' }, out] }
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
  out.nullable = true
  return out
}

function describeErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  // anyOf failures list every branch's error; the first few say enough and keep messages readable.
  return (errors ?? []).slice(0, 6).map((e) => {
    const at = e.instancePath ? `${where}${e.instancePath}` : where
    const detail =
      e.keyword === 'additionalProperties'
        ? `has unknown property "${String((e.params as { additionalProperty?: string }).additionalProperty)}"`
        : e.keyword === 'enum'
          ? `must be one of ${JSON.stringify((e.params as { allowedValues?: unknown[] }).allowedValues)}`
          : (e.message ?? e.keyword)
    return `${at} ${detail}`
  })
}

/** Router and validators over GitHub's REST description. */
export class GitHubSpec {
  readonly operations: Operation[] = []
  private readonly byId = new Map<string, Operation>()
  private readonly components: JsonObject
  private readonly validators = new Map<string, ValidateFunction | undefined>()
  private ajvInstance?: Ajv
  private readonly withComponentsAdded = new WeakSet<Ajv>()
  private paramAjvInstance?: Ajv

  constructor(document: JsonObject) {
    this.components = document.components as JsonObject
    for (const [template, item] of Object.entries(document.paths as Record<string, JsonObject>)) {
      const shared = (item.parameters as unknown[]) ?? []
      for (const method of METHODS) {
        const op = item[method] as JsonObject | undefined
        if (!op) continue
        const parameters = [...shared, ...((op.parameters as unknown[]) ?? [])].map((p) => this.resolve(p))
        const multi = new Set(parameters.filter((p) => p['x-multi-segment'] === true).map((p) => String(p.name)))
        const paramNames: string[] = []
        let literalLength = 0
        const pattern = template
          .split(/(\{[^}]+\})/)
          .map((part) => {
            const name = /^\{([^}]+)\}$/.exec(part)?.[1]
            if (name === undefined) {
              literalLength += part.length
              return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
            }
            paramNames.push(name)
            // Branch names and file paths may hold `/`; every other parameter is one segment.
            return multi.has(name) ? '(.+)' : '([^/]+)'
          })
          .join('')
        const operation: Operation = {
          operationId: String(op.operationId),
          method: method.toUpperCase(),
          template,
          spec: { ...op, parameters },
          regex: new RegExp(`^${pattern}/?$`),
          paramNames,
          literalLength
        }
        this.operations.push(operation)
        this.byId.set(operation.operationId, operation)
      }
    }
  }

  /** The operation with this id (e.g. `pulls/create`). */
  operation(operationId: string): Operation | undefined {
    return this.byId.get(operationId)
  }

  /** The operation a request addresses; the most literal template wins, as GitHub's router does. */
  match(method: string, rawPath: string): OperationMatch | undefined {
    let best: OperationMatch | undefined
    for (const operation of this.operations) {
      if (operation.method !== method) continue
      const m = operation.regex.exec(rawPath)
      if (!m) continue
      if (best && best.operation.literalLength >= operation.literalLength) continue
      const pathParams: Record<string, string> = {}
      operation.paramNames.forEach((name, i) => {
        pathParams[name] = safeDecode(m[i + 1])
      })
      best = { operation, pathParams }
    }
    return best
  }

  /** Whether any operation serves this path with another method (GitHub answers 404 either way). */
  pathKnown(rawPath: string): boolean {
    return this.operations.some((op) => op.regex.test(rawPath))
  }

  /**
   * Validates path and query parameters (types, enums, unknown names) and the JSON body against
   * the operation's request body schema. Unknown body and query properties are flagged too:
   * GitHub ignores them silently, which is exactly how a typo ships unnoticed.
   */
  checkRequest(match: OperationMatch, query: Record<string, string | string[]>, body: unknown): RequestCheck {
    const { operation } = match
    const parameters = operation.spec.parameters as JsonObject[]
    const pathParams: Record<string, unknown> = { ...match.pathParams }
    const pathCheck = this.validator(`${operation.operationId}#path`, () => this.parameterSchema(parameters, 'path'))
    if (pathCheck && !pathCheck(pathParams)) {
      return { kind: 'invalid', status: 404, problems: describeErrors('path', pathCheck.errors) }
    }
    const coercedQuery: Record<string, unknown> = { ...query }
    const queryCheck = this.validator(`${operation.operationId}#query`, () => this.parameterSchema(parameters, 'query'))
    const problems: string[] = []
    if (queryCheck && !queryCheck(coercedQuery)) problems.push(...describeErrors('query', queryCheck.errors))
    problems.push(...this.checkBody(operation, body))
    return problems.length > 0 ? { kind: 'invalid', status: 422, problems } : { kind: 'valid', pathParams, query: coercedQuery }
  }

  /** Checks the fake's own answer against the documented response, so its data stays realistic. */
  checkResponse(operation: Operation, status: number, body: unknown): string[] {
    const validate = this.validator(`${operation.operationId}#response${status}`, () => {
      const responses = operation.spec.responses as Record<string, unknown>
      const response = responses[String(status)]
      if (!response) return undefined
      const schema = ((this.resolve(response).content as JsonObject | undefined)?.['application/json'] as JsonObject | undefined)?.schema
      return schema === undefined ? undefined : (toAjvSchema(schema, COMPONENTS_ID) as JsonObject)
    })
    if (!validate || validate(body)) return []
    return describeErrors(`response ${status}`, validate.errors)
  }

  private checkBody(operation: Operation, body: unknown): string[] {
    const requestBody = operation.spec.requestBody ? this.resolve(operation.spec.requestBody) : undefined
    const empty = body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0)
    if (!requestBody) return empty ? [] : ['body sent to an operation that takes none']
    const content = requestBody.content as Record<string, JsonObject>
    if (body === undefined) return requestBody.required === true ? ['body is required'] : []
    if (!content['application/json']) return [] // text/plain and binary uploads carry no schema.
    const validate = this.validator(`${operation.operationId}#body`, () => {
      const schema = toAjvSchema(content['application/json'].schema, COMPONENTS_ID) as JsonObject
      const composed = ['anyOf', 'allOf', '$ref'].some((k) => k in schema)
      if (schema.type === 'object' && schema.properties && !composed && schema.additionalProperties === undefined) {
        schema.additionalProperties = false
      }
      return schema
    })
    if (!validate || validate(body)) return []
    return describeErrors('body', validate.errors)
  }

  private parameterSchema(parameters: JsonObject[], where: 'path' | 'query'): JsonObject {
    const mine = parameters.filter((p) => p.in === where)
    return {
      type: 'object',
      properties: Object.fromEntries(mine.map((p) => [p.name, toAjvSchema(p.schema ?? {}, COMPONENTS_ID)])),
      required: mine.filter((p) => p.required === true).map((p) => p.name),
      additionalProperties: false
    }
  }

  private validator(key: string, build: () => JsonObject | undefined): ValidateFunction | undefined {
    if (!this.validators.has(key)) {
      const schema = build()
      const ajv = key.includes('#path') || key.includes('#query') ? this.paramAjv() : this.ajv()
      this.validators.set(key, schema === undefined ? undefined : this.withComponents(ajv, schema).compile(schema))
    }
    return this.validators.get(key)
  }

  private resolve(node: unknown): JsonObject {
    let current = node as JsonObject
    while (typeof current?.$ref === 'string') {
      const [, kind, name] = /^#\/components\/([^/]+)\/(.+)$/.exec(current.$ref) ?? []
      current = (this.components[kind] as JsonObject)[name] as JsonObject
    }
    return current
  }

  private ajv(): Ajv {
    this.ajvInstance ??= this.newAjv(false)
    return this.ajvInstance
  }

  private paramAjv(): Ajv {
    // Parameters arrive as strings; coercion turns `per_page=5` into 5 before type checks.
    this.paramAjvInstance ??= this.newAjv(true)
    return this.paramAjvInstance
  }

  private newAjv(coerce: boolean): Ajv {
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      allowUnionTypes: true,
      validateSchema: false,
      // Referenced schemas compile once, as functions shared by every operation that uses them,
      // instead of being inlined into each validator (GitHub's users and repositories are everywhere).
      inlineRefs: false,
      logger: false,
      coerceTypes: coerce ? 'array' : false
    })
    addFormats(ajv)
    ajv.addFormat('repo.nwo', /^[^/\s]+\/[^/\s]+$/)
    return ajv
  }

  /** Adds the component schemas to an Ajv instance the first time one of its schemas points into them. */
  private withComponents(ajv: Ajv, schema: JsonObject): Ajv {
    if (!this.withComponentsAdded.has(ajv) && JSON.stringify(schema).includes(COMPONENTS_ID)) {
      ajv.addSchema({ $id: COMPONENTS_ID, components: { schemas: this.componentSchemas() } }, undefined, undefined, false)
      this.withComponentsAdded.add(ajv)
    }
    return ajv
  }

  private componentSchemasCache?: unknown
  private componentSchemas(): unknown {
    this.componentSchemasCache ??= Object.fromEntries(
      Object.entries(this.components.schemas as JsonObject).map(([name, schema]) => [name, toAjvSchema(schema, '')])
    )
    return this.componentSchemasCache
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
