// The one checker of a tracker's options: the rules every platform shares live here, each platform
// adds only its own (browser: consent, stored events, the sc wait; node: apiKey, store, transport),
// so that the same mistake gets the same message in a page and on a server.
import { type EndpointResult, resolveEndpoint } from '../endpoint/resolveEndpoint'
import { describeValue } from '../errors/describeValue'
import { TrackerError, type TrackerErrorCode } from '../errors/TrackerError'

/** The longest delay `setTimeout` honours: a longer one fires at once. */
export const maxTimerMs = 2_147_483_647

/** What an option must be: in words (for the message) and as a test. */
export interface OptionRule {
  /** Completes "`<field>` must be ...", e.g. `'a function'`. */
  expected: string
  isValid: (value: unknown) => boolean
}

/** An error (`invalid_config` unless told otherwise) saying what a field must be and what came instead. */
export const mustBe = (
  field: string,
  expected: string,
  value: unknown,
  code: TrackerErrorCode = 'invalid_config',
): TrackerError => new TrackerError(code, `${field} must be ${expected}; got ${describeValue(value)}`)

/** An integer from `min`, up to `max` when given (a delay handed to `setTimeout`: {@link maxTimerMs}). */
export const integerRule = (min: number, max?: number): OptionRule => ({
  expected: max === undefined ? `an integer of at least ${min}` : `an integer from ${min} to ${max}`,
  isValid: (value) =>
    Number.isInteger(value) && (value as number) >= min && (max === undefined || (value as number) <= max),
})

/** A function (a callback such as `onError`). */
export const functionRule: OptionRule = { expected: 'a function', isValid: (value) => typeof value === 'function' }

/**
 * The options every tracker has, and what each must be; checked in this order. All but `siteId` may
 * be left out; `retry.attempts` and its siblings are read inside `retry`.
 */
export const sharedOptionRules: Record<string, OptionRule> = {
  siteId: {
    expected: "a non-empty string (the site's tracker id, e.g. '8A412DC')",
    isValid: (value) => typeof value === 'string' && value.trim() !== '',
  },
  onError: functionRule,
  timeout: integerRule(1, maxTimerMs),
  concurrency: integerRule(1),
  maxQueue: integerRule(1),
  maxAgeMs: integerRule(1),
  retry: { expected: 'an object', isValid: (value) => typeof value === 'object' && value !== null },
  'retry.attempts': integerRule(1),
  'retry.baseDelayMs': integerRule(0, maxTimerMs),
  'retry.maxDelayMs': integerRule(0, maxTimerMs),
}

/**
 * Checks a tracker's options against the shared rules, then the platform's `ownRules`, and resolves
 * the endpoint (a path such as `/t/api/v2` only with the page's address as `pageUrl`). Answers the
 * URL to post to, or the first problem as an `invalid_config` error naming the option; never throws.
 * Options that are no object have no `siteId`, which is what is reported.
 *
 * @example
 * checkTrackerOptions({ siteId: '8A412DC', timeout: 0 }, {})
 * // { ok: false, error: TrackerError('timeout must be an integer from 1 to 2147483647; got 0') }
 */
export function checkTrackerOptions(
  options: unknown,
  ownRules: Record<string, OptionRule>,
  pageUrl?: string,
): EndpointResult {
  const given = Object(options) as Record<string, unknown>
  const rules = { ...sharedOptionRules, ...ownRules }
  for (const field in rules) {
    const rule = rules[field] as OptionRule
    // 'retry.attempts' is read inside retry (already checked to be an object, when given).
    const [name, inner] = field.split('.') as [string, string | undefined]
    const value = inner === undefined ? given[name] : (given[name] as Record<string, unknown> | undefined)?.[inner]
    if ((value !== undefined || field === 'siteId') && !rule.isValid(value)) {
      return { ok: false, error: mustBe(field, rule.expected, value) }
    }
  }
  // resolveEndpoint takes a missing endpoint for 'esputnik' and refuses `null`, as every option here does.
  return resolveEndpoint(given.endpoint, pageUrl)
}
