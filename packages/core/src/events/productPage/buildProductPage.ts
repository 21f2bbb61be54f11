import { assembleEvent } from '../shared/assembleEvent'
import type { TagsInput } from '../shared/tags'
import type { ProductInput } from '../shared/toProduct'
import type { BuildResult, EventContext } from '../types'
import { productPageWire } from './productPageSchema'

/** Input of {@link buildProductPage}: the viewed product and event tags. */
export interface ProductPageInput {
  product: ProductInput
  tags?: TagsInput | undefined
}

/**
 * Builds a `ProductPage` payload: a visitor viewed a product card.
 *
 * @example
 * buildProductPage({ product: { productKey: '72354', price: 754, currency: 'USD', isInStock: true } }, context)
 */
export function buildProductPage(input: ProductPageInput, context: EventContext): BuildResult {
  return assembleEvent(productPageWire, input, context)
}
