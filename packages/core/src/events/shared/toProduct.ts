import { toIdString, toProductPrice, toStockFlag } from './convert'
import { type BodyConvert, bodyOf, type FieldMap, mapItem } from './fields'
import { EVENT_TAGS, PRODUCT_TAGS, type TagsInput } from './tags'

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

/** Friendly product -> wire `Product` of ProductPage and AddToWishlist. */
const PRODUCT: FieldMap = [
  ['productKey', 'productKey', toIdString, true],
  ['price', 'price', (price, _path, _issues, given) => toProductPrice(price, given.currency), true],
  ['currency'],
  ['isInStock', 'isInStock', toStockFlag],
  PRODUCT_TAGS,
]

/** The body of ProductPage and AddToWishlist: `{ Product, Tags? }`. */
export const productBody: BodyConvert = bodyOf([
  ['product', 'Product', (product, path, issues) => mapItem(product, PRODUCT, `${path}.Product`, issues)],
  EVENT_TAGS,
])
