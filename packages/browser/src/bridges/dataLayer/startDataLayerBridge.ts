import { TrackerError } from '@es-tracker/core'
import { mustBe } from '@es-tracker/core/internal'
import type { AddonContext } from '../../addons/types'
import { bridgeDataLayerWith } from './bridgeDataLayer'
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
 * Starts the GA4 dataLayer bridge on the script tag's tracker (the dataLayer add-on's `start`, which
 * the script tag calls when `init` sets the option `dataLayer`): bridges the page's data layer with
 * the tracker's `storageKey`, keeping its records in the tracker's consent-aware storage and reporting
 * and logging through the tracker's own `onError` and debug log, or reports a malformed option. Pushes made before it runs wait in the data layer and are read now.
 *
 * @example
 * registerAddon('dataLayer', { start: startDataLayerBridge })
 */
export function startDataLayerBridge({ tracker, options, report, log, storage }: AddonContext): undefined {
  const bridgeOptions = readDataLayerOption((options as DataLayerInitOptions).dataLayer)
  if (bridgeOptions instanceof TrackerError) report(bridgeOptions)
  else if (bridgeOptions) {
    bridgeDataLayerWith(tracker, { storageKey: options.storageKey, ...bridgeOptions }, { report, log }, storage)
  }
}
