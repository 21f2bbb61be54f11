/**
 * `@es-tracker/browser`: the browser tracker as an ES module ({@link createBrowserTracker}), the eS.JS
 * compatibility handler and the helpers a page uses with them. The script tag (`es-tracker.min.js`)
 * is built from the same code.
 *
 * @module @es-tracker/browser
 */
export { trackerMethodNames } from '@es-tracker/core/internal'
export type { ConsentSource, ConsentState } from './consent/consentGate'
export { createBrowserTracker } from './createBrowserTracker'
export { maskEmail, maskPersonalData, maskPhone } from './debug/maskPersonalData'
export type { EsJsHandler, EsJsHandlerOptions } from './esjs/createEsJsHandler'
export { createEsJsHandler } from './esjs/createEsJsHandler'
export type { EsCompatOptions } from './esjs/installEsCompat'
export { installEsCompat } from './esjs/installEsCompat'
export type { BrowserTracker, BrowserTrackerOptions, IdentifyInput } from './types'
