import { describe, expect, it, vi } from 'vitest'
import { TrackerError } from '../errors/TrackerError'
import type { EventName } from '../events/registry'
import type { EventContext, WirePayload } from '../events/types'
import { createTrackerMethods } from './createTrackerMethods'
import type { CartStore, SendResult, TrackerMethods, TrackerMethodsOptions } from './types'

const context: EventContext = { siteId: '8A412DC', sc: 'CDA68358-94FB-4D83-9655-3FEB3C4114A3' }
const line = { productKey: '430738', price: 201.95, quantity: 1 }

function setup(overrides: Partial<TrackerMethodsOptions> = {}) {
  let stored: string | undefined
  const cart: CartStore = {
    get: () => stored,
    set: (guid) => {
      stored = guid
    },
    clear: () => {
      stored = undefined
    },
  }
  const sent: Array<{ eventName: EventName; payload: WirePayload }> = []
  const errors: TrackerError[] = []
  let guids = 0
  const methods = createTrackerMethods({
    context: () => context,
    enqueue: (eventName, payload) => {
      sent.push({ eventName, payload: payload as WirePayload })
      return Promise.resolve({ ok: true })
    },
    cart,
    newGuid: () => `GUID-${++guids}`,
    now: () => 1_700_000_000_000,
    onError: (error) => errors.push(error),
    ...overrides,
  })
  const body = (index: number, key: string) => sent[index]!.payload[key] as Record<string, unknown>
  return { methods, sent, errors, cart, body }
}

/** Lets every queued promise continuation run. */
const drain = async () => {
  for (let round = 0; round < 20; round++) await Promise.resolve()
}

describe('createTrackerMethods', () => {
  it('should give every statusCart a new GUID when the input has none', async () => {
    const { methods, body } = setup()
    await methods.statusCart({ products: [line] })
    await methods.statusCart({ products: [line] })
    expect([body(0, 'StatusCart').GUID, body(1, 'StatusCart').GUID]).toEqual(['GUID-1', 'GUID-2'])
  })

  it('should join the purchase to the last cart that had products when an empty cart came after it', async () => {
    const { methods, body } = setup()
    await methods.statusCart({ products: [line] })
    await methods.statusCart({ products: [line, { ...line, productKey: '2' }] })
    await methods.statusCart({ products: [] })
    await methods.purchasedItems({ orderNumber: '123/2017' })
    expect(body(2, 'StatusCart')).toMatchObject({ GUID: 'GUID-3', Products: [] })
    expect(body(3, 'PurchasedItems')).toEqual({ GUID: 'GUID-2', OrderNumber: '123/2017' })
  })

  it('should keep a cart GUID given in the input and remember it when the cart has products', async () => {
    const { methods, body, cart } = setup()
    await methods.statusCart({ products: [line], guid: 'MY-CART' })
    expect(body(0, 'StatusCart').GUID).toBe('MY-CART')
    expect(cart.get()).toBe('MY-CART')
  })

  it('should use the guid of the input over the remembered cart when purchasedItems is given one', async () => {
    const { methods, body } = setup()
    await methods.statusCart({ products: [line] })
    await methods.purchasedItems({ orderNumber: '1', guid: 'FROM-INPUT' })
    expect(body(1, 'PurchasedItems').GUID).toBe('FROM-INPUT')
  })

  it('should not join a cart when the purchase is oneClick', async () => {
    const { methods, body } = setup()
    await methods.statusCart({ products: [line] })
    await methods.purchasedItems({ orderNumber: '7', oneClick: true, products: [line] })
    expect(body(1, 'PurchasedItems').GUID).toBeUndefined()
    expect(body(1, 'PurchasedItems').Products).toEqual([{ product_id: '430738', unit_price: '201.95', quantity: 1 }])
  })

  it('should resolve invalid_event and queue nothing when a purchase has neither a cart nor products', async () => {
    const { methods, sent, errors } = setup()
    const result = await methods.purchasedItems({ orderNumber: '7' })
    expect(result.ok === false && result.error.code).toBe('invalid_event')
    expect(sent).toEqual([])
    expect(errors).toHaveLength(1)
  })

  it('should not let an invalid cart take the purchase GUID when its input is rejected', async () => {
    const { methods, cart } = setup()
    const result = await methods.statusCart({ products: [{ productKey: '1', price: 'x', quantity: 1 }] })
    expect(result.ok).toBe(false)
    expect(cart.get()).toBeUndefined()
  })

  it('should resolve invalid_event and queue nothing when any method gets an unusable input', async () => {
    const { methods, sent, errors } = setup()
    const calls = (input: unknown): Array<Promise<SendResult>> => {
      const loose = methods as unknown as Record<keyof TrackerMethods, (...args: unknown[]) => Promise<SendResult>>
      return [
        loose.productPage(input),
        loose.addToWishlist(input),
        loose.statusCart(input),
        loose.purchasedItems(input),
        loose.productImpressions(input),
        loose.categoryPage(input),
        loose.customEvent(input),
        loose.searchRequest(input),
        loose.productUpdate(input),
        loose.send('ProductPage', input),
        loose.send(input, input),
      ]
    }
    for (const input of [null, undefined, 'a string', 42, [], {}, { product: null }, { products: 'x' }]) {
      const results = await Promise.all(calls(input))
      for (const result of results)
        expect(result.ok === false && result.error.code, JSON.stringify(input)).toBe('invalid_event')
    }
    expect(sent).toEqual([])
    expect(errors.length).toBe(88)
  })

  it('should queue the event before returning when the context is synchronous', () => {
    const { methods, sent } = setup()
    void methods.categoryPage({ categoryKey: 'Babies' })
    expect(sent.map((entry) => entry.eventName)).toEqual(['CategoryPage'])
  })

  it('should keep call order and the call time when the context is asynchronous', async () => {
    let time = 1000
    let release!: () => void
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const { methods, sent, body } = setup({
      context: async () => {
        await gate
        return context
      },
      now: () => time,
    })
    const cartCall = methods.statusCart({ products: [line] })
    time = 2000
    const purchase = methods.purchasedItems({ orderNumber: '9' })
    time = 3000
    release()
    await Promise.all([cartCall, purchase])
    expect(sent.map((entry) => entry.payload.GeneralInfo.datetime)).toEqual([1000, 2000])
    expect(body(1, 'PurchasedItems').GUID).toBe(body(0, 'StatusCart').GUID)
  })

  it('should queue a call once the one before it is queued, not delivered, when the context is asynchronous', async () => {
    const { methods, sent } = setup({
      context: async () => context,
      // A delivery that never ends: the next call must be queued all the same.
      enqueue: (eventName, payload) => {
        sent.push({ eventName, payload: payload as WirePayload })
        return new Promise<SendResult>(() => {})
      },
    })
    void methods.categoryPage({ categoryKey: 'Babies' })
    void methods.customEvent({ name: 'second' })
    await drain()
    expect(sent.map((entry) => entry.eventName)).toEqual(['CategoryPage', 'CustomEvent'])
  })

  it('should go on with later calls in order when an earlier call fails while waiting for its context', async () => {
    let calls = 0
    const { methods, sent } = setup({
      // The first call's context fails, the next two wait, and later ones are synchronous.
      context: () => {
        calls++
        if (calls === 1) return Promise.reject(new Error('no cookie'))
        return calls <= 3 ? Promise.resolve(context) : context
      },
    })
    const first = methods.categoryPage({ categoryKey: 'A' })
    const second = methods.categoryPage({ categoryKey: 'B' })
    const third = methods.statusCart({ products: [line] })
    const failed = await first
    expect(failed.ok === false && failed.error.code).toBe('invalid_config')
    expect([await second, await third]).toEqual([{ ok: true }, { ok: true }])
    expect(sent.map((entry) => entry.eventName)).toEqual(['CategoryPage', 'StatusCart'])
    // Nothing waits any more: a synchronous context queues the event at the call again.
    void methods.customerData()
    expect(sent.map((entry) => entry.eventName)).toEqual(['CategoryPage', 'StatusCart', 'CustomerData'])
  })

  it('should queue at the call again once the calls that waited for their context have settled', async () => {
    let calls = 0
    const { methods, sent } = setup({ context: () => (++calls === 1 ? Promise.resolve(context) : context) })
    // Waits for its context, then fails at once (neither a cart nor products): no delivery to wait for.
    const waited = await methods.purchasedItems({ orderNumber: '7' })
    expect(waited.ok).toBe(false)
    void methods.customerData()
    expect(sent.map((entry) => entry.eventName)).toEqual(['CustomerData'])
  })

  it('should resolve the context error when the context refuses the event', async () => {
    const refusal = new TrackerError('consent', 'no consent')
    const { methods, sent, errors } = setup({ context: () => refusal })
    expect(await methods.customerData()).toEqual({ ok: false, error: refusal })
    expect(sent).toEqual([])
    expect(errors).toEqual([refusal])
  })

  it('should resolve, never reject, when the context, newGuid, cart or enqueue throw', async () => {
    const boom = () => {
      throw new Error('boom')
    }
    const brokenCart: CartStore = { get: boom, set: boom, clear: boom }
    const cases: Array<Partial<TrackerMethodsOptions>> = [
      { context: boom },
      { context: () => Promise.reject(new Error('async boom')) },
      { newGuid: boom },
      { enqueue: boom },
      { enqueue: () => Promise.reject(new Error('rejects')) },
      { onError: boom, context: boom },
    ]
    for (const overrides of cases) {
      const { methods } = setup(overrides)
      const result = await methods.statusCart({ products: [line] })
      expect(result.ok).toBe(false)
    }
    const { methods } = setup({ cart: brokenCart })
    expect(await methods.statusCart({ products: [line] })).toEqual({ ok: true })
    expect((await methods.purchasedItems({ orderNumber: '1' })).ok).toBe(false)
  })

  it('should remember the cart of a raw StatusCart when send is used', async () => {
    const { methods, cart } = setup()
    const result = await methods.send('StatusCart', {
      StatusCart: { GUID: 'RAW-1', Products: [{ productKey: '1', price: 1, quantity: 1 }] },
    })
    expect(result).toEqual({ ok: true })
    expect(cart.get()).toBe('RAW-1')
  })

  it('should remember the GUID a purchase carries when it is given in the input or a raw body', async () => {
    const { methods, cart } = setup()
    await methods.statusCart({ products: [line] })
    await methods.purchasedItems({ orderNumber: '1', guid: 'FROM-INPUT' })
    expect(cart.get()).toBe('FROM-INPUT')
    await methods.send('PurchasedItems', { PurchasedItems: { GUID: 'RAW-PURCHASE', OrderNumber: '2' } })
    expect(cart.get()).toBe('RAW-PURCHASE')
    await methods.purchasedItems({ orderNumber: '3', oneClick: true, products: [line] })
    expect(cart.get()).toBe('RAW-PURCHASE')
  })

  it('should pass what a builder dropped to onWarning when the event still goes out', async () => {
    const onWarning = vi.fn()
    const { methods, sent } = setup({ onWarning, context: () => ({ ...context, identity: { email: 'not-an-email' } }) })
    expect(await methods.customerData()).toEqual({ ok: true })
    expect(sent).toHaveLength(1)
    expect(onWarning).toHaveBeenCalledTimes(1)
    expect(onWarning.mock.calls[0]![1]).toBe('CustomerData')
  })

  it('should hand the transaction of its last argument to enqueue when one is given', async () => {
    const seen: unknown[] = []
    const { methods } = setup({
      enqueue: (_eventName, _payload, options) => {
        seen.push(options)
        return Promise.resolve({ ok: true })
      },
    })
    const client = { query: () => {} }
    await methods.purchasedItems({ orderNumber: '1', guid: 'G' }, { transaction: client })
    await methods.customerData({ transaction: client })
    await methods.productUpdate([{ productKey: '1', isInStock: true }], { transaction: client })
    await methods.send('CustomEvent', { CustomEvent: { EventName: 'x' } }, { transaction: client })
    await methods.categoryPage({ categoryKey: 'c' })
    await methods.categoryPage({ categoryKey: 'c' }, { unknown: 1 } as never)
    expect(seen).toEqual([
      { transaction: client },
      { transaction: client },
      { transaction: client },
      { transaction: client },
      undefined,
      undefined,
    ])
  })

  it('should resolve invalid_event, not throw, when the options object throws', async () => {
    const hostile = Object.defineProperty({}, 'transaction', {
      get() {
        throw new Error('hostile getter')
      },
    })
    const { methods, sent, errors } = setup()
    const result = await methods.categoryPage({ categoryKey: 'c' }, hostile)
    expect(result.ok === false && result.error.code).toBe('invalid_event')
    expect(sent).toHaveLength(0)
    expect(errors).toHaveLength(1)
  })
})
