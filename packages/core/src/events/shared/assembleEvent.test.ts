import { describe, expect, it } from 'vitest'
import { buildEvent, buildRawEvent } from '../buildEvent'
import { validatePayload } from '../validatePayload'

const context = { siteId: '8A412DC', sc: 'CDA68358-94FB-4D83-9655-3FEB3C4114A3', datetime: 1_700_000_000_000 }

/** An object whose JSON is not what its properties say. */
function lying<T extends object>(shown: T, json: unknown): T {
  return Object.defineProperty(shown, 'toJSON', { value: () => json })
}

/** An object whose `key` answers `first` on the first read and `later` after. */
function flipping<T extends object>(target: T, key: string, first: unknown, later: unknown): T {
  let reads = 0
  return Object.defineProperty(target, key, { enumerable: true, get: () => (reads++ === 0 ? first : later) })
}

describe('assembleEvent', () => {
  it('should refuse a raw body when its toJSON would send an invalid value', () => {
    const body = { CustomEvent: lying({ EventName: 'signup' }, { EventName: 5 }) }
    const result = buildRawEvent('CustomEvent', body, context)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.issues.map((issue) => issue.path)).toEqual(['CustomEvent.EventName'])
  })

  it('should refuse an event when a context field it copies would serialize as invalid', () => {
    const screendim = lying({ h: 800, w: 1280 }, 'wide')
    const result = buildEvent('CustomerData', undefined, { ...context, context: { screendim } })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.issues.map((issue) => issue.path)).toEqual(['GeneralInfo.screendim'])
  })

  it('should check and return the values serialized when a getter answers differently on each read', () => {
    const product = flipping({ productKey: '1', price: 10 }, 'quantity', 2, 'x')
    const result = buildRawEvent('StatusCart', { StatusCart: { GUID: 'A1', Products: [product] } }, context)
    if (result.ok) {
      // Whatever was read, the payload handed on is plain data that validates as it will be sent.
      expect(validatePayload(JSON.parse(JSON.stringify(result.payload))).ok).toBe(true)
      expect(JSON.stringify(result.payload)).toBe(JSON.stringify(result.payload))
    } else {
      expect(result.error.issues.map((issue) => issue.path)).toEqual(['StatusCart.Products[0].quantity'])
    }
  })

  it('should answer invalid_event, not throw, when toJSON throws', () => {
    const body = {
      CustomEvent: Object.defineProperty({ EventName: 'x' }, 'toJSON', {
        value: () => {
          throw new Error('no')
        },
      }),
    }
    const result = buildRawEvent('CustomEvent', body, context)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid_event')
  })

  it('should refuse a raw body when its toJSON would send null instead of the payload', () => {
    const result = buildRawEvent('CustomerData', { toJSON: () => null }, context)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.error.issues.map((issue) => issue.message)).toEqual(['expected a payload object, got null'])
  })

  it('should hand on plain data when the input carries a valid toJSON', () => {
    const body = { CustomEvent: lying({ EventName: 'shown' }, { EventName: 'sent' }) }
    const result = buildRawEvent('CustomEvent', body, context)
    expect(result.ok && result.payload.CustomEvent).toEqual({ EventName: 'sent' })
  })

  it('should name an issue once when the page context and a raw GeneralInfo carry the same forbidden key', () => {
    const body = { GeneralInfo: JSON.parse('{"__proto__":{"x":1}}') }
    const result = buildRawEvent('CustomerData', body, { ...context, context: JSON.parse('{"__proto__":{"y":2}}') })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.issues.map((issue) => issue.path)).toEqual(['GeneralInfo.__proto__'])
  })
})
