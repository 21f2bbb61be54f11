import { describe, expect, it } from 'vitest'
import { customEventContext } from '../../test/examples'
import { buildEvent, buildRawEvent } from '../events/buildEvent'
import { validatePayload } from '../events/validatePayload'
import { findOversizedContent, MAX_PAYLOAD_DEPTH, MAX_PAYLOAD_VALUES } from './findOversizedContent'

/** An object nested `depth` levels under `a` keys, built without recursion. */
const nested = (depth: number): Record<string, unknown> => {
  let value: Record<string, unknown> = {}
  for (let level = 0; level < depth; level++) value = { a: value }
  return value
}

/** An array that claims `length` items to whatever reads it: a Proxy, not memory. */
const claiming = (length: number) =>
  new Proxy([] as unknown[], { get: (target, key) => (key === 'length' ? length : Reflect.get(target, key)) })

/** A customEvent wire body whose Tags hold `value` as one tag's value. */
const withTag = (value: unknown) => ({ CustomEvent: { EventName: 'x', Tags: { a: value } } })

describe('findOversizedContent', () => {
  it('should accept nesting up to the limit and refuse one level more, naming where', () => {
    // nested(n) is n + 1 objects, one inside the other.
    expect(findOversizedContent(nested(MAX_PAYLOAD_DEPTH - 1))).toBeUndefined()
    const issue = findOversizedContent(nested(MAX_PAYLOAD_DEPTH))
    expect(issue?.path).toBe(`a${'.a'.repeat(MAX_PAYLOAD_DEPTH - 1)}`)
    expect(issue?.message).toBe(
      `expected at most ${MAX_PAYLOAD_DEPTH} levels of nested objects and arrays, got an object`,
    )
  })

  it('should answer without recursion when a value is nested a million deep', () => {
    expect(findOversizedContent(nested(1_000_000))?.expected).toMatch(/levels of nested/)
  })

  it('should refuse an array by its claimed length before reading any item', () => {
    const reads: PropertyKey[] = []
    const proxy = new Proxy([] as unknown[], {
      get(target, key) {
        reads.push(key)
        return key === 'length' ? 2 ** 32 - 1 : Reflect.get(target, key)
      },
    })
    expect(findOversizedContent({ items: proxy })).toMatchObject({
      path: 'items',
      message: `expected at most ${MAX_PAYLOAD_VALUES} values in a payload, got an array of ${2 ** 32 - 1}`,
    })
    expect(new Set(reads)).toEqual(new Set(['length']))
    const sparse: unknown[] = []
    sparse[10_000_000 - 1] = 1
    expect(findOversizedContent([sparse])?.path).toBe('[0]')
    expect(findOversizedContent({ items: claiming(-1) })?.path).toBe('items')
  })

  it('should count a shared object each time it is reached, as JSON would write it', () => {
    // 2^20 leaves once expanded, from 20 objects.
    let value: Record<string, unknown> = { leaf: 1 }
    for (let level = 0; level < 20; level++) value = { left: value, right: value }
    expect(findOversizedContent(value)?.expected).toMatch(/values in a payload/)
  })

  it('should not follow a cycle, which checkSchema names', () => {
    const cyclic: Record<string, unknown> = { a: 1 }
    cyclic.self = cyclic
    expect(findOversizedContent(cyclic)).toBeUndefined()
    const result = buildRawEvent('CustomEvent', withTag(cyclic), customEventContext)
    expect(!result.ok && result.error.issues.map((issue) => issue.message)).toContain(
      'expected a JSON value (no cycles), got an object',
    )
  })
})

// The same limit wherever a body comes in: a tracker method, `send`, and the validator that node's
// tracker and the collector use. Before, a body 5,000 deep passed or failed by the engine's stack.
describe('the one depth and size limit', () => {
  const deep = nested(5_000)
  const huge = claiming(2 ** 32 - 1)

  it.each([
    ['a tracker method', () => buildEvent('CustomEvent', { name: 'x', tags: { a: deep } }, customEventContext)],
    ['send', () => buildRawEvent('CustomEvent', withTag(deep), customEventContext)],
    [
      'validatePayload',
      () => validatePayload({ GeneralInfo: { eventName: 'CustomEvent', siteId: 'S', datetime: 1 }, ...withTag(deep) }),
    ],
  ])('should refuse a body nested 5,000 deep through %s', (_, build) => {
    const result = build()
    expect(!result.ok && result.error.issues[0]?.expected).toBe(
      `at most ${MAX_PAYLOAD_DEPTH} levels of nested objects and arrays`,
    )
  })

  it.each([
    ['a tracker method', () => buildEvent('StatusCart', { products: huge, guid: 'G' }, customEventContext)],
    ['send', () => buildRawEvent('StatusCart', { StatusCart: { GUID: 'G', Products: huge } }, customEventContext)],
    [
      'validatePayload',
      () => validatePayload({ GeneralInfo: { eventName: 'StatusCart' }, StatusCart: { Products: huge } }),
    ],
  ])('should refuse an array claiming 2^32-1 items through %s at once', (_, build) => {
    const result = build()
    expect(!result.ok && result.error.issues[0]?.expected).toBe(`at most ${MAX_PAYLOAD_VALUES} values in a payload`)
  })
})
