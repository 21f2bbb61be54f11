// The friendly inputs of the tracker methods, as API.md names them. Builders accept more forms than
// these types admit (numeric strings, 0/1 flags); the types steer TypeScript users to the plain ones.

/** Event tags: `{ name: value | values }`; sent as `Tags: { name: string[] }`. */
export type EventTagsInput = Record<string, string | number | readonly (string | number)[]>

/** A product's own tags: `{ something: [...] }`; sent as `tag_something: string[]`. */
export type ProductTagsInput = Record<string, string | number | readonly (string | number)[]>

/** A product as a product page or a wishlist shows it. */
export interface ProductInput {
  productKey: string | number
  /** `754` or `'754'`; with `currency` sent as `"754 USD"`. */
  price: string | number
  currency?: string
  isInStock?: boolean | 0 | 1 | '0' | '1'
  tags?: ProductTagsInput
}

/** Input of `productPage` and `addToWishlist`. */
export interface ProductEventInput {
  product: ProductInput
  tags?: EventTagsInput
}

/** One cart line. */
export interface CartProductInput {
  productKey: string | number
  price: number | string
  quantity: number | string
  discount?: number | string
  currency?: string
  tags?: ProductTagsInput
}

/** Input of `statusCart`; an empty `products` array is an emptied cart. */
export interface StatusCartInput {
  products: CartProductInput[]
  tags?: EventTagsInput
  /** The cart's GUID; a new one is made when absent. */
  guid?: string
}

/** One order line of a purchase. */
export interface OrderProductInput {
  productKey: string | number
  price: number | string
  quantity: number | string
  [field: string]: unknown
}

/** Input of `purchasedItems`. */
export interface PurchasedItemsInput {
  orderNumber: string | number
  products?: OrderProductInput[]
  /** The cart the purchase joins; in the browser the last non-empty cart's GUID by default. */
  guid?: string
  /** A purchase without a cart: no GUID is joined, `products` are required. */
  oneClick?: boolean
  tags?: EventTagsInput
}

/** One product shown in a list. */
export interface ImpressionInput {
  productKey: string | number
  containerType: string | number
}

/** Input of `productImpressions`. */
export interface ProductImpressionsInput {
  products: ImpressionInput[]
  tags?: EventTagsInput
}

/** Input of `categoryPage`. */
export interface CategoryPageInput {
  categoryKey: string | number
  tags?: EventTagsInput
}

/** Input of `customEvent`. */
export interface CustomEventInput {
  name: string
  tags?: EventTagsInput
}

/** Input of `searchRequest`. */
export interface SearchRequestInput {
  search: string
  isFound?: boolean | 0 | 1
}

/** One catalog product of `productUpdate`. */
export interface CatalogProductInput {
  productKey: string | number
  isInStock: boolean | 0 | 1 | '0' | '1'
  price?: string | number
  currency?: string
  name?: string
  description?: string
  imageUrl?: string
  brand?: string
  discountPercent?: string | number
  oldPrice?: string | number
  category?: string
  categoryIds?: readonly (string | number)[]
  tags?: ProductTagsInput
  [field: string]: unknown
}
