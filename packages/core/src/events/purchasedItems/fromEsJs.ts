import type { EsJsBodyResult, EsJsCartState } from '../../esjs/types'
import { invalidEsJsBody } from '../../esjs/types'
import type { LooseRecord } from '../../esjs/values'
import {
  copyOpen,
  isBlank,
  isRecord,
  renameField,
  setEventTags,
  toDecimalString,
  toInteger,
  toWireString,
} from '../../esjs/values'

/** One order line in the wire form: `product_id`, `unit_price` as a string, integer quantity. */
function wireOrderProduct(line: unknown): unknown {
  if (!isRecord(line)) return line
  const product = copyOpen(line)
  renameField(product, 'productKey', 'product_id')
  renameField(product, 'price', 'unit_price')
  renameField(product, 'currency', 'price_currency_code')
  if (product.product_id !== undefined) product.product_id = toWireString(product.product_id)
  if (product.unit_price !== undefined) product.unit_price = toDecimalString(product.unit_price)
  if (product.quantity !== undefined) product.quantity = toInteger(product.quantity)
  return product
}

/**
 * Converts a PurchasedItems body, in the eS.JS form (`{ OrderNumber, PurchasedItems: [lines], GUID? }`)
 * or the REST form (`{ PurchasedItems: { OrderNumber, GUID?, Products? } }`), to the REST wire body.
 * A given GUID is kept and becomes the last cart GUID; without one the purchase joins the last cart.
 *
 * @example
 * purchasedItemsFromEsJs({ OrderNumber: 17, PurchasedItems: [{ productKey: '1', price: '9.90', quantity: '1' }] }, state)
 * // { ok: true, body: { PurchasedItems: { OrderNumber: '17', GUID: <last cart>, Products: [{ product_id: '1', unit_price: '9.90', quantity: 1 }] } } }
 */
export function purchasedItemsFromEsJs(body: LooseRecord, state: EsJsCartState): EsJsBodyResult {
  const inner = body.PurchasedItems
  const part = isRecord(inner) ? inner : Array.isArray(inner) || inner === undefined ? body : undefined
  if (part === undefined) {
    return { ok: false, error: invalidEsJsBody('PurchasedItems', 'PurchasedItems', 'an array of order lines', inner) }
  }
  const order = copyOpen(part, ['PurchasedItems', 'Tags', 'guid'])
  const lines = Array.isArray(inner) ? inner : part.Products
  if (lines !== undefined) order.Products = Array.isArray(lines) ? lines.map(wireOrderProduct) : lines
  if (order.OrderNumber === undefined && body.OrderNumber !== undefined) order.OrderNumber = body.OrderNumber
  if (order.OrderNumber !== undefined) order.OrderNumber = toWireString(order.OrderNumber)
  const given = toWireString(part.GUID ?? part.guid ?? body.GUID ?? body.guid)
  const result: EsJsBodyResult = { ok: true, body: { PurchasedItems: order } }
  if (typeof given === 'string' && !isBlank(given)) {
    order.GUID = given.trim()
    result.cartGuid = order.GUID as string
  } else if (isBlank(given) && state.lastCartGuid !== undefined) {
    order.GUID = state.lastCartGuid
  } else if (isBlank(given)) {
    delete order.GUID
  }
  setEventTags(order, part.Tags ?? body.Tags)
  return result
}
