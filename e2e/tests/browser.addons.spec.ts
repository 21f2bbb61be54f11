// The script tag's add-on loader in a real browser: an add-on is fetched only when the page uses it,
// from the script tag's own directory, pinned by the Subresource Integrity hash built into the base;
// calls made while it loads wait in order; a failed or tampered add-on is reported and the calls
// that needed it resolve with the error, never hang.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import {
  esTracker,
  fireAndForget,
  openScriptTag,
  scriptTagUrl,
  settle,
  type TrackerWindow,
  watchPageErrors,
} from '../pages/browser/helpers'

const addonPath = fileURLToPath(new URL('../../packages/browser/dist/es-tracker.esCompat.min.js', import.meta.url))
const addonIntegrity = () => `sha256-${createHash('sha256').update(readFileSync(addonPath)).digest('base64')}`
const esJsCategory = ['sendEvent', 'CategoryPage', { CategoryPage: { categoryKey: 'Tea' } }]

test.describe('script tag add-ons', () => {
  test('should not fetch an add-on the page does not use', async ({ page, site, collector }) => {
    const fetched: string[] = []
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname))
    await openScriptTag(page, scriptTagUrl(site, collector))
    expect(await esTracker(page, 'categoryPage', { categoryKey: 'Tea' })).toEqual({ ok: true })
    expect(fetched.filter((path) => path.startsWith('/dist/'))).toEqual(['/dist/es-tracker.min.js'])
  })

  test('should load the add-on beside the script tag, pinned by its hash, and keep later calls in order', async ({
    page,
    site,
    collector,
  }) => {
    const pageErrors = watchPageErrors(page)
    // One request at a time, so that the collector sees the events in the order they were queued.
    await openScriptTag(page, scriptTagUrl(site, collector, { options: { concurrency: 1 } }))
    // Three calls in one task: the eS.JS one needs the add-on, the others wait behind it.
    const results = await page.evaluate(async (esJsCall) => {
      const { esTracker } = window as unknown as TrackerWindow
      const calls = [
        esTracker('productPage', { product: { productKey: '1', price: 1, currency: 'USD', isInStock: true } }),
        esTracker(...esJsCall),
        esTracker('searchRequest', { search: 'after' }),
      ]
      return (await Promise.all(calls)).map((result) => (result as { ok: boolean }).ok)
    }, esJsCategory)
    expect(results).toEqual([true, true, true])
    const events = await collector.waitForEvents(3)
    expect(events.map((event) => event.eventName)).toEqual(['ProductPage', 'CategoryPage', 'SearchRequest'])
    const inserted = await page.evaluate(() =>
      Array.from(document.querySelectorAll('script[src*="esCompat"]'), (script) => ({
        src: (script as HTMLScriptElement).src,
        integrity: script.getAttribute('integrity'),
        crossorigin: script.getAttribute('crossorigin'),
      })),
    )
    expect(inserted).toEqual([
      { src: site.url('/dist/es-tracker.esCompat.min.js'), integrity: addonIntegrity(), crossorigin: 'anonymous' },
    ])
    expect(pageErrors).toEqual([])
  })

  test('should report a tampered add-on and resolve the calls that needed it with the error', async ({
    page,
    site,
    collector,
  }) => {
    const pageErrors = watchPageErrors(page)
    // The same add-on with one byte more: the browser refuses to run it (integrity mismatch).
    await page.route('**/dist/es-tracker.esCompat.min.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: `${readFileSync(addonPath, 'utf8')};` }),
    )
    await openScriptTag(page, scriptTagUrl(site, collector))
    const [first, second] = await Promise.all([
      esTracker(page, ...esJsCategory),
      esTracker(page, 'sendEventWithTags', 'SearchRequest', { SearchRequest: { search: 'x' } }),
    ])
    for (const result of [first, second]) {
      expect(result).toMatchObject({ ok: false, code: 'network_error' })
      expect((result as { message: string }).message).toContain('esCompat add-on')
      expect((result as { message: string }).message).toContain('integrity')
    }
    // What did not need the add-on still goes, and the page saw no error.
    expect(await esTracker(page, 'categoryPage', { categoryKey: 'Tea' })).toEqual({ ok: true })
    expect(await page.evaluate(() => Object.keys(window.esTrackerAddons ?? {}))).toEqual([])
    await settle(300)
    expect((await collector.events()).map((event) => event.eventName)).toEqual(['CategoryPage'])
    const errors = await page.evaluate(() => (window as unknown as TrackerWindow).trackerErrors)
    expect(errors.map((error) => error.code)).toEqual(['network_error', 'network_error'])
    expect(pageErrors).toEqual([])
  })

  test('should resolve the waiting calls with an error when the add-on cannot be fetched', async ({
    page,
    site,
    collector,
  }) => {
    await page.route('**/dist/es-tracker.esCompat.min.js', (route) => route.fulfill({ status: 404, body: 'gone' }))
    await openScriptTag(page, scriptTagUrl(site, collector, { options: { esCompat: true } }))
    await fireAndForget(page, 'productPage', {
      product: { productKey: '1', price: 1, currency: 'USD', isInStock: true },
    })
    const result = await esTracker(page, ...esJsCategory)
    expect(result).toMatchObject({ ok: false, code: 'network_error' })
    expect((result as { message: string }).message).toContain(site.url('/dist/es-tracker.esCompat.min.js'))
    expect(await esTracker(page, 'searchRequest', { search: 'after' })).toEqual({ ok: true })
    const events = await collector.waitForEvents(2)
    expect(events.map((event) => event.eventName)).toEqual(['ProductPage', 'SearchRequest'])
  })
})

const debugAddonPath = fileURLToPath(new URL('../../packages/browser/dist/es-tracker.debug.min.js', import.meta.url))
const debugIntegrity = () => `sha256-${createHash('sha256').update(readFileSync(debugAddonPath)).digest('base64')}`
const product = { product: { productKey: '1', price: 1, currency: 'USD', isInStock: true } }

/** The page's console lines in the order written, each its arguments as JSON once read (the objects logged included). */
function watchConsole(page: Page): string[] {
  const lines: string[] = []
  page.on('console', (message) => {
    const index = lines.push(message.text()) - 1
    void Promise.all(message.args().map((argument) => argument.jsonValue())).then(
      (values) => {
        lines[index] = values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(' ')
      },
      () => {},
    )
  })
  return lines
}

test.describe('the debug add-on', () => {
  test('should not be fetched without debug: true', async ({ page, site, collector }) => {
    const fetched: string[] = []
    page.on('request', (request) => fetched.push(new URL(request.url()).pathname))
    await openScriptTag(page, scriptTagUrl(site, collector, { options: { debug: false } }))
    expect(await esTracker(page, 'productPage', product)).toEqual({ ok: true })
    expect(fetched.filter((path) => path.includes('debug'))).toEqual([])
  })

  test('should load pinned by its hash with debug: true, and log masked lines in call order without holding events', async ({
    page,
    site,
    collector,
  }) => {
    const pageErrors = watchPageErrors(page)
    const logs = watchConsole(page)
    // The lines' arguments in full: a line's text shows a nested object only as "Object".
    const argumentTexts: Promise<string>[] = []
    page.on('console', (message) => {
      const values = message.args().map((argument) => argument.jsonValue().catch(() => null))
      argumentTexts.push(Promise.all(values).then((list) => JSON.stringify(list)))
    })
    // The add-on answers slowly: the events must not wait for it.
    let releaseAddon: () => void = () => {}
    const addonHeld = new Promise<void>((resolve) => {
      releaseAddon = resolve
    })
    await page.route('**/dist/es-tracker.debug.min.js', async (route) => {
      await addonHeld
      await route.continue()
    })
    // The held add-on holds the page's load event too: wait for the script tag only.
    await page.goto(scriptTagUrl(site, collector, { options: { debug: true, concurrency: 1 } }), {
      waitUntil: 'domcontentloaded',
    })
    await page.waitForFunction(() => (window as unknown as TrackerWindow).esTracker?.loaded === true)
    await page.evaluate((input) => {
      const { esTracker } = window as unknown as TrackerWindow
      void esTracker('identify', { email: 'jane@example.com' })
      void esTracker('productPage', input)
      void esTracker('searchRequest', { search: 'tea' })
    }, product)
    // Delivered while the add-on is still on its way.
    const events = await collector.waitForEvents(2)
    expect(events.map((event) => event.eventName)).toEqual(['ProductPage', 'SearchRequest'])
    expect(logs.filter((line) => line.startsWith('[es-tracker]'))).toEqual([])
    releaseAddon()
    await expect.poll(() => logs.filter((line) => line.includes('delivered')).length, { timeout: 15_000 }).toBe(2)
    const lines = logs.filter((line) => line.startsWith('[es-tracker]'))
    // In call order: each call, then its payload, then its result.
    const order = lines.map((line) => line.split(' ')[1])
    expect(order.slice(0, 3)).toEqual(['identify(...)', 'productPage(...)', 'searchRequest(...)'])
    const logged = [...lines, ...(await Promise.all(argumentTexts))].join('\n')
    expect(logged).toContain('j***@example.com')
    expect(logged).not.toContain('jane@')
    const inserted = await page.evaluate(() =>
      Array.from(document.querySelectorAll('script[src*="es-tracker.debug"]'), (script) => ({
        src: (script as HTMLScriptElement).src,
        integrity: script.getAttribute('integrity'),
        crossorigin: script.getAttribute('crossorigin'),
      })),
    )
    expect(inserted).toEqual([
      { src: site.url('/dist/es-tracker.debug.min.js'), integrity: debugIntegrity(), crossorigin: 'anonymous' },
    ])
    expect(pageErrors).toEqual([])
  })

  test('should report a debug add-on that does not load and lose no event', async ({ page, site, collector }) => {
    const pageErrors = watchPageErrors(page)
    const logs = watchConsole(page)
    // Tampered: the browser refuses to run it (integrity mismatch).
    await page.route('**/dist/es-tracker.debug.min.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: `${readFileSync(debugAddonPath, 'utf8')};` }),
    )
    await openScriptTag(page, scriptTagUrl(site, collector, { options: { debug: true } }))
    expect(await esTracker(page, 'identify', { email: 'jane@example.com' })).toBeUndefined()
    expect(await esTracker(page, 'productPage', product)).toEqual({ ok: true })
    expect(await esTracker(page, 'searchRequest', { search: 'tea' })).toEqual({ ok: true })
    expect((await collector.waitForEvents(2)).map((event) => event.eventName)).toEqual(['ProductPage', 'SearchRequest'])
    await expect
      .poll(() => page.evaluate(() => (window as unknown as TrackerWindow).trackerErrors.map((error) => error.code)))
      .toEqual(['network_error'])
    const errors = await page.evaluate(() => (window as unknown as TrackerWindow).trackerErrors)
    expect(errors[0]?.message).toContain('debug add-on')
    // Said on the console too; the lines that waited are dropped, never written unmasked.
    const lines = logs.filter((line) => line.startsWith('[es-tracker]'))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain('network_error')
    expect(logs.join('\n')).not.toContain('jane@')
    expect(pageErrors).toEqual([])
  })
})

declare global {
  interface Window {
    esTrackerAddons?: Record<string, unknown>
  }
}
