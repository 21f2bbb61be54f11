import type { ValidationIssue } from '../errors/TrackerError'
import { isRecord } from '../schemas/values'
import type { AnyNode, WireSchema } from '../schemas/wireSchema'
import { isForbiddenKey } from './forbiddenKeys'
import { joinPath, makeIssue } from './issues'

/**
 * Checks a value against the wire model, adding one issue per failing field, named by its wire path
 * and saying what was expected and what came. Objects are open: keys the model does not know pass.
 * The value sits at `key` of `path` when a key is given: the path is joined only when needed.
 */
export function checkSchema(
  schema: WireSchema,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  key?: string | number,
): void {
  const node = schema as AnyNode
  // An object may also be an array in an object's place (valibot's copy of it is an object too).
  const passes = node.is
    ? node.is(value)
    : node.fields
      ? value && typeof value === 'object'
      : node.item
        ? Array.isArray(value) && (value.length || !node.nonEmpty)
        : isRecord(value)
  // Most nodes are leaves that pass: those need no path.
  if (passes && node.is) return
  if (key !== undefined) path = joinPath(path, key)
  if (!passes) issues.push(makeIssue(path, node.expects!, value))
  else if (node.fields) {
    const object = value as Record<string, unknown>
    for (const name in node.fields) {
      const field = node.fields[name] as AnyNode
      // A missing required field fails its own check on `undefined`, with its own expectation.
      if (!field.optional || object[name] !== undefined) {
        checkSchema(field.optional ?? (field as WireSchema), object[name], path, issues, name)
      }
    }
    node.refine?.(object, (name, expects, input, nameIsWrong) => {
      issues.push(makeIssue(joinPath(path, name), expects, input, nameIsWrong ? 'invalid_key' : undefined))
    })
  } else if (node.item) {
    // An index loop, not forEach: holes in a sparse array are checked as `undefined`.
    for (let index = 0; index < (value as unknown[]).length; index++)
      checkSchema(node.item, (value as unknown[])[index], path, issues, index)
  } else {
    for (const name of Object.keys(value as object)) {
      if (isForbiddenKey(name)) continue
      if (!node.keys!.is(name)) issues.push(makeIssue(joinPath(path, name), node.keys!.expects, name, 'invalid_key'))
      checkSchema(node.values!, (value as Record<string, unknown>)[name], path, issues, name)
    }
  }
}
