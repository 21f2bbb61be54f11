import type { bridgeDataLayer } from '../bridges/dataLayer/bridgeDataLayer'
import type { followPageConsent } from '../consent/pageConsent'
import type { DebugConsole, DebugLog } from '../debug/debugLog'
import type { EsJsCoreParts } from '../esjs/createEsJsCallHandler'
import type { EsJsHandler, EsJsHandlerOptions } from '../esjs/createEsJsHandler'
import type { BrowserTracker } from '../types'

/**
 * What each add-on exports, by name: the script tag loads `es-tracker.<name>.min.js` from its own
 * directory when a page first needs it, and the add-on registers these exports when it runs.
 */
export interface AddonExports {
  /** eS.JS compatibility: `sendEvent` / `sendEventWithTags` and `window.eS` (esCompat.ts). */
  esCompat: {
    /** Creates the handler of eS.JS calls; `core` holds the base's own builder and GUID generator (not bundled twice). */
    createEsJsCallHandler(tracker: BrowserTracker, options: EsJsHandlerOptions, core: EsJsCoreParts): EsJsHandler
  }
  /** Consent from Google Consent Mode or an IAB TCF CMP (`consent: 'gcm' | 'tcf'`; consent/pageConsent.ts). */
  consentSignals: {
    followPageConsent: typeof followPageConsent
  }
  /** Debug mode's log (`debug: true`; debug/debugLog.ts): masking, formatting and the unknown-field notes. */
  debug: {
    /** Creates the debug log; the script tag passes `{ debug: true }` and reports to `onError` itself. */
    createDebugLog(options: unknown, output?: DebugConsole): DebugLog
  }
  /** The GA4 dataLayer bridge, with the signature of `@es-tracker/browser/datalayer`. */
  dataLayer: {
    bridgeDataLayer: typeof bridgeDataLayer
  }
}

/** The name of an add-on: `esCompat`, `consentSignals`, `debug`, `dataLayer`. */
export type AddonName = keyof AddonExports
