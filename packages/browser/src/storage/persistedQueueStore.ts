import type { QueueEntry, SyncQueueStore } from '@es-tracker/core/internal'
import { pageWallTime } from './pageWallTime'
import type { SafeStorage } from './safeStorage'

/**
 * How long another page must see a claim unrenewed before it may take the entry over. Measured on
 * the observer's monotonic clock, never by comparing wall times, so that a clock moved by a day
 * expires no claim. Longer than a minute: a hidden tab's timers may run only once a minute.
 */
export const leaseMs = 90_000

/** A queue entry as persisted: which page owns it, its claim's renewal stamp, and when it was written. */
interface StoredEntry extends QueueEntry {
  owner: string
  /** Changes at every renewal while its owner lives; 0: released, free for any page at once. */
  lease: number
  /** ms since epoch when written, by the writer's {@link PersistedQueueStoreOptions.wallNow} (a hint): the time an entry spends stored adds to its age. */
  savedAt?: number
}

/** Options of {@link createPersistedQueueStore}. */
export interface PersistedQueueStoreOptions {
  storage: SafeStorage
  /** The prefix of the storage keys every page and tab of the site shares: one key per entry. */
  key: string
  /** This page's id: entries it adds are its own while it lives. */
  owner: string
  /** Entries kept at most; past it the oldest are dropped. @default 500 */
  maxEntries?: number
  /** A clock that never jumps, for leases. @default performance.now */
  monotonicNow?: () => number
  /**
   * The wall time that stamps entries, for the time they spend stored between pages: a clock moved
   * while the page is open ages no entry of another page it takes over. @default pageWallTime
   */
  wallNow?: () => number
}

/** The browser's persisted queue store, plus what the tracker needs to coordinate pages and tabs. */
export interface PersistedQueueStore extends SyncQueueStore {
  /**
   * Claims every stored entry whose claim ran out or was released (not once released itself). Two
   * tabs may claim one entry at once, and the last write wins: the caller replays (`takeOver()`
   * answers this page's own entries) only once other tabs' writes have landed, or under the replay lock.
   */
  claimOrphans(): void
  /** Gives this page's entries up (the page is being left); until `resume()`, what it still writes is left free too. */
  release(): void
  /** The page came back (back/forward cache): its writes claim entries again. */
  resume(): void
  /**
   * Renews the claim on this page's entries (not once released) and answers how many it owns; the
   * tracker calls it on a timer while it owns some.
   */
  renew(): number
  /**
   * How many stored entries no living page owns, how many this page owns, and in how many ms the
   * next claim of another page runs out unless renewed.
   */
  orphans(): { count: number; owned: number; nextExpiryInMs: number | undefined }
  /** Whether this page may still send the entry: `false` once another page took it over or removed it. */
  holds(id: string): boolean
  /** Whether a storage key (from a `storage` event) belongs to this queue. */
  owns(storageKey: string | null): boolean
  /** Writes what `add`, `update` and `remove` deferred; the transport calls it before a request starts. */
  persist(): void
}

/**
 * A QueueStore in localStorage (memory where storage fails) that every page and tab of the site
 * shares, bounded by count. Each entry has a key of its own, so that tabs writing at the same moment
 * never overwrite each other's entries. Entries belong to the page that added them while it lives
 * (it renews their claim); `claimOrphans()` claims the others' entries that were released or whose
 * claim this page has seen unrenewed for `leaseMs`, and `takeOver()` answers this page's own. Ages
 * travel with the entries (`ageMs`, plus the wall-clock time spent stored, never negative): the
 * engine expires them on its monotonic clock.
 */
export function createPersistedQueueStore({
  storage,
  key,
  owner,
  maxEntries = 500,
  monotonicNow = () => performance.now(),
  wallNow = pageWallTime,
}: PersistedQueueStoreOptions): PersistedQueueStore {
  const prefix = `${key}:`
  // Entry ids have no colon: a key with one after the prefix is another queue's, whose site id is this
  // one's plus a colon (`SHOP` and `SHOP:EU`), and must be neither read nor removed here.
  const isEntryKey = (storageKey: string): boolean =>
    storageKey.startsWith(prefix) && !storageKey.includes(':', prefix.length)
  // What add, update and remove changed (null: removed), written once the work under way is done (a
  // microtask: the events and deliveries of one task share it, in the task, after its script) and always
  // before the entry's request starts. A tracking call of the page returns before any of it: its work
  // runs in a later task (deferredCalls.ts), so a task of its own here would only cost one more task.
  const pending = new Map<string, StoredEntry | null>()
  // Of those, the entries added: written whatever the storage holds (an update only over this page's own).
  const added = new Set<string>()
  // Entries of this page dropped past maxEntries: still this page's to deliver from memory.
  const dropped = new Set<string>()
  // Other pages' claims as this page saw them: the stamp, and when (monotonic) it was first seen.
  const seen = new Map<string, { stamp: string; at: number }>()
  // When (monotonic) this page last wrote each of its entries: the age it has gained since.
  const wroteAt = new Map<string, number>()
  let released = false
  let adds = 0
  let renewals = 0

  /** The entry under `storageKey`, or `undefined` for nothing, garbage or one under another key. */
  const parse = (storageKey: string): StoredEntry | undefined => {
    try {
      // Another script's data or a truncated write is no entry (a property read of null throws too). The
      // engine checks the event's own fields when it takes an entry over, and removes a broken one.
      const entry = JSON.parse(storage.get(storageKey) as string)
      if (typeof entry.id === 'string' && prefix + entry.id === storageKey && typeof entry.lease === 'number') {
        return entry
      }
    } catch {}
  }
  const persist = (): void => {
    for (const [id, entry] of pending) {
      if (!entry) storage.remove(prefix + id)
      // An update waited a task: another page may have taken the entry over, or delivered it, since.
      else if (added.has(id) || parse(prefix + id)?.owner === owner) storage.set(prefix + id, JSON.stringify(entry))
    }
    pending.clear()
    added.clear()
  }
  const later = (id: string, entry: StoredEntry | null): void => {
    const first = !pending.size
    pending.set(id, entry)
    // A page being left may have no later task: what it still writes (deliveries ending) goes now.
    if (released) persist()
    else if (first) queueMicrotask(persist)
  }
  // A page being left may still write (a last attempt ending): those entries stay free to take over.
  const own = (entry: QueueEntry): StoredEntry => {
    wroteAt.set(entry.id, monotonicNow())
    return { ...entry, owner, lease: released ? 0 : renewals + 1, savedAt: wallNow() }
  }
  /**
   * An entry's age now: its stored age plus the time since it was written, on this page's monotonic
   * clock where this page wrote it, else by the wall clock (`wallNow`: a hint; never negative).
   */
  const ageOf = (entry: StoredEntry): number => {
    const time = wallNow()
    const stored = Number.isFinite(entry.ageMs) ? (entry.ageMs as number) : time - entry.createdAt
    const since = wroteAt.get(entry.id)
    const gap = entry.owner === owner && since !== undefined ? monotonicNow() - since : time - (entry.savedAt ?? time)
    return Math.max(0, stored) + Math.max(0, gap)
  }
  // Claims and releases are written at once: other tabs must see them as soon as possible.
  const claim = (entry: QueueEntry): void => {
    pending.delete(entry.id)
    seen.delete(entry.id)
    storage.set(prefix + entry.id, JSON.stringify(own(entry)))
  }
  /** How long (ms) until another page's claim runs out unless renewed: 0 when released or run out. */
  const claimLeft = (entry: StoredEntry): number => {
    if (entry.lease === 0) return 0
    const stamp = `${entry.owner} ${entry.lease}`
    const time = monotonicNow()
    const sighting = seen.get(entry.id)
    if (sighting?.stamp !== stamp) seen.set(entry.id, { stamp, at: time })
    return Math.max(0, (sighting?.stamp === stamp ? sighting.at : time) + leaseMs - time)
  }
  /** Every stored entry, oldest first; broken and surplus ones are dropped on the way. */
  const list = (): StoredEntry[] => {
    persist()
    const entries: StoredEntry[] = []
    for (const storageKey of storage.keys(prefix).filter(isEntryKey)) {
      const entry = parse(storageKey)
      if (entry) entries.push(entry)
      else storage.remove(storageKey)
    }
    entries.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    for (const { id, owner: by } of entries.splice(0, entries.length - maxEntries)) {
      if (by === owner) dropped.add(id)
      storage.remove(prefix + id)
    }
    return entries
  }
  /**
   * Shows every stored entry to `visit` (`left`: ms until its claim runs out; 0 for this page's own
   * once released, or another page's released or run out), claims those it answers truthy for, and
   * answers this page's own, their age brought up to date with the time they spent stored.
   */
  const survey = (visit: (entry: StoredEntry, left: number) => unknown): StoredEntry[] =>
    list().filter((entry) => {
      const mine = entry.owner === owner
      entry.ageMs = ageOf(entry)
      if (visit(entry, mine ? entry.lease && leaseMs : claimLeft(entry))) claim(entry)
      return entry.owner === owner
    })

  return {
    add(entry) {
      added.add(entry.id)
      later(entry.id, own(entry))
      // Counting means listing the storage: not on every event.
      if (++adds % 50 === 0) list()
    },
    update(entry) {
      // Only an entry stored now and this page's own: the engine may update an entry before adding it, a
      // late update must not bring a delivered entry back, and another page may have taken it over (this
      // one was frozen past its lease). A page being left keeps no books: its entries are for other pages.
      const { id } = entry
      const stored = pending.has(id) ? pending.get(id) : parse(prefix + id)
      if (!released && stored?.owner === owner) later(id, own(entry))
    },
    remove(id) {
      dropped.delete(id)
      wroteAt.delete(id)
      later(id, null)
    },
    // A page being left replays nothing: what it has is for the next page. Its own entries it released
    // (the page came back from the back/forward cache) are claimed again first.
    takeOver: () => (released ? [] : survey((entry, left) => !left && entry.owner === owner)),
    holds(id) {
      // Gone from storage: whoever removed it delivered it (or it expired), unless this page dropped it past maxEntries.
      const stored = pending.has(id) ? pending.get(id) : parse(prefix + id)
      return stored ? stored.owner === owner : dropped.has(id)
    },
    claimOrphans() {
      if (!released) survey((_entry, left) => !left)
    },
    release() {
      released = true
      survey((entry) => entry.owner === owner)
    },
    resume() {
      released = false
    },
    renew() {
      if (!released) renewals++
      return survey((entry) => !released && entry.owner === owner).length
    },
    orphans() {
      let count = 0
      let nextExpiryInMs: number | undefined
      const owned = survey((entry, left) => {
        if (entry.owner === owner) return
        if (!left) count++
        else nextExpiryInMs = Math.min(nextExpiryInMs ?? left, left)
      }).length
      return { count, owned, nextExpiryInMs }
    },
    owns: (storageKey) => storageKey === null || isEntryKey(storageKey),
    persist,
  }
}
