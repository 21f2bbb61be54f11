import { isRecord } from '../../schemas/values'
import { toIdString, toProductPrice, toStockFlag } from './convert'
import { copyFields, type Issues, setDefined } from './fields'
import { setProductTags, type TagsInput } from './tags'

/** A product's own tags: `{ something: [...] }` becomes `tag_something` on the wire. */
export type ProductTagsInput = TagsInput

/** A viewed or wished-for product, in friendly form. */
export interface ProductInput {
  productKey: string | number
  /** `"754"`, `"754 USD"`, or a number (with `currency`, `754` becomes `"754 USD"`). */
  price: string | number
  currency?: string
  isInStock?: boolean | 0 | 1 | '0' | '1'
  tags?: ProductTagsInput
}

const HANDLED = ['productKey', 'price', 'currency', 'isInStock', 'tags']

/** Friendly product -> wire `Product` of ProductPage and AddToWishlist. */
export function toProduct(input: unknown, path: string, issues: Issues): unknown {
  if (!isRecord(input)) return input
  const product: Record<string, unknown> = {
    productKey: toIdString(input.productKey),
    price: toProductPrice(input.price, input.currency),
  }
  setDefined(product, 'isInStock', toStockFlag(input.isInStock))
  setProductTags(product, input.tags, path, issues)
  copyFields(input, product, path, issues, HANDLED)
  return product
}
