// Field-map entries that several products and order lines share (PAYLOADS.md, "Value forms").
import { toCurrency, toIdString, toQuantity } from './convert'
import type { FieldMap } from './fields'

/** `productKey` -> `product_id` (order lines, impressions, catalog products); required. */
export const PRODUCT_ID: FieldMap[number] = ['productKey', 'product_id', toIdString, true]

/** `quantity` as an integer (cart and order lines); required. */
export const QUANTITY: FieldMap[number] = ['quantity', 'quantity', toQuantity, true]

/** `currency` -> `price_currency_code`, left out when not given. */
export const CURRENCY: FieldMap[number] = ['currency', 'price_currency_code', toCurrency]
