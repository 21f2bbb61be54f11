import type {
  CategoryPageInput,
  OrderProductInput,
  ProductImpressionsInput,
  ProductPageInput,
  PurchasedItemsInput,
  SearchRequestInput,
  TrackerError,
} from '@es-tracker/core'
import type { MirrorLine } from '../bridges/cartMirror'
import type { IdentifyInput } from '../types'
import {
  MissingField,
  type ProductKeySource,
  readAmount,
  readQuantity,
  readVariant,
  shopifyId,
  skipped,
  variantKey,
} from './readShopifyData'
import type {
  ShopifyCart,
  ShopifyCartLine,
  ShopifyCheckout,
  ShopifyCheckoutLineItem,
  ShopifyCustomer,
  ShopifyProductVariant,
} from './shopifyTypes'

/** How the adapter reads Shopify's events (options of `trackShopifyEvents`). */
export interface ShopifyMappingOptions {
  /** Which Shopify id is the `productKey`. */
  productKey: ProductKeySource
  /** The stock flag of viewed products (Shopify events carry none). */
  isInStock: boolean
}

/**
 * What reading one Shopify event gave: the tracker input (absent when the event is skipped) and an
 * error for each part skipped, to report.
 */
export interface Mapped<Value> {
  value?: Value
  skipped: TrackerError[]
}

const isList = (value: unknown): value is unknown[] => Array.isArray(value)
const dataOf = (data: unknown, field: string): unknown => (data as Record<string, unknown> | null)?.[field]

/** `product_viewed`: a ProductPage of `data.productVariant`. */
export function mapProductViewed(data: unknown, options: ShopifyMappingOptions): Mapped<ProductPageInput> {
  const product = readVariant(
    dataOf(data, 'productVariant') as ShopifyProductVariant,
    'data.productVariant',
    options.productKey,
  )
  if (product instanceof MissingField) return { skipped: [skipped('product_viewed', product)] }
  return { value: { product: { ...product, isInStock: options.isInStock } }, skipped: [] }
}

/**
 * `collection_viewed`: a CategoryPage of the collection's id and ProductImpressions of its variants,
 * with the collection's title as their container. A variant without a key is left out (reported).
 */
export function mapCollectionViewed(
  data: unknown,
  options: ShopifyMappingOptions,
): Mapped<{ category?: CategoryPageInput; impressions?: ProductImpressionsInput }> {
  const collection = dataOf(data, 'collection') as { id?: unknown; title?: unknown; productVariants?: unknown } | null
  const problems: TrackerError[] = []
  const categoryKey = shopifyId(collection?.id)
  if (categoryKey === undefined)
    problems.push(
      skipped('collection_viewed', new MissingField('data.collection.id', 'a non-empty id', collection?.id)),
    )
  const title = collection?.title
  const variants = collection?.productVariants
  let impressions: ProductImpressionsInput | undefined
  if (typeof title !== 'string' || !title.trim()) {
    problems.push(
      skipped(
        'collection_viewed',
        new MissingField('data.collection.title', 'a non-empty string', title),
        'impressions skipped',
      ),
    )
  } else if (!isList(variants)) {
    problems.push(
      skipped(
        'collection_viewed',
        new MissingField('data.collection.productVariants', 'a list', variants),
        'impressions skipped',
      ),
    )
  } else {
    const products = variants.flatMap((variant, index) => {
      const productKey = variantKey(variant as ShopifyProductVariant, options.productKey)
      if (productKey !== undefined) return [{ productKey, containerType: title }]
      const path = `data.collection.productVariants[${index}].${options.productKey === 'variant' ? 'id' : 'product.id'}`
      problems.push(
        skipped('collection_viewed', new MissingField(path, 'a non-empty id', undefined), 'impression skipped'),
      )
      return []
    })
    if (products.length) impressions = { products }
  }
  const value = { ...(categoryKey !== undefined && { category: { categoryKey } }), ...(impressions && { impressions }) }
  return { value: categoryKey !== undefined || impressions ? value : undefined, skipped: problems }
}

/** `search_submitted`: a SearchRequest of the query; `isFound` from the result's variants when Shopify gives them. */
export function mapSearchSubmitted(data: unknown): Mapped<SearchRequestInput> {
  const result = dataOf(data, 'searchResult') as { query?: unknown; productVariants?: unknown } | null
  const search = result?.query
  if (typeof search !== 'string' || !search.trim())
    return {
      skipped: [skipped('search_submitted', new MissingField('data.searchResult.query', 'a non-empty string', search))],
    }
  const variants = result?.productVariants
  return { value: { search, ...(isList(variants) && { isFound: variants.length > 0 }) }, skipped: [] }
}

/**
 * One line (a cart's, or a checkout's) as a mirror line: the variant's key and unit price, the
 * line's quantity. Keyed by product, lines of one product's variants stay apart by the variant id.
 * `path` is the line's path in the event and `field` where its variant sits, for messages.
 */
function readLine(
  line: { quantity?: unknown } | null | undefined,
  variant: ShopifyProductVariant | null | undefined,
  path: string,
  field: 'merchandise' | 'variant',
  source: ProductKeySource,
): MirrorLine | MissingField {
  const product = readVariant(variant, `${path}.${field}`, source)
  if (product instanceof MissingField) return product
  const quantity = readQuantity(line?.quantity)
  if (quantity === undefined) return new MissingField(`${path}.quantity`, 'a positive integer', line?.quantity)
  const variantId = source === 'product' ? shopifyId(variant?.id) : undefined
  return { ...product, quantity, ...(variantId !== undefined && { variant: variantId }) }
}

/** A cart line (`CartLine`: its `merchandise` and `quantity`) as a mirror line. */
const readCartLine = (line: ShopifyCartLine | null | undefined, path: string, source: ProductKeySource) =>
  readLine(line, line?.merchandise, path, 'merchandise', source)

/**
 * `product_added_to_cart` and `product_removed_from_cart`: the line added or taken off
 * (`data.cartLine.quantity` is how many were added or removed).
 */
export function mapCartLineEvent(eventName: string, data: unknown, options: ShopifyMappingOptions): Mapped<MirrorLine> {
  const line = readCartLine(dataOf(data, 'cartLine') as ShopifyCartLine, 'data.cartLine', options.productKey)
  return line instanceof MissingField ? { skipped: [skipped(eventName, line)] } : { value: line, skipped: [] }
}

/**
 * A whole cart (`cart_viewed`'s `data.cart`, or `init.data.cart` under the name `init`): its lines;
 * a line that cannot be read is left out (reported). No cart (`null`, as on checkout pages) gives
 * no value: the mirror stays as it is.
 */
export function mapCart(
  eventName: string,
  cart: unknown,
  path: string,
  options: ShopifyMappingOptions,
): Mapped<MirrorLine[]> {
  if (cart === null || cart === undefined) return { skipped: [] }
  const lines = (cart as ShopifyCart).lines
  if (!isList(lines)) return { skipped: [skipped(eventName, new MissingField(`${path}.lines`, 'a list', lines))] }
  const problems: TrackerError[] = []
  const value = lines.flatMap((line, index) => {
    const read = readCartLine(line as ShopifyCartLine, `${path}.lines[${index}]`, options.productKey)
    if (!(read instanceof MissingField)) return [read]
    problems.push(skipped(eventName, read, 'line skipped'))
    return []
  })
  return { value, skipped: problems }
}

/** Rounds away the float noise of a division (`0.3 / 3`), keeping sub-cent digits. */
const roundPrice = (price: number) => Math.round(price * 10_000) / 10_000

/**
 * `checkout_completed`: the purchase (the order id's numeric tail as `orderNumber`, the order lines
 * at their final unit price) and the buyer's e-mail and phone. A line that cannot be read is left out
 * (reported); no order id skips the purchase.
 */
export function mapCheckoutCompleted(
  data: unknown,
  options: ShopifyMappingOptions,
): Mapped<{ order: PurchasedItemsInput; identity?: IdentifyInput }> {
  const checkout = dataOf(data, 'checkout') as ShopifyCheckout | null
  const orderNumber = shopifyId(checkout?.order?.id)
  if (orderNumber === undefined)
    return {
      skipped: [
        skipped('checkout_completed', new MissingField('data.checkout.order.id', 'an order id', checkout?.order?.id)),
      ],
    }
  const problems: TrackerError[] = []
  const items = checkout?.lineItems
  const products: OrderProductInput[] = []
  if (!isList(items))
    problems.push(
      skipped('checkout_completed', new MissingField('data.checkout.lineItems', 'a list', items), 'lines skipped'),
    )
  else
    items.forEach((item: ShopifyCheckoutLineItem | null | undefined, index) => {
      const read = readLine(item, item?.variant, `data.checkout.lineItems[${index}]`, 'variant', options.productKey)
      if (read instanceof MissingField) {
        problems.push(skipped('checkout_completed', read, 'line skipped'))
        return
      }
      // The final price per unit, after line discounts, when Shopify gives it; else the variant's price.
      const lineTotal = readAmount(item?.finalLinePrice)
      const price = lineTotal === undefined ? read.price : roundPrice(lineTotal / read.quantity)
      products.push({ productKey: read.productKey, price, quantity: read.quantity })
    })
  const identity = readIdentity({ email: checkout?.email, phone: checkout?.phone })
  return {
    value: { order: { orderNumber, ...(products.length && { products }) }, ...(identity && { identity }) },
    skipped: problems,
  }
}

/**
 * The identity a customer gives (`init.data.customer`, or a checkout's e-mail and phone): its
 * e-mail, phone and id (as `externalCustomerId`), those that are there; `undefined` when none is.
 */
export function readIdentity(customer: ShopifyCustomer | null | undefined): IdentifyInput | undefined {
  const identity: IdentifyInput = {}
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined)
  const email = text(customer?.email)
  const phone = text(customer?.phone)
  const id = shopifyId(customer?.id)
  if (email) identity.email = email
  if (phone) identity.phone = phone
  if (id) identity.externalCustomerId = id
  return Object.keys(identity).length ? identity : undefined
}
