import type { TransportRequest } from '@es-tracker/core'
import ky from 'ky'
import { describe, expect, it, vi } from 'vitest'
import { type BrowserTransportOptions, createBrowserTransport as createWithKy } from './browserTransport'
import kyLite from './kyLite'

interface SeenRequest {
  url: string
  method: string
  body: string
  contentType: string | null
  keepalive: boolean
  credentials: RequestCredentials
}

/** A fetch that records each request and answers from a queue of replies (a Response, an error or 'hang'). */
function fakeFetch(...replies: Array<Response | Error | 'hang'>) {
  const seen: SeenRequest[] = []
  const release: Array<() => void> = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    seen.push({
      url: request.url,
      method: request.method,
      body: await request.clone().text(),
      contentType: request.headers.get('Content-Type'),
      keepalive: request.keepalive,
      credentials: request.credentials,
    })
    const reply = replies.shift() ?? new Response(null, { status: 204 })
    if (reply === 'hang') {
      return new Promise((resolve, reject) => {
        release.push(() => resolve(new Response(null, { status: 204 })))
        request.signal.addEventListener('abort', () => reject(request.signal.reason))
      })
    }
    if (reply instanceof Error) throw reply
    return reply
  }
  return { fetch: fetch as typeof globalThis.fetch, seen, release }
}

const request = (overrides: Partial<TransportRequest> = {}): TransportRequest => ({
  url: 'https://tracker.example/api/v2',
  body: '{"GeneralInfo":{"eventName":"CustomerData"}}',
  headers: {},
  timeoutMs: 1000,
  ...overrides,
})

// The ESM build posts with ky, the script-tag build with kyLite in its place: one suite for both.
describe.each([
  ['ky', ky.post as BrowserTransportOptions['post']],
  ['kyLite', kyLite.post],
])('createBrowserTransport with %s', (_name, post) => {
  const createBrowserTransport = ({
    fetch,
    ...options
  }: BrowserTransportOptions & { fetch?: typeof globalThis.fetch } = {}) =>
    createWithKy({ post: (url, init) => post!(url, { ...init, fetch }), ...options })

  it('should post the body as text/plain with keepalive when the budget allows', async () => {
    const { fetch, seen } = fakeFetch()
    const transport = createBrowserTransport({ fetch })
    expect(await transport.send(request())).toEqual({ type: 'response', status: 204, retryAfter: null })
    expect(seen).toEqual([
      {
        url: 'https://tracker.example/api/v2',
        method: 'POST',
        body: '{"GeneralInfo":{"eventName":"CustomerData"}}',
        contentType: 'text/plain;charset=UTF-8',
        keepalive: true,
        credentials: 'omit',
      },
    ])
  })

  it('should report the status and Retry-After when the endpoint answers an error', async () => {
    const { fetch } = fakeFetch(new Response('busy', { status: 503, headers: { 'Retry-After': '7' } }))
    const transport = createBrowserTransport({ fetch })
    expect(await transport.send(request())).toEqual({ type: 'response', status: 503, retryAfter: '7' })
  })

  it('should resolve a network_error when fetch rejects', async () => {
    const failure = new TypeError('Failed to fetch')
    const { fetch } = fakeFetch(failure)
    const outcome = await createBrowserTransport({ fetch }).send(request())
    expect(outcome).toEqual({ type: 'network_error', cause: failure })
  })

  it('should resolve a timeout when the endpoint does not answer in time', async () => {
    const { fetch } = fakeFetch('hang')
    const outcome = await createBrowserTransport({ fetch }).send(request({ timeoutMs: 20 }))
    expect(outcome.type).toBe('timeout')
  })

  it('should send without keepalive when the page stays and the budget is spent, and with it once freed', async () => {
    const { fetch, seen, release } = fakeFetch('hang')
    const transport = createBrowserTransport({ fetch, budgetBytes: 60 })
    const first = transport.send(request())
    await transport.send(request())
    expect(seen.map((seenRequest) => seenRequest.keepalive)).toEqual([true, false])
    release[0]?.()
    await first
    await transport.send(request())
    expect(seen.map((seenRequest) => seenRequest.keepalive)).toEqual([true, false, true])
  })

  it('should count the budget in UTF-8 bytes when the body is not ASCII', async () => {
    // 9 characters, 10 bytes.
    const body = '{"n":"\u00e9"}'
    for (const [budgetBytes, keepalive] of [
      [10, true],
      [9, false],
    ] as const) {
      const { fetch, seen } = fakeFetch()
      await createBrowserTransport({ fetch, budgetBytes }).send(request({ body }))
      expect(seen.map((seenRequest) => seenRequest.keepalive)).toEqual([keepalive])
    }
  })

  it('should hand the event to sendBeacon when unloading past the budget', async () => {
    const { fetch, seen } = fakeFetch('hang')
    const beacons: Array<{ url: string; data: string }> = []
    const transport = createBrowserTransport({
      fetch,
      budgetBytes: 60,
      sendBeacon: (url, data) => beacons.push({ url, data }) > 0,
    })
    void transport.send(request())
    expect(await transport.send(request({ unloading: true }))).toEqual({ type: 'handed_off' })
    expect(beacons).toEqual([{ url: 'https://tracker.example/api/v2', data: request().body }])
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(seen).toHaveLength(1)
  })

  it('should report a failure when sendBeacon refuses the event', async () => {
    const transport = createBrowserTransport({ fetch: fakeFetch().fetch, budgetBytes: 0, sendBeacon: () => false })
    const outcome = await transport.send(request({ unloading: true }))
    expect(outcome.type).toBe('network_error')
  })

  it('should report a failure when there is no sendBeacon and the budget is spent', async () => {
    const transport = createBrowserTransport({ fetch: fakeFetch().fetch, budgetBytes: 0 })
    const outcome = await transport.send(request({ unloading: true }))
    expect(outcome.type).toBe('network_error')
  })

  it('should count keepalive requests in flight as handed off when the page is left', async () => {
    const { fetch } = fakeFetch('hang', 'hang')
    const beacons: string[] = []
    const transport = createBrowserTransport({
      fetch,
      budgetBytes: 30,
      sendBeacon: (_url, data) => beacons.push(data) > 0,
    })
    const pending = transport.send(request({ unloading: true, body: '{"first":1}' }))
    expect(transport.leave()).toEqual(new Set(['{"first":1}']))
    expect(await pending).toEqual({ type: 'handed_off' })
    expect(await transport.send(request({ body: '{"second":2}' }))).toEqual({ type: 'handed_off' })
    expect(transport.leave()).toEqual(new Set(['{"first":1}', '{"second":2}']))
    // Handed off, they still take their 23 bytes of the budget while in flight: the next goes as a beacon.
    expect(await transport.send(request({ body: '{"third":3}', unloading: true }))).toEqual({ type: 'handed_off' })
    expect(beacons).toEqual(['{"third":3}'])
  })

  it('should list beacon bodies as handed off when the page is left', async () => {
    const transport = createBrowserTransport({ fetch: fakeFetch().fetch, budgetBytes: 0, sendBeacon: () => true })
    await transport.send(request({ unloading: true }))
    expect(transport.leave()).toEqual(new Set([request().body]))
  })

  it('should hand nothing off when the page is left offline', async () => {
    vi.stubGlobal('navigator', { onLine: false })
    try {
      const { fetch } = fakeFetch('hang', new TypeError('Failed to fetch'))
      const transport = createBrowserTransport({ fetch })
      const pending = transport.send(request({ unloading: true }))
      expect(transport.leave()).toEqual(new Set())
      const outcome = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('waiting'), 20))])
      expect(outcome).toBe('waiting')
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('should wait for real answers again when the page comes back', async () => {
    const { fetch } = fakeFetch(new Response(null, { status: 500 }))
    const transport = createBrowserTransport({ fetch })
    transport.leave()
    transport.stay()
    expect(await transport.send(request())).toEqual({ type: 'response', status: 500, retryAfter: null })
    expect(transport.leave()).toEqual(new Set())
  })

  it('should start requests in a later task, several of one task together, when the page stays', async () => {
    const { fetch, seen } = fakeFetch()
    const scheduled: Array<() => void> = []
    const transport = createBrowserTransport({ fetch, schedule: (callback) => scheduled.push(callback) })
    const first = transport.send(request({ body: '{"n":1}' }))
    const second = transport.send(request({ body: '{"n":2}' }))
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(seen).toEqual([])
    expect(scheduled).toHaveLength(1)
    scheduled[0]?.()
    expect(await first).toMatchObject({ type: 'response', status: 204 })
    expect(await second).toMatchObject({ type: 'response', status: 204 })
    expect(seen.map((seenRequest) => seenRequest.body)).toEqual(['{"n":1}', '{"n":2}'])
  })

  it('should start waiting requests at once and hand them off when the page is left', async () => {
    const { fetch, seen } = fakeFetch('hang')
    const transport = createBrowserTransport({ fetch, schedule: () => {} })
    const waiting = transport.send(request({ body: '{"waiting":1}' }))
    expect(transport.leave()).toEqual(new Set(['{"waiting":1}']))
    expect(await waiting).toEqual({ type: 'handed_off' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(seen.map((seenRequest) => seenRequest.keepalive)).toEqual([true])
  })

  it('should start an unloading request and the waiting ones at once', async () => {
    const { fetch, seen } = fakeFetch()
    const transport = createBrowserTransport({ fetch, schedule: () => {} })
    const waiting = transport.send(request({ body: '{"waiting":1}' }))
    const unloading = transport.send(request({ body: '{"unloading":1}', unloading: true }))
    expect(await unloading).toMatchObject({ type: 'response' })
    expect(await waiting).toMatchObject({ type: 'response' })
    expect(seen.map((seenRequest) => seenRequest.body)).toEqual(['{"waiting":1}', '{"unloading":1}'])
  })

  it('should not even try when the page is being left offline', async () => {
    vi.stubGlobal('navigator', { onLine: false })
    try {
      const { fetch, seen } = fakeFetch()
      const transport = createBrowserTransport({ fetch, schedule: () => {} })
      const waiting = transport.send(request())
      transport.leave()
      expect((await transport.send(request({ unloading: true }))).type).toBe('network_error')
      await new Promise((resolve) => setTimeout(resolve, 5))
      expect(seen).toEqual([])
      void waiting
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('should run beforeSend before a request starts, deferred or not', async () => {
    const order: string[] = []
    const { fetch } = fakeFetch()
    const scheduled: Array<() => void> = []
    const transport = createBrowserTransport({
      fetch: (async (...args: Parameters<typeof globalThis.fetch>) => {
        order.push('fetch')
        return fetch(...args)
      }) as typeof globalThis.fetch,
      schedule: (callback) => scheduled.push(callback),
      beforeSend: () => order.push('persist'),
    })
    const deferred = transport.send(request())
    expect(order).toEqual([])
    scheduled[0]?.()
    await deferred
    await transport.send(request({ unloading: true }))
    expect(order).toEqual(['persist', 'fetch', 'persist', 'fetch'])
  })
})
