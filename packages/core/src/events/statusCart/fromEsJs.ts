import type { EsJsCartState } from '../../esjs/types'
import type { FieldRule, LooseRecord } from '../../esjs/values'
import { CURRENCY, isBlank, PRODUCT_KEY, toIdString, toInteger, toNumber } from '../../esjs/values'
import { wireBody } from '../../esjs/wireBody'

/** A cart line on the wire: numeric price and discount (a blank one left out), integer quantity, `price_currency_code`. */
const CART_PRODUCT: readonly FieldRule[] = [
  PRODUCT_KEY,
  ['price', toNumber],
  ['quantity', toInteger],
  ['discount', (discount) => (isBlank(discount) ? undefined : toNumber(discount))],
  CURRENCY,
]

/**
 * Converts a StatusCart body, in the eS.JS form (`{ StatusCart: [lines], GUID? }`) or the REST form
 * (`{ StatusCart: { GUID, Products } }`, with or without the outer key), to the REST wire body. A
 * given GUID is kept (as a string), otherwise the cart gets a new one.
 *
 * @example
 * statusCartFromEsJs({ StatusCart: [{ productKey: '1', price: '450.00', quantity: '2' }] }, { newGuid })
 * // { StatusCart: { GUID: <new>, Products: [{ productKey: '1', price: 450, quantity: 2 }] } }
 */
export const statusCartFromEsJs = (body: LooseRecord, state: EsJsCartState): LooseRecord =>
  wireBody(body, 'StatusCart', 'Products', CART_PRODUCT, [
    [
      'GUID',
      (guid) => {
        const given = toIdString(guid ?? body.GUID)
        return isBlank(given) ? state.newGuid() : given
      },
    ],
  ])
