// The engine with a store whose methods answer promises (node's durable stores): nothing is sent
// before it is written, a failed write refuses the event, a transactional write resolves once written.
import { describe, expect, it } from 'vitest'
import type { TrackerError } from '../errors/TrackerError'
import { createTrackerEngine } from './createTrackerEngine'
import { createMemoryQueueStore } from './memoryQueueStore'
import { drainMicrotasks } from './testing/fakeClock'
import { createFakeTransport } from './testing/fakeTransport'
import type { EngineOptions, QueueEntry, QueueStore, QueueStoreAddOptions } from './types'

const url = 'https://tracker.esputnik.com/api/v2'
const payload = (n: number) => ({
  GeneralInfo: { eventName: 'CustomEvent', siteId: 'S' },
  CustomEvent: { EventName: `e${n}` },
})

/** A deferred promise a test settles by hand. */
function deferred() {
  let resolve!: () => void
  let reject!: (cause: unknown) => void
  const promise = new Promise<void>((yes, no) => {
    resolve = yes
    reject = no
  })
  return { promise, resolve, reject }
}

/**
 * An asynchronous store over a memory store: every write waits for the test to let it through
 * (`gate`), and an entry written inside a transaction is handed out only once committed.
 */
function createAsyncStore() {
  const memory = createMemoryQueueStore()
  const uncommitted = new Map<unknown, QueueEntry[]>()
  const adds: Array<{ entry: QueueEntry; options: QueueStoreAddOptions | undefined }> = []
  const limits: Array<number | undefined> = []
  let gate: Promise<void> = Promise.resolve()
  let removeGate: Promise<void> = Promise.resolve()
  const store: QueueStore & {
    hold(): () => void
    holdRemovals(): () => void
    fail(cause: unknown): void
    commit(transaction: unknown): void
  } = {
    async add(entry, options) {
      adds.push({ entry: { ...entry }, options })
      await gate
      if (options?.transaction === undefined) return memory.add(entry)
      uncommitted.set(options.transaction, [...(uncommitted.get(options.transaction) ?? []), { ...entry }])
    },
    async update(entry) {
      await gate
      memory.update(entry)
    },
    async remove(id) {
      await gate
      await removeGate
      memory.remove(id)
    },
    async takeOver(limit) {
      limits.push(limit)
      await gate
      return memory.takeOver().slice(0, limit)
    },
    hold() {
      const held = deferred()
      gate = held.promise
      return () => {
        gate = Promise.resolve()
        held.resolve()
      }
    },
    holdRemovals() {
      const held = deferred()
      removeGate = held.promise
      return held.resolve
    },
    fail(cause) {
      const failed = deferred()
      failed.reject(cause)
      failed.promise.catch(() => {})
      gate = failed.promise
    },
    commit(transaction) {
      for (const entry of uncommitted.get(transaction) ?? []) memory.add(entry)
      uncommitted.delete(transaction)
    },
  }
  return { store, memory, adds, limits }
}

function setup(overrides: Partial<EngineOptions> = {}) {
  const errors: TrackerError[] = []
  const transport = createFakeTransport()
  const { store, memory, adds, limits } = createAsyncStore()
  const engine = createTrackerEngine({ url, transport, store, onError: (error) => errors.push(error), ...overrides })
  return { engine, transport, store, memory, adds, limits, errors }
}

describe('createTrackerEngine with an asynchronous store', () => {
  it('should send nothing until the store has written the event, then deliver and remove it', async () => {
    const { engine, transport, store, memory } = setup()
    const release = store.hold()
    const result = engine.enqueue('CustomEvent', payload(1))
    await drainMicrotasks()
    expect(transport.requests).toHaveLength(0)
    expect(memory.size()).toBe(0)
    release()
    expect(await result).toEqual({ ok: true })
    expect(transport.requests.map((request) => request.body)).toEqual([JSON.stringify(payload(1))])
    await engine.close(1000)
    expect(memory.size()).toBe(0)
  })

  it('should resolve store_error, report it and send nothing when the store cannot write the event', async () => {
    const { engine, transport, store, errors } = setup()
    store.fail(new Error('disk full'))
    const result = await engine.enqueue('CustomEvent', payload(1))
    expect(result.ok === false && result.error.code).toBe('store_error')
    expect(result.ok === false && result.error.message).toBe(
      'CustomEvent not queued: the store could not write it (Error: disk full)',
    )
    expect(errors.map((error) => error.code)).toEqual(['store_error'])
    expect(transport.requests).toHaveLength(0)
  })

  it('should resolve ok once written inside the transaction, send nothing, and deliver it after commit', async () => {
    const { engine, transport, store, adds } = setup()
    const client = { name: 'pg client inside BEGIN' }
    expect(await engine.enqueue('CustomEvent', payload(1), { transaction: client })).toEqual({ ok: true })
    expect(adds.map((add) => add.options)).toEqual([{ transaction: client }])
    expect(transport.requests).toHaveLength(0)
    // Before COMMIT a replay finds nothing; after it, the event is handed out and delivered.
    engine.replay()
    await engine.flush()
    await drainMicrotasks()
    expect(transport.requests).toHaveLength(0)
    store.commit(client)
    engine.replay()
    await drainMicrotasks()
    await engine.flush()
    expect(transport.requests.map((request) => request.body)).toEqual([adds[0]!.entry.body])
  })

  it('should refuse a transaction with invalid_config when the engine has no store', async () => {
    const errors: TrackerError[] = []
    const transport = createFakeTransport()
    const engine = createTrackerEngine({ url, transport, onError: (error) => errors.push(error) })
    const result = await engine.enqueue('CustomEvent', payload(1), { transaction: {} })
    expect(result.ok === false && result.error.code).toBe('invalid_config')
    expect(errors).toHaveLength(1)
    expect(transport.requests).toHaveLength(0)
  })

  it('should count events still being written against maxQueue', async () => {
    const { engine, store } = setup({ maxQueue: 2 })
    const release = store.hold()
    const results = [1, 2, 3].map((n) => engine.enqueue('CustomEvent', payload(n)))
    release()
    expect((await Promise.all(results)).map((result) => result.ok || result.error.code)).toEqual([
      true,
      true,
      'queue_full',
    ])
  })

  it('should ask takeOver for no more than it can take and deliver what it hands out', async () => {
    const { engine, transport, memory, limits } = setup({ maxQueue: 3 })
    for (const n of [1, 2, 3, 4, 5]) {
      memory.add({
        id: `left-${n}`,
        eventName: 'CustomEvent',
        body: JSON.stringify(payload(n)),
        createdAt: Date.now(),
        attempts: 1,
      })
    }
    engine.replay()
    // One takeOver at a time: a second replay while the first is under way asks nothing.
    engine.replay()
    await drainMicrotasks()
    await engine.flush()
    expect(limits).toEqual([3])
    expect(transport.requests).toHaveLength(3)
    await drainMicrotasks()
    expect(memory.size()).toBe(2)
  })

  it('should wait in close() for the removals the store has not finished', async () => {
    const { engine, store, memory } = setup()
    const release = store.holdRemovals()
    expect(await engine.enqueue('CustomEvent', payload(1))).toEqual({ ok: true })
    expect(memory.size()).toBe(1)
    let closed = false
    const closing = engine.close(5000).then(() => {
      closed = true
    })
    await drainMicrotasks()
    expect(closed).toBe(false)
    release()
    await closing
    expect(memory.size()).toBe(0)
  })

  it('should stay synchronous with a synchronous store: the first attempt starts before enqueue returns', () => {
    const transport = createFakeTransport()
    const engine = createTrackerEngine({ url, transport, store: createMemoryQueueStore() })
    void engine.enqueue('CustomEvent', payload(1))
    expect(transport.requests).toHaveLength(1)
  })
})
