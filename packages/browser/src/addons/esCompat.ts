// The esCompat add-on (dist/es-tracker.esCompat.min.js): the eS.JS conversion and `window.eS`, which the
// script tag loads when a page sets `esCompat: true` or first calls `sendEvent` / `sendEventWithTags`.
import { startEsCompat } from '../esjs/startEsCompat'
import { registerAddon } from './registerAddon'

registerAddon('esCompat', { start: (context) => startEsCompat(context) })
