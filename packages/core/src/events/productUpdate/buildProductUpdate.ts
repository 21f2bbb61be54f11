import type { BuildResult, EventContext } from '../../types'
import { assembleEvent } from '../shared/assembleEvent'
import { mapList } from '../shared/fields'
import { productUpdateSchema } from './productUpdateSchema'
import { type CatalogProductInput, toCatalogProduct } from './toCatalogProduct'

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
  return assembleEvent('ProductUpdate', productUpdateSchema, context, (issues) =>
    mapList(input, 'ProductUpdate', (item, path) => toCatalogProduct(item, path, issues)),
  )
}
