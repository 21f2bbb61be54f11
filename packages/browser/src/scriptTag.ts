// The script-tag build (dist/es-tracker.min.js): takes over `window.esTracker` and its queued calls.
import { addonIntegrity } from './addons/addonIntegrity'
import { createAddonLoader } from './addons/loadAddon'
import { registerDataLayerBridge } from './bridges/dataLayer/registerDataLayerBridge'
import { createCommandDispatcher, installCommandQueue } from './commandQueue'
import { registerConsentSignals } from './consent/registerConsentSignals'
import { createPageTracker } from './createBrowserTracker'
import { createDeferredDebugLog } from './debug/createDeferredDebugLog'
import { registerEsJsCommands } from './esjs/registerEsJsCommands'

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
  // The vendor script's calls: esTracker('sendEvent', ...), and window.eS with `esCompat: true`.
  registerEsJsCommands(dispatcher, window as unknown as Record<string, unknown>, loadAddon)
  // `consent: 'gcm' | 'tcf'`: the page's own consent signals.
  registerConsentSignals(dispatcher, loadAddon)
  // The GA4 dataLayer bridge, with the `init` option `dataLayer`.
  registerDataLayerBridge(dispatcher, loadAddon)
  installCommandQueue(window as unknown as Record<string, unknown>, dispatcher)
} catch {
  // Whatever the page did to `window` (or where there is none, a worker), loading the tracker must not break it.
}
