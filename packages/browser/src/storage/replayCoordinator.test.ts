import type { QueueEntry } from '@es-tracker/core/internal'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPersistedQueueStore } from './persistedQueueStore'
import { createReplayCoordinator, replayLockName } from './replayCoordinator'
import { createSafeStorage, type SafeStorage } from './safeStorage'

const entry = (id: string): QueueEntry => ({
  id,
  eventName: 'CustomEvent',
  body: `{"id":"${id}"}`,
  createdAt: Date.now(),
  attempts: 0,
})

/** A LockManager with `ifAvailable` semantics, shared by the tabs of one test. */
function fakeLocks() {
  const held = new Set<string>()
  const requested: string[] = []
  const locks = {
    request(name: string, _options: LockOptions, callback: (lock: Lock | null) => Promise<void>) {
      requested.push(name)
      if (held.has(name)) return callback(null)
      held.add(name)
      return callback({ name, mode: 'exclusive' } as Lock).finally(() => held.delete(name))
    },
  } as unknown as Pick<LockManager, 'request'>
  return { locks, requested, held }
}

/** A tab's view of a storage that shows other tabs' writes only `lagMs` after it was made (its own at once). */
function lagging(storage: SafeStorage, lagMs: number): SafeStorage {
  const until = Date.now() + lagMs
  const snapshot = new Map(storage.keys('').map((key) => [key, storage.get(key)]))
  const stale = () => Date.now() < until
  return {
    ...storage,
    get: (key) => (stale() ? (snapshot.get(key) ?? null) : storage.get(key)),
    set(key, value) {
      snapshot.set(key, value)
      storage.set(key, value)
    },
    keys: (prefix) => (stale() ? [...snapshot.keys()].filter((key) => key.startsWith(prefix)) : storage.keys(prefix)),
  }
}

/** One tab: a store and a coordinator whose replay records what the store hands over. */
function tab(storage: SafeStorage, owner: string, locks?: Pick<LockManager, 'request'>, reread?: () => Promise<void>) {
  const store = createPersistedQueueStore({ storage, key: 'queue', owner })
  const replayed: string[] = []
  const coordinator = createReplayCoordinator({
    store,
    locks,
    reread,
    replay: () => {
      for (const taken of store.takeOver()) replayed.push(taken.id)
    },
  })
  return { store, coordinator, replayed }
}

beforeEach(() => {
  vi.useFakeTimers()
  // The store's deferred writes (a microtask) go at once here.
  vi.stubGlobal('queueMicrotask', (callback: () => void) => callback())
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('createReplayCoordinator', () => {
  it('should claim orphans under the Web Lock when triggered', async () => {
    const storage = createSafeStorage(() => undefined)
    const { locks, requested } = fakeLocks()
    const closed = tab(storage, 'closed')
    closed.store.add(entry('a'))
    closed.store.release()
    const open = tab(storage, 'open', locks)
    open.coordinator.trigger()
    await vi.advanceTimersByTimeAsync(600)
    expect(open.replayed).toEqual(['a'])
    expect(requested).toEqual([replayLockName])
  })

  it('should let only one of two tabs replay when both are triggered at once with Web Locks', async () => {
    const storage = createSafeStorage(() => undefined)
    const { locks } = fakeLocks()
    const closed = tab(storage, 'closed')
    closed.store.add(entry('a'))
    closed.store.add(entry('b'))
    closed.store.release()
    const first = tab(storage, 'first', locks)
    const second = tab(storage, 'second', locks)
    first.coordinator.trigger()
    second.coordinator.trigger()
    await vi.advanceTimersByTimeAsync(2000)
    second.coordinator.trigger()
    await vi.advanceTimersByTimeAsync(2000)
    expect([...first.replayed, ...second.replayed].sort()).toEqual(['a', 'b'])
    expect(first.replayed).toEqual(['a', 'b'])
  })

  it('should let only one of two tabs replay when both are triggered at once without Web Locks', async () => {
    const storage = createSafeStorage(() => undefined)
    const closed = tab(storage, 'closed')
    closed.store.add(entry('a'))
    closed.store.release()
    const first = tab(storage, 'first')
    const second = tab(storage, 'second')
    first.coordinator.trigger()
    second.coordinator.trigger()
    await vi.advanceTimersByTimeAsync(2000)
    expect([...first.replayed, ...second.replayed]).toEqual(['a'])
  })

  it('should let only the tab that claimed last replay an entry when two claim it at once without Web Locks', async () => {
    const storage = createSafeStorage(() => undefined)
    const closed = tab(storage, 'closed')
    closed.store.add(entry('a'))
    closed.store.add(entry('b'))
    closed.store.release()
    const first = tab(storage, 'first')
    // The second tab does not see the first one's claims yet: it claims the same entries, after it.
    const second = tab(lagging(storage, 20), 'second')
    first.coordinator.trigger()
    second.coordinator.trigger()
    await vi.advanceTimersByTimeAsync(2000)
    expect(first.replayed).toEqual([])
    expect(second.replayed).toEqual(['a', 'b'])
  })

  it('should fall back to the entries leases when Web Locks refuse the request', async () => {
    const storage = createSafeStorage(() => undefined)
    const closed = tab(storage, 'closed')
    closed.store.add(entry('a'))
    closed.store.release()
    const refusing = {
      request: () => Promise.reject(new DOMException('opaque origin', 'SecurityError')),
    } as unknown as Pick<LockManager, 'request'>
    const open = tab(storage, 'open', refusing)
    open.coordinator.trigger()
    await vi.advanceTimersByTimeAsync(600)
    expect(open.replayed).toEqual(['a'])
  })

  it('should replay its own leftovers without the lock when there are no orphans', async () => {
    const storage = createSafeStorage(() => undefined)
    const { locks, requested } = fakeLocks()
    const page = tab(storage, 'page', locks)
    page.store.add(entry('mine'))
    page.coordinator.trigger()
    expect(page.replayed).toEqual(['mine'])
    expect(requested).toEqual([])
  })

  it('should take over an entry when its owner stops renewing the lease', async () => {
    const storage = createSafeStorage(() => undefined)
    const { locks } = fakeLocks()
    const crashed = tab(storage, 'crashed')
    crashed.store.add(entry('a'))
    const survivor = tab(storage, 'survivor', locks)
    survivor.coordinator.trigger()
    // A wall clock moved a day forward changes nothing: the claim runs out after 90 s seen unrenewed.
    vi.setSystemTime(Date.now() + 24 * 3600_000)
    await vi.advanceTimersByTimeAsync(89_000)
    expect(survivor.replayed).toEqual([])
    await vi.advanceTimersByTimeAsync(2_000)
    expect(survivor.replayed).toEqual(['a'])
  })

  it("should never take over a living tab's entries when the wall clock jumps a day either way", async () => {
    const storage = createSafeStorage(() => undefined)
    const { locks } = fakeLocks()
    const owner = tab(storage, 'owner')
    owner.store.add(entry('a'))
    owner.coordinator.watch()
    const other = tab(storage, 'other', locks)
    other.coordinator.trigger()
    for (const jump of [24 * 3600_000, -24 * 3600_000, 8 * 24 * 3600_000]) {
      vi.setSystemTime(Date.now() + jump)
      await vi.advanceTimersByTimeAsync(100_000)
      other.coordinator.trigger()
      await vi.advanceTimersByTimeAsync(1_000)
    }
    expect(other.replayed).toEqual([])
    expect(owner.store.holds?.('a')).toBe(true)
    owner.store.remove('a')
    await vi.advanceTimersByTimeAsync(100_000)
  })

  it('should keep its own entries from other tabs while it renews their leases', async () => {
    const storage = createSafeStorage(() => undefined)
    const { locks } = fakeLocks()
    const owner = tab(storage, 'owner')
    owner.store.add(entry('a'))
    owner.coordinator.watch()
    const other = tab(storage, 'other', locks)
    other.coordinator.trigger()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(other.replayed).toEqual([])
    owner.store.remove('a')
    await vi.advanceTimersByTimeAsync(100_000)
    expect(vi.getTimerCount()).toBe(0)
  })

  /** A pixel's view of `storage`: a copy read at start, its own writes written through, read again on `reread`. */
  function copyOf(storage: SafeStorage) {
    const copy = createSafeStorage(() => undefined)
    const load = () => {
      for (const key of copy.keys('')) copy.remove(key)
      for (const key of storage.keys('')) copy.set(key, storage.get(key)!)
    }
    load()
    const view: SafeStorage = {
      get: copy.get,
      keys: copy.keys,
      set(key, value) {
        copy.set(key, value)
        storage.set(key, value)
      },
      remove(key) {
        copy.remove(key)
        storage.remove(key)
      },
    }
    return { view, reread: async () => load() }
  }

  it("should take over a left page's entry once its claim runs out, reading a pixel's copy of the storage again first", async () => {
    const storage = createSafeStorage(() => undefined)
    const left = tab(storage, 'left')
    left.store.add(entry('a'))
    const { view, reread } = copyOf(storage)
    const pixel = tab(view, 'pixel', undefined, reread)
    pixel.coordinator.trigger()
    await vi.advanceTimersByTimeAsync(89_000)
    expect(pixel.replayed).toEqual([])
    await vi.advanceTimersByTimeAsync(2_000)
    expect(pixel.replayed).toEqual(['a'])
  })

  it("should not replay an entry its owner delivered since the pixel's copy was read", async () => {
    const storage = createSafeStorage(() => undefined)
    const living = tab(storage, 'living')
    living.store.add(entry('a'))
    const { view, reread } = copyOf(storage)
    const pixel = tab(view, 'pixel', undefined, reread)
    pixel.coordinator.trigger()
    // The living page delivers 'a' (the pixel's copy still holds it), then stops renewing anything.
    living.store.remove('a')
    await vi.advanceTimersByTimeAsync(120_000)
    expect(pixel.replayed).toEqual([])
  })
})
