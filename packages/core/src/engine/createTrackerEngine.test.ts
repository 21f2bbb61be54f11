import { describe, expect, it, vi } from 'vitest'
import type { TrackerError } from '../errors/TrackerError'
import { createDeliveryEngine, createTrackerEngine } from './createTrackerEngine'
import { createMemoryQueueStore } from './memoryQueueStore'
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
      { url, body: JSON.stringify(payload(2)), headers: { Authorization: 'Basic x' }, timeoutMs: 1234 },
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

  it('should send every pending event at once with unloading when the page goes away', async () => {
    const transport = createFakeTransport((request, index) => {
      if (request.unloading) return { type: 'handed_off' }
      return index === 0 ? { type: 'response', status: 503 } : new Promise<TransportOutcome>(() => {})
    })
    const { engine, clock, store } = setup({ transport, concurrency: 1 })
    const backingOff = engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    const stuck = engine.enqueue('CustomEvent', payload(2))
    const queued = [3, 4, 5].map((n) => engine.enqueue('CustomEvent', payload(n)))
    await drainMicrotasks()
    expect(transport.requests).toHaveLength(2)
    engine.flushOnUnload()
    await drainMicrotasks()
    const unloading = transport.requests.filter((request) => request.unloading)
    expect(unloading.map((request) => JSON.parse(request.body).CustomEvent.EventName).sort()).toEqual([
      'e1',
      'e3',
      'e4',
      'e5',
    ])
    expect(await Promise.all([backingOff, ...queued])).toEqual(Array(4).fill({ ok: true }))
    expect(clock.pendingTimers()).toBe(0)
    // The in-flight one is left alone and kept in the store: a later page replays it if this one dies.
    expect(store.takeOver().map((entry) => JSON.parse(entry.body).CustomEvent.EventName)).toEqual(['e2'])
    void stuck
  })

  it('should not retry and keep the entry for a later page when an unloading attempt fails', async () => {
    const transport = createFakeTransport((request) =>
      request.unloading ? { type: 'network_error' } : { type: 'timeout' },
    )
    const { engine, store, errors } = setup({ transport })
    const result = engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    engine.flushOnUnload()
    const settled = await result
    expect(settled.ok === false && settled.error.code).toBe('network_error')
    expect(transport.requests).toHaveLength(2)
    expect(store.size()).toBe(1)
    expect(errors).toHaveLength(1)
  })

  it('should keep an event for a later replay when its attempts run out offline and keepUndelivered is set', async () => {
    let online = false
    const transport = createFakeTransport(() => (online ? ok : { type: 'network_error' }))
    const { engine, store, clock, errors } = setup({ transport, keepUndelivered: true, retry: { attempts: 2 } })
    const result = engine.enqueue('CustomEvent', payload(1))
    await clock.advance(1_000)
    const settled = await result
    expect(settled.ok === false && settled.error.code).toBe('network_error')
    expect(store.size()).toBe(1)
    // A plain replay (another tab wrote the queue, say) leaves it parked: no spinning on it offline.
    engine.replay()
    await engine.flush()
    expect(transport.requests).toHaveLength(2)
    online = true
    engine.replay({ parked: true })
    await engine.flush()
    expect(transport.requests).toHaveLength(3)
    expect(store.size()).toBe(0)
    expect(errors.map((error) => error.code)).toEqual(['network_error'])
  })

  it('should drop a refused event, and one out of attempts without keepUndelivered, from the store', async () => {
    const refused = setup({
      transport: createFakeTransport(() => ({ type: 'response', status: 400 })),
      keepUndelivered: true,
    })
    await refused.engine.enqueue('CustomEvent', payload(1))
    expect(refused.store.size()).toBe(0)
    const failing = setup({
      transport: createFakeTransport(() => ({ type: 'response', status: 503 })),
      retry: { attempts: 2 },
    })
    const result = failing.engine.enqueue('CustomEvent', payload(2))
    await failing.clock.advance(1_000)
    await result
    expect(failing.store.size()).toBe(0)
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

  it('should deliver and retry without a store, and replay nothing it let go of', async () => {
    let failing = true
    const transport = createFakeTransport((request) => {
      if (request.unloading) return { type: 'network_error' }
      return failing ? { type: 'timeout' } : ok
    })
    const clock = createFakeClock()
    const engine = createTrackerEngine({ url, transport, clock, random: () => 0.5 })
    const delivered = engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    failing = false
    await clock.advance(1_000)
    expect(await delivered).toEqual({ ok: true })
    expect(transport.requests).toHaveLength(2)
    failing = true
    const unloaded = engine.enqueue('CustomEvent', payload(2))
    await drainMicrotasks()
    engine.flushOnUnload()
    const settled = await unloaded
    expect(settled.ok === false && settled.error.code).toBe('network_error')
    // A memory store would hand this entry back; without a store there is nothing to replay.
    engine.replay()
    await engine.flush()
    expect(transport.requests).toHaveLength(4)
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
    const transport = createFakeTransport((_request, index) =>
      index === 0 ? new Promise<TransportOutcome>(() => {}) : { type: 'response', status: 503, retryAfter: '60' },
    )
    const { engine, clock, errors } = setup({ transport })
    const hung = engine.enqueue('CustomEvent', payload(1))
    const backingOff = engine.enqueue('CustomEvent', payload(2))
    await drainMicrotasks()
    const closing = engine.close(2000)
    await clock.advance(2000)
    await closing
    const results = await Promise.all([hung, backingOff])
    expect(results.map((result) => result.ok === false && result.error.code)).toEqual(['closed', 'closed'])
    expect(errors.map((error) => error.code)).toEqual(['closed', 'closed'])
    expect(errors[0]!.message).toContain('close() gave up after 2000 ms')
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
    const engine = createTrackerEngine({
      url,
      transport,
      store: broken,
      retry: { attempts: 1 },
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
      expect(result.ok === false && result.error.code).toBe('network_error')
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
