// Property tests: whatever a caller passes, every builder answers (never throws) with either a
// payload validatePayload accepts, also after a JSON round trip, or an `invalid_event` with issues.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildEvent, buildRawEvent } from './buildEvent'
import { EVENT_NAMES, type EventName, eventRegistry } from './registry'
import type { BuildResult, EventContext } from './types'
import { validatePayload } from './validatePayload'

const RUNS = 300
// A fixed seed keeps the suite deterministic; FC_SEED=<n> explores other samples locally.
const PARAMETERS = { numRuns: RUNS, seed: Number(process.env.FC_SEED ?? 20260127) }

/** Checks one result: a payload that validates (also after a JSON round trip), or `invalid_event` with issues. */
function expectSound(result: BuildResult): boolean {
  if (result.ok) {
    expect(validatePayload(result.payload).ok).toBe(true)
    expect(validatePayload(JSON.parse(JSON.stringify(result.payload))).ok).toBe(true)
  } else {
    expect(result.error.code).toBe('invalid_event')
    expect(result.error.issues.length).toBeGreaterThan(0)
    for (const issue of result.error.issues) expect(typeof issue.path).toBe('string')
  }
  return result.ok
}

/** Mostly valid values, sometimes odd ones, sometimes anything at all. */
const mostly = <T>(valid: fc.Arbitrary<T>, odd: fc.Arbitrary<unknown>) =>
  fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: odd, weight: 2 }, { arbitrary: fc.anything(), weight: 1 })

const text = mostly(
  fc.constantFrom('1', '42', 'abc', 'A-1'),
  fc.oneof(fc.string(), fc.constantFrom('', ' ', '__proto__')),
)
const amount = mostly(
  fc.oneof(fc.nat(1000), fc.constantFrom('1', '2', '7.5')),
  fc.oneof(fc.double(), fc.constantFrom('x', '', '-1')),
)
const flag = mostly(fc.constantFrom(true, false, 0, 1, '0', '1'), fc.constantFrom(2, 'yes', null))
const tagName = fc.oneof(
  { arbitrary: fc.constantFrom('a', 'tag_x', 'some.tags-1'), weight: 6 },
  { arbitrary: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'bad name', '')), weight: 2 },
)
const tagValue = mostly(fc.oneof(text, fc.array(text, { maxLength: 3 })), fc.constantFrom(undefined, null, {}))
const tags = fc.option(fc.dictionary(tagName, tagValue, { maxKeys: 3 }), { nil: undefined })
const optional = { requiredKeys: [] as [] }
const product = fc.record(
  {
    productKey: text,
    price: amount,
    quantity: amount,
    isInStock: flag,
    containerType: text,
    discount: amount,
    currency: text,
    tags,
    imageUrl: text,
    discountPercent: amount,
    oldPrice: amount,
    categoryIds: fc.oneof(fc.array(text, { maxLength: 3 }), text),
    name: text,
  },
  { requiredKeys: ['productKey', 'price', 'quantity', 'isInStock', 'containerType'] },
)
const products = fc.array(product, { maxLength: 4 })

/** Inputs near each event's valid shape, with each field sometimes right and sometimes not (an event without one: any value). */
const nearInputs: Partial<Record<EventName, fc.Arbitrary<unknown>>> = {
  ProductPage: fc.record({ product, tags }, { requiredKeys: ['product'] }),
  AddToWishlist: fc.record({ product, tags }, { requiredKeys: ['product'] }),
  StatusCart: fc.record({ products, tags, guid: text }, { requiredKeys: ['products', 'guid'] }),
  PurchasedItems: fc.record(
    { orderNumber: text, products, guid: text, oneClick: fc.boolean(), tags },
    { requiredKeys: ['orderNumber'] },
  ),
  ProductImpressions: fc.record({ products, tags }, { requiredKeys: ['products'] }),
  CategoryPage: fc.record({ categoryKey: text, tags }, { requiredKeys: ['categoryKey'] }),
  CustomerData: fc.option(fc.anything(), { nil: undefined }),
  CustomEvent: fc.record({ name: text, tags }, { requiredKeys: ['name'] }),
  SearchRequest: fc.record({ search: text, isFound: flag }, { requiredKeys: ['search'] }),
  ProductUpdate: products,
}

const context: fc.Arbitrary<EventContext> = fc.record(
  {
    siteId: mostly(fc.constant('8A412DC'), fc.string()),
    sc: mostly(fc.constant('CDA68358-94FB-4D83-9655-3FEB3C4114A3'), fc.string()),
    datetime: mostly(fc.nat(), fc.double()),
    identity: fc.record(
      { externalCustomerId: text, email: text, phone: text, name: text, contactId: amount },
      optional,
    ),
    context: fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
  },
  { requiredKeys: ['siteId', 'sc'] },
) as fc.Arbitrary<EventContext>

describe.each(EVENT_NAMES)('eventRegistry.%s.build', (eventName) => {
  const build = eventRegistry[eventName].build

  it('should answer a sound result, never throwing, when given any value at all', () => {
    fc.assert(
      fc.property(fc.anything(), context, (input, eventContext) => {
        expectSound(build(input, eventContext))
      }),
      PARAMETERS,
    )
  })

  it('should answer a sound result, valid ones among them, when given inputs near the valid shape', () => {
    let valid = 0
    fc.assert(
      fc.property(nearInputs[eventName] ?? fc.anything(), context, (input, eventContext) => {
        if (expectSound(build(input, eventContext))) valid += 1
      }),
      PARAMETERS,
    )
    // The property must exercise the payload branch too, not only rejections.
    expect(valid).toBeGreaterThan(0)
  })
})

describe('buildEvent', () => {
  it('should answer a sound result, never throwing, when given any event name and any value', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...EVENT_NAMES), fc.string()),
        fc.anything(),
        context,
        (name, input, ctx) => {
          expectSound(buildEvent(name as EventName, input, ctx))
        },
      ),
      PARAMETERS,
    )
  })
})

describe('buildRawEvent', () => {
  it('should answer a sound result, never throwing, when given any event name and any body', () => {
    const body = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.constantFrom(...EVENT_NAMES, 'ProductImpression', 'GeneralInfo'), fc.anything()),
    )
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...EVENT_NAMES), fc.string()), body, context, (name, raw, ctx) => {
        expectSound(buildRawEvent(name, raw, ctx))
      }),
      PARAMETERS,
    )
  })
})

describe('validatePayload', () => {
  it('should answer, never throwing, when given any value or any JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (json) => {
        const result = validatePayload(json)
        expect(result.ok === true || result.error.code === 'invalid_event').toBe(true)
      }),
      { ...PARAMETERS, numRuns: RUNS * 2 },
    )
  })
})
