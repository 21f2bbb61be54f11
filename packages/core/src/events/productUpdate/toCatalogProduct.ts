import { isRecord } from '../../schemas/values'
import { setCurrency, toIdString, toStockFlag, toUnitPrice } from '../shared/convert'
import { copyFields, type Issues, setDefined } from '../shared/fields'
import { setProductTags, type TagsInput } from '../shared/tags'

/** One catalog product, in friendly form (`tracker.productUpdate([...])`). */
export interface CatalogProductInput {
  productKey: string | number
  isInStock: boolean | 0 | 1 | '0' | '1'
  /** A string keeps its digits; a number is sent as `String(n)`. */
  price?: string | number
  currency?: string
  name?: string
  description?: string
  /** Sent as `imgurl`. */
  imageUrl?: string
  brand?: string
  /** The discount in percent; sent as `tag_discount: ["10"]`. */
  discountPercent?: number | string
  /** The price before the discount; sent as `tag_oldprice: ["224.38"]`. */
  oldPrice?: number | string
  /** The category path, e.g. `"level1 > level2 > level3"`. */
  category?: string
  /** Sent as `category_id: ["1", "2", "3"]`. */
  categoryIds?: string | number | readonly (string | number)[]
  tags?: TagsInput
}

const HANDLED = [
  ...['productKey', 'isInStock', 'price', 'currency', 'imageUrl', 'discountPercent', 'oldPrice'],
  ...['categoryIds', 'tags'],
]

/** A value or list -> a list of strings (numbers as their strings); `undefined` stays `undefined`. */
function toStringList(value: unknown): unknown {
  if (value === undefined) return undefined
  const list: unknown[] = Array.isArray(value) ? value : [value]
  return list.map(toIdString)
}

/** Friendly catalog product -> wire `CatalogProduct`. */
export function toCatalogProduct(input: unknown, path: string, issues: Issues): unknown {
  if (!isRecord(input)) return input
  const product: Record<string, unknown> = { product_id: toIdString(input.productKey) }
  setDefined(product, 'imgurl', input.imageUrl)
  setDefined(product, 'unit_price', toUnitPrice(input.price))
  product.isInStock = toStockFlag(input.isInStock)
  setDefined(product, 'tag_discount', toStringList(input.discountPercent))
  setDefined(product, 'tag_oldprice', toStringList(input.oldPrice))
  setCurrency(product, input.currency)
  setDefined(product, 'category_id', toStringList(input.categoryIds))
  setProductTags(product, input.tags, path, issues)
  copyFields(input, product, path, issues, HANDLED)
  return product
}
