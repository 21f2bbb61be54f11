import * as v from 'valibot'
import { generalInfoSchema } from '../../schemas/generalInfo'
import { openObject } from '../../schemas/openObject'
import { productObject } from '../../schemas/productObject'
import { tagsSchema } from '../../schemas/tags'
import { amountSchema, guidSchema, nonEmptyTextSchema, quantitySchema, textSchema } from '../../schemas/values'

/** One cart line: `{ productKey, price, quantity, discount?, price_currency_code?, tag_*? }`. */
export const cartProductSchema = productObject({
  productKey: nonEmptyTextSchema,
  price: amountSchema,
  quantity: quantitySchema,
  discount: v.optional(amountSchema),
  price_currency_code: v.optional(textSchema),
})

/** The `StatusCart` wire payload: the cart as it is now, under a new GUID (`Products: []` when emptied). */
export const statusCartSchema = openObject({
  GeneralInfo: generalInfoSchema('StatusCart'),
  StatusCart: openObject({
    GUID: guidSchema,
    Products: v.array(cartProductSchema, 'an array of cart products'),
    Tags: v.optional(tagsSchema),
  }),
})

/** A `StatusCart` payload as the schema reads it. */
export type StatusCartPayload = v.InferOutput<typeof statusCartSchema>
