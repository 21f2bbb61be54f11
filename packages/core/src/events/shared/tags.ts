import { toStringList } from '../../schemas/convert'
import { PRODUCT_TAG_PREFIX, tagsSchema } from '../../schemas/tags'
import { isRecord } from '../../schemas/values'
import { optional, type ToWire } from '../../schemas/wireSchema'
import { rejectForbiddenKey } from '../../validation/forbiddenKeys'
import { joinPath, makeIssue } from '../../validation/issues'
import type { Issues } from './toWire'

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
    if (!rejectForbiddenKey(name, path, issues, wireName) && tags[name] !== undefined) {
      target[wireName] = toStringList(tags[name])
    }
  }
}

/** Event `tags` -> wire `Tags: { name: string[] }` at `path`; `undefined` when none are given. */
export const toTags: ToWire = (tags, _given, path, issues) => {
  if (!isRecord(tags)) return tags ?? undefined
  const wire: Record<string, unknown> = {}
  copyTags(tags, wire, '', path, issues)
  return Object.keys(wire).length ? wire : undefined
}

/** An event's `Tags`, which may be left out; builders read them from `tags`. */
export const eventTagsSchema = optional({ ...tagsSchema, to: toTags })

/** A product's own `tags: { something: [...] }` -> `tag_something: string[]` fields on the product at `path`. */
export function setProductTags(tags: unknown, path: string, issues: Issues, product: Record<string, unknown>): void {
  if (isRecord(tags)) copyTags(tags, product, PRODUCT_TAG_PREFIX, path, issues)
  else if (tags != null) issues.push(makeIssue(joinPath(path, 'tags'), 'an object of tags', tags))
}
