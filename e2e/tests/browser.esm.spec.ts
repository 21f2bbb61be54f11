import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import {
  esmUrl,
  field,
  type PlainResult,
  settle,
  storedEvents,
  type TrackerWindow,
  watchPageErrors,
} from '../pages/browser/helpers'

/** Calls `tracker[method](...args)` on the ESM page's tracker and answers its result in plain form. */
async function call(page: Page, method: string, ...args: unknown[]): Promise<PlainResult | unknown> {
  return page.evaluate(
    async ([name, callArgs]) => {
      const result = (await (window as unknown as TrackerWindow).tracker[name as string]!(
        ...(callArgs as unknown[]),
      )) as { ok: boolean; error?: { code: string; message: string } } | undefined
      if (!result || typeof result !== 'object' || !('ok' in result)) return result
      return result.ok ? { ok: true } : { ok: false, code: result.error?.code, message: result.error?.message }
    },
    [method, args] as const,
  )
}

async function openEsm(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true')
}

test.describe('ESM build', () => {
  test('should track through createBrowserTracker imported from dist/index.js', async ({ page, site, collector }) => {
    const pageErrors = watchPageErrors(page)
    await openEsm(page, esmUrl(site, collector))
    await call(page, 'identify', { externalCustomerId: 'C-9', phone: '+380501113010' })
    expect(await call(page, 'productPage', { product: { productKey: 'P1', price: '19.90', isInStock: 1 } })).toEqual({
      ok: true,
    })
    expect(await call(page, 'statusCart', { products: [{ productKey: 'P1', price: 19.9, quantity: 2 }] })).toEqual({
      ok: true,
    })
    expect(await call(page, 'purchasedItems', { orderNumber: 'ESM-1' })).toEqual({ ok: true })
    expect(await call(page, 'flush')).toBeUndefined()
    const events = await collector.events()
    expect(events.map((event) => event.eventName)).toEqual(['ProductPage', 'StatusCart', 'PurchasedItems'])
    expect(events.every((event) => event.valid)).toBe(true)
    expect(field(events[2], 'PurchasedItems', 'GUID')).toBe(field(events[1], 'StatusCart', 'GUID'))
    expect(await call(page, 'cartGuid')).toBe(field(events[1], 'StatusCart', 'GUID'))
    expect(field(events[0], 'GeneralInfo', 'externalCustomerId')).toBe('C-9')
    expect(field(events[0], 'GeneralInfo', 'user_phone')).toBe('+380501113010')
    expect(pageErrors).toEqual([])
  })

  test('should hold events while consent is pending and send them once granted', async ({ page, site, collector }) => {
    await openEsm(page, esmUrl(site, collector, { consent: 'pending' }))
    await page.evaluate(() => {
      const { tracker } = window as unknown as TrackerWindow
      void tracker.categoryPage!({ categoryKey: 'held' })
    })
    await settle(500)
    expect(await collector.events()).toEqual([])
    expect(await storedEvents(page)).toBe(0)
    await call(page, 'setConsent', 'granted')
    const [event] = await collector.waitForEvents(1)
    expect(field(event, 'CategoryPage', 'Category')).toEqual({ categoryKey: 'held' })
  })

  test('should drop events with code consent once consent is denied', async ({ page, site, collector }) => {
    await openEsm(page, esmUrl(site, collector, { consent: 'pending' }))
    const pending = page.evaluate(async () => {
      const { tracker } = window as unknown as TrackerWindow
      const result = (await tracker.categoryPage!({ categoryKey: 'dropped' })) as {
        ok: boolean
        error?: { code: string }
      }
      return result.error?.code
    })
    await call(page, 'setConsent', 'denied')
    expect(await pending).toBe('consent')
    expect(await call(page, 'customEvent', { name: 'after denial' })).toMatchObject({ ok: false, code: 'consent' })
    await settle(300)
    expect(await collector.events()).toEqual([])
  })
})
