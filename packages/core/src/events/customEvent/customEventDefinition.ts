import { defineEvent } from '../shared/defineEvent'
import { buildCustomEvent } from './buildCustomEvent'
import { customEventWire } from './customEventSchema'

/** The `CustomEvent` event: an event the site names itself. */
export const customEventDefinition = defineEvent({
  wire: customEventWire,
  build: buildCustomEvent,
})
