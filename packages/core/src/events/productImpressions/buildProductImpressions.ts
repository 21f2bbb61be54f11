import { assembleEvent } from '../shared/assembleEvent'
import type { TagsInput } from '../shared/tags'
import type { BuildResult, EventContext } from '../types'
import { productImpressionsWire } from './productImpressionsSchema'

/** One product shown in a recommendation block. */
export interface ImpressionInput {
  productKey: string | number
  /** The block (container) the product was shown in. */
  containerType: string | number
}

/** Input of {@link buildProductImpressions}: the products shown and event tags. */
export interface ProductImpressionsInput {
  products: ImpressionInput[]
  tags?: TagsInput | undefined
}

/**
 * Builds a `ProductImpressions` payload (body key `ProductImpression`): products were shown in a block.
 *
 * @example
 * buildProductImpressions({ products: [{ productKey: '430968', containerType: '1253' }] }, context)
 */
export function buildProductImpressions(input: ProductImpressionsInput, context: EventContext): BuildResult {
  return assembleEvent(productImpressionsWire, input, context)
}
