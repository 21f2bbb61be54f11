import { describe, expect, it } from 'vitest'
import { loadExample } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { withField, withoutField } from '../../../test/wirePath'
import { validatePayload } from '../validatePayload'

const example = loadExample('product-page.json')

describe('productPageSchema', () => {
  it('should accept the reference example when validated', () => {
    expect(expectPayload(validatePayload(example))).toBe(example)
  })

  it.each([
    'GeneralInfo',
    'GeneralInfo.siteId',
    'GeneralInfo.datetime',
    'GeneralInfo.cookies',
    'GeneralInfo.cookies.sc',
    'ProductPage',
    'ProductPage.Product',
    'ProductPage.Product.productKey',
    'ProductPage.Product.price',
  ])('should reject the payload naming %s when that required field is missing', (path) => {
    expectIssueAt(validatePayload(withoutField(example, path)), path, /got undefined$/)
  })

  it.each([
    ['ProductPage.Product.productKey', 72354, 'expected a non-empty string, got 72354'],
    ['ProductPage.Product.productKey', '  ', 'expected a non-empty string, got "  "'],
    ['ProductPage.Product.price', { amount: 754 }, 'expected a price like "754 USD", got an object'],
    ['ProductPage.Product.price', -1, 'expected a price like "754 USD", got -1'],
    ['ProductPage.Product.isInStock', true, 'expected "1" or "0", got true'],
    ['ProductPage.Product.isInStock', 'yes', 'expected "1" or "0", got "yes"'],
    ['ProductPage.Product.tag_something', 'abc', 'expected an array of strings, got "abc"'],
    ['ProductPage.Product.tag_something', ['abc', 1], 'expected an array of strings, got an array of 2'],
    ['ProductPage.Tags.some_tags', 'x', 'expected an array of strings, got "x"'],
    ['ProductPage.Tags', ['x'], 'expected an object of tags, got an array of 1'],
    ['ProductPage.Product', 'p', 'expected an object, got "p"'],
    ['GeneralInfo.datetime', '1579622183208', 'expected a non-negative number, got "1579622183208"'],
  ])('should reject %s when it is %j', (path, value, message) => {
    expectIssueAt(validatePayload(withField(example, path, value)), path, message)
  })

  it('should reject a badly named tag when a Tags key or a tag_ field breaks the naming rule', () => {
    const badTag = withField(example, 'ProductPage.Tags.bad tag', ['x'])
    expectIssueAt(validatePayload(badTag), 'ProductPage.Tags.bad tag', /tag name of 1-64/)
    const badField = withField(example, 'ProductPage.Product.tag_', ['x'])
    expectIssueAt(validatePayload(badField), 'ProductPage.Product.tag_', /"tag_" followed by a tag name/)
  })

  it('should accept the lenient forms when prices and stock flags come as numbers', () => {
    const lenient = withField(withField(example, 'ProductPage.Product.price', 754), 'ProductPage.Product.isInStock', 0)
    expectPayload(validatePayload(lenient))
  })

  it('should let unknown fields through when objects carry fields the vendor added', () => {
    const extra = withField(withField(example, 'ProductPage.Product.name', 'Kettle'), 'ProductPage.Foo', { a: 1 })
    expectPayload(validatePayload(extra))
  })
})
