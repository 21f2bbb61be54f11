import type { ValidationIssue } from '../errors/TrackerError'
import { joinPath, makeIssue } from './issues'

/**
 * How deep objects and arrays may nest in an input or a payload: the one limit of the ES module, the
 * script tag and the node tracker (real payloads nest 5 deep). A fixed limit, checked without
 * recursion, makes validity independent of how much stack an engine happens to have.
 */
export const MAX_PAYLOAD_DEPTH = 32

/**
 * How many values (array items and object fields, counted each time they are reached) one input or
 * payload may hold: a 400-line cart has about 4,000, a large `ProductUpdate` batch tens of thousands.
 */
export const MAX_PAYLOAD_VALUES = 100_000

/** One object or array still to look at, and where it sits. */
type Pending = readonly [value: object, path: string]

/** Marks, on the walk's stack, the point where an object's children are done and it stops being an ancestor. */
const LEAVE = Symbol('leave')

/**
 * Finds what makes a value too large to walk: nesting deeper than {@link MAX_PAYLOAD_DEPTH}, or more
 * than {@link MAX_PAYLOAD_VALUES} values. An array's length is compared with what is left before any
 * of its items is read, so that a Proxy or a sparse array claiming billions costs one read. Runs
 * before any other walk of a caller's input (builders, validation, eS.JS conversion), without
 * recursion. A cycle is not followed (checkSchema names it). Answers the first issue, or
 * `undefined`; may throw what a hostile getter throws (callers catch it).
 *
 * @example
 * findOversizedContent({ a: { a: { a: {} } } }) // undefined
 * findOversizedContent({ Products: Object.assign([], { length: 2 ** 32 - 1 }) })
 * // { path: 'Products', message: 'expected at most 100000 values in a payload, got an array of 4294967295', ... }
 */
export function findOversizedContent(value: unknown): ValidationIssue | undefined {
  if (!value || typeof value !== 'object') return undefined
  let left = MAX_PAYLOAD_VALUES
  const ancestors: object[] = []
  const stack: Array<Pending | typeof LEAVE> = [[value, '']]
  while (stack.length > 0) {
    const next = stack.pop()!
    if (next === LEAVE) {
      ancestors.pop()
      continue
    }
    const [item, path] = next
    if (ancestors.includes(item)) continue
    if (ancestors.length >= MAX_PAYLOAD_DEPTH) {
      return makeIssue(path, `at most ${MAX_PAYLOAD_DEPTH} levels of nested objects and arrays`, item)
    }
    const keys = Array.isArray(item) ? undefined : Object.keys(item)
    const count = keys ? keys.length : (item as unknown[]).length
    left -= count
    // `!(left >= 0)`: a Proxy may claim a length that is no count at all (NaN, negative).
    if (!(count >= 0 && left >= 0)) return makeIssue(path, `at most ${MAX_PAYLOAD_VALUES} values in a payload`, item)
    ancestors.push(item)
    stack.push(LEAVE)
    for (let index = 0; index < count; index++) {
      const key = keys ? keys[index]! : index
      const child = (item as Record<string | number, unknown>)[key]
      if (child && typeof child === 'object') stack.push([child, joinPath(path, key)])
    }
  }
  return undefined
}
