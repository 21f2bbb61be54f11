import { resolveEndpoint, TrackerError } from '@es-tracker/core'
import { isConsentState } from '../consent/consentGate'
import { describeValue } from '../describe'

/** What {@link checkOptions} answers: the endpoint URL, or the first problem found. */
export type OptionsCheck = { ok: true; url: string } | { ok: false; error: TrackerError }

const invalid = (message: string): OptionsCheck => ({ ok: false, error: new TrackerError('invalid_config', message) })

const isPositive = (value: unknown) => typeof value === 'number' && value > 0 && Number.isFinite(value)

/**
 * Checks a tracker's options before anything is sent: a `siteId`, an endpoint that is a preset or
 * an `https:` URL (loopback `http:` aside), and well-formed optional values.
 */
export function checkOptions(options: unknown): OptionsCheck {
  if (typeof options !== 'object' || options === null) {
    return invalid(`expected an options object with a siteId; got ${describeValue(options)}`)
  }
  const given = options as Record<string, unknown>
  // Each field, what it must be, and whether it may be left out.
  const fields: Array<[string, string, (value: unknown) => boolean, boolean?]> = [
    ['siteId', 'a non-empty string', (value) => typeof value === 'string' && value.trim() !== '', true],
    ['consent', "'granted', 'pending' or 'denied'", isConsentState],
    ['onError', 'a function', (value) => typeof value === 'function'],
  ]
  for (const field of ['timeout', 'maxQueue', 'maxStoredEvents', 'maxAgeMs', 'concurrency', 'scWaitTimeoutMs']) {
    fields.push([field, 'a positive number', isPositive])
  }
  for (const [field, expected, isValid, required] of fields) {
    const value = given[field]
    if ((required || value !== undefined) && !isValid(value)) {
      return invalid(`${field} must be ${expected}; got ${describeValue(value)}`)
    }
  }
  const endpoint = resolveEndpoint(given.endpoint ?? 'esputnik')
  return endpoint.ok ? { ok: true, url: endpoint.url } : endpoint
}
