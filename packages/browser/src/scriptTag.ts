// The script-tag build (dist/es-tracker.min.js): takes over `window.esTracker` and its queued calls.
import { addonIntegrity } from './addons/addonIntegrity'
import { createAddonLoader } from './addons/loadAddon'
import { startAddonsWhenUsed } from './addons/startAddons'
import { createCommandDispatcher, installCommandQueue } from './commandQueue'
import { createPageTracker } from './createBrowserTracker'
import { createDeferredDebugLog } from './debug/createDeferredDebugLog'

try {
  // Add-ons sit beside this file; where it came from is known only while it first runs.
  const loadAddon = createAddonLoader({
    scriptUrl: (document.currentScript as HTMLScriptElement | null)?.src,
    integrity: addonIntegrity,
  })
  // Debug mode's masking and formatting come with the `debug` add-on, loaded by `debug: true`.
  const dispatcher = createCommandDispatcher(createPageTracker, (options) =>
    createDeferredDebugLog(options, () => loadAddon('debug')),
  )
  // The other add-ons, each when a page uses it: eS.JS compatibility (`esCompat: true`, a `sendEvent`
  // command), the GA4 dataLayer bridge (`dataLayer`) and the page's consent signals (`consent: 'gcm' | 'tcf'`).
  startAddonsWhenUsed(dispatcher, loadAddon)
  installCommandQueue(window as unknown as Record<string, unknown>, dispatcher)
} catch {
  // Whatever the page did to `window` (or where there is none, a worker), loading the tracker must not break it.
}
