import { PRODUCT_TAG_PREFIX } from '../../schemas/tags'
import { isRecord } from '../../schemas/values'
import { rejectForbiddenKey } from '../../validation/forbiddenKeys'
import { joinPath, makeIssue } from '../../validation/issues'
import { toStringList } from './convert'
import type { Convert, FieldMap, Issues } from './fields'

/** Friendly tags: `{ name: value or list of values }`, values strings or numbers. */
export type TagsInput = Record<string, string | number | readonly (string | number)[]>

/**
 * Copies tags into `target` as lists of strings (numbers become their strings, anything else is left
 * for the schema), each name with `prefix` unless it already has it; prototype-polluting names are
 * reported at their wire path instead.
 */
function copyTags(
  tags: Record<string, unknown>,
  target: Record<string, unknown>,
  prefix: string,
  path: string,
  issues: Issues,
) {
  for (const name of Object.keys(tags)) {
    const wireName = name.startsWith(prefix) ? name : prefix + name
    if (!rejectForbiddenKey(name, joinPath(path, wireName), issues) && tags[name] !== undefined) {
      target[wireName] = toStringList(tags[name])
    }
  }
}

/** Event `tags` -> wire `Tags: { name: string[] }` under `path`; `undefined` when none are given. */
export const toTags = (tags: unknown, path: string, issues: Issues): unknown => {
  if (!isRecord(tags)) return tags ?? undefined
  const wire: Record<string, unknown> = {}
  copyTags(tags, wire, '', joinPath(path, 'Tags'), issues)
  return Object.keys(wire).length ? wire : undefined
}

/** A product's own `tags: { something: [...] }` -> `tag_something: string[]` fields on the product at `path`. */
export const setProductTags: Convert = (tags, path, issues, _given, product) => {
  if (isRecord(tags)) copyTags(tags, product, PRODUCT_TAG_PREFIX, path, issues)
  else if (tags != null) issues.push(makeIssue(joinPath(path, 'tags'), 'an object of tags', tags))
}

/** The field-map entry of an event's `tags`: wire `Tags`. */
export const EVENT_TAGS: FieldMap[number] = ['tags', 'Tags', toTags]

/** The field-map entry of a product's own `tags`: its `tag_*` fields. */
export const PRODUCT_TAGS: FieldMap[number] = ['tags', '', setProductTags]
