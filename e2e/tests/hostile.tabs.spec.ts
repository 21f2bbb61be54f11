// Hostile world, browser side: three tabs of one site track events while some navigate away right
// after their calls and the browser goes offline (long enough for every retry to run out) and
// online again. The tabs share one persisted queue: every event must arrive exactly once.
import type { BrowserContext, Page } from '@playwright/test'
import { type CollectedEvent, type CollectorFixture, expect, type SiteFixture, test } from '../fixtures'

const ROUNDS = 3
const TABS = 3

function pageUrl(site: SiteFixture, collector: CollectorFixture, visit: string): string {
  // Few, quick retries: offline, every attempt runs out well within the offline spell.
  const options = { retry: { attempts: 3, baseDelayMs: 50, maxDelayMs: 200 } }
  const params = new URLSearchParams({ endpoint: collector.endpoint, options: JSON.stringify(options), visit })
  return site.url(`/pages/hostile/script-tag.html?${params}`)
}

async function trackerReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => (window as unknown as { esTracker?: { loaded?: boolean } }).esTracker?.loaded === true,
  )
}

/** Fires one customEvent per id without waiting, then navigates to `next` at once when given. */
async function fire(page: Page, ids: string[], next?: string): Promise<void> {
  await page.evaluate(
    ({ ids, next }) => {
      const { esTracker } = window as unknown as { esTracker(...args: unknown[]): Promise<unknown> }
      for (const id of ids) void esTracker('customEvent', { name: 'tab_run', tags: { id } })
      if (next) location.assign(next)
    },
    { ids, next },
  )
  if (next) {
    await page.waitForURL((url) => url.href === next)
    await trackerReady(page)
  }
}

/** The queue entries the tabs share in localStorage (one key per entry, under the queue's prefix). */
function storedEntries(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith('es-tracker:queue:HOSTILE1'))
      .map((key) => localStorage.getItem(key) ?? ''),
  )
}

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, j) => `${prefix}-${j}`)
const idOf = (event: CollectedEvent) =>
  ((event.payload as { CustomEvent?: { Tags?: { id?: string[] } } }).CustomEvent?.Tags?.id ?? [])[0]

async function openTabs(context: BrowserContext, page: Page, url: (visit: string) => string): Promise<Page[]> {
  const tabs = [page, ...(await Promise.all(Array.from({ length: TABS - 1 }, () => context.newPage())))]
  await Promise.all(tabs.map((tab, index) => tab.goto(url(`t${index}-start`))))
  await Promise.all(tabs.map(trackerReady))
  return tabs
}

test.describe('browser tracker (three tabs, offline and online)', () => {
  test.describe.configure({ timeout: 120_000 })

  test('should deliver every event exactly once when three tabs track while navigating and going offline and online', async ({
    page,
    context,
    site,
    collector,
  }) => {
    const url = (visit: string) => pageUrl(site, collector, visit)
    const pageErrors: Error[] = []
    context.on('page', (tab) => tab.on('pageerror', (error) => pageErrors.push(error)))
    page.on('pageerror', (error) => pageErrors.push(error))
    const tabs = await openTabs(context, page, url)
    const sent: string[] = []
    const track = async (tab: Page, prefix: string, count: number, next?: string) => {
      const list = ids(prefix, count)
      sent.push(...list)
      await fire(tab, list, next)
    }

    for (let round = 0; round < ROUNDS; round++) {
      // Online: two tabs leave right after their calls (the hand-off and the next page's replay).
      await Promise.all(
        tabs.map((tab, t) => track(tab, `r${round}-on-t${t}`, 10, t < 2 ? url(`r${round}-t${t}-a`) : undefined)),
      )
      // Offline: the calls fail until every attempt has run out; their entries must stay stored.
      await context.setOffline(true)
      await Promise.all(tabs.map((tab, t) => track(tab, `r${round}-off-t${t}`, 10)))
      await new Promise((resolve) => setTimeout(resolve, 1_000))
      // Online again, all tabs at once: the stored events go out; one tab reloads at once, another
      // tracks and leaves.
      await context.setOffline(false)
      await Promise.all(
        tabs.map((tab, t) =>
          t === 0
            ? tab.reload().then(() => trackerReady(tab))
            : track(tab, `r${round}-back-t${t}`, 5, t === 1 ? url(`r${round}-t${t}-b`) : undefined),
        ),
      )
    }

    const received = await collector.waitForEvents(sent.length, {}, 45_000).catch(async (error) => {
      // Say which events are missing and what the shared queue still holds, to find out why.
      const got = new Set((await collector.events()).map(idOf))
      const queue = JSON.stringify(await storedEntries(page))
      const missing = sent.filter((id) => !got.has(id))
      throw new Error(`${String(error)}\nmissing: ${missing.join(' ')}\nqueue: ${queue?.slice(0, 3000)}`)
    })
    // A late duplicate (a second tab replaying the same entry) would show up by now.
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    const all = await collector.events()
    const got = all.map(idOf)
    expect(got.filter((id, index) => got.indexOf(id) !== index)).toEqual([])
    expect(new Set(got)).toEqual(new Set(sent))
    expect(all).toHaveLength(received.length)
    expect(all.every((event) => event.valid)).toBe(true)
    expect(pageErrors).toEqual([])
    // Nothing is left behind in the shared queue.
    await expect.poll(async () => (await storedEntries(page)).length).toBe(0)
  })
})
