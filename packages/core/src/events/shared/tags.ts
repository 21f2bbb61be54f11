import { PRODUCT_TAG_PREFIX } from '../../schemas/tags'
import { isRecord } from '../../schemas/values'
import { forbiddenKeyIssue, isForbiddenKey } from '../../validation/forbiddenKeys'
import { joinPath, makeIssue } from '../../validation/issues'
import type { FieldMap, Issues } from './fields'

/** Friendly tags: `{ name: value or list of values }`, values strings or numbers. */
export type TagsInput = Record<string, string | number | readonly (string | number)[]>

/** A tag value or list -> a list of strings; numbers become strings, anything else is left for the schema. */
function toTagValues(value: unknown): unknown[] {
  const list: unknown[] = Array.isArray(value) ? value : [value]
  return list.map((item) => (typeof item === 'number' && Number.isFinite(item) ? String(item) : item))
}

/** Calls `each(wireName, values)` per given tag, reporting prototype-polluting names at their wire path. */
function eachTag(
  tags: Record<string, unknown>,
  toWireName: (name: string) => string,
  path: string,
  issues: Issues,
  each: (wireName: string, values: unknown[]) => void,
): void {
  for (const name of Object.keys(tags)) {
    const wireName = toWireName(name)
    if (isForbiddenKey(name)) issues.push(forbiddenKeyIssue(joinPath(path, wireName), name))
    else if (tags[name] !== undefined) each(wireName, toTagValues(tags[name]))
  }
}

/** Event `tags` -> wire `Tags: { name: string[] }`; `undefined` when none are given. */
export function toTags(tags: unknown, path: string, issues: Issues): unknown {
  if (tags === undefined || tags === null) return undefined
  if (!isRecord(tags)) return tags
  const wire: Record<string, unknown> = {}
  eachTag(
    tags,
    (name) => name,
    path,
    issues,
    (name, values) => {
      wire[name] = values
    },
  )
  return Object.keys(wire).length > 0 ? wire : undefined
}

/** A product's own `tags: { something: [...] }` -> `tag_something: string[]` fields on the product. */
export function setProductTags(product: Record<string, unknown>, tags: unknown, path: string, issues: Issues): void {
  if (tags === undefined || tags === null) return
  if (!isRecord(tags)) {
    issues.push(makeIssue(joinPath(path, 'tags'), 'an object of tags', tags))
    return
  }
  const toWireName = (name: string) => (name.startsWith(PRODUCT_TAG_PREFIX) ? name : PRODUCT_TAG_PREFIX + name)
  eachTag(tags, toWireName, path, issues, (name, values) => {
    product[name] = values
  })
}

/** The field-map entry of an event's `tags`: wire `Tags`. */
export const EVENT_TAGS: FieldMap[number] = [
  'tags',
  'Tags',
  (tags, path, issues) => toTags(tags, joinPath(path, 'Tags'), issues),
]

/** The field-map entry of a product's own `tags`: its `tag_*` fields. */
export const PRODUCT_TAGS: FieldMap[number] = [
  'tags',
  undefined,
  (tags, path, issues, _given, product) => setProductTags(product, tags, path, issues),
]
