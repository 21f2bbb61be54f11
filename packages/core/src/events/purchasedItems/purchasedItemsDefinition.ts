import { defineEvent } from '../shared/defineEvent'
import { buildPurchasedItems } from './buildPurchasedItems'
import { purchasedItemsFromEsJs } from './fromEsJs'
import { purchasedItemsWire } from './purchasedItemsSchema'

/** The `PurchasedItems` event: an order was placed. */
export const purchasedItemsDefinition = defineEvent({
  wire: purchasedItemsWire,
  build: buildPurchasedItems,
  fromEsJs: purchasedItemsFromEsJs,
})
