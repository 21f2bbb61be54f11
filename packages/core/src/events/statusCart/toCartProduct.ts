import { isRecord } from '../../schemas/values'
import { setCurrency, toAmount, toIdString, toQuantity } from '../shared/convert'
import { copyFields, type Issues, setDefined } from '../shared/fields'
import { setProductTags, type TagsInput } from '../shared/tags'

/** One cart line, in friendly form. */
export interface CartProductInput {
  productKey: string | number
  /** A number or numeric string; sent as a number. */
  price: number | string
  /** A positive integer or integer string; sent as an integer. */
  quantity: number | string
  discount?: number | string
  currency?: string
  tags?: TagsInput
}

const HANDLED = ['productKey', 'price', 'quantity', 'discount', 'currency', 'tags']

/** Friendly cart line -> wire `CartProduct`. */
export function toCartProduct(input: unknown, path: string, issues: Issues): unknown {
  if (!isRecord(input)) return input
  const product: Record<string, unknown> = { productKey: toIdString(input.productKey), price: toAmount(input.price) }
  setDefined(product, 'discount', toAmount(input.discount))
  product.quantity = toQuantity(input.quantity)
  setCurrency(product, input.currency)
  setProductTags(product, input.tags, path, issues)
  copyFields(input, product, path, issues, HANDLED)
  return product
}
