import { generalInfoSchema } from '../../schemas/generalInfo'
import { productSchema } from '../../schemas/product'
import { tagsSchema } from '../../schemas/tags'
import { toValibot } from '../../schemas/toValibot'
import { type Infer, openObject, optional } from '../../schemas/wireSchema'

/** The `AddToWishlist` wire payload: a product was added to a wishlist. */
export const addToWishlistWire = openObject({
  GeneralInfo: generalInfoSchema('AddToWishlist'),
  AddToWishlist: openObject({ Product: productSchema, Tags: optional(tagsSchema) }),
})

/** The `AddToWishlist` schema in valibot, for callers who validate with valibot themselves. */
export const addToWishlistSchema = toValibot(addToWishlistWire)

/** A `AddToWishlist` payload as the schema reads it. */
export type AddToWishlistPayload = Infer<typeof addToWishlistWire>
