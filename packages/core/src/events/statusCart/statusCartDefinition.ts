import { defineEvent } from '../shared/defineEvent'
import { buildStatusCart, type StatusCartInput, type StatusCartMethodInput } from './buildStatusCart'
import { statusCartWire } from './statusCartSchema'

/** The `StatusCart` event: the cart changed; the tracker method fills a new GUID unless one is given. */
export const statusCartDefinition = defineEvent<typeof statusCartWire, StatusCartInput, StatusCartMethodInput>({
  wire: statusCartWire,
  build: buildStatusCart,
})
