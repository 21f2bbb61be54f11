import type { EsJsCommand, SendResult, TrackerError } from '@es-tracker/core'
import { buildRawEvent } from '@es-tracker/core'
import { newCartGuid } from '@es-tracker/core/internal'
import type { BrowserTracker } from '../types'
import { createEsJsCallHandler } from './createEsJsCallHandler'

/** The eS.JS commands that send events, as `esTracker(...)` and `window.eS(...)` answer them. */
export const ES_JS_COMMANDS: readonly EsJsCommand[] = ['sendEvent', 'sendEventWithTags']

/** Runs one eS.JS call (`sendEvent` / `sendEventWithTags`) on a tracker; resolves, never rejects or throws. */
export type EsJsHandler = (command: EsJsCommand, args: readonly unknown[]) => Promise<SendResult>

/** What {@link createEsJsHandler} needs besides the tracker. */
export interface EsJsHandlerOptions {
  /** Reports a call that cannot become a valid REST payload (the tracker's `onError`, console in debug mode). */
  report?: (error: TrackerError) => void
  /** Says why nothing was sent for a call (debug mode only). */
  log?: (message: string) => void
}

/**
 * Creates the handler of the vendor script's calls (`sendEvent`, `sendEventWithTags`): each call is
 * converted by core's `convertEsJsCall` and sent through the tracker's raw `send`, so validation and
 * delivery are the tracker's own. Identity the call carries is remembered like `identify`; a cart's
 * GUID becomes the last cart GUID; script-only events (MainPage, ...) send nothing.
 *
 * @example
 * const handle = createEsJsHandler(tracker, { report: console.error })
 * handle('sendEvent', ['ProductPage', { ProductPage: { productKey: '72354', price: '754', isInStock: 1 } }])
 */
export function createEsJsHandler(tracker: BrowserTracker, options: EsJsHandlerOptions = {}): EsJsHandler {
  return createEsJsCallHandler(tracker, options, { buildRawEvent, newCartGuid })
}
