import { expect, test } from '../fixtures'
import {
  esTracker,
  field,
  fireAndForget,
  openScriptTag,
  scriptTagUrl,
  settle,
  storedEvents,
  type TrackerWindow,
  watchPageErrors,
} from '../pages/browser/helpers'

test.describe('browser delivery', () => {
  test('should deliver once when the page navigates away right after a call', async ({ page, site, collector }) => {
    await openScriptTag(page, scriptTagUrl(site, collector))
    await page.evaluate(() => {
      void (window as unknown as TrackerWindow).esTracker('customEvent', { name: 'leaving' })
      location.href = './next.html'
    })
    await page.waitForURL(/next\.html$/)
    const [event] = await collector.waitForEvents(1)
    expect(field(event, 'CustomEvent', 'EventName')).toBe('leaving')
    expect(event?.valid).toBe(true)
    await settle()
    expect(await collector.events()).toHaveLength(1)
  })

  test('should deliver once when the next page runs the tracker too', async ({ page, site, collector }) => {
    await openScriptTag(page, scriptTagUrl(site, collector))
    const url = scriptTagUrl(site, collector)
    await page.evaluate((next) => {
      const { esTracker } = window as unknown as TrackerWindow
      for (let index = 0; index < 5; index++) void esTracker('customEvent', { name: `leaving-${index}` })
      location.href = next
    }, url)
    await page.waitForFunction(() => (window as unknown as TrackerWindow).esTracker?.loaded === true)
    await collector.waitForEvents(5)
    await settle()
    const names = (await collector.events()).map((event) => field(event, 'CustomEvent', 'EventName'))
    expect(names.sort()).toEqual(['leaving-0', 'leaving-1', 'leaving-2', 'leaving-3', 'leaving-4'])
    await expect.poll(() => storedEvents(page)).toBe(0)
  })

  test('should retry through 503s and deliver exactly once', async ({ page, site, collector }) => {
    await collector.faults({ failNext: 2, status: 503 })
    await openScriptTag(page, scriptTagUrl(site, collector, { options: { retry: { baseDelayMs: 100 } } }))
    expect(await esTracker(page, 'categoryPage', { categoryKey: 'retried' })).toEqual({ ok: true })
    await settle(500)
    const events = await collector.events()
    expect(events.map((event) => field(event, 'CategoryPage', 'Category'))).toEqual([{ categoryKey: 'retried' }])
    expect(events[0]?.valid).toBe(true)
    await expect.poll(() => storedEvents(page)).toBe(0)
  })

  test('should give up on a 400 without retrying and drop the event from storage', async ({
    page,
    site,
    collector,
  }) => {
    await collector.faults({ failNext: 1, status: 400 })
    await openScriptTag(page, scriptTagUrl(site, collector))
    expect(await esTracker(page, 'categoryPage', { categoryKey: 'refused' })).toMatchObject({
      ok: false,
      code: 'http_error',
    })
    await settle(500)
    expect(await collector.events()).toEqual([])
    await expect.poll(() => storedEvents(page)).toBe(0)
  })

  test('should deliver exactly once after going offline and reloading', async ({ page, site, collector, context }) => {
    const url = scriptTagUrl(site, collector)
    await openScriptTag(page, url)
    await context.setOffline(true)
    await fireAndForget(page, 'customEvent', { name: 'offline' })
    await expect.poll(() => storedEvents(page)).toBe(1)
    // The reload fails while offline: the page that holds the event is gone, its event stays stored.
    await page.reload().catch(() => {})
    await context.setOffline(false)
    await openScriptTag(page, url)
    const [event] = await collector.waitForEvents(1)
    expect(field(event, 'CustomEvent', 'EventName')).toBe('offline')
    expect(event?.valid).toBe(true)
    await settle()
    expect(await collector.events()).toHaveLength(1)
    await expect.poll(() => storedEvents(page)).toBe(0)
  })

  test('should deliver once when the browser comes back online on the same page', async ({
    page,
    site,
    collector,
    context,
  }) => {
    await openScriptTag(page, scriptTagUrl(site, collector))
    await context.setOffline(true)
    await fireAndForget(page, 'customEvent', { name: 'back online' })
    await expect.poll(() => storedEvents(page)).toBe(1)
    await context.setOffline(false)
    await collector.waitForEvents(1)
    await settle()
    expect(await collector.events()).toHaveLength(1)
  })

  test('should let only one of two tabs replay a persisted queue', async ({ page, site, collector, context }) => {
    const url = scriptTagUrl(site, collector)
    await openScriptTag(page, url)
    await context.setOffline(true)
    for (let index = 0; index < 6; index++) await fireAndForget(page, 'customEvent', { name: `stored-${index}` })
    await expect.poll(() => storedEvents(page)).toBe(6)
    // Closing the tab while offline leaves six undelivered events behind for the others.
    await page.close()
    await context.setOffline(false)
    const [first, second] = await Promise.all([context.newPage(), context.newPage()])
    await Promise.all([openScriptTag(first!, url), openScriptTag(second!, url)])
    await collector.waitForEvents(6)
    await settle()
    const names = (await collector.events()).map((event) => field(event, 'CustomEvent', 'EventName'))
    expect(names.sort()).toEqual(['stored-0', 'stored-1', 'stored-2', 'stored-3', 'stored-4', 'stored-5'])
    await expect.poll(() => storedEvents(first!)).toBe(0)
  })

  test('should let an open tab deliver what a closed tab left behind', async ({ page, site, collector, context }) => {
    const url = scriptTagUrl(site, collector)
    const survivor = await context.newPage()
    await openScriptTag(survivor, url)
    await openScriptTag(page, url)
    await collector.faults({ failNext: 100, status: 503 })
    for (let index = 0; index < 3; index++) await fireAndForget(page, 'customEvent', { name: `left-${index}` })
    await expect.poll(() => storedEvents(page)).toBe(3)
    await collector.clearFaults()
    await page.close()
    await collector.waitForEvents(3)
    await settle()
    const names = (await collector.events()).map((event) => field(event, 'CustomEvent', 'EventName'))
    expect(names.sort()).toEqual(['left-0', 'left-1', 'left-2'])
  })

  for (const [name, breakStorage] of [
    [
      'disabled (every access throws)',
      () => {
        Object.defineProperty(window, 'localStorage', {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError')
          },
        })
      },
    ],
    [
      'full (every write throws)',
      () => {
        Storage.prototype.setItem = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        }
      },
    ],
  ] as const) {
    test(`should still deliver and join the cart when storage is ${name}`, async ({ page, site, collector }) => {
      await page.addInitScript(breakStorage)
      const pageErrors = watchPageErrors(page)
      await openScriptTag(page, scriptTagUrl(site, collector))
      expect(await esTracker(page, 'statusCart', { products: [{ productKey: '1', price: 10, quantity: 1 }] })).toEqual({
        ok: true,
      })
      expect(await esTracker(page, 'purchasedItems', { orderNumber: 'NO-STORAGE' })).toEqual({ ok: true })
      const events = await collector.events()
      expect(events.map((event) => event.eventName)).toEqual(['StatusCart', 'PurchasedItems'])
      expect(field(events[1], 'PurchasedItems', 'GUID')).toBe(field(events[0], 'StatusCart', 'GUID'))
      expect(events.every((event) => event.valid)).toBe(true)
      expect(pageErrors).toEqual([])
    })
  }
})
