// Hostile world, browser side: the collector fails a fifth of the requests at random (503s and
// connection resets, with latency; seeded) while 500 events are tracked over 20 page loads
// (navigation, reload, back/forward). Every event must arrive, and none twice.
import type { Page } from '@playwright/test'
import { type CollectedEvent, type CollectorFixture, expect, type SiteFixture, test } from '../fixtures'

const PAGES = 20
const PER_PAGE = 25

/** The unique id an event carries, wherever its kind keeps it. */
function idOf(event: CollectedEvent): string | undefined {
  const payload = event.payload as Record<string, Record<string, unknown>>
  switch (event.eventName) {
    case 'PurchasedItems':
      return payload.PurchasedItems?.OrderNumber as string
    case 'CustomEvent':
      return (payload.CustomEvent?.Tags as { id?: string[] } | undefined)?.id?.[0]
    case 'SearchRequest':
      return payload.SearchRequest?.search as string
    case 'CategoryPage':
      return (payload.CategoryPage?.Category as { categoryKey?: string } | undefined)?.categoryKey
    default:
      return undefined
  }
}

function pageUrl(site: SiteFixture, collector: CollectorFixture, n: number): string {
  // Retries generous enough that 0.2^attempts is negligible for 500 events.
  const options = { retry: { attempts: 12, baseDelayMs: 20, maxDelayMs: 200 }, timeout: 5_000 }
  const params = new URLSearchParams({ endpoint: collector.endpoint, options: JSON.stringify(options), p: String(n) })
  return site.url(`/pages/hostile/script-tag.html?${params}`)
}

async function trackerReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { esTracker?: { loaded?: boolean } }).esTracker?.loaded === true,
  )
}

/** Tracks this page's events (four kinds, each with its id) and answers the codes of those not delivered. */
async function trackPage(page: Page, n: number): Promise<string[]> {
  return page.evaluate(
    async ({ n, count }) => {
      const esTracker = (
        window as unknown as { esTracker(...args: unknown[]): Promise<{ ok: boolean; error?: { code: string } }> }
      ).esTracker
      const calls = []
      for (let j = 0; j < count; j++) {
        const id = `B-${n}-${j}`
        if (j % 4 === 0) calls.push(esTracker('customEvent', { name: 'fault_run', tags: { id } }))
        else if (j % 4 === 1) calls.push(esTracker('searchRequest', { search: id }))
        else if (j % 4 === 2) calls.push(esTracker('categoryPage', { categoryKey: id }))
        else
          calls.push(
            esTracker('purchasedItems', {
              orderNumber: id,
              oneClick: true,
              products: [{ productKey: 'SKU-1', price: 10, quantity: 1 }],
            }),
          )
      }
      const results = await Promise.all(calls)
      return results.filter((result) => !result.ok).map((result) => result.error?.code ?? '?')
    },
    { n, count: PER_PAGE },
  )
}

test.describe('browser tracker (hostile network)', () => {
  test.describe.configure({ timeout: 150_000 })

  test('should deliver 500 events over 20 page loads exactly once when a fifth of the requests fail at random', async ({
    page,
    site,
    collector,
  }) => {
    const pageErrors: Error[] = []
    page.on('pageerror', (error) => pageErrors.push(error))
    await collector.faults({ failRate: 0.2, latencyMs: 5, seed: 20_261_127 })

    const undelivered: string[] = []
    for (let n = 0; n < PAGES; n++) {
      // A new page load each time, reached four ways.
      if (n === 0 || n % 4 === 1) await page.goto(pageUrl(site, collector, n))
      else if (n % 4 === 2) await page.reload()
      else if (n % 4 === 3) {
        await page.evaluate((url) => location.assign(url), pageUrl(site, collector, n))
        await page.waitForURL(/p=\d+/)
      } else {
        await page.goBack()
      }
      await trackerReady(page)
      undelivered.push(...(await trackPage(page, n)))
    }
    await page.goto(pageUrl(site, collector, PAGES))
    await trackerReady(page)

    const received = await collector.waitForEvents(PAGES * PER_PAGE, {}, 30_000)
    const injected = await fetch(`${collector.url}/_faults`).then(
      (response) => response.json() as Promise<{ failed: number }>,
    )
    await collector.clearFaults()
    // A late duplicate (a replay of something already delivered) would show up by now.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const all = await collector.events()

    expect(undelivered).toEqual([])
    expect(pageErrors).toEqual([])
    expect(all).toHaveLength(received.length)
    const ids = all.map(idOf)
    const expected = Array.from({ length: PAGES * PER_PAGE }, (_, i) => `B-${Math.floor(i / PER_PAGE)}-${i % PER_PAGE}`)
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([])
    expect(new Set(ids)).toEqual(new Set(expected))
    expect(all.every((event) => event.valid)).toBe(true)
    expect(injected.failed).toBeGreaterThan(PAGES * PER_PAGE * 0.12)
  })
})
