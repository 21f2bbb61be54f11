import { productSchema } from '../../schemas/product'
import { toValibot } from '../../schemas/toValibot'
import { type Infer, openObject } from '../../schemas/wireSchema'
import { eventWire } from '../shared/eventWire'
import { eventTagsSchema } from '../shared/tags'

/** The `AddToWishlist` wire payload: a product was added to a wishlist. */
export const addToWishlistWire = eventWire(
  'AddToWishlist',
  openObject({ Product: productSchema, Tags: eventTagsSchema }),
)

/** The `AddToWishlist` schema in valibot, for callers who validate with valibot themselves. */
export const addToWishlistSchema = toValibot(addToWishlistWire)

/** A `AddToWishlist` payload as the schema reads it. */
export type AddToWishlistPayload = Infer<typeof addToWishlistWire>
