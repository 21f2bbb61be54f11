import { startCollector } from '@es-tracker/collector'
import { expect, test } from '../fixtures'
import { categoryPagePayload, postEvent, purchasePayload, statusCartPayload } from '../support/payloads'
import { saveScreenshot } from '../support/screenshots'

test.describe('collector live page', () => {
  test.beforeEach(async ({ page, collector }) => {
    await page.goto(`${collector.url}/`)
    await expect(page.locator('#status')).toHaveText('live')
    // A marker that a reload would wipe out.
    await page.evaluate(() => Object.assign(window, { __notReloaded: true }))
  })

  test('should show a posted event without a reload', async ({ page, collector }) => {
    expect(await postEvent(collector.endpoint, categoryPagePayload('espresso'))).toBe(204)
    const card = page.locator('article.card').first()
    await expect(card).toContainText('CategoryPage')
    await expect(card).toContainText('category espresso')
    await expect(card.locator('.pill.ok')).toHaveText('valid')
    expect(await page.evaluate(() => (window as { __notReloaded?: boolean }).__notReloaded)).toBe(true)
  })

  test('should show an invalid event with its issue beside the field', async ({ page, collector }) => {
    const payload = statusCartPayload()
    ;(payload.StatusCart.Products[1] as { quantity: unknown }).quantity = 'x'
    expect(await postEvent(collector.endpoint, payload, 'text/plain;charset=UTF-8')).toBe(400)
    const card = page.locator('article.card.invalid')
    await expect(card.locator('.issues')).toContainText('StatusCart.Products[1].quantity')
    const flagged = card.locator('.json .line.has-issue')
    await expect(flagged).toContainText('"quantity": "x"')
    await expect(flagged.locator('.flag.issue')).toBeVisible()
    await saveScreenshot(page, 'collector-invalid-event')
  })

  test('should show payload text as text, never as markup', async ({ page, collector }) => {
    const payload = categoryPagePayload('<img src=x onerror="window.__owned=1">')
    expect(await postEvent(collector.endpoint, payload)).toBe(204)
    await expect(page.locator('article.card').first()).toContainText('<img src=x')
    expect(await page.locator('article.card img').count()).toBe(0)
    expect(await page.evaluate(() => (window as { __owned?: number }).__owned)).toBeUndefined()
  })

  test('should group a cart and the purchase that joins it by GUID', async ({ page, collector }) => {
    const guid = '0A1B2C3D-0000-4000-8000-00000000C0DE'
    expect(await postEvent(collector.endpoint, statusCartPayload(guid))).toBe(204)
    expect(await postEvent(collector.endpoint, purchasePayload(guid, 'A-77'))).toBe(204)
    const group = page.locator('.guid-group', { hasText: guid })
    await expect(group.locator('.purchase.joined')).toContainText('order A-77')
    await expect(group.locator('.cart')).toContainText('2 line(s), 3 item(s)')
    await saveScreenshot(page, 'collector-cart-journey')
  })

  test('should empty the page when the events are cleared', async ({ page, collector }) => {
    expect(await postEvent(collector.endpoint, categoryPagePayload())).toBe(204)
    await expect(page.locator('article.card')).toHaveCount(1)
    await collector.clear()
    await expect(page.locator('article.card')).toHaveCount(0)
    await expect(page.locator('#empty')).toBeVisible()
  })
})

test.describe('collector live page without server-sent events', () => {
  test('should show a posted event by polling', async ({ page, collector }) => {
    await page.addInitScript(() => {
      Reflect.deleteProperty(window, 'EventSource')
    })
    await page.goto(`${collector.url}/`)
    await expect(page.locator('#status')).toHaveText('polling')
    expect(await postEvent(collector.endpoint, categoryPagePayload('polled'))).toBe(204)
    await expect(page.locator('article.card').first()).toContainText('category polled')
  })
})

test.describe('collector live page, usability', () => {
  test('should fit a 390 px phone and a 1280 px screen without sideways scrolling', async ({ page, collector }) => {
    const invalid = statusCartPayload()
    ;(invalid.StatusCart.Products[1] as { quantity: unknown }).quantity = 'two'
    expect(await postEvent(collector.endpoint, invalid)).toBe(400)
    expect(await postEvent(collector.endpoint, statusCartPayload())).toBe(204)
    expect(await postEvent(collector.endpoint, purchasePayload())).toBe(204)
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 })
      await page.goto(`${collector.url}/`)
      await expect(page.locator('article.card')).toHaveCount(3)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect([width, overflow]).toEqual([width, 0])
      await expect(page.locator('#endpoint')).toBeInViewport()
      await saveScreenshot(page, `collector-${width}`)
    }
  })

  test('should say no events match when the filter hides every event', async ({ page, collector }) => {
    await page.goto(`${collector.url}/`)
    expect(await postEvent(collector.endpoint, categoryPagePayload())).toBe(204)
    await expect(page.locator('article.card')).toHaveCount(1)
    await expect(page.locator('#no-match')).toBeHidden()
    await page.getByRole('button', { name: 'Faults' }).click()
    await expect(page.locator('#no-match')).toHaveText('No events match this filter.')
    await page.getByRole('button', { name: 'All' }).click()
    await expect(page.locator('#no-match')).toBeHidden()
  })

  test("should suggest the collector's own endpoint, never the shop's origin, when empty", async ({
    page,
    collector,
  }) => {
    await page.goto(`${collector.url}/`)
    const hint = page.locator('#empty pre')
    await expect(hint).toContainText(`endpoint: '${collector.endpoint}'`)
    await expect(hint).not.toContainText('location.origin')
  })

  test('should show GeneralInfo.datetime as a time beside the number', async ({ page, collector }) => {
    await page.goto(`${collector.url}/`)
    const payload = categoryPagePayload('timed')
    payload.GeneralInfo.datetime = Date.UTC(2026, 11, 7, 18, 30, 5)
    expect(await postEvent(collector.endpoint, payload)).toBe(204)
    const line = page.locator('.json .line', { hasText: '"datetime"' })
    await expect(line.locator('.time')).toHaveText(/\d{1,2}:30:05/)
  })

  test('should keep the page and /events working after a body nested 6,000 levels deep', async ({
    page,
    collector,
  }) => {
    const pageErrors: Error[] = []
    page.on('pageerror', (error) => pageErrors.push(error))
    await page.goto(`${collector.url}/`)
    const deep = `{"GeneralInfo":{"eventName":"CustomEvent","deep":${'['.repeat(6000)}${']'.repeat(6000)}}}`
    expect(await postEvent(collector.endpoint, deep)).toBe(400)
    await expect(page.locator('article.card').first()).toContainText('nested 6002 levels deep')
    expect(await postEvent(collector.endpoint, categoryPagePayload('after-the-deep-one'))).toBe(204)
    await expect(page.locator('article.card').first()).toContainText('category after-the-deep-one')
    expect((await collector.events()).length).toBe(2)
    const listed = await page.evaluate(async () => (await fetch('/events')).status)
    expect(listed).toBe(200)
    expect(pageErrors).toEqual([])
  })

  test('should answer HEAD / like GET / without a body', async ({ request, collector }) => {
    const head = await request.head(`${collector.url}/`)
    expect(head.status()).toBe(200)
    expect(head.headers()['content-type']).toContain('text/html')
    expect(await head.text()).toBe('')
  })

  test('should turn the connection dot grey when the collector stops', async ({ page }) => {
    const own = await startCollector({ port: 0 })
    try {
      await page.goto(`${own.url}/`)
      await expect(page.locator('#status')).toHaveText('live')
      const dotColor = () => page.locator('#dot').evaluate((dot) => getComputedStyle(dot).color)
      expect(await dotColor()).toBe('rgb(110, 231, 168)')
      await own.close()
      await expect(page.locator('#status')).toHaveText('collector stopped or unreachable')
      await expect.poll(dotColor).toBe('rgb(138, 147, 163)')
      await saveScreenshot(page, 'collector-stopped', { fullPage: false })
    } finally {
      await own.close()
    }
  })
})
