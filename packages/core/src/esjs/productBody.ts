import type { EsJsBodyResult } from './types'
import { invalidEsJsBody } from './types'
import type { LooseRecord } from './values'
import { copyOpen, isBlank, isRecord, renameField, setEventTags, toNumber, toStockFlag, toWireString } from './values'

/**
 * A product-page price in the wire form: a string, with the currency after it when one is given
 * apart (`450` + `UAH` → `"450 UAH"`). A price string that already names its currency is kept.
 */
function productPrice(price: unknown, currency: unknown): unknown {
  const text = toWireString(price)
  if (typeof text !== 'string' || isBlank(currency) || typeof currency !== 'string') return text
  return typeof toNumber(text) === 'number' ? `${text.trim()} ${currency.trim()}` : text
}

/** One product of ProductPage / AddToWishlist in the wire form, from the flat eS.JS product or a REST `Product`. */
function wireProduct(source: LooseRecord): LooseRecord {
  const product = copyOpen(source, ['currency', 'Tags'])
  renameField(product, 'product_id', 'productKey')
  if (product.productKey !== undefined) product.productKey = toWireString(product.productKey)
  if (source.price !== undefined) product.price = productPrice(source.price, source.currency)
  // `isInStock` is optional: absent stays absent, but every spelling of a flag becomes "1" / "0".
  if (source.isInStock !== undefined) product.isInStock = toStockFlag(source.isInStock)
  return product
}

/**
 * Converts a ProductPage or AddToWishlist body, in the eS.JS form (`{ ProductPage: { productKey, price, ... } }`)
 * or the REST form (`{ ProductPage: { Product, Tags } }`), to the REST wire body keyed by the event's name.
 * AddToWishlist also accepts its product under a `ProductPage` key, as some integrations copy the page call.
 */
export function productBodyFromEsJs(eventName: 'ProductPage' | 'AddToWishlist', body: LooseRecord): EsJsBodyResult {
  const part = body[eventName] ?? body.ProductPage ?? (isRecord(body.Product) ? body : undefined)
  if (!isRecord(part)) return { ok: false, error: invalidEsJsBody(eventName, eventName, 'an object', part) }
  const tags = part.Tags ?? (part === body ? undefined : body.Tags)
  const source = isRecord(part.Product) ? part.Product : part
  const wire = copyOpen(isRecord(part.Product) ? part : {}, ['Product', 'Tags'])
  wire.Product = wireProduct(source)
  return { ok: true, body: { [eventName]: setEventTags(wire, tags) } }
}
