// A strict Node-only consumer (no DOM lib, exactOptionalPropertyTypes), as a user's project would be:
// the READMEs' examples must compile here against the built dist, and every public entry point's
// declarations must load (skipLibCheck is off). `pnpm check:types` (part of `npm test`, after the
// build) runs tsc on it.
import { createBrowserTracker } from '@es-tracker/browser'
import { bridgeDataLayer } from '@es-tracker/browser/datalayer'
import { type ShopifyTrackingOptions, trackShopifyEvents } from '@es-tracker/browser/shopify'
import { startCollector } from '@es-tracker/collector'
import { validatePayload } from '@es-tracker/core'
import {
  createFetchTransport,
  createFileStore,
  createFirstPartyEndpoint,
  createHttpTransport,
  createNodeTracker,
  scFromCookieHeader,
} from '@es-tracker/node'
import { createPostgresStore } from '@es-tracker/node/postgres'

const tracker = createNodeTracker({ siteId: '8A412DC', apiKey: process.env.ES_API_KEY, endpoint: 'yespo' })
const cookie: string | undefined = undefined
const guid: string | undefined = process.env.CART_GUID
const visitor = tracker.visitor({ sc: scFromCookieHeader(cookie) ?? 'SC' })
await visitor.purchasedItems({ orderNumber: '123/2017', guid })
await visitor.statusCart({ products: [{ productKey: '1', price: 1, quantity: 1 }], guid })
await visitor.send('ProductPage', { ProductPage: { Product: { productKey: '72354', price: '754' } } })
// @ts-expect-error a typo in an event name is a type error
await visitor.send('ProductPag', {})
createNodeTracker({ siteId: 'S', endpoint: 'https://collector.example/api/v2' })
createNodeTracker({
  siteId: 'S',
  store: createPostgresStore({ connectionString: 'postgres://localhost/shop' }),
})

// The browser package's types compile without the DOM lib (SSR code imports it too).
const browserTracker = createBrowserTracker({ siteId: '8A412DC', endpoint: process.env.ENDPOINT, debug: undefined })
await browserTracker.productPage({ product: { productKey: '72354', price: 754, currency: 'USD', isInStock: true } })
bridgeDataLayer(browserTracker, { dataLayerName: 'dataLayer' })
export const shopifyEntry: typeof trackShopifyEvents = trackShopifyEvents

const collector = await startCollector({ port: 0 })
const verdict = validatePayload(JSON.parse('{}'))
if (!verdict.ok) console.log(verdict.error.issues.map((issue) => issue.path))
await collector.close()

// Every optional input takes `undefined` too (a value read from the environment or a lookup may be
// missing): under exactOptionalPropertyTypes an option typed without `| undefined` refuses these.
const maybe = <T>(value: T): T | undefined => value
const onError = maybe((error: Error) => console.error(error.message))
createNodeTracker({
  siteId: 'S',
  retry: { attempts: maybe(3), baseDelayMs: maybe(500), maxDelayMs: maybe(30_000) },
  transport: createHttpTransport({ httpAgent: maybe(undefined), httpsAgent: maybe(undefined) }),
  store: createFileStore({ dir: '/var/lib/shop/events', maxBytes: maybe(1_000_000), lockStaleMs: maybe(10_000) }),
})
createNodeTracker({ siteId: 'S', transport: createFetchTransport({ fetch: maybe(fetch) }) })
createPostgresStore({
  connectionString: process.env.DATABASE_URL,
  table: maybe('es_tracker_outbox'),
  leaseMs: maybe(30_000),
  pollIntervalMs: maybe(1_000),
  createTable: maybe(true),
  onError,
})
await tracker
  .visitor({ sc: 'SC', user: { email: process.env.EMAIL, phone: maybe('+380'), externalCustomerId: maybe(7) } })
  .customEvent({ name: 'x', tags: maybe(undefined) })
createFirstPartyEndpoint({
  endpoint: process.env.ES_ENDPOINT,
  siteId: maybe('S'),
  cookieDomain: process.env.COOKIE_DOMAIN,
  secureCookie: maybe(true),
  maxBodyBytes: maybe(65_536),
  timeout: maybe(5_000),
  fetch: maybe(fetch),
})
bridgeDataLayer(browserTracker, {
  dataLayerName: process.env.DATA_LAYER,
  productKey: maybe('item_id'),
  isInStock: maybe(true),
  categoryPage: maybe(false),
  identify: maybe(false),
  storageKey: maybe('es-tracker'),
  onError,
  debug: maybe(false),
})
export const shopifyOptions: Pick<
  ShopifyTrackingOptions,
  'siteId' | 'customerPrivacy' | 'productKey' | 'isInStock' | 'earlierEvents'
> = {
  siteId: 'S',
  customerPrivacy: undefined,
  productKey: maybe('variant'),
  isInStock: maybe(true),
  earlierEvents: undefined,
}
const strictCollector = await startCollector({
  port: maybe(0),
  host: process.env.HOST,
  out: process.env.OUT,
  maxEvents: maybe(100),
  maxStoredBytes: maybe(1_000_000),
  allowedHosts: maybe(['127.0.0.1']),
  maxBodyBytes: maybe(65_536),
  faults: undefined,
})
await strictCollector.close()
