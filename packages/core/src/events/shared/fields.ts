import type { ValidationIssue } from '../../errors/TrackerError'
import { forbiddenKeyIssue, isForbiddenKey } from '../../validation/forbiddenKeys'
import { joinPath } from '../../validation/issues'

/** The issues a builder collects while it converts an input. */
export type Issues = ValidationIssue[]

/**
 * Copies a caller's extra fields into a wire object (objects are open: the vendor reads fields we
 * do not model), skipping those the builder maps itself or has already set. Prototype-polluting
 * keys are reported, never assigned (assigning `__proto__` would swap the object's prototype).
 */
export function copyFields(
  source: Record<string, unknown>,
  target: Record<string, unknown>,
  path: string,
  issues: Issues,
  handled: readonly string[] = [],
): void {
  for (const key of Object.keys(source)) {
    if (isForbiddenKey(key)) issues.push(forbiddenKeyIssue(joinPath(path, key), key))
    else if (!handled.includes(key) && !hasOwn(target, key) && source[key] !== undefined) target[key] = source[key]
  }
}

/** Own-key test without ES2022's `Object.hasOwn`: the script tag still serves older browsers. */
export function hasOwn(object: object, key: string): boolean {
  return Object.getOwnPropertyDescriptor(object, key) !== undefined
}

/** Sets a field only when the value is given, so optional fields stay absent rather than `undefined`. */
export function setDefined(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) target[key] = value
}

/** Converts each item of a list with its wire path; a non-list is returned as is for the schema to report. */
export function mapList(list: unknown, path: string, convert: (item: unknown, path: string) => unknown): unknown {
  return Array.isArray(list) ? list.map((item, index) => convert(item, `${path}[${index}]`)) : list
}

/** The input as an object to read fields from; anything else reads as `{}` and fails the schema. */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** Tells whether an optional input counts as not given: `undefined`, `null` or a blank string. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}
