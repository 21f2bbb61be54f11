import type { TrackerError } from '@es-tracker/core'
import type { BrowserTracker } from '../../types'

/** One GA4 ecommerce item (`ecommerce.items[]`), as a site pushes it: GA4's fields and any of the site's own. */
export interface Ga4Item {
  item_id?: string | number | null
  item_name?: string
  /** A number or a numeric string. */
  price?: number | string
  /** A whole number or its string; 1 when missing. */
  quantity?: number | string
  item_variant?: string
  item_list_id?: string
  item_list_name?: string
  [field: string]: unknown
}

/** The parameters of a GA4 event: `ecommerce` of a `dataLayer.push`, or the params of `gtag('event', name, params)`. */
export interface Ga4Ecommerce {
  items?: Ga4Item[]
  currency?: string
  transaction_id?: string | number
  item_list_id?: string
  item_list_name?: string
  search_term?: string
  [field: string]: unknown
}

/** The tracker methods the bridge calls: a browser tracker, or anything that answers them. */
export type BridgedTracker = Pick<
  BrowserTracker,
  | 'productPage'
  | 'productImpressions'
  | 'statusCart'
  | 'purchasedItems'
  | 'addToWishlist'
  | 'searchRequest'
  | 'categoryPage'
  | 'identify'
>

/** Options of `bridgeDataLayer`; every one has a default that suits most sites. */
export interface DataLayerBridgeOptions {
  /**
   * The name of the data layer on `window` (GTM's `l=` parameter, GTM4WP's custom name); created
   * (an empty array) when the page has none yet.
   * @default 'dataLayer'
   */
  dataLayerName?: string | undefined
  /**
   * Which item field is the `productKey`, or a function that reads it from an item. An item without
   * one is skipped and reported.
   * @default 'item_id'
   */
  productKey?: string | ((item: Ga4Item) => unknown) | undefined
  /**
   * Whether the product of a `view_item` is in stock (GA4 has no stock flag): a fixed answer, or a
   * function of the item, e.g. `(item) => item.stockstatus !== 'outofstock'` on GTM4WP.
   * @default true
   */
  isInStock?: boolean | ((item: Ga4Item) => boolean) | undefined
  /**
   * Also sends a `categoryPage` for each `view_item_list`: `true` takes its `item_list_id` (else its
   * `item_list_name`) as the `categoryKey`; a function answers the key, or `undefined` for lists that
   * are no category page (related products, say). Off by default: many pages show lists that are not
   * categories.
   * @default false
   */
  categoryPage?: boolean | ((ecommerce: Ga4Ecommerce) => string | undefined) | undefined
  /**
   * Identifies the visitor from `gtag('set', 'user_data', { email, phone_number })` (personal data:
   * only where the site may pass it on).
   * @default false
   */
  identify?: boolean | undefined
  /** Prefix of the localStorage keys the bridge keeps (cart mirror, orders sent). @default 'es-tracker' */
  storageKey?: string | undefined
  /** Called with every item skipped and every other failure of the bridge; never awaited. */
  onError?: ((error: TrackerError) => void) | undefined
  /** Logs skipped items and other failures on the console. @default false */
  debug?: boolean | undefined
}

/** What `bridgeDataLayer` answers. */
export interface DataLayerBridge {
  /** Stops turning pushes into tracker calls; the page's `push` goes on working. */
  stop(): void
}
