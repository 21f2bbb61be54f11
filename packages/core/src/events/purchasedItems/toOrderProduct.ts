import { isRecord } from '../../schemas/values'
import { setCurrency, toIdString, toQuantity, toUnitPrice } from '../shared/convert'
import { copyFields, type Issues } from '../shared/fields'
import { setProductTags, type TagsInput } from '../shared/tags'

/** One order line, in friendly form. */
export interface OrderProductInput {
  productKey: string | number
  /** A string keeps its digits (`"341.80"`); a number is sent as `String(n)`. */
  price: string | number
  /** A positive integer or integer string; sent as an integer. */
  quantity: number | string
  currency?: string
  tags?: TagsInput
}

const HANDLED = ['productKey', 'price', 'quantity', 'currency', 'tags']

/** Friendly order line -> wire `OrderProduct` (`productKey` becomes `product_id`, `price` `unit_price`). */
export function toOrderProduct(input: unknown, path: string, issues: Issues): unknown {
  if (!isRecord(input)) return input
  const product: Record<string, unknown> = {
    product_id: toIdString(input.productKey),
    unit_price: toUnitPrice(input.price),
    quantity: toQuantity(input.quantity),
  }
  setCurrency(product, input.currency)
  setProductTags(product, input.tags, path, issues)
  copyFields(input, product, path, issues, HANDLED)
  return product
}
