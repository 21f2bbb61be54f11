import { productObject } from './productObject'
import { idSchema, productPriceSchema, stockFlagSchema } from './values'
import { type Infer, optional } from './wireSchema'

/** The `Product` of ProductPage and AddToWishlist: `{ productKey, price, isInStock?, tag_*? }`. */
export const productSchema = productObject({
  productKey: idSchema,
  price: productPriceSchema,
  isInStock: optional(stockFlagSchema),
})

/** The wire `Product`, as the schema reads it. */
export type WireProduct = Infer<typeof productSchema>
