import { assembleEvent } from '../shared/assembleEvent'
import type { TagsInput } from '../shared/tags'
import type { ProductInput } from '../shared/toProduct'
import type { BuildResult, EventContext } from '../types'
import { addToWishlistWire } from './addToWishlistSchema'

/** Input of {@link buildAddToWishlist}: the wished-for product and event tags. */
export interface AddToWishlistInput {
  product: ProductInput
  tags?: TagsInput | undefined
}

/**
 * Builds a `AddToWishlist` payload: a visitor added a product to a wishlist.
 *
 * @example
 * buildAddToWishlist({ product: { productKey: '72354', price: 754, currency: 'USD', isInStock: true } }, context)
 */
export function buildAddToWishlist(input: AddToWishlistInput, context: EventContext): BuildResult {
  return assembleEvent(addToWishlistWire, input, context)
}
