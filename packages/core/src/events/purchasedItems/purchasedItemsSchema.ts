import * as v from 'valibot'
import { generalInfoSchema } from '../../schemas/generalInfo'
import { openObject } from '../../schemas/openObject'
import { productObject } from '../../schemas/productObject'
import { tagsSchema } from '../../schemas/tags'
import {
  guidSchema,
  isRecord,
  nonEmptyTextSchema,
  quantitySchema,
  textSchema,
  unitPriceSchema,
} from '../../schemas/values'

/** One order line: `{ product_id, unit_price, quantity, price_currency_code?, tag_*? }`. */
export const orderProductSchema = productObject({
  product_id: nonEmptyTextSchema,
  unit_price: unitPriceSchema,
  quantity: quantitySchema,
  price_currency_code: v.optional(textSchema),
})

const purchaseBody = openObject({
  GUID: v.optional(guidSchema),
  Products: v.optional(v.array(orderProductSchema, 'an array of order products')),
  OrderNumber: nonEmptyTextSchema,
  Tags: v.optional(tagsSchema),
})

// A purchase joins its cart by GUID, or lists its lines (one click), or both; never neither.
const joinsCartOrListsLines = v.rawCheck<v.InferOutput<typeof purchaseBody>>(({ dataset, addIssue }) => {
  const body: unknown = dataset.value
  if (!isRecord(body) || body.GUID !== undefined) return
  if (Array.isArray(body.Products) && body.Products.length > 0) return
  addIssue({
    message: 'a GUID, or a non-empty Products list for a one-click purchase',
    input: undefined,
    path: [{ type: 'object', origin: 'value', input: body, key: 'GUID', value: undefined }],
  })
})

/** The `PurchasedItems` wire payload: an order was placed. */
export const purchasedItemsSchema = openObject({
  GeneralInfo: generalInfoSchema('PurchasedItems'),
  PurchasedItems: v.pipe(purchaseBody, joinsCartOrListsLines),
})

/** A `PurchasedItems` payload as the schema reads it. */
export type PurchasedItemsPayload = v.InferOutput<typeof purchasedItemsSchema>
