import type { BuildResult, EventContext } from '../../types'
import { assembleEvent } from '../shared/assembleEvent'
import { asRecord, setDefined } from '../shared/fields'
import { type TagsInput, toTags } from '../shared/tags'
import { type ProductInput, toProduct } from '../shared/toProduct'
import { addToWishlistSchema } from './addToWishlistSchema'

/** Input of {@link buildAddToWishlist}: the wished-for product and event tags. */
export interface AddToWishlistInput {
  product: ProductInput
  tags?: TagsInput
}

/**
 * Builds a `AddToWishlist` payload: a visitor added a product to a wishlist.
 *
 * @example
 * buildAddToWishlist({ product: { productKey: '72354', price: 754, currency: 'USD', isInStock: true } }, context)
 */
export function buildAddToWishlist(input: AddToWishlistInput, context: EventContext): BuildResult {
  return assembleEvent('AddToWishlist', addToWishlistSchema, context, (issues) => {
    const given = asRecord(input)
    const body: Record<string, unknown> = { Product: toProduct(given.product, 'AddToWishlist.Product', issues) }
    setDefined(body, 'Tags', toTags(given.tags, 'AddToWishlist.Tags', issues))
    return body
  })
}
