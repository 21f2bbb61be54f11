// Consent from the page's own signals, in a real browser: Google Consent Mode v2 in the data layer
// and an IAB TCF v2 CMP (a stub with the real __tcfapi interface). Until the grant the tracker writes
// no cookie and no storage and sends nothing; every write the page makes is recorded from the start.
import type { Page } from '@playwright/test'
import { type CollectorFixture, expect, type SiteFixture, test } from '../fixtures'
import { esmUrl, esTracker, field, scriptTagUrl, settle, type TrackerWindow } from '../pages/browser/helpers'

/** Records every cookie and storage write of the page, installed before any of its scripts run. */
async function recordWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const writes: string[] = []
    Object.assign(window, { __writes: writes })
    const { setItem, removeItem, clear } = Storage.prototype
    Storage.prototype.setItem = function (key: string, value: string) {
      writes.push(`storage set ${key}`)
      return setItem.call(this, key, value)
    }
    Storage.prototype.removeItem = function (key: string) {
      writes.push(`storage remove ${key}`)
      return removeItem.call(this, key)
    }
    Storage.prototype.clear = function () {
      writes.push('storage clear')
      return clear.call(this)
    }
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!
    Object.defineProperty(document, 'cookie', {
      configurable: true,
      get: () => cookie.get!.call(document),
      set: (value: string) => {
        writes.push(`cookie ${value.split('=')[0]}`)
        cookie.set!.call(document, value)
      },
    })
  })
}

/** The page's writes so far. */
const writes = (page: Page) => page.evaluate(() => (window as unknown as { __writes: string[] }).__writes.slice())

/** Opens the script-tag page with `consent`, after `setup` (the CMP or data layer) ran, and makes three calls. */
async function openWithConsent(
  page: Page,
  site: SiteFixture,
  collector: CollectorFixture,
  consent: 'gcm' | 'tcf',
  setup: () => void,
): Promise<string[]> {
  const requests: string[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(collector.endpoint)) requests.push(request.url())
  })
  await recordWrites(page)
  await page.addInitScript(setup)
  await page.goto(scriptTagUrl(site, collector, { options: { consent } }))
  await page.waitForFunction(() => (window as unknown as TrackerWindow).esTracker?.loaded === true)
  await page.evaluate(() => {
    const { esTracker } = window as unknown as TrackerWindow
    void esTracker('identify', { email: 'ann@example.com' })
    void esTracker('productPage', { product: { productKey: 'P1', price: 10, currency: 'USD', isInStock: true } })
    void esTracker('statusCart', { products: [{ productKey: 'P1', price: 10, quantity: 1 }] })
  })
  return requests
}

/** Google's gtag snippet with a denied default, as CMPs set it before the visitor chose. */
function gcmDeniedByDefault(): void {
  const page = window as unknown as { dataLayer: unknown[]; gtag: (...args: unknown[]) => void }
  page.dataLayer = page.dataLayer || []
  page.gtag = function gtag() {
    // biome-ignore lint/complexity/noArguments: gtag pushes its arguments object.
    page.dataLayer.push(arguments)
  }
  page.gtag('consent', 'default', { analytics_storage: 'denied', ad_storage: 'denied', wait_for_update: 500 })
}

/** A TCF v2 CMP stub: `__tcfapi('addEventListener', 2, cb)`, showing its dialogue until `decideTcf(...)`. */
function tcfStub(): void {
  const listeners: Array<(data: unknown, success: boolean) => void> = []
  Object.assign(window, {
    __tcfapi(command: string, version: number, callback: (data: unknown, success: boolean) => void) {
      if (command !== 'addEventListener' || version !== 2) return
      listeners.push(callback)
      callback({ gdprApplies: true, eventStatus: 'cmpuishown', listenerId: listeners.length }, true)
    },
    decideTcf(consents: Record<number, boolean>) {
      const data = {
        gdprApplies: true,
        eventStatus: 'useractioncomplete',
        purpose: { consents, legitimateInterests: {} },
      }
      for (const listener of listeners) listener(data, true)
    },
  })
}

const gtagUpdate = (page: Page, analytics: 'granted' | 'denied') =>
  page.evaluate((value) => {
    ;(window as unknown as { gtag: (...args: unknown[]) => void }).gtag('consent', 'update', {
      analytics_storage: value,
    })
  }, analytics)

test.describe('consent from Google Consent Mode', () => {
  test('should write and send nothing before the grant, then send what waited', async ({
    page,
    site,
    collector,
    context,
  }) => {
    const requests = await openWithConsent(page, site, collector, 'gcm', gcmDeniedByDefault)
    // An ungated event goes out within a few ms here; give it ample time to show it does not.
    await settle(1000)
    expect(await writes(page)).toEqual([])
    expect(requests).toEqual([])
    expect(await collector.events()).toEqual([])
    expect(await context.cookies(site.origin)).toEqual([])
    await gtagUpdate(page, 'granted')
    const events = await collector.waitForEvents(2)
    expect(events.map((event) => event.eventName)).toEqual(['ProductPage', 'StatusCart'])
    expect(events[0]?.payload).toMatchObject({ GeneralInfo: { user_email: 'ann@example.com' } })
    expect((await context.cookies(site.origin)).map((cookie) => cookie.name)).toContain('sc')
    expect(await writes(page)).toContain('cookie sc')
  })

  test('should drop what waited and write nothing when the visitor denies', async ({
    page,
    site,
    collector,
    context,
  }) => {
    const requests = await openWithConsent(page, site, collector, 'gcm', gcmDeniedByDefault)
    await gtagUpdate(page, 'denied')
    await expect
      .poll(() => page.evaluate(() => (window as unknown as TrackerWindow).trackerErrors.map((error) => error.code)))
      .toEqual(['consent', 'consent'])
    expect(await writes(page)).toEqual([])
    expect(requests).toEqual([])
    expect(await context.cookies(site.origin)).toEqual([])
    expect(await collector.events()).toEqual([])
  })

  test('should send at once when the grant was in the data layer before the tracker loaded', async ({
    page,
    site,
    collector,
  }) => {
    await openWithConsent(page, site, collector, 'gcm', () => {
      const page = window as unknown as { dataLayer: unknown[] }
      page.dataLayer = [['consent', 'default', { analytics_storage: 'denied' }]]
      page.dataLayer.push(['consent', 'update', { analytics_storage: 'granted' }])
    })
    expect((await collector.waitForEvents(2)).map((event) => event.eventName)).toEqual(['ProductPage', 'StatusCart'])
  })
})

test.describe('consent from Google Consent Mode in the ES module', () => {
  test('should hold the events and writes until the update grants, without an add-on', async ({
    page,
    site,
    collector,
  }) => {
    await recordWrites(page)
    await page.addInitScript(gcmDeniedByDefault)
    const addons: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('es-tracker.consentSignals')) addons.push(request.url())
    })
    await page.goto(esmUrl(site, collector, { consent: 'gcm' }))
    await page.waitForFunction(() => (window as unknown as TrackerWindow).tracker !== undefined)
    await page.evaluate(() => {
      const { tracker } = window as unknown as TrackerWindow
      void tracker.identify?.({ email: 'esm@example.com' })
      void tracker.categoryPage?.({ categoryKey: 'Tea' })
    })
    await settle(1000)
    expect(await writes(page)).toEqual([])
    expect(await collector.events()).toEqual([])
    await gtagUpdate(page, 'granted')
    const [event] = await collector.waitForEvents(1)
    expect(event?.payload).toMatchObject({ GeneralInfo: { user_email: 'esm@example.com' } })
    expect(addons).toEqual([])
  })
})

test.describe('consent from an IAB TCF v2 CMP', () => {
  test('should wait while the CMP dialogue shows, then send on purposes 1 and 8', async ({
    page,
    site,
    collector,
    context,
  }) => {
    const requests = await openWithConsent(page, site, collector, 'tcf', tcfStub)
    await settle(1000)
    expect(await writes(page)).toEqual([])
    expect(requests).toEqual([])
    expect(await context.cookies(site.origin)).toEqual([])
    await page.evaluate(() => (window as unknown as { decideTcf: (c: object) => void }).decideTcf({ 1: true, 8: true }))
    expect((await collector.waitForEvents(2)).map((event) => event.eventName)).toEqual(['ProductPage', 'StatusCart'])
    expect((await context.cookies(site.origin)).map((cookie) => cookie.name)).toContain('sc')
  })

  test('should drop everything and write nothing when purpose 1 is refused', async ({
    page,
    site,
    collector,
    context,
  }) => {
    const requests = await openWithConsent(page, site, collector, 'tcf', tcfStub)
    await page.evaluate(() => (window as unknown as { decideTcf: (c: object) => void }).decideTcf({ 8: true }))
    await expect
      .poll(() => page.evaluate(() => (window as unknown as TrackerWindow).trackerErrors.map((error) => error.code)))
      .toEqual(['consent', 'consent'])
    expect(await writes(page)).toEqual([])
    expect(requests).toEqual([])
    expect(await context.cookies(site.origin)).toEqual([])
  })
})

test.describe('consent and the GA4 dataLayer bridge (script tag)', () => {
  const item = (id: string) => ({ item_id: id, item_name: `Tea ${id}`, price: '10.00', quantity: 1 })
  const purchase = { event: 'purchase', ecommerce: { currency: 'USD', transaction_id: 'T-100', items: [item('A')] } }

  /** Opens the script tag with `consent: 'pending'` and `dataLayer: true`, and waits until the bridge reads the data layer. */
  async function openPending(page: Page, site: SiteFixture, collector: CollectorFixture): Promise<void> {
    await page.goto(scriptTagUrl(site, collector, { options: { consent: 'pending', dataLayer: true } }))
    await page.waitForFunction(
      () =>
        (window as unknown as { dataLayer?: Record<symbol, unknown> }).dataLayer?.[
          Symbol.for('es-tracker.dataLayer')
        ] === true,
    )
  }

  /** Pushes GA4 events as the page's own code would. */
  const push = (page: Page, ...entries: unknown[]) =>
    page.evaluate((list) => {
      for (const entry of list) (window as unknown as { dataLayer: unknown[] }).dataLayer.push(entry)
    }, entries)

  test("should keep the cart mirror and the orders sent out of storage until setConsent('granted'), then send", async ({
    page,
    site,
    collector,
    context,
  }) => {
    await recordWrites(page)
    await openPending(page, site, collector)
    await push(
      page,
      { event: 'view_item', ecommerce: { currency: 'USD', items: [item('A')] } },
      { event: 'add_to_cart', ecommerce: { currency: 'USD', items: [item('A')] } },
      { event: 'add_to_cart', ecommerce: { currency: 'USD', items: [item('B')] } },
      purchase,
    )
    // An ungated write happens at the push; give ample time to show none does.
    await settle(1000)
    expect(await writes(page)).toEqual([])
    expect(await context.cookies(site.origin)).toEqual([])
    expect(await collector.events()).toEqual([])

    await esTracker(page, 'setConsent', 'granted')
    const events = await collector.waitForEvents(4)
    // Two sends at a time: the collector may see them in another order than made.
    const named = (name: string) => events.filter((event) => event.eventName === name)
    expect(events.map((event) => event.eventName).sort()).toEqual([
      'ProductPage',
      'PurchasedItems',
      'StatusCart',
      'StatusCart',
    ])
    expect(events.every((event) => event.valid)).toBe(true)
    // The purchase joins the whole cart's GUID, the cart the mirror built from both pushes.
    const wholeCart = named('StatusCart').find(
      (event) => (field(event, 'StatusCart', 'Products') as unknown[]).length === 2,
    )
    expect(field(named('PurchasedItems')[0], 'PurchasedItems', 'OrderNumber')).toBe('T-100')
    expect(field(named('PurchasedItems')[0], 'PurchasedItems', 'GUID')).toBe(field(wholeCart, 'StatusCart', 'GUID'))
    // Written once granted: what the bridge held for this page.
    await expect
      .poll(() => writes(page))
      .toEqual(
        expect.arrayContaining(['storage set es-tracker:dataLayer:cart', 'storage set es-tracker:dataLayer:orders']),
      )
    expect(await page.evaluate(() => localStorage.getItem('es-tracker:dataLayer:orders'))).toBe('["T-100"]')

    // The thank-you page again (a reload, consent pending anew, then granted): no second purchase.
    await openPending(page, site, collector)
    await push(page, purchase, { event: 'add_to_cart', ecommerce: { currency: 'USD', items: [item('C')] } })
    await esTracker(page, 'setConsent', 'granted')
    await collector.waitForEvents(5)
    await esTracker(page, 'flush')
    await settle(500)
    const names = (await collector.events()).map((event) => event.eventName)
    expect(names.filter((name) => name === 'PurchasedItems')).toHaveLength(1)
    expect(names).toHaveLength(5)
    expect(await page.evaluate(() => (window as unknown as TrackerWindow).trackerErrors)).toEqual([])
  })
})
