// Loose-to-strict value conversions for eS.JS bodies. Integrations print values from server
// templates, so everything may arrive as a string ("450.00", "2", "1", ""). Each helper turns the
// forms it recognises into the wire form of PAYLOADS.md and returns anything else unchanged, so that
// validation can name the field and show what came instead of the tracker silently guessing.

/** A plain object (not null, not an array): the only thing an eS.JS body part can be. */
export type LooseRecord = Record<string, unknown>

/** Tells whether a value is an object that is not an array (an eS.JS body or body part). */
export function isRecord(value: unknown): value is LooseRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A plain decimal after spaces are removed; one decimal comma is read as a point (`"1 234,50"` is 1234.5). */
const NUMERIC = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/

/** Turns a numeric string into its number (`"450.00"` → 450, `"1 234,5"` → 1234.5); anything else is returned as is. */
export function toNumber(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const compact = value.trim().replace(/[\s\u00a0]/g, '')
  if (!NUMERIC.test(compact)) return value
  const parsed = Number(compact.replace(',', '.'))
  return Number.isFinite(parsed) ? parsed : value
}

/**
 * Turns a price into the decimal string of order lines (`unit_price`): numbers become `String(n)`,
 * strings keep their digits (`"341.80"`) and only lose spaces and a decimal comma (`"1 234,50"` → `"1234.50"`).
 */
export function toDecimalString(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : value
  if (typeof value !== 'string') return value
  const compact = value.trim().replace(/[\s\u00a0]/g, '')
  return NUMERIC.test(compact) && !compact.startsWith('-') ? compact.replace(',', '.').replace(/^\+/, '') : value
}

/** Turns an integer-valued number or string into an integer (`"2"`, `"2.0"`, `2` → 2); anything else is returned as is. */
export function toInteger(value: unknown): unknown {
  const number = toNumber(value)
  return typeof number === 'number' && Number.isInteger(number) ? number : value
}

/** Reads the truthy and falsy spellings integrations print for a 0/1 flag; `undefined` when it is none of them. */
function readFlag(value: unknown): boolean | undefined {
  if (value === true || value === 1) return true
  if (value === false || value === 0) return false
  if (typeof value !== 'string') return undefined
  const text = value.trim().toLowerCase()
  if (text === '1' || text === 'true') return true
  // PHP prints `false` as the empty string, so `isInStock: ""` means out of stock.
  if (text === '0' || text === 'false' || text === '') return false
  return undefined
}

/** Turns a stock flag (`true`, `1`, `"1"`, `""`, ...) into the wire's `"1"` / `"0"`; anything else is returned as is. */
export function toStockFlag(value: unknown): unknown {
  const flag = readFlag(value)
  return flag === undefined ? value : flag ? '1' : '0'
}

/** Turns a found flag (`true`, `"1"`, `0`, ...) into the wire's number 1 / 0; anything else is returned as is. */
export function toFoundFlag(value: unknown): unknown {
  const flag = readFlag(value)
  return flag === undefined ? value : flag ? 1 : 0
}

/**
 * Turns a number into its string, for wire fields that are strings (ids, `unit_price`, `OrderNumber`):
 * `72354` → `"72354"`, `201.95` → `"201.95"`. Strings keep their digits (`"341.80"`); anything else is returned as is.
 */
export function toWireString(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : value
}

/** Turns a tag value into a string array (`"a"` → `["a"]`, `[1, "b"]` → `["1", "b"]`); anything else is returned as is. */
export function toTagValues(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)]
  if (!Array.isArray(value)) return value
  return value.every((item) => typeof item === 'string' || typeof item === 'number') ? value.map(String) : value
}

/** Tells whether an optional value was left out, including the empty string templates print for "none". */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/**
 * Copies an object's own keys into a fresh one, normalising `tag_*` values and leaving out
 * `omit`; unknown keys pass through (every wire object is open).
 */
export function copyOpen(source: LooseRecord, omit: readonly string[] = []): LooseRecord {
  // Object.fromEntries defines own properties, so a `__proto__` key stays data (and validation rejects it).
  return Object.fromEntries(
    Object.entries(source)
      .filter(([key]) => !omit.includes(key))
      .map(([key, value]) => [key, key.startsWith('tag_') ? toTagValues(value) : value]),
  )
}

/**
 * Moves a field to its wire name when only the other name is given (integrations mix `productKey`
 * and `product_id`, `currency` and `price_currency_code`); a field given under the wire name wins.
 */
export function renameField(record: LooseRecord, from: string, to: string): void {
  if (!(from in record)) return
  if (record[to] === undefined && !isBlank(record[from])) record[to] = record[from]
  delete record[from]
}

/** Sets `Tags` on a wire body part when the call gave any, in the wire form. */
export function setEventTags(target: LooseRecord, tags: unknown): LooseRecord {
  if (tags !== undefined) target.Tags = toEventTags(tags)
  return target
}

/** Normalises event `Tags` (`{ name: "a" }` → `{ name: ["a"] }`); anything that is not an object is returned as is. */
export function toEventTags(value: unknown): unknown {
  if (!isRecord(value)) return value
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toTagValues(item)]))
}
