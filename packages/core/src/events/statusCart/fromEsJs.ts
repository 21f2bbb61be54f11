import type { EsJsBodyResult, EsJsCartState } from '../../esjs/types'
import { invalidEsJsBody } from '../../esjs/types'
import type { LooseRecord } from '../../esjs/values'
import {
  copyOpen,
  isBlank,
  isRecord,
  renameField,
  setEventTags,
  toInteger,
  toNumber,
  toWireString,
} from '../../esjs/values'

/** One cart line in the wire form: numeric price and discount, integer quantity, `price_currency_code`. */
function wireCartProduct(line: unknown): unknown {
  if (!isRecord(line)) return line
  const product = copyOpen(line)
  renameField(product, 'product_id', 'productKey')
  renameField(product, 'currency', 'price_currency_code')
  if (product.productKey !== undefined) product.productKey = toWireString(product.productKey)
  if (product.price !== undefined) product.price = toNumber(product.price)
  if (product.quantity !== undefined) product.quantity = toInteger(product.quantity)
  // Templates print "" for "no discount"; the wire wants a number or nothing.
  if (isBlank(product.discount)) delete product.discount
  else product.discount = toNumber(product.discount)
  return product
}

/**
 * Converts a StatusCart body, in the eS.JS form (`{ StatusCart: [lines], GUID? }`) or the REST form
 * (`{ StatusCart: { GUID, Products } }`), to the REST wire body. A given GUID is kept, otherwise the
 * cart gets a new one; a cart with products names its GUID as the new last cart GUID.
 *
 * @example
 * statusCartFromEsJs({ StatusCart: [{ productKey: '1', price: '450.00', quantity: '2' }] }, { newGuid })
 * // { ok: true, body: { StatusCart: { GUID, Products: [{ productKey: '1', price: 450, quantity: 2 }] } }, cartGuid: GUID }
 */
export function statusCartFromEsJs(body: LooseRecord, state: EsJsCartState): EsJsBodyResult {
  const part = body.StatusCart ?? (Array.isArray(body.Products) ? body : undefined)
  const rest = isRecord(part)
  if (!rest && !Array.isArray(part)) {
    return { ok: false, error: invalidEsJsBody('StatusCart', 'StatusCart', 'an array of cart lines', part) }
  }
  const cart = rest ? copyOpen(part, ['Tags']) : {}
  const lines = rest ? part.Products : part
  const given = toWireString(cart.GUID ?? cart.guid ?? body.GUID ?? body.guid)
  delete cart.guid
  cart.GUID = isBlank(given) ? state.newGuid() : typeof given === 'string' ? given.trim() : given
  cart.Products = Array.isArray(lines) ? lines.map(wireCartProduct) : lines
  setEventTags(cart, (rest ? part.Tags : undefined) ?? body.Tags)
  const hasProducts = Array.isArray(cart.Products) && cart.Products.length > 0
  const result: EsJsBodyResult = { ok: true, body: { StatusCart: cart } }
  if (hasProducts && typeof cart.GUID === 'string') result.cartGuid = cart.GUID
  return result
}
