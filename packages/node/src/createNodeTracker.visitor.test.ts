import { createNodeTracker, type NodeTrackerOptions, type TrackerError } from '@es-tracker/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../test/testServer'

const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
let server: TestServer
let errors: TrackerError[] = []

beforeAll(async () => {
  server = await startTestServer()
})
afterEach(() => {
  server.requests.length = 0
  errors = []
})
afterAll(async () => {
  await server.close()
})

const tracker = (options: Partial<NodeTrackerOptions> = {}) =>
  createNodeTracker({ siteId: '8A412DC', endpoint: server.url, onError: (error) => errors.push(error), ...options })

const everyMethod = (methods: ReturnType<ReturnType<typeof tracker>['visitor']>) => [
  methods.productPage({ product: { productKey: '1', price: 5 } }),
  methods.addToWishlist({ product: { productKey: '1', price: 5 } }),
  methods.statusCart({ products: [{ productKey: '1', price: 5, quantity: 1 }] }),
  methods.purchasedItems({ orderNumber: '1', guid: 'ABC' }),
  methods.productImpressions({ products: [{ productKey: '1', containerType: 'x' }] }),
  methods.categoryPage({ categoryKey: 'c' }),
  methods.customerData(),
  methods.customEvent({ name: 'e' }),
  methods.searchRequest({ search: 's' }),
  methods.productUpdate([{ productKey: '1', isInStock: true }]),
  methods.send('CategoryPage', { CategoryPage: { Category: { categoryKey: 'c' } } }),
]

describe('createNodeTracker visitor', () => {
  it('should refuse every method with invalid_event and send nothing when the visitor has no sc', async () => {
    const instance = tracker()
    for (const visitorSc of [undefined, '', '   ']) {
      const results = await Promise.all(everyMethod(instance.visitor({ sc: visitorSc })))
      for (const result of results) {
        expect(result.ok).toBe(false)
        if (result.ok) continue
        expect(result.error.code).toBe('invalid_event')
        expect(result.error.issues[0]?.path).toBe('GeneralInfo.cookies.sc')
      }
    }
    await instance.flush()
    expect(server.requests).toEqual([])
    expect(errors).toHaveLength(33)
  })

  it('should deliver every method when the visitor has an sc', async () => {
    const instance = tracker()
    const results = await Promise.all(everyMethod(instance.visitor({ sc })))
    expect(results).toEqual(Array(11).fill({ ok: true }))
    expect(server.requests).toHaveLength(11)
  })

  it('should never throw when visitor() is given garbage', async () => {
    const instance = tracker()
    for (const garbage of [null, undefined, 42, 'sc', [], { sc: 42 }, { sc: {} }]) {
      const visitor = instance.visitor(garbage as never)
      const result = await visitor.customerData()
      expect(result.ok === false && result.error.code).toBe('invalid_event')
    }
    expect(server.requests).toEqual([])
  })

  it('should resolve invalid_event naming the wire path and send nothing when the input is bad', async () => {
    const visitor = tracker().visitor({ sc })
    const result = await visitor.statusCart({
      products: [
        { productKey: '1', price: 5, quantity: 1 },
        { productKey: '2', price: 5, quantity: 'x' as unknown as number },
      ],
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_event')
    expect(result.error.issues.map((issue) => issue.path)).toContain('StatusCart.Products[1].quantity')
    const loose = visitor as unknown as Record<string, (input: unknown) => Promise<{ ok: boolean }>>
    for (const input of [null, 'x', 42, {}, []]) {
      for (const name of ['productPage', 'statusCart', 'purchasedItems', 'categoryPage', 'productUpdate']) {
        expect((await loose[name]!(input)).ok).toBe(false)
      }
    }
    expect(server.requests).toEqual([])
  })

  it('should give a statusCart without guid a new reference-form GUID when called on the server', async () => {
    const visitor = tracker().visitor({ sc })
    await visitor.statusCart({ products: [{ productKey: '1', price: 5, quantity: 1 }] })
    await visitor.statusCart({ products: [{ productKey: '1', price: 5, quantity: 1 }] })
    const guids = server.requests.map((request) => (request.json as { StatusCart: { GUID: string } }).StatusCart.GUID)
    for (const guid of guids) expect(guid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/)
    expect(guids[0]).not.toBe(guids[1])
  })

  it('should refuse a purchase with neither guid nor products on the server, where no cart is kept', async () => {
    const visitor = tracker().visitor({ sc })
    await visitor.statusCart({ products: [{ productKey: '1', price: 5, quantity: 1 }] })
    const result = await visitor.purchasedItems({ orderNumber: '1' })
    expect(result.ok === false && result.error.code).toBe('invalid_event')
    expect(server.requests).toHaveLength(1)
  })

  it('should stamp events with the visitor datetime when one is given, else the call time', async () => {
    const fixed = tracker().visitor({ sc, datetime: 1579622183208 })
    await fixed.customerData()
    const before = Date.now()
    await tracker().visitor({ sc }).customerData()
    const times = server.requests.map(
      (request) => (request.json as { GeneralInfo: { datetime: number } }).GeneralInfo.datetime,
    )
    expect(times[0]).toBe(1579622183208)
    expect(times[1]).toBeGreaterThanOrEqual(before - 5)
    expect(times[1]).toBeLessThanOrEqual(Date.now())
  })

  it('should not let ignored promises become unhandled rejections when everything fails', async () => {
    const unhandled: unknown[] = []
    const listener = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', listener)
    try {
      server.reply = () => ({ status: 500 })
      const instance = tracker({
        retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
        onError: () => {
          throw new Error('onError throws')
        },
      })
      const visitor = instance.visitor({ sc })
      everyMethod(visitor)
      everyMethod(instance.visitor({ sc: undefined }))
      visitor.statusCart(null as never)
      ;(visitor.send as (...args: unknown[]) => unknown)(Symbol('x'), 1n)
      // A 500 is worth retrying and ends no event: close() gives up on them after its time.
      await instance.close(200)
      everyMethod(visitor)
      await new Promise((resolve) => setTimeout(resolve, 50))
    } finally {
      process.off('unhandledRejection', listener)
      server.reply = () => ({ status: 204 })
    }
    expect(unhandled).toEqual([])
    expect(server.requests.length).toBeGreaterThan(0)
  })
})

describe('createNodeTracker options', () => {
  const throwsInvalidConfig = (options: unknown, fragment: string) => {
    let thrown: unknown
    try {
      createNodeTracker(options as NodeTrackerOptions)
    } catch (error) {
      thrown = error
    }
    expect(thrown, JSON.stringify(options)).toMatchObject({ name: 'TrackerError', code: 'invalid_config' })
    expect((thrown as Error).message).toContain(fragment)
  }

  it('should throw invalid_config at creation when siteId is missing or empty', () => {
    throwsInvalidConfig({}, 'siteId')
    throwsInvalidConfig({ siteId: '' }, 'siteId')
    throwsInvalidConfig({ siteId: 42 }, 'siteId')
    throwsInvalidConfig(undefined, 'siteId')
  })

  it('should say what type apiKey was, never its value, when it is not a non-empty string', () => {
    throwsInvalidConfig({ siteId: 'S', apiKey: '' }, 'apiKey must be a non-empty string when given')
    throwsInvalidConfig({ siteId: 'S', apiKey: '' }, '; got an empty string')
    throwsInvalidConfig({ siteId: 'S', apiKey: 12345678 }, '; got a number')
    throwsInvalidConfig({ siteId: 'S', apiKey: null }, '; got null')
    expect(() => createNodeTracker({ siteId: 'S', apiKey: 12345678 as never })).toThrow(/^(?!.*12345678)/)
  })

  it('should throw invalid_config at creation when the endpoint is plain http off loopback or not a URL', () => {
    throwsInvalidConfig({ siteId: 'S', endpoint: 'http://tracker.esputnik.com/api/v2' }, 'https')
    throwsInvalidConfig({ siteId: 'S', endpoint: 'esputnik.com' }, 'endpoint')
    throwsInvalidConfig({ siteId: 'S', endpoint: 'ftp://x.com' }, 'endpoint')
  })

  it('should throw invalid_config at creation when a number option is out of range', () => {
    throwsInvalidConfig({ siteId: 'S', timeout: 0 }, 'timeout')
    throwsInvalidConfig({ siteId: 'S', concurrency: 1.5 }, 'concurrency')
    throwsInvalidConfig({ siteId: 'S', maxQueue: -1 }, 'maxQueue')
    throwsInvalidConfig({ siteId: 'S', retry: { attempts: 0 } }, 'retry.attempts')
    throwsInvalidConfig({ siteId: 'S', retry: 'often' }, 'retry')
    throwsInvalidConfig({ siteId: 'S', apiKey: '' }, 'apiKey')
    throwsInvalidConfig({ siteId: 'S', onError: 'log' }, 'onError')
  })

  it('should accept the presets, https URLs and loopback http when creating', () => {
    for (const endpoint of [
      undefined,
      'esputnik',
      'yespo',
      'https://proxy.example.com/t',
      'http://localhost:4700/api/v2',
    ]) {
      expect(() => createNodeTracker({ siteId: 'S', endpoint })).not.toThrow()
    }
  })
})
