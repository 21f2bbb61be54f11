import type { TransportRequest } from '@es-tracker/core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBrowserTransport } from './browserTransport'

/** Beacons and keepalive fetches share this many bytes (the transport's budget). */
const budget = 64 * 1024

/** A JSON body of exactly `bytes` UTF-8 bytes. */
const bodyOf = (bytes: number, name = 'x') => `{"${name}":"${'x'.repeat(bytes - name.length - 7)}"}`

interface SeenRequest {
  url: string
  method: string
  body: string
  contentType: string | null
  keepalive: boolean
  credentials: RequestCredentials
}

/** Stubs a fetch that records each request and answers from a queue of replies (a Response, an error or 'hang'). */
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
  vi.stubGlobal('fetch', fetch)
  return { seen, release }
}

/** Stubs `navigator` with a sendBeacon that records what it is given and answers `accept`. */
function stubBeacon(accept = true) {
  const beacons: Array<{ url: string; data: string }> = []
  vi.stubGlobal('navigator', { sendBeacon: (url: string, data: string) => beacons.push({ url, data }) > 0 && accept })
  return beacons
}

const request = (overrides: Partial<TransportRequest> = {}): TransportRequest => ({
  url: 'https://tracker.example/api/v2',
  body: '{"GeneralInfo":{"eventName":"CustomerData"}}',
  headers: {},
  timeoutMs: 1000,
  ...overrides,
})

describe('createBrowserTransport', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('should post the body as text/plain with keepalive when the budget allows', async () => {
    const { seen } = fakeFetch()
    const transport = createBrowserTransport()
    expect(await transport.send(request())).toEqual({ type: 'response', status: 204, retryAfter: null })
    expect(seen).toEqual([
      {
        url: 'https://tracker.example/api/v2',
        method: 'POST',
        body: '{"GeneralInfo":{"eventName":"CustomerData"}}',
        contentType: 'text/plain;charset=UTF-8',
        keepalive: true,
        credentials: 'same-origin',
      },
    ])
  })

  it('should report the status and Retry-After when the endpoint answers an error', async () => {
    fakeFetch(new Response('busy', { status: 503, headers: { 'Retry-After': '7' } }))
    const transport = createBrowserTransport()
    expect(await transport.send(request())).toEqual({ type: 'response', status: 503, retryAfter: '7' })
  })

  it('should resolve a network_error when fetch rejects', async () => {
    const failure = new TypeError('Failed to fetch')
    fakeFetch(failure)
    const outcome = await createBrowserTransport().send(request())
    expect(outcome).toEqual({ type: 'network_error', cause: failure, unsent: false })
  })

  it('should not start a request while the browser is offline, and answer an unsent network error', async () => {
    vi.stubGlobal('navigator', { onLine: false })
    const { seen } = fakeFetch()
    expect(await createBrowserTransport().send(request())).toMatchObject({ type: 'network_error', unsent: true })
    expect(seen).toEqual([])
  })

  it('should answer handed_off, not a network error, when the page is left just after fetch rejects', async () => {
    fakeFetch(new TypeError('Failed to fetch'))
    const transport = createBrowserTransport()
    const sent = transport.send(request())
    // Rejected (Chromium does so as the document goes, while the browser still delivers it), then pagehide.
    await new Promise((resolve) => setTimeout(resolve, 20))
    transport.leave()
    expect(await sent).toEqual({ type: 'handed_off' })
  })

  it('should resolve a timeout when the endpoint does not answer in time', async () => {
    fakeFetch('hang')
    const outcome = await createBrowserTransport().send(request({ timeoutMs: 20 }))
    expect(outcome.type).toBe('timeout')
  })

  it('should send without keepalive when the page stays and the budget is spent, and with it once freed', async () => {
    const { seen, release } = fakeFetch('hang')
    const transport = createBrowserTransport()
    const first = transport.send(request({ body: bodyOf(budget - 10) }))
    await transport.send(request())
    expect(seen.map((seenRequest) => seenRequest.keepalive)).toEqual([true, false])
    release[0]?.()
    await first
    await transport.send(request())
    expect(seen.map((seenRequest) => seenRequest.keepalive)).toEqual([true, false, true])
  })

  it('should count the budget in UTF-8 bytes when the body is not ASCII', async () => {
    // One character more than the bytes count (é is 2 bytes).
    const body = (bytes: number) => `{"n":"\u00e9${'x'.repeat(bytes - 10)}"}`
    for (const [bytes, keepalive] of [
      [budget, true],
      [budget + 1, false],
    ] as const) {
      const { seen } = fakeFetch()
      await createBrowserTransport().send(request({ body: body(bytes) }))
      expect(seen.map((seenRequest) => seenRequest.keepalive)).toEqual([keepalive])
    }
  })

  it('should hand the event to sendBeacon when unloading past the budget', async () => {
    const { seen } = fakeFetch('hang')
    const beacons = stubBeacon()
    const transport = createBrowserTransport()
    void transport.send(request({ body: bodyOf(budget) }))
    expect(await transport.send(request({ unloading: true }))).toEqual({ type: 'handed_off' })
    expect(beacons).toEqual([{ url: 'https://tracker.example/api/v2', data: request().body }])
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(seen).toHaveLength(1)
  })

  it('should report a failure when sendBeacon refuses the event', async () => {
    fakeFetch()
    stubBeacon(false)
    const outcome = await createBrowserTransport().send(request({ unloading: true, body: bodyOf(budget + 1) }))
    expect(outcome.type).toBe('network_error')
  })

  it('should report a failure when there is no sendBeacon and the budget is spent', async () => {
    fakeFetch()
    vi.stubGlobal('navigator', {})
    const outcome = await createBrowserTransport().send(request({ unloading: true, body: bodyOf(budget + 1) }))
    expect(outcome.type).toBe('network_error')
  })

  it('should answer handed_off for every request in flight, keepalive or not, when the page is left', async () => {
    const { seen } = fakeFetch('hang', 'hang', 'hang')
    const beacons = stubBeacon()
    const transport = createBrowserTransport()
    const [first, second, third, big] = [
      bodyOf(40_000, 'first'),
      bodyOf(20_000, 'second'),
      bodyOf(10_000, 'third'),
      bodyOf(budget + 1, 'big'),
    ]
    const pending = transport.send(request({ unloading: true, body: first }))
    // Past the budget while the page stays: a plain fetch, whose answer the page may never see either.
    const plain = transport.send(request({ body: big }))
    await vi.waitFor(() => expect(seen).toHaveLength(2))
    transport.leave()
    expect(await pending).toEqual({ type: 'handed_off' })
    expect(await plain).toEqual({ type: 'handed_off' })
    expect(await transport.send(request({ body: second }))).toEqual({ type: 'handed_off' })
    // Handed off, they still take their 60,000 bytes of the budget while in flight: the next goes as a beacon.
    expect(await transport.send(request({ body: third, unloading: true }))).toEqual({ type: 'handed_off' })
    expect(beacons.map((beacon) => beacon.data)).toEqual([third])
  })

  it('should send a body past the budget by beacon, not by a plain fetch, once the page is left', async () => {
    const { seen } = fakeFetch()
    const beacons = stubBeacon()
    const transport = createBrowserTransport()
    transport.leave()
    const body = bodyOf(budget + 1)
    expect(await transport.send(request({ body }))).toEqual({ type: 'handed_off' })
    expect(seen).toEqual([])
    expect(beacons.map((beacon) => beacon.data)).toEqual([body])
  })

  it('should fail the requests in flight at once when the page is left offline', async () => {
    vi.stubGlobal('navigator', { onLine: true })
    fakeFetch('hang')
    const transport = createBrowserTransport()
    const inFlight = transport.send(request())
    vi.stubGlobal('navigator', { onLine: false })
    transport.leave()
    expect(await inFlight).toMatchObject({ type: 'network_error', unsent: true })
  })
  it('should answer the real status again when the page comes back', async () => {
    fakeFetch(new Response(null, { status: 500 }))
    const transport = createBrowserTransport()
    transport.leave()
    transport.stay()
    expect(await transport.send(request())).toEqual({ type: 'response', status: 500, retryAfter: null })
  })

  it('should not even try when the page is being left offline', async () => {
    vi.stubGlobal('navigator', { onLine: false })
    const { seen } = fakeFetch()
    const transport = createBrowserTransport()
    transport.leave()
    expect((await transport.send(request({ unloading: true }))).type).toBe('network_error')
    expect((await transport.send(request())).type).toBe('network_error')
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(seen).toEqual([])
  })

  it('should start a request at once, in the task that sends it, after beforeSend, unloading or not', async () => {
    const order: string[] = []
    fakeFetch()
    const recordingFetch = globalThis.fetch
    vi.stubGlobal('fetch', (...args: Parameters<typeof globalThis.fetch>) => {
      order.push('fetch')
      return recordingFetch(...args)
    })
    const transport = createBrowserTransport({ beforeSend: () => order.push('persist') })
    const sent = transport.send(request())
    // Before any other task or microtask: the page's tracking call already deferred this task's work.
    expect(order).toEqual(['persist', 'fetch'])
    await sent
    await transport.send(request({ unloading: true }))
    expect(order).toEqual(['persist', 'fetch', 'persist', 'fetch'])
  })
})

describe('utf8Bytes', () => {
  it("should count a body's UTF-8 bytes exactly when it has no character past U+FFFF", async () => {
    const { utf8Bytes } = await import('./browserTransport')
    for (const text of [
      '',
      '{"a":"x"}',
      'caf\u00e9',
      '\u0436\u0443\u0440\u043d\u0430\u043b',
      '\u20ac 754',
      '\u4e2d\u6587 \u00e9x',
    ]) {
      expect(utf8Bytes(text), text).toBe(new TextEncoder().encode(text).length)
    }
  })

  it('should count no fewer bytes than UTF-8 has when the body has astral characters or lone surrogates', async () => {
    const { utf8Bytes } = await import('./browserTransport')
    for (const text of ['\u{1F600}', 'a\u{1F6D2}b', '\ud800', 'x\udfffy']) {
      expect(utf8Bytes(text), text).toBeGreaterThanOrEqual(new TextEncoder().encode(text).length)
    }
  })
})
