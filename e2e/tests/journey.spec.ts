import type { Page } from '@playwright/test'
import { type CollectedEvent, type CollectorFixture, expect, test } from '../fixtures'
import { saveScreenshot } from '../support/screenshots'

type Json = Record<string, unknown>
type CartLine = [productKey: string, quantity: number]

const REFERENCE_GUID = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/
const CUSTOMER = { email: 'ann.lee@example.com', name: 'Ann Lee', phone: '+380 44 123 4567' }

const info = (event: CollectedEvent) => (event.payload as { GeneralInfo: Json }).GeneralInfo
const body = (event: CollectedEvent, key: string) => (event.payload as Record<string, Json>)[key] as Json
const cartLines = (event: CollectedEvent): CartLine[] =>
  (body(event, 'StatusCart').Products as { productKey: string; quantity: number }[]).map((line) => [
    line.productKey,
    line.quantity,
  ])

/**
 * Walks the journey step by step: each step's events must all arrive (in any order within the step,
 * since two requests may be in flight at once) before the next step starts.
 */
function journeyRecorder(collector: CollectorFixture) {
  const received: CollectedEvent[] = []
  return {
    received,
    async step(expected: string[], action: () => Promise<unknown>): Promise<CollectedEvent[]> {
      await action()
      if (expected.length === 0) return []
      const all = await collector.waitForEvents(received.length + expected.length)
      const fresh = all.slice(received.length)
      expect(fresh.map((event) => event.eventName).sort(), `after ${received.length} events`).toEqual(
        [...expected].sort(),
      )
      // Keep the expected order within a step, so that the whole journey reads as one exact sequence.
      const ordered = expected.map(
        (name) =>
          fresh.splice(
            fresh.findIndex((event) => event.eventName === name),
            1,
          )[0]!,
      )
      received.push(...ordered)
      return ordered
    },
  }
}

const openCategory = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name }).click()
const openProduct = (page: Page, name: string) => page.locator('.product-card', { hasText: name }).click()
const addToCart = async (page: Page, quantity = 1) => {
  await page.getByLabel('Quantity').fill(String(quantity))
  await page.getByRole('button', { name: 'Add to cart' }).click()
}

test('a shopping journey sends the exact events, valid, one GUID per cart, the purchase joining the last cart', async ({
  page,
  collector,
  site,
}) => {
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(String(error)))
  const journey = journeyRecorder(collector)
  const { step } = journey

  await page.goto(site.url('/demo/index.html'))
  await expect(page.getByRole('heading', { name: 'Fresh roasts, fine leaves.' })).toBeVisible()

  // Browsing: a category, its impressions, two products, a wishlist.
  const [coffeePage, coffeeImpressions] = await step(['CategoryPage', 'ProductImpressions'], () =>
    openCategory(page, 'Coffee'),
  )
  await saveScreenshot(page, 'demo-category')
  await step(['ProductPage'], () => openProduct(page, 'Ethiopia Yirgacheffe'))
  await step(['AddToWishlist'], () => page.getByRole('button', { name: 'Add to wishlist' }).click())
  const [cart1] = await step(['StatusCart'], () => addToCart(page))
  await saveScreenshot(page, 'demo-product')
  await step(['CategoryPage', 'ProductImpressions'], () => page.getByRole('link', { name: 'Coffee' }).last().click())
  const [kenyaPage] = await step(['ProductPage'], () => openProduct(page, 'Kenya Nyeri AA'))
  const [cart2] = await step(['StatusCart'], () => addToCart(page, 2))

  // The cart page: change a quantity, remove a line, empty the cart.
  await page.getByTestId('cart-link').click()
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible()
  const [cart3] = await step(['StatusCart'], () =>
    page.getByRole('button', { name: 'One more Ethiopia Yirgacheffe' }).click(),
  )
  await saveScreenshot(page, 'demo-cart')
  const [cart4] = await step(['StatusCart'], () =>
    page.locator('tr', { hasText: 'Kenya Nyeri AA' }).getByRole('button', { name: 'Remove' }).click(),
  )
  const [cart5] = await step(['StatusCart'], () => page.getByRole('button', { name: 'Empty cart' }).click())
  await expect(page.getByText('Your cart is empty.')).toBeVisible()

  // A new cart, then sign in and buy it.
  await step(['CategoryPage', 'ProductImpressions'], () => openCategory(page, 'Tea'))
  await step(['ProductPage'], () => openProduct(page, 'Dong Ding Oolong'))
  const [cart6] = await step(['StatusCart'], () => addToCart(page))
  await page.getByTestId('cart-link').click()
  await page.getByRole('link', { name: 'Checkout' }).click()
  const [customerData] = await step(['CustomerData'], async () => {
    await page.getByLabel('E-mail').fill(CUSTOMER.email)
    await page.getByLabel('Name').fill(CUSTOMER.name)
    await page.getByLabel('Phone (optional)').fill(CUSTOMER.phone)
    await page.getByRole('button', { name: 'Sign in' }).click()
  })
  await expect(page.getByTestId('checkout-user')).toHaveText(`${CUSTOMER.name} · ${CUSTOMER.email}`)
  await saveScreenshot(page, 'demo-checkout')
  const [cart7, purchase] = await step(['StatusCart', 'PurchasedItems'], () =>
    page.getByRole('button', { name: 'Place order' }).click(),
  )
  const orderNumber = await page.getByTestId('order-number').textContent()
  await saveScreenshot(page, 'demo-thank-you')

  // After the purchase: a new cart.
  await page.getByRole('link', { name: 'Continue shopping' }).click()
  await step(['CategoryPage', 'ProductImpressions'], () => openCategory(page, 'Brewing gear'))
  await step(['ProductPage'], () => openProduct(page, 'V60 dripper'))
  const [cart8] = await step(['StatusCart'], () => addToCart(page))

  // The exact sequence, and nothing else arrived.
  const received = journey.received
  expect(received.map((event) => event.eventName)).toEqual([
    ...['CategoryPage', 'ProductImpressions', 'ProductPage', 'AddToWishlist', 'StatusCart'],
    ...['CategoryPage', 'ProductImpressions', 'ProductPage', 'StatusCart', 'StatusCart', 'StatusCart', 'StatusCart'],
    ...['CategoryPage', 'ProductImpressions', 'ProductPage', 'StatusCart', 'CustomerData'],
    ...['StatusCart', 'PurchasedItems', 'CategoryPage', 'ProductImpressions', 'ProductPage', 'StatusCart'],
  ])
  await page.waitForTimeout(300)
  expect(await collector.events()).toHaveLength(received.length)

  // Every payload valid, in the strict wire form, from one site and one visitor.
  for (const event of received) {
    expect({ id: event.id, valid: event.valid, issues: event.issues, notes: event.notes }).toEqual({
      id: event.id,
      valid: true,
      issues: [],
      notes: [],
    })
    expect(info(event).siteId).toBe('DEMO123')
  }
  const visitors = new Set(received.map((event) => (info(event).cookies as { sc: string }).sc))
  expect(visitors.size).toBe(1)

  // What was browsed.
  expect(body(coffeePage!, 'CategoryPage')).toEqual({ Category: { categoryKey: 'coffee' } })
  expect(body(coffeeImpressions!, 'ProductImpression').Products).toEqual(
    ['COF-ETH-250', 'COF-COL-250', 'COF-KEN-250', 'COF-BRA-1KG'].map((id) => ({
      product_id: id,
      container_type: 'category-grid',
    })),
  )
  expect(body(kenyaPage!, 'ProductPage').Product).toMatchObject({
    productKey: 'COF-KEN-250',
    price: '16.75 USD',
    isInStock: '1',
  })

  // One new GUID per cart change, and each cart as the shopper left it.
  const carts = [cart1!, cart2!, cart3!, cart4!, cart5!, cart6!, cart7!, cart8!]
  const guids = carts.map((cart) => body(cart, 'StatusCart').GUID as string)
  for (const guid of guids) expect(guid).toMatch(REFERENCE_GUID)
  expect(new Set(guids).size).toBe(carts.length)
  expect(carts.map(cartLines)).toEqual([
    [['COF-ETH-250', 1]],
    [
      ['COF-ETH-250', 1],
      ['COF-KEN-250', 2],
    ],
    [
      ['COF-ETH-250', 2],
      ['COF-KEN-250', 2],
    ],
    [['COF-ETH-250', 2]],
    [],
    [['TEA-OOL-100', 1]],
    [],
    [['GEAR-V60', 1]],
  ])

  // The purchase joins the last cart that had products, not the empty cart sent at checkout.
  const order = body(purchase!, 'PurchasedItems')
  expect(order.GUID).toBe(guids[5])
  expect(order.GUID).not.toBe(guids[6])
  expect(order.OrderNumber).toBe(orderNumber)
  expect(order.Products).toEqual([{ product_id: 'TEA-OOL-100', unit_price: '15.4', quantity: 1 }])

  // Identity: none before signing in, on every event after.
  const signedInAt = received.indexOf(customerData!)
  for (const event of received.slice(0, signedInAt)) expect(info(event).user_email).toBeUndefined()
  for (const event of received.slice(signedInAt)) {
    expect(info(event)).toMatchObject({
      user_email: CUSTOMER.email,
      user_name: CUSTOMER.name,
      user_phone: CUSTOMER.phone,
    })
  }
  expect(pageErrors).toEqual([])

  // The same journey on the collector's live page.
  const collectorPage = await page.context().newPage()
  await collectorPage.setViewportSize({ width: 1440, height: 1200 })
  await collectorPage.goto(`${collector.url}/`)
  await expect(collectorPage.locator('article.card')).toHaveCount(received.length)
  await expect(collectorPage.locator('.guid-group.purchased')).toContainText(guids[5]!)
  await collectorPage.getByLabel('Payloads').uncheck()
  await saveScreenshot(collectorPage, 'collector-after-journey', { fullPage: false })
})
