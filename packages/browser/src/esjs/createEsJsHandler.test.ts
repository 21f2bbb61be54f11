import type { SendResult } from '@es-tracker/core'
import { buildRawEvent, TrackerError } from '@es-tracker/core'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import type { BrowserTracker } from '../types'
import { createEsJsHandler } from './createEsJsHandler'

/**
 * A tracker whose raw `send` validates like the real one (core's buildRawEvent) and remembers a
 * cart's GUID only once `build()` runs, as the real one does when it waits for the sc cookie.
 */
function fakeTracker() {
  const sent: Array<{ eventName: string; body: unknown; payload?: unknown }> = []
  const identities: unknown[] = []
  let stored: string | undefined
  const waiting: Array<() => void> = []
  /** Set to refuse the next calls before they are built, as a refused consent does. */
  const refusal: { error?: TrackerError } = {}
  const tracker = {
    send: (eventName: string, body: unknown) =>
      new Promise<SendResult>((resolve) => {
        waiting.push(() => {
          if (refusal.error) return resolve({ ok: false, error: refusal.error })
          const built = buildRawEvent(eventName, body, { siteId: 'S', sc: 'SC', datetime: 1 })
          sent.push({ eventName, body, ...(built.ok ? { payload: built.payload } : {}) })
          if (!built.ok) return resolve({ ok: false, error: built.error })
          const { StatusCart: cart, PurchasedItems: purchase } = built.payload as {
            StatusCart?: { GUID: string; Products: unknown[] }
            PurchasedItems?: { GUID?: string }
          }
          if (cart && cart.Products.length > 0) stored = cart.GUID
          if (purchase?.GUID !== undefined) stored = purchase.GUID
          resolve({ ok: true })
        })
      }),
    identify: (identity: unknown) => identities.push(identity),
    cartGuid: () => stored,
  } as unknown as BrowserTracker
  const build = async () => {
    for (const run of waiting.splice(0)) run()
    await Promise.resolve()
  }
  return { tracker, sent, identities, build, refusal }
}

describe('createEsJsHandler', () => {
  it('should send the REST body through the raw send when the call is an eS.JS call', async () => {
    const { tracker, sent, build } = fakeTracker()
    const handle = createEsJsHandler(tracker)
    const result = handle('sendEvent', ['ProductPage', { ProductPage: { productKey: '1', price: '5', isInStock: 1 } }])
    await build()
    await expect(result).resolves.toEqual({ ok: true })
    expect(sent).toEqual([
      expect.objectContaining({
        eventName: 'ProductPage',
        body: { ProductPage: { Product: { productKey: '1', price: '5', isInStock: '1' } } },
      }),
    ])
  })

  it('should let a purchase join the cart sent just before it when the cart is not built yet', async () => {
    const { tracker, sent, build } = fakeTracker()
    const handle = createEsJsHandler(tracker)
    handle('sendEvent', ['StatusCart', { StatusCart: [{ productKey: '1', price: '5', quantity: '1' }] }])
    handle('sendEvent', [
      'PurchasedItems',
      { OrderNumber: '9', PurchasedItems: [{ productKey: '1', price: '5', quantity: 1 }] },
    ])
    await build()
    const cartGuid = (sent[0]?.body as { StatusCart: { GUID: string } } | undefined)?.StatusCart.GUID
    expect(cartGuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/)
    expect(sent[1]?.body).toMatchObject({ PurchasedItems: { GUID: cartGuid } })
    expect(tracker.cartGuid()).toBe(cartGuid)
  })

  it('should make the GUID of an eS.JS purchase the last cart GUID when the body gives one', async () => {
    const { tracker, sent, build } = fakeTracker()
    const handle = createEsJsHandler(tracker)
    const line = { productKey: '1', price: '5', quantity: '1' }
    handle('sendEvent', ['StatusCart', { StatusCart: [line], GUID: 'CART-1' }])
    handle('sendEvent', ['PurchasedItems', { OrderNumber: '9', PurchasedItems: [line], GUID: 'order-guid-7' }])
    await build()
    expect(sent[1]?.body).toMatchObject({ PurchasedItems: { GUID: 'order-guid-7' } })
    expect(tracker.cartGuid()).toBe('order-guid-7')
  })

  it('should not let a purchase join a cart that failed validation', async () => {
    const { tracker, sent, build } = fakeTracker()
    const handle = createEsJsHandler(tracker)
    const line = { productKey: '1', price: '5', quantity: '1' }
    handle('sendEvent', ['StatusCart', { StatusCart: [line], GUID: 'GOOD' }])
    await build()
    const bad = handle('sendEvent', ['StatusCart', { StatusCart: [{ ...line, price: 'free' }], GUID: 'BAD' }])
    await build()
    expect((await bad).ok).toBe(false)
    handle('sendEvent', ['PurchasedItems', { OrderNumber: '9', PurchasedItems: [line] }])
    await build()
    expect(sent.at(-1)?.body).toMatchObject({ PurchasedItems: { GUID: 'GOOD' } })
  })

  it('should not let a purchase join an invalid cart when the cart still waits to be built', async () => {
    const { tracker, sent, build } = fakeTracker()
    const handle = createEsJsHandler(tracker)
    const line = { productKey: '1', price: '5', quantity: '1' }
    handle('sendEvent', ['StatusCart', { StatusCart: [line], GUID: 'GOOD' }])
    await build()
    // The bad cart and the purchase are both taken before the tracker builds either (sc or consent wait).
    const bad = handle('sendEvent', ['StatusCart', { StatusCart: [{ ...line, price: 'free' }], GUID: 'BAD' }])
    handle('sendEvent', ['PurchasedItems', { OrderNumber: '9', PurchasedItems: [line] }])
    await build()
    expect((await bad).ok).toBe(false)
    expect(sent.at(-1)?.body).toMatchObject({ PurchasedItems: { GUID: 'GOOD' } })
    expect(tracker.cartGuid()).toBe('GOOD')
  })

  it('should not let a purchase join a cart that was refused before it was built', async () => {
    const { tracker, sent, build, refusal } = fakeTracker()
    const handle = createEsJsHandler(tracker)
    const line = { productKey: '1', price: '5', quantity: '1' }
    handle('sendEvent', ['StatusCart', { StatusCart: [line], GUID: 'GOOD' }])
    await build()
    refusal.error = new TrackerError('consent', 'StatusCart refused: no consent')
    const refused = handle('sendEvent', ['StatusCart', { StatusCart: [line], GUID: 'REFUSED' }])
    await build()
    expect((await refused).ok).toBe(false)
    refusal.error = undefined
    handle('sendEvent', ['PurchasedItems', { OrderNumber: '9', PurchasedItems: [line] }])
    await build()
    expect(sent.at(-1)?.body).toMatchObject({ PurchasedItems: { GUID: 'GOOD' } })
  })

  it('should let a purchase join the store once it changed while a cart was still waiting', async () => {
    const { tracker, sent, build } = fakeTracker()
    const handle = createEsJsHandler(tracker)
    const line = { productKey: '1', price: '5', quantity: '1' }
    handle('sendEvent', ['StatusCart', { StatusCart: [line], GUID: 'WAITING' }])
    // Another cart (the friendly API, another tab) is stored first: the store is the truth.
    const other = tracker.send('StatusCart', { StatusCart: { GUID: 'OTHER', Products: [{ ...line, quantity: 1 }] } })
    await build()
    await other
    handle('sendEvent', ['PurchasedItems', { OrderNumber: '9', PurchasedItems: [line] }])
    await build()
    expect(sent.at(-1)?.body).toMatchObject({ PurchasedItems: { GUID: 'OTHER' } })
  })

  it('should remember the identity and send CustomerData when the call carries the customer', async () => {
    const { tracker, sent, identities, build } = fakeTracker()
    const handle = createEsJsHandler(tracker)
    handle('sendEvent', ['CustomerData', { CustomerData: { user_email: 'a@example.com', user_city: 'Kyiv' } }])
    await build()
    expect(identities).toEqual([{ email: 'a@example.com' }])
    expect(sent[0]).toMatchObject({ eventName: 'CustomerData', body: { GeneralInfo: { user_city: 'Kyiv' } } })
    expect(sent[0]?.payload).toMatchObject({ GeneralInfo: { eventName: 'CustomerData', user_city: 'Kyiv' } })
  })

  it('should send nothing and log why when the event exists only in the vendor script', async () => {
    const { tracker, sent, build } = fakeTracker()
    const log = vi.fn()
    const report = vi.fn()
    const handle = createEsJsHandler(tracker, { log, report })
    const result = await handle('sendEvent', ['MainPage'])
    await build()
    expect(sent).toEqual([])
    expect(report).not.toHaveBeenCalled()
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('MainPage: eS.JS-only event, nothing sent'))
  })

  it('should remember a PageView GeneralInfo as identity and send nothing', async () => {
    const { tracker, sent, identities, build } = fakeTracker()
    const handle = createEsJsHandler(tracker)
    await handle('sendEvent', ['PageView', { GeneralInfo: { externalCustomerId: 'C7' } }])
    await build()
    expect(sent).toEqual([])
    expect(identities).toEqual([{ externalCustomerId: 'C7' }])
  })

  it('should report and not send when the call cannot be converted', async () => {
    const { tracker, sent, build } = fakeTracker()
    const report = vi.fn()
    const handle = createEsJsHandler(tracker, { report })
    const result = await handle('sendEvent', ['Checkout', {}])
    await build()
    expect(sent).toEqual([])
    expect(result.ok).toBe(false)
    expect((report.mock.calls[0]?.[0] as TrackerError | undefined)?.code).toBe('invalid_event')
  })

  it('should resolve and never throw when given any arguments', async () => {
    const { tracker, build } = fakeTracker()
    const handle = createEsJsHandler(tracker)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('sendEvent', 'sendEventWithTags' as const),
        fc.array(fc.anything(), { maxLength: 4 }),
        async (command, args) => {
          const result = handle(command, args)
          await build()
          expect(typeof (await result).ok).toBe('boolean')
        },
      ),
      { numRuns: 100 },
    )
  })
})
