import { TrackerError } from '../errors/TrackerError'
import type { EventName, Identity, PageContext } from '../types'
import type { LooseRecord } from './values'

/** What one event's eS.JS converter answers: the REST wire body (without GeneralInfo), or why there is none. */
export type EsJsBodyResult =
  | {
      ok: true
      /** The wire body, e.g. `{ ProductPage: { Product: {...} } }`; `{}` for CustomerData. */
      body: LooseRecord
      /** The GUID that becomes the last cart GUID (a cart with products, or a purchase that named one). */
      cartGuid?: string
      /** Identity the body carried (CustomerData); remembered like `identify`. */
      identity?: Identity
      /** Page-context fields the body carried (CustomerData's `user_city`, ...). */
      context?: PageContext
    }
  | { ok: false; error: TrackerError }

/** Cart memory a converter may need: the GUID to join and a generator of new ones. */
export interface EsJsCartState {
  /** The GUID of the last cart that had products; a purchase without a GUID joins it. */
  lastCartGuid?: string
  /** A new cart GUID (32 uppercase hex digits, 8-4-4-4-12). */
  newGuid: () => string
}

/** The command an eS.JS call was made with. */
export type EsJsCommand = 'sendEvent' | 'sendEventWithTags'

/** What {@link convertEsJsCall} answers for one call. */
export type EsJsConversion =
  | {
      kind: 'event'
      eventName: EventName
      /** The REST wire body without GeneralInfo, ready for the tracker's raw `send`. */
      body: LooseRecord
      /** Identity the call carried (CustomerData, GeneralInfo fragments); remember it like `identify`. */
      identity?: Identity
      /** Page-context fields the call carried (`user_city`, `user_card_id`, ...). */
      context?: PageContext
      /** Becomes the tracker's last cart GUID. */
      cartGuid?: string
    }
  | {
      /** Nothing to send, but the call carried identity (a GeneralInfo inside a PageView, say): remember it. */
      kind: 'identity'
      identity?: Identity
      context?: PageContext
      reason: string
    }
  | { kind: 'skip'; reason: string }
  | { kind: 'error'; error: TrackerError }

/** Builds the `invalid_event` error of a body part that has the wrong shape, naming it by its wire path. */
export function invalidEsJsBody(eventName: string, path: string, expected: string, received: unknown): TrackerError {
  const got = describeValue(received)
  return new TrackerError('invalid_event', `Invalid ${eventName} event: ${path}: expected ${expected}, got ${got}`, {
    eventName,
    issues: [{ path, message: `expected ${expected}, got ${got}`, expected, received: got }],
  })
}

/** A short printable form of any value, for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'object') return value === null ? 'null' : 'an object'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  return String(value)
}
