// Tests of single values that the wire model's leaves and the builders' conversions share.

/** A test that a value is a string matching `pattern`. */
/* @__NO_SIDE_EFFECTS__ */
export const matches =
  (pattern: RegExp) =>
  (value: unknown): value is string =>
    typeof value === 'string' && pattern.test(value)

/** Tells whether a value is a plain object (not null, not an array). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Tells whether an object has `key` as its own property. (Without ES2022's `Object.hasOwn`, which the
 * formatter (biome) makes of `hasOwnProperty.call`: the script tag still serves older browsers.)
 */
export const isOwnKey = (object: object, key: string): boolean =>
  Object.getOwnPropertyDescriptor(object, key) !== undefined

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
