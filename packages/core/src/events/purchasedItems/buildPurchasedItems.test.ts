import { describe, expect, it } from 'vitest'
import { loadExample, referenceContext } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { validatePayload } from '../validatePayload'
import { buildPurchasedItems, type PurchasedItemsInput } from './buildPurchasedItems'

const GUID = '6F9619FF-8B86-D011-B42D-00CF4FC964FF'
const lines = [
  { productKey: '430738', price: 201.95, quantity: 1 },
  { productKey: '211452', price: '341.80', quantity: 2 },
]
const oneClickTags = { block_id: ['21246_r335v507'], some_tags1: ['4', 'gg'] }

const build = (input: unknown) => buildPurchasedItems(input as PurchasedItemsInput, referenceContext)
const bodyOf = (input: unknown) => expectPayload(build(input)).PurchasedItems as Record<string, unknown>

describe('buildPurchasedItems', () => {
  it('should produce purchased-items.json exactly when given a GUID', () => {
    const input = { orderNumber: '123/2017', guid: GUID, tags: { some_tags: ['1', 'a2'], some_tags1: ['4', 'gg'] } }
    const payload = expectPayload(build(input))
    expect(payload).toStrictEqual(loadExample('purchased-items.json'))
    expectPayload(validatePayload(payload))
  })

  it('should produce purchased-items-one-click.json exactly when given products and oneClick', () => {
    const payload = expectPayload(
      build({ orderNumber: '123/2017', products: lines, oneClick: true, guid: GUID, tags: oneClickTags }),
    )
    expect(payload).toStrictEqual(loadExample('purchased-items-one-click.json'))
    expectPayload(validatePayload(payload))
  })

  it('should send both GUID and Products when given both without oneClick', () => {
    const body = bodyOf({ orderNumber: '1', guid: GUID, products: lines })
    expect(body.GUID).toBe(GUID)
    expect(body.Products).toStrictEqual([
      { product_id: '430738', unit_price: '201.95', quantity: 1 },
      { product_id: '211452', unit_price: '341.80', quantity: 2 },
    ])
  })

  it.each([
    [{ price: 201.95 }, { unit_price: '201.95' }],
    [{ price: '341.80' }, { unit_price: '341.80' }],
    [{ price: 100 }, { unit_price: '100' }],
    [{ quantity: '2' }, { quantity: 2 }],
    [{ productKey: 7 }, { product_id: '7' }],
    [{ currency: 'UAH' }, { price_currency_code: 'UAH' }],
  ])('should send order line field %j as %j', (given, wire) => {
    const body = bodyOf({ orderNumber: '1', products: [{ productKey: '1', price: 1, quantity: 1, ...given }] })
    expect((body.Products as unknown[])[0]).toMatchObject(wire)
  })

  it('should send a numeric order number as a string when given a number', () => {
    expect(bodyOf({ orderNumber: 1234, guid: GUID }).OrderNumber).toBe('1234')
  })

  it.each([
    ['no guid and no products', { orderNumber: '1' }],
    ['a blank guid and no products', { orderNumber: '1', guid: ' ' }],
    ['no guid and an empty products list', { orderNumber: '1', products: [] }],
    ['oneClick without products', { orderNumber: '1', guid: GUID, oneClick: true }],
  ])('should reject the purchase naming PurchasedItems.GUID when given %s', (_, input) => {
    expectIssueAt(
      build(input),
      'PurchasedItems.GUID',
      'expected a GUID, or Products for a one-click purchase, got undefined',
    )
  })

  it.each([
    [{ guid: GUID }, 'PurchasedItems.OrderNumber', /got undefined$/],
    [{ guid: GUID, orderNumber: '' }, 'PurchasedItems.OrderNumber', /got ""$/],
    [{ guid: 'a b', orderNumber: '1' }, 'PurchasedItems.GUID', /got "a b"$/],
    [
      { orderNumber: '1', products: [{ productKey: '1', price: 'x', quantity: 1 }] },
      'PurchasedItems.Products[0].unit_price',
      /got "x"$/,
    ],
    [
      { orderNumber: '1', products: [{ productKey: '1', price: 1, quantity: '1.5' }] },
      'PurchasedItems.Products[0].quantity',
      /got "1.5"$/,
    ],
    [
      { orderNumber: '1', products: [{ price: 1, quantity: 1 }] },
      'PurchasedItems.Products[0].product_id',
      /got undefined$/,
    ],
    [
      { orderNumber: '1', products: [{ productKey: '1', quantity: 1 }] },
      'PurchasedItems.Products[0].unit_price',
      /got undefined$/,
    ],
    [{ orderNumber: '1', products: 'x' }, 'PurchasedItems.Products', /got "x"$/],
  ])('should reject %j naming the wire field', (input, path, message) => {
    expectIssueAt(build(input), path, message)
  })

  it('should reject prototype-polluting tag names when the purchase tags use them', () => {
    expectIssueAt(
      build({ orderNumber: '1', guid: GUID, tags: JSON.parse('{"__proto__":["x"]}') }),
      'PurchasedItems.Tags.__proto__',
    )
  })
})
