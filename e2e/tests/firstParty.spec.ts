// The first-party endpoint in a real browser: the shop's page and the endpoint on origin A (a static
// server that mounts createFirstPartyEndpoint at /t/api/v2), the tracker (the collector) on origin B.
import { fileURLToPath } from 'node:url'
import { createFirstPartyEndpoint } from '@es-tracker/node'
import type { Response } from '@playwright/test'
import { expect, test } from '../fixtures'
import { field, type TrackerWindow } from '../pages/browser/helpers'
import { type StaticServer, startStaticServer } from '../support/staticServer.mjs'

const e2eDir = fileURLToPath(new URL('../', import.meta.url))
const browserDist = fileURLToPath(new URL('../../packages/browser/dist/', import.meta.url))

let shop: StaticServer
test.beforeEach(async ({ collector }) => {
  const endpoint = createFirstPartyEndpoint({ endpoint: collector.endpoint })
  shop = await startStaticServer({
    mounts: [
      { prefix: '/', dir: e2eDir },
      { prefix: '/dist/', dir: browserDist },
    ],
    handlers: { '/t/api/v2': endpoint.node },
  })
})
test.afterEach(async () => {
  await shop.close()
})

/** The script-tag page on the shop's origin, sending to its own `/t/api/v2`. */
const shopPage = (options: Record<string, unknown> = {}) =>
  shop.url(
    `/pages/browser/script-tag.html?${new URLSearchParams({ endpoint: '/t/api/v2', options: JSON.stringify(options) })}`,
  )

/** Every answer of the shop's endpoint the page saw, in order. */
function endpointAnswers(page: import('@playwright/test').Page): Response[] {
  const answers: Response[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/t/api/v2') answers.push(response)
  })
  return answers
}

test.describe('first-party endpoint', () => {
  test('should deliver through the shop origin to the tracker and set sc from the server', async ({
    page,
    context,
    collector,
  }) => {
    const answers = endpointAnswers(page)
    await page.goto(shopPage())
    await page.waitForFunction(() => (window as unknown as TrackerWindow).esTracker?.loaded === true)
    await page.evaluate(() =>
      (window as unknown as TrackerWindow).esTracker('productPage', {
        product: { productKey: '72354', price: 754, currency: 'USD', isInStock: true },
      }),
    )
    const [event] = await collector.waitForEvents(1)
    expect(event).toMatchObject({ valid: true, eventName: 'ProductPage' })
    // The request went to the shop's own origin, never to the tracker's.
    expect(answers.map((answer) => [new URL(answer.url()).origin, answer.status()])).toEqual([[shop.origin, 204]])
    const sc = field(event, 'GeneralInfo', 'cookies', 'sc') as string
    const setCookie = await answers[0]!.headerValue('set-cookie')
    expect(setCookie).toContain(`sc=${sc}; Max-Age=31536000; Path=/; SameSite=Lax`)
    const cookies = await context.cookies(shop.origin)
    const renewed = cookies.find((cookie) => cookie.name === 'sc_renewed')
    expect(renewed).toMatchObject({ value: sc, httpOnly: true, sameSite: 'Lax' })
    const kept = cookies.find((cookie) => cookie.name === 'sc')
    expect(kept?.value).toBe(sc)
    expect(kept!.expires * 1000 - Date.now()).toBeGreaterThan(364 * 24 * 3600 * 1000)

    // The same day, the next event re-issues nothing.
    await page.evaluate(() => (window as unknown as TrackerWindow).esTracker('categoryPage', { categoryKey: 'Tea' }))
    await collector.waitForEvents(2)
    await expect.poll(() => answers.length).toBe(2)
    expect(await answers[1]!.headerValue('set-cookie')).toBeNull()
  })

  test('should answer 502 while the tracker is down, and the browser retries until it delivers', async ({
    page,
    collector,
  }) => {
    const answers = endpointAnswers(page)
    await page.goto(shopPage())
    await page.waitForFunction(() => (window as unknown as TrackerWindow).esTracker?.loaded === true)
    // The tracker drops the connection twice: the endpoint cannot reach it.
    await collector.faults({ failNext: 2, reset: true })
    const result = await page.evaluate(() =>
      (window as unknown as TrackerWindow).esTracker('categoryPage', { categoryKey: 'Retried' }),
    )
    expect(result).toEqual({ ok: true })
    expect(answers.map((answer) => answer.status())).toEqual([502, 502, 204])
    const events = await collector.waitForEvents(1)
    expect(events).toHaveLength(1)
    expect(field(events[0], 'CategoryPage', 'Category', 'categoryKey')).toBe('Retried')
  })

  test('should refuse an invalid event at the shop with the collector 400, forwarding nothing', async ({
    page,
    collector,
  }) => {
    await page.goto(shopPage())
    await page.waitForFunction(() => (window as unknown as TrackerWindow).esTracker?.loaded === true)
    const answer = await page.evaluate(async () => {
      const response = await fetch('/t/api/v2', { method: 'POST', body: '{"GeneralInfo":{"eventName":"ProductPage"}}' })
      return { status: response.status, body: await response.json() }
    })
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('invalid ProductPage')
    expect(await collector.events()).toEqual([])
  })
})
