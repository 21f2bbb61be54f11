import { toIdString } from '../../schemas/convert'
import { isBlank } from '../../schemas/predicates'
import { esJsBody } from '../shared/esJsBody'
import type { EsJsCartState } from '../shared/esJsConverter'
import type { FieldRule, LooseRecord } from '../shared/lenientValues'
import { CURRENCY, lenientDecimalString, lenientInteger, PRODUCT_ID } from '../shared/lenientValues'

/** An order line on the wire: `product_id`, `unit_price` as a string, integer quantity. */
const ORDER_PRODUCT: readonly FieldRule[] = [
  PRODUCT_ID,
  ['unit_price', lenientDecimalString, 'price'],
  ['quantity', lenientInteger],
  CURRENCY,
]

/**
 * Converts a PurchasedItems body, in the eS.JS form (`{ OrderNumber, PurchasedItems: [lines], GUID? }`)
 * or the REST form (`{ PurchasedItems: { OrderNumber, GUID?, Products? } }`, with or without the
 * outer key), to the REST wire body. A given GUID is kept (as a string); without one the purchase
 * joins the last cart.
 *
 * @example
 * purchasedItemsFromEsJs({ OrderNumber: 17, PurchasedItems: [{ productKey: '1', price: '9.90', quantity: '1' }] }, state)
 * // { PurchasedItems: { OrderNumber: '17', GUID: <last cart>, Products: [{ product_id: '1', unit_price: '9.90', quantity: 1 }] } }
 */
export const purchasedItemsFromEsJs = (body: LooseRecord, state: EsJsCartState): LooseRecord => {
  const { PurchasedItems: lines, ...order } = body
  // eS.JS keeps the order's fields beside its list of lines; REST puts them all under the key.
  return esJsBody(
    body,
    'PurchasedItems',
    'Products',
    ORDER_PRODUCT,
    [
      ['OrderNumber', toIdString],
      [
        'GUID',
        (guid) => {
          const given = toIdString(guid)
          return isBlank(given) ? state.lastCartGuid : given
        },
      ],
    ],
    Array.isArray(lines) ? { ...order, Products: lines } : undefined,
  )
}
