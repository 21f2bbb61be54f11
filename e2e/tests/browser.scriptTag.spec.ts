import { expect, test } from '../fixtures'
import {
  esTracker,
  field,
  openScriptTag,
  scCookie,
  scriptTagUrl,
  settle,
  type TrackerWindow,
  watchPageErrors,
} from '../pages/browser/helpers'

const product = { product: { productKey: '72354', price: 754, currency: 'USD', isInStock: true } }

test.describe('script tag', () => {
  test('should replay the calls queued before it loaded, init and identify included', async ({
    page,
    site,
    collector,
    context,
  }) => {
    const pageErrors = watchPageErrors(page)
    await page.goto(scriptTagUrl(site, collector, { queued: true }))
    const events = await collector.waitForEvents(2)
    expect(events.map((event) => event.eventName)).toEqual(['ProductPage', 'CategoryPage'])
    expect(events.every((event) => event.valid)).toBe(true)
    const sc = (await scCookie(context, site))?.value
    for (const event of events) {
      expect(field(event, 'GeneralInfo', 'siteId')).toBe('8A412DC')
      expect(field(event, 'GeneralInfo', 'cookies')).toEqual({ sc })
      expect(field(event, 'GeneralInfo', 'user_email')).toBe('queued@example.com')
      expect(field(event, 'GeneralInfo', 's_location')).toBe(page.url())
      expect(field(event, 'GeneralInfo', 'screendim')).toEqual({ h: expect.any(Number), w: expect.any(Number) })
    }
    expect(field(events[0], 'ProductPage')).toEqual({
      Product: { productKey: '72354', price: '754 USD', isInStock: '1' },
    })
    expect(pageErrors).toEqual([])
  })

  test('should answer every tracker method as a command once loaded', async ({ page, site, collector }) => {
    await openScriptTag(page, scriptTagUrl(site, collector))
    expect(await esTracker(page, 'productPage', product)).toEqual({ ok: true })
    expect(await esTracker(page, 'addToWishlist', product)).toEqual({ ok: true })
    expect(
      await esTracker(page, 'productImpressions', { products: [{ productKey: '1', containerType: 'recs' }] }),
    ).toEqual({ ok: true })
    expect(await esTracker(page, 'searchRequest', { search: 'tea', isFound: true })).toEqual({ ok: true })
    expect(await esTracker(page, 'customEvent', { name: 'newsletter', tags: { source: 'footer' } })).toEqual({
      ok: true,
    })
    expect(
      await esTracker(page, 'send', 'CategoryPage', { CategoryPage: { Category: { categoryKey: 'Tea' } } }),
    ).toEqual({ ok: true })
    await esTracker(page, 'identify', { email: 'jane@example.com' })
    expect(await esTracker(page, 'customerData')).toEqual({ ok: true })
    expect(await esTracker(page, 'flush')).toBeUndefined()
    const events = await collector.events()
    expect(events.map((event) => event.eventName)).toEqual([
      'ProductPage',
      'AddToWishlist',
      'ProductImpressions',
      'SearchRequest',
      'CustomEvent',
      'CategoryPage',
      'CustomerData',
    ])
    expect(events.every((event) => event.valid)).toBe(true)
    expect(events.every((event) => event.contentType.startsWith('text/plain'))).toBe(true)
  })

  test('should use the sc cookie the site already has', async ({ page, site, collector, context }) => {
    await context.addCookies([{ name: 'sc', value: 'CDA68358-94FB-4D83-9655-3FEB3CGGG1', url: site.origin }])
    await openScriptTag(page, scriptTagUrl(site, collector))
    expect(await esTracker(page, 'categoryPage', { categoryKey: 'Tea' })).toEqual({ ok: true })
    const [event] = await collector.events()
    expect(field(event, 'GeneralInfo', 'cookies')).toEqual({ sc: 'CDA68358-94FB-4D83-9655-3FEB3CGGG1' })
    expect((await scCookie(context, site))?.value).toBe('CDA68358-94FB-4D83-9655-3FEB3CGGG1')
  })

  test('should create a first-party sc cookie for a year and keep it across pages', async ({
    page,
    site,
    collector,
    context,
  }) => {
    await openScriptTag(page, scriptTagUrl(site, collector))
    expect(await esTracker(page, 'categoryPage', { categoryKey: 'Tea' })).toEqual({ ok: true })
    const cookie = await scCookie(context, site)
    expect(cookie?.value).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/)
    expect(cookie?.sameSite).toBe('Lax')
    expect(cookie?.path).toBe('/')
    expect(cookie?.secure).toBe(false)
    const yearFromNow = Date.now() / 1000 + 365 * 24 * 3600
    expect(Math.abs((cookie?.expires ?? 0) - yearFromNow)).toBeLessThan(24 * 3600)
    await openScriptTag(page, scriptTagUrl(site, collector))
    expect(await esTracker(page, 'customEvent', { name: 'second page' })).toEqual({ ok: true })
    const events = await collector.events()
    expect(events.map((event) => field(event, 'GeneralInfo', 'cookies'))).toEqual([
      { sc: cookie?.value },
      { sc: cookie?.value },
    ])
  })

  test('should hold events until the site sets sc when createScCookie is false', async ({
    page,
    site,
    collector,
    context,
  }) => {
    await openScriptTag(page, scriptTagUrl(site, collector, { options: { createScCookie: false } }))
    await page.evaluate(() => {
      void (window as unknown as TrackerWindow).esTracker('customEvent', { name: 'waits for sc' })
    })
    await settle(1200)
    expect(await collector.events()).toEqual([])
    expect(await scCookie(context, site)).toBeUndefined()
    await page.evaluate(() => {
      // biome-ignore lint/suspicious/noDocumentCookie: the site setting its own visitor cookie is the point
      document.cookie = 'sc=SET-BY-THE-SITE; path=/'
    })
    const [event] = await collector.waitForEvents(1)
    expect(field(event, 'GeneralInfo', 'cookies')).toEqual({ sc: 'SET-BY-THE-SITE' })
  })

  test('should send nothing and raise no page error when given bad input', async ({ page, site, collector }) => {
    const pageErrors = watchPageErrors(page)
    await openScriptTag(page, scriptTagUrl(site, collector))
    const bad = await page.evaluate(async () => {
      const { esTracker } = window as unknown as TrackerWindow
      const cyclic: Record<string, unknown> = { productKey: '1', price: 1 }
      cyclic.self = cyclic
      const calls: unknown[] = [
        esTracker('statusCart', { products: [{ productKey: '1', price: 10, quantity: 'x' }] }),
        esTracker('productPage', null),
        esTracker('productPage', { product: cyclic }),
        esTracker('purchasedItems', { orderNumber: 'A-1', oneClick: true }),
        esTracker('customEvent', { name: 'x', tags: JSON.parse('{"__proto__":["polluted"]}') }),
        esTracker('send', 'NoSuchEvent', {}),
        esTracker('productUpdate', 'not an array'),
        esTracker('searchRequest', { search: Symbol('s') }),
        esTracker('notACommand', 1),
        esTracker(42),
        esTracker(),
        esTracker('identify', 'jane@example.com'),
        esTracker('setConsent', 'maybe'),
      ]
      const results = await Promise.all(calls)
      return results.map((result) => (result as { ok?: boolean } | undefined)?.ok)
    })
    expect(bad.filter((ok) => ok === true)).toEqual([])
    expect(await esTracker(page, 'categoryPage', { categoryKey: 'marker' })).toEqual({ ok: true })
    await settle(500)
    const events = await collector.events()
    expect(events.map((event) => field(event, 'CategoryPage', 'Category'))).toEqual([{ categoryKey: 'marker' }])
    expect(events.every((event) => event.valid)).toBe(true)
    const errors = await page.evaluate(() => (window as unknown as TrackerWindow).trackerErrors)
    expect(errors.map((error) => error.code)).toEqual(expect.arrayContaining(['invalid_event', 'unsupported']))
    expect(errors.find((error) => error.message.includes('StatusCart.Products[0].quantity'))).toBeTruthy()
    expect(pageErrors).toEqual([])
  })

  test('should stay inert and report a plain-http endpoint without throwing', async ({ page, site, collector }) => {
    const pageErrors = watchPageErrors(page)
    const consoleErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text())
    })
    await openScriptTag(page, scriptTagUrl(site, collector, { options: { endpoint: 'http://tracker.example/api/v2' } }))
    expect(await esTracker(page, 'categoryPage', { categoryKey: 'Tea' })).toMatchObject({
      ok: false,
      code: 'invalid_config',
    })
    const errors = await page.evaluate(() => (window as unknown as TrackerWindow).trackerErrors)
    expect(errors).toEqual([
      expect.objectContaining({ code: 'invalid_config', message: expect.stringContaining('https') }),
    ])
    expect(consoleErrors.join('\n')).toContain('invalid_config')
    await settle(300)
    expect(await collector.events()).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
