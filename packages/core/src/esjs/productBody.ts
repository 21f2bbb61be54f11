import type { FieldRule, LooseRecord } from './values'
import { PRODUCT_KEY, toIdString, toStockFlag } from './values'
import { wireBody } from './wireBody'

const PRODUCT: readonly FieldRule[] = [PRODUCT_KEY, ['price', toIdString], ['isInStock', toStockFlag]]

/**
 * Converts a ProductPage or AddToWishlist body, in the eS.JS form (`{ ProductPage: { productKey, price, ... } }`)
 * or the REST form (`{ ProductPage: { Product, Tags } }`, with or without the outer key), to the wire
 * body keyed by the event's name. AddToWishlist also takes its product under `ProductPage`.
 */
export const productBodyFromEsJs = (eventName: 'ProductPage' | 'AddToWishlist', body: LooseRecord): LooseRecord =>
  wireBody(body, eventName, 'Product', PRODUCT, [], body[eventName] ?? body.ProductPage ?? body)
