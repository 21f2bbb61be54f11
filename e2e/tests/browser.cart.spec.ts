import { expect, test } from '../fixtures'
import { esTracker, field, guidPattern, openScriptTag, scriptTagUrl } from '../pages/browser/helpers'

const line = (productKey: string) => ({ productKey, price: 12.5, quantity: 1 })

test.describe('cart GUID', () => {
  test('should give every cart change a new GUID and join the purchase to the last non-empty cart across pages', async ({
    page,
    site,
    collector,
  }) => {
    const url = scriptTagUrl(site, collector)
    await openScriptTag(page, url)
    expect(await esTracker(page, 'statusCart', { products: [line('A')] })).toEqual({ ok: true })
    expect(await esTracker(page, 'statusCart', { products: [line('A'), line('B')] })).toEqual({ ok: true })
    // The checkout page: the shop empties the cart before it reports the purchase.
    await openScriptTag(page, url)
    expect(await esTracker(page, 'statusCart', { products: [] })).toEqual({ ok: true })
    expect(
      await esTracker(page, 'purchasedItems', { orderNumber: 'ORDER-1', products: [line('A'), line('B')] }),
    ).toEqual({ ok: true })
    const events = await collector.events()
    expect(events.map((event) => event.eventName)).toEqual(['StatusCart', 'StatusCart', 'StatusCart', 'PurchasedItems'])
    expect(events.every((event) => event.valid)).toBe(true)
    const cartGuids = events.slice(0, 3).map((event) => field(event, 'StatusCart', 'GUID') as string)
    for (const guid of cartGuids) expect(guid).toMatch(guidPattern)
    expect(new Set(cartGuids).size).toBe(3)
    expect(field(events[3], 'PurchasedItems', 'GUID')).toBe(cartGuids[1])
    expect(field(events[3], 'PurchasedItems', 'Products')).toHaveLength(2)
    expect(await esTracker(page, 'cartGuid')).toBe(cartGuids[1])
  })

  test('should join the purchase in one tab to the cart sent from another tab', async ({
    page,
    site,
    collector,
    context,
  }) => {
    const url = scriptTagUrl(site, collector)
    const checkout = await context.newPage()
    await openScriptTag(checkout, url)
    await openScriptTag(page, url)
    expect(await esTracker(page, 'statusCart', { products: [line('C')] })).toEqual({ ok: true })
    expect(await esTracker(checkout, 'purchasedItems', { orderNumber: 'ORDER-2' })).toEqual({ ok: true })
    const [cart, purchase] = await collector.events()
    expect(field(purchase, 'PurchasedItems', 'GUID')).toBe(field(cart, 'StatusCart', 'GUID'))
    expect(purchase?.valid).toBe(true)
  })

  test('should send a one-click purchase without the cart GUID', async ({ page, site, collector }) => {
    await openScriptTag(page, scriptTagUrl(site, collector))
    await esTracker(page, 'statusCart', { products: [line('D')] })
    expect(
      await esTracker(page, 'purchasedItems', { orderNumber: 'ORDER-3', oneClick: true, products: [line('E')] }),
    ).toEqual({ ok: true })
    const purchase = (await collector.events({ eventName: 'PurchasedItems' }))[0]
    expect(field(purchase, 'PurchasedItems', 'GUID')).toBeUndefined()
    expect(purchase?.valid).toBe(true)
  })

  test('should forget the cart GUID on reset so that a purchase without lines is refused', async ({
    page,
    site,
    collector,
  }) => {
    await openScriptTag(page, scriptTagUrl(site, collector))
    await esTracker(page, 'statusCart', { products: [line('F')] })
    await esTracker(page, 'reset')
    expect(await esTracker(page, 'cartGuid')).toBeUndefined()
    expect(await esTracker(page, 'purchasedItems', { orderNumber: 'ORDER-4' })).toMatchObject({
      ok: false,
      code: 'invalid_event',
    })
    expect((await collector.events()).map((event) => event.eventName)).toEqual(['StatusCart'])
  })
})
