import { describe, expect, it } from 'vitest'
import { catalogContext, customEventContext, loadExample, referenceContext } from '../../test/examples'
import { expectIssueAt, expectPayload } from '../../test/expectations'
import { buildEvent, buildRawEvent } from './buildEvent'
import type { EventName } from './registry'

const bodyOf = (file: string) => {
  const { GeneralInfo: _, ...body } = loadExample(file)
  return body
}

describe('buildEvent', () => {
  it.each([
    [
      'CategoryPage',
      { categoryKey: 'Babies', tags: { some_tags: ['1', 'a2'], some_tags1: ['4', 'gg'] } },
      'category-page.json',
    ],
    ['SearchRequest', { search: 'Coffe' }, 'search-request.json'],
    [
      'PurchasedItems',
      {
        orderNumber: '123/2017',
        guid: '6F9619FF-8B86-D011-B42D-00CF4FC964FF',
        tags: { some_tags: ['1', 'a2'], some_tags1: ['4', 'gg'] },
      },
      'purchased-items.json',
    ],
  ] as const)('should dispatch %s to its builder when given its friendly input', (eventName, input, file) => {
    expect(expectPayload(buildEvent(eventName, input, referenceContext))).toStrictEqual(loadExample(file))
  })

  it('should send CustomerData when given no input at all', () => {
    expect(Object.keys(expectPayload(buildEvent('CustomerData', undefined, referenceContext)))).toEqual(['GeneralInfo'])
  })

  it.each(['PageView', 'MainPage', '__proto__', 'toString', ''])(
    'should answer invalid_event when the event name is %j',
    (name) => {
      expectIssueAt(buildEvent(name as EventName, {}, referenceContext), 'GeneralInfo.eventName', /^expected one of /)
    },
  )

  it('should answer invalid_event, not throw, when the input has a throwing getter', () => {
    const input = {
      get product(): never {
        throw new Error('boom')
      },
    }
    const result = buildEvent('ProductPage', input, referenceContext)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_event')
      expect(result.error.cause).toBeInstanceOf(Error)
    }
  })

  it('should answer invalid_event, not throw, when the input is a revoked proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(buildEvent('StatusCart', proxy, referenceContext).ok).toBe(false)
    expect(buildEvent('StatusCart', { guid: 'A', products: [proxy] }, referenceContext).ok).toBe(false)
  })

  it('should return warnings, and send the event, when an identity field is malformed', () => {
    const context = { ...referenceContext, identity: { email: 'not-an-email', phone: '+380 (50) 111-22-33' } }
    const result = buildEvent('CustomerData', undefined, context)
    const payload = expectPayload(result)
    expect(payload.GeneralInfo).not.toHaveProperty('user_email')
    expect(payload.GeneralInfo.user_phone).toBe('+380 (50) 111-22-33')
    expect(result.ok && result.warnings?.map((warning) => warning.path)).toEqual(['GeneralInfo.user_email'])
  })
})

describe('buildRawEvent', () => {
  it.each([
    ['ProductPage', 'product-page.json', referenceContext],
    ['StatusCart', 'status-cart.json', referenceContext],
    ['PurchasedItems', 'purchased-items-one-click.json', referenceContext],
    ['ProductImpressions', 'product-impressions.json', referenceContext],
    ['CustomEvent', 'custom-event.json', customEventContext],
    ['ProductUpdate', 'product-update.json', catalogContext],
  ])('should reproduce the example exactly when given the raw %s body and its context', (eventName, file, context) => {
    const payload = expectPayload(buildRawEvent(eventName, bodyOf(file), context))
    expect(payload).toStrictEqual(loadExample(file))
  })

  it.each([[undefined], [null], [{}]])('should send CustomerData when the body is %j', (body) => {
    expect(Object.keys(expectPayload(buildRawEvent('CustomerData', body, referenceContext)))).toEqual(['GeneralInfo'])
  })

  it('should let GeneralInfo fields in the body win over the context when both give them', () => {
    const body = {
      GeneralInfo: { user_email: 'other@example.com', user_card_id: '77' },
      SearchRequest: { search: 'x' },
    }
    const payload = expectPayload(buildRawEvent('SearchRequest', body, referenceContext))
    expect(payload.GeneralInfo).toMatchObject({
      user_email: 'other@example.com',
      user_card_id: '77',
      eventName: 'SearchRequest',
    })
  })

  it('should reject a body GeneralInfo that renames the event when its eventName differs', () => {
    const body = { GeneralInfo: { eventName: 'ProductPage' }, SearchRequest: { search: 'x' } }
    expectIssueAt(
      buildRawEvent('SearchRequest', body, referenceContext),
      'GeneralInfo.eventName',
      'expected "SearchRequest", got "ProductPage"',
    )
  })

  it.each([
    ['an unknown event name', 'PageView', {}, 'GeneralInfo.eventName'],
    ['a body under another event key', 'ProductPage', bodyOf('add-to-wishlist.json'), 'AddToWishlist'],
    [
      'the plural impressions key',
      'ProductImpressions',
      { ProductImpressions: { Products: [] } },
      'ProductImpressions',
    ],
    ['a missing body', 'CategoryPage', {}, 'CategoryPage'],
    ['a body that is not an object', 'CategoryPage', 'Babies', ''],
    [
      'an invalid field',
      'StatusCart',
      { StatusCart: { GUID: 'A', Products: [{ productKey: '1', price: 1, quantity: 'x' }] } },
      'StatusCart.Products[0].quantity',
    ],
  ])('should answer invalid_event when given %s', (_, eventName, body, path) => {
    expectIssueAt(buildRawEvent(eventName, body, referenceContext), path)
  })

  it('should reject, without assigning, prototype-polluting keys in the body and its GeneralInfo', () => {
    const body = JSON.parse('{"__proto__":{"x":1},"GeneralInfo":{"__proto__":{"y":1}},"SearchRequest":{"search":"x"}}')
    const result = buildRawEvent('SearchRequest', body, referenceContext)
    expectIssueAt(result, '__proto__')
    expectIssueAt(result, 'GeneralInfo.__proto__')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('should reject the event naming GeneralInfo.cookies.sc when the context has no sc', () => {
    expectIssueAt(
      buildRawEvent('SearchRequest', { SearchRequest: { search: 'x' } }, { siteId: 'a' }),
      'GeneralInfo.cookies.sc',
    )
  })
})
