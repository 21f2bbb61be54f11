/**
 * `@es-tracker/browser/datalayer`: the GA4 dataLayer bridge, for apps that import the tracker as a module.
 *
 * @module @es-tracker/browser/datalayer
 */
export { bridgeDataLayer } from './bridges/dataLayer/bridgeDataLayer'
export type {
  BridgedTracker,
  DataLayerBridge,
  DataLayerBridgeOptions,
  Ga4Ecommerce,
  Ga4Item,
} from './bridges/dataLayer/types'
