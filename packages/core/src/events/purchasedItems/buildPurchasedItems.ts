import { isBlank } from '../../schemas/values'
import type { BuildResult, EventContext } from '../../types'
import { assembleEvent } from '../shared/assembleEvent'
import { toIdString, toUnitPrice } from '../shared/convert'
import { type BodyConvert, bodyOf, listOf } from '../shared/fields'
import { CURRENCY, PRODUCT_ID, QUANTITY } from '../shared/lineFields'
import { EVENT_TAGS, PRODUCT_TAGS, type TagsInput } from '../shared/tags'
import { purchasedItemsWire } from './purchasedItemsSchema'

/** One order line, in friendly form. */
export interface OrderProductInput {
  productKey: string | number
  /** A string keeps its digits (`"341.80"`); a number is sent as `String(n)`. */
  price: string | number
  /** A positive integer or integer string; sent as an integer. */
  quantity: number | string
  currency?: string
  tags?: TagsInput
}

/** Input of {@link buildPurchasedItems}: the order, joined to its cart by GUID, or listing its lines, or both. */
export interface PurchasedItemsInput {
  orderNumber: string | number
  products?: OrderProductInput[]
  /** The GUID of the last cart that had products. */
  guid?: string
  /** A one-click purchase has no cart: no GUID is sent, `products` are required. */
  oneClick?: boolean
  tags?: TagsInput
}

/** Order lines: `productKey` becomes `product_id`, `price` `unit_price`. */
const orderLines = listOf('Products', [
  PRODUCT_ID,
  ['price', 'unit_price', toUnitPrice, true],
  QUANTITY,
  CURRENCY,
  PRODUCT_TAGS,
])

/** `{ orderNumber, guid?, products?, oneClick?, tags? }` -> `{ GUID?, Products?, OrderNumber, Tags? }`. */
export const purchasedItemsBody: BodyConvert = bodyOf([
  // A blank GUID or an empty line list says nothing about the order: leave them out.
  ['guid', 'GUID', (guid, _path, _issues, given) => (given.oneClick === true || isBlank(guid) ? undefined : guid)],
  [
    'products',
    'Products',
    (products, path, issues, given, target) =>
      isBlank(products) || (Array.isArray(products) && products.length === 0)
        ? undefined
        : orderLines(products, path, issues, given, target),
  ],
  ['orderNumber', 'OrderNumber', toIdString],
  EVENT_TAGS,
])

/**
 * Builds a `PurchasedItems` payload: an order was placed. Without `guid` and without `products`
 * it is `invalid_event`.
 *
 * @example
 * buildPurchasedItems({ orderNumber: '123/2017', guid: '6F9619FF-8B86-D011-B42D-00CF4FC964FF' }, context)
 */
export function buildPurchasedItems(input: PurchasedItemsInput, context: EventContext): BuildResult {
  return assembleEvent('PurchasedItems', purchasedItemsWire, purchasedItemsBody, input, context)
}
