// Every eS.JS body of ESJS.md's table, and the forms integrations really send, must become a REST
// payload that core's validator accepts, carrying the right values in the strict wire form.
import { describe, expect, it } from 'vitest'
import { exampleNames, loadExample } from '../../test/examples'
import { validatePayload } from '../events/validatePayload'
import { convertEsJsCall } from './convertEsJsCall'
import type { EsJsCommand } from './types'

const NEW_GUID = '0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9'
const LAST_CART = '6F9619FF-8B86-D011-B42D-00CF4FC964FF'

/** Converts one call and wraps its body the way the tracker does: GeneralInfo first, then the body. */
function payloadOf(name: string, body: unknown, command: EsJsCommand = 'sendEvent') {
  const result = convertEsJsCall(command, name, body, undefined, { lastCartGuid: LAST_CART, newGuid: () => NEW_GUID })
  if (result.kind !== 'event') throw new Error(`expected an event, got ${JSON.stringify(result)}`)
  const payload = {
    GeneralInfo: {
      eventName: result.eventName,
      siteId: '8A412DC',
      datetime: 1579622183208,
      cookies: { sc: 'CDA68358-94FB-4D83-9655-3FEB3C4114A3' },
    },
    ...result.body,
  }
  const validated = validatePayload(payload)
  expect(validated.ok ? [] : validated.error.issues, `${name} ${JSON.stringify(body)}`).toEqual([])
  return payload as Record<string, unknown>
}

describe('convertEsJsCall', () => {
  it('should produce a valid ProductPage whatever stock spelling and price form the integration prints', () => {
    for (const isInStock of ['1', 1, '', true, '0', 0, false]) {
      for (const price of ['754', '450.00', 754, '754 USD']) {
        const payload = payloadOf('ProductPage', { ProductPage: { productKey: '72354', price, isInStock } })
        expect(payload.ProductPage).toEqual({
          Product: {
            productKey: '72354',
            price: String(price),
            isInStock: isInStock === '1' || isInStock === 1 || isInStock === true ? '1' : '0',
          },
        })
      }
    }
  })

  it('should produce a valid AddToWishlist when the body is the eS.JS or the REST form', () => {
    const esJs = payloadOf('AddToWishlist', {
      AddToWishlist: { productKey: '7', price: '10', isInStock: '1', tag_color: 'red' },
    })
    const rest = payloadOf(
      'AddToWishlist',
      { AddToWishlist: { Product: { productKey: '7', price: '10', isInStock: '1', tag_color: ['red'] } } },
      'sendEventWithTags',
    )
    expect(esJs).toEqual(rest)
    expect(esJs.AddToWishlist).toEqual({
      Product: { productKey: '7', price: '10', isInStock: '1', tag_color: ['red'] },
    })
  })

  it('should produce a valid StatusCart with numbers and integers when every value came as a string', () => {
    const payload = payloadOf('StatusCart', {
      StatusCart: [
        { productKey: '430738', price: '201.95', discount: '180', quantity: '1', currency: 'USD' },
        { productKey: '902339', price: '596', quantity: '2', discount: '' },
      ],
      GUID: '6f9619ff-8b86-d011-b42d-00cf4fc964ff',
    })
    expect(payload.StatusCart).toEqual({
      GUID: '6f9619ff-8b86-d011-b42d-00cf4fc964ff',
      Products: [
        { productKey: '430738', price: 201.95, discount: 180, quantity: 1, price_currency_code: 'USD' },
        { productKey: '902339', price: 596, quantity: 2 },
      ],
    })
  })

  it('should produce a valid empty StatusCart with a new GUID when the cart is emptied', () => {
    expect(payloadOf('StatusCart', { StatusCart: [] }).StatusCart).toEqual({ GUID: NEW_GUID, Products: [] })
  })

  it('should produce a valid PurchasedItems joined to the last cart when the eS.JS body has no GUID', () => {
    const payload = payloadOf('PurchasedItems', {
      OrderNumber: 10045,
      PurchasedItems: [
        { productKey: '430738', price: '201.95', quantity: '1', currency: 'UAH' },
        { productKey: '211452', price: '341.80', quantity: 2 },
      ],
      Tags: { coupon: 'SPRING' },
    })
    expect(payload.PurchasedItems).toEqual({
      OrderNumber: '10045',
      GUID: LAST_CART,
      Products: [
        { product_id: '430738', unit_price: '201.95', quantity: 1, price_currency_code: 'UAH' },
        { product_id: '211452', unit_price: '341.80', quantity: 2 },
      ],
      Tags: { coupon: ['SPRING'] },
    })
  })

  it('should produce a valid PurchasedItems keeping a hash-like GUID when the body gives one', () => {
    const payload = payloadOf('PurchasedItems', {
      OrderNumber: '123/2017',
      GUID: 'd41d8cd98f00b204e9800998ecf8427e',
      PurchasedItems: [{ productKey: '1', price: '1 234,50', quantity: '1' }],
    })
    expect(payload.PurchasedItems).toMatchObject({
      GUID: 'd41d8cd98f00b204e9800998ecf8427e',
      Products: [{ product_id: '1', unit_price: '1234.50', quantity: 1 }],
    })
  })

  it('should produce a valid CategoryPage with its Tags when they come beside the category', () => {
    const payload = payloadOf('CategoryPage', {
      CategoryPage: { categoryKey: 'Babies' },
      Tags: { some_tags: ['1', 'a2'] },
    })
    expect(payload.CategoryPage).toEqual({ Category: { categoryKey: 'Babies' }, Tags: { some_tags: ['1', 'a2'] } })
  })

  it('should produce a valid SearchRequest when isFound comes as a string', () => {
    expect(payloadOf('SearchRequest', { SearchRequest: { search: 'Coffe' } }).SearchRequest).toEqual({
      search: 'Coffe',
    })
    expect(payloadOf('SearchRequest', { SearchRequest: { search: 'Coffe', isFound: '0' } }).SearchRequest).toEqual({
      search: 'Coffe',
      isFound: 0,
    })
  })

  it('should produce a valid ProductImpressions under either name and either body form', () => {
    const items = [
      { product_id: '430968', container_type: '1253' },
      { product_id: '430738', container_type: '1254' },
    ]
    const expected = { Products: items }
    expect(payloadOf('ProductImpression', { ProductImpression: items }).ProductImpression).toEqual(expected)
    expect(payloadOf('ProductImpressions', { ProductImpression: items }).ProductImpression).toEqual(expected)
    expect(
      payloadOf('ProductImpression', { ProductImpression: { Products: items } }, 'sendEventWithTags').ProductImpression,
    ).toEqual(expected)
  })

  it('should produce a valid CustomerData with no body when the eS.JS body carries the customer', () => {
    const payload = payloadOf('CustomerData', {
      CustomerData: { externalCustomerId: '1', user_email: 'user@example.com' },
    })
    expect(Object.keys(payload)).toEqual(['GeneralInfo'])
  })

  it('should produce a valid CustomEvent when sendEventWithTags gives the REST body', () => {
    const payload = payloadOf(
      'CustomEvent',
      { CustomEvent: { EventName: 'my_event', Tags: { a: ['1'] } } },
      'sendEventWithTags',
    )
    expect(payload.CustomEvent).toEqual({ EventName: 'my_event', Tags: { a: ['1'] } })
  })

  it("should keep every reference example's body as it is when sendEventWithTags gives it", () => {
    for (const file of exampleNames()) {
      const { GeneralInfo, ...body } = loadExample(file) as { GeneralInfo: { eventName: string } }
      const result = convertEsJsCall('sendEventWithTags', GeneralInfo.eventName, body, undefined, {
        newGuid: () => NEW_GUID,
      })
      expect(result, file).toMatchObject({ kind: 'event', eventName: GeneralInfo.eventName, body })
      expect(validatePayload({ GeneralInfo, ...(result.kind === 'event' ? result.body : {}) }).ok, file).toBe(true)
    }
  })

  it('should leave what it cannot read for validation, which names it by its wire path', () => {
    const cases: Array<[string, unknown, string]> = [
      ['StatusCart', { StatusCart: 'none' }, 'StatusCart'],
      [
        'StatusCart',
        { StatusCart: [{ productKey: '1', price: 'free', quantity: '2' }] },
        'StatusCart.Products[0].price',
      ],
      [
        'StatusCart',
        { StatusCart: [{ productKey: '1', price: '5', quantity: '1.5' }] },
        'StatusCart.Products[0].quantity',
      ],
      ['PurchasedItems', { OrderNumber: '1', PurchasedItems: 'x' }, 'PurchasedItems'],
      ['ProductPage', { ProductPage: { price: '5' } }, 'ProductPage.Product.productKey'],
      [
        'ProductPage',
        { ProductPage: { productKey: '1', price: '5', isInStock: 'maybe' } },
        'ProductPage.Product.isInStock',
      ],
      ['CategoryPage', { CategoryPage: 'Babies' }, 'CategoryPage'],
      ['SearchRequest', { SearchRequest: { search: 'x', isFound: 'perhaps' } }, 'SearchRequest.isFound'],
      ['ProductImpression', { ProductImpression: 5 }, 'ProductImpression'],
    ]
    for (const [name, body, path] of cases) {
      const result = convertEsJsCall('sendEvent', name, body, undefined, {
        lastCartGuid: LAST_CART,
        newGuid: () => NEW_GUID,
      })
      if (result.kind !== 'event') throw new Error(`expected an event for ${name}`)
      const validated = validatePayload({
        GeneralInfo: { eventName: result.eventName, siteId: 'S', datetime: 1, cookies: { sc: 'SC' } },
        ...result.body,
      })
      expect(validated.ok, JSON.stringify(body)).toBe(false)
      expect(validated.ok ? [] : validated.error.issues.map((issue) => issue.path), JSON.stringify(body)).toContain(
        path,
      )
    }
  })
})
