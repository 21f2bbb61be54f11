import { productBodyFromEsJs } from '../shared/esJsBody'
import type { LooseRecord } from '../shared/lenientValues'

/**
 * Converts a ProductPage body, in the eS.JS form (`{ ProductPage: { productKey, price, isInStock } }`)
 * or the REST form (`{ ProductPage: { Product, Tags? } }`), to the REST wire body.
 *
 * @example
 * productPageFromEsJs({ ProductPage: { productKey: '72354', price: '754', isInStock: 1 } })
 * // { ProductPage: { Product: { productKey: '72354', price: '754', isInStock: '1' } } }
 */
export const productPageFromEsJs = (body: LooseRecord): LooseRecord => productBodyFromEsJs('ProductPage', body)
