import type { ValidationIssue } from '../../errors/TrackerError'
import { isRecord } from '../../schemas/values'
import { rejectForbiddenKey } from '../../validation/forbiddenKeys'
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
 * so that a caller's extra field of that wire name cannot stand in for it. No (or an empty) wire name: the field is
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
    if (wire && (value !== undefined || required)) target[wire] = value
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
export const bodyOf =
  (map: FieldMap): BodyConvert =>
  (input, path, issues) =>
    mapFields(isRecord(input) ? input : {}, map, path, issues)

/** Converts an open object (a product, an order line) by its map; a non-object is left for the schema to report. */
export const mapItem = (item: unknown, map: FieldMap, path: string, issues: Issues): unknown =>
  isRecord(item) ? mapFields(item, map, path, issues, true) : item

/** Converts each open object of a list by `map`, at its wire path; a non-list is left for the schema to report. */
/* @__NO_SIDE_EFFECTS__ */
export const itemsOf =
  (map: FieldMap): BodyConvert =>
  (list, path, issues) =>
    Array.isArray(list) ? list.map((item, index) => mapItem(item, map, `${path}[${index}]`, issues)) : list

/** A field convert for a list of open objects under `key` (`Products`). */
/* @__NO_SIDE_EFFECTS__ */
export const listOf =
  (key: string, map: FieldMap): Convert =>
  (list, path, issues) =>
    itemsOf(map)(list, joinPath(path, key), issues)

/**
 * Copies a caller's fields into a wire object. With `handled` (a builder's own input names) it skips
 * those, the fields already set and undefined ones; without, every field is copied as given.
 * Prototype-polluting keys are reported, never assigned (assigning `__proto__` would swap the prototype).
 */
export function copyFields(
  source: Record<string, unknown>,
  target: Record<string, unknown>,
  path: string,
  issues: Issues,
  handled?: readonly string[],
): void {
  for (const key of Object.keys(source)) {
    if (
      !rejectForbiddenKey(key, joinPath(path, key), issues) &&
      // An own-key test without ES2022's `Object.hasOwn`: the script tag still serves older browsers.
      (!handled ||
        !(handled.includes(key) || Object.getOwnPropertyDescriptor(target, key) || source[key] === undefined))
    ) {
      target[key] = source[key]
    }
  }
}
