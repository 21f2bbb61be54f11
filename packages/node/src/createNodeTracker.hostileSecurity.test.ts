// Hostile world, node side: prototype-polluting keys anywhere a caller supplies keys, and endpoints
// that are not https (loopback aside). Nothing polluted, nothing sent, nothing thrown from a method.
import type { Collector } from '@es-tracker/collector'
import { startCollector } from '@es-tracker/collector'
import { createNodeTracker, type SendResult } from '@es-tracker/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
const forbiddenKeys = ['__proto__', 'constructor', 'prototype'] as const

/** `{ [key]: value }` with `key` as an own property, as JSON.parse would make it (even `__proto__`). */
const own = (key: string, value: unknown): Record<string, unknown> =>
  Object.defineProperty({}, key, { value, enumerable: true, writable: true, configurable: true })

let collector: Collector
beforeEach(async () => {
  collector = await startCollector({ port: 0 })
})
afterEach(async () => {
  await collector.close()
})

const tracker = () =>
  createNodeTracker({ siteId: 'SEC0001', endpoint: collector.endpoint, onError: () => {}, onWarning: () => {} })

/** Every place a caller gives keys, each with the forbidden key put in. */
function pollutingCalls(key: string): [string, (t: ReturnType<typeof tracker>) => Promise<SendResult>][] {
  const product = { productKey: 'SKU-1', price: 10, quantity: 1 }
  const polluted = { polluted: ['yes'] }
  return [
    ['event tags', (t) => t.visitor({ sc }).customEvent({ name: 'x', tags: own(key, ['yes']) as never })],
    [
      'product tags',
      (t) => t.visitor({ sc }).productPage({ product: { ...product, tags: own(key, ['yes']) as never } }),
    ],
    [
      'cart line tags',
      (t) => t.visitor({ sc }).statusCart({ products: [{ ...product, tags: own(key, ['yes']) as never }], guid: 'G1' }),
    ],
    [
      'order line field',
      (t) => t.visitor({ sc }).purchasedItems({ orderNumber: 'A', products: [{ ...product, ...own(key, polluted) }] }),
    ],
    [
      'catalog product field',
      (t) => t.productUpdate([{ productKey: 'SKU-1', isInStock: true, ...own(key, polluted) }]),
    ],
    [
      'catalog product tags',
      (t) => t.productUpdate([{ productKey: 'SKU-1', isInStock: true, tags: own(key, ['yes']) as never }]),
    ],
    [
      'raw body',
      (t) => t.visitor({ sc }).send('CustomEvent', { CustomEvent: { EventName: 'x' }, ...own(key, polluted) }),
    ],
    [
      'raw event body',
      (t) => t.visitor({ sc }).send('CustomEvent', { CustomEvent: { EventName: 'x', ...own(key, polluted) } }),
    ],
    [
      'raw GeneralInfo',
      (t) =>
        t.visitor({ sc }).send('CustomEvent', { CustomEvent: { EventName: 'x' }, GeneralInfo: own(key, polluted) }),
    ],
    ['visitor context', (t) => t.visitor({ sc, context: own(key, polluted) as never }).customerData()],
    ['nested context', (t) => t.visitor({ sc, context: { browser: own(key, polluted) } }).customerData()],
  ]
}

describe('createNodeTracker (hostile keys)', () => {
  for (const key of forbiddenKeys) {
    it(`should refuse ${key} wherever a caller supplies keys, and send nothing`, async () => {
      const t = tracker()
      const refused: string[] = []
      for (const [where, call] of pollutingCalls(key)) {
        const result = await call(t)
        if (result.ok || result.error.code !== 'invalid_event') refused.push(`${where}: ${JSON.stringify(result)}`)
        else expect(result.error.issues.some((issue) => issue.path.endsWith(key))).toBe(true)
      }
      await t.close()
      expect(refused).toEqual([])
      expect(collector.events({ includeFailed: true })).toEqual([])
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
      expect(Object.prototype).not.toHaveProperty('polluted')
    })
  }

  it('should refuse keys that a JSON body carries as own __proto__ keys, and send nothing', async () => {
    const t = tracker()
    const body = JSON.parse('{"CustomEvent":{"EventName":"x","Tags":{"__proto__":["1"]}}}')
    const result = await t.visitor({ sc }).send('CustomEvent', body)
    await t.close()
    expect(result.ok === false && result.error.code).toBe('invalid_event')
    expect(collector.events({ includeFailed: true })).toEqual([])
  })
})

describe('createNodeTracker (endpoints)', () => {
  const refused = [
    'http://tracker.esputnik.com/api/v2',
    'http://10.0.0.1/api/v2',
    'http://192.168.1.10:4700/api/v2',
    'http://127.0.0.1.nip.io/api/v2',
    'http://localhost.example.com/api/v2',
    'http://[::ffff:10.0.0.1]/api/v2',
    'ftp://127.0.0.1/api/v2',
    'ws://127.0.0.1/api/v2',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/plain,x',
    'https://user:secret@tracker.esputnik.com/api/v2',
    '//tracker.esputnik.com/api/v2',
    '/api/v2',
    'esputnik.com',
    '',
  ]
  for (const endpoint of refused) {
    it(`should throw invalid_config at start-up when the endpoint is ${JSON.stringify(endpoint)}`, () => {
      expect(() => createNodeTracker({ siteId: 'SEC0001', endpoint })).toThrow(
        expect.objectContaining({ name: 'TrackerError', code: 'invalid_config' }),
      )
    })
  }

  const accepted = [
    'esputnik',
    'yespo',
    'https://tracker.example.com/api/v2',
    'http://127.0.0.1:4700/api/v2',
    'http://127.8.9.10/api/v2',
    'http://localhost:4700/api/v2',
    'http://[::1]:4700/api/v2',
  ]
  for (const endpoint of accepted) {
    it(`should accept ${JSON.stringify(endpoint)} as an endpoint`, () => {
      expect(() => createNodeTracker({ siteId: 'SEC0001', endpoint })).not.toThrow()
    })
  }

  it('should post to a loopback http endpoint it accepted', async () => {
    const t = tracker()
    expect(await t.visitor({ sc }).customerData()).toEqual({ ok: true })
    await t.close()
    expect(collector.events()).toHaveLength(1)
  })
})
