import { defineEvent } from '../shared/defineEvent'
import { buildPurchasedItems } from './buildPurchasedItems'
import { purchasedItemsWire } from './purchasedItemsSchema'

/** The `PurchasedItems` event: an order was placed. */
export const purchasedItemsDefinition = defineEvent({
  wire: purchasedItemsWire,
  build: buildPurchasedItems,
})
