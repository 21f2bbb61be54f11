// Node, no document or window: the pixel's sandbox as far as the adapter can tell. The events go to
// the real collector, which validates every body with core's schemas.
import { type Collector, startCollector } from '@es-tracker/collector'
import type { TrackerError } from '@es-tracker/core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { FakeShop } from '../../test/fakeShopifyPixel'
import {
  cart,
  cartLine,
  cartLineEvent,
  cartViewed,
  checkout,
  checkoutCompleted,
  collectionViewed,
  customer,
  lineItem,
  productViewed,
  searchSubmitted,
  variant,
} from '../../test/shopifyFixtures'
import { trackShopifyEvents } from './trackShopifyEvents'

let collector: Collector
beforeAll(async () => {
  collector = await startCollector({ port: 0 })
})
afterAll(() => collector.close())
beforeEach(() => collector.clear())

const shirt = variant('44610569208040', '8266836345064', 25)
const mug = variant('40001', '9001', 9.5)
const uuid = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/

/** Published events reach the adapter a task later, as Shopify's do: let them land, then flush. */
const delivered = async (tracking: { flush(): Promise<void> }) => {
  await new Promise((resolve) => setTimeout(resolve, 20))
  await tracking.flush()
}

/** The bodies the collector received, each checked valid. */
const received = () =>
  collector.events().map((event) => {
    expect(event.issues).toEqual([])
    return event.payload as Record<string, Record<string, unknown>>
  })
const names = () => received().map((payload) => payload.GeneralInfo!.eventName)

/** Starts the adapter on a page load of `shop`, reporting into `errors`. */
function start(shop: FakeShop, init: Parameters<FakeShop['pixel']>[0], errors: TrackerError[] = [], extra = {}) {
  const pixel = shop.pixel(init)
  const tracking = trackShopifyEvents({
    ...pixel,
    siteId: 'S',
    endpoint: collector.endpoint,
    onError: (error) => errors.push(error),
    ...extra,
  })
  return { pixel, tracking }
}

describe('trackShopifyEvents', () => {
  it('should send the whole journey from init to checkout_completed, valid, with the sc created through browser.cookie', async () => {
    const shop = new FakeShop()
    const errors: TrackerError[] = []
    const { pixel, tracking } = start(shop, {
      data: { cart: cart([cartLine(shirt, 1)]), customer: customer() },
      context: { document: { location: { href: 'https://shop.example/' }, referrer: 'https://search.example/' } },
    })
    pixel.publish('page_viewed', {})
    pixel.publish('product_viewed', productViewed(shirt))
    pixel.publish(
      'collection_viewed',
      collectionViewed({ id: '288770146539', title: 'Summer', productVariants: [shirt, mug] }),
    )
    pixel.publish('search_submitted', searchSubmitted('mug', [mug]))
    pixel.publish('product_added_to_cart', cartLineEvent(cartLine(mug, 2)))
    pixel.publish('product_removed_from_cart', cartLineEvent(cartLine(mug, 1)))
    pixel.publish('cart_viewed', cartViewed(cart([cartLine(mug, 1), cartLine(shirt, 1)])))
    await delivered(tracking)
    // The thank-you page: a new page load, no cart in init.
    const thanks = start(shop, { data: { cart: null, customer: null } }, errors)
    thanks.pixel.publish(
      'checkout_completed',
      checkoutCompleted(
        checkout('gid://shopify/OrderIdentity/5396439498987', [lineItem(shirt, 1), lineItem(mug, 1, 8)]),
      ),
    )
    await delivered(thanks.tracking)

    expect(errors).toEqual([])
    expect(names()).toEqual([
      'StatusCart',
      'ProductPage',
      'CategoryPage',
      'ProductImpressions',
      'SearchRequest',
      'StatusCart',
      'StatusCart',
      'PurchasedItems',
    ])
    const [initCart, productPage, , impressions, search, added, removed, purchase] = received()
    const sc = shop.cookies.get('sc')!
    expect(sc.value).toMatch(uuid)
    expect(sc.setWith).toBe(`sc=${sc.value}; path=/; max-age=31536000; SameSite=Lax; Secure`)
    for (const payload of received()) expect(payload.GeneralInfo!.cookies).toEqual({ sc: sc.value })
    expect(initCart!.GeneralInfo).toMatchObject({
      s_location: 'https://shop.example/',
      referrer: 'https://search.example/',
    })
    expect(initCart!.GeneralInfo).toMatchObject({ user_email: 'jane@example.com', externalCustomerId: '7153249288427' })
    expect(initCart!.StatusCart!.Products).toEqual([
      { productKey: '44610569208040', price: 25, quantity: 1, price_currency_code: 'USD' },
    ])
    expect(productPage!.ProductPage).toEqual({
      Product: { productKey: '44610569208040', price: '25 USD', isInStock: '1' },
    })
    expect(productPage!.GeneralInfo!.s_location).toBe('https://shop.example/product_viewed')
    expect(impressions!.ProductImpression).toEqual({
      Products: [
        { product_id: '44610569208040', container_type: 'Summer' },
        { product_id: '40001', container_type: 'Summer' },
      ],
    })
    expect(search!.SearchRequest).toEqual({ search: 'mug', isFound: 1 })
    expect((added!.StatusCart!.Products as unknown[]).length).toBe(2)
    expect(removed!.StatusCart!.Products).toEqual([
      { productKey: '44610569208040', price: 25, quantity: 1, price_currency_code: 'USD' },
      { productKey: '40001', price: 9.5, quantity: 1, price_currency_code: 'USD' },
    ])
    // The purchase joins the last cart, on the next page, and carries the buyer's e-mail.
    expect(purchase!.PurchasedItems).toEqual({
      OrderNumber: '5396439498987',
      GUID: removed!.StatusCart!.GUID,
      Products: [
        { product_id: '44610569208040', unit_price: '25', quantity: 1 },
        { product_id: '40001', unit_price: '8', quantity: 1 },
      ],
    })
    expect(purchase!.GeneralInfo!.user_email).toBe('buyer@example.com')
  })

  it('should send the purchase once when the thank-you page is reloaded', async () => {
    const shop = new FakeShop()
    const completed = checkoutCompleted(checkout('gid://shopify/OrderIdentity/77', [lineItem(shirt, 1)]))
    for (let load = 0; load < 3; load++) {
      const { pixel, tracking } = start(shop, { data: { cart: null } })
      pixel.publish('checkout_completed', completed)
      pixel.publish('checkout_completed', completed)
      await delivered(tracking)
    }
    expect(names()).toEqual(['PurchasedItems'])
  })

  it('should never replace an sc cookie the shop already has', async () => {
    const shop = new FakeShop()
    shop.cookies.set('sc', { value: 'SITE-SC', setWith: 'sc=SITE-SC' })
    const { pixel, tracking } = start(shop, { data: { cart: null } })
    pixel.publish('product_viewed', productViewed(shirt))
    await delivered(tracking)
    expect(received()[0]!.GeneralInfo!.cookies).toEqual({ sc: 'SITE-SC' })
    expect(shop.cookies.get('sc')!.setWith).toBe('sc=SITE-SC')
  })

  it('should send and store nothing before analytics consent, then send what waited in order once it is given', async () => {
    const shop = new FakeShop()
    const { pixel, tracking } = start(shop, {
      data: { cart: cart([cartLine(shirt, 1)]) },
      customerPrivacy: { analyticsProcessingAllowed: false },
    })
    pixel.publish('product_viewed', productViewed(shirt))
    pixel.publish('product_added_to_cart', cartLineEvent(cartLine(mug, 1)))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(collector.events()).toEqual([])
    expect([...shop.storage.keys()]).toEqual([])
    expect(shop.cookies.has('sc')).toBe(false)
    pixel.decideConsent(true)
    await delivered(tracking)
    expect(names()).toEqual(['StatusCart', 'ProductPage', 'StatusCart'])
  })

  it('should drop the events of a visitor who declines, reporting them with code consent', async () => {
    const shop = new FakeShop()
    const errors: TrackerError[] = []
    const { pixel, tracking } = start(
      shop,
      { data: { cart: null }, customerPrivacy: { analyticsProcessingAllowed: false } },
      errors,
    )
    pixel.publish('product_viewed', productViewed(shirt))
    await new Promise((resolve) => setTimeout(resolve, 20))
    pixel.decideConsent(false)
    pixel.publish('search_submitted', searchSubmitted('mug', []))
    await delivered(tracking)
    expect(collector.events()).toEqual([])
    expect(errors.map((error) => error.code)).toEqual(['consent', 'consent', 'consent'])
  })

  it('should key products by product id when productKey is product', async () => {
    const shop = new FakeShop()
    const { pixel, tracking } = start(shop, { data: { cart: null } }, [], { productKey: 'product', isInStock: false })
    pixel.publish('product_viewed', productViewed(shirt))
    await delivered(tracking)
    expect(received()[0]!.ProductPage!.Product).toMatchObject({ productKey: '8266836345064', isInStock: '0' })
  })

  it('should skip and report an event missing its field, and send the rest', async () => {
    const shop = new FakeShop()
    const errors: TrackerError[] = []
    const { pixel, tracking } = start(shop, { data: { cart: null } }, errors)
    pixel.publish('product_viewed', productViewed({ ...shirt, id: null }))
    pixel.publish('checkout_completed', checkoutCompleted(checkout(null, [lineItem(shirt, 1)])))
    pixel.publish('search_submitted', searchSubmitted('mug', []))
    await delivered(tracking)
    expect(names()).toEqual(['SearchRequest'])
    expect(errors.map((error) => error.issues[0]?.path)).toEqual(['data.productVariant.id', 'data.checkout.order.id'])
  })

  it('should handle the events kept before it loaded first, in order, and an event delivered twice once', async () => {
    const shop = new FakeShop()
    const pixel = shop.pixel({ data: { cart: null } })
    const early = [
      { id: 'e1', name: 'product_viewed', data: productViewed(shirt) },
      { id: 'e2', name: 'page_viewed', data: {} },
      { id: 'e3', name: 'search_submitted', data: searchSubmitted('mug', []) },
    ]
    const tracking = trackShopifyEvents({ ...pixel, siteId: 'S', endpoint: collector.endpoint, earlierEvents: early })
    // Shopify may replay an event to a late subscriber: the same id is handled once.
    pixel.replay('search_submitted', early[2]!)
    pixel.publish('collection_viewed', collectionViewed({ id: '1', title: 'All', productVariants: [] }))
    await delivered(tracking)
    expect(names()).toEqual(['ProductPage', 'SearchRequest', 'CategoryPage'])
  })

  it('should report bad options and answer an inert tracker, never throwing', async () => {
    const errors: TrackerError[] = []
    const tracking = trackShopifyEvents({
      siteId: 'S',
      analytics: undefined as never,
      browser: new FakeShop().browser,
      init: {},
      onError: (error) => errors.push(error),
    })
    const tracker = await tracking.ready
    const result = await tracker.productPage({ product: { productKey: '1', price: 1 } })
    expect(result.ok).toBe(false)
    expect(errors[0]?.message).toMatch(/^analytics must be/)
    await expect(tracking.flush()).resolves.toBeUndefined()
  })
})
