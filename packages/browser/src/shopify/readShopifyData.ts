import { type PageContext, TrackerError } from '@es-tracker/core'
import { describeValue } from '../describe'
import type { ShopifyContext, ShopifyMoney, ShopifyProductVariant } from './shopifyTypes'

/** Which Shopify id a product is known by: its variant's (what a cart holds) or its product's. */
export type ProductKeySource = 'variant' | 'product'

/** A field of a Shopify event that could not be read: where it is, and what it should have been. */
export class MissingField {
  constructor(
    readonly path: string,
    readonly expected: string,
    readonly received: unknown,
  ) {}
}

/**
 * The error a skipped Shopify event (or part of one) is reported with: code `invalid_event`, naming
 * the Shopify event and the field by its path in the event (`data.productVariant.id`).
 *
 * @example
 * skipped('product_viewed', new MissingField('data.productVariant.id', 'an id', null))
 * // product_viewed skipped: data.productVariant.id must be an id; got null
 */
export function skipped(eventName: string, field: MissingField, what = 'skipped'): TrackerError {
  const received = describeValue(field.received)
  return new TrackerError(
    'invalid_event',
    `${eventName} ${what}: ${field.path} must be ${field.expected}; got ${received}`,
    {
      eventName,
      issues: [
        {
          path: field.path,
          message: `expected ${field.expected}, got ${received}`,
          expected: field.expected,
          received,
        },
      ],
    },
  )
}

/**
 * A Shopify id as the vendor's Shopify app names it: the numeric tail of a global id
 * (`gid://shopify/OrderIdentity/5396439498987` gives `5396439498987`), or the id itself when it is a
 * plain one (`'44610569208040'`, or a number). `undefined` for nothing, or an empty id.
 */
export function shopifyId(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined
  if (typeof value !== 'string') return undefined
  const id = value.startsWith('gid://') ? value.slice(value.lastIndexOf('/') + 1) : value
  return id.trim() || undefined
}

/** An amount of money as a number: `amount` may come as a number or a numeric string. */
export function readAmount(money: ShopifyMoney | null | undefined): number | undefined {
  const amount = money?.amount
  const number = typeof amount === 'string' && amount.trim() !== '' ? Number(amount) : amount
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined
}

/** The id a variant is tracked by: its own, or its product's (`productKey` option). */
export const variantKey = (variant: ShopifyProductVariant | null | undefined, source: ProductKeySource) =>
  shopifyId(source === 'variant' ? variant?.id : variant?.product?.id)

/** Where in the variant that id sits, as messages name it. */
export const variantKeyPath = (source: ProductKeySource) => (source === 'variant' ? 'id' : 'product.id')

/**
 * What a variant gives a product: its key and unit price (with its currency), or the field that is
 * missing. `path` is the variant's path in the event, for the message.
 */
export function readVariant(
  variant: ShopifyProductVariant | null | undefined,
  path: string,
  source: ProductKeySource,
): { productKey: string; price: number; currency?: string } | MissingField {
  const productKey = variantKey(variant, source)
  if (productKey === undefined) {
    const given = source === 'variant' ? variant?.id : variant?.product?.id
    return new MissingField(`${path}.${variantKeyPath(source)}`, 'a non-empty id', given)
  }
  const price = readAmount(variant?.price)
  if (price === undefined) return new MissingField(`${path}.price.amount`, 'a number', variant?.price?.amount)
  const currency = variant?.price?.currencyCode
  return { productKey, price, ...(typeof currency === 'string' && currency ? { currency } : {}) }
}

/** A quantity as Shopify gives it: a positive integer, `1` when missing; `undefined` when it is something else. */
export function readQuantity(quantity: unknown): number | undefined {
  if (quantity === undefined || quantity === null) return 1
  return Number.isInteger(quantity) && (quantity as number) > 0 ? (quantity as number) : undefined
}

/**
 * GeneralInfo's page context from the top frame's snapshot Shopify gives with each event: a pixel
 * has no `location`, `document` or `screen` of the shop's page to read.
 */
export function readShopifyContext(context: ShopifyContext | null | undefined): PageContext {
  const page: PageContext = {}
  const href = context?.document?.location?.href
  if (typeof href === 'string' && href) page.s_location = href
  const referrer = context?.document?.referrer
  if (typeof referrer === 'string' && referrer) page.referrer = referrer
  const { width: w, height: h } = context?.window?.screen ?? {}
  if (typeof w === 'number' && typeof h === 'number' && w > 0 && h > 0) page.screendim = { h, w }
  return page
}
