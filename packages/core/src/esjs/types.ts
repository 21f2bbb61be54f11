import type { TrackerError } from '../errors/TrackerError'
import type { EventName, Identity, PageContext } from '../types'
import type { LooseRecord } from './values'

/**
 * One event's eS.JS converter: the body (without the call's GeneralInfo) in, the wire body out.
 * Converters never fail: what they recognise comes out in the wire form, anything else is passed
 * through unchanged so that validation names it by its path. A `GeneralInfo` in what they answer
 * is a fragment of identity and page context (CustomerData's fields), not part of the wire body.
 */
export type EsJsConverter = (body: LooseRecord, state: EsJsCartState) => LooseRecord

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
      /** The wire body without GeneralInfo, for the tracker's raw `send`. */
      body: LooseRecord
      /**
       * The GUID the tracker makes the last cart GUID once it builds the payload (PAYLOADS.md "GUID"):
       * a purchase's, or that of a cart with products.
       */
      cartGuid?: string
      /** Identity the call carried (CustomerData, GeneralInfo fragments); remembered like `identify`. */
      identity?: Identity
      /** Page-context fields the call carried (`user_city`, ...), for this event's GeneralInfo. */
      context?: PageContext
    }
  | {
      /** Nothing to send, but the call carried identity (a GeneralInfo inside a PageView, say): remember it; `reason` says so. */
      kind: 'identity'
      identity?: Identity
      context?: PageContext
      reason: string
    }
  | { kind: 'skip'; reason: string }
  | { kind: 'error'; error: TrackerError }
