import type { buildRawEvent, Identity } from '@es-tracker/core'
import { convertEsJsCall, TrackerError } from '@es-tracker/core'
import type { newCartGuid } from '@es-tracker/core/internal'
import type { BrowserTracker } from '../types'
import type { EsJsHandler, EsJsHandlerOptions } from './createEsJsHandler'

/** The core functions the handler uses that the script tag carries already: passed in, not bundled twice. */
export interface EsJsCoreParts {
  buildRawEvent: typeof buildRawEvent
  newCartGuid: typeof newCartGuid
}

/**
 * The body of {@link createEsJsHandler}, with core's payload builder and cart GUID generator passed
 * in: the esCompat add-on exports this and the script tag passes its own, which the add-on so does
 * not carry twice.
 */
export function createEsJsCallHandler(
  tracker: BrowserTracker,
  options: EsJsHandlerOptions,
  { buildRawEvent: build, newCartGuid }: EsJsCoreParts,
): EsJsHandler {
  // The GUID the store will hold once the tracker builds the last call that named one (a cart with
  // products, a purchase): the call may wait for the sc cookie or consent, and a purchase right after
  // it must join that cart, not the one before. Until then the store tells whether it is still ahead:
  // once the store changed (the payload was built, or something newer was set) or the call is over
  // (sent, or never built: invalid, refused), the store is the truth.
  let pendingGuid: string | undefined
  let storedWhenPending: string | undefined

  // convertEsJsCall and the tracker's methods never throw, so this never rejects.
  return async (command, [name, body, generalInfo]) => {
    const stored = tracker.cartGuid()
    if (stored !== storedWhenPending) pendingGuid = undefined
    const conversion = convertEsJsCall(command, name as string, body, generalInfo, {
      lastCartGuid: pendingGuid ?? stored,
      newGuid: newCartGuid,
    })
    if (conversion.kind === 'error') {
      options.report?.(conversion.error)
      return { ok: false, error: conversion.error }
    }
    // Only a key readGeneralInfo filled is there: an identity to remember.
    if ('identity' in conversion) tracker.identify(conversion.identity as Identity)
    if (conversion.kind !== 'event') {
      options.log?.(conversion.reason)
      return { ok: false, error: new TrackerError('unsupported', conversion.reason) }
    }
    // Page-context fields (user_city, user_card_id, ...) go into this event's GeneralInfo.
    const sent = { ...conversion.body, GeneralInfo: conversion.context }
    const guid = conversion.cartGuid
    // Only a call that will build is ahead of the store: an invalid cart never takes a purchase's GUID,
    // even while it still waits for the sc cookie or consent (the context here is a stand-in).
    if (guid && build(conversion.eventName, sent, { siteId: '-', sc: '-' }).ok) {
      storedWhenPending = stored
      pendingGuid = guid
    }
    const result = await tracker.send(conversion.eventName, sent)
    if (pendingGuid === guid) pendingGuid = undefined
    return result
  }
}
