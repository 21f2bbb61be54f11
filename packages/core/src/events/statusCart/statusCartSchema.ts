import { productObject } from '../../schemas/productObject'
import { toValibot } from '../../schemas/toValibot'
import { amountSchema, currencySchema, guidSchema, idSchema, quantitySchema } from '../../schemas/values'
import { type Infer, list, openObject, optional } from '../../schemas/wireSchema'
import { eventWire } from '../shared/eventWire'
import { eventTagsSchema } from '../shared/tags'

/** One cart line: `{ productKey, price, quantity, discount?, price_currency_code?, tag_*? }`. */
export const cartProductSchema = productObject({
  productKey: idSchema,
  price: amountSchema,
  quantity: quantitySchema,
  discount: optional(amountSchema),
  price_currency_code: currencySchema,
})

/** The `StatusCart` wire payload: the cart as it is now, under a new GUID (`Products: []` when emptied). */
export const statusCartWire = eventWire(
  'StatusCart',
  openObject({
    GUID: guidSchema,
    Products: list(cartProductSchema, 'an array of cart products'),
    Tags: eventTagsSchema,
  }),
)

/** The `StatusCart` schema in valibot, for callers who validate with valibot themselves. */
export const statusCartSchema = toValibot(statusCartWire)

/** A `StatusCart` payload as the schema reads it. */
export type StatusCartPayload = Infer<typeof statusCartWire>
