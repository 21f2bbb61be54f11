import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { convertEsJsCall } from './convertEsJsCall'

const NEW_GUID = '0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9'
const LAST_CART = '6F9619FF-8B86-D011-B42D-00CF4FC964FF'
const state = { newGuid: () => NEW_GUID }

describe('convertEsJsCall', () => {
  it('should answer an event with the REST body when the call is a documented eS.JS call', () => {
    expect(
      convertEsJsCall(
        'sendEvent',
        'ProductPage',
        { ProductPage: { productKey: '72354', price: '754', isInStock: 1 } },
        undefined,
        state,
      ),
    ).toEqual({
      kind: 'event',
      eventName: 'ProductPage',
      body: { ProductPage: { Product: { productKey: '72354', price: '754', isInStock: '1' } } },
    })
  })

  it('should name the impressions event ProductImpressions when the call says ProductImpression or ProductImpressions', () => {
    const body = { ProductImpression: [{ product_id: '1', container_type: '2' }] }
    for (const name of ['ProductImpression', 'ProductImpressions']) {
      const result = convertEsJsCall('sendEventWithTags', name, body, undefined, state)
      expect(result).toEqual({
        kind: 'event',
        eventName: 'ProductImpressions',
        body: { ProductImpression: { Products: [{ product_id: '1', container_type: '2' }] } },
      })
    }
  })

  it('should skip and say why when the event exists only in the vendor script', () => {
    for (const name of ['MainPage', 'NotFound', 'StatusCartPage', 'PageView']) {
      for (const body of [undefined, {}, null]) {
        const result = convertEsJsCall('sendEvent', name, body, undefined, state)
        expect(result.kind).toBe('skip')
        expect(result.kind === 'skip' && result.reason).toContain(`${name}: eS.JS-only event, nothing sent`)
      }
    }
  })

  it('should take a GeneralInfo inside a PageView body as identity when one is given', () => {
    const result = convertEsJsCall(
      'sendEvent',
      'PageView',
      { PageView: { GeneralInfo: { user_email: 'a@example.com', user_city: 'Lviv' } } },
      undefined,
      state,
    )
    expect(result).toMatchObject({
      kind: 'identity',
      identity: { email: 'a@example.com' },
      context: { user_city: 'Lviv' },
    })
    const beside = convertEsJsCall(
      'sendEvent',
      'PageView',
      { GeneralInfo: { externalCustomerId: 7 } },
      undefined,
      state,
    )
    expect(beside).toMatchObject({ kind: 'identity', identity: { externalCustomerId: 7 } })
  })

  it('should send CustomerData with its identity and ask to remember it', () => {
    const result = convertEsJsCall(
      'sendEvent',
      'CustomerData',
      { CustomerData: { externalCustomerId: '42', user_email: 'a@example.com', user_card_id: 'C1' } },
      undefined,
      state,
    )
    expect(result).toEqual({
      kind: 'event',
      eventName: 'CustomerData',
      body: {},
      identity: { externalCustomerId: '42', email: 'a@example.com' },
      context: { user_card_id: 'C1' },
    })
  })

  it('should fill identity from GeneralInfo fragments when they come in the body or as a fourth argument', () => {
    const result = convertEsJsCall(
      'sendEvent',
      'CategoryPage',
      { CategoryPage: { categoryKey: 'Babies' }, GeneralInfo: { user_email: 'a@example.com', user_name: 'A' } },
      { user_email: 'b@example.com', user_phone: '380501234567' },
      state,
    )
    expect(result).toEqual({
      kind: 'event',
      eventName: 'CategoryPage',
      body: { CategoryPage: { Category: { categoryKey: 'Babies' } } },
      identity: { email: 'b@example.com', name: 'A', phone: '380501234567' },
    })
  })

  it('should give a cart a new GUID and name it as the last cart GUID when the cart has products', () => {
    const result = convertEsJsCall(
      'sendEvent',
      'StatusCart',
      { StatusCart: [{ productKey: '1', price: '5', quantity: '1' }] },
      undefined,
      state,
    )
    expect(result).toMatchObject({ kind: 'event', cartGuid: NEW_GUID, body: { StatusCart: { GUID: NEW_GUID } } })
  })

  it('should name no last cart GUID when the cart is empty', () => {
    const result = convertEsJsCall('sendEvent', 'StatusCart', { StatusCart: [] }, undefined, state)
    expect(result.kind === 'event' && result.cartGuid).toBeUndefined()
  })

  it('should name a given cart GUID as the last cart GUID when the cart has products, in either form', () => {
    const line = { productKey: '1', price: '5', quantity: '1' }
    const esJs = convertEsJsCall('sendEvent', 'StatusCart', { StatusCart: [line], GUID: 'CART-1' }, undefined, state)
    const rest = convertEsJsCall(
      'sendEventWithTags',
      'StatusCart',
      { StatusCart: { GUID: 'CART-2', Products: [{ ...line, quantity: 1 }] } },
      undefined,
      state,
    )
    expect([esJs, rest]).toMatchObject([{ cartGuid: 'CART-1' }, { cartGuid: 'CART-2' }])
  })

  it('should join the last cart GUID and name it again when a purchase has none', () => {
    const result = convertEsJsCall(
      'sendEvent',
      'PurchasedItems',
      { OrderNumber: '1', PurchasedItems: [{ productKey: '1', price: '5', quantity: 1 }] },
      undefined,
      { ...state, lastCartGuid: LAST_CART },
    )
    expect(result).toMatchObject({ kind: 'event', cartGuid: LAST_CART, body: { PurchasedItems: { GUID: LAST_CART } } })
  })

  it("should name a purchase's given GUID as the last cart GUID, and none when there is no GUID at all", () => {
    const order = { OrderNumber: '1', PurchasedItems: [{ productKey: '1', price: '5', quantity: 1 }] }
    const given = convertEsJsCall('sendEvent', 'PurchasedItems', { ...order, GUID: 77 }, undefined, {
      ...state,
      lastCartGuid: LAST_CART,
    })
    expect(given).toMatchObject({ cartGuid: '77', body: { PurchasedItems: { GUID: '77' } } })
    const oneClick = convertEsJsCall('sendEvent', 'PurchasedItems', order, undefined, state)
    expect(oneClick.kind === 'event' && oneClick.cartGuid).toBeUndefined()
  })

  it('should name no last cart GUID when another event carries a GUID and products', () => {
    const result = convertEsJsCall(
      'sendEventWithTags',
      'CustomEvent',
      { CustomEvent: { EventName: 'x', GUID: 'G', Products: [1] } },
      undefined,
      state,
    )
    expect(result.kind === 'event' && result.cartGuid).toBeUndefined()
  })

  it('should read the event name regardless of case and surrounding spaces when an integration typed it loosely', () => {
    const result = convertEsJsCall('sendEvent', ' searchrequest ', { SearchRequest: { search: 'x' } }, undefined, state)
    expect(result).toMatchObject({ kind: 'event', eventName: 'SearchRequest' })
  })

  it('should answer invalid_event when the event name is unknown or not a string', () => {
    for (const name of ['Checkout', '__proto__', 'constructor', 5, undefined]) {
      const result = convertEsJsCall('sendEvent', name as string, {}, undefined, state)
      expect(result.kind).toBe('error')
      expect(result.kind === 'error' && result.error.code).toBe('invalid_event')
    }
  })

  it('should answer invalid_event naming the event when the body is not an object', () => {
    const result = convertEsJsCall('sendEvent', 'ProductPage', '{"ProductPage":{}}', undefined, state)
    expect(result.kind === 'error' && result.error.message).toBe(
      'sendEvent ProductPage body: expected an object, got "{\\"ProductPage\\":{}}"',
    )
  })

  it('should answer an error and not throw when reading the body throws', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom')
        },
        get() {
          throw new Error('boom')
        },
      },
    )
    const result = convertEsJsCall('sendEvent', 'StatusCart', hostile, undefined, state)
    expect(result.kind).toBe('error')
  })

  it('should never throw and always answer one of its four kinds when given any input', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('sendEvent', 'sendEventWithTags'),
        fc.oneof(
          fc.constantFrom(
            'ProductPage',
            'StatusCart',
            'PurchasedItems',
            'CustomerData',
            'PageView',
            'ProductImpression',
          ),
          fc.string(),
        ),
        fc.anything(),
        fc.anything(),
        fc.option(fc.string(), { nil: undefined }),
        (command, name, body, generalInfo, lastCartGuid) => {
          const result = convertEsJsCall(command, name, body, generalInfo, { lastCartGuid, newGuid: () => NEW_GUID })
          expect(['event', 'identity', 'skip', 'error']).toContain(result.kind)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('should never throw when the bodies have the right keys but junk inside', () => {
    const bodyKey = fc.constantFrom(
      'ProductPage',
      'StatusCart',
      'PurchasedItems',
      'CategoryPage',
      'ProductImpression',
      'CustomerData',
      'SearchRequest',
      'GeneralInfo',
      'GUID',
      'Tags',
      'Products',
      'Product',
    )
    fc.assert(
      fc.property(
        fc.constantFrom(
          'ProductPage',
          'AddToWishlist',
          'StatusCart',
          'PurchasedItems',
          'CategoryPage',
          'ProductImpressions',
          'CustomerData',
          'CustomEvent',
          'SearchRequest',
          'ProductUpdate',
          'PageView',
        ),
        fc.dictionary(bodyKey, fc.oneof(fc.anything(), fc.array(fc.dictionary(fc.string(), fc.anything())))),
        (name, body) => {
          const result = convertEsJsCall('sendEvent', name, body, undefined, state)
          expect(['event', 'identity', 'skip', 'error']).toContain(result.kind)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('should report, without walking it, a body whose array claims 2^32-1 lines', () => {
    const lines = new Proxy([] as unknown[], {
      get: (target, key) => (key === 'length' ? 2 ** 32 - 1 : Reflect.get(target, key)),
    })
    const result = convertEsJsCall('sendEvent', 'StatusCart', { StatusCart: lines }, undefined, state)
    expect(result.kind === 'error' && result.error.message).toBe(
      `sendEvent StatusCart: StatusCart: expected at most 100000 values in a payload, got an array of ${2 ** 32 - 1}`,
    )
  })

  it('should keep every field of a CustomerData body in GeneralInfo, identity checked and the others as given', () => {
    const body = {
      CustomerData: { user_email: 'ann@example.com', user_tags_gender: 'female', user_card_id: 'C-7', siteId: 'evil' },
    }
    expect(convertEsJsCall('sendEvent', 'CustomerData', body, undefined, state)).toEqual({
      kind: 'event',
      eventName: 'CustomerData',
      body: {},
      cartGuid: undefined,
      identity: { email: 'ann@example.com' },
      context: { user_tags_gender: 'female', user_card_id: 'C-7' },
    })
  })

  it.each(['', 'undefined', 'null', ' null '])('should read a field a template printed as %j as absent', (blank) => {
    const guest = { CustomerData: { externalCustomerId: blank, user_phone: blank, user_name: 'Ann', user_city: blank } }
    expect(convertEsJsCall('sendEvent', 'CustomerData', guest, { user_email: blank }, state)).toMatchObject({
      identity: { name: 'Ann' },
    })
    const cart = { StatusCart: [{ productKey: '1', price: '2', quantity: '1', currency: blank }], GUID: blank }
    expect(convertEsJsCall('sendEvent', 'StatusCart', cart, undefined, state)).toMatchObject({
      body: { StatusCart: { GUID: NEW_GUID, Products: [{ productKey: '1', price: 2, quantity: 1 }] } },
    })
    const search = { SearchRequest: { search: 'socks', isFound: blank }, Tags: blank }
    expect(convertEsJsCall('sendEvent', 'SearchRequest', search, undefined, state)).toMatchObject({
      body: { SearchRequest: { search: 'socks' } },
    })
  })

  it('should read isInStock "" as out of stock ("0"), in the eS.JS and the REST form', () => {
    for (const [command, body] of [
      ['sendEvent', { ProductPage: { productKey: '1', price: '2', isInStock: '' } }],
      ['sendEvent', { ProductPage: { Product: { productKey: '1', price: '2', isInStock: '' } } }],
      ['sendEventWithTags', { ProductPage: { Product: { productKey: '1', price: '2', isInStock: '' } } }],
    ] as const) {
      expect(convertEsJsCall(command, 'ProductPage', body, undefined, state)).toMatchObject({
        body: { ProductPage: { Product: { productKey: '1', price: '2', isInStock: '0' } } },
      })
    }
  })
})
