// The types every event's builder shares: its context in, its result out.
import type { TrackerError, ValidationIssue } from '../errors/TrackerError'
import type { Identity } from '../schemas/identity'
import type { EventName } from './registry'

/** Page-context fields of GeneralInfo, in their wire names, copied into the payload as given. */
export interface PageContext {
  s_location?: string
  referrer?: string
  screendim?: { h: number; w: number }
  device?: string
  browser?: Record<string, unknown>
  adblockEnabled?: boolean
  user_client_id?: string
  user_city?: string
  user_card_id?: string
  [field: string]: unknown
}

/** Everything a builder needs besides the event's own input to fill GeneralInfo. */
export interface EventContext {
  siteId: string
  /** The `sc` cookie's value; required by every event but ProductUpdate. */
  sc?: string
  /** Event time in ms since epoch; builders default to `Date.now()`. */
  datetime?: number
  identity?: Identity
  context?: PageContext
}

/** A builder's or validator's answer: a wire payload, or an `invalid_event` error with its issues. */
export type BuildResult<Payload = WirePayload> =
  | {
      ok: true
      payload: Payload
      /** What was dropped or looks wrong but did not stop the event (a malformed e-mail, say). */
      warnings?: ValidationIssue[]
    }
  | { ok: false; error: TrackerError }

/** Any wire payload: `{ GeneralInfo, <BodyKey>? }`. */
export interface WirePayload {
  GeneralInfo: { eventName: EventName; siteId: string; [field: string]: unknown }
  [bodyKey: string]: unknown
}
