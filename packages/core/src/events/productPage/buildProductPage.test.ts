import { describe, expect, it } from 'vitest'
import { loadExample, referenceContext } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { validatePayload } from '../validatePayload'
import { buildProductPage, type ProductPageInput } from './buildProductPage'

const example = loadExample('product-page.json')
const friendly: ProductPageInput = {
  product: { productKey: '72354', price: 754, currency: 'USD', isInStock: true, tags: { something: ['abc', 'bca'] } },
  tags: { some_tags: ['some_tag1', 'some_tag2'] },
}

const productOf = (input: ProductPageInput) =>
  (expectPayload(buildProductPage(input, referenceContext)).ProductPage as { Product: Record<string, unknown> }).Product

describe('buildProductPage', () => {
  it('should produce product-page.json exactly when given its friendly input', () => {
    expect(expectPayload(buildProductPage(friendly, referenceContext))).toStrictEqual(example)
  })

  it('should produce a payload validatePayload accepts when built', () => {
    expectPayload(validatePayload(expectPayload(buildProductPage(friendly, referenceContext))))
  })

  it.each([
    [{ price: '754 USD' }, '754 USD'],
    [{ price: '754', currency: 'USD' }, '754 USD'],
    [{ price: 754 }, '754'],
    [{ price: '754' }, '754'],
    [{ price: 201.95, currency: 'UAH' }, '201.95 UAH'],
    [{ price: '754 USD', currency: 'USD' }, '754 USD'],
  ])('should send price %j as %j', (given, wire) => {
    expect(productOf({ product: { productKey: '1', ...given } }).price).toBe(wire)
  })

  it.each([
    [true, '1'],
    [1, '1'],
    ['1', '1'],
    [false, '0'],
    [0, '0'],
    ['0', '0'],
  ] as const)('should send isInStock %j as %j', (given, wire) => {
    expect(productOf({ product: { productKey: '1', price: 1, isInStock: given } }).isInStock).toBe(wire)
  })

  it('should leave isInStock out when it is not given', () => {
    expect(productOf({ product: { productKey: '1', price: 1 } })).toStrictEqual({ productKey: '1', price: '1' })
  })

  it('should send a numeric productKey as a string when given a number', () => {
    expect(productOf({ product: { productKey: 72354, price: 1 } }).productKey).toBe('72354')
  })

  it('should not prefix tag_ twice when a product tag name already starts with it', () => {
    const product = productOf({ product: { productKey: '1', price: 1, tags: { tag_color: ['red'], size: 42 } } })
    expect(product).toStrictEqual({ productKey: '1', price: '1', tag_color: ['red'], tag_size: ['42'] })
  })

  it('should turn tag values into lists of strings when given scalars, numbers or mixed lists', () => {
    const payload = expectPayload(
      buildProductPage(
        { product: { productKey: '1', price: 1 }, tags: { a: 'x', b: 5, c: ['y', 7] } },
        referenceContext,
      ),
    )
    expect((payload.ProductPage as { Tags: unknown }).Tags).toStrictEqual({ a: ['x'], b: ['5'], c: ['y', '7'] })
  })

  it.each([
    [{ product: undefined }, 'ProductPage.Product', 'expected an object, got undefined'],
    [{ product: { price: 1 } }, 'ProductPage.Product.productKey', 'expected a non-empty string, got undefined'],
    [{ product: { productKey: '1' } }, 'ProductPage.Product.price', /got undefined$/],
    [{ product: { productKey: '1', price: {} } }, 'ProductPage.Product.price', /got an object$/],
    [{ product: { productKey: '1', price: 1, isInStock: 'yes' } }, 'ProductPage.Product.isInStock', /got "yes"$/],
    [{ product: { productKey: '1', price: 1 }, tags: { 'no spaces': 'x' } }, 'ProductPage.Tags.no spaces', /tag name/],
    [{ product: { productKey: '1', price: 1 }, tags: { a: [{}] } }, 'ProductPage.Tags.a[0]', /expected a string/],
  ])('should reject %j naming the wire field', (input, path, message) => {
    expectIssueAt(buildProductPage(input as unknown as ProductPageInput, referenceContext), path, message)
  })

  it('should reject the event naming GeneralInfo.cookies.sc when the context has no sc', () => {
    const { sc: _, ...withoutSc } = referenceContext
    expectIssueAt(buildProductPage(friendly, withoutSc), 'GeneralInfo.cookies.sc', /non-empty string, got undefined/)
  })

  it('should reject prototype-polluting keys when tags, product tags or product fields use them', () => {
    const tags = JSON.parse('{"__proto__": ["x"]}')
    const product = JSON.parse('{"productKey": "1", "price": 1, "__proto__": {"polluted": true}}')
    expectIssueAt(buildProductPage({ product, tags }, referenceContext), 'ProductPage.Tags.__proto__')
    expectIssueAt(buildProductPage({ product, tags }, referenceContext), 'ProductPage.Product.__proto__')
    const productTags = { productKey: '1', price: 1, tags: { constructor: ['x'] } }
    expectIssueAt(buildProductPage({ product: productTags }, referenceContext), 'ProductPage.Product.tag_constructor')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('should pass extra product fields through when the caller adds fields the vendor reads', () => {
    const product = { productKey: '1', price: 1, name: 'Kettle' } as ProductPageInput['product']
    expect(productOf({ product })).toStrictEqual({ productKey: '1', price: '1', name: 'Kettle' })
  })
})
