// The demo shop's GA4 mode (/demo/ga4/): the shop only pushes GA4 events as a GTM4WP shop does, and
// the script tag's `dataLayer` option turns them into the events the collector receives.
import type { Page } from '@playwright/test'
import { type CollectedEvent, expect, test } from '../fixtures'
import { field, guidPattern, settle, watchPageErrors } from '../pages/browser/helpers'

const openCategory = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Categories' }).getByRole('link', { name }).click()
const openProduct = (page: Page, name: string) => page.locator('.product-card', { hasText: name }).click()
const cartLines = (event: CollectedEvent | undefined) =>
  (field(event, 'StatusCart', 'Products') as Array<{ productKey: string; quantity: number }>).map((line) => [
    line.productKey,
    line.quantity,
  ])

test('the GA4 demo shop sends its events through the dataLayer bridge alone, the purchase once', async ({
  page,
  site,
  collector,
}) => {
  const pageErrors = watchPageErrors(page)
  let seen = 0
  /** Does `action`, then waits for exactly these next events (in any order) and answers them in this order. */
  const step = async (expected: string[], action: () => Promise<unknown>) => {
    await action()
    const all = await collector.waitForEvents(seen + expected.length)
    const fresh = all.slice(seen)
    seen += expected.length
    expect(fresh.map((event) => event.eventName).sort()).toEqual([...expected].sort())
    return expected.map((name) => fresh.find((event) => event.eventName === name)!)
  }

  await page.goto(site.url('/demo/ga4/index.html'))
  await expect(page.getByRole('heading', { name: 'Fresh roasts, fine leaves.' })).toBeVisible()
  const [category, impressions] = await step(['CategoryPage', 'ProductImpressions'], () => openCategory(page, 'Coffee'))
  expect(field(category, 'CategoryPage', 'Category')).toEqual({ categoryKey: 'coffee' })
  expect(field(impressions, 'ProductImpression', 'Products')).toContainEqual({
    product_id: 'COF-ETH-250',
    container_type: 'Coffee',
  })
  const [productPage] = await step(['ProductPage'], () => openProduct(page, 'Ethiopia Yirgacheffe'))
  expect(field(productPage, 'ProductPage', 'Product')).toEqual({
    productKey: 'COF-ETH-250',
    price: '14.5 USD',
    isInStock: '1',
  })
  await step(['AddToWishlist'], () => page.getByRole('button', { name: 'Add to wishlist' }).click())
  const [cart1] = await step(['StatusCart'], async () => {
    await page.getByLabel('Quantity').fill('2')
    await page.getByRole('button', { name: 'Add to cart' }).click()
  })
  expect(cartLines(cart1)).toEqual([['COF-ETH-250', 2]])
  // Out of stock, read from GTM4WP's stockstatus by the demo's isInStock option.
  await page.getByRole('link', { name: 'Coffee' }).last().click()
  const [brazil] = await step(['ProductPage'], async () => {
    await expect(page.getByRole('heading', { name: 'Coffee' })).toBeVisible()
    await collector.waitForEvents(seen + 2)
    seen += 2
    await openProduct(page, 'Brazil Cerrado')
  })
  expect(field(brazil, 'ProductPage', 'Product', 'isInStock')).toBe('0')

  // The cart page repeats the cart (view_cart): nothing new. One more, then the checkout.
  await page.getByTestId('cart-link').click()
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible()
  const [cart2] = await step(['StatusCart'], () =>
    page.getByRole('button', { name: 'One more Ethiopia Yirgacheffe' }).click(),
  )
  expect(cartLines(cart2)).toEqual([['COF-ETH-250', 3]])
  await page.getByRole('link', { name: 'Checkout' }).click()
  await page.getByLabel('E-mail').fill('ann.lee@example.com')
  await page.getByLabel('Name').fill('Ann Lee')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const [purchase] = await step(['PurchasedItems'], () => page.getByRole('button', { name: 'Place order' }).click())
  const orderNumber = await page.getByTestId('order-number').textContent()
  expect(field(purchase, 'PurchasedItems', 'OrderNumber')).toBe(orderNumber)
  expect(field(purchase, 'PurchasedItems', 'GUID')).toMatch(guidPattern)
  expect(field(purchase, 'PurchasedItems', 'GUID')).toBe(field(cart2, 'StatusCart', 'GUID'))
  expect(field(purchase, 'PurchasedItems', 'Products')).toEqual([
    { product_id: 'COF-ETH-250', unit_price: '14.5', quantity: 3 },
  ])
  // Identity from gtag('set', 'user_data', ...), opted in by the demo.
  expect(field(purchase, 'GeneralInfo', 'user_email')).toBe('ann.lee@example.com')

  // The thank-you page reloaded: its purchase push is read again, and sent nothing.
  await page.reload()
  await expect(page.getByTestId('order-number')).toHaveText(orderNumber ?? '')
  await page.reload()
  await settle(1000)
  const all = await collector.events()
  expect(all).toHaveLength(seen)
  expect(all.every((event) => event.valid)).toBe(true)
  expect(pageErrors).toEqual([])
})
