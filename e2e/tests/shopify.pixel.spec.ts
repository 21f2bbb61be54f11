// The built Shopify pixel script (dist/es-tracker.shopify.min.js) in a sandbox like a Shopify app
// pixel's: a Web Worker in Chromium with no document, whose browser.cookie and browser.localStorage
// reach the shop page's real cookies and localStorage by message (e2e/pages/shopify/). Events go to
// the real collector.
import type { Page } from '@playwright/test'
import {
  cart,
  cartLine,
  cartLineEvent,
  cartViewed,
  checkout,
  checkoutCompleted,
  collectionViewed,
  customer,
  lineItem,
  productViewed,
  searchSubmitted,
  variant,
} from '../../packages/browser/test/shopifyFixtures'
import { type CollectorFixture, expect, type SiteFixture, test } from '../fixtures'

interface PixelWindow {
  pixelLog: { errors: string[]; rejections: string[]; reported: string[] }
  startPixel(init: unknown, options: unknown): void
  publish(name: string, data: unknown): void
  decideConsent(allowed: boolean): void
  flushPixel(): Promise<void>
}

const shirt = variant('44610569208040', '8266836345064', 25)
const mug = variant('40001', '9001', 9.5)

/** Loads the shop page (a page load: a new pixel) and starts the adapter in its worker. */
async function loadPage(page: Page, site: SiteFixture, collector: CollectorFixture, init: unknown, options = {}) {
  await page.goto(site.url('/pages/shopify/shop.html'))
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true')
  await page.evaluate(
    ([pixelInit, pixelOptions]) => (window as unknown as PixelWindow).startPixel(pixelInit, pixelOptions),
    [init, { siteId: 'S', endpoint: collector.endpoint, ...options }] as const,
  )
}

const publish = (page: Page, name: string, data: unknown) =>
  page.evaluate(([eventName, eventData]) => (window as unknown as PixelWindow).publish(eventName, eventData), [
    name,
    data,
  ] as const)

const flush = (page: Page) => page.evaluate(() => (window as unknown as PixelWindow).flushPixel())

const pixelLog = (page: Page) => page.evaluate(() => (window as unknown as PixelWindow).pixelLog)

test.describe('Shopify pixel (dist/es-tracker.shopify.min.js in a Web Worker)', () => {
  test('should track the journey from init to checkout_completed and send the purchase once across thank-you reloads', async ({
    page,
    site,
    collector,
  }) => {
    await loadPage(page, site, collector, { data: { cart: cart([cartLine(shirt, 1)]), customer: customer() } })
    await publish(page, 'page_viewed', {})
    await publish(page, 'product_viewed', productViewed(shirt))
    await publish(
      page,
      'collection_viewed',
      collectionViewed({ id: '288770146539', title: 'Summer', productVariants: [shirt, mug] }),
    )
    await publish(page, 'search_submitted', searchSubmitted('mug', [mug]))
    await publish(page, 'product_added_to_cart', cartLineEvent(cartLine(mug, 2)))
    await publish(page, 'product_removed_from_cart', cartLineEvent(cartLine(mug, 1)))
    await publish(page, 'cart_viewed', cartViewed(cart([cartLine(shirt, 1), cartLine(mug, 1)])))
    await flush(page)
    expect(await pixelLog(page)).toEqual({ errors: [], rejections: [], reported: [] })

    // The thank-you page, then two reloads of it: checkout_completed each time.
    const completed = checkoutCompleted(
      checkout('gid://shopify/OrderIdentity/5396439498987', [lineItem(shirt, 1), lineItem(mug, 1)]),
    )
    for (let load = 0; load < 3; load++) {
      await loadPage(page, site, collector, { data: { cart: null, customer: null } })
      await publish(page, 'checkout_completed', completed)
      await flush(page)
      expect(await pixelLog(page)).toEqual({ errors: [], rejections: [], reported: [] })
    }

    const events = await collector.events()
    expect(events.map((event) => event.eventName)).toEqual([
      'StatusCart',
      'ProductPage',
      'CategoryPage',
      'ProductImpressions',
      'SearchRequest',
      'StatusCart',
      'StatusCart',
      'PurchasedItems',
    ])
    for (const event of events) expect(event.issues).toEqual([])
    // The sc cookie was created in the shop page through browser.cookie, and every event carries it.
    const cookies = await page.context().cookies()
    const sc = cookies.find((cookie) => cookie.name === 'sc')
    expect(sc?.value).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/)
    expect(sc).toMatchObject({ path: '/', sameSite: 'Lax', secure: true })
    for (const event of events)
      expect((event.payload as { GeneralInfo: { cookies: unknown } }).GeneralInfo.cookies).toEqual({ sc: sc!.value })
    const payloads = events.map((event) => event.payload as Record<string, Record<string, unknown>>)
    expect(payloads[0]!.GeneralInfo).toMatchObject({
      user_email: 'jane@example.com',
      externalCustomerId: '7153249288427',
    })
    // The purchase, on a later page load, joins the last cart and names the order by its numeric id.
    expect(payloads[7]!.PurchasedItems).toMatchObject({
      OrderNumber: '5396439498987',
      GUID: payloads[6]!.StatusCart!.GUID,
    })
    expect(payloads[7]!.GeneralInfo).toMatchObject({ user_email: 'buyer@example.com' })
  })

  test('should send nothing before analytics consent, and what waited once the visitor allows it', async ({
    page,
    site,
    collector,
  }) => {
    await loadPage(page, site, collector, {
      data: { cart: null },
      customerPrivacy: { analyticsProcessingAllowed: false },
    })
    await publish(page, 'product_viewed', productViewed(shirt))
    // Give the pixel time to (wrongly) send or store something.
    await page.waitForTimeout(300)
    expect(await collector.events()).toEqual([])
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([])
    await page.evaluate(() => (window as unknown as PixelWindow).decideConsent(true))
    await flush(page)
    expect((await collector.events()).map((event) => event.eventName)).toEqual(['ProductPage'])
    expect(await pixelLog(page)).toEqual({ errors: [], rejections: [], reported: [] })
  })
})
