import type { TrackerError } from '@es-tracker/core'
import type { CartMirror, MirrorLine } from '../cartMirror'
import type { OrderLedger } from '../orderLedger'
import { type ReadItem, readGa4Items } from './readGa4Items'
import type { Ga4Push } from './readGa4Push'
import type { BridgedTracker, DataLayerBridgeOptions, Ga4Ecommerce } from './types'

/** What a GA4 handler works with: the tracker it calls, the shared cart and orders, the bridge's options. */
export interface Ga4HandlerParts {
  tracker: BridgedTracker
  mirror: CartMirror
  orders: OrderLedger
  options: DataLayerBridgeOptions
  /** Reports a skipped item (`onError`, the console in debug mode). */
  report(error: TrackerError): void
  /** Says why an event sent nothing, on the console in debug mode. */
  log(message: string): void
}

/** The events that carry the whole cart: the mirror becomes their items. */
const wholeCartEvents = ['view_cart', 'begin_checkout', 'add_shipping_info', 'add_payment_info']

/** Every event whose items the bridge reads (`search` has none); the rest send nothing. */
const itemEvents = [
  'view_item',
  'view_item_list',
  'view_search_results',
  'add_to_cart',
  'remove_from_cart',
  'purchase',
  'add_to_wishlist',
  ...wholeCartEvents,
]

// A string field of the event's parameters, when it is a non-empty one.
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

/**
 * Creates the function that turns one GA4 push into tracker calls, as BRIDGES.md maps them: product
 * pages, impressions, whole-cart StatusCarts from the cart mirror, one purchase per `transaction_id`,
 * wishlists, searches and (opted in) the visitor's identity. Anything else sends nothing.
 */
export function createGa4Handler({ tracker, mirror, orders, options, report, log }: Ga4HandlerParts) {
  // The last search term sent on this page: a `search` and its `view_search_results` are one search.
  let lastSearch: string | undefined

  const statusCart = (lines: MirrorLine[]) =>
    void tracker.statusCart({
      products: lines.map(({ productKey, price, quantity, currency }) => ({ productKey, price, quantity, currency })),
    })

  function sendSearch(term: unknown, ecommerce: Ga4Ecommerce | undefined) {
    if (typeof term !== 'string' || term.trim() === '' || term === lastSearch) return
    lastSearch = term
    const items = ecommerce?.items
    const isFound = Array.isArray(items) ? (items.length > 0 ? 1 : 0) : undefined
    void tracker.searchRequest({ search: term, ...(isFound === undefined ? {} : { isFound }) })
  }

  function sendImpressions(name: string, ecommerce: Ga4Ecommerce | undefined, items: ReadItem[]) {
    if (items.length === 0) return
    const products = items.map(({ item, productKey }) => ({
      productKey,
      containerType:
        text(item.item_list_name) ??
        text(ecommerce?.item_list_name) ??
        text(item.item_list_id) ??
        text(ecommerce?.item_list_id) ??
        name,
    }))
    void tracker.productImpressions({ products })
  }

  function sendCategoryPage(ecommerce: Ga4Ecommerce | undefined) {
    const { categoryPage } = options
    if (!categoryPage || !ecommerce) return
    const categoryKey =
      typeof categoryPage === 'function'
        ? categoryPage(ecommerce)
        : (text(ecommerce.item_list_id) ?? text(ecommerce.item_list_name))
    if (categoryKey !== undefined) void tracker.categoryPage({ categoryKey })
  }

  function sendPurchase(ecommerce: Ga4Ecommerce | undefined, items: ReadItem[]) {
    const id = ecommerce?.transaction_id
    const orderNumber = typeof id === 'number' ? String(id) : text(id)
    if (orderNumber === undefined) return log('GA4 purchase without transaction_id: nothing sent')
    if (!orders.claim(orderNumber)) return log(`GA4 purchase ${orderNumber} was sent before: not sent again`)
    const products = items.map(({ productKey, price, quantity }) => ({ productKey, price, quantity }))
    void tracker.purchasedItems({ orderNumber, ...(products.length ? { products } : {}) })
    mirror.clear()
  }

  return (push: Ga4Push) => {
    if (push.kind === 'userData') {
      if (!options.identify) return
      const email = text(push.userData.email)
      const phone = text(push.userData.phone_number)
      if (email || phone) tracker.identify({ ...(email && { email }), ...(phone && { phone }) })
      return
    }
    const { name, ecommerce, searchTerm } = push
    if (name === 'search') return sendSearch(searchTerm, ecommerce)
    if (!itemEvents.includes(name)) return
    const items = readGa4Items(name, ecommerce, options.productKey ?? 'item_id', report)
    const currency = text(ecommerce?.currency)
    const lineOf = ({ productKey, variant, price, quantity }: ReadItem): MirrorLine => ({
      productKey,
      ...(variant === undefined ? {} : { variant }),
      price,
      quantity,
      ...(currency === undefined ? {} : { currency }),
    })
    const [first] = items

    switch (name) {
      case 'view_item': {
        if (!first) return
        const { isInStock = true } = options
        const inStock = typeof isInStock === 'function' ? isInStock(first.item) : isInStock
        void tracker.productPage({
          product: { productKey: first.productKey, price: first.price, currency, isInStock: inStock },
        })
        return
      }
      case 'add_to_wishlist':
        if (first)
          void tracker.addToWishlist({ product: { productKey: first.productKey, price: first.price, currency } })
        return
      case 'view_item_list':
        sendCategoryPage(ecommerce)
        return sendImpressions(name, ecommerce, items)
      case 'view_search_results':
        sendSearch(searchTerm, ecommerce)
        return sendImpressions(name, ecommerce, items)
      case 'add_to_cart': {
        let lines: MirrorLine[] | undefined
        for (const item of items) lines = mirror.add(lineOf(item))
        if (lines) statusCart(lines)
        return
      }
      case 'remove_from_cart': {
        let lines: MirrorLine[] | undefined
        for (const item of items) lines = mirror.remove(lineOf(item)) ?? lines
        if (lines) statusCart(lines)
        else log('GA4 remove_from_cart of products not in the cart: nothing sent')
        return
      }
      case 'purchase':
        return sendPurchase(ecommerce, items)
      default:
        // A whole-cart event: without an `items` list it says nothing about the cart.
        if (Array.isArray(ecommerce?.items) && mirror.replace(items.map(lineOf))) statusCart(mirror.lines())
    }
  }
}
