// A strict Node-only consumer (no DOM lib, exactOptionalPropertyTypes), as a user's project would be:
// the READMEs' examples must compile here against the built dist, and every public entry point's
// declarations must load (skipLibCheck is off). `pnpm check:types` (part of `npm test`, after the
// build) runs tsc on it.
import { createBrowserTracker } from '@es-tracker/browser'
import { bridgeDataLayer } from '@es-tracker/browser/datalayer'
import { trackShopifyEvents } from '@es-tracker/browser/shopify'
import { startCollector } from '@es-tracker/collector'
import { validatePayload } from '@es-tracker/core'
import { createNodeTracker, scFromCookieHeader } from '@es-tracker/node'
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
