import type { ValidationIssue } from '../errors/TrackerError'
import { isRecord } from '../schemas/predicates'
import type { AnyNode, WireSchema } from '../schemas/wireSchema'
import { rejectForbiddenKey } from './forbiddenKeys'
import { joinPath, makeIssue } from './issues'

/**
 * Checks a value against the wire model (`schema` undefined: any JSON value) in one walk, adding one
 * issue per failing field, named by its wire path and saying what was expected and what came.
 * Objects are open: keys the model does not know pass, but nothing that would hurt anywhere does:
 * own `__proto__` / `constructor` / `prototype` keys (`JSON.parse` creates an own `__proto__`, which
 * a `for...in` copy would turn into a prototype change) and values `JSON.stringify` throws on (BigInt,
 * circular references), which would fail at delivery instead of here. The value sits at `key` of
 * `path` when a key is given: the path is joined only when needed. May throw what a hostile getter
 * or proxy throws (callers catch it).
 *
 * @example
 * const issues: ValidationIssue[] = []
 * checkSchema(statusCartWire, payload, '', issues)
 * // [{ path: 'StatusCart.Products[1].quantity', message: 'expected a positive integer, got "x"', ... }]
 */
export function checkSchema(
  schema: WireSchema | undefined,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  key?: string | number,
  // The objects being walked, outermost first: a short list, which `includes` searches faster than a Set.
  ancestors: object[] = [],
): void {
  let node = schema as AnyNode | undefined
  // Any JSON value: only an object or a BigInt can hold what is looked for.
  if (!node && typeof value !== 'object' && typeof value !== 'bigint') return
  // An object may also be an array in an object's place (valibot's copy of it is an object too).
  const passes =
    !node ||
    (node.is
      ? node.is(value)
      : node.fields
        ? value && typeof value === 'object'
        : node.item
          ? Array.isArray(value) && (value.length || !node.nonEmpty)
          : isRecord(value))
  // Most values are leaves that pass (never a BigInt or an object): those need no path.
  if (passes && node?.is) return
  if (key !== undefined) path = joinPath(path, key)
  if (typeof value === 'bigint') issues.push(makeIssue(path, 'a JSON value', value, 'unsafe_value'))
  if (!passes) {
    issues.push(makeIssue(path, node!.expects!, value))
    // Still looked into, as any JSON value: what hurts anywhere is reported wherever it is.
    node = undefined
  }
  if (!value || typeof value !== 'object') return
  if (ancestors.includes(value)) {
    issues.push(makeIssue(path, 'a JSON value (no cycles)', value, 'unsafe_value'))
    return
  }
  ancestors.push(value)
  const object = value as Record<string, unknown>
  if (Array.isArray(value)) {
    // An index loop, not forEach: holes in a sparse array are checked as `undefined`.
    for (let index = 0; index < value.length; index++)
      checkSchema(node?.item, value[index], path, issues, index, ancestors)
  } else {
    for (const name of Object.keys(object)) {
      // The fields the model knows are checked below, in the model's order. (A field is an object; what
      // a name such as `toString` reads from the prototype is a function.)
      if (rejectForbiddenKey(name, path, issues) || typeof node?.fields?.[name] === 'object') continue
      // Event Tags: the names are checked too.
      if (node?.keys && !node.keys.is(name))
        issues.push(makeIssue(joinPath(path, name), node.keys.expects, name, 'invalid_key'))
      checkSchema(node?.values, object[name], path, issues, name, ancestors)
    }
  }
  if (node?.fields) {
    for (const name in node.fields) {
      const field = node.fields[name] as AnyNode
      // A missing required field fails its own check on `undefined`, with its own expectation.
      if (!field.optional || object[name] !== undefined) {
        checkSchema(field.optional ?? (field as WireSchema), object[name], path, issues, name, ancestors)
      }
    }
    node.refine?.(object, (name, expects, input, nameIsWrong) => {
      issues.push(makeIssue(joinPath(path, name), expects, input, nameIsWrong ? 'invalid_key' : undefined))
    })
  }
  ancestors.pop()
}
