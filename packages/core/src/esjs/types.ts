import type { TrackerError } from '../errors/TrackerError'
import type { EventName } from '../events/registry'
import type { LooseRecord } from '../events/shared/lenientValues'
import type { PageContext } from '../events/types'
import type { Identity } from '../schemas/identity'

export type { EsJsCartState, EsJsConverter } from '../events/shared/esJsConverter'

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
