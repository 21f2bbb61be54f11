import type { EsJsBody, EsJsCartState } from '../../esjs/types'
import type { FieldRule, LooseRecord } from '../../esjs/values'
import { isBlank, toDecimalString, toIdString, toInteger } from '../../esjs/values'
import { wireBody } from '../../esjs/wireBody'

/** An order line on the wire: `product_id`, `unit_price` as a string, integer quantity. */
const ORDER_PRODUCT: readonly FieldRule[] = [
  ['product_id', toIdString, 'productKey'],
  ['unit_price', toDecimalString, 'price'],
  ['quantity', toInteger],
  ['price_currency_code', undefined, 'currency'],
]

/**
 * Converts a PurchasedItems body, in the eS.JS form (`{ OrderNumber, PurchasedItems: [lines], GUID? }`)
 * or the REST form (`{ PurchasedItems: { OrderNumber, GUID?, Products? } }`, with or without the
 * outer key), to the REST wire body. A given GUID is kept and becomes the last cart GUID; without
 * one the purchase joins the last cart.
 *
 * @example
 * purchasedItemsFromEsJs({ OrderNumber: 17, PurchasedItems: [{ productKey: '1', price: '9.90', quantity: '1' }] }, state)
 * // { body: { PurchasedItems: { OrderNumber: '17', GUID: <last cart>, Products: [{ product_id: '1', unit_price: '9.90', quantity: 1 }] } } }
 */
export function purchasedItemsFromEsJs(body: LooseRecord, state: EsJsCartState): EsJsBody {
  const { PurchasedItems: lines, ...order } = body
  let cartGuid: string | undefined
  const joinCart = (guid: unknown) => {
    const given = toIdString(guid)
    if (isBlank(given)) return state.lastCartGuid
    if (typeof given === 'string') cartGuid = given
    return given
  }
  // eS.JS keeps the order's fields beside its list of lines; REST puts them all under the key.
  const wire = wireBody(
    body,
    'PurchasedItems',
    'Products',
    ORDER_PRODUCT,
    [
      ['OrderNumber', toIdString],
      ['GUID', joinCart],
    ],
    Array.isArray(lines) ? { ...order, Products: lines } : undefined,
  )
  return { body: wire, cartGuid }
}
