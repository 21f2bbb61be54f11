import { productObject } from '../../schemas/productObject'
import { toValibot } from '../../schemas/toValibot'
import {
  currencySchema,
  idSchema,
  optionalTextSchema,
  stockFlagSchema,
  stringListSchema,
  unitPriceSchema,
} from '../../schemas/values'
import { type Infer, list, optional } from '../../schemas/wireSchema'
import { catalogEventWire } from '../shared/eventWire'

/**
 * One catalog product: `{ product_id, isInStock, unit_price?, price_currency_code?, name?, ..., tag_*? }`;
 * builders send `discountPercent` and `oldPrice` as the tags `tag_discount` and `tag_oldprice`.
 */
export const catalogProductSchema = productObject({
  product_id: idSchema,
  isInStock: stockFlagSchema,
  unit_price: optional(unitPriceSchema),
  price_currency_code: currencySchema,
  name: optionalTextSchema,
  description: optionalTextSchema,
  brand: optionalTextSchema,
  imgurl: optionalTextSchema,
  category: optionalTextSchema,
  category_id: optional(stringListSchema),
  tag_discount: optional(stringListSchema),
  tag_oldprice: optional(stringListSchema),
})

/** The `ProductUpdate` wire payload: catalog changes, sent from a server, no visitor (no `sc`). */
export const productUpdateWire = catalogEventWire(
  'ProductUpdate',
  list(catalogProductSchema, 'a non-empty array of catalog products', true),
)

/** The `ProductUpdate` schema in valibot, for callers who validate with valibot themselves. */
export const productUpdateSchema = toValibot(productUpdateWire)

/** A `ProductUpdate` payload as the schema reads it. */
export type ProductUpdatePayload = Infer<typeof productUpdateWire>
