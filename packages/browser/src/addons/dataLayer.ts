// The dataLayer add-on (dist/es-tracker.dataLayer.min.js): the GA4 dataLayer bridge, which the script
// tag loads when a page sets the `init` option `dataLayer`. It reports and logs through the script
// tag's debug log, so that it carries no masking of its own (`@es-tracker/browser/datalayer`'s
// `bridgeDataLayer` is the ES module's form, with a debug log of its own options).
import { startDataLayerBridge } from '../bridges/dataLayer/startDataLayerBridge'
import { registerAddon } from './registerAddon'

registerAddon('dataLayer', { start: startDataLayerBridge })
