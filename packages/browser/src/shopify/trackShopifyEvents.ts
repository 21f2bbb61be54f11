import { TrackerError } from '@es-tracker/core'
import { findUnknownFields, mustBe } from '@es-tracker/core/internal'
import { type CartMirror, cartProducts, createCartMirror, type MirrorLine } from '../bridges/cartMirror'
import { createOrderLedger } from '../bridges/orderLedger'
import { checkOptions } from '../config/checkOptions'
import { type ConsentState, consentStates, createConsentGate, isConsentState } from '../consent/consentGate'
import { createInertTracker, createPlatformTracker } from '../createBrowserTracker'
import { createDebugLog } from '../debug/debugLog'
import { hydrateStorage } from '../storage/hydratedStorage'
import type { BrowserTracker, BrowserTrackerOptions } from '../types'
import { createScSource } from '../visitor/scCookie'
import {
  type Mapped,
  mapCart,
  mapCartLineEvent,
  mapCheckoutCompleted,
  mapCollectionViewed,
  mapProductViewed,
  mapSearchSubmitted,
  readIdentity,
  type ShopifyMappingOptions,
} from './mapShopifyEvents'
import { createPixelCookieJar } from './pixelCookieJar'
import type { ProductKeySource } from './readShopifyData'
import { readShopifyContext } from './readShopifyData'
import type {
  ShopifyAnalytics,
  ShopifyBrowser,
  ShopifyCustomerPrivacyApi,
  ShopifyEvent,
  ShopifyInit,
} from './shopifyTypes'

/** Options of {@link trackShopifyEvents}: the pixel's API objects, and the browser tracker's options. */
export interface ShopifyTrackingOptions extends BrowserTrackerOptions {
  /** The pixel's `analytics` (customer events). */
  analytics: ShopifyAnalytics
  /** The pixel's `browser` (the shop page's cookies and localStorage). */
  browser: ShopifyBrowser
  /** The pixel's `init` (the page's cart, customer and consent when the pixel started). */
  init: ShopifyInit
  /** The pixel's `customerPrivacy`, to follow the visitor's consent as it changes. */
  customerPrivacy?: ShopifyCustomerPrivacyApi | undefined
  /** Which Shopify id is the `productKey`: the variant's (what a cart holds) or the product's. @default 'variant' */
  productKey?: ProductKeySource | undefined
  /** The stock flag of viewed products (Shopify events carry none). @default true */
  isInStock?: boolean | undefined
  /**
   * Events the pixel received before the adapter loaded (a custom pixel that loads this script
   * subscribes to `all_standard_events` first and keeps them): handled first, in order. An event
   * that also comes through the adapter's own subscription (same `id`) is handled once.
   */
  earlierEvents?: readonly ShopifyEvent[] | undefined
}

/** What {@link trackShopifyEvents} answers. */
export interface ShopifyTracking {
  /**
   * The tracker, once the shop's storage is read (for events of your own, `customEvent` say). Never
   * rejects; with bad options it is an inert tracker whose methods resolve the error.
   */
  ready: Promise<BrowserTracker>
  /** Resolves when every Shopify event received so far is handled and its delivery settled. */
  flush(): Promise<void>
}

/** The standard events the adapter maps (BRIDGES.md, "Shopify Customer Events"); others send nothing. */
export const shopifyEventNames = [
  'product_viewed',
  'collection_viewed',
  'search_submitted',
  'product_added_to_cart',
  'product_removed_from_cart',
  'cart_viewed',
  'checkout_completed',
] as const

/** The pixel API objects' shape, checked before anything is subscribed. */
function checkPixelApi({ analytics, browser, init, consent }: ShopifyTrackingOptions): TrackerError | undefined {
  const isObject = (value: unknown) => typeof value === 'object' && value !== null
  if (typeof analytics?.subscribe !== 'function')
    return mustBe('analytics', "the pixel's analytics (with subscribe)", analytics)
  if (!isObject(browser?.cookie) || !isObject(browser?.localStorage))
    return mustBe('browser', "the pixel's browser (with cookie and localStorage)", browser)
  if (!isObject(init)) return mustBe('init', "the pixel's init", init)
  // A pixel sees no Google Consent Mode or TCF of the page: its consent comes from customerPrivacy.
  if (consent !== undefined && !isConsentState(consent))
    return mustBe('consent in a Shopify pixel', consentStates, consent)
}

/**
 * The consent at start: the visitor's, from `init.customerPrivacy`, when the pixel gives it (events
 * wait until analytics is allowed); else the `consent` option.
 */
function initialConsent({ init, consent }: ShopifyTrackingOptions): ConsentState {
  const allowed = init.customerPrivacy?.analyticsProcessingAllowed
  if (typeof allowed === 'boolean') return allowed ? 'granted' : 'pending'
  return (consent as ConsentState | undefined) ?? 'granted'
}

/**
 * Tracks a Shopify store's standard customer events from a web pixel (Settings → Customer events):
 * product pages, collections with their impressions, searches, the whole cart on every change, and
 * each order's purchase once, joined to the last cart, with the visitor's `sc` cookie. It subscribes
 * before it returns; events wait (in order) until the shop's storage is read and, where the store
 * asks for consent, until the visitor allows analytics. It never throws and its promises never reject.
 *
 * @example
 * // In a custom pixel, or an app pixel's register(({ analytics, browser, init, customerPrivacy }) => ...)
 * trackShopifyEvents({ analytics, browser, init, customerPrivacy, siteId: '8A412DC' })
 */
export function trackShopifyEvents(options: ShopifyTrackingOptions): ShopifyTracking {
  const debug = createDebugLog(options, console, findUnknownFields)
  const { report } = debug
  const checked = checkOptions(options)
  const problem = checked.ok ? checkPixelApi(options) : checked.error
  if (problem || !checked.ok) {
    report(problem!)
    return { ready: Promise.resolve(createInertTracker(problem!)), flush: async () => {} }
  }
  const { analytics, browser, init, customerPrivacy } = options
  const mapping: ShopifyMappingOptions = {
    productKey: options.productKey ?? 'variant',
    isInStock: options.isInStock ?? true,
  }
  const prefix = options.storageKey ?? 'es-tracker'
  const siteId = options.siteId.trim()
  // GeneralInfo's page context: the top frame as the latest event saw it (one page per pixel).
  let pageContext = readShopifyContext(init.context)
  const consent = createConsentGate(initialConsent(options))
  // The tracker calls not settled yet: a call may still wait for the sc cookie, which `flush` covers.
  const sending = new Set<Promise<unknown>>()

  // The sc cookie through the pixel's browser.cookie, looked for before each event is handled: once
  // known it answers at once, so that every event is built with the page context of its own moment.
  const sc = createScSource(options, createPixelCookieJar(browser.cookie))
  const started = hydrateStorage(browser.localStorage, `${prefix}:`)
    .then((storage) => {
      // The adapter holds events back for consent itself: the tracker sends what it is given.
      const tracker = createPlatformTracker(
        { ...options, consent: 'granted' },
        checked.url,
        {
          storage,
          sc,
          pageContext: () => pageContext,
          // Each event's context is read as it is handled: the call must not wait for a later task.
          deferCalls: false,
          rereadStorage: () => storage.reread(`${prefix}:queue:`),
        },
        debug,
      )
      const mirror = createCartMirror(storage, `${prefix}:shopify:cart:${siteId}`)
      const orders = createOrderLedger(storage, `${prefix}:shopify:orders:${siteId}`)
      return { tracker, handle: createShopifyHandler(tracker, mirror, orders, mapping, report, sending) }
    })
    .catch((cause) => {
      // Nothing above should throw; if it does, the pixel gets an inert tracker, not a rejection.
      const error = new TrackerError('unsupported', `Shopify tracking could not start: ${String(cause)}`, { cause })
      report(error)
      return { tracker: createInertTracker(error), handle: () => {} }
    })

  // Every event is handled in the order it came, once the tracker is ready and consent allows it.
  let handled: Promise<unknown> = started
  // Ids of the events received, so that one delivered twice (kept early, then replayed) counts once.
  const seen = new Set<unknown>()
  const receive = (name: string, event: ShopifyEvent | undefined) => {
    if (event?.id !== undefined) {
      if (seen.has(event.id)) return
      seen.add(event.id)
      // Only recent ids matter: a replay follows its original closely.
      if (seen.size > 1000) seen.delete(seen.values().next().value)
    }
    const allowed = consent.check(name)
    handled = Promise.all([started, allowed, handled]).then(async ([{ handle }, refused]) => {
      if (refused) return report(refused)
      await sc()
      if (event?.context) pageContext = readShopifyContext(event.context)
      handle(name, event?.data)
    })
  }

  receive('init', { data: init.data })
  for (const event of Array.isArray(options.earlierEvents) ? options.earlierEvents : []) {
    const name = event?.name
    if ((shopifyEventNames as readonly unknown[]).includes(name)) receive(name as string, event)
  }
  for (const name of shopifyEventNames) {
    try {
      analytics.subscribe(name, (event) => receive(name, event))
    } catch (cause) {
      report(new TrackerError('unsupported', `analytics.subscribe('${name}') failed: ${String(cause)}`, { cause }))
    }
  }
  try {
    customerPrivacy?.subscribe('visitorConsentCollected', (event) => {
      consent.set(event?.customerPrivacy?.analyticsProcessingAllowed ? 'granted' : 'denied')
    })
  } catch {
    // No way to follow consent: the state at start holds.
  }

  return {
    ready: started.then(({ tracker }) => tracker),
    flush: async () => {
      await handled
      await Promise.all(sending)
      await (await started).tracker.flush()
    },
  }
}

/**
 * Creates the function that turns one Shopify event (or the pixel's `init`, named `init`) into tracker
 * calls, as BRIDGES.md maps them; whatever part of an event cannot be read is reported.
 */
function createShopifyHandler(
  tracker: BrowserTracker,
  mirror: CartMirror,
  orders: ReturnType<typeof createOrderLedger>,
  mapping: ShopifyMappingOptions,
  report: (error: TrackerError) => void,
  sending: Set<Promise<unknown>>,
) {
  // Keeps a call's promise until it settles (for `flush`); its result reaches `onError` already.
  const send = (call: Promise<unknown>) => {
    sending.add(call)
    void call.then(() => sending.delete(call))
  }
  // Reports what was skipped and goes on with what could be read.
  const use = <Value>({ value, skipped }: Mapped<Value>, next: (value: Value) => void) => {
    for (const error of skipped) report(error)
    if (value !== undefined) next(value)
  }
  const sendCart = (lines: MirrorLine[] | undefined) => {
    if (lines) send(tracker.statusCart({ products: cartProducts(lines) }))
  }
  // A whole cart: the mirror becomes it, and a StatusCart goes out when its contents changed.
  const replaceCart = (lines: MirrorLine[]) => {
    if (mirror.replace(lines)) sendCart(mirror.lines())
  }

  return (name: string, data: unknown) => {
    try {
      switch (name) {
        case 'init': {
          const { cart, customer } = (data ?? {}) as { cart?: unknown; customer?: unknown }
          const identity = readIdentity(customer as never)
          if (identity) tracker.identify(identity)
          return use(mapCart('init', cart, 'init.data.cart', mapping), replaceCart)
        }
        case 'product_viewed':
          return use(mapProductViewed(data, mapping), (input) => send(tracker.productPage(input)))
        case 'collection_viewed':
          return use(mapCollectionViewed(data, mapping), ({ category, impressions }) => {
            if (category) send(tracker.categoryPage(category))
            if (impressions) send(tracker.productImpressions(impressions))
          })
        case 'search_submitted':
          return use(mapSearchSubmitted(data), (input) => send(tracker.searchRequest(input)))
        case 'product_added_to_cart':
          return use(mapCartLineEvent(name, data, mapping), (line) => sendCart(mirror.add(line)))
        case 'product_removed_from_cart':
          // Removing a product the mirror does not hold sends nothing.
          return use(mapCartLineEvent(name, data, mapping), (line) => sendCart(mirror.remove(line)))
        case 'cart_viewed':
          return use(mapCart(name, (data as { cart?: unknown } | null)?.cart, 'data.cart', mapping), replaceCart)
        case 'checkout_completed':
          return use(mapCheckoutCompleted(data, mapping), ({ order, identity }) => {
            // Once per order, across reloads of the thank-you page and tabs; the cart is then empty.
            if (!orders.claim(order.orderNumber as string)) return
            if (identity) tracker.identify(identity)
            send(tracker.purchasedItems(order))
            mirror.clear()
          })
      }
    } catch (cause) {
      // A hostile event (a throwing getter): reported, never thrown into the pixel.
      report(new TrackerError('invalid_event', `${name} not handled: ${String(cause)}`, { cause, eventName: name }))
    }
  }
}
