export type { ConsentState } from './consent/consentGate'
export { createBrowserTracker, trackerMethodNames } from './createBrowserTracker'
export { maskEmail, maskPersonalData, maskPhone } from './debug/maskPersonalData'
export type { BrowserTracker, BrowserTrackerOptions, IdentifyInput } from './types'
