import type { TrackerError } from '@es-tracker/core'
import { BODY_KEYS } from '@es-tracker/core'
import { createTrackerMethods, newCartGuid } from '@es-tracker/core/internal'
import { describe, expect, it } from 'vitest'
import { googleItems, googlePurchase, gtm4wpEvent, gtm4wpItem } from '../../../test/ga4Fixtures'
import { createCartStore } from '../../cart/cartGuid'
import { createSafeStorage } from '../../storage/safeStorage'
import { createCartMirror } from '../cartMirror'
import { createOrderLedger } from '../orderLedger'
import { createGa4Handler } from './createGa4Handler'
import { readGa4Push } from './readGa4Push'
import type { DataLayerBridgeOptions } from './types'

// What gtag pushes: its `arguments` object.
function gtag(..._args: unknown[]) {
  // biome-ignore lint/complexity/noArguments: gtag pushes its arguments object, which is what is tested
  return arguments
}

type Sent = { event: string; body: Record<string, unknown> }

/**
 * A bridge handler on core's real tracker methods (builders, validation, cart GUID rule) whose
 * payloads are recorded instead of delivered; pages and tabs share `storage` when given.
 */
function setUp(options: DataLayerBridgeOptions = {}, storage = createSafeStorage(() => undefined)) {
  const sent: Sent[] = []
  const errors: TrackerError[] = []
  const identities: unknown[] = []
  const cart = createCartStore(storage, 'guid')
  const methods = createTrackerMethods({
    context: () => ({ siteId: 'SITE', sc: 'SC-1' }),
    enqueue: async (event, payload) => {
      sent.push({ event, body: (payload as Record<string, Record<string, unknown>>)[BODY_KEYS[event]!]! })
      return { ok: true }
    },
    cart,
    newGuid: newCartGuid,
    onError: (error) => errors.push(error),
  })
  const handle = createGa4Handler({
    tracker: { ...methods, identify: (identity) => void identities.push(identity) },
    mirror: createCartMirror(storage, 'cart'),
    orders: createOrderLedger(storage, 'orders'),
    options,
    report: (error) => errors.push(error),
    log: () => {},
  })
  const push = (...pushes: unknown[]) => {
    for (const pushed of pushes) {
      const read = readGa4Push(pushed)
      if (read) handle(read)
    }
  }
  return { push, sent, errors, identities, storage, lastGuid: cart.get }
}

describe('createGa4Handler', () => {
  describe('view_item', () => {
    it("should send a productPage of the first item when Google's example is pushed", () => {
      const { push, sent } = setUp()
      push(
        { ecommerce: null },
        { event: 'view_item', ecommerce: { currency: 'USD', value: 30.03, items: googleItems } },
      )
      expect(sent).toEqual([
        {
          event: 'ProductPage',
          body: { Product: { productKey: 'SKU_12345', price: '10.01 USD', isInStock: '1' } },
        },
      ])
    })

    it('should read the same event from gtag arguments', () => {
      const { push, sent } = setUp()
      push(gtag('event', 'view_item', { currency: 'USD', items: [googleItems[0]] }))
      expect(sent.map((entry) => entry.body.Product)).toEqual([
        { productKey: 'SKU_12345', price: '10.01 USD', isInStock: '1' },
      ])
    })

    it("should take the stock from the isInStock option when GTM4WP's stockstatus says out of stock", () => {
      const { push, sent } = setUp({ isInStock: (item) => item.stockstatus !== 'outofstock' })
      push(...gtm4wpEvent('view_item', { items: [gtm4wpItem('woo-beanie', '18.00', { stockstatus: 'outofstock' })] }))
      push(...gtm4wpEvent('view_item', { items: [gtm4wpItem('woo-cap', '12.50')] }))
      expect(sent.map((entry) => entry.body.Product)).toEqual([
        { productKey: 'woo-beanie', price: '18 EUR', isInStock: '0' },
        { productKey: 'woo-cap', price: '12.5 EUR', isInStock: '1' },
      ])
    })

    it('should take the productKey from the field the option names', () => {
      const { push, sent } = setUp({ productKey: 'id' })
      push(...gtm4wpEvent('view_item', { items: [gtm4wpItem('woo-beanie', '18.00', { id: 15 })] }))
      expect(sent.map((entry) => (entry.body.Product as { productKey: string }).productKey)).toEqual(['15'])
    })
  })

  describe('view_item_list and view_search_results', () => {
    it("should send one productImpressions with each item's list name when Google's list is pushed", () => {
      const { push, sent } = setUp()
      push(gtag('event', 'view_item_list', { item_list_id: 'related_products', items: googleItems }))
      expect(sent).toEqual([
        {
          event: 'ProductImpressions',
          body: {
            Products: [
              { product_id: 'SKU_12345', container_type: 'Related Products' },
              { product_id: 'SKU_12346', container_type: 'Related Products' },
            ],
          },
        },
      ])
    })

    it('should fall back from the item list name to the event list name, the list ids, then the event name', () => {
      const { push, sent } = setUp()
      const item = (extra: Record<string, unknown>) => ({ item_id: 'A', price: 1, ...extra })
      push({ event: 'view_item_list', ecommerce: { item_list_name: 'Event list', items: [item({})] } })
      push({ event: 'view_item_list', ecommerce: { item_list_id: 'event_id', items: [item({ item_list_id: 'id' })] } })
      push({ event: 'view_item_list', ecommerce: { item_list_id: 'event_id', items: [item({})] } })
      push({ event: 'view_item_list', ecommerce: { items: [item({})] } })
      expect(
        sent.map((entry) => (entry.body.Products as Array<{ container_type: string }>)[0]!.container_type),
      ).toEqual(['Event list', 'id', 'event_id', 'view_item_list'])
    })

    it('should send nothing for a list without items', () => {
      const { push, sent } = setUp({ categoryPage: true })
      push({ event: 'view_item_list', ecommerce: { items: [] } })
      expect(sent).toEqual([])
    })

    it('should send a categoryPage from the list id only when the categoryPage option is on', () => {
      const list = gtm4wpEvent('view_item_list', {
        item_list_id: 'coffee',
        item_list_name: 'Coffee',
        items: [gtm4wpItem('SKU-1', '9.90')],
      })
      const off = setUp()
      off.push(...list)
      expect(off.sent.map((entry) => entry.event)).toEqual(['ProductImpressions'])
      const on = setUp({ categoryPage: true })
      on.push(...list)
      expect(on.sent.map((entry) => entry.event)).toEqual(['CategoryPage', 'ProductImpressions'])
      expect(on.sent[0]!.body).toEqual({ Category: { categoryKey: 'coffee' } })
      const chosen = setUp({ categoryPage: (ecommerce) => (ecommerce.item_list_name === 'Coffee' ? 'C-7' : undefined) })
      chosen.push(...list)
      chosen.push({
        event: 'view_item_list',
        ecommerce: { item_list_name: 'Related', items: [{ item_id: 'B', price: 1 }] },
      })
      expect(chosen.sent.filter((entry) => entry.event === 'CategoryPage').map((entry) => entry.body)).toEqual([
        { Category: { categoryKey: 'C-7' } },
      ])
    })

    it('should send one search and impressions when view_search_results follows a search with the same term', () => {
      const { push, sent } = setUp()
      push(gtag('event', 'search', { search_term: 't-shirts' }))
      push({ event: 'view_search_results', search_term: 't-shirts', ecommerce: { items: [googleItems[0]] } })
      expect(sent.map((entry) => entry.event)).toEqual(['SearchRequest', 'ProductImpressions'])
      // At the first of them: `search` had no items, so isFound is absent.
      expect(sent[0]!.body).toEqual({ search: 't-shirts' })
      expect((sent[1]!.body.Products as Array<{ container_type: string }>)[0]!.container_type).toBe('Related Products')
    })

    it('should set isFound from the items of view_search_results alone, and read the term from ecommerce', () => {
      const found = setUp()
      found.push({
        event: 'view_search_results',
        ecommerce: { search_term: 'tea', items: [{ item_id: 'T', price: 3 }] },
      })
      expect(found.sent[0]).toEqual({ event: 'SearchRequest', body: { search: 'tea', isFound: 1 } })
      const none = setUp()
      none.push({ event: 'view_search_results', search_term: 'mate', ecommerce: { search_term: 'other', items: [] } })
      expect(none.sent).toEqual([{ event: 'SearchRequest', body: { search: 'mate', isFound: 0 } }])
    })

    it('should send a later search with another term', () => {
      const { push, sent } = setUp()
      push(gtag('event', 'search', { search_term: 'tea' }), gtag('event', 'search', { search_term: 'coffee' }))
      expect(sent.map((entry) => entry.body.search)).toEqual(['tea', 'coffee'])
    })
  })

  describe('the cart', () => {
    it('should send the whole cart when GTM4WP adds products one at a time', () => {
      const { push, sent } = setUp()
      push(...gtm4wpEvent('add_to_cart', { items: [gtm4wpItem('SKU-1', '9.90', { quantity: 2 })] }))
      push(...gtm4wpEvent('add_to_cart', { items: [gtm4wpItem('SKU-2', '4.50', { quantity: 1 })] }))
      push(...gtm4wpEvent('add_to_cart', { items: [gtm4wpItem('SKU-1', '9.90', { quantity: 1 })] }))
      expect(sent.map((entry) => entry.body.Products)).toEqual([
        [{ productKey: 'SKU-1', price: 9.9, quantity: 2, price_currency_code: 'EUR' }],
        [
          { productKey: 'SKU-1', price: 9.9, quantity: 2, price_currency_code: 'EUR' },
          { productKey: 'SKU-2', price: 4.5, quantity: 1, price_currency_code: 'EUR' },
        ],
        [
          { productKey: 'SKU-1', price: 9.9, quantity: 3, price_currency_code: 'EUR' },
          { productKey: 'SKU-2', price: 4.5, quantity: 1, price_currency_code: 'EUR' },
        ],
      ])
      const guids = sent.map((entry) => entry.body.GUID)
      expect(new Set(guids).size).toBe(3)
    })

    it('should take off what remove_from_cart removes and send the whole cart, empty too', () => {
      const { push, sent } = setUp()
      push(gtag('event', 'add_to_cart', { currency: 'USD', items: googleItems }))
      push(gtag('event', 'remove_from_cart', { currency: 'USD', items: [{ ...googleItems[0], quantity: 1 }] }))
      push(gtag('event', 'remove_from_cart', { currency: 'USD', items: googleItems }))
      expect(sent.map((entry) => entry.body.Products)).toEqual([
        [
          { productKey: 'SKU_12345', price: 10.01, quantity: 3, price_currency_code: 'USD' },
          { productKey: 'SKU_12346', price: 21.01, quantity: 2, price_currency_code: 'USD' },
        ],
        [
          { productKey: 'SKU_12345', price: 10.01, quantity: 2, price_currency_code: 'USD' },
          { productKey: 'SKU_12346', price: 21.01, quantity: 2, price_currency_code: 'USD' },
        ],
        [],
      ])
    })

    it('should send nothing when a product not in the cart is removed', () => {
      const { push, sent } = setUp()
      push(...gtm4wpEvent('remove_from_cart', { items: [gtm4wpItem('SKU-9', '1.00')] }))
      expect(sent).toEqual([])
    })

    it('should make the mirror the whole cart of view_cart and send it only when its contents changed', () => {
      const { push, sent } = setUp()
      push(...gtm4wpEvent('add_to_cart', { items: [gtm4wpItem('SKU-1', '9.90')] }))
      const cart = [gtm4wpItem('SKU-2', '4.50', { quantity: 2 }), gtm4wpItem('SKU-1', '9.90')]
      push(...gtm4wpEvent('view_cart', { items: cart }))
      // The same contents in another order, with other names: no change.
      push(
        ...gtm4wpEvent('begin_checkout', { items: [...cart].reverse().map((item) => ({ ...item, item_name: 'x' })) }),
      )
      push(...gtm4wpEvent('add_shipping_info', { items: cart, shipping_tier: 'Ground' }))
      push(...gtm4wpEvent('add_payment_info', { items: [gtm4wpItem('SKU-2', '4.50', { quantity: 2 })] }))
      expect(sent.map((entry) => entry.body.Products)).toEqual([
        [{ productKey: 'SKU-1', price: 9.9, quantity: 1, price_currency_code: 'EUR' }],
        [
          { productKey: 'SKU-2', price: 4.5, quantity: 2, price_currency_code: 'EUR' },
          { productKey: 'SKU-1', price: 9.9, quantity: 1, price_currency_code: 'EUR' },
        ],
        [{ productKey: 'SKU-2', price: 4.5, quantity: 2, price_currency_code: 'EUR' }],
      ])
    })

    it('should apply a change made before any whole-cart event to an empty cart', () => {
      const { push, sent } = setUp()
      push(gtag('event', 'add_to_cart', { items: [{ item_id: 'A', price: '5' }] }))
      expect(sent[0]!.body.Products).toEqual([{ productKey: 'A', price: 5, quantity: 1 }])
    })

    it('should leave the cart alone when a whole-cart event has no items list', () => {
      const { push, sent } = setUp()
      push(gtag('event', 'add_to_cart', { items: [{ item_id: 'A', price: 5 }] }))
      push(gtag('event', 'begin_checkout', { value: 5 }))
      expect(sent).toHaveLength(1)
    })

    it('should keep variants of one product apart and send both lines', () => {
      const { push, sent } = setUp()
      push(gtag('event', 'add_to_cart', { items: [googleItems[0], { ...googleItems[0], item_variant: 'red' }] }))
      expect((sent[0]!.body.Products as unknown[]).length).toBe(2)
    })

    it('should share the cart between pages and tabs on the same storage', () => {
      const storage = createSafeStorage(() => undefined)
      const firstTab = setUp({}, storage)
      const secondTab = setUp({}, storage)
      firstTab.push(gtag('event', 'add_to_cart', { items: [{ item_id: 'A', price: 5 }] }))
      secondTab.push(gtag('event', 'add_to_cart', { items: [{ item_id: 'B', price: 7 }] }))
      expect(secondTab.sent[0]!.body.Products).toEqual([
        { productKey: 'A', price: 5, quantity: 1 },
        { productKey: 'B', price: 7, quantity: 1 },
      ])
    })
  })

  describe('purchase', () => {
    it("should send Google's purchase once, with its lines, joined to the last non-empty cart's GUID", () => {
      const { push, sent } = setUp()
      push(gtag('event', 'add_to_cart', { currency: 'USD', items: googleItems }))
      const cartGuid = sent[0]!.body.GUID
      push(...googlePurchase, ...googlePurchase)
      expect(sent.map((entry) => entry.event)).toEqual(['StatusCart', 'PurchasedItems'])
      expect(sent[1]!.body).toEqual({
        OrderNumber: 'T_12345',
        GUID: cartGuid,
        Products: [
          { product_id: 'SKU_12345', unit_price: '10.01', quantity: 3 },
          { product_id: 'SKU_12346', unit_price: '21.01', quantity: 2 },
        ],
      })
    })

    it('should empty the mirror without a StatusCart after a purchase, so the next cart starts empty', () => {
      const { push, sent } = setUp()
      push(gtag('event', 'add_to_cart', { items: [{ item_id: 'A', price: 5 }] }))
      push(gtag('event', 'purchase', { transaction_id: 1001, items: [{ item_id: 'A', price: 5 }] }))
      push(gtag('event', 'add_to_cart', { items: [{ item_id: 'B', price: 7 }] }))
      expect(sent.map((entry) => entry.event)).toEqual(['StatusCart', 'PurchasedItems', 'StatusCart'])
      expect(sent[1]!.body.OrderNumber).toBe('1001')
      expect(sent[2]!.body.Products).toEqual([{ productKey: 'B', price: 7, quantity: 1 }])
    })

    it('should send a purchase once across reloads of the thank-you page and other tabs', () => {
      const storage = createSafeStorage(() => undefined)
      const pages = Array.from({ length: 4 }, () => setUp({}, storage))
      for (const page of pages)
        page.push(...gtm4wpEvent('purchase', { transaction_id: '2001', items: [gtm4wpItem('S', '3.00')] }))
      expect(pages.flatMap((page) => page.sent)).toHaveLength(1)
    })

    it('should send nothing and leave the mirror alone when a purchase has no transaction_id or repeats', () => {
      const { push, sent } = setUp()
      push(gtag('event', 'purchase', { transaction_id: 'T-1', items: [{ item_id: 'A', price: 5 }] }))
      push(gtag('event', 'add_to_cart', { items: [{ item_id: 'B', price: 7 }] }))
      push(gtag('event', 'purchase', { items: [{ item_id: 'B', price: 7 }] }))
      push(gtag('event', 'purchase', { transaction_id: '', items: [{ item_id: 'B', price: 7 }] }))
      push(gtag('event', 'purchase', { transaction_id: 'T-1', items: [{ item_id: 'B', price: 7 }] }))
      push(gtag('event', 'add_to_cart', { items: [{ item_id: 'C', price: 1 }] }))
      expect(sent.map((entry) => entry.event)).toEqual(['PurchasedItems', 'StatusCart', 'StatusCart'])
      expect((sent[2]!.body.Products as unknown[]).length).toBe(2)
    })
  })

  describe('add_to_wishlist, identity and the rest', () => {
    it('should send addToWishlist of the first item', () => {
      const { push, sent } = setUp()
      push(...gtm4wpEvent('add_to_wishlist', { items: [gtm4wpItem('SKU-3', '7.25')] }))
      expect(sent).toEqual([{ event: 'AddToWishlist', body: { Product: { productKey: 'SKU-3', price: '7.25 EUR' } } }])
    })

    it("should identify the visitor from gtag's user_data only when the identify option is on", () => {
      const off = setUp()
      off.push(gtag('set', 'user_data', { email: 'jane@example.com', phone_number: '+15550100' }))
      expect(off.identities).toEqual([])
      const on = setUp({ identify: true })
      on.push(gtag('set', 'user_data', { email: 'jane@example.com', phone_number: '+15550100' }))
      on.push(gtag('set', { user_data: { email: 'joe@example.com' } }))
      on.push(gtag('set', 'user_data', { sha256_email_address: 'ab12' }))
      expect(on.identities).toEqual([{ email: 'jane@example.com', phone: '+15550100' }, { email: 'joe@example.com' }])
    })

    it('should send nothing for other events, non-ecommerce pushes and other gtag commands', () => {
      const { push, sent, errors } = setUp()
      push(
        { event: 'gtm.js', 'gtm.start': 1 },
        { event: 'select_item', ecommerce: { items: googleItems } },
        { event: 'view_promotion', ecommerce: { items: googleItems } },
        { event: 'refund', ecommerce: { transaction_id: 'T_12345' } },
        { ecommerce: { items: googleItems } },
        gtag('js', new Date()),
        gtag('config', 'G-XXXX'),
        gtag('consent', 'default', { analytics_storage: 'denied' }),
        ['event', 'view_item', { items: googleItems }],
        'view_item',
        null,
      )
      expect(sent).toEqual([])
      expect(errors).toEqual([])
    })

    it('should never let the items of one push leak into the next', () => {
      const { push, sent } = setUp()
      push({ event: 'view_item_list', ecommerce: { items: googleItems } })
      push({ event: 'view_item' })
      push({ ecommerce: null }, { event: 'add_to_cart' })
      expect(sent.map((entry) => entry.event)).toEqual(['ProductImpressions'])
    })
  })

  describe('items that cannot be sent', () => {
    it('should skip and report an item without item_id or with a non-numeric price, and send the rest', () => {
      const { push, sent, errors } = setUp()
      push(
        gtag('event', 'add_to_cart', {
          items: [
            { item_name: 'no id', price: 1 },
            { item_id: 'A', price: 5 },
            { item_id: '', price: 1 },
            { item_id: null, price: 1 },
            { item_id: 'B', price: '1,50' },
            { item_id: 'C' },
            { item_id: 'D', price: 2, quantity: 'two' },
            'SKU',
          ],
        }),
      )
      expect(sent.map((entry) => entry.body.Products)).toEqual([[{ productKey: 'A', price: 5, quantity: 1 }]])
      expect(errors.map((error) => [error.code, error.message])).toEqual([
        [
          'invalid_event',
          'GA4 add_to_cart: items[0] skipped: item_id must be a non-empty string or a number; got undefined',
        ],
        ['invalid_event', 'GA4 add_to_cart: items[2] skipped: item_id must be a non-empty string or a number; got ""'],
        [
          'invalid_event',
          'GA4 add_to_cart: items[3] skipped: item_id must be a non-empty string or a number; got null',
        ],
        ['invalid_event', 'GA4 add_to_cart: items[4] skipped: price must be a number or a numeric string; got "1,50"'],
        [
          'invalid_event',
          'GA4 add_to_cart: items[5] skipped: price must be a number or a numeric string; got undefined',
        ],
        ['invalid_event', 'GA4 add_to_cart: items[6] skipped: quantity must be a whole number above 0; got "two"'],
        ['invalid_event', 'GA4 add_to_cart: items[7] skipped: the item must be an object; got "SKU"'],
      ])
    })

    it("should read no more than GA4's 200 items, and report the rest at once, when a list claims millions", () => {
      const { push, sent, errors } = setUp()
      const huge = new Proxy([{ item_id: 'A', price: 1 }], {
        get: (target, key) => (key === 'length' ? 2 ** 32 - 1 : Reflect.get(target, key)),
      })
      // Without the bound this walks 2^32 - 1 indexes and the test times out.
      push({ event: 'view_item_list', ecommerce: { items: huge } })
      expect(sent.map((entry) => (entry.body.Products as unknown[]).length)).toEqual([1])
      expect(errors.map((error) => error.message)).toEqual([
        "GA4 view_item_list: the 4294967095 items past GA4's 200 skipped",
        ...Array.from({ length: 199 }, (_, index) => expect.stringContaining(`items[${index + 1}] skipped: the item`)),
      ])
    })

    it('should send a productPage of the first item that can be sent', () => {
      const { push, sent, errors } = setUp()
      push({
        event: 'view_item',
        ecommerce: {
          items: [
            { item_name: 'x', price: 1 },
            { item_id: 7, price: '2.5' },
          ],
        },
      })
      expect(sent.map((entry) => entry.body.Product)).toEqual([{ productKey: '7', price: '2.5', isInStock: '1' }])
      expect(errors).toHaveLength(1)
    })
  })
})
