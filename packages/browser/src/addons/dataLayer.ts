// The dataLayer add-on (dist/es-tracker.dataLayer.min.js): the GA4 dataLayer bridge, which the script
// tag loads when a page sets the `init` option `dataLayer`.
import { bridgeDataLayer } from '../bridges/dataLayer/bridgeDataLayer'
import { startDataLayerBridge } from '../bridges/dataLayer/startDataLayerBridge'
import { registerAddon } from './registerAddon'

registerAddon('dataLayer', { bridgeDataLayer, start: startDataLayerBridge })
