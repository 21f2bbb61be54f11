// eS.JS compatibility in a real browser: a storefront keeps its vendor `eS(...)` calls and loads
// es-tracker with `esCompat: true`; every payload the collector (another origin) receives is valid,
// in the strict wire form, and carries the values the storefront printed.
import type { Page } from '@playwright/test'
import { type CollectedEvent, type CollectorFixture, expect, type SiteFixture, test } from '../fixtures'
import { esTracker, field, guidPattern, settle, watchPageErrors } from '../pages/browser/helpers'

interface EsJsWindow {
  eS: ((...args: unknown[]) => unknown) & { q?: unknown[]; esTracker?: boolean }
  esTracker: ((...args: unknown[]) => unknown) & { loaded?: boolean }
  trackerErrors: Array<{ code: string; message: string }>
}

function pageUrl(
  site: SiteFixture,
  collector: CollectorFixture,
  query: { queue?: 'wrapped' | 'flat'; vendor?: boolean; options?: Record<string, unknown> } = {},
): string {
  const params = new URLSearchParams({ endpoint: collector.endpoint })
  if (query.queue) params.set('queue', query.queue)
  if (query.vendor) params.set('vendor', '1')
  if (query.options) params.set('options', JSON.stringify(query.options))
  return site.url(`/pages/esjs/vendor-stub.html?${params}`)
}

/**
 * Opens the storefront and waits until window.eS is es-tracker's (the esCompat add-on, which the
 * script tag loads at `init`, installs it; until then the vendor snippet's stub queues the calls), or,
 * with `vendor`, until the add-on has run and stood aside.
 */
async function open(page: Page, url: string, { vendor = false } = {}): Promise<void> {
  // The vendor's script is never fetched from the network in tests; an empty one stands in for it.
  await page.route('https://cdn.esputnik.com/**', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: '' }),
  )
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as EsJsWindow).esTracker?.loaded === true)
  if (!vendor) {
    await page.waitForFunction(() => (window as unknown as EsJsWindow).eS?.esTracker === true)
    return
  }
  await page.waitForFunction(() => 'esCompat' in ((window as { esTrackerAddons?: object }).esTrackerAddons ?? {}))
  // Its start runs once the script's load event has come, a task later.
  await settle(300)
}

/** Calls `window.eS(...)` in the page and answers its result in plain form. */
async function eS(page: Page, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(async (callArgs) => {
    const result = (await (window as unknown as EsJsWindow).eS(...callArgs)) as
      | { ok: boolean; error?: { code: string } }
      | undefined
    return result && { ok: result.ok, code: result.error?.code }
  }, args)
}

/** A payload without what differs between two sends of the same event (time, cart GUID). */
function comparable(event: CollectedEvent | undefined): unknown {
  const { GeneralInfo, ...body } = (event?.payload ?? {}) as { GeneralInfo: Record<string, unknown> }
  const { datetime: _, ...info } = GeneralInfo
  return { info, body: JSON.parse(JSON.stringify(body).replace(/"GUID":"[^"]+"/g, '"GUID":"*"')) }
}

/** The storefront's queued calls (vendor-stub.html), as the REST API must receive them. */
async function expectQueuedStorefront(collector: CollectorFixture): Promise<void> {
  const events = await collector.waitForEvents(8)
  await settle(800)
  const all = await collector.events()
  // Script-only events (PageView, MainPage, NotFound, StatusCartPage) send nothing.
  expect(all.map((event) => event.eventName)).toEqual([
    'CustomerData',
    'ProductPage',
    'AddToWishlist',
    'CategoryPage',
    'ProductImpressions',
    'SearchRequest',
    'StatusCart',
    'PurchasedItems',
  ])
  for (const event of events) {
    expect(event.valid, JSON.stringify(event.issues)).toBe(true)
    expect(event.notes, `${event.eventName} is not in the strict wire form`).toEqual([])
    // CustomerData's identity is remembered like identify: every later event carries it.
    expect(field(event, 'GeneralInfo', 'externalCustomerId')).toBe('C-42')
    expect(field(event, 'GeneralInfo', 'user_email')).toBe('jane@example.com')
    expect(field(event, 'GeneralInfo', 'user_phone')).toBe('380501234567')
  }
  const byName = (name: string) => all.find((event) => event.eventName === name)
  expect(field(byName('CustomerData'), 'GeneralInfo', 'user_city')).toBe('Kyiv')
  expect(field(byName('ProductPage'), 'ProductPage')).toEqual({
    Product: { productKey: '72354', price: '450.00', isInStock: '1', tag_color: ['green'] },
  })
  expect(field(byName('AddToWishlist'), 'AddToWishlist')).toEqual({
    Product: { productKey: '72354', price: '450.00', isInStock: '0' },
  })
  expect(field(byName('CategoryPage'), 'CategoryPage')).toEqual({
    Category: { categoryKey: '15' },
    Tags: { season: ['summer'] },
  })
  expect(field(byName('ProductImpressions'), 'ProductImpression')).toEqual({
    Products: [{ product_id: '430968', container_type: '1253' }],
  })
  expect(field(byName('SearchRequest'), 'SearchRequest')).toEqual({ search: 'green tea', isFound: 0 })
  const cart = field(byName('StatusCart'), 'StatusCart') as { GUID: string }
  expect(cart).toEqual({
    GUID: expect.stringMatching(guidPattern),
    Products: [{ productKey: '72354', price: 450, quantity: 2, price_currency_code: 'UAH' }],
  })
  // The purchase names no GUID: it joins the cart sent before it.
  expect(field(byName('PurchasedItems'), 'PurchasedItems')).toEqual({
    OrderNumber: '10045',
    GUID: cart.GUID,
    Products: [{ product_id: '72354', unit_price: '450.00', quantity: 2 }],
  })
}

test.describe('eS.JS compatibility', () => {
  test("should replay the vendor snippet's wrapped eS queue when esCompat is on", async ({ page, site, collector }) => {
    const pageErrors = watchPageErrors(page)
    await open(page, pageUrl(site, collector, { queue: 'wrapped' }))
    await expectQueuedStorefront(collector)
    expect(await page.evaluate(() => (window as unknown as EsJsWindow).trackerErrors)).toEqual([])
    expect(await page.evaluate(() => (window as unknown as EsJsWindow).eS.esTracker)).toBe(true)
    expect(pageErrors).toEqual([])
  })

  test('should replay a flat eS queue when an integration queued the arguments as they are', async ({
    page,
    site,
    collector,
  }) => {
    const pageErrors = watchPageErrors(page)
    await open(page, pageUrl(site, collector, { queue: 'flat' }))
    await expectQueuedStorefront(collector)
    expect(await page.evaluate(() => (window as unknown as EsJsWindow).trackerErrors)).toEqual([])
    expect(pageErrors).toEqual([])
  })

  test('should send each event alike whether its body comes in the eS.JS or the REST form', async ({
    page,
    site,
    collector,
  }) => {
    await open(page, pageUrl(site, collector))
    const pairs: Array<[string, unknown, unknown]> = [
      [
        'ProductPage',
        { ProductPage: { productKey: '72354', price: '754', isInStock: 1 } },
        { ProductPage: { Product: { productKey: '72354', price: '754', isInStock: '1' } } },
      ],
      [
        'AddToWishlist',
        { AddToWishlist: { productKey: '72354', price: '754', isInStock: true } },
        { AddToWishlist: { Product: { productKey: '72354', price: '754', isInStock: '1' } } },
      ],
      [
        'StatusCart',
        { StatusCart: [{ productKey: '1', price: '201.95', quantity: '1', discount: '180', currency: 'USD' }] },
        {
          StatusCart: {
            GUID: '6F9619FF-8B86-D011-B42D-00CF4FC964FF',
            Products: [{ productKey: '1', price: 201.95, discount: 180, quantity: 1, price_currency_code: 'USD' }],
          },
        },
      ],
      [
        'PurchasedItems',
        {
          OrderNumber: '7',
          GUID: 'd41d8cd98f00b204e9800998ecf8427e',
          PurchasedItems: [{ productKey: '1', price: '9.90', quantity: '3' }],
        },
        {
          PurchasedItems: {
            OrderNumber: '7',
            GUID: 'd41d8cd98f00b204e9800998ecf8427e',
            Products: [{ product_id: '1', unit_price: '9.90', quantity: 3 }],
          },
        },
      ],
      [
        'CategoryPage',
        { CategoryPage: { categoryKey: 'Babies' }, Tags: { a: ['1'] } },
        { CategoryPage: { Category: { categoryKey: 'Babies' }, Tags: { a: ['1'] } } },
      ],
      [
        'ProductImpression',
        { ProductImpression: [{ product_id: '430968', container_type: '1253' }] },
        { ProductImpression: { Products: [{ product_id: '430968', container_type: '1253' }] } },
      ],
      [
        'SearchRequest',
        { SearchRequest: { search: 'Coffe', isFound: '1' } },
        { SearchRequest: { search: 'Coffe', isFound: 1 } },
      ],
      ['CustomerData', { CustomerData: { user_name: 'Johny' } }, {}],
      [
        'CustomEvent',
        { CustomEvent: { EventName: 'signup', Tags: { plan: ['pro'] } } },
        { CustomEvent: { EventName: 'signup', Tags: { plan: ['pro'] } } },
      ],
    ]
    for (const [name, esJsBody, restBody] of pairs) {
      expect(await eS(page, 'sendEvent', name, esJsBody), name).toEqual({ ok: true })
      expect(await esTracker(page, 'sendEventWithTags', name, restBody), name).toEqual({ ok: true })
    }
    const events = await collector.waitForEvents(pairs.length * 2)
    expect(events).toHaveLength(pairs.length * 2)
    for (const [index, [name]] of pairs.entries()) {
      const [esJs, rest] = [events[index * 2], events[index * 2 + 1]]
      expect(esJs?.valid && rest?.valid, name).toBe(true)
      // A GUID the storefront gives is used as given, even where it is not the reference's form.
      expect(
        esJs?.notes.filter((note) => !note.includes('.GUID:')),
        name,
      ).toEqual([])
      expect(comparable(esJs), name).toEqual(comparable(rest))
    }
    // CustomerData's identity went into both of its events' GeneralInfo (and is remembered from then on).
    expect([field(events[14], 'GeneralInfo', 'user_name'), field(events[15], 'GeneralInfo', 'user_name')]).toEqual([
      'Johny',
      'Johny',
    ])
    expect(await page.evaluate(() => (window as unknown as EsJsWindow).trackerErrors)).toEqual([])
  })

  test('should make a GUID given in an eS.JS cart or purchase the last cart GUID, on later pages too', async ({
    page,
    site,
    collector,
  }) => {
    await open(page, pageUrl(site, collector))
    const line = { productKey: '1', price: '9.90', quantity: '1' }
    expect(await eS(page, 'sendEvent', 'StatusCart', { StatusCart: [line], GUID: 'cart-given-1' })).toEqual({
      ok: true,
    })
    expect(await esTracker(page, 'cartGuid')).toBe('cart-given-1')
    const purchase = { OrderNumber: '8', GUID: 'd41d8cd98f00b204e9800998ecf8427e', PurchasedItems: [line] }
    expect(await eS(page, 'sendEvent', 'PurchasedItems', purchase)).toEqual({ ok: true })
    expect(await esTracker(page, 'cartGuid')).toBe('d41d8cd98f00b204e9800998ecf8427e')
    // The next page's purchase without a GUID joins the one the last purchase gave.
    await open(page, pageUrl(site, collector))
    expect(await eS(page, 'sendEvent', 'PurchasedItems', { OrderNumber: '9', PurchasedItems: [line] })).toEqual({
      ok: true,
    })
    const events = await collector.waitForEvents(3)
    expect(events.map((event) => field(event, 'PurchasedItems', 'GUID') ?? field(event, 'StatusCart', 'GUID'))).toEqual(
      ['cart-given-1', 'd41d8cd98f00b204e9800998ecf8427e', 'd41d8cd98f00b204e9800998ecf8427e'],
    )
    expect(events.every((event) => event.valid)).toBe(true)
  })

  test('should send nothing for script-only events and say why in debug mode', async ({ page, site, collector }) => {
    const logs: string[] = []
    page.on('console', (message) => logs.push(message.text()))
    await open(page, pageUrl(site, collector, { options: { debug: true } }))
    for (const name of ['MainPage', 'NotFound', 'StatusCartPage', 'PageView']) {
      expect(await eS(page, 'sendEvent', name, {}), name).toEqual({ ok: false, code: 'unsupported' })
      expect(
        logs.some((line) => line.includes(`${name}: eS.JS-only event, nothing sent`)),
        name,
      ).toBe(true)
    }
    expect(await eS(page, 'sendEvent', 'CategoryPage', { CategoryPage: { categoryKey: 'after' } })).toEqual({
      ok: true,
    })
    await settle(500)
    expect((await collector.events()).map((event) => event.eventName)).toEqual(['CategoryPage'])
    expect(await page.evaluate(() => (window as unknown as EsJsWindow).trackerErrors)).toEqual([])
  })

  test('should carry identity from a GeneralInfo fragment or a PageView to later events and later pages', async ({
    page,
    site,
    collector,
  }) => {
    await open(page, pageUrl(site, collector))
    await eS(page, 'sendEvent', 'PageView', { PageView: { GeneralInfo: { externalCustomerId: 'PV-1' } } })
    await eS(
      page,
      'sendEvent',
      'SearchRequest',
      { SearchRequest: { search: 'x' } },
      { user_email: 'four@example.com', user_card_id: 'CARD-9' },
    )
    await open(page, pageUrl(site, collector))
    await eS(page, 'sendEvent', 'CategoryPage', { CategoryPage: { categoryKey: 'next page' } })
    const [search, category] = await collector.waitForEvents(2)
    expect(field(search, 'GeneralInfo', 'externalCustomerId')).toBe('PV-1')
    expect(field(search, 'GeneralInfo', 'user_email')).toBe('four@example.com')
    expect(field(search, 'GeneralInfo', 'user_card_id')).toBe('CARD-9')
    expect(field(category, 'GeneralInfo', 'externalCustomerId')).toBe('PV-1')
    expect(field(category, 'GeneralInfo', 'user_email')).toBe('four@example.com')
    expect(category?.valid && search?.valid).toBe(true)
  })

  test('should report a call it cannot make valid, send nothing and never throw', async ({ page, site, collector }) => {
    const pageErrors = watchPageErrors(page)
    await open(page, pageUrl(site, collector))
    const bad = await esTracker(page, 'sendEvent', 'StatusCart', {
      StatusCart: [{ productKey: '1', price: 'free', quantity: '1' }],
    })
    expect(bad).toMatchObject({ ok: false, code: 'invalid_event', paths: ['StatusCart.Products[0].price'] })
    expect(await eS(page, 'sendEvent', 'Checkout', {})).toEqual({ ok: false, code: 'invalid_event' })
    expect(await eS(page, 'sendEvent', 'ProductPage', 'not a body')).toEqual({ ok: false, code: 'invalid_event' })
    expect(await eS(page, 'getRecommendations', 1)).toBeUndefined()
    await settle(500)
    expect(await collector.events()).toEqual([])
    const errors = await page.evaluate(() => (window as unknown as EsJsWindow).trackerErrors)
    expect(errors.map((error) => error.code)).toEqual([
      'invalid_event',
      'invalid_event',
      'invalid_event',
      'unsupported',
    ])
    expect(errors[0]?.message).toContain('StatusCart.Products[0].price')
    expect(pageErrors).toEqual([])
  })

  test("should leave window.eS alone when the vendor's script is on the page", async ({ page, site, collector }) => {
    await open(page, pageUrl(site, collector, { queue: 'wrapped', vendor: true }), { vendor: true })
    const eSState = await page.evaluate(() => {
      const { eS } = window as unknown as EsJsWindow
      return { ours: eS.esTracker === true, queued: eS.q?.length }
    })
    expect(eSState).toEqual({ ours: false, queued: 13 })
    // esTracker itself still answers the vendor's commands.
    expect(await esTracker(page, 'sendEvent', 'SearchRequest', { SearchRequest: { search: 'x' } })).toEqual({
      ok: true,
    })
    await settle(500)
    expect((await collector.events()).map((event) => event.eventName)).toEqual(['SearchRequest'])
  })

  test('should queue eS(...) calls made right after init on a page without the vendor stub, then send each once, in order', async ({
    page,
    site,
    collector,
  }) => {
    const pageErrors = watchPageErrors(page)
    // One send at a time, so that the collector sees them in the order they were made.
    const params = new URLSearchParams({ endpoint: collector.endpoint, options: JSON.stringify({ concurrency: 1 }) })
    await page.goto(site.url(`/pages/esjs/no-stub.html?${params}`))
    // The page's calls ran before the add-on loaded; now it has taken window.eS over.
    expect(
      await page.evaluate(() => (window as unknown as { addonBeforeFirstCall: boolean }).addonBeforeFirstCall),
    ).toBe(false)
    await page.waitForFunction(() => (window as unknown as EsJsWindow).eS?.esTracker === true)
    expect(await eS(page, 'sendEvent', 'CategoryPage', { CategoryPage: { categoryKey: 'third' } })).toEqual({
      ok: true,
    })
    const events = await collector.waitForEvents(3)
    await settle(800)
    const all = await collector.events()
    expect(
      all.map(
        (event) => field(event, 'CategoryPage', 'Category', 'categoryKey') ?? field(event, 'SearchRequest', 'search'),
      ),
    ).toEqual(['first', 'second', 'third'])
    expect(events.every((event) => event.valid)).toBe(true)
    expect(await page.evaluate(() => (window as unknown as EsJsWindow).trackerErrors)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
