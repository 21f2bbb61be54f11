import * as v from 'valibot'
import { productObject } from './productObject'
import { nonEmptyTextSchema, productPriceSchema, stockFlagSchema } from './values'

/** The `Product` of ProductPage and AddToWishlist: `{ productKey, price, isInStock?, tag_*? }`. */
export const productSchema = productObject({
  productKey: nonEmptyTextSchema,
  price: productPriceSchema,
  isInStock: v.optional(stockFlagSchema),
})

/** The wire `Product`, as the schema reads it. */
export type WireProduct = v.InferOutput<typeof productSchema>
