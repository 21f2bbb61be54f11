/**
 * Reads a `Retry-After` header as a delay in ms from `now`, or `undefined` when it is absent or unreadable.
 *
 * Both forms of RFC 9110 are understood: delay-seconds (`"120"`) and an HTTP-date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`). A date in the past means "now" (0 ms).
 *
 * @example
 * parseRetryAfter('2', Date.now()) // 2000
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const text = typeof value === 'string' ? value.trim() : ''
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000)
  const at = Date.parse(text)
  // Only a date that names a weekday or month is a date; `Date.parse` alone accepts "-1" or "1e3".
  return /[A-Za-z]{3}/.test(text) && !Number.isNaN(at) ? Math.max(0, at - now) : undefined
}
