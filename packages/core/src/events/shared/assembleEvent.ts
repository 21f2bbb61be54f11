import type { ValidationIssue } from '../../errors/TrackerError'
import { isRecord } from '../../schemas/values'
import type { WireSchema } from '../../schemas/wireSchema'
import type { BuildResult, EventContext, EventName, WirePayload } from '../../types'
import { checkPayload } from '../../validation/checkPayload'
import { findOversizedContent } from '../../validation/findOversizedContent'
import { invalidEvent, makeIssue } from '../../validation/issues'
import { BODY_KEYS } from '../bodyKeys'
import { EVENT_MODEL } from '../model'
import { buildGeneralInfo } from './generalInfo'
import { copyFields, type Issues, toWire } from './toWire'

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
 * Puts one event together and checks it against its schema; never throws. GeneralInfo comes from the
 * context; the body is converted from the friendly input by the event's schema, or with `raw`, the
 * input is a wire body (`{ ProductPage: {...} }`) whose fields are copied as given, those of its own
 * `GeneralInfo` over the context's. Answers the payload (and any warnings), or `invalid_event` with
 * the builder's issues and the schema's, each once.
 */
export const assembleEvent = (
  eventName: EventName,
  input: unknown,
  context: EventContext,
  raw?: boolean,
): BuildResult =>
  neverThrow(raw ? undefined : eventName, () => {
    // Before anything walks the input: its depth and size bound all the work that follows.
    const oversized = findOversizedContent(input)
    if (oversized) return { ok: false, error: invalidEvent(eventName, [oversized]) }
    const issues: Issues = []
    const warnings: ValidationIssue[] = []
    const schema = EVENT_MODEL[eventName]
    const bodyKey = BODY_KEYS[eventName]
    if (raw && input != null && !isRecord(input)) {
      issues.push(makeIssue('', `an object such as { ${eventName}: {...} }`, input))
    }
    const generalInfo = buildGeneralInfo(eventName, context, issues, warnings)
    const payload: Record<string, unknown> = { GeneralInfo: generalInfo }
    if (raw) {
      const { GeneralInfo: given, ...rest } = isRecord(input) ? input : {}
      if (isRecord(given)) copyFields(given, generalInfo, 'GeneralInfo', issues)
      else if (given !== undefined) issues.push(makeIssue('GeneralInfo', 'an object', given))
      copyFields(rest, payload, '', issues)
    } else if (bodyKey) payload[bodyKey] = toWire(schema.fields[bodyKey] as WireSchema, input, {}, bodyKey, issues)
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
  })
