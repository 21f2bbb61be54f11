import { TrackerError } from '@es-tracker/core'
import { mustBe } from '@es-tracker/core/internal'
import type { AddonLoader } from '../../addons/loadAddon'
import type { CommandDispatcher } from '../../commandQueue'
import type { DataLayerBridgeOptions } from './types'

/** The script tag's `init` option this module reads. */
export interface DataLayerInitOptions {
  /**
   * Turns the page's GA4 pushes into tracker calls: `true` reads `window.dataLayer`, a string
   * `window[name]`, an object takes the bridge's options (`dataLayerName`, `isInStock`, ...).
   * @default false
   */
  dataLayer?: boolean | string | DataLayerBridgeOptions
}

/** The bridge options an `init` option `dataLayer` asks for: none when it is off, an error when it is malformed. */
function readDataLayerOption(option: unknown): DataLayerBridgeOptions | TrackerError | undefined {
  if (option === undefined || option === false) return undefined
  if (option === true) return {}
  if (typeof option === 'string' && option !== '') return { dataLayerName: option }
  if (typeof option === 'object' && option !== null && !Array.isArray(option)) return option
  return mustBe('dataLayer', "true, the data layer's name or the bridge's options", option)
}

/**
 * Makes the script tag's `init` option `dataLayer` load the `dataLayer` add-on (from beside the
 * script tag, pinned by its integrity hash) and bridge the page's data layer with the tracker's
 * `storageKey`, `onError` and `debug`. Pushes made before it loads wait in the data layer and are
 * read once it runs; a load that fails is reported.
 *
 * @example
 * registerDataLayerBridge(dispatcher, createAddonLoader({ scriptUrl, integrity: addonIntegrity }))
 */
export function registerDataLayerBridge(dispatcher: CommandDispatcher, loadAddon: AddonLoader): void {
  dispatcher.onInit((context) => {
    const bridgeOptions = readDataLayerOption((context.options as DataLayerInitOptions).dataLayer)
    if (bridgeOptions instanceof TrackerError) return context.report(bridgeOptions)
    if (!bridgeOptions) return
    const { storageKey, onError, debug } = context.options
    void loadAddon('dataLayer').then((addon) => {
      if (addon instanceof TrackerError) return context.report(addon)
      addon.bridgeDataLayer(context.tracker, { storageKey, onError, debug, ...bridgeOptions })
    })
  })
}
