import type { FieldRule, LooseRecord } from './values'
import { copyOpen, isRecord, setEventTags, wireObject } from './values'

/**
 * Converts the part of a body under `key` to its REST shape, whose payload sits under `inner`:
 * an eS.JS list (`{ StatusCart: [lines] }`) becomes `{ Products: [lines] }`, a flat eS.JS object
 * (`{ ProductPage: { productKey } }`) becomes `{ Product: { productKey } }`, and a REST part (which
 * already has `inner`; with or without the outer key) is copied. The payload is put in the wire form
 * of `rules`, and `Tags` given beside the part move into it. Anything else is passed on unchanged,
 * for validation to name by its path.
 *
 * @example
 * wireBody({ CategoryPage: { categoryKey: 7 } }, 'CategoryPage', 'Category', [['categoryKey', toWireString]])
 * // { CategoryPage: { Category: { categoryKey: '7' } } }
 */
export function wireBody(
  body: LooseRecord,
  key: string,
  inner: 'Product' | 'Products' | 'Category',
  rules: readonly FieldRule[],
  part: unknown = body[key] ?? body,
): LooseRecord {
  const list = inner === 'Products'
  const source = list && Array.isArray(part) ? { Products: part } : part
  if (!isRecord(source)) return { [key]: source }
  const wire =
    list || isRecord(source[inner]) ? copyOpen(source) : { [inner]: copyOpen(source, ['Tags']), Tags: source.Tags }
  const payload = wire[inner]
  wire[inner] = list
    ? Array.isArray(payload)
      ? payload.map((item) => wireObject(item, rules))
      : payload
    : wireObject(payload, rules)
  return { [key]: setEventTags(wire, wire.Tags ?? body.Tags) }
}
