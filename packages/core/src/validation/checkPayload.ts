import type { ValidationIssue } from '../errors/TrackerError'
import { isRecord } from '../schemas/predicates'
import type { EventWire } from '../schemas/wireSchema'
import { checkSchema } from './checkSchema'
import { makeIssue } from './issues'

/**
 * Every issue of one payload against its event's schema: bodies filed under another event's body key
 * (any of `bodyKeys`) or under the event's own name where its body key differs (the plural
 * `ProductImpressions` integrators reach for), unsafe content (prototype-polluting keys, BigInt,
 * cycles) anywhere and the schema's own issues, in one walk (checkSchema), each named by its wire path.
 */
export function checkPayload(
  wire: EventWire,
  payload: unknown,
  bodyKeys: readonly (string | undefined)[] = [],
): ValidationIssue[] {
  if (!isRecord(payload)) return [makeIssue('', 'a payload object', payload)]
  const { eventName, bodyKey } = wire
  const expected = bodyKey ? `the body under "${bodyKey}"` : `no body in a ${eventName} event`
  const misfiled = bodyKey && bodyKey !== eventName ? [...bodyKeys, eventName] : bodyKeys
  const issues: ValidationIssue[] = []
  for (const key of misfiled) {
    if (key && key !== bodyKey && key in payload) issues.push(makeIssue(key, expected, key, 'misplaced_body'))
  }
  checkSchema(wire, payload, '', issues)
  return issues
}
