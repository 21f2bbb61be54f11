import { describe, expect, it } from 'vitest'
import { exampleNames, loadExample } from '../../test/examples'
import { expectInvalid, expectIssueAt, expectPayload } from '../../test/expectations'
import { validatePayload } from './validatePayload'

/** The product-page example, typed just enough for the tests to spoil it. */
type Payload = {
  GeneralInfo: Record<string, unknown>
  ProductPage: { Product: Record<string, unknown>; [key: string]: unknown }
  [key: string]: unknown
}

describe('validatePayload', () => {
  it('should find the reference examples when the shared spec sits beside the repository', () => {
    expect(exampleNames().length).toBeGreaterThanOrEqual(13)
  })

  it.each(exampleNames())('should accept %s when validated', (name) => {
    const example = loadExample(name)
    const result = validatePayload(example)
    expect(expectPayload(result)).toBe(example)
    expect(result.ok && result.warnings).toBeFalsy()
  })

  it.each([
    [null, 'null'],
    [[], '[]'],
    ['{"GeneralInfo":{}}', '"{\\"GeneralInfo\\":{}}"'],
    [42, '42'],
    [undefined, 'undefined'],
  ])('should reject %j at the root when it is not an object', (json, received) => {
    const issue = expectIssueAt(validatePayload(json), '')
    expect(issue.received).toBe(received)
  })

  it.each([
    [{}, 'GeneralInfo', 'expected an object, got undefined'],
    [{ GeneralInfo: 'x' }, 'GeneralInfo', 'expected an object, got "x"'],
    [
      { GeneralInfo: { siteId: 'a' } },
      'GeneralInfo.eventName',
      /^expected one of ProductPage, .*ProductUpdate, got undefined$/,
    ],
    [{ GeneralInfo: { eventName: 'PageView' } }, 'GeneralInfo.eventName', /got "PageView"$/],
    [{ GeneralInfo: { eventName: 'constructor' } }, 'GeneralInfo.eventName', /got "constructor"$/],
    [{ GeneralInfo: { eventName: 'productPage' } }, 'GeneralInfo.eventName', /got "productPage"$/],
  ])('should reject %j when the event name is missing or unknown', (json, path, message) => {
    const result = validatePayload(json)
    expectIssueAt(result, path, message)
    if (!result.ok) expect(result.error.message).toMatch(/^Invalid event: GeneralInfo/)
  })

  it('should reject a missing body when the event requires one', () => {
    const { ProductPage: _, ...withoutBody } = loadExample('product-page.json')
    const result = validatePayload(withoutBody)
    expectIssueAt(result, 'ProductPage', 'expected an object, got undefined')
    if (!result.ok) {
      expect(result.error.message).toBe('Invalid ProductPage event: ProductPage: expected an object, got undefined')
      expect(result.error.eventName).toBe('ProductPage')
    }
  })

  it('should reject a body filed under another event when the keys do not match', () => {
    const customerData = loadExample('customer-data.json')
    const result = validatePayload({ ...customerData, SearchRequest: { search: 'x' } })
    expectIssueAt(result, 'SearchRequest', 'expected no body in a CustomerData event, got "SearchRequest"')
  })

  it.each([
    ['search-request.json', '{"GeneralInfo"', '{"__proto__":{"x":1},"GeneralInfo"', '__proto__'],
    ['search-request.json', '"GeneralInfo":{', '"GeneralInfo":{"__proto__":{"x":1},', 'GeneralInfo.__proto__'],
    [
      'status-cart.json',
      '"productKey":"430738"',
      '"__proto__":{"x":1},"productKey":"430738"',
      'StatusCart.Products[0].__proto__',
    ],
    ['status-cart.json', '"some_tags":', '"constructor":["x"],"some_tags":', 'StatusCart.Tags.constructor'],
    [
      'product-page.json',
      '"productKey":"72354"',
      '"prototype":1,"productKey":"72354"',
      'ProductPage.Product.prototype',
    ],
  ])('should reject a forbidden key in %s when JSON.parse created it at %s', (file, find, replace, path) => {
    const text = JSON.stringify(loadExample(file))
    expect(text).toContain(find)
    const json = JSON.parse(text.replace(find, replace))
    expectIssueAt(validatePayload(json), path, /^expected a key other than __proto__, constructor or prototype, got "/)
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('should report the issues of an unknown event and its forbidden keys together when both are wrong', () => {
    const issues = expectInvalid(validatePayload(JSON.parse('{"GeneralInfo":{"eventName":"X"},"a":{"__proto__":1}}')))
    expect(issues.map((issue) => issue.path)).toEqual(['GeneralInfo.eventName', 'a.__proto__'])
  })

  it('should never throw when the input has a throwing getter', () => {
    const hostile = {
      GeneralInfo: { eventName: 'CustomerData', siteId: 'a', datetime: 1, cookies: { sc: 'a' } },
      get boom(): never {
        throw new Error('boom')
      },
    }
    const result = validatePayload(hostile)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.cause).toBeInstanceOf(Error)
  })

  it('should reject a cyclic payload, naming where the cycle closes, when it could not be serialized', () => {
    const payload = loadExample('custom-event.json') as Record<string, unknown>
    ;(payload.CustomEvent as Record<string, unknown>).self = payload
    expectIssueAt(validatePayload(payload), 'CustomEvent.self', /a JSON value \(no cycles\)/)
  })

  it.each([
    [
      'missing',
      'ProductPage.Product.productKey',
      (payload: Payload): unknown => delete payload.ProductPage.Product.productKey,
    ],
    [
      'invalid_value',
      'ProductPage.Product.isInStock',
      (payload: Payload): unknown => (payload.ProductPage.Product.isInStock = true),
    ],
    [
      'invalid_key',
      'ProductPage.Tags.bad name',
      (payload: Payload): unknown => (payload.ProductPage.Tags = { 'bad name': ['x'] }),
    ],
    ['misplaced_body', 'StatusCart', (payload: Payload): unknown => (payload.StatusCart = {})],
    [
      'forbidden_key',
      'ProductPage.__proto__',
      (payload: Payload): unknown =>
        Object.defineProperty(payload.ProductPage, '__proto__', { value: 1, enumerable: true }),
    ],
    ['unsafe_value', 'ProductPage.big', (payload: Payload): unknown => (payload.ProductPage.big = 1n)],
    [
      'unknown_event',
      'GeneralInfo.eventName',
      (payload: Payload): unknown => (payload.GeneralInfo.eventName = 'PageView'),
    ],
  ] as const)('should give the kind %s to the issue at %s when a payload has that fault', (kind, path, spoil) => {
    const payload = structuredClone(loadExample('product-page.json')) as Payload
    spoil(payload)
    const issue = expectIssueAt(validatePayload(payload), path)
    expect(issue.kind).toBe(kind)
    expect(issue.expected).toBeTruthy()
    expect(issue.received).toBeTruthy()
  })
})
