import { createTrackerEngine, type QueueEntry } from '@es-tracker/core/internal'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPersistedQueueStore } from './persistedQueueStore'
import { createSafeStorage } from './safeStorage'

// The store's deferred writes (a microtask): at once, or held in `tasks.held` when a test sets it (run
// by hand, or never: the page is gone first).
const tasks = { held: undefined as Array<() => void> | undefined }

beforeEach(() => {
  vi.useFakeTimers({ now: 1000 })
  vi.stubGlobal('queueMicrotask', (callback: () => void) => (tasks.held ? tasks.held.push(callback) : callback()))
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  tasks.held = undefined
})

const entry = (id: string, overrides: Partial<QueueEntry> = {}): QueueEntry => ({
  id,
  eventName: 'CustomEvent',
  body: `{"id":"${id}"}`,
  createdAt: 1000,
  attempts: 0,
  ...overrides,
})

/** The pages' monotonic clock (performance.now), moved by hand; the wall clock is the fake timers' Date. */
const monotonic = { time: 0 }
const monotonicNow = () => monotonic.time
/** The wall time the pages stamp entries with: here the fake timers' Date, moved to stand for time spent stored. */
const wallNow = () => Date.now()

/** Two pages (or tabs) of one site: one storage, each its own owner id; a claim seen unrenewed holds 90 s. */
function twoPages(options: { maxEntries?: number } = {}) {
  monotonic.time = 0
  const storage = createSafeStorage(() => undefined)
  const page = (owner: string) =>
    createPersistedQueueStore({ storage, key: 'queue', owner, monotonicNow, wallNow, ...options })
  return { storage, first: page('first'), second: page('second') }
}

/** Claims the orphans and takes over what the page then owns, as the replay coordinator does. */
function claim(store: ReturnType<typeof createPersistedQueueStore>) {
  store.claimOrphans()
  return store.takeOver()
}

describe('createPersistedQueueStore', () => {
  it('should answer only its own entries when not claiming', () => {
    const { first, second } = twoPages()
    first.add(entry('a'))
    first.release()
    second.add(entry('b'))
    expect(second.takeOver()).toMatchObject([entry('b')])
    expect(claim(second)).toMatchObject([entry('a'), entry('b')])
  })

  it('should persist an entry so that another page sees it when added', () => {
    const { first, second } = twoPages()
    first.add(entry('a'))
    expect(second.orphans()).toEqual({ count: 0, owned: 0, nextExpiryInMs: 90_000 })
    expect(first.orphans()).toEqual({ count: 0, owned: 1, nextExpiryInMs: undefined })
    monotonic.time = 60_000
    expect(second.orphans()).toEqual({ count: 0, owned: 0, nextExpiryInMs: 30_000 })
    // A wall clock moved a week forward expires no claim: only time seen on the monotonic clock does.
    vi.setSystemTime(Date.now() + 7 * 24 * 3600_000)
    expect(claim(second)).toMatchObject([])
    monotonic.time = 90_001
    expect(claim(second)).toMatchObject([entry('a')])
  })

  it('should not let another page take an entry over while its owner renews the lease', () => {
    const { first, second } = twoPages()
    first.add(entry('a'))
    vi.setSystemTime(30_990)
    second.orphans()
    monotonic.time = 80_000
    first.renew()
    monotonic.time = 100_000
    expect(claim(second)).toMatchObject([])
    expect(first.takeOver()).toMatchObject([entry('a')])
  })

  it('should hand an entry to exactly one page when two take over in turn', () => {
    const { first, second, storage } = twoPages()
    first.add(entry('a'))
    first.release()
    const third = createPersistedQueueStore({ storage, key: 'queue', owner: 'third' })
    expect(claim(second)).toMatchObject([entry('a')])
    expect(claim(third)).toMatchObject([])
  })

  it('should hand an entry only to the page that claimed it last when two claim it at once', () => {
    const { first, second, storage } = twoPages()
    first.add(entry('a'))
    first.release()
    first.resume()
    second.claimOrphans()
    // The first page's claim landed after the second's (it had not seen it yet): the entry is the first's.
    storage.set('queue:a', JSON.stringify({ ...entry('a'), owner: 'first', lease: 7 }))
    expect(second.takeOver()).toMatchObject([])
    expect(first.takeOver()).toMatchObject([entry('a')])
  })

  it('should replay an entry stored by the previous version when its claim ran out', () => {
    const { first, storage } = twoPages()
    storage.set(
      'queue:old',
      '{"id":"old","eventName":"CustomEvent","body":"{\\"id\\":\\"old\\"}","createdAt":1000,"attempts":2,"owner":"gone","lease":900}',
    )
    expect(claim(first)).toMatchObject([])
    monotonic.time = 90_001
    expect(claim(first)).toMatchObject([entry('old', { attempts: 2 })])
  })

  it('should hold an entry until another page takes it over or it is removed', () => {
    const { first, second } = twoPages()
    first.add(entry('a'))
    first.add(entry('b'))
    expect([first.holds('a'), second.holds('a'), first.holds('missing')]).toEqual([true, false, false])
    first.release()
    expect(claim(second)).toMatchObject([entry('a'), entry('b')])
    second.remove('b')
    expect([first.holds('a'), second.holds('a'), first.holds('b')]).toEqual([false, true, false])
  })

  it('should still hold its own entries dropped past maxEntries, which it delivers from memory', () => {
    const { first } = twoPages({ maxEntries: 1 })
    first.add(entry('a', { createdAt: 1 }))
    first.add(entry('b', { createdAt: 2 }))
    expect(first.takeOver().map((taken) => taken.id)).toEqual(['b'])
    expect([first.holds('a'), first.holds('b')]).toEqual([true, true])
  })

  it('should record attempts when an entry is updated', () => {
    const { first, second } = twoPages()
    first.add(entry('a'))
    first.update(entry('a', { attempts: 3 }))
    first.release()
    expect(claim(second)).toMatchObject([entry('a', { attempts: 3 })])
  })

  it('should store an entry once when the engine updates it before adding it', () => {
    const { first, storage } = twoPages()
    first.update(entry('a', { attempts: 1 }))
    expect(storage.keys('queue:')).toEqual([])
    first.add(entry('a', { attempts: 1 }))
    expect(first.takeOver()).toMatchObject([entry('a', { attempts: 1 })])
    expect(first.renew()).toBe(1)
  })

  it('should not bring a removed entry back when a late update comes', () => {
    const { first } = twoPages()
    first.add(entry('a'))
    first.remove('a')
    first.update(entry('a', { attempts: 2 }))
    expect(first.takeOver()).toMatchObject([])
  })

  it('should drop the oldest entries when there are more than maxEntries', () => {
    const { first } = twoPages({ maxEntries: 2 })
    first.add(entry('a'))
    first.add(entry('b'))
    first.add(entry('c'))
    expect(first.takeOver().map((taken) => taken.id)).toEqual(['b', 'c'])
  })

  it('should add the time an entry spent stored to its age, never a negative time, when it is taken over', () => {
    const { first, second, storage } = twoPages()
    first.add(entry('a', { ageMs: 2_000 }))
    first.add(entry('b', { ageMs: 3_000 }))
    first.release()
    vi.setSystemTime(Date.now() + 60_000)
    second.claimOrphans()
    expect(second.takeOver().map((taken) => taken.ageMs)).toEqual([62_000, 63_000])
    second.release()
    // The wall clock set back a day: the time stored counts as none, and the age never shrinks.
    vi.setSystemTime(Date.now() - 24 * 3600_000)
    const third = createPersistedQueueStore({ storage, key: 'queue', owner: 'third', monotonicNow, wallNow })
    third.claimOrphans()
    expect(third.takeOver().map((taken) => taken.ageMs)).toEqual([62_000, 63_000])
  })

  it('should not age the entry of another page by a wall clock moved while the page that takes it over is open', () => {
    const storage = createSafeStorage(() => undefined)
    // Real pages' default stamp: the wall clock as it stood when the page started, carried on by performance.now.
    const first = createPersistedQueueStore({ storage, key: 'queue', owner: 'first' })
    const second = createPersistedQueueStore({ storage, key: 'queue', owner: 'second' })
    first.add(entry('a', { ageMs: 2_000 }))
    first.release()
    // The second page's Date.now moves 8 days on (the user, the OS or a script): past maxAgeMs (7 days).
    vi.setSystemTime(Date.now() + 8 * 24 * 3600_000)
    second.claimOrphans()
    const [taken] = second.takeOver()
    expect(taken?.ageMs).toBeGreaterThanOrEqual(2_000)
    expect(taken?.ageMs).toBeLessThan(60_000)
  })

  it('should ignore foreign or broken data under its key', () => {
    const { storage, first } = twoPages()
    storage.set('queue:x', '{broken')
    storage.set('queue:y', JSON.stringify({ id: 1 }))
    storage.set('queue:z', JSON.stringify({ ...entry('other-id'), owner: 'first', lease: 0 }))
    expect(first.takeOver()).toMatchObject([])
    expect(storage.keys('queue:')).toEqual([])
    first.add(entry('a'))
    expect(first.takeOver()).toMatchObject([entry('a')])
  })

  it('should leave an entry with broken event fields to the engine, which drops it unsent, when taken over', () => {
    const { storage, first } = twoPages()
    const broken = { ...entry('x'), eventName: 5, body: {}, owner: 'gone', lease: 0 }
    storage.set('queue:x', JSON.stringify(broken))
    const send = vi.fn()
    const engine = createTrackerEngine({ url: 'https://tracker.example/api/v2', transport: { send }, store: first })
    first.claimOrphans()
    engine.replay()
    expect(storage.keys('queue:')).toEqual([])
    expect(send).not.toHaveBeenCalled()
  })

  it('should remove the entry key when the entry is removed', () => {
    const { first, storage } = twoPages()
    first.add(entry('a'))
    first.add(entry('b'))
    first.remove('a')
    expect(storage.keys('queue:')).toEqual(['queue:b'])
  })

  it('should keep both tabs entries when they write at the same moment', () => {
    const { first, second, storage } = twoPages()
    first.add(entry('a'))
    second.add(entry('b'))
    first.remove('a')
    second.update(entry('b', { attempts: 1 }))
    expect(storage.keys('queue:')).toEqual(['queue:b'])
  })

  it('should not update an entry another page has taken over', () => {
    const { first, second } = twoPages()
    first.add(entry('a'))
    second.orphans()
    monotonic.time = 90_001
    expect(claim(second)).toMatchObject([entry('a')])
    first.update(entry('a', { attempts: 5 }))
    second.release()
    expect(second.renew()).toBe(1)
    expect(first.renew()).toBe(0)
  })

  it('should tell its own storage keys from others', () => {
    const { first } = twoPages()
    expect([first.owns('queue:abc'), first.owns('queueX'), first.owns('cart'), first.owns(null)]).toEqual([
      true,
      false,
      false,
      true,
    ])
  })

  it("should leave another site's entries alone when that site id is its own plus a colon", () => {
    // Sites `SHOP` and `SHOP:EU`: the first's key prefix `queue:SHOP:` starts every key of the second.
    const storage = createSafeStorage(() => undefined)
    const shop = createPersistedQueueStore({ storage, key: 'queue:SHOP', owner: 'shop' })
    const europe = createPersistedQueueStore({ storage, key: 'queue:SHOP:EU', owner: 'europe' })
    europe.add(entry('a'))
    europe.release()
    expect(claim(shop)).toEqual([])
    expect(shop.orphans()).toEqual({ count: 0, owned: 0, nextExpiry: undefined })
    // The next page of SHOP:EU finds its entry.
    const nextEurope = createPersistedQueueStore({ storage, key: 'queue:SHOP:EU', owner: 'next' })
    expect(claim(nextEurope)).toMatchObject([entry('a')])
    expect(shop.owns('queue:SHOP:EU:a')).toBe(false)
  })

  it('should count orphans when their owner released them', () => {
    const { first, second } = twoPages()
    first.add(entry('a'))
    first.release()
    expect(second.orphans()).toEqual({ count: 1, owned: 0, nextExpiry: undefined })
    expect(first.renew()).toBe(1)
  })

  it('should leave entries free for other pages when it writes after being released', () => {
    const { first, second } = twoPages()
    first.add(entry('a'))
    first.release()
    first.update(entry('a', { attempts: 2 }))
    first.add(entry('b'))
    first.renew()
    expect(claim(second)).toMatchObject([entry('a'), entry('b')])
  })

  it('should hand nothing over when released', () => {
    const { first } = twoPages()
    first.add(entry('a'))
    first.release()
    expect(claim(first)).toMatchObject([])
  })

  it('should claim its writes again when resumed', () => {
    const { first, second } = twoPages()
    first.release()
    first.resume()
    first.add(entry('a'))
    expect(claim(second)).toMatchObject([])
  })

  it('should write added, updated and removed entries once the work under way is done, reading its own writes meanwhile', () => {
    const storage = createSafeStorage(() => undefined)
    const scheduled: Array<() => void> = []
    tasks.held = scheduled
    const store = createPersistedQueueStore({ storage, key: 'queue', owner: 'page' })
    store.add(entry('a', { createdAt: Date.now() }))
    store.add(entry('b', { createdAt: Date.now() }))
    // The update reads the added entry that waits to be written.
    store.update(entry('a', { createdAt: Date.now(), attempts: 1 }))
    expect(storage.keys('queue:')).toEqual([])
    expect(scheduled).toHaveLength(1)
    scheduled[0]?.()
    expect(storage.keys('queue:').sort()).toEqual(['queue:a', 'queue:b'])
    expect(JSON.parse(storage.get('queue:a') ?? '{}').attempts).toBe(1)
    store.remove('a')
    // The update reads the removal that waits to be written: the entry does not come back.
    store.update(entry('a', { createdAt: Date.now(), attempts: 2 }))
    expect(storage.keys('queue:').sort()).toEqual(['queue:a', 'queue:b'])
    store.persist()
    expect(storage.keys('queue:')).toEqual(['queue:b'])
    expect(store.renew()).toBe(1)
  })

  it('should write deferred entries before releasing them when the page is left', () => {
    const storage = createSafeStorage(() => undefined)
    tasks.held = []
    const store = createPersistedQueueStore({ storage, key: 'queue', owner: 'page' })
    store.add(entry('a', { createdAt: Date.now() }))
    store.release()
    expect(JSON.parse(storage.get('queue:a') ?? '{}')).toMatchObject({ id: 'a', owner: 'page', lease: 0 })
  })

  it('should not write a deferred update over an entry another page took over meanwhile', () => {
    const { storage } = twoPages()
    tasks.held = []
    const slow = createPersistedQueueStore({ storage, key: 'queue', owner: 'slow' })
    const other = createPersistedQueueStore({ storage, key: 'queue', owner: 'other' })
    slow.add(entry('a', { createdAt: Date.now() }))
    slow.persist()
    slow.update(entry('a', { createdAt: Date.now(), attempts: 3 }))
    storage.set(
      'queue:a',
      JSON.stringify({ ...entry('a', { createdAt: Date.now() }), owner: 'other', lease: Date.now() + 1000 }),
    )
    other.remove('a')
    other.persist()
    // The slow page's deferred write comes last.
    slow.persist()
    expect(storage.keys('queue:')).toEqual([])
  })

  it('should not update entries once released', () => {
    const { first, storage } = twoPages()
    first.add(entry('a'))
    first.release()
    first.update(entry('a', { attempts: 9 }))
    expect(JSON.parse(storage.get('queue:a') ?? '{}').attempts).toBe(0)
  })

  it('should write at once what it removes after being released, as a page being left may run nothing later', () => {
    const storage = createSafeStorage(() => undefined)
    tasks.held = []
    const store = createPersistedQueueStore({ storage, key: 'queue', owner: 'page' })
    store.add(entry('a', { createdAt: Date.now() }))
    store.release()
    store.remove('a')
    expect(storage.keys('queue:')).toEqual([])
  })
})
