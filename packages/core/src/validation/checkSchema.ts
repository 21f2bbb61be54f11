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
  const fail = (expects: string, input: unknown, at: string) => issues.push(makeIssue(at, expects, input))
  // An object may also be an array in an object's place (valibot's copy of it is an object too).
  if (
    !('fields' in schema
      ? value && typeof value === 'object'
      : 'item' in schema
        ? Array.isArray(value) && (value.length || !schema.nonEmpty)
        : 'keys' in schema
          ? isRecord(value)
          : schema.is(value))
  ) {
    fail(schema.expects, value, path)
  } else if ('fields' in schema) {
    const object = value as Record<string, unknown>
    for (const key of Object.keys(schema.fields)) {
      const field = schema.fields[key]!
      // A missing required field fails its own check on `undefined`, with its own expectation.
      if (!('optional' in field) || object[key] !== undefined) {
        checkSchema('optional' in field ? field.optional : field, object[key], joinPath(path, key), issues)
      }
    }
    schema.refine?.(object, (key, expects, input) => fail(expects, input, joinPath(path, key)))
  } else if ('item' in schema) {
    // An index loop, not forEach: holes in a sparse array are checked as `undefined`.
    for (let index = 0; index < (value as unknown[]).length; index++)
      checkSchema(schema.item, (value as unknown[])[index], joinPath(path, index), issues)
  } else if ('keys' in schema) {
    for (const key of Object.keys(value as object)) {
      const at = joinPath(path, key)
      if (isForbiddenKey(key)) continue
      if (!schema.keys.is(key)) fail(schema.keys.expects, key, at)
      checkSchema(schema.values, (value as Record<string, unknown>)[key], at, issues)
    }
  }
}
