import type { NodeTrackerOptions, TrackerError } from '@es-tracker/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../test/testServer'
import { createNodeTrackerWith, type NodeTrackerInternals } from './createNodeTracker'

const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'
let server: TestServer
let errors: TrackerError[]

beforeEach(async () => {
  server = await startTestServer()
  errors = []
})
afterEach(async () => {
  await server.close()
})

function tracker(options: Partial<NodeTrackerOptions> = {}, internals: NodeTrackerInternals = {}) {
  return createNodeTrackerWith(
    {
      siteId: '8A412DC',
      endpoint: server.url,
      retry: { attempts: 5, baseDelayMs: 1, maxDelayMs: 5 },
      onError: (error) => errors.push(error),
      ...options,
    },
    internals,
  )
}

/** A clock whose sleeps pass at once and move its time as if they had passed; `sleeps` records them. */
function instantClock() {
  const sleeps: number[] = []
  let slept = 0
  const clock = {
    now: () => Date.now() + slept,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      slept += ms
    },
  }
  return { clock, sleeps }
}

const search = (n: number | string) => ({ search: `q${n}` })
const searched = () =>
  server.requests.map((request) => (request.json as { SearchRequest: { search: string } }).SearchRequest.search)

describe('createNodeTracker delivery', () => {
  it('should retry through 500 and 503 when the server fails, then deliver once', async () => {
    server.reply = (_request, index) => ({ status: [500, 503][index] ?? 204 })
    const result = await tracker().visitor({ sc }).searchRequest(search(1))
    expect(result).toEqual({ ok: true })
    expect(searched()).toEqual(['q1', 'q1', 'q1'])
    expect(errors).toEqual([])
  })

  it('should retry when the connection is reset before an answer', async () => {
    server.reply = (_request, index) => (index < 2 ? { destroy: true } : { status: 200, body: 'ok' })
    const result = await tracker().visitor({ sc }).searchRequest(search(1))
    expect(result).toEqual({ ok: true })
    expect(server.requests).toHaveLength(3)
  })

  it('should keep retrying past its attempts, report once, and deliver when every attempt is reset for a while', async () => {
    server.reply = (_request, index) => (index < 8 ? { destroy: true } : { status: 204 })
    const result = await tracker({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 } })
      .visitor({ sc })
      .searchRequest(search(1))
    expect(result).toEqual({ ok: true })
    expect(server.requests).toHaveLength(9)
    // Reported once, at the third attempt, as still queued: an outage is seen, and ends no event.
    expect(errors.map((error) => error.code)).toEqual(['network_error'])
    expect(errors[0]?.message).toContain('3 attempts; still queued')
  })

  it('should say how many attempts were made when a final http_error ends the event', async () => {
    server.reply = (_request, index) => ({ status: [503, 500][index] ?? 422 })
    const result = await tracker().visitor({ sc }).searchRequest(search(1))
    expect(!result.ok && result.error.message).toBe(
      `Request failed with status code 422: POST ${server.url} (3 attempts)`,
    )
  })

  it('should suggest the /api/v2 path when an endpoint without it answers 404', async () => {
    server.reply = () => ({ status: 404 })
    const origin = server.url.replace(/\/api\/v2$/, '')
    const result = await tracker({ endpoint: `${origin}/` })
      .visitor({ sc })
      .searchRequest(search(1))
    expect(!result.ok && result.error.message).toBe(
      `Request failed with status code 404: POST ${origin}/; did you mean ${origin}/api/v2? (1 attempt)`,
    )
  })

  it('should not retry and resolve http_error when the server answers 400', async () => {
    server.reply = () => ({ status: 400, body: '{"error":"bad"}' })
    const result = await tracker().visitor({ sc }).searchRequest(search(1))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('http_error')
    expect(result.error.status).toBe(400)
    expect(result.error.message).toBe(`Request failed with status code 400: POST ${server.url} (1 attempt)`)
    expect(server.requests).toHaveLength(1)
    expect(errors).toEqual([result.error])
  })

  // Attempts are counted at fetch: on a loaded machine a short timeout may fire before a request reaches the server.
  const countingFetch = () => {
    const calls = { count: 0 }
    const counted: typeof fetch = (input, init) => {
      calls.count++
      return fetch(input, init)
    }
    return { calls, counted }
  }

  it('should give up each attempt at the timeout and retry when the server does not answer', async () => {
    server.reply = (_request, index) => (index === 0 ? { hang: true } : { status: 204 })
    const { calls, counted } = countingFetch()
    const result = await tracker({ timeout: 150, fetch: counted }).visitor({ sc }).searchRequest(search(1))
    expect(result).toEqual({ ok: true })
    expect(calls.count).toBeGreaterThanOrEqual(2)
    expect(server.requests.length).toBeGreaterThanOrEqual(2)
  })

  it('should report timeout once its attempts are spent and resolve closed when close gives up', async () => {
    server.reply = () => ({ hang: true })
    const { calls, counted } = countingFetch()
    const instance = tracker({ timeout: 150, fetch: counted, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 } })
    const result = instance.visitor({ sc }).searchRequest(search(1))
    await expect.poll(() => errors.length, { timeout: 10_000 }).toBe(1)
    expect(errors[0]?.code).toBe('timeout')
    expect(errors[0]?.message).toContain(`Request timed out after 150 ms: POST ${server.url}`)
    expect(calls.count).toBeGreaterThanOrEqual(2)
    await instance.close(100)
    const settled = await result
    expect(settled.ok === false && settled.error.code).toBe('closed')
  })

  it('should take the status and move on when the server stalls in the middle of the body', async () => {
    server.reply = () => ({ stallBody: 200 })
    const started = performance.now()
    // The body never ends: a transport that waited for it would time out (1 s, room for a loaded machine) and retry.
    const result = await tracker({ timeout: 1000 }).visitor({ sc }).searchRequest(search(1))
    expect(result).toEqual({ ok: true })
    expect(performance.now() - started).toBeLessThan(5000)
    expect(server.requests).toHaveLength(1)
  })

  it('should wait the Retry-After seconds the server asks for', async () => {
    server.reply = (_request, index) =>
      index === 0 ? { status: 429, headers: { 'Retry-After': '1' } } : { status: 204 }
    const { clock, sleeps } = instantClock()
    const result = await tracker({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5000 } }, { clock })
      .visitor({ sc })
      .searchRequest(search(1))
    expect(result).toEqual({ ok: true })
    expect(sleeps).toEqual([1000])
    expect(server.requests).toHaveLength(2)
  })

  it('should draw the back-off jitter from the random source it is given when the server fails', async () => {
    server.reply = (_request, index) => ({ status: index < 2 ? 500 : 204 })
    const { clock, sleeps } = instantClock()
    const result = await tracker(
      { retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 5000 } },
      { clock, random: () => 0.5 },
    )
      .visitor({ sc })
      .searchRequest(search(1))
    expect(result).toEqual({ ok: true })
    // Full jitter: half of 100 ms, then half of 200 ms.
    expect(sleeps).toEqual([50, 100])
  })

  it('should really pause for Retry-After, capped by maxDelayMs', async () => {
    server.reply = (_request, index) =>
      index === 0 ? { status: 503, headers: { 'Retry-After': '5' } } : { status: 204 }
    const result = await tracker({ retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 150 } })
      .visitor({ sc })
      .searchRequest(search(1))
    expect(result).toEqual({ ok: true })
    const gap = server.requests[1]!.at - server.requests[0]!.at
    expect(gap).toBeGreaterThanOrEqual(140)
    expect(gap).toBeLessThan(4000)
  })

  it('should deliver 2,000 concurrent events exactly once each', async () => {
    // Every 7th event is refused with 503 the first time, so retries are part of the load.
    const refusedOnce = new Set<string>()
    const delivered = new Map<string, number>()
    server.reply = (request) => {
      const key = (request.json as { SearchRequest: { search: string } }).SearchRequest.search
      if (Number(key.slice(1)) % 7 === 0 && !refusedOnce.has(key)) {
        refusedOnce.add(key)
        return { status: 503 }
      }
      delivered.set(key, (delivered.get(key) ?? 0) + 1)
      return { status: 204 }
    }
    const visitor = tracker({ concurrency: 16 }).visitor({ sc })
    const results = await Promise.all(Array.from({ length: 2000 }, (_, n) => visitor.searchRequest(search(n))))
    expect(results.filter((result) => !result.ok)).toEqual([])
    expect(delivered.size).toBe(2000)
    expect([...delivered.values()].every((count) => count === 1)).toBe(true)
    expect(refusedOnce.size).toBe(286)
    expect(server.requests).toHaveLength(2000 + 286)
    expect(errors).toEqual([])
  })

  it('should deliver pending events on close and then refuse new ones with closed', async () => {
    server.reply = () => ({ status: 204, delayMs: 30 })
    const instance = tracker({ concurrency: 2 })
    const visitor = instance.visitor({ sc })
    const pending = Array.from({ length: 6 }, (_, n) => visitor.searchRequest(search(n)))
    await instance.close(5000)
    expect(await Promise.all(pending)).toEqual(Array(6).fill({ ok: true }))
    expect(searched().sort()).toEqual(['q0', 'q1', 'q2', 'q3', 'q4', 'q5'])
    const late = await visitor.searchRequest(search('late'))
    expect(late.ok === false && late.error.code).toBe('closed')
    expect(await instance.productUpdate([{ productKey: '1', isInStock: true }])).toMatchObject({ ok: false })
    expect(server.requests).toHaveLength(6)
  })

  it('should report what it could not deliver when close runs out of time', async () => {
    server.reply = () => ({ hang: true })
    const instance = tracker({ timeout: 10_000 })
    const pending = instance.visitor({ sc }).searchRequest(search(1))
    const started = performance.now()
    await instance.close(100)
    expect(performance.now() - started).toBeLessThan(2000)
    const result = await pending
    expect(result.ok === false && result.error.code).toBe('closed')
    expect(errors.map((error) => error.code)).toEqual(['closed'])
  })

  it('should resolve queue_full and report it when more than maxQueue events wait', async () => {
    server.reply = () => ({ status: 204, delayMs: 20 })
    const visitor = tracker({ maxQueue: 3, concurrency: 1 }).visitor({ sc })
    const results = await Promise.all(Array.from({ length: 5 }, (_, n) => visitor.searchRequest(search(n))))
    expect(results.map((result) => result.ok || result.error.code)).toEqual([
      true,
      true,
      true,
      'queue_full',
      'queue_full',
    ])
    expect(errors.map((error) => error.code)).toEqual(['queue_full', 'queue_full'])
    expect(server.requests).toHaveLength(3)
  })

  it('should send HTTP Basic auth with the API key as password when apiKey is set', async () => {
    await tracker({ apiKey: 'sëcret:key' }).visitor({ sc }).searchRequest(search(1))
    const header = server.requests[0]!.headers.authorization!
    expect(header.startsWith('Basic ')).toBe(true)
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe(':sëcret:key')
  })

  it('should use the given fetch when one is passed', async () => {
    const seen: string[] = []
    const spyFetch: typeof fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input))
      return fetch(input, init)
    }
    expect(await tracker({ fetch: spyFetch }).visitor({ sc }).searchRequest(search(1))).toEqual({ ok: true })
    expect(seen).toEqual([server.url])
  })
})
