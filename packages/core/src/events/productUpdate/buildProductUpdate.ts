import { assembleEvent } from '../shared/assembleEvent'
import type { TagsInput } from '../shared/tags'
import type { BuildResult, EventContext } from '../types'
import { productUpdateWire } from './productUpdateSchema'

/** One catalog product, in friendly form (`tracker.productUpdate([...])`). */
export interface CatalogProductInput {
  productKey: string | number
  isInStock: boolean | 0 | 1 | '0' | '1'
  /** A string keeps its digits; a number is sent as `String(n)`. */
  price?: string | number | undefined
  currency?: string | undefined
  name?: string | undefined
  description?: string | undefined
  /** Sent as `imgurl`. */
  imageUrl?: string | undefined
  brand?: string | undefined
  /** The discount in percent; sent as `tag_discount: ["10"]`. */
  discountPercent?: number | string | undefined
  /** The price before the discount; sent as `tag_oldprice: ["224.38"]`. */
  oldPrice?: number | string | undefined
  /** The category path, e.g. `"level1 > level2 > level3"`. */
  category?: string | undefined
  /** Sent as `category_id: ["1", "2", "3"]`. */
  categoryIds?: string | number | readonly (string | number)[] | undefined
  tags?: TagsInput | undefined
}

/** Input of {@link buildProductUpdate}: the catalog products that changed (at least one). */
export type ProductUpdateInput = CatalogProductInput[]

/**
 * Builds a `ProductUpdate` payload: catalog changes (price, stock, discount) pushed from a server.
 * Its GeneralInfo is `{ eventName, siteId }` only: no visitor, no `sc`.
 *
 * @example
 * buildProductUpdate([{ productKey: '430738', isInStock: true, price: '201.95', currency: 'UAH' }], { siteId })
 */
export function buildProductUpdate(input: ProductUpdateInput, context: EventContext): BuildResult {
  return assembleEvent(productUpdateWire, input, context)
}
