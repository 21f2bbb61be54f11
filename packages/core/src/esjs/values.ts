// Loose-to-strict value conversions for eS.JS bodies. Integrations print values from server
// templates, so everything may arrive as a string ("450.00", "2", "1", ""). Each helper turns the
// forms it recognises into the wire form of PAYLOADS.md and returns anything else unchanged, so that
// validation names the field and shows what came, instead of the tracker guessing.
import { toIdString } from '../events/shared/convert'
import { isBlank, isRecord } from '../schemas/values'

export { isBlank, isRecord }

/** Turns a number into its string for wire fields that are strings (ids, prices, `OrderNumber`); anything else is returned as is. */
export const toWireString = toIdString

/** A plain object: an eS.JS body or a part of one. */
export type LooseRecord = Record<string, unknown>

/** A plain decimal once spaces are gone; one decimal comma reads as a point (`"1 234,50"` is 1234.5). */
const DECIMAL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/

const compact = (text: string) => text.trim().replace(/[\s\u00a0]/g, '')

/** Turns a numeric string into its number (`"450.00"` → 450, `"1 234,5"` → 1234.5); anything else is returned as is. */
export function toNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const text = compact(value)
  return DECIMAL.test(text) ? Number(text.replace(',', '.')) : value
}

/** Turns an integer-valued number or string into an integer (`"2"`, `"2.0"` → 2); anything else is returned as is. */
export function toInteger(value: unknown): unknown {
  const number = toNumber(value)
  return Number.isInteger(number) ? number : value
}

/**
 * Turns a price into the decimal string of order lines (`unit_price`): a number becomes `String(n)`;
 * a string keeps its digits (`"341.80"`), losing only spaces and a decimal comma (`"1 234,50"` → `"1234.50"`).
 */
export function toDecimalString(value: unknown): unknown {
  if (typeof value !== 'string') return toWireString(value)
  const text = compact(value)
  return DECIMAL.test(text) && text[0] !== '-' ? text.replace(',', '.').replace('+', '') : value
}

/** Reads the spellings integrations print for a 0/1 flag; PHP prints `false` as `""`. `undefined` when it is none. */
function readFlag(value: unknown): boolean | undefined {
  const flag = typeof value === 'string' ? value.trim().toLowerCase() : value
  if (flag === true || flag === 1 || flag === '1' || flag === 'true') return true
  if (flag === false || flag === 0 || flag === '0' || flag === 'false' || flag === '') return false
  return undefined
}

/** Turns a stock flag (`true`, `1`, `"1"`, `""`, ...) into the wire's `"1"` / `"0"`; anything else is returned as is. */
export function toStockFlag(value: unknown): unknown {
  const flag = readFlag(value)
  return flag === undefined ? value : flag ? '1' : '0'
}

/** Turns a found flag (`true`, `"0"`, ...) into the wire's number 1 / 0; `null` is dropped, anything else returned as is. */
export function toFoundFlag(value: unknown): unknown {
  const flag = readFlag(value)
  return flag === undefined ? (value ?? undefined) : flag ? 1 : 0
}

/** Turns an optional amount (a discount) into a number; a blank one (`""`, `null`) is dropped. */
export function toOptionalNumber(value: unknown): unknown {
  return isBlank(value) ? undefined : toNumber(value)
}

/** Turns tag values into a string array (`"a"` → `["a"]`, `[1, "b"]` → `["1", "b"]`); anything else is returned as is. */
export function toTagValues(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)]
  return Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')
    ? value.map(String)
    : value
}

/**
 * Copies an object's own keys into a fresh one (every wire object is open), normalising `tag_*`
 * values and leaving out `omit`. `Object.fromEntries` defines properties, so a `__proto__` key
 * stays data (and validation rejects it) instead of replacing the prototype.
 */
export function copyOpen(source: LooseRecord, omit: readonly string[] = []): LooseRecord {
  return Object.fromEntries(
    Object.entries(source)
      .filter(([key]) => !omit.includes(key))
      .map(([key, value]) => [key, key.startsWith('tag_') ? toTagValues(value) : value]),
  )
}

/** One field of a wire object: its wire name, how its value is converted, and the other name integrations use. */
export type FieldRule = readonly [wire: string, convert?: (value: unknown) => unknown, alias?: string]

/**
 * Copies an object in the wire form its rules give: a field given only under its alias moves to
 * its wire name (`currency` → `price_currency_code`), values are converted, and a converted value
 * of `undefined` drops the field. Not an object: returned as is, for validation to report.
 */
export function wireObject(item: unknown, rules: readonly FieldRule[], omit?: readonly string[]): unknown {
  if (!isRecord(item)) return item
  const wire = copyOpen(item, omit)
  for (const [name, convert, alias] of rules) {
    if (alias !== undefined && alias in wire) {
      if (wire[name] === undefined && !isBlank(wire[alias])) wire[name] = wire[alias]
      delete wire[alias]
    }
    if (wire[name] === undefined || !convert) continue
    const value = convert(wire[name])
    if (value === undefined) delete wire[name]
    else wire[name] = value
  }
  return wire
}

/** Sets an event's `Tags` in the wire form (`{ name: "a" }` → `{ name: ["a"] }`), or removes them when none are given. */
export function setEventTags(target: LooseRecord, tags: unknown): LooseRecord {
  if (tags === undefined) delete target.Tags
  else
    target.Tags = isRecord(tags)
      ? Object.fromEntries(Object.entries(tags).map(([key, value]) => [key, toTagValues(value)]))
      : tags
  return target
}
