import type { ValidationIssue } from '../../errors/TrackerError'
import type { ObjectSchema, WireSchema } from '../../schemas/wireSchema'
import type { BuildResult, EventContext, EventName, WirePayload } from '../../types'
import { checkPayload } from '../../validation/checkPayload'
import { invalidEvent, makeIssue } from '../../validation/issues'
import { BODY_KEYS } from '../bodyKeys'
import { buildGeneralInfo } from './generalInfo'
import { type Issues, toWire } from './toWire'

/**
 * Checks an assembled payload against its event's schema and answers: the payload (and any
 * warnings), or `invalid_event` with the builder's issues and the schema's, each once.
 */
export function settleEvent(
  eventName: EventName,
  schema: WireSchema,
  payload: Record<string, unknown>,
  issues: Issues,
  warnings: ValidationIssue[],
): BuildResult {
  // Check what will be sent, not the objects given: a `toJSON`, or a getter that answers otherwise
  // on the next read, must not carry an invalid value past the check onto the wire. What does not
  // serialize (a BigInt, a cycle, a throwing `toJSON`) is checked as given, to name where it is.
  let sent: unknown
  try {
    sent = JSON.parse(JSON.stringify(payload))
  } catch {}
  issues.push(...checkPayload(eventName, schema, sent === undefined ? payload : sent))
  // Keep the first of issues that say the same thing about the same path.
  const unique = issues.filter(
    (issue, index) =>
      issues.findIndex((other) => other.path === issue.path && other.message === issue.message) === index,
  )
  if (!unique.length && sent === undefined) unique.push(makeIssue('', 'a payload that serializes to JSON', payload))
  if (unique.length) return { ok: false, error: invalidEvent(eventName, unique) }
  return { ok: true, payload: sent as WirePayload, ...(warnings.length > 0 && { warnings }) }
}

/** Runs a build step, turning anything it throws into `invalid_event`: a builder never throws. */
export function neverThrow(eventName: string | undefined, build: () => BuildResult): BuildResult {
  try {
    return build()
  } catch (cause) {
    // Reached only by hostile input (a throwing getter, a revoked proxy, a cyclic structure).
    return { ok: false, error: invalidEvent(eventName, [makeIssue('', 'a readable input', cause)], cause) }
  }
}

/**
 * Puts one event together: GeneralInfo from the context, the body converted from the input by the
 * event's schema under its body key, then {@link settleEvent}. Never throws.
 */
export const assembleEvent = (
  eventName: EventName,
  schema: ObjectSchema,
  input: unknown,
  context: EventContext,
): BuildResult =>
  neverThrow(eventName, () => {
    const issues: Issues = []
    const warnings: ValidationIssue[] = []
    const payload: Record<string, unknown> = { GeneralInfo: buildGeneralInfo(eventName, context, issues, warnings) }
    const bodyKey = BODY_KEYS[eventName]
    if (bodyKey) payload[bodyKey] = toWire(schema.fields[bodyKey] as WireSchema, input, {}, bodyKey, issues)
    return settleEvent(eventName, schema, payload, issues, warnings)
  })
