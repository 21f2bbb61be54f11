// The collector holds e-mails, phones and (masked) credentials: a page on another origin may post
// events to it, and nothing else. Checked from real pages in Chromium, DNS rebinding included.
import { startCollector } from '@es-tracker/collector'
import { chromium } from '@playwright/test'
import { expect, test } from '../fixtures'
import config from '../playwright.config'
import { categoryPagePayload, postEvent } from '../support/payloads'

test.describe('collector seen from a page on another origin', () => {
  test('should let the page post events but not read, clear or fault them', async ({ page, site, collector }) => {
    expect(await postEvent(collector.endpoint, categoryPagePayload('secret-category'))).toBe(204)
    await page.goto(site.url('/pages/browser/next.html'))
    const attempts = await page.evaluate(async (url) => {
      const outcome = async (request: Promise<Response>) => {
        try {
          const response = await request
          return response.type === 'opaque' ? 'opaque' : `${response.status} ${await response.text()}`
        } catch (error) {
          return `refused: ${(error as Error).name}`
        }
      }
      return {
        post: await outcome(
          fetch(`${url}/api/v2`, {
            method: 'POST',
            body: JSON.stringify({ GeneralInfo: { eventName: 'CustomerData' } }),
          }).then((response) => new Response(String(response.status))),
        ),
        read: await outcome(fetch(`${url}/events`)),
        readWithCredentials: await outcome(fetch(`${url}/events`, { credentials: 'include' })),
        stream: await outcome(fetch(`${url}/events/stream`)),
        faults: await outcome(fetch(`${url}/_faults`)),
        clear: await outcome(fetch(`${url}/events`, { method: 'DELETE' })),
        // Simple requests need no preflight: the collector itself must refuse them.
        setFaults: await outcome(
          fetch(`${url}/_faults`, { method: 'POST', mode: 'no-cors', body: '{"failNext":100}' }),
        ),
      }
    }, collector.url)
    // The page could post (the tracker's job) and read the answer's status (CORS on /api/v2).
    expect(attempts.post).toBe('200 400')
    for (const name of ['read', 'readWithCredentials', 'stream', 'faults', 'clear'] as const) {
      expect([name, attempts[name]]).toEqual([name, 'refused: TypeError'])
    }
    expect(attempts.setFaults).toBe('opaque')
    // Nothing cleared (the page's own post is there, refused as invalid), no faults set: the next post is accepted.
    expect((await collector.events()).map((event) => event.eventName)).toEqual(['CategoryPage', 'CustomerData'])
    expect(await postEvent(collector.endpoint, categoryPagePayload())).toBe(204)
  })

  test('should refuse to show the live page inside a frame of another site', async ({ page, site, collector }) => {
    await page.goto(site.url('/pages/browser/next.html'))
    const refused = page.waitForEvent('response', (response) => response.url() === `${collector.url}/`)
    await page.evaluate((url) => {
      const frame = document.createElement('iframe')
      frame.src = `${url}/`
      document.body.append(frame)
    }, collector.url)
    expect((await refused).status()).toBe(403)
  })

  test('should refuse a page whose own name was rebound to 127.0.0.1 (DNS rebinding)', async () => {
    const collector = await startCollector({ port: 0 })
    const { port } = new URL(collector.url)
    const browser = await chromium.launch({
      ...config.use?.launchOptions,
      args: [...(config.use?.launchOptions?.args ?? []), '--host-resolver-rules=MAP rebound.test 127.0.0.1'],
    })
    try {
      expect(await postEvent(collector.endpoint, categoryPagePayload('private'))).toBe(204)
      const page = await browser.newPage()
      // The attacker's page and the collector now share an origin: only the Host check stands between them.
      const answer = await page.goto(`http://rebound.test:${port}/`)
      expect(answer?.status()).toBe(403)
      const read = await page.evaluate(async () => {
        const response = await fetch('/events')
        return `${response.status} ${await response.text()}`
      })
      expect(read).toMatch(/^403 /)
      expect(read).not.toContain('private')
    } finally {
      await browser.close()
      await collector.close()
    }
  })
})
