import * as v from 'valibot'
import { generalInfoSchema } from '../../schemas/generalInfo'
import { openObject } from '../../schemas/openObject'
import { productSchema } from '../../schemas/product'
import { tagsSchema } from '../../schemas/tags'

/** The `AddToWishlist` wire payload: a product was added to a wishlist. */
export const addToWishlistSchema = openObject({
  GeneralInfo: generalInfoSchema('AddToWishlist'),
  AddToWishlist: openObject({ Product: productSchema, Tags: v.optional(tagsSchema) }),
})

/** A `AddToWishlist` payload as the schema reads it. */
export type AddToWishlistPayload = v.InferOutput<typeof addToWishlistSchema>
