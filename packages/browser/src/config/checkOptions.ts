import {
  checkTrackerOptions,
  type EndpointResult,
  integerRule,
  maxTimerMs,
  type OptionRule,
} from '@es-tracker/core/internal'
import { consentOptions, isConsentOption } from '../consent/consentGate'

/** What {@link checkOptions} answers: the endpoint URL, or the first problem found. */
export type OptionsCheck = EndpointResult

/** The browser's own options, and what each must be (the ones every tracker has are core's). */
const browserRules: Record<string, OptionRule> = {
  consent: { expected: consentOptions, isValid: isConsentOption },
  maxStoredEvents: integerRule(1),
  scWaitTimeoutMs: integerRule(1, maxTimerMs),
}

/**
 * Checks a tracker's options before anything is sent: core's rules for the options every tracker
 * has (a `siteId`; an endpoint that is a preset, an `https:` URL, loopback `http:` or a path on the
 * page's origin; well-formed numbers and callbacks), then the browser's own.
 */
export function checkOptions(options: unknown): OptionsCheck {
  // A path ('/t/api/v2') is the site's own first-party endpoint, on the page's origin.
  return checkTrackerOptions(options, browserRules, typeof location === 'undefined' ? undefined : location.href)
}
