import type { ValidationIssue } from '../../errors/TrackerError'
import { isOwnKey, isRecord } from '../../schemas/predicates'
import type { AnyNode, WireSchema } from '../../schemas/wireSchema'
import { isForbiddenKey } from '../../validation/forbiddenKeys'
import { joinPath } from '../../validation/issues'
import { setProductTags } from './tags'

/** The issues a builder collects while it converts an input. */
export type Issues = ValidationIssue[]

/**
 * The friendly input names of wire fields, where they differ by more than the first letter's case
 * (`productKey` for `product_id`); every other field's is its name with a lowercase first letter.
 */
export const INPUT_NAMES = {
  GUID: 'guid',
  EventName: 'name',
  Category: 'categoryKey',
  product_id: 'productKey',
  unit_price: 'price',
  price_currency_code: 'currency',
  container_type: 'containerType',
  imgurl: 'imageUrl',
  category_id: 'categoryIds',
  tag_discount: 'discountPercent',
  tag_oldprice: 'oldPrice',
} as const

/** The friendly input name of a wire field, as a type. */
export type InputNameOf<WireKey> = WireKey extends keyof typeof INPUT_NAMES
  ? (typeof INPUT_NAMES)[WireKey]
  : WireKey extends string
    ? Uncapitalize<WireKey>
    : never

/** Every wire field's friendly name once derived, so that each is derived once, not on every call. */
const inputNames: Record<string, string> = { ...INPUT_NAMES }

/**
 * Turns a friendly input into the wire form of `schema` at `path` (PAYLOADS.md, "Value forms"): a node
 * with a `to` converts by it; a list converts each item; an object reads each wire field from its
 * friendly name (`productKey` for `product_id`, `products` for `Products`), sets it when defined or
 * required (so that a caller's own field of that wire name cannot stand in for it), and a product
 * object adds its `tags` as `tag_*` fields. Nested objects are `open`: they also take the caller's other
 * fields as given (the vendor reads fields we do not model), never over a converted one. The body
 * itself takes none and reads anything but an object as `{}`. What cannot be converted is left for
 * the schema to report by its wire path.
 */
export function toWire(
  schema: WireSchema,
  value: unknown,
  given: Record<string, unknown>,
  path: string,
  issues: Issues,
  open?: boolean,
): unknown {
  const node = schema as AnyNode
  if (node.to) return node.to(value, given, path, issues)
  const { item, fields } = node
  if (item) {
    return Array.isArray(value)
      ? value.map((each, index) => toWire(item, each, given, joinPath(path, index), issues, true))
      : value
  }
  if (!fields || (open && !isRecord(value))) return value
  const source = isRecord(value) ? value : {}
  const target: Record<string, unknown> = {}
  // A product's price reads its currency, which has no field of its own there.
  const handled = node.tagged ? ['tags', 'currency'] : []
  for (const key in fields) {
    const field = fields[key] as AnyNode
    inputNames[key] ??= key[0]!.toLowerCase() + key.slice(1)
    const input = inputNames[key]!
    const wire = toWire(
      field.optional ?? (field as WireSchema),
      source[input],
      source,
      joinPath(path, key),
      issues,
      true,
    )
    if (wire !== undefined || !field.optional) target[key] = wire
    handled.push(input)
  }
  if (node.tagged) setProductTags(source.tags, path, issues, target)
  if (open) copyFields(source, target, handled)
  return target
}

/**
 * Copies a caller's fields into a wire object. With `handled` (a builder's own input names) it skips
 * those, the fields already set and undefined ones; without, every field is copied as given. A
 * prototype-polluting key is defined, never assigned (assigning `__proto__` would swap the
 * prototype), and left for the payload's check to report (validation/checkSchema.ts).
 */
export function copyFields(
  source: Record<string, unknown>,
  target: Record<string, unknown>,
  handled?: readonly string[],
): void {
  for (const key of Object.keys(source)) {
    if (handled && (handled.includes(key) || isOwnKey(target, key))) continue
    const value = source[key]
    if (handled && value === undefined) continue
    if (isForbiddenKey(key))
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
    else target[key] = value
  }
}
