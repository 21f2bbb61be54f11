import type { BuildResult, EventContext } from '../../types'
import { assembleEvent } from '../shared/assembleEvent'
import { toIdString } from '../shared/convert'
import { asRecord, isBlank, mapList, setDefined } from '../shared/fields'
import { type TagsInput, toTags } from '../shared/tags'
import { purchasedItemsSchema } from './purchasedItemsSchema'
import { type OrderProductInput, toOrderProduct } from './toOrderProduct'

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

/**
 * Builds a `PurchasedItems` payload: an order was placed. Without `guid` and without `products`
 * it is `invalid_event`.
 *
 * @example
 * buildPurchasedItems({ orderNumber: '123/2017', guid: '6F9619FF-8B86-D011-B42D-00CF4FC964FF' }, context)
 */
export function buildPurchasedItems(input: PurchasedItemsInput, context: EventContext): BuildResult {
  return assembleEvent('PurchasedItems', purchasedItemsSchema, context, (issues) => {
    const given = asRecord(input)
    const body: Record<string, unknown> = {}
    // A blank GUID or an empty line list says nothing about the order: leave them out.
    if (given.oneClick !== true && !isBlank(given.guid)) body.GUID = given.guid
    const products = given.products
    if (!isBlank(products) && !(Array.isArray(products) && products.length === 0)) {
      body.Products = mapList(products, 'PurchasedItems.Products', (item, path) => toOrderProduct(item, path, issues))
    }
    body.OrderNumber = toIdString(given.orderNumber)
    setDefined(body, 'Tags', toTags(given.tags, 'PurchasedItems.Tags', issues))
    return body
  })
}
