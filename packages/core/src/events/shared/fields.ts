import type { ValidationIssue } from '../../errors/TrackerError'
import { isRecord } from '../../schemas/values'
import { forbiddenKeyIssue, isForbiddenKey } from '../../validation/forbiddenKeys'
import { joinPath } from '../../validation/issues'

/** The issues a builder collects while it converts an input. */
export type Issues = ValidationIssue[]

/**
 * Turns one input field into its wire value. It gets the wire path of the object being built, the
 * issues, the whole input and the object being built (product tags add their `tag_*` fields to it).
 */
export type Convert = (
  value: unknown,
  path: string,
  issues: Issues,
  given: Record<string, unknown>,
  target: Record<string, unknown>,
) => unknown

/**
 * How a builder maps an input object, field by field, in wire order: `[input name, wire name, convert,
 * required]`. A defined value is set under its wire name; a `required` one is set even when undefined,
 * so that a caller's extra field of that wire name cannot stand in for it. No wire name: the field is
 * only read (by another field's convert, or to add product tags).
 */
export type FieldMap = readonly (readonly [input: string, wire?: string, convert?: Convert, required?: boolean])[]

/** How an event's friendly input becomes its wire body, at the body's wire path. */
export type BodyConvert = (input: unknown, path: string, issues: Issues) => unknown

/**
 * Builds a wire object from an input by its field map. An `open` object (a product) also takes the
 * caller's other fields as they are (the vendor reads fields we do not model), never over a mapped one.
 */
export function mapFields(
  given: Record<string, unknown>,
  map: FieldMap,
  path: string,
  issues: Issues,
  open?: boolean,
): Record<string, unknown> {
  const target: Record<string, unknown> = {}
  for (const [input, wire, convert, required] of map) {
    const value = convert ? convert(given[input], path, issues, given, target) : given[input]
    if (wire !== undefined && (value !== undefined || required)) target[wire] = value
  }
  if (open) {
    copyFields(
      given,
      target,
      path,
      issues,
      map.map(([input]) => input),
    )
  }
  return target
}

/** The body converter of an event whose input is an object mapped by `map` (anything else reads as `{}`). */
/* @__NO_SIDE_EFFECTS__ */
export function bodyOf(map: FieldMap): BodyConvert {
  return (input, path, issues) => mapFields(isRecord(input) ? input : {}, map, path, issues)
}

/** Converts an open object (a product, an order line) by its map; a non-object is left for the schema to report. */
export function mapItem(item: unknown, map: FieldMap, path: string, issues: Issues): unknown {
  return isRecord(item) ? mapFields(item, map, path, issues, true) : item
}

/** A field convert for a list of open objects under `key` (`Products`). */
/* @__NO_SIDE_EFFECTS__ */
export function listOf(key: string, map: FieldMap): Convert {
  return (list, path, issues) => mapList(list, joinPath(path, key), (item, at) => mapItem(item, map, at, issues))
}

/**
 * Copies a caller's extra fields into a wire object, skipping those the builder maps itself or has
 * already set (unless `overwrite`: then every field is copied as given). Prototype-polluting keys are
 * reported, never assigned (assigning `__proto__` would swap the object's prototype).
 */
export function copyFields(
  source: Record<string, unknown>,
  target: Record<string, unknown>,
  path: string,
  issues: Issues,
  handled: readonly string[] = [],
  overwrite?: boolean,
): void {
  for (const key of Object.keys(source)) {
    if (isForbiddenKey(key)) issues.push(forbiddenKeyIssue(joinPath(path, key), key))
    else if (overwrite || (!handled.includes(key) && !hasOwn(target, key) && source[key] !== undefined)) {
      target[key] = source[key]
    }
  }
}

/** Own-key test without ES2022's `Object.hasOwn`: the script tag still serves older browsers. */
export function hasOwn(object: object, key: string): boolean {
  return Object.getOwnPropertyDescriptor(object, key) !== undefined
}

/** Converts each item of a list with its wire path; a non-list is returned as is for the schema to report. */
export function mapList(list: unknown, path: string, convert: (item: unknown, path: string) => unknown): unknown {
  return Array.isArray(list) ? list.map((item, index) => convert(item, `${path}[${index}]`)) : list
}
