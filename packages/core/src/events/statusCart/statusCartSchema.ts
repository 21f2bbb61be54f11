import { generalInfoSchema } from '../../schemas/generalInfo'
import { productObject } from '../../schemas/productObject'
import { tagsSchema } from '../../schemas/tags'
import { toValibot } from '../../schemas/toValibot'
import { amountSchema, guidSchema, nonEmptyTextSchema, quantitySchema, textSchema } from '../../schemas/values'
import { type Infer, list, openObject, optional } from '../../schemas/wireSchema'

/** One cart line: `{ productKey, price, quantity, discount?, price_currency_code?, tag_*? }`. */
export const cartProductSchema = productObject({
  productKey: nonEmptyTextSchema,
  price: amountSchema,
  quantity: quantitySchema,
  discount: optional(amountSchema),
  price_currency_code: optional(textSchema),
})

/** The `StatusCart` wire payload: the cart as it is now, under a new GUID (`Products: []` when emptied). */
export const statusCartWire = openObject({
  GeneralInfo: generalInfoSchema('StatusCart'),
  StatusCart: openObject({
    GUID: guidSchema,
    Products: list(cartProductSchema, 'an array of cart products'),
    Tags: optional(tagsSchema),
  }),
})

/** The `StatusCart` schema in valibot, for callers who validate with valibot themselves. */
export const statusCartSchema = toValibot(statusCartWire)

/** A `StatusCart` payload as the schema reads it. */
export type StatusCartPayload = Infer<typeof statusCartWire>
