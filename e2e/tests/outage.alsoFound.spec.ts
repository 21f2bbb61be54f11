// Issue 17's "also found" delivery bugs, each against the built script tag (or ES module) in Chromium
// and the collector on its own origin: a cart over 64 KiB tracked right before navigation, a 429's
// Retry-After read or floored, and a `navigator.locks` getter that throws.
import type { Page } from '@playwright/test'
import { type CollectorFixture, expect, type SiteFixture, test } from '../fixtures'
import { esmUrl, watchPageErrors } from '../pages/browser/helpers'

const siteId = 'ALSO1'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function pageUrl(site: SiteFixture, collector: CollectorFixture, visit: string, options: object = {}): string {
  const params = new URLSearchParams({ endpoint: collector.endpoint, siteId, visit, options: JSON.stringify(options) })
  return site.url(`/pages/hostile/script-tag.html?${params}`)
}

async function trackerReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { esTracker?: { loaded?: boolean } }).esTracker?.loaded === true,
  )
}

/** The times (ms) at which the collector received each attempt, failed ones included. */
async function attemptTimes(collector: CollectorFixture): Promise<number[]> {
  const all = await fetch(`${collector.url}/events?includeFailed=true`).then(
    (response) => response.json() as Promise<Array<{ receivedAt: number }>>,
  )
  return all.map((event) => event.receivedAt)
}

test.describe('browser tracker (issue 17, also found)', () => {
  test.describe.configure({ timeout: 90_000 })

  test('should deliver a cart over 64 KiB once when it is tracked right before navigating', async ({
    page,
    site,
    collector,
  }) => {
    await page.goto(pageUrl(site, collector, 'cart'))
    await trackerReady(page)
    const next = pageUrl(site, collector, 'after-cart')
    const bytes = await page.evaluate((next) => {
      const products = Array.from({ length: 400 }, (_, i) => ({
        productKey: `SKU-${i}-${'x'.repeat(160)}`,
        price: 10,
        quantity: 1,
      }))
      void (window as unknown as { esTracker(...args: unknown[]): unknown }).esTracker('statusCart', { products })
      // A task later its request has started (a plain fetch: past the 64 KiB keepalive budget).
      setTimeout(() => location.assign(next), 0)
      return JSON.stringify(products).length
    }, next)
    expect(bytes).toBeGreaterThan(80_000)
    await page.waitForURL((url) => url.href === next)
    await trackerReady(page)
    await collector.waitForEvents(1, { eventName: 'StatusCart' }, 30_000)
    // The next page would replay it by now if it had been left in storage.
    await sleep(5_000)
    expect(await collector.events({ eventName: 'StatusCart' })).toHaveLength(1)
  })

  test('should wait at least 5 s after a 429 whose Retry-After it cannot read', async ({ page, site, collector }) => {
    await page.goto(pageUrl(site, collector, 'floor'))
    await trackerReady(page)
    await collector.faults({ failNext: 2, status: 429 })
    await page.evaluate(() => {
      void (window as unknown as { esTracker(...args: unknown[]): unknown }).esTracker('customEvent', { name: 'calm' })
    })
    await collector.waitForEvents(1, {}, 40_000)
    const times = await attemptTimes(collector)
    expect(times).toHaveLength(3)
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(4_900)
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(4_900)
  })

  test("should honour a cross-origin 429's Retry-After, which the collector exposes", async ({
    page,
    site,
    collector,
  }) => {
    await page.goto(pageUrl(site, collector, 'retry-after'))
    await trackerReady(page)
    await collector.faults({ failNext: 1, status: 429, retryAfter: '2' })
    await page.evaluate(() => {
      void (window as unknown as { esTracker(...args: unknown[]): unknown }).esTracker('customEvent', { name: 'told' })
    })
    await collector.waitForEvents(1, {}, 30_000)
    const [first, second] = await attemptTimes(collector)
    // Read: 2 s, not the 5 s floor of an unreadable one, nor the half-second back-off.
    expect(second! - first!).toBeGreaterThanOrEqual(1_900)
    expect(second! - first!).toBeLessThan(4_500)
  })

  for (const build of ['script tag', 'ES module'] as const) {
    test(`should deliver with no Web Locks, throwing nothing, when the navigator.locks getter throws (${build})`, async ({
      page,
      site,
      collector,
    }) => {
      await page.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'locks', {
          configurable: true,
          get() {
            throw new Error('navigator.locks is broken')
          },
        })
      })
      const errors = watchPageErrors(page)
      if (build === 'script tag') {
        await page.goto(pageUrl(site, collector, 'locks'))
        await trackerReady(page)
        const result = await page.evaluate(() =>
          (window as unknown as { esTracker(...args: unknown[]): Promise<{ ok: boolean }> }).esTracker('customEvent', {
            name: 'locks',
          }),
        )
        expect(result.ok).toBe(true)
      } else {
        await page.goto(esmUrl(site, collector))
        await page.waitForFunction(() => (window as unknown as { tracker?: unknown }).tracker !== undefined)
        const result = await page.evaluate(() =>
          (
            window as unknown as { tracker: { customEvent(input: object): Promise<{ ok: boolean }> } }
          ).tracker.customEvent({ name: 'locks' }),
        )
        expect(result.ok).toBe(true)
      }
      expect(await collector.waitForEvents(1)).toHaveLength(1)
      expect(errors).toEqual([])
    })
  }
})
