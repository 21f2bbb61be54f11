import { productBodyFromEsJs } from '../../esjs/productBody'
import type { EsJsBodyResult } from '../../esjs/types'
import type { LooseRecord } from '../../esjs/values'

/**
 * Converts an AddToWishlist body, in the eS.JS form (`{ AddToWishlist: { productKey, price, isInStock } }`,
 * or the product under `ProductPage` as the vendor's docs show it) or the REST form
 * (`{ AddToWishlist: { Product, Tags? } }`), to the REST wire body.
 *
 * @example
 * addToWishlistFromEsJs({ AddToWishlist: { productKey: '72354', price: 754, isInStock: true } })
 * // { ok: true, body: { AddToWishlist: { Product: { productKey: '72354', price: '754', isInStock: '1' } } } }
 */
export function addToWishlistFromEsJs(body: LooseRecord): EsJsBodyResult {
  return productBodyFromEsJs('AddToWishlist', body)
}
