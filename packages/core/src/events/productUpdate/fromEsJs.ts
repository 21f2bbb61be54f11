import type { EsJsBodyResult } from '../../esjs/types'
import { invalidEsJsBody } from '../../esjs/types'
import type { LooseRecord } from '../../esjs/values'
import { copyOpen, isRecord, renameField, toDecimalString, toStockFlag, toWireString } from '../../esjs/values'

/** One catalog product in the wire form: `product_id` and `unit_price` as strings, `isInStock` "1" / "0". */
function wireCatalogProduct(item: unknown): unknown {
  if (!isRecord(item)) return item
  const product = copyOpen(item)
  renameField(product, 'productKey', 'product_id')
  renameField(product, 'price', 'unit_price')
  renameField(product, 'currency', 'price_currency_code')
  if (product.product_id !== undefined) product.product_id = toWireString(product.product_id)
  if (product.unit_price !== undefined) product.unit_price = toDecimalString(product.unit_price)
  if (product.isInStock !== undefined) product.isInStock = toStockFlag(product.isInStock)
  return product
}

/**
 * Converts a ProductUpdate body (`{ ProductUpdate: [products] }`; eS.JS has no such call, so this is
 * the REST form only) to the wire form of its products.
 *
 * @example
 * productUpdateFromEsJs({ ProductUpdate: [{ product_id: 430738, unit_price: 201.95, isInStock: true }] })
 * // { ok: true, body: { ProductUpdate: [{ product_id: '430738', unit_price: '201.95', isInStock: '1' }] } }
 */
export function productUpdateFromEsJs(body: LooseRecord): EsJsBodyResult {
  const products = body.ProductUpdate
  if (!Array.isArray(products)) {
    return { ok: false, error: invalidEsJsBody('ProductUpdate', 'ProductUpdate', 'an array of products', products) }
  }
  return { ok: true, body: { ProductUpdate: products.map(wireCatalogProduct) } }
}
