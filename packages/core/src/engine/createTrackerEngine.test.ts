import { describe, expect, it, vi } from 'vitest'
import type { TrackerError } from '../errors/TrackerError'
import { createDeliveryEngine, createTrackerEngine } from './createTrackerEngine'
import { createMemoryQueueStore } from './memoryQueueStore'
import { createOutagePacing } from './outagePacing'
import { createFakeClock, drainMicrotasks } from './testing/fakeClock'
import { createFakeTransport, createHoldingTransport } from './testing/fakeTransport'
import type { EngineOptions, QueueEntry, QueueStore, TransportOutcome } from './types'

const url = 'https://tracker.esputnik.com/api/v2'
const payload = (n: number) => ({
  GeneralInfo: { eventName: 'CustomEvent', siteId: 'S' },
  CustomEvent: { EventName: `e${n}` },
})
const ok: TransportOutcome = { type: 'response', status: 204 }

function setup(overrides: Partial<EngineOptions> = {}) {
  const clock = createFakeClock()
  const store = createMemoryQueueStore()
  const errors: TrackerError[] = []
  const transport = overrides.transport ?? createFakeTransport()
  const engine = createTrackerEngine({
    url,
    transport,
    clock,
    store,
    random: () => 0.5,
    onError: (error) => errors.push(error),
    ...overrides,
  })
  return { engine, clock, store, errors, transport }
}

describe('createTrackerEngine', () => {
  it('should persist the entry before sending it and remove it when delivered', async () => {
    const store = createMemoryQueueStore()
    const seenAtSend: QueueEntry[][] = []
    const transport = createFakeTransport(() => {
      seenAtSend.push(store.takeOver())
      return ok
    })
    const { engine } = setup({ store, transport })
    const result = await engine.enqueue('CustomEvent', payload(1))
    expect(result).toEqual({ ok: true })
    expect(seenAtSend[0]).toHaveLength(1)
    expect(JSON.parse(seenAtSend[0]![0]!.body)).toEqual(payload(1))
    expect(store.size()).toBe(0)
  })

  it('should send the serialized payload with the url, headers and per-attempt timeout', async () => {
    const transport = createFakeTransport()
    const { engine } = setup({ transport, headers: { Authorization: 'Basic x' }, timeoutMs: 1234 })
    await engine.enqueue('CustomEvent', payload(2))
    expect(transport.requests).toEqual([
      {
        url,
        body: JSON.stringify(payload(2)),
        headers: { Authorization: 'Basic x' },
        timeoutMs: 1234,
      },
    ])
  })

  it('should remove the entry and report http_error when the server refuses the event', async () => {
    const { engine, store, errors } = setup({
      transport: createFakeTransport(() => ({ type: 'response', status: 400 })),
    })
    const result = await engine.enqueue('CustomEvent', payload(1))
    expect(result.ok === false && result.error.code).toBe('http_error')
    expect(errors.map((error) => error.code)).toEqual(['http_error'])
    expect(store.size()).toBe(0)
  })

  it('should retry after the back-off and record attempts when the server fails first', async () => {
    const transport = createFakeTransport((_request, index) => (index < 2 ? { type: 'response', status: 503 } : ok))
    const updates: number[] = []
    const store = createMemoryQueueStore()
    const spyStore: QueueStore = { ...store, update: (entry) => void updates.push(entry.attempts) }
    const { engine, clock, errors } = setup({ transport, store: spyStore, retry: { baseDelayMs: 100 } })
    const result = engine.enqueue('CustomEvent', payload(1))
    await clock.advance(50)
    expect(transport.requests).toHaveLength(2)
    await clock.advance(100)
    expect(await result).toEqual({ ok: true })
    expect(transport.requests).toHaveLength(3)
    expect(clock.sleeps).toEqual([50, 100])
    expect(updates).toEqual([1, 2, 3])
    expect(errors).toEqual([])
  })

  it('should keep at most `concurrency` requests in flight when many events come at once', async () => {
    const transport = createHoldingTransport()
    const { engine } = setup({ transport, concurrency: 3 })
    const results = Array.from({ length: 10 }, (_, n) => engine.enqueue('CustomEvent', payload(n)))
    await drainMicrotasks()
    expect(transport.requests).toHaveLength(3)
    transport.held.shift()!(ok)
    await drainMicrotasks()
    expect(transport.requests).toHaveLength(4)
    while (transport.requests.length < 10 || transport.held.length > 0) {
      transport.held.shift()?.(ok)
      await drainMicrotasks()
    }
    expect(await Promise.all(results)).toEqual(Array(10).fill({ ok: true }))
    expect(transport.maxInFlight).toBe(3)
    const sent = transport.requests.map((request) => JSON.parse(request.body).CustomEvent.EventName)
    expect(sent).toEqual(Array.from({ length: 10 }, (_, n) => `e${n}`))
  })

  it('should resolve queue_full and report it when maxQueue events are already waiting', async () => {
    const transport = createHoldingTransport()
    const { engine, errors } = setup({ transport, maxQueue: 2, concurrency: 1 })
    const first = engine.enqueue('CustomEvent', payload(1))
    engine.enqueue('CustomEvent', payload(2))
    const third = await engine.enqueue('CustomEvent', payload(3))
    expect(third.ok === false && third.error.code).toBe('queue_full')
    expect(errors.map((error) => error.code)).toEqual(['queue_full'])
    transport.held.shift()!(ok)
    expect(await first).toEqual({ ok: true })
    await drainMicrotasks()
    const fourth = engine.enqueue('CustomEvent', payload(4))
    transport.held.shift()!(ok)
    await drainMicrotasks()
    transport.held.shift()!(ok)
    expect(await fourth).toEqual({ ok: true })
  })

  it('should drop and report an event with expired when it waited longer than maxAgeMs', async () => {
    const transport = createHoldingTransport()
    const { engine, clock, store, errors } = setup({ transport, concurrency: 1, maxAgeMs: 1000 })
    const first = engine.enqueue('CustomEvent', payload(1))
    const second = engine.enqueue('CustomEvent', payload(2))
    await clock.advance(1500)
    transport.held.shift()!(ok)
    expect(await first).toEqual({ ok: true })
    const result = await second
    expect(result.ok === false && result.error.code).toBe('expired')
    expect(errors.map((error) => error.code)).toEqual(['expired'])
    expect(transport.requests).toHaveLength(1)
    expect(store.size()).toBe(0)
  })

  it('should resolve flush when every event queued before it has settled', async () => {
    const transport = createFakeTransport((_request, index) => (index === 0 ? { type: 'timeout' } : ok))
    const { engine, clock } = setup({ transport, retry: { baseDelayMs: 1000 } })
    engine.enqueue('CustomEvent', payload(1))
    engine.enqueue('CustomEvent', payload(2))
    let flushed = false
    const flushing = engine.flush().then(() => {
      flushed = true
    })
    await drainMicrotasks()
    expect(flushed).toBe(false)
    await clock.advance(1000)
    await flushing
    expect(flushed).toBe(true)
    expect(transport.requests).toHaveLength(3)
  })

  it('should send every pending event at once with unloading when the page goes away while the endpoint is healthy', async () => {
    const transport = createFakeTransport((request, index) => {
      if (request.unloading) return { type: 'handed_off' }
      return [{ type: 'timeout' } as const, ok][index] ?? new Promise<TransportOutcome>(() => {})
    })
    // A window of 0: the timeout of the first attempt leaves the endpoint healthy at once, and e2's 2xx is the last answer.
    const { engine, clock, store } = setup({ transport, concurrency: 1, failureWindowMs: 0 })
    const backingOff = engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    const delivered = engine.enqueue('CustomEvent', payload(2))
    const stuck = engine.enqueue('CustomEvent', payload(3))
    const queued = [4, 5].map((n) => engine.enqueue('CustomEvent', payload(n)))
    await drainMicrotasks()
    expect(transport.requests).toHaveLength(3)
    engine.flushOnUnload()
    await drainMicrotasks()
    const unloading = transport.requests.filter((request) => request.unloading)
    expect(unloading.map((request) => JSON.parse(request.body).CustomEvent.EventName).sort()).toEqual([
      'e1',
      'e4',
      'e5',
    ])
    expect(await Promise.all([backingOff, delivered, ...queued])).toEqual(Array(4).fill({ ok: true }))
    expect(clock.pendingTimers()).toBe(0)
    // The one in flight stays stored until the page is left: then, the last answer a 2xx, it counts as delivered.
    expect(store.takeOver().map((entry) => JSON.parse(entry.body).CustomEvent.EventName)).toEqual(['e3'])
    engine.leave()
    expect(store.size()).toBe(0)
    void stuck
  })

  it('should send nothing at unload and keep every entry for a later page while the endpoint is failing', async () => {
    const transport = createFakeTransport((request, index) => {
      if (request.unloading) return { type: 'handed_off' }
      return index === 0 ? { type: 'response', status: 503 } : new Promise<TransportOutcome>(() => {})
    })
    const { engine, clock, store } = setup({ transport, concurrency: 1 })
    engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    engine.enqueue('CustomEvent', payload(2))
    engine.enqueue('CustomEvent', payload(3))
    await drainMicrotasks()
    expect(transport.requests).toHaveLength(2)
    engine.flushOnUnload()
    engine.leave()
    await clock.advance(60_000)
    // No unloading request, no retry after leaving: all three wait in the store, the one in flight too.
    expect(transport.requests).toHaveLength(2)
    expect(store.size()).toBe(3)
  })

  it('should keep the entry of a request in flight at leave while the endpoint is failing, even right after a 2xx', async () => {
    const transport = createFakeTransport((_request, index) =>
      index === 0 ? { type: 'response', status: 503 } : index === 1 ? ok : new Promise<TransportOutcome>(() => {}),
    )
    const { engine, clock, store } = setup({ transport, concurrency: 1, retry: { baseDelayMs: 100, maxDelayMs: 100 } })
    const first = engine.enqueue('CustomEvent', payload(1))
    await clock.advance(100)
    expect(await first).toEqual({ ok: true })
    // The last answer was a 2xx, but a failure came within the window: the request's fate is unknown.
    engine.enqueue('CustomEvent', payload(2))
    await drainMicrotasks()
    expect(transport.requests).toHaveLength(3)
    engine.leave()
    expect(store.takeOver().map((entry) => JSON.parse(entry.body).CustomEvent.EventName)).toEqual(['e2'])
  })

  it('should count a failure another page of the site saw as its own, and share the failures it sees', async () => {
    let othersFailedAt: number | undefined
    const clock = createFakeClock()
    const sharedHealth = {
      failedWithin: (ms: number) => othersFailedAt !== undefined && clock.now() - othersFailedAt < ms,
      recordFailure: () => {
        othersFailedAt = clock.now()
      },
    }
    const transport = createFakeTransport((request, index) =>
      request.unloading ? { type: 'handed_off' } : index === 0 ? ok : new Promise<TransportOutcome>(() => {}),
    )
    const { engine, store } = setup({ transport, clock, sharedHealth, concurrency: 1 })
    expect(await engine.enqueue('CustomEvent', payload(1))).toEqual({ ok: true })
    // Every answer this page saw was a 2xx; another tab saw a 503 a moment ago.
    othersFailedAt = clock.now()
    engine.enqueue('CustomEvent', payload(2))
    engine.enqueue('CustomEvent', payload(3))
    await drainMicrotasks()
    engine.flushOnUnload()
    engine.leave()
    // No last attempt, and the one in flight is not presumed delivered: both wait for a later page.
    expect(transport.requests.filter((request) => request.unloading)).toHaveLength(0)
    expect(store.size()).toBe(2)
  })

  it('should tell the other pages of the site of each failure it sees, not of one while offline', async () => {
    const failures: string[] = []
    let answer: TransportOutcome = { type: 'response', status: 503 }
    const transport = createFakeTransport(() => answer)
    const sharedHealth = { failedWithin: () => false, recordFailure: () => failures.push('failed') }
    const { engine, clock } = setup({ transport, sharedHealth, retry: { baseDelayMs: 100, maxDelayMs: 100 } })
    const result = engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    answer = { type: 'network_error', unsent: true }
    await clock.advance(100)
    answer = ok
    await clock.advance(100)
    expect(await result).toEqual({ ok: true })
    expect(failures).toEqual(['failed'])
  })

  it('should make an attempt that never started as the page was left a last one, unless the endpoint is failing', async () => {
    for (const failing of [false, true]) {
      const waiting: Array<(outcome: TransportOutcome) => void> = []
      const transport = createFakeTransport((request) =>
        request.unloading ? { type: 'handed_off' } : new Promise((resolve) => waiting.push(resolve)),
      )
      const sharedHealth = { failedWithin: () => failing, recordFailure: () => {} }
      const { engine, store } = setup({ transport, sharedHealth })
      const result = engine.enqueue('CustomEvent', payload(1))
      await drainMicrotasks()
      engine.flushOnUnload()
      engine.leave()
      // The browser transport answers a request still waiting for its task so, without starting it.
      waiting.shift()!({ type: 'network_error', unsent: true })
      await drainMicrotasks()
      const unloading = transport.requests.filter((request) => request.unloading)
      expect(unloading).toHaveLength(failing ? 0 : 1)
      expect(store.size()).toBe(failing ? 1 : 0)
      if (!failing) expect(await result).toEqual({ ok: true })
    }
  })

  it('should take a beacon as delivered only while the endpoint is healthy', async () => {
    let failing = true
    const transport = createFakeTransport((request) =>
      request.unloading ? { type: 'handed_off' } : failing ? { type: 'response', status: 503 } : ok,
    )
    const { engine, clock, store } = setup({ transport, concurrency: 1, retry: { baseDelayMs: 100, maxDelayMs: 100 } })
    const first = engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    failing = false
    await clock.advance(100)
    expect(await first).toEqual({ ok: true })
    // One 2xx does not end the streak: the window (30 s) must pass without a failure.
    engine.enqueue('CustomEvent', payload(2))
    engine.flushOnUnload()
    expect(transport.requests.filter((request) => request.unloading)).toHaveLength(0)
    await engine.flush()
    await clock.advance(30_000)
    engine.enqueue('CustomEvent', payload(3))
    const fourth = engine.enqueue('CustomEvent', payload(4))
    engine.flushOnUnload()
    expect(await fourth).toEqual({ ok: true })
    expect(transport.requests.filter((request) => request.unloading)).toHaveLength(1)
    expect(store.size()).toBe(0)
  })

  it('should not count failures while the device is offline against the endpoint', async () => {
    const transport = createFakeTransport((request) =>
      request.unloading ? { type: 'handed_off' } : { type: 'network_error', unsent: true },
    )
    const { engine, store } = setup({ transport, concurrency: 1 })
    engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    engine.enqueue('CustomEvent', payload(2))
    // Back online and leaving: the endpoint is not known to fail, so the last attempts go and count.
    engine.flushOnUnload()
    await drainMicrotasks()
    // The first (backing off) goes now and counts as delivered; the second, in flight, waits for its answer.
    expect(transport.requests.filter((request) => request.unloading)).toHaveLength(1)
    expect(store.size()).toBe(1)
  })

  it('should store an entry again and retry it when the page comes back and its last attempt failed', async () => {
    const transport = createHoldingTransport()
    const { engine, clock, store } = setup({ transport })
    const result = engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    engine.leave()
    // Presumed delivered (the endpoint is healthy): its entry leaves the store as the page is left.
    expect(store.size()).toBe(0)
    engine.resume()
    transport.held.shift()!({ type: 'response', status: 503 })
    await drainMicrotasks()
    expect(store.size()).toBe(1)
    await clock.advance(1_000)
    transport.held.shift()!(ok)
    expect(await result).toEqual({ ok: true })
    expect(store.size()).toBe(0)
  })

  it('should retry after the attempts, report once and deliver when a failure worth retrying lasts', async () => {
    let online = false
    const transport = createFakeTransport(() => (online ? ok : { type: 'network_error' }))
    const { engine, store, clock, errors } = setup({ transport, retry: { attempts: 3 } })
    const result = engine.enqueue('CustomEvent', payload(1))
    let settled = false
    void result.then(() => {
      settled = true
    })
    await clock.advance(10 * 60_000)
    expect(settled).toBe(false)
    expect(transport.requests.length).toBeGreaterThan(20)
    // Back-off capped at maxDelayMs (30 s, full jitter 0.5: 15 s) however many attempts came.
    expect(Math.max(...clock.sleeps)).toBe(15_000)
    expect(errors.map((error) => error.code)).toEqual(['network_error'])
    expect(errors[0]!.message).toContain('3 attempts; still queued')
    expect(store.size()).toBe(1)
    online = true
    engine.resume()
    expect(await result).toEqual({ ok: true })
    expect(store.size()).toBe(0)
    expect(errors).toHaveLength(1)
  })

  it('should probe one attempt at a time during an outage and drain at full concurrency from its first 2xx when paced', async () => {
    let down = true
    const transport = createFakeTransport(() => (down ? { type: 'response', status: 503 } : ok))
    const { engine, clock, errors } = setup({
      transport,
      concurrency: 4,
      maxQueue: 1000,
      outagePacing: createOutagePacing,
    })
    const results = Array.from({ length: 1000 }, (_, n) => engine.enqueue('CustomEvent', payload(n)))
    await clock.advance(60_000)
    // Before outage pacing every event backed off on its own timer: thousands of failing requests.
    // Now the four in flight at the start, then one probe per pause (0.25 s doubling to 15 s here).
    expect(transport.requests.length).toBeLessThan(20)
    expect(transport.maxInFlight).toBe(4)
    down = false
    const before = transport.requests.length
    // The next probe is at most one pause (15 s) away; from its 2xx on, nothing waits for a timer.
    await clock.advance(15_000)
    expect(await Promise.all(results)).toEqual(Array(1000).fill({ ok: true }))
    expect(transport.requests.length - before).toBe(1000)
    expect(new Set(transport.requests.slice(before).map((request) => request.body)).size).toBe(1000)
    expect(clock.pendingTimers()).toBe(0)
    expect(errors).toEqual([])
  })

  it('should not pause the queue for one event that fails while the endpoint answers the others', async () => {
    const transport = createFakeTransport((request) =>
      JSON.parse(request.body).CustomEvent.EventName === 'e0' ? { type: 'response', status: 500 } : ok,
    )
    const { engine, clock } = setup({ transport, concurrency: 2, outagePacing: createOutagePacing })
    const poisoned = engine.enqueue('CustomEvent', payload(0))
    const results = Array.from({ length: 50 }, (_, n) => engine.enqueue('CustomEvent', payload(n + 1)))
    // One pause of 0.25 s at most after e0's 500; the next 2xx ends it.
    await clock.advance(250)
    expect(await Promise.all(results)).toEqual(Array(50).fill({ ok: true }))
    // e0 keeps its own back-off: retried a handful of times in a minute, not in a loop.
    await clock.advance(60_000)
    const e0Attempts = transport.requests.filter((request) => request.body.includes('"e0"')).length
    expect(e0Attempts).toBeGreaterThan(3)
    expect(e0Attempts).toBeLessThan(15)
    void poisoned
  })

  it('should expire an event by its monotonic age and never because the wall clock moved', async () => {
    const transport = createFakeTransport(() => ({ type: 'response', status: 503 }))
    const { engine, clock, store, errors } = setup({ transport, maxAgeMs: 60_000 })
    const result = engine.enqueue('CustomEvent', payload(1))
    await clock.advance(10_000)
    clock.jump(-24 * 3600_000)
    await clock.advance(10_000)
    clock.jump(8 * 24 * 3600_000)
    await clock.advance(10_000)
    // 30 s old on the monotonic clock, whatever the wall clock says: not expired, its age stored.
    expect(errors.map((error) => error.code)).not.toContain('expired')
    expect(store.takeOver().map((entry) => (entry.ageMs ?? 0) > 10_000 && (entry.ageMs ?? 0) <= 30_000)).toEqual([true])
    await clock.advance(60_000)
    const settled = await result
    expect(settled.ok === false && settled.error.code).toBe('expired')
    expect(store.size()).toBe(0)
  })

  it('should drop a refused event from the store and keep one whose failure is worth retrying', async () => {
    const refused = setup({ transport: createFakeTransport(() => ({ type: 'response', status: 400 })) })
    await refused.engine.enqueue('CustomEvent', payload(1))
    expect(refused.store.size()).toBe(0)
    const failing = setup({
      transport: createFakeTransport(() => ({ type: 'response', status: 503 })),
      retry: { attempts: 2 },
    })
    failing.engine.enqueue('CustomEvent', payload(2))
    await failing.clock.advance(1_000)
    expect(failing.store.size()).toBe(1)
  })

  it('should drop a job without sending when another page has taken its entry over', async () => {
    const store = createMemoryQueueStore()
    let mine = true
    const transport = createFakeTransport(() => ({ type: 'response', status: 503 }))
    const { engine, clock } = setup({ transport, store: { ...store, holds: () => mine } })
    const result = engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    mine = false
    await clock.advance(60_000)
    expect(await result).toEqual({ ok: true })
    expect(transport.requests).toHaveLength(1)
  })

  it('should deliver entries left by earlier pages and report their failures when replaying', async () => {
    const store = createMemoryQueueStore()
    const old = (id: string, name: string, attempts = 0): QueueEntry => ({
      id,
      eventName: 'CustomEvent',
      body: JSON.stringify({ name }),
      createdAt: 1_700_000_000_000 - 1000,
      attempts,
    })
    store.add(old('a', 'delivered'))
    store.add(old('b', 'refused'))
    store.add({ id: 'c', eventName: 'CustomEvent', body: 42 } as unknown as QueueEntry)
    const transport = createFakeTransport((request) =>
      request.body.includes('refused') ? { type: 'response', status: 422 } : ok,
    )
    const { engine, errors } = setup({ store, transport })
    engine.replay()
    engine.replay() // entries already being delivered are not sent twice
    await engine.flush()
    expect(transport.requests.map((request) => JSON.parse(request.body).name).sort()).toEqual(['delivered', 'refused'])
    expect(errors.map((error) => [error.code, error.status])).toEqual([['http_error', 422]])
    expect(store.size()).toBe(0)
  })

  it('should drop a replayed entry as expired when it is older than maxAgeMs', async () => {
    const store = createMemoryQueueStore()
    store.add({ id: 'z', eventName: 'StatusCart', body: '{}', createdAt: 0, attempts: 2 })
    const { engine, errors, transport } = setup({ store })
    engine.replay()
    await engine.flush()
    expect(errors.map((error) => [error.code, error.eventName])).toEqual([['expired', 'StatusCart']])
    expect((transport as ReturnType<typeof createFakeTransport>).requests).toHaveLength(0)
    expect(store.size()).toBe(0)
  })

  it('should deliver and retry without a store, and replay nothing', async () => {
    let failing = true
    const transport = createFakeTransport(() => (failing ? { type: 'timeout' } : ok))
    const clock = createFakeClock()
    const engine = createTrackerEngine({ url, transport, clock, random: () => 0.5 })
    const delivered = engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    failing = false
    await clock.advance(1_000)
    expect(await delivered).toEqual({ ok: true })
    expect(transport.requests).toHaveLength(2)
    engine.replay()
    await engine.flush()
    expect(transport.requests).toHaveLength(2)
  })

  it('should wait for pending events and then refuse new ones with closed when closing', async () => {
    const transport = createFakeTransport((_request, index) => (index === 0 ? { type: 'response', status: 500 } : ok))
    const { engine, clock, errors } = setup({ transport })
    const pending = engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    const closing = engine.close(5000)
    await clock.advance(250)
    await closing
    expect(await pending).toEqual({ ok: true })
    expect(clock.pendingTimers()).toBe(0)
    const late = await engine.enqueue('CustomEvent', payload(2))
    expect(late.ok === false && late.error.code).toBe('closed')
    expect(errors.map((error) => error.code)).toEqual(['closed'])
  })

  it('should still take and deliver events sent while it is closing', async () => {
    const transport = createHoldingTransport()
    const { engine, clock } = setup({ transport })
    const before = engine.enqueue('CustomEvent', payload(1))
    const closing = engine.close(5000)
    expect(engine.close(1)).toBe(closing)
    const during = engine.enqueue('CustomEvent', payload(2))
    await drainMicrotasks()
    transport.held.shift()!(ok)
    await drainMicrotasks()
    transport.held.shift()!(ok)
    await closing
    expect(await Promise.all([before, during])).toEqual([{ ok: true }, { ok: true }])
    expect(clock.pendingTimers()).toBe(0)
    const after = await engine.enqueue('CustomEvent', payload(3))
    expect(after.ok === false && after.error.code).toBe('closed')
  })

  it('should report what it could not deliver and leave no timer when close times out', async () => {
    let answerFirst!: (outcome: TransportOutcome) => void
    const transport = createFakeTransport((_request, index) =>
      index === 0
        ? new Promise<TransportOutcome>((resolve) => {
            answerFirst = resolve
          })
        : { type: 'response', status: 503, retryAfter: '60' },
    )
    const { engine, clock, errors } = setup({ transport })
    const inFlight = engine.enqueue('CustomEvent', payload(1))
    const backingOff = engine.enqueue('CustomEvent', payload(2))
    await drainMicrotasks()
    const closing = engine.close(2000)
    await clock.advance(2000)
    await closing
    // The one backing off is closed at once; the one in flight waits for its answer (issue 18 item 9).
    expect(await backingOff).toMatchObject({ ok: false, error: { code: 'closed' } })
    expect(errors.map((error) => error.message)).toEqual([expect.stringContaining('close() gave up after 2000 ms')])
    answerFirst({ type: 'response', status: 503 })
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'closed' } })
    expect(errors[1]!.message).toContain('its last attempt failed')
    expect(clock.pendingTimers()).toBe(0)
  })

  it('should resolve, never reject, when the transport, store, clock and onError all throw', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    const broken: QueueStore = {
      add: () => {
        throw new Error('quota')
      },
      update: () => {
        throw new Error('quota')
      },
      remove: () => {
        throw new Error('quota')
      },
      takeOver: () => {
        throw new Error('corrupt')
      },
    }
    const answers: Array<() => Promise<TransportOutcome>> = [
      () => {
        throw new Error('sync throw')
      },
      () => Promise.reject(new Error('async reject')),
      () => Promise.resolve(null as unknown as TransportOutcome),
    ]
    const transport = { send: (_: unknown) => answers[0]!() }
    // Failures worth retrying end no event: a short maxAgeMs does, on the real timers the broken clock falls back to.
    const engine = createTrackerEngine({
      url,
      transport,
      store: broken,
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 5 },
      maxAgeMs: 30,
      clock: {
        now: () => {
          throw new Error('clock')
        },
        sleep: () => Promise.reject(new Error('sleep')),
      },
      onError: () => {
        throw new Error('onError throws')
      },
    })
    for (const answer of answers) {
      transport.send = () => answer()
      const result = await engine.enqueue('CustomEvent', payload(1))
      expect(result.ok === false && result.error.code).toBe('expired')
    }
    engine.replay()
    const asyncOnError = createTrackerEngine({
      url,
      transport: createFakeTransport(() => ({ type: 'response', status: 400 })),
      onError: async () => {
        throw new Error('async onError rejects')
      },
    })
    expect((await asyncOnError.enqueue('CustomEvent', payload(1))).ok).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 10))
    process.off('unhandledRejection', unhandled)
    expect(unhandled).not.toHaveBeenCalled()
  })

  it('should resolve invalid_event when the payload cannot be serialized', async () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    const { engine, errors } = setup()
    for (const bad of [cyclic, { n: 10n }]) {
      const result = await engine.enqueue('CustomEvent', bad)
      expect(result.ok === false && result.error.code).toBe('invalid_event')
    }
    expect(errors).toHaveLength(2)
  })
})

describe('createDeliveryEngine', () => {
  it('should deliver like the tracker engine and have no close when a platform never closes it', async () => {
    const transport = createFakeTransport((_request, index) => (index === 0 ? { type: 'response', status: 503 } : ok))
    const clock = createFakeClock()
    const engine = createDeliveryEngine({ url, transport, clock, random: () => 0.5 })
    const result = engine.enqueue('CustomEvent', payload(1))
    await clock.advance(250)
    expect(await result).toEqual({ ok: true })
    expect(transport.requests).toHaveLength(2)
    expect('close' in engine).toBe(false)
    expect(typeof createTrackerEngine({ url, transport }).close).toBe('function')
  })
})

describe('defaultClock', () => {
  it('should measure ages on a monotonic clock that a moved wall clock does not change', async () => {
    const { defaultClock } = await import('./defaultClock')
    const before = defaultClock.monotonicNow!()
    const realNow = Date.now
    Date.now = () => realNow() + 8 * 24 * 3600_000
    try {
      expect(defaultClock.monotonicNow!() - before).toBeLessThan(1_000)
      expect(defaultClock.now() - realNow()).toBeGreaterThan(7 * 24 * 3600_000)
    } finally {
      Date.now = realNow
    }
  })
})
