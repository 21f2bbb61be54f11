// Leaf schemas of the wire model. Each carries its expectation ("a positive integer"), which
// validation/issues.ts turns into `expected a positive integer, got "x"`.
import { type Leaf, type ListSchema, leaf, list, optional } from './wireSchema'

/** A test that a value is a string matching `pattern`. */
/* @__NO_SIDE_EFFECTS__ */
export const matches =
  (pattern: RegExp) =>
  (value: unknown): value is string =>
    typeof value === 'string' && pattern.test(value)

/** Tells whether a value is a plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Tells whether an optional value counts as not given: `undefined`, `null` or a blank string. */
export const isBlank = (value: unknown): boolean => value == null || (typeof value === 'string' && !value.trim())

/** Tells whether a value is a string holding a non-negative decimal number (`"201.95"`). */
export const isNumericString = matches(/^\s*(\d+(\.\d*)?|\.\d+)\s*$/)

/** Tells whether a value is a string holding a non-negative integer (`"2"`). */
export const isIntegerString = matches(/^\s*\d+\s*$/)

/** Tells whether a value is a non-empty string of letters, digits and hyphens: the GUIDs the API accepts. */
export const isValidGuid = matches(/^[A-Za-z0-9-]+$/)

/** Tells whether a value is a finite number (`Number.isFinite` is false for anything else). */
export const isFiniteNumber = (value: unknown): value is number => Number.isFinite(value)

/** Tells whether a value is a finite number at or above zero. */
export const isNonNegativeNumber = (value: unknown): value is number => isFiniteNumber(value) && value >= 0

const NON_NEGATIVE = 'a non-negative number'

/** A non-negative number, or a string holding one: what prices and discounts may be. */
const isAmount = (value: unknown) => isNonNegativeNumber(value) || isNumericString(value)

const isText = (value: unknown): value is string => typeof value === 'string'
const isNonEmptyText = (value: unknown): value is string => isText(value) && !!value.trim()

/** Any string, empty included (identity and page-context fields). */
export const textSchema = leaf<string>(isText, 'a string')

/** A string with something in it besides spaces (ids, keys, names). */
export const nonEmptyTextSchema = leaf<string>(isNonEmptyText, 'a non-empty string')

/** A non-negative number (screen dimensions). */
export const sizeSchema = leaf<number>(isNonNegativeNumber, NON_NEGATIVE)

/** A cart price or discount: a number on the wire; a numeric string is accepted too. */
export const amountSchema = leaf<number | string>(isAmount, NON_NEGATIVE)

/** A quantity: a positive integer on the wire; an integer string is accepted too. */
export const quantitySchema = leaf<number | string>(
  (value) => (Number.isInteger(value) || isIntegerString(value)) && Number(value) > 0,
  'a positive integer',
)

/** `isInStock`: `"1"` / `"0"` on the wire; the numbers 1 / 0 are accepted too. */
export const stockFlagSchema = leaf<'0' | '1' | 0 | 1>(
  (value) => (['1', '0', 1, 0] as unknown[]).includes(value),
  '"1" or "0"',
)

/** `isFound`: the number 1 or 0. */
export const foundFlagSchema = leaf<0 | 1>((value) => value === 1 || value === 0, 'the number 1 or 0')

/** `Product.price`: a string such as `"754"` or `"754 USD"`; a number is accepted too. */
export const productPriceSchema = leaf<string | number>(
  (value) => isNonEmptyText(value) || isNonNegativeNumber(value),
  'a price like "754 USD"',
)

/** `unit_price`: a numeric string on the wire (`"341.80"`); a number is accepted too. */
export const unitPriceSchema = leaf<string | number>(isAmount, 'a numeric string')

/** `externalCustomerId`, `user_es_contact_id`: strings on the wire; numbers are accepted too. */
export const identityIdSchema = leaf<string | number>(
  (value) => isText(value) || isFiniteNumber(value),
  'a string or number',
)

/** A cart GUID: any non-empty string of letters, digits and hyphens. */
export const guidSchema = leaf<string>(isValidGuid, 'a GUID (letters, digits, -)')

/** `GeneralInfo.datetime`: milliseconds since the epoch. */
export const timestampSchema = leaf<number>(isNonNegativeNumber, 'a time in ms')

/** `true` or `false`. */
export const booleanSchema = leaf<boolean>((value) => typeof value === 'boolean', 'true or false')

/** A field that may be left out or be any string (identity, page context, catalog texts). */
export const optionalTextSchema = optional(textSchema)

/** A list of strings (tag values, category ids). */
export const stringListSchema: ListSchema<Leaf<string>> = list(textSchema, 'an array of strings')
