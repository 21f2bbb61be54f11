import { describe, expect, it } from 'vitest'
import { catalogContext, loadExample, referenceContext } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { validatePayload } from '../validatePayload'
import { buildProductUpdate, type ProductUpdateInput } from './buildProductUpdate'

const iphone = {
  brand: 'Apple',
  name: 'iPhone 7',
  description: 'Some description',
  productKey: '430738',
  imageUrl: 'https://domain.com/apple/product_large.png',
  price: 201.95,
  isInStock: true,
  discountPercent: 10,
  oldPrice: 224.38,
  currency: 'UAH',
  tags: { something: ['aaa', 'bbb'] },
} as const

const build = (input: unknown) => buildProductUpdate(input as ProductUpdateInput, catalogContext)

describe('buildProductUpdate', () => {
  it('should produce product-update.json exactly when given its friendly input', () => {
    const payload = expectPayload(
      build([
        { ...iphone, category: 'level3', categoryIds: [3] },
        { ...iphone, category: 'level1 > level2 > level3', categoryIds: ['1', 2, '3'] },
      ]),
    )
    expect(payload).toStrictEqual(loadExample('product-update.json'))
    expectPayload(validatePayload(payload))
  })

  it('should produce product-update-discount.json, isInStock in the wire form "1", when given its friendly input', () => {
    // The example sends isInStock as the number 1 (which validatePayload accepts); builders emit the string form.
    const expected = loadExample('product-update-discount.json') as { ProductUpdate: Record<string, unknown>[] }
    const first = expected.ProductUpdate[0] as Record<string, unknown>
    expect(first.isInStock).toBe(1)
    first.isInStock = '1'
    const payload = build([
      { productKey: '1111', price: '270', isInStock: 1, currency: 'UAH', oldPrice: '300', discountPercent: '10' },
    ])
    expect(expectPayload(payload)).toStrictEqual(expected)
  })

  it('should send GeneralInfo as { eventName, siteId } only when the context also has visitor fields', () => {
    const payload = expectPayload(buildProductUpdate([{ productKey: '1', isInStock: false }], referenceContext))
    expect(payload.GeneralInfo).toStrictEqual({ eventName: 'ProductUpdate', siteId: '8A412DC' })
    expect(payload.ProductUpdate).toStrictEqual([{ product_id: '1', isInStock: '0' }])
  })

  it.each([
    [{ categoryIds: 7 }, { category_id: ['7'] }],
    [{ price: '201.90' }, { unit_price: '201.90' }],
    [{ price: 100 }, { unit_price: '100' }],
    [{ isInStock: '0' }, { isInStock: '0' }],
    [{ oldPrice: [1, 2] }, { tag_oldprice: ['1', '2'] }],
    [{ tags: { tag_color: 'red' } }, { tag_color: ['red'] }],
  ])('should send %j as %j', (given, wire) => {
    const [product] = expectPayload(build([{ productKey: '1', isInStock: 1, ...given }])).ProductUpdate as unknown[]
    expect(product).toMatchObject(wire)
  })

  it.each([
    [[], 'ProductUpdate', 'expected a non-empty array of catalog products, got []'],
    [{ productKey: '1', isInStock: 1 }, 'ProductUpdate', /got an object$/],
    [[{ isInStock: 1 }], 'ProductUpdate[0].product_id', /got undefined$/],
    [[{ productKey: '1' }], 'ProductUpdate[0].isInStock', /got undefined$/],
    [[{ productKey: '1', isInStock: 'yes' }], 'ProductUpdate[0].isInStock', /got "yes"$/],
    [[{ productKey: '1', isInStock: 1, price: 'cheap' }], 'ProductUpdate[0].unit_price', /got "cheap"$/],
    [[{ productKey: '1', isInStock: 1, categoryIds: [{}] }], 'ProductUpdate[0].category_id[0]', /got an object$/],
    [[{ productKey: '1', isInStock: 1, name: 5 }], 'ProductUpdate[0].name', /got 5$/],
  ])('should reject %j naming the wire field', (input, path, message) => {
    expectIssueAt(build(input), path, message)
  })

  it('should reject the event naming GeneralInfo.siteId when the context has none', () => {
    expectIssueAt(buildProductUpdate([{ productKey: '1', isInStock: 1 }], {} as never), 'GeneralInfo.siteId')
  })
})
