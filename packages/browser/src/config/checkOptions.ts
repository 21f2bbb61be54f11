import { resolveEndpoint, TrackerError } from '@es-tracker/core'
import { isConsentState } from '../consent/consentGate'
import { describeValue } from '../describe'

/** What {@link checkOptions} answers: the endpoint URL, or the first problem found. */
export type OptionsCheck = { ok: true; url: string } | { ok: false; error: TrackerError }

const invalid = (message: string): OptionsCheck => ({ ok: false, error: new TrackerError('invalid_config', message) })

/**
 * Checks a tracker's options before anything is sent: a `siteId`, an endpoint that is a preset or
 * an `https:` URL (loopback `http:` aside), and well-formed optional values.
 */
export function checkOptions(options: unknown): OptionsCheck {
  if (typeof options !== 'object' || options === null) {
    return invalid(`expected an options object with a siteId; got ${describeValue(options)}`)
  }
  const given = options as Record<string, unknown>
  if (typeof given.siteId !== 'string' || given.siteId.trim() === '') {
    return invalid(`siteId (your site's id) must be a non-empty string; got ${describeValue(given.siteId)}`)
  }
  if (given.consent !== undefined && !isConsentState(given.consent)) {
    return invalid(`consent must be 'granted', 'pending' or 'denied'; got ${describeValue(given.consent)}`)
  }
  if (given.onError !== undefined && typeof given.onError !== 'function') {
    return invalid(`onError must be a function; got ${describeValue(given.onError)}`)
  }
  for (const field of ['timeout', 'maxQueue', 'maxStoredEvents', 'maxAgeMs', 'concurrency', 'scWaitTimeoutMs']) {
    const value = given[field]
    if (value !== undefined && !(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
      return invalid(`${field} must be a positive number; got ${describeValue(value)}`)
    }
  }
  const endpoint = resolveEndpoint(given.endpoint ?? 'esputnik')
  return endpoint.ok ? { ok: true, url: endpoint.url } : endpoint
}
