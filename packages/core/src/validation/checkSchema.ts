import type { ValidationIssue } from '../errors/TrackerError'
import { isRecord } from '../schemas/values'
import { expectsOf, type WireSchema } from '../schemas/wireSchema'
import { isForbiddenKey } from './forbiddenKeys'
import { joinPath, makeIssue } from './issues'

/**
 * Checks a value against the wire model, adding one issue per failing field, named by its wire path
 * and saying what was expected and what came. Objects are open: keys the model does not know pass.
 */
export function checkSchema(schema: WireSchema, value: unknown, path: string, issues: ValidationIssue[]): void {
  const fail = (expects: string, input: unknown, at = path) => issues.push(makeIssue(at, expects, input))
  if ('fields' in schema) {
    if (!value || typeof value !== 'object') return void fail('an object', value)
    const object = value as Record<string, unknown>
    for (const key of Object.keys(schema.fields)) {
      const field = schema.fields[key]!
      const at = joinPath(path, key)
      if ('optional' in field) {
        if (object[key] !== undefined) checkSchema(field.optional, object[key], at, issues)
      } else if (key in object) checkSchema(field, object[key], at, issues)
      else fail(expectsOf(field), undefined, at)
    }
    // Also on an array in an object's place, as valibot's copy of it is an object too.
    schema.refine?.(object, (key, expects, input) => fail(expects, input, joinPath(path, key)))
  } else if ('item' in schema) {
    if (!Array.isArray(value)) return void fail(schema.expects, value)
    // An index loop, not forEach: holes in a sparse array are checked as `undefined`.
    for (let index = 0; index < value.length; index++)
      checkSchema(schema.item, value[index], joinPath(path, index), issues)
    if (schema.nonEmpty && value.length === 0) fail(schema.expects, value)
  } else if ('keys' in schema) {
    if (!isRecord(value)) return void fail(schema.expects, value)
    for (const key of Object.keys(value)) {
      if (isForbiddenKey(key)) continue
      if (!schema.keys.is(key)) fail(schema.keys.expects, key, joinPath(path, key))
      checkSchema(schema.values, value[key], joinPath(path, key), issues)
    }
  } else if (!schema.is(value)) fail(schema.expects, value)
}
