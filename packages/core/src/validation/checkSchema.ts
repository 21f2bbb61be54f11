import type { ValidationIssue } from '../errors/TrackerError'
import { isRecord } from '../schemas/values'
import type { WireSchema } from '../schemas/wireSchema'
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
      // A missing required field fails its own check on `undefined`, with its own expectation.
      if (!('optional' in field) || object[key] !== undefined) {
        checkSchema('optional' in field ? field.optional : field, object[key], joinPath(path, key), issues)
      }
    }
    // Also on an array in an object's place, as valibot's copy of it is an object too.
    schema.refine?.(object, (key, expects, input) => fail(expects, input, joinPath(path, key)))
  } else if ('item' in schema) {
    if (!Array.isArray(value)) return void fail(schema.expects, value)
    // An index loop, not forEach: holes in a sparse array are checked as `undefined`.
    for (let index = 0; index < value.length; index++)
      checkSchema(schema.item, value[index], joinPath(path, index), issues)
    if (schema.nonEmpty && !value.length) fail(schema.expects, value)
  } else if ('keys' in schema) {
    if (!isRecord(value)) return void fail(schema.expects, value)
    for (const key of Object.keys(value)) {
      if (isForbiddenKey(key)) continue
      if (!schema.keys.is(key)) fail(schema.keys.expects, key, joinPath(path, key))
      checkSchema(schema.values, value[key], joinPath(path, key), issues)
    }
  } else if (!schema.is(value)) fail(schema.expects, value)
}
