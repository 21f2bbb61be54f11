// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBrowserTracker } from '../../createBrowserTracker'
import { bridgeDataLayer } from './bridgeDataLayer'

const endpoint = 'http://127.0.0.1:4700/api/v2'
const page = window as unknown as { dataLayer?: unknown[] }

/** Records the event names the tracker sends (the transport's fetch; e2e delivers to a real collector) and answers 204. */
function recordSentEvents(): string[] {
  const sent: string[] = []
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(await new Request(input, init).text()) as { GeneralInfo: { eventName: string } }
    sent.push(body.GeneralInfo.eventName)
    return new Response(null, { status: 204 })
  })
  return sent
}

/**
 * Records every localStorage write (key, and value or null for a removal) as the page makes it, so
 * that none made before consent goes unseen even if undone later: the page's localStorage, wrapped.
 */
function recordStorageWrites(): Array<[string, string | null]> {
  const writes: Array<[string, string | null]> = []
  const real = localStorage
  const recording: Storage = {
    getItem: (key) => real.getItem(key),
    setItem(key, value) {
      writes.push([key, value])
      real.setItem(key, value)
    },
    removeItem(key) {
      writes.push([key, null])
      real.removeItem(key)
    },
    clear: () => real.clear(),
    key: (index) => real.key(index),
    get length() {
      return real.length
    },
  }
  vi.stubGlobal('localStorage', recording)
  return writes
}

const item = (id: string, quantity = 1) => ({ item_id: id, price: '10.00', quantity })
const addToCart = (id: string) => ({ event: 'add_to_cart', ecommerce: { currency: 'USD', items: [item(id)] } })
const purchase = { event: 'purchase', ecommerce: { currency: 'USD', transaction_id: 'T-1', items: [item('A')] } }
const stored = (key: string) => JSON.parse(localStorage.getItem(key) ?? 'null') as unknown

/** Lets the tracker's deferred calls run and its sends settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

beforeEach(() => {
  localStorage.clear()
  delete page.dataLayer
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  delete page.dataLayer
})

describe('bridgeDataLayer', () => {
  it('should write nothing to storage before consent, then the cart mirror and the orders sent once it is granted', async () => {
    const sent = recordSentEvents()
    const writes = recordStorageWrites()
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, consent: 'pending' })
    const bridge = bridgeDataLayer(tracker)
    page.dataLayer!.push(addToCart('A'), addToCart('B'))
    await settle()
    expect(writes).toEqual([])
    expect(document.cookie).toBe('')
    expect(sent).toEqual([])

    tracker.setConsent('granted')
    await tracker.flush()
    expect(sent).toEqual(['StatusCart', 'StatusCart'])
    expect(stored('es-tracker:dataLayer:cart')).toEqual([
      { productKey: 'A', price: 10, quantity: 1, currency: 'USD' },
      { productKey: 'B', price: 10, quantity: 1, currency: 'USD' },
    ])

    // After consent the records go straight to storage: a reload of the thank-you page (a new tracker
    // and bridge on the same storage) sends its purchase no second time.
    page.dataLayer!.push(purchase)
    await tracker.flush()
    expect(stored('es-tracker:dataLayer:orders')).toEqual(['T-1'])
    expect(stored('es-tracker:dataLayer:cart')).toEqual([])
    bridge.stop()
    delete page.dataLayer
    const reloaded = createBrowserTracker({ siteId: 'S', endpoint, consent: 'pending' })
    bridgeDataLayer(reloaded)
    reloaded.setConsent('granted')
    page.dataLayer!.push(purchase)
    await reloaded.flush()
    expect(sent).toEqual(['StatusCart', 'StatusCart', 'PurchasedItems'])
  })

  it("should keep the records in this page's memory only when consent is denied", async () => {
    const sent = recordSentEvents()
    const writes = recordStorageWrites()
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, consent: 'pending', onError: () => {} })
    bridgeDataLayer(tracker)
    tracker.setConsent('denied')
    page.dataLayer!.push(addToCart('A'), purchase, purchase)
    await tracker.flush()
    await settle()
    expect(writes).toEqual([])
    expect(localStorage.length).toBe(0)
    expect(sent).toEqual([])
  })

  it('should keep its records in localStorage for a tracker of another kind, as before', async () => {
    const calls: string[] = []
    const tracker = new Proxy({} as Parameters<typeof bridgeDataLayer>[0], {
      get: (_target, name) => () => {
        calls.push(String(name))
        return Promise.resolve({ ok: true })
      },
    })
    bridgeDataLayer(tracker)
    page.dataLayer!.push(addToCart('A'), purchase, purchase)
    expect(calls).toEqual(['statusCart', 'purchasedItems'])
    expect(stored('es-tracker:dataLayer:orders')).toEqual(['T-1'])
  })
})
