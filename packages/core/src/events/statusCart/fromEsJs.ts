import { toIdString } from '../../schemas/convert'
import { isBlank } from '../../schemas/predicates'
import { esJsBody } from '../shared/esJsBody'
import type { EsJsCartState } from '../shared/esJsConverter'
import type { FieldRule, LooseRecord } from '../shared/lenientValues'
import { CURRENCY, lenientInteger, lenientNumber, PRODUCT_KEY } from '../shared/lenientValues'

/** A cart line on the wire: numeric price and discount (a blank one left out), integer quantity, `price_currency_code`. */
const CART_PRODUCT: readonly FieldRule[] = [
  PRODUCT_KEY,
  ['price', lenientNumber],
  ['quantity', lenientInteger],
  ['discount', (discount) => (isBlank(discount) ? undefined : lenientNumber(discount))],
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
  esJsBody(body, 'StatusCart', 'Products', CART_PRODUCT, [
    [
      'GUID',
      (guid) => {
        const given = toIdString(guid ?? body.GUID)
        return isBlank(given) ? state.newGuid() : given
      },
    ],
  ])
