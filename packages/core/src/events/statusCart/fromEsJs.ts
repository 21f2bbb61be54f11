import type { EsJsBody, EsJsCartState } from '../../esjs/types'
import type { FieldRule, LooseRecord } from '../../esjs/values'
import { isBlank, toIdString, toInteger, toNumber } from '../../esjs/values'
import { wireBody } from '../../esjs/wireBody'

/** A cart line on the wire: numeric price and discount (a blank one left out), integer quantity, `price_currency_code`. */
const CART_PRODUCT: readonly FieldRule[] = [
  ['productKey', toIdString, 'product_id'],
  ['price', toNumber],
  ['quantity', toInteger],
  ['discount', (discount) => (isBlank(discount) ? undefined : toNumber(discount))],
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
  let cartGuid: string | undefined
  const joinable = (guid: unknown, cart: LooseRecord) => {
    const given = toIdString(guid ?? body.GUID)
    const wireGuid = isBlank(given) ? state.newGuid() : given
    // Only a cart with products is one that a purchase joins.
    if (Array.isArray(cart.Products) && cart.Products.length && typeof wireGuid === 'string') cartGuid = wireGuid
    return wireGuid
  }
  return { body: wireBody(body, 'StatusCart', 'Products', CART_PRODUCT, [['GUID', joinable]]), cartGuid }
}
