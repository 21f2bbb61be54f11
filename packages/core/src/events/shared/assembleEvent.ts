import type { ValidationIssue } from '../../errors/TrackerError'
import { isRecord } from '../../schemas/predicates'
import type { EventWire, WireSchema } from '../../schemas/wireSchema'
import { checkPayload } from '../../validation/checkPayload'
import { findOversizedContent } from '../../validation/findOversizedContent'
import { invalidEvent, makeIssue } from '../../validation/issues'
import type { BuildResult, EventContext, WirePayload } from '../types'
import { buildGeneralInfo } from './generalInfo'
import { copyFields, type Issues, toWire } from './toWire'

/** Runs a build step, turning anything it throws into `invalid_event`: a builder never throws. */
export function neverThrow(eventName: string | undefined, build: () => BuildResult): BuildResult {
  try {
    return build()
  } catch (cause) {
    // Reached only by hostile input (a throwing getter, a revoked proxy, a cyclic structure).
    return {
      ok: false,
      error: invalidEvent(eventName, [makeIssue('', 'a readable input', cause, 'unreadable_input')], cause),
    }
  }
}

/**
 * Puts one event together and checks it against its wire schema; never throws. GeneralInfo comes from
 * the context; the body is converted from the friendly input by the event's schema. With `rawBodyKeys`
 * (every event's body key) the input is a wire body (`{ ProductPage: {...} }`) instead, whose fields
 * are copied as given, those of its own `GeneralInfo` over the context's, and a body under another
 * event's key is reported. Answers the payload (and any warnings), or `invalid_event` with the
 * builder's issues and the schema's, each once.
 */
export const assembleEvent = (
  wire: EventWire,
  input: unknown,
  context: EventContext,
  rawBodyKeys?: readonly (string | undefined)[],
): BuildResult => {
  const { eventName, bodyKey } = wire
  return neverThrow(rawBodyKeys ? undefined : eventName, () => {
    // Before anything walks the input: its depth and size bound all the work that follows.
    const oversized = findOversizedContent(input)
    if (oversized) return { ok: false, error: invalidEvent(eventName, [oversized]) }
    const issues: Issues = []
    const warnings: ValidationIssue[] = []
    if (rawBodyKeys && input != null && !isRecord(input)) {
      issues.push(makeIssue('', `an object such as { ${eventName}: {...} }`, input))
    }
    const generalInfo = buildGeneralInfo(wire, context, issues, warnings)
    const payload: Record<string, unknown> = { GeneralInfo: generalInfo }
    if (rawBodyKeys) {
      const { GeneralInfo: given, ...rest } = isRecord(input) ? input : {}
      if (isRecord(given)) copyFields(given, generalInfo)
      else if (given !== undefined) issues.push(makeIssue('GeneralInfo', 'an object', given))
      copyFields(rest, payload)
    } else if (bodyKey) payload[bodyKey] = toWire(wire.fields[bodyKey] as WireSchema, input, {}, bodyKey, issues)
    // Check what will be sent, not the objects given: a `toJSON`, or a getter that answers otherwise
    // on the next read, must not carry an invalid value past the check onto the wire. What does not
    // serialize (a BigInt, a cycle, a throwing `toJSON`) is checked as given, to name where it is.
    let sent: unknown
    try {
      sent = JSON.parse(JSON.stringify(payload))
    } catch {}
    issues.push(...checkPayload(wire, sent === undefined ? payload : sent, rawBodyKeys))
    if (!issues.length && sent === undefined)
      issues.push(makeIssue('', 'a payload that serializes to JSON', payload, 'unsafe_value'))
    if (issues.length) return { ok: false, error: invalidEvent(eventName, issues) }
    return { ok: true, payload: sent as WirePayload, ...(warnings.length > 0 && { warnings }) }
  })
}
