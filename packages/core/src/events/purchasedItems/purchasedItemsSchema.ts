import { productObject } from '../../schemas/productObject'
import { optionalTagsSchema } from '../../schemas/tags'
import { toValibot } from '../../schemas/toValibot'
import {
  guidSchema,
  nonEmptyTextSchema,
  optionalTextSchema,
  quantitySchema,
  unitPriceSchema,
} from '../../schemas/values'
import { type Infer, list, openObject, optional } from '../../schemas/wireSchema'
import { eventWire } from '../shared/eventWire'

/** One order line: `{ product_id, unit_price, quantity, price_currency_code?, tag_*? }`. */
export const orderProductSchema = productObject({
  product_id: nonEmptyTextSchema,
  unit_price: unitPriceSchema,
  quantity: quantitySchema,
  price_currency_code: optionalTextSchema,
})

// A purchase joins its cart by GUID, or lists its lines (one click), or both; never neither.
const purchaseBody = openObject(
  {
    GUID: optional(guidSchema),
    Products: optional(list(orderProductSchema, 'an array of order products')),
    OrderNumber: nonEmptyTextSchema,
    Tags: optionalTagsSchema,
  },
  (body, report) => {
    if (body.GUID !== undefined || (Array.isArray(body.Products) && body.Products.length > 0)) return
    report('GUID', 'a GUID, or Products for a one-click purchase', undefined)
  },
)

/** The `PurchasedItems` wire payload: an order was placed. */
export const purchasedItemsWire = eventWire('PurchasedItems', purchaseBody)

/** The `PurchasedItems` schema in valibot, for callers who validate with valibot themselves. */
export const purchasedItemsSchema = toValibot(purchasedItemsWire)

/** A `PurchasedItems` payload as the schema reads it. */
export type PurchasedItemsPayload = Infer<typeof purchasedItemsWire>
