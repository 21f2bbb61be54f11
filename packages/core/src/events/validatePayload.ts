import { isRecord } from '../schemas/predicates'
import { checkPayload } from '../validation/checkPayload'
import { checkSchema } from '../validation/checkSchema'
import { findOversizedContent } from '../validation/findOversizedContent'
import { identityWarnings } from '../validation/identityWarnings'
import { invalidEvent, makeIssue } from '../validation/issues'
import { BODY_KEYS, EVENT_MODEL, EVENT_NAMES, isEventName } from './registry'
import { neverThrow } from './shared/assembleEvent'
import type { BuildResult, WirePayload } from './types'

/**
 * Checks that a JSON value is one valid wire payload (PAYLOADS.md), as leniently as the real world
 * sends them; never throws. Failures are `invalid_event` with every issue named by its wire path.
 *
 * @example
 * const result = validatePayload(JSON.parse(body))
 * if (!result.ok) console.log(result.error.issues) // [{ path: 'StatusCart.Products[1].quantity', message: ... }]
 */
export function validatePayload(json: unknown): BuildResult {
  return neverThrow(undefined, () => {
    if (!isRecord(json)) {
      return {
        ok: false,
        error: invalidEvent(undefined, [makeIssue('', 'a payload object { GeneralInfo, ... }', json)]),
      }
    }
    // Before anything walks the payload: its depth and size bound all the work that follows.
    const oversized = findOversizedContent(json)
    if (oversized) return { ok: false, error: invalidEvent(undefined, [oversized]) }
    const info = json.GeneralInfo
    const eventName = isRecord(info) ? info.eventName : undefined
    if (!isEventName(eventName)) {
      const first = isRecord(info)
        ? makeIssue('GeneralInfo.eventName', `one of ${EVENT_NAMES.join(', ')}`, eventName, 'unknown_event')
        : makeIssue('GeneralInfo', 'an object', info)
      const issues = [first]
      checkSchema(undefined, json, '', issues)
      return { ok: false, error: invalidEvent(undefined, issues) }
    }
    const issues = checkPayload(EVENT_MODEL[eventName], json, Object.values(BODY_KEYS))
    if (issues.length > 0) return { ok: false, error: invalidEvent(eventName, issues) }
    const warnings = identityWarnings(info)
    const payload = json as unknown as WirePayload
    return warnings.length > 0 ? { ok: true, payload, warnings } : { ok: true, payload }
  })
}
