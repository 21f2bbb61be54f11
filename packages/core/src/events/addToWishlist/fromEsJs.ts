import { productBodyFromEsJs } from '../shared/esJsBody'
import type { LooseRecord } from '../shared/lenientValues'

/**
 * Converts an AddToWishlist body, in the eS.JS form (`{ AddToWishlist: { productKey, price, isInStock } }`,
 * or the product under `ProductPage` as integrations copy the product-page call) or the REST form
 * (`{ AddToWishlist: { Product, Tags? } }`), to the REST wire body.
 *
 * @example
 * addToWishlistFromEsJs({ AddToWishlist: { productKey: '72354', price: 754, isInStock: true } })
 * // { AddToWishlist: { Product: { productKey: '72354', price: '754', isInStock: '1' } } }
 */
export const addToWishlistFromEsJs = (body: LooseRecord): LooseRecord => productBodyFromEsJs('AddToWishlist', body)
