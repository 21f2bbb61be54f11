import { type EndpointResult, resolveEndpoint, TrackerError, type TrackerErrorCode } from '@es-tracker/core'
import { consentOptions, isConsentOption } from '../consent/consentGate'
import { describeValue } from '../describe'

/** What {@link checkOptions} answers: the endpoint URL, or the first problem found. */
export type OptionsCheck = EndpointResult

/** An error (`invalid_config` unless told otherwise) saying what a field must be and what came instead. */
export const mustBe = (
  field: string,
  expected: string,
  value: unknown,
  code: TrackerErrorCode = 'invalid_config',
): TrackerError => new TrackerError(code, `${field} must be ${expected}; got ${describeValue(value)}`)

type Rule = [expected: string, isValid: (value: unknown) => boolean]

const positive: Rule = ['a positive number', (value) => Number.isFinite(value) && (value as number) > 0]

/** Each option checked, what it must be; all but `siteId` may be left out. */
const rules: Record<string, Rule> = {
  siteId: ['a non-empty string', (value) => typeof value === 'string' && value.trim() !== ''],
  consent: [consentOptions, isConsentOption],
  onError: ['a function', (value) => typeof value === 'function'],
  timeout: positive,
  maxQueue: positive,
  maxStoredEvents: positive,
  maxAgeMs: positive,
  concurrency: positive,
  scWaitTimeoutMs: positive,
}

/**
 * Checks a tracker's options before anything is sent: a `siteId`, an endpoint that is a preset, an
 * `https:` URL (loopback `http:` aside, as core's resolveEndpoint decides) or a path on the page's
 * origin, and well-formed optional values.
 */
export function checkOptions(options: unknown): OptionsCheck {
  // No options, or not an object: no siteId either, which is what is reported.
  const given = Object(options) as Record<string, unknown>
  for (const field in rules) {
    const [expected, isValid] = rules[field] as Rule
    const value = given[field]
    if ((value !== undefined || field === 'siteId') && !isValid(value)) {
      return { ok: false, error: mustBe(field, expected, value) }
    }
  }
  // resolveEndpoint takes a missing endpoint for 'esputnik' and refuses `null`, as every option here does.
  // A path ('/t/api/v2') is the site's own first-party endpoint, on the page's origin.
  return resolveEndpoint(given.endpoint, typeof location === 'undefined' ? undefined : location.href)
}
