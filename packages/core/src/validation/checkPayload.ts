import type { ValidationIssue } from '../errors/TrackerError'
import { BODY_KEYS } from '../events/bodyKeys'
import { isRecord } from '../schemas/values'
import type { WireSchema } from '../schemas/wireSchema'
import type { EventName } from '../types'
import { checkSchema } from './checkSchema'
import { findUnsafeContent } from './findUnsafeContent'
import { makeIssue } from './issues'

// The plural key integrators reach for; PAYLOADS.md settles on the reference's singular one.
const PLURAL_IMPRESSIONS_KEY = 'ProductImpressions'

/** Issues for bodies filed under another event's key (a body key that does not match the event). */
function misplacedBodyIssues(eventName: EventName, payload: Record<string, unknown>): ValidationIssue[] {
  const ownKey = BODY_KEYS[eventName]
  const expected = ownKey ? `the body under "${ownKey}"` : `no event body in a ${eventName} event`
  const issues: ValidationIssue[] = []
  for (const key of Object.values(BODY_KEYS)) {
    if (key === undefined || key === ownKey || !(key in payload)) continue
    issues.push({ path: key, message: `expected ${expected}, got a body under "${key}"`, expected, received: key })
  }
  if (eventName === 'ProductImpressions' && PLURAL_IMPRESSIONS_KEY in payload) {
    const singular = `the body under "${ownKey}" (singular, the API's own key)`
    issues.push({
      path: PLURAL_IMPRESSIONS_KEY,
      message: `expected ${singular}, got it under "${PLURAL_IMPRESSIONS_KEY}"`,
      expected: singular,
      received: PLURAL_IMPRESSIONS_KEY,
    })
  }
  return issues
}

/**
 * Every issue of one payload against its event's schema: misplaced bodies, unsafe content (prototype-polluting
 * keys, BigInt, cycles) anywhere, then the schema's own issues, each named by its wire path.
 */
export function checkPayload(eventName: EventName, schema: WireSchema, payload: unknown): ValidationIssue[] {
  if (!isRecord(payload)) {
    return [makeIssue('', 'a payload object', payload)]
  }
  const issues = [...misplacedBodyIssues(eventName, payload), ...findUnsafeContent(payload)]
  checkSchema(schema, payload, '', issues)
  return issues
}
