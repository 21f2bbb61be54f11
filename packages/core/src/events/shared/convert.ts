// Friendly input values -> wire values (PAYLOADS.md, "Value forms"). A value that cannot be
// converted is returned unchanged, so that the event's schema reports it by its wire path.
import { isIntegerString, isNonNegativeNumber, isNumericString } from '../../schemas/values'

/** An id or key given as a number becomes its string (`productKey`, `containerType`, ...). */
export function toIdString(value: unknown): unknown {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : value
}

/** `Product.price`: a string as is, a number as its string, with the currency appended when given. */
export function toProductPrice(price: unknown, currency: unknown): unknown {
  const withCurrency = typeof currency === 'string' && currency.trim() !== ''
  if (isNonNegativeNumber(price)) return withCurrency ? `${price} ${currency.trim()}` : String(price)
  if (withCurrency && isNumericString(price)) return `${price.trim()} ${currency.trim()}`
  return price
}

/** `isInStock`: boolean, 0/1 or "0"/"1" -> `"1"` / `"0"`. */
export function toStockFlag(value: unknown): unknown {
  if (value === true || value === 1 || value === '1') return '1'
  if (value === false || value === 0 || value === '0') return '0'
  return value
}

/** `isFound`: boolean or 0/1 -> 1 / 0. */
export function toFoundFlag(value: unknown): unknown {
  if (value === true || value === 1) return 1
  if (value === false || value === 0) return 0
  return value
}

/** Cart price and discount: a number, or a numeric string as its number. */
export function toAmount(value: unknown): unknown {
  return isNumericString(value) ? Number(value) : value
}

/** Quantity: an integer, or an integer string as its number. */
export function toQuantity(value: unknown): unknown {
  return isIntegerString(value) ? Number(value) : value
}

/** `unit_price`: a string keeps its digits (`"341.80"`), a number becomes `String(n)`. */
export function toUnitPrice(value: unknown): unknown {
  return isNonNegativeNumber(value) ? String(value) : value
}

/** `currency` -> `price_currency_code`: left out when not given (`undefined`, `null` or `""`). */
export function toCurrency(currency: unknown): unknown {
  return currency === null || currency === '' ? undefined : currency
}

/** A value or list -> a list of strings (numbers as their strings); `undefined` stays `undefined`. */
export function toStringList(value: unknown): unknown {
  if (value === undefined) return undefined
  const list: unknown[] = Array.isArray(value) ? value : [value]
  return list.map(toIdString)
}
