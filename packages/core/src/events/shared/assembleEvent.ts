import type { ValidationIssue } from '../../errors/TrackerError'
import type { WireSchema } from '../../schemas/wireSchema'
import type { BuildResult, EventContext, EventName, WirePayload } from '../../types'
import { checkPayload } from '../../validation/checkPayload'
import { invalidEvent, makeIssue } from '../../validation/issues'
import { BODY_KEYS } from '../bodyKeys'
import type { BodyConvert, Issues } from './fields'
import { buildGeneralInfo } from './generalInfo'

/** Keeps the first of issues that say the same thing about the same path. */
function unique(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>()
  return issues.filter((issue) => {
    const key = `${issue.path}\n${issue.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

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
  // on the next read, must not carry an invalid value past the check onto the wire.
  const sent = asSent(payload)
  const all = unique([...issues, ...checkPayload(eventName, schema, sent ?? payload)])
  if (all.length === 0 && sent === undefined) all.push(makeIssue('', 'a payload that serializes to JSON', payload))
  if (all.length > 0) return { ok: false, error: invalidEvent(eventName, all) }
  const wire = sent as unknown as WirePayload
  return warnings.length > 0 ? { ok: true, payload: wire, warnings } : { ok: true, payload: wire }
}

/** The payload as its JSON will carry it, or `undefined` when it does not serialize (a throwing `toJSON`, say). */
function asSent(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  try {
    const text = JSON.stringify(payload)
    return typeof text === 'string' ? (JSON.parse(text) as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
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
 * Puts one event together: GeneralInfo from the context, the body from the input under the event's
 * body key, then {@link settleEvent}. Never throws.
 */
export function assembleEvent(
  eventName: EventName,
  schema: WireSchema,
  body: BodyConvert | undefined,
  input: unknown,
  context: EventContext,
): BuildResult {
  return neverThrow(eventName, () => {
    const issues: Issues = []
    const warnings: ValidationIssue[] = []
    const payload: Record<string, unknown> = { GeneralInfo: buildGeneralInfo(eventName, context, issues, warnings) }
    const bodyKey = BODY_KEYS[eventName]
    if (bodyKey !== undefined && body) payload[bodyKey] = body(input, bodyKey, issues)
    return settleEvent(eventName, schema, payload, issues, warnings)
  })
}
