import { describe, expect, it } from 'vitest'
import { loadExample, referenceContext } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { validatePayload } from '../validatePayload'
import { buildStatusCart, type StatusCartInput } from './buildStatusCart'

const GUID = '6F9619FF-8B86-D011-B42D-00CF4FC964FF'
const lineTags = { something: ['aaa', 'bbb'] }
const friendly: StatusCartInput = {
  guid: GUID,
  products: [
    { productKey: '430738', price: 201.95, discount: 180, quantity: 1, currency: 'USD', tags: lineTags },
    { productKey: '902339', price: 596, discount: 590, quantity: 1, currency: 'USD', tags: lineTags },
  ],
  tags: { some_tags: ['1', 'a2'], some_tags1: ['4', 'gg'] },
}

const firstLineOf = (line: Record<string, unknown>) => {
  const input = { guid: GUID, products: [line] } as unknown as StatusCartInput
  const body = expectPayload(buildStatusCart(input, referenceContext)).StatusCart as { Products: unknown[] }
  return body.Products[0] as Record<string, unknown>
}

describe('buildStatusCart', () => {
  it('should produce status-cart.json exactly when given its friendly input', () => {
    const payload = expectPayload(buildStatusCart(friendly, referenceContext))
    expect(payload).toStrictEqual(loadExample('status-cart.json'))
    expectPayload(validatePayload(payload))
  })

  it('should produce status-cart-empty.json exactly when the cart was emptied', () => {
    const payload = expectPayload(buildStatusCart({ guid: GUID, products: [] }, referenceContext))
    expect(payload).toStrictEqual(loadExample('status-cart-empty.json'))
  })

  it('should produce the same wire values when prices, discounts and quantities come as strings', () => {
    const stringly = friendly.products.map((line) => ({
      ...line,
      price: String(line.price),
      discount: `${line.discount}`,
      quantity: '1',
    }))
    const payload = expectPayload(buildStatusCart({ ...friendly, products: stringly }, referenceContext))
    expect(payload).toStrictEqual(loadExample('status-cart.json'))
  })

  it.each([
    [{ price: '201.95' }, { price: 201.95 }],
    [{ price: '0' }, { price: 0 }],
    [{ quantity: '2' }, { quantity: 2 }],
    [{ quantity: ' 3 ' }, { quantity: 3 }],
    [{ discount: '10.5' }, { discount: 10.5 }],
    [{ productKey: 430738 }, { productKey: '430738' }],
    [{ currency: 'EUR' }, { price_currency_code: 'EUR' }],
  ])('should send %j as %j', (given, wire) => {
    expect(firstLineOf({ productKey: '1', price: 1, quantity: 1, ...given })).toMatchObject(wire)
  })

  it('should leave discount and currency out when they are not given', () => {
    expect(firstLineOf({ productKey: '1', price: 1, quantity: 1 })).toStrictEqual({
      productKey: '1',
      price: 1,
      quantity: 1,
    })
  })

  it.each([
    [
      { products: [{ productKey: '1', price: 1, quantity: 'x' }] },
      'StatusCart.Products[0].quantity',
      'expected a positive integer, got "x"',
    ],
    [{ products: [{ productKey: '1', price: 1, quantity: 0 }] }, 'StatusCart.Products[0].quantity', /got 0$/],
    [{ products: [{ productKey: '1', price: 1, quantity: 1.5 }] }, 'StatusCart.Products[0].quantity', /got 1.5$/],
    [{ products: [{ productKey: '1', price: '1,5', quantity: 1 }] }, 'StatusCart.Products[0].price', /got "1,5"$/],
    [
      { products: [{ productKey: '1', price: 1, quantity: 1, discount: 'x' }] },
      'StatusCart.Products[0].discount',
      /got "x"$/,
    ],
    [{ products: [{ price: 1, quantity: 1 }] }, 'StatusCart.Products[0].productKey', /got undefined$/],
    [{ products: [{ productKey: '1', quantity: 1 }] }, 'StatusCart.Products[0].price', /got undefined$/],
    [{ products: [{ productKey: '1', price: 1 }] }, 'StatusCart.Products[0].quantity', /got undefined$/],
    [{ products: ['1'] }, 'StatusCart.Products[0]', 'expected an object, got "1"'],
    [{ products: undefined }, 'StatusCart.Products', 'expected an array of cart products, got undefined'],
  ])('should reject %j naming the wire field', (input, path, message) => {
    expectIssueAt(
      buildStatusCart({ guid: GUID, ...input } as unknown as StatusCartInput, referenceContext),
      path,
      message,
    )
  })

  it('should report every failing line when several lines are wrong', () => {
    const products = [
      { productKey: '1', price: 1, quantity: 1 },
      { productKey: '2', price: 1, quantity: 'x' },
      { productKey: '', price: 'y', quantity: 1 },
    ]
    const result = buildStatusCart({ guid: GUID, products } as unknown as StatusCartInput, referenceContext)
    expectIssueAt(result, 'StatusCart.Products[1].quantity')
    expectIssueAt(result, 'StatusCart.Products[2].productKey')
    expectIssueAt(result, 'StatusCart.Products[2].price')
    if (!result.ok) {
      expect(result.error.message).toBe(
        'Invalid StatusCart event: StatusCart.Products[1].quantity: expected a positive integer, got "x" (and 2 more)',
      )
    }
  })

  it.each([[undefined], [''], ['not a guid!']])(
    'should reject the cart naming StatusCart.GUID when the guid is %j',
    (guid) => {
      expectIssueAt(
        buildStatusCart({ guid, products: [] } as unknown as StatusCartInput, referenceContext),
        'StatusCart.GUID',
      )
    },
  )

  it('should reject prototype-polluting keys when a line or its tags use them', () => {
    const line = JSON.parse('{"productKey":"1","price":1,"quantity":1,"tags":{"prototype":["x"]},"__proto__":{"x":1}}')
    const result = buildStatusCart({ guid: GUID, products: [line] }, referenceContext)
    expectIssueAt(result, 'StatusCart.Products[0].tag_prototype')
    expectIssueAt(result, 'StatusCart.Products[0].__proto__')
  })
})
