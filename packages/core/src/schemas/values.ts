// Leaf schemas of the wire model. Each carries its expectation ("a positive integer"), which
// validation/issues.ts turns into `expected a positive integer, got "x"`, and the conversion builders
// apply to a friendly input (PAYLOADS.md, "Value forms").
import {
  toAmount,
  toCurrency,
  toFoundFlag,
  toIdString,
  toProductPrice,
  toQuantity,
  toStockFlag,
  toStringList,
  toUnitPrice,
} from './convert'
import { isFiniteNumber, isIntegerString, isNonNegativeNumber, isNumericString, isValidGuid } from './predicates'
import { type Leaf, type ListSchema, leaf, list, optional } from './wireSchema'

export {
  isBlank,
  isFiniteNumber,
  isIntegerString,
  isNonNegativeNumber,
  isNumericString,
  isRecord,
  isValidGuid,
  matches,
} from './predicates'

const NON_NEGATIVE = 'a non-negative number'

/** A non-negative number, or a string holding one: what prices and discounts may be. */
const isAmount = (value: unknown) => isNonNegativeNumber(value) || isNumericString(value)

const isText = (value: unknown): value is string => typeof value === 'string'
const isNonEmptyText = (value: unknown): value is string => isText(value) && !!value.trim()

/** Any string, empty included (identity and page-context fields). */
export const textSchema = leaf<string>(isText, 'a string')

/** A string with something in it besides spaces (names, searches). */
export const nonEmptyTextSchema = leaf<string>(isNonEmptyText, 'a non-empty string')

/** An id or key: a non-empty string on the wire; builders send a number as its digits. */
export const idSchema: Leaf<string> = { ...nonEmptyTextSchema, to: toIdString }

/** A non-negative number (screen dimensions, `datetime` in ms since the epoch). */
export const nonNegativeSchema = leaf<number>(isNonNegativeNumber, NON_NEGATIVE)

/** A cart price or discount: a number on the wire; a numeric string is accepted too. */
export const amountSchema = leaf<number | string>(isAmount, NON_NEGATIVE, toAmount)

/** A quantity: a positive integer on the wire; an integer string is accepted too. */
export const quantitySchema = leaf<number | string>(
  (value) => (Number.isInteger(value) || isIntegerString(value)) && Number(value) > 0,
  'a positive integer',
  toQuantity,
)

/** `isInStock`: `"1"` / `"0"` on the wire; the numbers 1 / 0 are accepted too. */
export const stockFlagSchema = leaf<'0' | '1' | 0 | 1>(
  (value) => (['1', '0', 1, 0] as unknown[]).includes(value),
  '"1" or "0"',
  toStockFlag,
)

/** `isFound`: the number 1 or 0. */
export const foundFlagSchema = leaf<0 | 1>((value) => value === 1 || value === 0, 'the number 1 or 0', toFoundFlag)

/** `Product.price`: a string such as `"754"` or `"754 USD"`; a number is accepted too. */
export const productPriceSchema = leaf<string | number>(
  (value) => isNonEmptyText(value) || isNonNegativeNumber(value),
  'a price like "754 USD"',
  toProductPrice,
)

/** `unit_price`: a numeric string on the wire (`"341.80"`); a number is accepted too. */
export const unitPriceSchema = leaf<string | number>(isAmount, 'a numeric string', toUnitPrice)

/** `externalCustomerId`, `user_es_contact_id`: strings on the wire; numbers are accepted too. */
export const identityIdSchema = leaf<string | number>(
  (value) => isText(value) || isFiniteNumber(value),
  'a string or number',
)

/** A cart GUID: any non-empty string of letters, digits and hyphens. */
export const guidSchema = leaf<string>(isValidGuid, 'a GUID (letters, digits, -)')

/** `true` or `false`. */
export const booleanSchema = leaf<boolean>((value) => typeof value === 'boolean', 'true or false')

/** A field that may be left out or be any string (identity, page context, catalog texts). */
export const optionalTextSchema = optional(textSchema)

/** `price_currency_code`, which builders read from `currency` and leave out when it is not given. */
export const currencySchema = optional<Leaf<string>>({ ...textSchema, to: toCurrency })

/** A list of strings (tag values, category ids); builders take one value or a list, numbers as strings. */
export const stringListSchema: ListSchema<Leaf<string>> = {
  ...list(textSchema, 'an array of strings'),
  to: toStringList,
}
