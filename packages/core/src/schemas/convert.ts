// The strict conversions of friendly input values to wire values (PAYLOADS.md, "Value forms"), which
// the wire model's leaves carry as their `to`. A value that cannot be converted is returned unchanged,
// so that the event's schema reports it by its wire path. eS.JS bodies, which come from templates and
// are read more leniently, have their own helpers (events/shared/lenientValues.ts).
import { isFiniteNumber, isIntegerString, isNonNegativeNumber, isNumericString } from './predicates'

/** An id or key given as a number becomes its string (`productKey`, `containerType`, ...). */
export const toIdString = (value: unknown): unknown => (isFiniteNumber(value) ? String(value) : value)

/** `Product.price`: a string as is, a number as its string, with the product's `currency` appended when given. */
export function toProductPrice(price: unknown, { currency }: Record<string, unknown>): unknown {
  const code = typeof currency === 'string' ? currency.trim() : ''
  if (isNonNegativeNumber(price)) return code ? `${price} ${code}` : String(price)
  return code && isNumericString(price) ? `${price.trim()} ${code}` : price
}

/** `isFound`: boolean or 0/1 -> 1 / 0 (the numbers are already wire values). */
export const toFoundFlag = (value: unknown): unknown => (typeof value === 'boolean' ? Number(value) : value)

/** `isInStock`: boolean, 0/1 or "0"/"1" -> `"1"` / `"0"`. */
export const toStockFlag = (value: unknown): unknown => {
  const flag = toFoundFlag(value)
  return flag === 1 || flag === 0 ? String(flag) : value
}

/** Cart price and discount: a number, or a numeric string as its number. */
export const toAmount = (value: unknown): unknown => (isNumericString(value) ? Number(value) : value)

/** Quantity: an integer, or an integer string as its number. */
export const toQuantity = (value: unknown): unknown => (isIntegerString(value) ? Number(value) : value)

/** `unit_price`: a string keeps its digits (`"341.80"`), a number becomes `String(n)`. */
export const toUnitPrice = (value: unknown): unknown => (isNonNegativeNumber(value) ? String(value) : value)

/** `currency` -> `price_currency_code`: left out when not given (`undefined`, `null` or `""`). */
export const toCurrency = (currency: unknown): unknown => (currency === null || currency === '' ? undefined : currency)

/** A value or list -> a list of strings (numbers as their strings); `undefined` stays `undefined`. */
export const toStringList = (value: unknown): unknown =>
  value === undefined ? value : (Array.isArray(value) ? value : [value]).map(toIdString)
