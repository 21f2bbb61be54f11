import type { EsJsBody } from './types'
import type { FieldRule, LooseRecord } from './values'
import { isBlank, isRecord, toNumber, toStockFlag, toWireString } from './values'
import { wireBody } from './wireBody'

const PRODUCT: readonly FieldRule[] = [
  ['productKey', toWireString, 'product_id'],
  ['price', toWireString],
  ['isInStock', toStockFlag],
]

/**
 * Converts a ProductPage or AddToWishlist body, in the eS.JS form (`{ ProductPage: { productKey, price, ... } }`)
 * or the REST form (`{ ProductPage: { Product, Tags } }`, with or without the outer key), to the wire
 * body keyed by the event's name. AddToWishlist also takes its product under `ProductPage`. A
 * currency given apart follows a numeric price, as the wire writes it (`"450 UAH"`).
 */
export function productBodyFromEsJs(eventName: 'ProductPage' | 'AddToWishlist', body: LooseRecord): EsJsBody {
  const wire = wireBody(body, eventName, 'Product', PRODUCT, body[eventName] ?? body.ProductPage ?? body)
  const product = (wire[eventName] as LooseRecord | undefined)?.Product
  if (isRecord(product) && 'currency' in product) {
    const { currency, price } = product
    if (typeof currency === 'string' && !isBlank(currency) && typeof toNumber(price) === 'number') {
      product.price = `${String(price).trim()} ${currency.trim()}`
    }
    delete product.currency
  }
  return { body: wire }
}
