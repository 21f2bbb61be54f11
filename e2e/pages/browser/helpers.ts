// Helpers of the browser e2e specs (e2e/tests/browser*.spec.ts): open the tracker pages, call the
// tracker inside them, read what the collector received.
import type { BrowserContext, Page } from '@playwright/test'
import type { CollectedEvent, CollectorFixture, SiteFixture } from '../../fixtures'

/** What a page's `window` holds in these pages. */
export interface TrackerWindow {
  esTracker: ((...args: unknown[]) => unknown) & { loaded?: boolean }
  tracker: Record<string, (...args: unknown[]) => unknown>
  trackerErrors: Array<{ code: string; message: string }>
}

/** A SendResult as it crosses from the page to the test. */
export type PlainResult = { ok: true } | { ok: false; code: string; message: string; paths: string[] }

/** The URL of the script-tag page, talking to the collector, with extra init options. */
export function scriptTagUrl(
  site: SiteFixture,
  collector: CollectorFixture,
  query: { options?: Record<string, unknown>; queued?: boolean; siteId?: string } = {},
): string {
  const params = new URLSearchParams({ endpoint: collector.endpoint })
  if (query.options) params.set('options', JSON.stringify(query.options))
  if (query.queued) params.set('queued', '1')
  if (query.siteId) params.set('siteId', query.siteId)
  return site.url(`/pages/browser/script-tag.html?${params}`)
}

/** The URL of the ESM page. */
export function esmUrl(site: SiteFixture, collector: CollectorFixture, options?: Record<string, unknown>): string {
  const params = new URLSearchParams({ endpoint: collector.endpoint })
  if (options) params.set('options', JSON.stringify(options))
  return site.url(`/pages/browser/esm.html?${params}`)
}

/** Opens the script-tag page and waits until the script has taken over `window.esTracker`. */
export async function openScriptTag(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as TrackerWindow).esTracker?.loaded === true)
}

/** Runs `esTracker(...args)` in the page and answers its result in plain form (no wait when `wait` is false). */
export async function esTracker(page: Page, ...args: unknown[]): Promise<PlainResult | unknown> {
  return page.evaluate(async (callArgs) => {
    const result = (await (window as unknown as TrackerWindow).esTracker(...callArgs)) as
      | { ok: boolean; error?: { code: string; message: string; issues: Array<{ path: string }> } }
      | undefined
    if (!result || typeof result !== 'object' || !('ok' in result)) return result
    if (result.ok) return { ok: true }
    return {
      ok: false,
      code: result.error?.code,
      message: result.error?.message,
      paths: result.error?.issues.map((issue) => issue.path) ?? [],
    }
  }, args)
}

/** Calls `esTracker(...args)` in the page without waiting for delivery. */
export async function fireAndForget(page: Page, ...args: unknown[]): Promise<void> {
  await page.evaluate((callArgs) => {
    void (window as unknown as TrackerWindow).esTracker(...callArgs)
  }, args)
}

/** The `sc` cookie the browser holds for the site. */
export async function scCookie(context: BrowserContext, site: SiteFixture) {
  return (await context.cookies(site.origin)).find((cookie) => cookie.name === 'sc')
}

/** How many events the page's persisted queue holds (one localStorage key per event). */
export async function storedEvents(page: Page, siteId = '8A412DC'): Promise<number> {
  return page.evaluate(
    (prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)).length,
    `es-tracker:queue:${siteId}:`,
  )
}

/** A received payload's field, by path. */
export function field(event: CollectedEvent | undefined, ...path: string[]): unknown {
  let value: unknown = event?.payload
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key]
  return value
}

/** Waits `ms` so that a late duplicate would have arrived; used only after the expected events came. */
export function settle(ms = 1500): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Collects uncaught page errors, to assert that the tracker never threw into the page. */
export function watchPageErrors(page: Page): Error[] {
  const errors: Error[] = []
  page.on('pageerror', (error) => errors.push(error))
  return errors
}

/** The GUID of the cart form of PAYLOADS.md: 32 uppercase hex digits in 8-4-4-4-12 groups. */
export const guidPattern = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/
