/** Strings longer than this are cut, so that a message stays readable whatever was passed. */
const MAX_SHOWN = 40

/**
 * Describes a value in a few characters, for an issue's `received` and every message that says what
 * came instead: `"x"`, `12`, `null`, `undefined`, `10n`, `[]`, `an array of 2`, `an object`, `a function`.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value)
  }
  if (Array.isArray(value)) return value.length ? `an array of ${value.length}` : '[]'
  if (value !== null && typeof value === 'object') return 'an object'
  if (typeof value === 'function' || typeof value === 'symbol') return `a ${typeof value}`
  if (typeof value === 'bigint') return `${value}n`
  // Numbers, booleans, null and undefined read as they print.
  return String(value)
}
