import { defineEvent } from '../shared/defineEvent'
import { addToWishlistWire } from './addToWishlistSchema'
import { buildAddToWishlist } from './buildAddToWishlist'

/** The `AddToWishlist` event: a visitor added a product to a wishlist. */
export const addToWishlistDefinition = defineEvent({
  wire: addToWishlistWire,
  build: buildAddToWishlist,
})
