// The esCompat add-on (dist/es-tracker.esCompat.min.js): the eS.JS conversion, which the script tag
// loads when a page sets `esCompat: true` or first calls `sendEvent` / `sendEventWithTags`.
import { createEsJsCallHandler } from '../esjs/createEsJsCallHandler'
import { registerAddon } from './registerAddon'

registerAddon('esCompat', { createEsJsCallHandler })
