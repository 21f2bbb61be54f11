import { assembleEvent } from '../shared/assembleEvent'
import type { TagsInput } from '../shared/tags'
import type { BuildResult, EventContext } from '../types'
import { purchasedItemsWire } from './purchasedItemsSchema'

/** One order line, in friendly form. */
export interface OrderProductInput {
  productKey: string | number
  /** A string keeps its digits (`"341.80"`); a number is sent as `String(n)`. */
  price: string | number
  /** A positive integer or integer string; sent as an integer. */
  quantity: number | string
  currency?: string | undefined
  tags?: TagsInput | undefined
}

/** Input of {@link buildPurchasedItems}: the order, joined to its cart by GUID, or listing its lines, or both. */
export interface PurchasedItemsInput {
  orderNumber: string | number
  products?: OrderProductInput[] | undefined
  /** The GUID of the last cart that had products. */
  guid?: string | undefined
  /** A one-click purchase has no cart: no GUID is sent, `products` are required. */
  oneClick?: boolean | undefined
  tags?: TagsInput | undefined
}

/**
 * Builds a `PurchasedItems` payload: an order was placed. Without `guid` and without `products`
 * it is `invalid_event`.
 *
 * @example
 * buildPurchasedItems({ orderNumber: '123/2017', guid: '6F9619FF-8B86-D011-B42D-00CF4FC964FF' }, context)
 */
export function buildPurchasedItems(input: PurchasedItemsInput, context: EventContext): BuildResult {
  return assembleEvent(purchasedItemsWire, input, context)
}
