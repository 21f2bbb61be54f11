// @vitest-environment happy-dom
import { validatePayload } from '@es-tracker/core'
import { trackerMethodNames } from '@es-tracker/core/internal'
import Cookies from 'js-cookie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBrowserTracker } from './createBrowserTracker'

const endpoint = 'http://127.0.0.1:4700/api/v2'

/** A received JSON body, loosely typed for reading fields in assertions. */
interface Json {
  [key: string]: Json
}

/** Records every request the tracker sends and answers 204 (or what a test queues). */
function stubFetch(...statuses: number[]) {
  const bodies: Json[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    bodies.push(JSON.parse(await request.text()))
    return new Response(null, { status: statuses.shift() ?? 204 })
  })
  vi.stubGlobal('fetch', fetch)
  return { bodies, fetch }
}

/** How many events the persisted queue of site `S` holds (one localStorage key each). */
const storedEvents = () => Object.keys(localStorage).filter((key) => key.startsWith('es-tracker:queue:S:')).length

const product = { productKey: '72354', price: 754, currency: 'USD', isInStock: true }
const cartLine = { productKey: '1', price: 10, quantity: 2 }

beforeEach(() => {
  localStorage.clear()
  for (const name of Object.keys(Cookies.get())) Cookies.remove(name, { path: '/' })
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('createBrowserTracker', () => {
  it('should send a valid payload with a created sc cookie and the page context when tracking a product page', async () => {
    const { bodies } = stubFetch()
    const tracker = createBrowserTracker({ siteId: '8A412DC', endpoint })
    expect(await tracker.productPage({ product })).toEqual({ ok: true })
    const payload = bodies[0]!
    expect(validatePayload(payload).ok).toBe(true)
    const sc = document.cookie.match(/(?:^|; )sc=([^;]+)/)?.[1]
    expect(sc).toMatch(/^[0-9A-F-]{36}$/)
    expect(payload.GeneralInfo).toMatchObject({ eventName: 'ProductPage', siteId: '8A412DC', cookies: { sc } })
    expect(payload.GeneralInfo?.s_location).toBe(location.href)
    expect(payload.ProductPage?.Product).toMatchObject({ productKey: '72354', price: '754 USD', isInStock: '1' })
  })

  it.each([
    ['a valid configuration', { siteId: 'S', endpoint }],
    ['a bad configuration', { siteId: '' }],
  ])('should answer every tracker method name when given %s', (_name, options) => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const tracker = createBrowserTracker(options) as unknown as Record<string, unknown>
    for (const name of trackerMethodNames) expect(typeof tracker[name]).toBe('function')
  })

  it('should use the site sc cookie when there is one', async () => {
    const { bodies } = stubFetch()
    Cookies.set('sc', 'SITE-VISITOR', { path: '/' })
    const tracker = createBrowserTracker({ siteId: 'S', endpoint })
    await tracker.categoryPage({ categoryKey: 'Babies' })
    expect(bodies[0]?.GeneralInfo?.cookies).toEqual({ sc: 'SITE-VISITOR' })
  })

  it('should give every cart a new GUID and join the purchase to the last cart with products', async () => {
    const { bodies } = stubFetch()
    const tracker = createBrowserTracker({ siteId: 'S', endpoint })
    await tracker.statusCart({ products: [cartLine] })
    await tracker.statusCart({ products: [cartLine, { ...cartLine, productKey: '2' }] })
    await tracker.statusCart({ products: [] })
    await tracker.purchasedItems({ orderNumber: 'A-1' })
    const [first, second, empty, purchase] = bodies.map((body) => body.StatusCart?.GUID ?? body.PurchasedItems?.GUID)
    expect(new Set([first, second, empty]).size).toBe(3)
    expect(purchase).toBe(second)
    expect(tracker.cartGuid()).toBe(second)
    expect(bodies.every((body) => validatePayload(body).ok)).toBe(true)
  })

  it('should let a tracker on the next page join the same cart when storage is shared', async () => {
    const { bodies } = stubFetch()
    await createBrowserTracker({ siteId: 'S', endpoint }).statusCart({ products: [cartLine] })
    await createBrowserTracker({ siteId: 'S', endpoint }).purchasedItems({ orderNumber: 'A-2' })
    expect(bodies[1]?.PurchasedItems?.GUID).toBe(bodies[0]?.StatusCart?.GUID)
  })

  it('should carry the identity in later events and forget it and the cart when reset', async () => {
    const { bodies } = stubFetch()
    const tracker = createBrowserTracker({ siteId: 'S', endpoint })
    tracker.identify({ email: 'jane@example.com', externalCustomerId: 'C-7' })
    await tracker.statusCart({ products: [cartLine] })
    await tracker.customerData()
    expect(bodies[1]?.GeneralInfo).toMatchObject({ user_email: 'jane@example.com', externalCustomerId: 'C-7' })
    tracker.reset()
    await tracker.customEvent({ name: 'logout' })
    expect(bodies[2]?.GeneralInfo?.user_email).toBeUndefined()
    expect(tracker.cartGuid()).toBeUndefined()
  })

  it('should hold events while consent is pending and send them when it is granted', async () => {
    const { bodies } = stubFetch()
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, consent: 'pending' })
    const waiting = tracker.categoryPage({ categoryKey: 'Babies' })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(bodies).toHaveLength(0)
    expect(storedEvents()).toBe(0)
    tracker.setConsent('granted')
    expect(await waiting).toEqual({ ok: true })
    expect(bodies).toHaveLength(1)
  })

  it('should drop events with code consent when consent is denied', async () => {
    const { bodies } = stubFetch()
    const onError = vi.fn()
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, consent: 'pending', onError })
    const waiting = tracker.categoryPage({ categoryKey: 'Babies' })
    tracker.setConsent('denied')
    const result = await waiting
    expect(result.ok === false && result.error.code).toBe('consent')
    const later = await tracker.customEvent({ name: 'x' })
    expect(later.ok === false && later.error.code).toBe('consent')
    expect(bodies).toHaveLength(0)
    expect(onError).toHaveBeenCalledTimes(2)
  })

  it('should keep retrying an event offline past its attempts, report it once, and deliver it when the browser is back online', async () => {
    let online = false
    const bodies: Json[] = []
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        if (!online) throw new TypeError('Failed to fetch')
        bodies.push(JSON.parse(await new Request(input, init).text()))
        return new Response(null, { status: 204 })
      }),
    )
    const onError = vi.fn()
    const tracker = createBrowserTracker({
      siteId: 'S',
      endpoint,
      onError,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 60_000 },
    })
    const result = tracker.customEvent({ name: 'offline' })
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    expect(onError.mock.calls[0]?.[0].message).toContain('still queued')
    expect(storedEvents()).toBe(1)
    online = true
    window.dispatchEvent(new Event('online'))
    expect(await result).toEqual({ ok: true })
    expect(bodies.map((body) => body.CustomEvent)).toEqual([{ EventName: 'offline' }])
    await vi.waitFor(() => expect(storedEvents()).toBe(0))
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('should report, not throw, when setConsent gets a value that has no string form', () => {
    stubFetch()
    const onError = vi.fn()
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, onError })
    expect(() => tracker.setConsent(Object.create(null))).not.toThrow()
    expect(() => tracker.setConsent(Symbol('x') as never)).not.toThrow()
    expect(onError.mock.calls.map(([error]) => [error.code, error.message])).toEqual([
      ['invalid_config', "setConsent state must be 'granted', 'pending' or 'denied'; got an object"],
      ['invalid_config', "setConsent state must be 'granted', 'pending' or 'denied'; got a symbol"],
    ])
  })

  it('should send a waiting event at once when the page is hidden while the endpoint is healthy', async () => {
    const answers: Array<() => void> = []
    const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const body = await new Request(input, init).text()
      return new Promise<Response>((resolve) => {
        const answer = () => resolve(new Response(null, { status: 204 }))
        if (body.includes('leaving')) answer()
        else answers.push(answer)
      })
    })
    vi.stubGlobal('fetch', fetch)
    // happy-dom has no keepalive fetch: a request made as the page is hidden goes by beacon.
    const beacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true)
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, concurrency: 1 })
    void tracker.customEvent({ name: 'slow' })
    const result = tracker.customEvent({ name: 'leaving' })
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1))
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    // The browser fires it at the document, bubbling up to the window.
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
    expect(await result).toEqual({ ok: true })
    expect(beacon).toHaveBeenCalledWith(endpoint, expect.stringContaining('"EventName":"leaving"'))
    expect(fetch).toHaveBeenCalledTimes(1)
    for (const answer of answers) answer()
  })

  it('should send nothing and keep the event stored when the page is hidden while the endpoint fails', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 503, headers: { 'Retry-After': '60' } }))
    vi.stubGlobal('fetch', fetch)
    const beacon = vi.spyOn(navigator, 'sendBeacon').mockReturnValue(true)
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, retry: { maxDelayMs: 60_000 } })
    void tracker.customEvent({ name: 'waiting' })
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1))
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(beacon).not.toHaveBeenCalled()
    expect(storedEvents()).toBe(1)
    // Left for the next page: released, and the failure remembered for it.
    const stored = JSON.parse(localStorage.getItem(Object.keys(localStorage).find((key) => key.includes(':queue:'))!)!)
    expect(stored.lease).toBe(0)
    expect(Number(localStorage.getItem('es-tracker:failing:S'))).toBeCloseTo(
      performance.timeOrigin + performance.now(),
      -4,
    )
  })

  it('should fall back to no Web Locks, not throw, when reading navigator.locks throws', () => {
    stubFetch()
    vi.spyOn(navigator, 'locks', 'get').mockImplementation(() => {
      throw new Error('locks are broken')
    })
    expect(() => createBrowserTracker({ siteId: 'S', endpoint })).not.toThrow()
  })

  it('should retry through server errors and deliver once', async () => {
    const { bodies } = stubFetch(503, 503)
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, retry: { baseDelayMs: 1, maxDelayMs: 5 } })
    expect(await tracker.customEvent({ name: 'retry' })).toEqual({ ok: true })
    expect(bodies).toHaveLength(3)
    await vi.waitFor(() => expect(storedEvents()).toBe(0))
  })

  it('should report bad input and send nothing when an event is invalid', async () => {
    const { bodies } = stubFetch()
    const onError = vi.fn()
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, onError })
    const result = await tracker.statusCart({ products: [{ productKey: '1', price: 1, quantity: 'x' }] } as never)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.issues[0]?.path).toBe('StatusCart.Products[0].quantity')
    await expect(tracker.productPage(undefined as never)).resolves.toMatchObject({ ok: false })
    expect(bodies).toHaveLength(0)
    expect(onError).toHaveBeenCalledTimes(2)
  })

  it.each([
    ['no siteId', { endpoint }],
    ['a plain http endpoint', { siteId: 'S', endpoint: 'http://tracker.example/api/v2' }],
    ['a malformed endpoint', { siteId: 'S', endpoint: '::' }],
  ])('should stay inert and report invalid_config when given %s', async (_name, options) => {
    const { fetch } = stubFetch()
    const onError = vi.fn()
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const tracker = createBrowserTracker({ ...options, onError } as never)
    const result = await tracker.productPage({ product })
    expect(result.ok === false && result.error.code).toBe('invalid_config')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid_config' }))
    expect(consoleError).toHaveBeenCalledTimes(1)
    expect(() => tracker.identify({ email: 'a@b.c' })).not.toThrow()
    await expect(tracker.flush()).resolves.toBeUndefined()
    expect(fetch).not.toHaveBeenCalled()
  })

  it('should log events with personal data masked when debug is on', async () => {
    stubFetch()
    const lines: string[] = []
    vi.spyOn(console, 'log').mockImplementation((...parts) => lines.push(JSON.stringify(parts)))
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, debug: true })
    tracker.identify({ email: 'jane@example.com', phone: '+380501113010' })
    await tracker.customerData()
    const text = lines.join('\n')
    expect(text).toContain('j***@example.com')
    expect(text).toContain('customerData delivered')
    expect(text).not.toContain('jane@example.com')
    expect(text).not.toContain('380501113010')
  })

  it('should wait for the site to set sc when createScCookie is false', async () => {
    const { bodies } = stubFetch()
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, createScCookie: false })
    const waiting = tracker.customEvent({ name: 'later' })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(bodies).toHaveLength(0)
    expect(document.cookie).not.toContain('sc=')
    Cookies.set('sc', 'SET-BY-SITE', { path: '/' })
    expect(await waiting).toEqual({ ok: true })
    expect(bodies[0]?.GeneralInfo?.cookies).toEqual({ sc: 'SET-BY-SITE' })
  })

  it('should deliver the calls consent held back when flushed right after it is granted', async () => {
    const { bodies } = stubFetch()
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, consent: 'pending' })
    void tracker.customEvent({ name: 'a' })
    void tracker.customEvent({ name: 'b' })
    tracker.setConsent('granted')
    await tracker.flush()
    expect(bodies.map((body) => body.CustomEvent?.EventName)).toEqual(['a', 'b'])
  })

  it('should resolve flush, not wait, when an event still waits for consent', async () => {
    const { bodies } = stubFetch()
    const tracker = createBrowserTracker({ siteId: 'S', endpoint, consent: 'pending' })
    void tracker.customEvent({ name: 'held' })
    await expect(tracker.flush()).resolves.toBeUndefined()
    expect(bodies).toHaveLength(0)
  })

  it('should deliver what is queued when flushed', async () => {
    const { bodies } = stubFetch()
    const tracker = createBrowserTracker({ siteId: 'S', endpoint })
    void tracker.customEvent({ name: 'a' })
    void tracker.customEvent({ name: 'b' })
    await tracker.flush()
    expect(bodies.map((body) => body.CustomEvent?.EventName)).toEqual(['a', 'b'])
  })
})
