// Hostile world, browser side: personal data in debug output, prototype-polluting keys, endpoints
// that are not https, eval in the bundle, a strict Content-Security-Policy on the demo storefront,
// and the bundle pinned by Subresource Integrity.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ConsoleMessage, Page } from '@playwright/test'
import { type CollectorFixture, expect, type SiteFixture, test } from '../fixtures'

const bundlePath = fileURLToPath(new URL('../../packages/browser/dist/es-tracker.min.js', import.meta.url))
const esmPaths = [
  '../../packages/browser/dist/index.js',
  '../../packages/core/dist/index.js',
  '../../packages/core/dist/internal.js',
].map((path) => fileURLToPath(new URL(path, import.meta.url)))
const e2eDir = fileURLToPath(new URL('../', import.meta.url))
const demoDir = fileURLToPath(new URL('../demo/', import.meta.url))
const sriPage = fileURLToPath(new URL('../pages/hostile/sri.html', import.meta.url))

const sha384 = (text: string | Buffer) => `sha384-${createHash('sha384').update(text).digest('base64')}`

/** The CSP hashes of every inline script (`<script>` without attributes) in these HTML texts. */
function inlineScriptHashes(...html: string[]): string[] {
  const hashes = html.flatMap((text) => [...text.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => sha384(m[1]!)))
  return [...new Set(hashes)].map((hash) => `'${hash}'`)
}

/** Every console message's text and arguments, as the page printed them. */
function recordConsole(page: Page): string[] {
  const lines: string[] = []
  page.on('console', async (message: ConsoleMessage) => {
    const args = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '?')))
    lines.push(`${message.type()}: ${message.text()} ${JSON.stringify(args)}`)
  })
  return lines
}

/** Collects CSP violations on every page load (reported through a binding the page cannot block). */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeBinding('__cspViolation', (_source, text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __cspViolation(text: string): void }).__cspViolation
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      )
    })
  })
  return violations
}

function esmUrl(site: SiteFixture, collector: CollectorFixture, options: object = {}): string {
  const params = new URLSearchParams({ endpoint: collector.endpoint, options: JSON.stringify(options) })
  return site.url(`/pages/hostile/esm.html?${params}`)
}

async function openEsm(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.waitForFunction(() => document.body.dataset.ready === 'true')
}

const EMAIL = 'jane.doe@example.com'
const PHONE_DIGITS = '380501113010'
/** What must never be printed whole: the e-mail, its local part with its domain, the phone in its forms. */
const forbidden = [EMAIL, PHONE_DIGITS, '+380 50 111 3010', '+380501113010', '50 111 3010', '501113010']

test.describe('browser tracker (hostile security)', () => {
  test('should never print a full e-mail or phone in debug output', async ({ page, site, collector }) => {
    const lines = recordConsole(page)
    await openEsm(page, esmUrl(site, collector, { debug: true }))
    await page.evaluate(
      async ({ email, phone }) => {
        type Tracker = Record<
          'identify' | 'customerData' | 'productPage' | 'customEvent' | 'send',
          (...args: unknown[]) => unknown
        >
        const tracker = (window as unknown as { tracker: Tracker }).tracker
        tracker.identify({ email, phone: '+380 50 111 3010', name: 'Jane Doe' })
        await Promise.all([
          tracker.customerData(),
          tracker.productPage({ product: { productKey: 'SKU-1', price: 10, currency: 'USD', isInStock: true } }),
          // Personal data where it does not belong: in tags, in a raw GeneralInfo, in refused fields.
          tracker.customEvent({ name: 'contact', tags: { contact: email, callback: ['+380 50 111 3010'] } }),
          tracker.send('CustomerData', { GeneralInfo: { user_email: email, user_phone: phone } }),
          tracker.productPage({ product: { productKey: email, price: `call ${phone}` } }),
        ])
        tracker.identify({ email: `+${phone}`, phone: email })
        await tracker.customerData()
        tracker.identify({ email: `${email} `, phone: `tel:${phone}` })
        await tracker.customerData()
      },
      { email: EMAIL, phone: PHONE_DIGITS },
    )
    await collector.waitForEvents(4)
    // Let the last results be logged.
    await page.waitForTimeout(300)
    expect(lines.length).toBeGreaterThan(10)
    const leaks = lines.filter((line) => forbidden.some((value) => line.includes(value)))
    expect(leaks).toEqual([])
    // The masked forms are there: debug output still says whose data it was.
    expect(lines.some((line) => line.includes('j***@example.com'))).toBe(true)
    expect(lines.some((line) => line.includes('***3010'))).toBe(true)
  })

  for (const key of ['__proto__', 'constructor', 'prototype']) {
    test(`should refuse ${key} as a tag key wherever a page supplies keys, and send nothing`, async ({
      page,
      site,
      collector,
    }) => {
      await openEsm(page, esmUrl(site, collector))
      const results = await page.evaluate(async (key) => {
        type Method = 'customEvent' | 'categoryPage' | 'productPage' | 'statusCart' | 'productUpdate' | 'send'
        type Tracker = Record<Method, (...args: unknown[]) => Promise<{ ok: boolean; error?: { code: string } }>>
        const tracker = (window as unknown as { tracker: Tracker }).tracker
        const tags = () => JSON.parse(`{"${key}": ["polluted"]}`)
        const product = { productKey: 'SKU-1', price: 10, quantity: 1 }
        const outcomes = await Promise.all([
          tracker.customEvent({ name: 'x', tags: tags() }),
          tracker.categoryPage({ categoryKey: 'c', tags: tags() }),
          tracker.productPage({ product: { ...product, tags: tags() } }),
          tracker.statusCart({ products: [{ ...product, tags: tags() }] }),
          tracker.productUpdate([{ productKey: 'SKU-1', isInStock: true, tags: tags() }]),
          tracker.send('CustomEvent', JSON.parse(`{"CustomEvent": {"EventName": "x", "Tags": {"${key}": ["p"]}}}`)),
          tracker.send('CustomEvent', JSON.parse(`{"CustomEvent": {"EventName": "x"}, "${key}": {"polluted": 1}}`)),
          tracker.send(
            'CustomEvent',
            JSON.parse(`{"CustomEvent": {"EventName": "x"}, "GeneralInfo": {"${key}": {"polluted": 1}}}`),
          ),
        ])
        const plain = {} as Record<string, unknown>
        return {
          codes: outcomes.map((result) => (result.ok ? 'ok' : result.error?.code)),
          polluted: plain.polluted !== undefined || Object.hasOwn(Object.prototype, 'polluted'),
        }
      }, key)
      expect(results).toEqual({ codes: Array(8).fill('invalid_event'), polluted: false })
      await page.waitForTimeout(300)
      expect(await collector.events()).toEqual([])
    })
  }

  test('should refuse endpoints that are not https, loopback aside, and send nothing to them', async ({
    page,
    site,
    collector,
  }) => {
    const port = new URL(collector.endpoint).port
    await openEsm(page, esmUrl(site, collector))
    const posts: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.url())
    })
    const refused = [
      `http://example.com/api/v2`,
      `http://10.0.0.1:${port}/api/v2`,
      `http://127.0.0.1.nip.io:${port}/api/v2`,
      `ftp://127.0.0.1:${port}/api/v2`,
      'javascript:alert(1)',
      'data:text/plain,x',
      `https://user:secret@tracker.esputnik.com/api/v2`,
      // Protocol-relative: another host, not a path on the page's origin.
      '//example.com/api/v2',
      '/\\example.com/api/v2',
    ]
    // A path is the site's own first-party endpoint, on the page's origin (issue 16).
    const accepted = [
      collector.endpoint,
      `http://localhost:${port}/api/v2`,
      `http://[::1]:${port}/api/v2`,
      'yespo',
      '/t/api/v2',
    ]
    const answers = await page.evaluate(
      async ({ refused, accepted }) => {
        const { createBrowserTracker } = (await import('/dist/index.js' as string)) as {
          createBrowserTracker(options: object): {
            customEvent(input: object): Promise<{ ok: boolean; error?: { code: string } }>
          }
        }
        const codes = async (endpoint: string) => {
          const errors: string[] = []
          const tracker = createBrowserTracker({
            siteId: 'HOSTILE1',
            endpoint,
            onError: (e: { code: string }) => errors.push(e.code),
          })
          // Only the first one is awaited: an accepted remote endpoint would wait for retries.
          const result = await Promise.race([
            tracker.customEvent({ name: 'endpoint' }),
            new Promise<{ ok: boolean; error?: { code: string } }>((resolve) =>
              setTimeout(() => resolve({ ok: false, error: { code: 'pending' } }), 300),
            ),
          ])
          return { endpoint, result: result.ok ? 'ok' : result.error?.code, reported: errors[0] ?? 'none' }
        }
        return {
          refused: await Promise.all(refused.map(codes)),
          accepted: await Promise.all(accepted.map(codes)),
        }
      },
      { refused, accepted },
    )
    for (const answer of answers.refused) {
      expect(answer, answer.endpoint).toMatchObject({ result: 'invalid_config', reported: 'invalid_config' })
    }
    for (const answer of answers.accepted) {
      expect(answer.result, answer.endpoint).not.toBe('invalid_config')
      expect(answer.reported, answer.endpoint).not.toBe('invalid_config')
    }
    expect(answers.accepted[0]?.result).toBe('ok')
    expect(
      posts.filter(
        (url) =>
          !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):/.test(url) && !url.startsWith('https://tracker.yespo.io'),
      ),
    ).toEqual([])
    await expect.poll(async () => (await collector.events()).length).toBeGreaterThanOrEqual(1)
  })

  test('should have no eval or new Function in the script-tag bundle and the ESM builds', () => {
    for (const path of [bundlePath, ...esmPaths]) {
      const code = readFileSync(path, 'utf8')
      expect(code, path).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*['"`]/)
      expect(code, path).not.toMatch(/setTimeout\(\s*['"`]|setInterval\(\s*['"`]/)
    }
  })

  test('should pass a strict CSP on the demo storefront while events still arrive', async ({
    page,
    site,
    collector,
  }) => {
    const pages = ['index', 'category', 'product', 'cart', 'checkout', 'thank-you']
    const html = pages.map((name) => readFileSync(`${demoDir}${name}.html`, 'utf8'))
    const csp = [
      "default-src 'self'",
      `script-src 'self' ${inlineScriptHashes(...html).join(' ')}`,
      "style-src 'self'",
      "img-src 'self'",
      `connect-src ${new URL(collector.url).origin}`,
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ')
    site.setHeaders('/demo/', { 'Content-Security-Policy': csp })
    const violations = await recordViolations(page)
    const lines = recordConsole(page)
    const pageErrors: Error[] = []
    page.on('pageerror', (error) => pageErrors.push(error))

    await page.goto(site.url('/demo/index.html'))
    await page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name: 'Coffee' }).click()
    await collector.waitForEvents(2)
    await page.locator('.product-card', { hasText: 'Ethiopia Yirgacheffe' }).click()
    await page.getByRole('button', { name: 'Add to cart' }).click()
    await page.getByTestId('cart-link').click()
    await page.getByRole('link', { name: 'Checkout' }).click()
    await page.getByLabel('E-mail').fill(EMAIL)
    await page.getByLabel('Name').fill('Jane Doe')
    await page.getByLabel('Phone (optional)').fill('+380 50 111 3010')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('button', { name: 'Place order' }).click()
    await expect(page.getByTestId('order-number')).toBeVisible()

    const events = await collector.waitForEvents(7)
    expect(events.map((event) => event.eventName)).toEqual(
      expect.arrayContaining([
        'CategoryPage',
        'ProductImpressions',
        'ProductPage',
        'StatusCart',
        'CustomerData',
        'PurchasedItems',
      ]),
    )
    expect(events.every((event) => event.valid)).toBe(true)
    expect(violations).toEqual([])
    expect(lines.filter((line) => /Content Security Policy|Refused to/i.test(line))).toEqual([])
    expect(pageErrors).toEqual([])
    // The demo runs with debug on: its console never shows the shopper's e-mail or phone whole.
    expect(lines.filter((line) => forbidden.some((value) => line.includes(value)))).toEqual([])
  })

  test('should load the bundle pinned by SRI under a hash-only CSP, and refuse a tampered bundle', async ({
    page,
    site,
    collector,
  }, testInfo) => {
    const bundle = readFileSync(bundlePath)
    const template = readFileSync(sriPage, 'utf8').replaceAll('{{ENDPOINT}}', collector.endpoint)
    const html = template.replaceAll('{{SRI}}', sha384(bundle))
    const csp = [
      "default-src 'none'",
      // No 'self' and no 'unsafe-eval': the snippet by its hash, the bundle by its integrity hash.
      `script-src ${inlineScriptHashes(html).join(' ')} '${sha384(bundle)}'`,
      `connect-src ${new URL(collector.url).origin}`,
      "base-uri 'none'",
    ].join('; ')
    // Served by the real site (a document fulfilled by page.route would not count as loopback, and
    // Chromium would then refuse its requests to the loopback collector): written under
    // e2e/test-results/ (git-ignored), which the site serves, whatever --output says.
    const file = `${e2eDir}test-results/hostile/sri-${testInfo.workerIndex}-${process.pid}.html`
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, html)
    const path = `/${relative(e2eDir, file).split(sep).join('/')}`
    site.setHeaders(path, { 'Content-Security-Policy': csp })
    const url = site.url(path)
    const violations = await recordViolations(page)
    const firstLines = recordConsole(page)
    await page.goto(url)
    const [event] = await collector.waitForEvents(1).catch((error) => {
      throw new Error(`${error}\n${firstLines.join('\n')}\n${violations.join('\n')}`)
    })
    expect(
      await page.evaluate(() => (window as unknown as { esTracker?: { loaded?: boolean } }).esTracker?.loaded),
    ).toBe(true)
    expect(event).toMatchObject({ eventName: 'CustomEvent', valid: true })
    expect(violations).toEqual([])

    // One byte changed on the way: the browser refuses to run it, and the page carries on without it.
    await collector.clear()
    const lines = recordConsole(page)
    await page.route(site.url('/dist/es-tracker.min.js'), async (route) => {
      const response = await route.fetch()
      const tampered = Buffer.from(await response.body())
      tampered[tampered.length - 2] = tampered[tampered.length - 2]! ^ 1
      await route.fulfill({ response, body: tampered })
    })
    await page.reload()
    await page.waitForTimeout(1_000)
    expect(
      await page.evaluate(() => (window as unknown as { esTracker?: { loaded?: boolean } }).esTracker?.loaded),
    ).toBeUndefined()
    expect(lines.some((line) => /integrity/i.test(line))).toBe(true)
    expect(await collector.events()).toEqual([])
  })
})
