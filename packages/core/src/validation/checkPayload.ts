import type { ValidationIssue } from '../errors/TrackerError'
import { BODY_KEYS } from '../events/bodyKeys'
import { isRecord } from '../schemas/values'
import type { WireSchema } from '../schemas/wireSchema'
import type { EventName } from '../types'
import { checkSchema } from './checkSchema'
import { findUnsafeContent } from './findUnsafeContent'
import { makeIssue } from './issues'

/**
 * Every issue of one payload against its event's schema: bodies filed under another event's key (or
 * under the plural `ProductImpressions` integrators reach for), unsafe content (prototype-polluting
 * keys, BigInt, cycles) anywhere, then the schema's own issues, each named by its wire path.
 */
export function checkPayload(eventName: EventName, schema: WireSchema, payload: unknown): ValidationIssue[] {
  if (!isRecord(payload)) return [makeIssue('', 'a payload object', payload)]
  const ownKey = BODY_KEYS[eventName]
  const expected = ownKey ? `the body under "${ownKey}"` : `no body in a ${eventName} event`
  const issues: ValidationIssue[] = []
  for (const key of [...Object.values(BODY_KEYS), eventName === 'ProductImpressions' && eventName]) {
    if (key && key !== ownKey && key in payload) issues.push(makeIssue(key, expected, key))
  }
  findUnsafeContent(payload, '', issues)
  checkSchema(schema, payload, '', issues)
  return issues
}
