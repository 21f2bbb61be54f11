import { readFileSync } from 'node:fs'
import { createNodeTracker, type NodeTracker } from '@es-tracker/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../test/testServer'

const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../../shared/spec/examples/${name}.json`, import.meta.url), 'utf8'))

const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
const datetime = 1579622183208
const user = {
  externalCustomerId: '1234509876',
  phone: '1-541-754-3010',
  email: 'user@example.com',
  name: 'Gregori Boczynski',
  contactId: '255830499',
}
const cartGuid = '6F9619FF-8B86-D011-B42D-00CF4FC964FF'
const iPhone = {
  productKey: '430738',
  brand: 'Apple',
  name: 'iPhone 7',
  description: 'Some description',
  imageUrl: 'https://domain.com/apple/product_large.png',
  price: '201.95',
  currency: 'UAH',
  isInStock: true,
  discountPercent: 10,
  oldPrice: '224.38',
  tags: { something: ['aaa', 'bbb'] },
}

let server: TestServer
const trackers: NodeTracker[] = []
const trackerFor = (siteId: string): NodeTracker => {
  const tracker = createNodeTracker({ siteId, endpoint: server.url, onError: () => {} })
  trackers.push(tracker)
  return tracker
}

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await Promise.all(trackers.map((tracker) => tracker.close()))
  await server.close()
})

/** Sends one event and answers the JSON the endpoint received for it. */
async function received(send: () => Promise<unknown>): Promise<unknown> {
  const before = server.requests.length
  expect(await send()).toEqual({ ok: true })
  expect(server.requests).toHaveLength(before + 1)
  return server.requests[before]!.json
}

describe('createNodeTracker', () => {
  const visitor = () => trackerFor('8A412DC').visitor({ sc, user, datetime })

  it('should post the reference ProductPage payload when given the friendly input', async () => {
    const input = {
      product: {
        productKey: '72354',
        price: 754,
        currency: 'USD',
        isInStock: true,
        tags: { something: ['abc', 'bca'] },
      },
      tags: { some_tags: ['some_tag1', 'some_tag2'] },
    }
    expect(await received(() => visitor().productPage(input))).toEqual(example('product-page'))
  })

  it('should post the reference AddToWishlist payload when given the friendly input', async () => {
    const input = {
      product: { productKey: '72354', price: '754', isInStock: 1 as const, tags: { something: ['abc', 'bca'] } },
      tags: { some_tags: ['some_tag1', 'some_tag2'] },
    }
    expect(await received(() => visitor().addToWishlist(input))).toEqual(example('add-to-wishlist'))
  })

  it('should post the reference StatusCart payload when given the friendly input and the cart guid', async () => {
    const line = { price: 201.95, discount: 180, quantity: 1, currency: 'USD', tags: { something: ['aaa', 'bbb'] } }
    const input = {
      guid: cartGuid,
      products: [
        { productKey: '430738', ...line },
        { productKey: '902339', ...line, price: '596', discount: '590', quantity: '1' },
      ],
      tags: { some_tags: [1, 'a2'], some_tags1: ['4', 'gg'] },
    }
    expect(await received(() => visitor().statusCart(input))).toEqual(example('status-cart'))
  })

  it('should post the reference empty StatusCart payload when the cart was emptied', async () => {
    expect(await received(() => visitor().statusCart({ guid: cartGuid, products: [] }))).toEqual(
      example('status-cart-empty'),
    )
  })

  it('should post the reference PurchasedItems payload when the purchase joins a cart guid', async () => {
    const input = { orderNumber: '123/2017', guid: cartGuid, tags: { some_tags: ['1', 'a2'], some_tags1: ['4', 'gg'] } }
    expect(await received(() => visitor().purchasedItems(input))).toEqual(example('purchased-items'))
  })

  it('should post the reference one-click PurchasedItems payload when given order lines and oneClick', async () => {
    const input = {
      orderNumber: '123/2017',
      oneClick: true,
      products: [
        { productKey: '430738', price: 201.95, quantity: 1 },
        { productKey: 211452, price: '341.80', quantity: '2' },
      ],
      tags: { block_id: '21246_r335v507', some_tags1: ['4', 'gg'] },
    }
    expect(await received(() => visitor().purchasedItems(input))).toEqual(example('purchased-items-one-click'))
  })

  it('should post the reference ProductImpressions payload under the singular body key', async () => {
    const input = {
      products: [
        { productKey: '430968', containerType: '1253' },
        { productKey: '430738', containerType: 1254 },
        { productKey: '429983', containerType: '1255' },
      ],
      tags: { some_tags: ['1', 'a2'], some_tags1: ['4', 'gg'] },
    }
    expect(await received(() => visitor().productImpressions(input))).toEqual(example('product-impressions'))
  })

  it('should post the reference CategoryPage payload when given the friendly input', async () => {
    const input = { categoryKey: 'Babies', tags: { some_tags: ['1', 'a2'], some_tags1: ['4', 'gg'] } }
    expect(await received(() => visitor().categoryPage(input))).toEqual(example('category-page'))
  })

  it('should post the reference CustomerData payload from the visitor identity', async () => {
    const customer = trackerFor('8D3869C').visitor({
      sc: 'CDA68358-94FB-4D83-9655-3FEB3CGGG1',
      datetime,
      user: { ...user, phone: '3801111111111', name: 'Johny' },
    })
    expect(await received(() => customer.customerData())).toEqual(example('customer-data'))
  })

  it('should post the reference CustomEvent payload with the page context', async () => {
    const context = {
      screendim: { h: 1200, w: 2304 },
      adblockEnabled: true,
      device: 'Desktop',
      browser: { name: 'Chrome', chrome: true, version: '74.0', webkit: true, a: true },
      s_location: 'https://example.com/product_id.html',
      referrer: 'https://example.com',
      user_client_id: '',
      user_city: '',
      user_card_id: '',
    }
    const withContext = trackerFor('8A412DC').visitor({ sc, user, datetime, context })
    const input = { name: 'my_event', tags: { some_tags: ['1', 'a2'], some_tags1: ['4', 'gg'] } }
    expect(await received(() => withContext.customEvent(input))).toEqual(example('custom-event'))
  })

  it('should post the reference SearchRequest payload when given the friendly input', async () => {
    expect(await received(() => visitor().searchRequest({ search: 'Coffe' }))).toEqual(example('search-request'))
  })

  it('should post the reference ProductUpdate payload without a visitor', async () => {
    const products = [
      { ...iPhone, category: 'level3', categoryIds: ['3'] },
      { ...iPhone, category: 'level1 > level2 > level3', categoryIds: [1, 2, 3] },
    ]
    expect(await received(() => trackerFor('site_id').productUpdate(products))).toEqual(example('product-update'))
  })

  it('should post the discount ProductUpdate payload with isInStock in the wire form', async () => {
    const products = [
      { productKey: 1111, price: 270, isInStock: 1 as const, currency: 'UAH', oldPrice: 300, discountPercent: '10' },
    ]
    const expected = example('product-update-discount')
    // The reference writes isInStock as the number 1 here; builders emit the string form everywhere.
    ;(expected.ProductUpdate as Array<Record<string, unknown>>)[0]!.isInStock = '1'
    expect(await received(() => trackerFor('site_id').productUpdate(products))).toEqual(expected)
  })

  it('should post the raw body with GeneralInfo added when send is used', async () => {
    const body = example('category-page')
    delete body.GeneralInfo
    expect(await received(() => visitor().send('CategoryPage', body))).toEqual(example('category-page'))
  })

  it('should send JSON with the content type, to the endpoint path, by POST', async () => {
    await received(() => visitor().searchRequest({ search: 'x' }))
    const request = server.requests.at(-1)!
    expect(request.method).toBe('POST')
    expect(request.path).toBe('/api/v2')
    expect(request.headers['content-type']).toBe('application/json')
    expect(request.headers.authorization).toBeUndefined()
  })
})
