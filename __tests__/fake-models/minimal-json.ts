/**
 * The smallest value valid against a JSON schema, for side requests that demand structured output
 * (Gemini CLI's router classifier and next-speaker check retry until they get valid JSON).
 * The first `enum` value is used, so a schema with `next_speaker: ['user', 'model']` ends the turn.
 */
export function minimalJson(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return {}
  const s = schema as Record<string, unknown>
  if (Array.isArray(s.enum) && s.enum.length > 0) return s.enum[0]
  if ('const' in s) return s.const
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const options = s[key]
    if (Array.isArray(options) && options.length > 0) return minimalJson(options[0])
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type
  switch (String(type).toLowerCase()) {
    case 'string':
      return 'ok'
    case 'number':
    case 'integer':
      // 1, not 0: scores described as "from 1-100" are validated without a schema `minimum`.
      return typeof s.minimum === 'number' ? s.minimum : 1
    case 'boolean':
      return false
    case 'null':
      return null
    case 'array': {
      const min = typeof s.minItems === 'number' ? s.minItems : 0
      return Array.from({ length: min }, () => minimalJson(s.items))
    }
    default: {
      const properties = (s.properties ?? {}) as Record<string, unknown>
      const out: Record<string, unknown> = {}
      // Every declared property, not only the required ones: callers often read them all.
      for (const [name, sub] of Object.entries(properties)) out[name] = minimalJson(sub)
      return out
    }
  }
}
