// The lenient value conversions of eS.JS bodies, named `lenient*` apart from the strict ones that
// friendly inputs go through (schemas/convert.ts). Integrations print values from server templates, so
// everything may arrive as a string ("450.00", "2", "1", "", "1 234,50"). Each helper turns the forms it
// recognises into the wire form of PAYLOADS.md and returns anything else unchanged, so that validation
// names the field and shows what came, instead of the tracker guessing.
import { toIdString, toStringList } from '../../schemas/convert'
import { isBlank, isRecord } from '../../schemas/predicates'

/** A plain object: an eS.JS body or a part of one. */
export type LooseRecord = Record<string, unknown>

/** A plain decimal, once spaces are gone and a decimal comma reads as a point. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/

/** What templates print for a missing value: in an eS.JS body each means the field is absent (ESJS.md). */
const TEMPLATE_BLANKS = ['', 'undefined', 'null']

/** Tells whether a value is what a template prints for a missing one: `""`, `"undefined"` or `"null"`. */
export const isTemplateBlank = (value: unknown): boolean =>
  typeof value === 'string' && TEMPLATE_BLANKS.includes(value.trim())

/**
 * A copy of an eS.JS body (or GeneralInfo fragment) without the fields a template left blank, at any
 * depth, so that a guest never becomes `externalCustomerId: "undefined"`. `isInStock: ""` stays: it
 * is how templates print out of stock (`"0"`). Only plain objects and arrays are copied (a Date or a
 * class instance goes as it is); the caller has bounded the body's depth and size.
 *
 * @example
 * withoutTemplateBlanks({ CustomerData: { externalCustomerId: 'undefined', user_email: 'a@example.com' } })
 * // { CustomerData: { user_email: 'a@example.com' } }
 */
export const withoutTemplateBlanks = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutTemplateBlanks)
  const prototype = isRecord(value) ? Object.getPrototypeOf(value) : undefined
  if (prototype !== Object.prototype && prototype !== null) return value
  return Object.fromEntries(
    Object.entries(value as LooseRecord)
      .filter(([key, item]) => !isTemplateBlank(item) || (key === 'isInStock' && item === ''))
      .map(([key, item]) => [key, withoutTemplateBlanks(item)]),
  )
}

/** The digits of a numeric string without spaces and with a decimal point (`"1 234,50"` → `"1234.50"`), or `undefined`. */
const decimalText = (value: unknown): string | undefined => {
  const text = typeof value === 'string' ? value.replace(/\s/g, '').replace(',', '.') : ''
  return DECIMAL.test(text) ? text : undefined
}

/** Turns a numeric string into its number (`"450.00"` → 450, `"1 234,5"` → 1234.5); anything else is returned as is. */
export const lenientNumber = (value: unknown): unknown => {
  const text = decimalText(value)
  // A numeric text is never empty: it holds a digit.
  return text ? Number(text) : value
}

/** Turns an integer-valued number or string into an integer (`"2"`, `"2.0"` → 2); anything else is returned as is. */
export const lenientInteger = (value: unknown): unknown => {
  const number = lenientNumber(value)
  return Number.isInteger(number) ? number : value
}

/**
 * Turns a price into the decimal string of order lines (`unit_price`): a number becomes `String(n)`;
 * a string keeps its digits (`"341.80"`), losing only spaces and a decimal comma (`"1 234,50"` → `"1234.50"`).
 */
export const lenientDecimalString = (value: unknown): unknown => {
  const text = decimalText(value)
  return text && text[0] !== '-' ? text.replace('+', '') : toIdString(value)
}

/** The spellings integrations print for a 0/1 flag (PHP prints `false` as `""`); group 1 is set when it is true. */
const FLAG = /^(?:(1|true)|0|false|)$/i

/** Turns a 0/1 flag in any of its spellings into `yes` or `no`; anything else is returned as is. */
const toFlag = (value: unknown, yes: unknown, no: unknown): unknown => {
  const match = typeof value !== 'object' && FLAG.exec(String(value).trim())
  return match ? (match[1] ? yes : no) : value
}

/** Turns a stock flag (`true`, `1`, `"1"`, `""`, ...) into the wire's `"1"` / `"0"`; anything else is returned as is. */
export const lenientStockFlag = (value: unknown): unknown => toFlag(value, '1', '0')

/** Turns a found flag (`true`, `"0"`, ...) into the wire's number 1 / 0; `null` is dropped, anything else returned as is. */
export const lenientFoundFlag = (value: unknown): unknown => toFlag(value ?? undefined, 1, 0)

/**
 * Copies an object's own keys into a fresh one (every wire object is open), turning the values of
 * keys that start with `prefix` into string lists (`tag_size: "XL"` → `["XL"]`). `Object.fromEntries`
 * defines properties, so a `__proto__` key stays data (and validation rejects it) instead of replacing the prototype.
 */
export const copyOpen = (source: LooseRecord, prefix = 'tag_'): LooseRecord => {
  return Object.fromEntries(
    Object.entries(source).map(([key, value]) => [key, key.startsWith(prefix) ? toStringList(value) : value]),
  )
}

/** Event `Tags` in the wire form: each value a string list (`{ name: "a" }` → `{ name: ["a"] }`). */
export const lenientEventTags = (tags: unknown): unknown => (isRecord(tags) ? copyOpen(tags, '') : tags)

/** One field of a wire object: its wire name, how its value is converted, and the other name integrations use. */
export type FieldRule = readonly [wire: string, convert?: (value: unknown) => unknown, alias?: string]

/** A product's `productKey` on the wire (cart lines, product pages), also read from `product_id`; a number becomes its string. */
export const PRODUCT_KEY: FieldRule = ['productKey', toIdString, 'product_id']

/** A product's `product_id` on the wire (order lines, impressions), also read from `productKey`; a number becomes its string. */
export const PRODUCT_ID: FieldRule = ['product_id', toIdString, 'productKey']

/** A line's `price_currency_code`, also read from the `currency` integrations print. */
export const CURRENCY: FieldRule = ['price_currency_code', undefined, 'currency']

/**
 * Copies an object in the wire form its rules give: a field given only under its alias moves to
 * its wire name (`currency` → `price_currency_code`) and values are converted (missing ones too, as
 * `undefined`); a field that comes out `undefined` is left out of the JSON. Not an object: returned as is, for validation to report.
 */
export const wireObject = (item: unknown, rules: readonly FieldRule[]): unknown => {
  if (!isRecord(item)) return item
  const wire = copyOpen(item)
  for (const [name, convert, alias] of rules) {
    if (alias) {
      if (wire[name] === undefined && !isBlank(wire[alias])) wire[name] = wire[alias]
      delete wire[alias]
    }
    // Every converter answers `undefined` for a missing field, except those that fill one in (a cart's GUID).
    if (convert) wire[name] = convert(wire[name])
  }
  return wire
}
