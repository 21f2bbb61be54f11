import { describe, expect, it } from 'vitest'
import { loadExample } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { withField, withoutField } from '../../../test/wirePath'
import { validatePayload } from '../validatePayload'

const example = loadExample('status-cart.json')

describe('statusCartSchema', () => {
  it('should accept both reference examples when validated', () => {
    expect(expectPayload(validatePayload(example))).toBe(example)
    expectPayload(validatePayload(loadExample('status-cart-empty.json')))
  })

  it.each([
    'GeneralInfo.siteId',
    'GeneralInfo.datetime',
    'GeneralInfo.cookies.sc',
    'StatusCart',
    'StatusCart.GUID',
    'StatusCart.Products',
    'StatusCart.Products[1].productKey',
    'StatusCart.Products[1].price',
    'StatusCart.Products[1].quantity',
  ])('should reject the payload naming %s when that required field is missing', (path) => {
    expectIssueAt(validatePayload(withoutField(example, path)), path, /got undefined$/)
  })

  it.each([
    ['StatusCart.Products[1].quantity', 'x', 'expected a positive integer, got "x"'],
    ['StatusCart.Products[1].quantity', -1, 'expected a positive integer, got -1'],
    ['StatusCart.Products[1].price', 'free', 'expected a non-negative number, got "free"'],
    ['StatusCart.Products[1].discount', true, 'expected a non-negative number, got true'],
    ['StatusCart.Products[1].price_currency_code', 840, 'expected a string, got 840'],
    ['StatusCart.GUID', 'not a guid', 'expected a GUID (letters, digits, -), got "not a guid"'],
    ['StatusCart.GUID', '', 'expected a GUID (letters, digits, -), got ""'],
    ['StatusCart.Products', {}, 'expected an array of cart products, got an object'],
  ])('should reject %s when it is %j', (path, value, message) => {
    expectIssueAt(validatePayload(withField(example, path, value)), path, message)
  })

  it('should name the event and the first issue in the error message when several fields fail', () => {
    let broken = withField(example, 'StatusCart.Products[1].quantity', 'x')
    broken = withField(broken, 'StatusCart.Products[1].price', 'y')
    broken = withoutField(broken, 'StatusCart.GUID')
    const result = validatePayload(broken)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.error.message).toMatch(/^Invalid StatusCart event: StatusCart\.\S+: expected .+ \(and 2 more\)$/)
  })

  it.each([
    ['numeric strings for price, discount and quantity', { price: '201.95', discount: '180', quantity: '2' }],
    ['numbers', { price: 201, discount: 0, quantity: 3 }],
  ])('should accept the lenient forms when lines carry %s', (_, line) => {
    const lenient = withField(example, 'StatusCart.Products[0]', { productKey: '1', ...line })
    expectPayload(validatePayload(lenient))
  })

  it.each([
    ['a lowercase UUID', '6f9619ff-8b86-d011-b42d-00cf4fc964ff'],
    ['an md5 hash', '9e107d9d372bb6826bd81d3542a419d6'],
    ['a 13-character id', '5f1d7a3b9c2e4'],
  ])('should accept %s as the GUID when integrations send one', (_, guid) => {
    expectPayload(validatePayload(withField(example, 'StatusCart.GUID', guid)))
  })
})
