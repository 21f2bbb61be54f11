// A tracking call returns at once and its work (sc cookie, build, validation, persistence) runs in a
// later task: what the page changes after the call does not reach the event, and nothing is lost when
// the page is left in the very task that made the calls.
import { expect, test } from '../fixtures'
import { field, openScriptTag, scriptTagUrl, settle, type TrackerWindow } from '../pages/browser/helpers'

test.describe('deferred calls', () => {
  test('should return before building and send the input as it was at the call', async ({ page, site, collector }) => {
    const logs: string[] = []
    page.on('console', (message) => logs.push(message.text()))
    await openScriptTag(page, scriptTagUrl(site, collector, { options: { debug: true } }))
    await page.evaluate(() => {
      const { esTracker } = window as unknown as TrackerWindow
      const products = [{ productKey: 'A', price: 10, quantity: 1, currency: 'USD' }]
      void esTracker('statusCart', { products })
      console.log('call returned')
      // The page reuses its cart object right after the call.
      products[0]!.price = 99
      products.push({ productKey: 'B', price: 5, quantity: 1, currency: 'USD' })
    })
    const [event] = await collector.waitForEvents(1)
    expect(event?.valid).toBe(true)
    expect(field(event, 'StatusCart', 'Products')).toEqual([
      { productKey: 'A', price: 10, quantity: 1, price_currency_code: 'USD' },
    ])
    // Debug mode logs "StatusCart queued" when the payload is built: after the call returned.
    const order = logs.filter((line) => line === 'call returned' || line.includes('StatusCart queued'))
    expect(order.map((line) => (line === 'call returned' ? line : 'built'))).toEqual(['call returned', 'built'])
  })

  test('should deliver every call made in the task that leaves the page', async ({ page, site, collector }) => {
    await openScriptTag(page, scriptTagUrl(site, collector))
    await page.evaluate(() => {
      const { esTracker } = window as unknown as TrackerWindow
      for (let index = 0; index < 10; index++) void esTracker('customEvent', { name: `leaving-${index}` })
      void esTracker('statusCart', { products: [{ productKey: 'A', price: 10, quantity: 1, currency: 'USD' }] })
      location.href = './next.html'
    })
    await page.waitForURL(/next\.html$/)
    await collector.waitForEvents(11)
    await settle()
    const events = await collector.events()
    expect(events).toHaveLength(11)
    expect(events.every((event) => event.valid)).toBe(true)
  })
})
