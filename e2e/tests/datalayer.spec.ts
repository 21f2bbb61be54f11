// The GA4 dataLayer bridge in Chromium against the collector on its own origin, through both ways a
// site turns it on: the script tag's `dataLayer` init option (the add-on) and the ES module subpath.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { googleItems, gtm4wpEvent, gtm4wpItem } from '../../packages/browser/test/ga4Fixtures'
import { type CollectedEvent, type CollectorFixture, expect, type SiteFixture, test } from '../fixtures'
import { field, guidPattern, settle, watchPageErrors } from '../pages/browser/helpers'

/** What the bridge pages hold on `window`. */
interface BridgeWindow {
  replayPushes(entries: unknown[]): void
  flushTracker(): Promise<void>
  trackerErrors: Array<{ code: string; message: string }>
  [layer: string]: unknown
}

type Setup = 'script tag' | 'ES module'
const pageFile: Record<Setup, string> = { 'script tag': 'script-tag.html', 'ES module': 'esm.html' }

/** The URL of a bridge page with the pushes its server rendered before the tracker loaded. */
function bridgeUrl(
  site: SiteFixture,
  collector: CollectorFixture,
  setup: Setup,
  query: { before?: unknown[]; layer?: string; options?: Record<string, unknown> } = {},
) {
  const params = new URLSearchParams({ endpoint: collector.endpoint, before: JSON.stringify(query.before ?? []) })
  if (query.layer) params.set('layer', query.layer)
  if (query.options) params.set('options', JSON.stringify(query.options))
  return site.url(`/pages/datalayer/${pageFile[setup]}?${params}`)
}

/** Opens a bridge page and waits until the bridge reads its data layer. */
async function openBridge(page: Page, url: string, layer = 'dataLayer') {
  await page.goto(url)
  await page.waitForFunction(
    (name) =>
      (window as unknown as Record<string, Record<symbol, unknown>>)[name]?.[Symbol.for('es-tracker.dataLayer')] ===
      true,
    layer,
  )
}

/** Pushes entries in the page as its own code would (`{ gtag: [...] }` through gtag). */
const pushLater = (page: Page, entries: unknown[]) =>
  page.evaluate((list) => (window as unknown as BridgeWindow).replayPushes(list), entries)

/** Waits until the page's tracker has delivered what it queued. */
const flush = (page: Page) => page.evaluate(() => (window as unknown as BridgeWindow).flushTracker())

const products = (event: CollectedEvent | undefined) =>
  field(event, 'StatusCart', 'Products') as Array<Record<string, unknown>>

for (const setup of ['script tag', 'ES module'] as const) {
  test.describe(`GA4 dataLayer bridge (${setup})`, () => {
    let pageErrors: Error[]
    test.beforeEach(({ page }) => {
      pageErrors = watchPageErrors(page)
    })
    test.afterEach(() => {
      expect(pageErrors).toEqual([])
    })

    test('should send the pushes made before the tracker loaded, once each, and those made after', async ({
      page,
      site,
      collector,
    }) => {
      const before = [
        ...gtm4wpEvent('view_item', { items: [gtm4wpItem('COF-ETH-250', '14.50')] }),
        { gtag: ['event', 'view_item_list', { item_list_name: 'Coffee', items: googleItems }] },
      ]
      await openBridge(page, bridgeUrl(site, collector, setup, { before }))
      await pushLater(
        page,
        gtm4wpEvent('add_to_cart', { items: [gtm4wpItem('COF-ETH-250', '14.50', { quantity: 2 })] }),
      )
      await pushLater(page, [
        { gtag: ['event', 'add_to_cart', { currency: 'EUR', items: [{ item_id: 'TEA-1', price: '9.80' }] }] },
      ])
      const events = await collector.waitForEvents(4)
      await flush(page)
      await settle(500)
      const all = await collector.events()
      expect(all.map((event) => event.eventName)).toEqual([
        'ProductPage',
        'ProductImpressions',
        'StatusCart',
        'StatusCart',
      ])
      expect(all.every((event) => event.valid)).toBe(true)
      expect(field(events[0], 'ProductPage', 'Product')).toEqual({
        productKey: 'COF-ETH-250',
        price: '14.5 EUR',
        isInStock: '1',
      })
      expect(field(events[1], 'ProductImpression', 'Products')).toEqual([
        { product_id: 'SKU_12345', container_type: 'Related Products' },
        { product_id: 'SKU_12346', container_type: 'Related Products' },
      ])
      expect(products(events[3])).toEqual([
        { productKey: 'COF-ETH-250', price: 14.5, quantity: 2, price_currency_code: 'EUR' },
        { productKey: 'TEA-1', price: 9.8, quantity: 1, price_currency_code: 'EUR' },
      ])
    })

    test('should keep reading, keep the page push working and its return value when GTM wraps push after the bridge', async ({
      page,
      site,
      collector,
    }) => {
      await openBridge(page, bridgeUrl(site, collector, setup, { layer: 'shopLayer' }), 'shopLayer')
      const answer = await page.evaluate(() => {
        const layer = (
          window as unknown as {
            shopLayer: { push: (...items: unknown[]) => unknown; length: number; [index: number]: unknown }
          }
        ).shopLayer
        // What gtm.js does when it loads: wrap the push it finds, process each push, answer its own value.
        const found = layer.push
        const processed: unknown[] = []
        layer.push = function (...items: unknown[]) {
          found.apply(this, items)
          processed.push(...items)
          return 'gtm'
        }
        const pushed = { event: 'add_to_cart', ecommerce: { currency: 'USD', items: [{ item_id: 'A-1', price: 5 }] } }
        const returned = layer.push({ ecommerce: null }, pushed)
        return { returned, processed: processed.length, same: layer[layer.length - 1] === pushed, length: layer.length }
      })
      expect(answer).toEqual({ returned: 'gtm', processed: 2, same: true, length: 2 })
      const [cart] = await collector.waitForEvents(1, { eventName: 'StatusCart' })
      expect(products(cart)).toEqual([{ productKey: 'A-1', price: 5, quantity: 1, price_currency_code: 'USD' }])
    })

    test('should send a purchase once when the thank-you page is reloaded three times, joined to the cart GUID', async ({
      page,
      site,
      collector,
    }) => {
      await openBridge(page, bridgeUrl(site, collector, setup))
      await pushLater(page, gtm4wpEvent('add_to_cart', { items: [gtm4wpItem('COF-KEN-250', '16.75')] }))
      const [cart] = await collector.waitForEvents(1, { eventName: 'StatusCart' })
      const thankYou = bridgeUrl(site, collector, setup, {
        before: gtm4wpEvent('purchase', {
          transaction_id: '4711',
          value: 16.75,
          items: [gtm4wpItem('COF-KEN-250', '16.75')],
        }),
      })
      for (let load = 0; load < 4; load++) {
        await openBridge(page, thankYou)
        await flush(page)
      }
      await settle(500)
      const purchases = await collector.events({ eventName: 'PurchasedItems' })
      expect(purchases).toHaveLength(1)
      expect(purchases[0]?.valid).toBe(true)
      expect(field(purchases[0], 'PurchasedItems', 'OrderNumber')).toBe('4711')
      expect(field(purchases[0], 'PurchasedItems', 'GUID')).toMatch(guidPattern)
      expect(field(purchases[0], 'PurchasedItems', 'GUID')).toBe(field(cart, 'StatusCart', 'GUID'))
      expect(field(purchases[0], 'PurchasedItems', 'Products')).toEqual([
        { product_id: 'COF-KEN-250', unit_price: '16.75', quantity: 1 },
      ])
      // The mirror was emptied by the purchase, without a StatusCart: the next cart starts empty.
      await pushLater(page, gtm4wpEvent('add_to_cart', { items: [gtm4wpItem('TEA-SEN-100', '11.20')] }))
      const carts = await collector.waitForEvents(2, { eventName: 'StatusCart' })
      expect(products(carts[1])).toEqual([
        { productKey: 'TEA-SEN-100', price: 11.2, quantity: 1, price_currency_code: 'EUR' },
      ])
    })

    test('should share the cart mirror between two tabs', async ({ page, context, site, collector }) => {
      const url = bridgeUrl(site, collector, setup)
      const otherTab = await context.newPage()
      const otherErrors = watchPageErrors(otherTab)
      await openBridge(page, url)
      await openBridge(otherTab, url)
      await pushLater(page, gtm4wpEvent('add_to_cart', { items: [gtm4wpItem('A', '1.00')] }))
      await collector.waitForEvents(1)
      await pushLater(otherTab, gtm4wpEvent('add_to_cart', { items: [gtm4wpItem('B', '2.00', { quantity: 3 })] }))
      await collector.waitForEvents(2)
      await pushLater(page, gtm4wpEvent('remove_from_cart', { items: [gtm4wpItem('A', '1.00')] }))
      const carts = await collector.waitForEvents(3)
      expect(carts.map(products)).toEqual([
        [{ productKey: 'A', price: 1, quantity: 1, price_currency_code: 'EUR' }],
        [
          { productKey: 'A', price: 1, quantity: 1, price_currency_code: 'EUR' },
          { productKey: 'B', price: 2, quantity: 3, price_currency_code: 'EUR' },
        ],
        [{ productKey: 'B', price: 2, quantity: 3, price_currency_code: 'EUR' }],
      ])
      // The cart page in the other tab shows the same contents: no new StatusCart.
      await pushLater(otherTab, gtm4wpEvent('view_cart', { items: [gtm4wpItem('B', '2.00', { quantity: 3 })] }))
      await flush(otherTab)
      await settle(500)
      expect(await collector.events()).toHaveLength(3)
      expect(otherErrors).toEqual([])
    })

    test('should report an item without item_id and send the rest of the event', async ({ page, site, collector }) => {
      await openBridge(page, bridgeUrl(site, collector, setup))
      await pushLater(page, [
        { ecommerce: null },
        {
          event: 'add_to_cart',
          ecommerce: {
            currency: 'USD',
            items: [
              { item_name: 'No id', price: '3.00' },
              { item_id: 'OK-1', price: '4.00' },
            ],
          },
        },
      ])
      const [cart] = await collector.waitForEvents(1)
      expect(cart?.valid).toBe(true)
      expect(products(cart)).toEqual([{ productKey: 'OK-1', price: 4, quantity: 1, price_currency_code: 'USD' }])
      const errors = await page.evaluate(() => (window as unknown as BridgeWindow).trackerErrors)
      expect(errors).toEqual([
        {
          code: 'invalid_event',
          message: 'GA4 add_to_cart: items[0] skipped: item_id must be a non-empty string or a number; got undefined',
        },
      ])
    })
  })
}

test.describe('GA4 dataLayer bridge add-on (script tag)', () => {
  const addonPath = fileURLToPath(new URL('../../packages/browser/dist/es-tracker.dataLayer.min.js', import.meta.url))

  test('should load the add-on from beside the script tag, pinned by its hash, only when init asks for it', async ({
    page,
    site,
    collector,
  }) => {
    const pageErrors = watchPageErrors(page)
    const fetched: string[] = []
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname))
    await openBridge(page, bridgeUrl(site, collector, 'script tag', { layer: 'gtm4wpLayer' }), 'gtm4wpLayer')
    const inserted = await page.evaluate(() =>
      Array.from(document.querySelectorAll('script[src*="dataLayer"]'), (script) => ({
        src: (script as HTMLScriptElement).src,
        integrity: script.getAttribute('integrity'),
        crossorigin: script.getAttribute('crossorigin'),
      })),
    )
    const integrity = `sha256-${createHash('sha256').update(readFileSync(addonPath)).digest('base64')}`
    expect(inserted).toEqual([
      { src: site.url('/dist/es-tracker.dataLayer.min.js'), integrity, crossorigin: 'anonymous' },
    ])
    // Without the option the page fetches the script tag only.
    fetched.length = 0
    await page.goto(site.url(`/pages/browser/script-tag.html?endpoint=${encodeURIComponent(collector.endpoint)}`))
    await page.waitForFunction(() => (window as unknown as { esTracker: { loaded?: boolean } }).esTracker.loaded)
    await settle(300)
    expect(fetched.filter((path) => path.startsWith('/dist/'))).toEqual(['/dist/es-tracker.min.js'])
    expect(pageErrors).toEqual([])
  })
})
