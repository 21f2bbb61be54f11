import type { buildRawEvent } from '@es-tracker/core'
import type { bridgeDataLayer } from '../bridges/dataLayer/bridgeDataLayer'
import type { followPageConsent } from '../consent/pageConsent'
import type { EsJsHandler, EsJsHandlerOptions } from '../esjs/createEsJsHandler'
import type { BrowserTracker } from '../types'

/**
 * What each add-on exports, by name: the script tag loads `es-tracker.<name>.min.js` from its own
 * directory when a page first needs it, and the add-on registers these exports when it runs.
 */
export interface AddonExports {
  /** eS.JS compatibility: `sendEvent` / `sendEventWithTags` and `window.eS` (esCompat.ts). */
  esCompat: {
    /** Creates the handler of eS.JS calls; `build` is the base's own payload builder (not bundled twice). */
    createEsJsCallHandler(
      tracker: BrowserTracker,
      options: EsJsHandlerOptions,
      build: typeof buildRawEvent,
    ): EsJsHandler
  }
  /** Consent from Google Consent Mode or an IAB TCF CMP (`consent: 'gcm' | 'tcf'`; consent/pageConsent.ts). */
  consentSignals: {
    followPageConsent: typeof followPageConsent
  }
  /** The GA4 dataLayer bridge, with the signature of `@es-tracker/browser/datalayer`. */
  dataLayer: {
    bridgeDataLayer: typeof bridgeDataLayer
  }
}

/** The name of an add-on: `esCompat`, `consentSignals`, `dataLayer`. */
export type AddonName = keyof AddonExports
