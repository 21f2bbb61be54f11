import { invalidEvent, makeIssue } from '../validation/issues'
import { BODY_KEYS, EVENT_MODEL, EVENT_NAMES, type EventName, isEventName } from './registry'
import { assembleEvent } from './shared/assembleEvent'
import type { BuildResult, EventContext } from './types'

/** The `invalid_event` answer for a name that is not a REST event. */
const unknownEvent = (eventName: unknown): BuildResult => ({
  ok: false,
  error: invalidEvent(undefined, [
    makeIssue('GeneralInfo.eventName', `one of ${EVENT_NAMES.join(', ')}`, eventName, 'unknown_event'),
  ]),
})

/**
 * Builds the wire payload of one event from its friendly input (API.md's tracker-method inputs);
 * never throws. This is what every tracker method calls.
 *
 * @example
 * buildEvent('CategoryPage', { categoryKey: 'Babies' }, { siteId: '8A412DC', sc: 'CDA68358-94FB-4D83-9655-3FEB3C4114A3' })
 * // { ok: true, payload: { GeneralInfo: {...}, CategoryPage: { Category: { categoryKey: 'Babies' } } } }
 */
export function buildEvent(eventName: EventName, input: unknown, context: EventContext): BuildResult {
  return isEventName(eventName) ? assembleEvent(EVENT_MODEL[eventName], input, context) : unknownEvent(eventName)
}

/**
 * Adds GeneralInfo from the context to a raw wire body (`{ ProductPage: { Product: {...} } }`;
 * CustomerData: `{}` or nothing) and validates the result; never throws. Fields of a `GeneralInfo`
 * inside the body win over the context's. For `tracker.send(eventName, body)`.
 *
 * @example
 * buildRawEvent('ProductPage', { ProductPage: { Product: { productKey: '72354', price: '754' } } }, context)
 */
export function buildRawEvent(eventName: string, body: unknown, context: EventContext): BuildResult {
  return isEventName(eventName)
    ? assembleEvent(EVENT_MODEL[eventName], body, context, Object.values(BODY_KEYS))
    : unknownEvent(eventName)
}
