import { createNodeTracker, newCartGuid } from '@es-tracker/node'
import { expect, test } from '../fixtures'

test.describe('node tracker against the collector', () => {
  test('should confirm a purchase that the collector lists as valid', async ({ collector }) => {
    const tracker = createNodeTracker({ siteId: 'DEMO123', endpoint: collector.endpoint })
    const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
    const visitor = tracker.visitor({ sc, user: { email: 'ann@example.com' } })
    const guid = newCartGuid()
    const products = [{ productKey: 'SKU-1', price: 19.9, quantity: 2 }]

    expect(await visitor.statusCart({ products, guid })).toEqual({ ok: true })
    expect(await visitor.purchasedItems({ orderNumber: 'A-1001', guid, products })).toEqual({ ok: true })
    await tracker.close()

    const [cart, purchase] = await collector.waitForEvents(2)
    expect(cart).toMatchObject({ eventName: 'StatusCart', valid: true, issues: [] })
    expect(purchase).toMatchObject({ eventName: 'PurchasedItems', valid: true, issues: [] })
    expect(purchase?.payload).toMatchObject({
      GeneralInfo: { eventName: 'PurchasedItems', siteId: 'DEMO123', user_email: 'ann@example.com', cookies: { sc } },
      PurchasedItems: { GUID: guid, OrderNumber: 'A-1001', Products: [{ product_id: 'SKU-1', quantity: 2 }] },
    })
    expect(await collector.events({ eventName: 'PurchasedItems' })).toHaveLength(1)
  })

  test('should deliver exactly once through injected 503s', async ({ collector }) => {
    await collector.faults({ failNext: 2, status: 503, retryAfter: '0' })
    const tracker = createNodeTracker({
      siteId: 'DEMO123',
      endpoint: collector.endpoint,
      retry: { attempts: 5, baseDelayMs: 10, maxDelayMs: 50 },
    })
    const visitor = tracker.visitor({ sc: 'CDA68358-94FB-4D83-9655-3FEB3C4114A3' })
    expect(await visitor.purchasedItems({ orderNumber: 'A-1002', guid: newCartGuid() })).toEqual({ ok: true })
    await tracker.close()
    expect(await collector.events({ eventName: 'PurchasedItems' })).toHaveLength(1)
  })
})
