import type { EsJsBody, EsJsCartState } from '../../esjs/types'
import type { FieldRule, LooseRecord } from '../../esjs/values'
import { isBlank, isRecord, toInteger, toNumber, toOptionalNumber, toWireString } from '../../esjs/values'
import { wireBody } from '../../esjs/wireBody'

/** A cart line on the wire: numeric price and discount, integer quantity, `price_currency_code`. */
const CART_PRODUCT: readonly FieldRule[] = [
  ['productKey', toWireString, 'product_id'],
  ['price', toNumber],
  ['quantity', toInteger],
  ['discount', toOptionalNumber],
  ['price_currency_code', undefined, 'currency'],
]

/**
 * Converts a StatusCart body, in the eS.JS form (`{ StatusCart: [lines], GUID? }`) or the REST form
 * (`{ StatusCart: { GUID, Products } }`, with or without the outer key), to the REST wire body. A
 * given GUID is kept, otherwise the cart gets a new one; a cart with products names it as the last cart GUID.
 *
 * @example
 * statusCartFromEsJs({ StatusCart: [{ productKey: '1', price: '450.00', quantity: '2' }] }, { newGuid })
 * // { body: { StatusCart: { GUID, Products: [{ productKey: '1', price: 450, quantity: 2 }] } }, cartGuid: GUID }
 */
export function statusCartFromEsJs(body: LooseRecord, state: EsJsCartState): EsJsBody {
  const result: EsJsBody = { body: wireBody(body, 'StatusCart', 'Products', CART_PRODUCT) }
  const cart = result.body.StatusCart
  if (!isRecord(cart)) return result
  const guid = toWireString(cart.GUID ?? body.GUID)
  cart.GUID = isBlank(guid) ? state.newGuid() : guid
  const lines = cart.Products
  if (Array.isArray(lines) && lines.length > 0 && typeof cart.GUID === 'string') result.cartGuid = cart.GUID
  return result
}
