import type { EsJsBody } from './types'
import type { FieldRule, LooseRecord } from './values'
import { toIdString, toStockFlag } from './values'
import { wireBody } from './wireBody'

const PRODUCT: readonly FieldRule[] = [
  ['productKey', toIdString, 'product_id'],
  ['price', toIdString],
  ['isInStock', toStockFlag],
]

/**
 * Converts a ProductPage or AddToWishlist body, in the eS.JS form (`{ ProductPage: { productKey, price, ... } }`)
 * or the REST form (`{ ProductPage: { Product, Tags } }`, with or without the outer key), to the wire
 * body keyed by the event's name. AddToWishlist also takes its product under `ProductPage`.
 */
export function productBodyFromEsJs(eventName: 'ProductPage' | 'AddToWishlist', body: LooseRecord): EsJsBody {
  return { body: wireBody(body, eventName, 'Product', PRODUCT, [], body[eventName] ?? body.ProductPage ?? body) }
}
