import { productObject } from '../../schemas/productObject'
import { toValibot } from '../../schemas/toValibot'
import { currencySchema, guidSchema, idSchema, isBlank, quantitySchema, unitPriceSchema } from '../../schemas/values'
import { type Infer, list, openObject, optional } from '../../schemas/wireSchema'
import { eventWire } from '../shared/eventWire'
import { eventTagsSchema } from '../shared/tags'
import { toWire } from '../shared/toWire'

/** One order line: `{ product_id, unit_price, quantity, price_currency_code?, tag_*? }`. */
export const orderProductSchema = productObject({
  product_id: idSchema,
  unit_price: unitPriceSchema,
  quantity: quantitySchema,
  price_currency_code: currencySchema,
})

const orderLines = list(orderProductSchema, 'an array of order products')

// A purchase joins its cart by GUID, or lists its lines (one click), or both; never neither.
const purchaseBody = openObject(
  {
    // Builders leave out a blank GUID or an empty line list: they say nothing about the order.
    GUID: optional({
      ...guidSchema,
      to: (guid, given) => (given.oneClick === true || isBlank(guid) ? undefined : guid),
    }),
    Products: optional({
      ...orderLines,
      to: (products, given, path, issues) =>
        isBlank(products) || (Array.isArray(products) && !products.length)
          ? undefined
          : toWire(orderLines, products, given, path, issues),
    }),
    OrderNumber: idSchema,
    Tags: eventTagsSchema,
  },
  (body, report) => {
    if (body.GUID !== undefined || (Array.isArray(body.Products) && body.Products.length)) return
    report('GUID', 'a GUID, or Products for a one-click purchase', undefined)
  },
)

/** The `PurchasedItems` wire payload: an order was placed. */
export const purchasedItemsWire = eventWire('PurchasedItems', purchaseBody)

/** The `PurchasedItems` schema in valibot, for callers who validate with valibot themselves. */
export const purchasedItemsSchema = toValibot(purchasedItemsWire)

/** A `PurchasedItems` payload as the schema reads it. */
export type PurchasedItemsPayload = Infer<typeof purchasedItemsWire>
