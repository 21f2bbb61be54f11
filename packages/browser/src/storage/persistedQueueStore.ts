import type { QueueEntry, QueueStore } from '@es-tracker/core/internal'
import { nextTask } from '../nextTask'
import type { SafeStorage } from './safeStorage'

/** How long a claim holds without renewal; a page that lives renews its own (replayCoordinator). */
const leaseMs = 30_000

/** A queue entry as persisted: which page owns it, and until when its claim holds. */
interface StoredEntry extends QueueEntry {
  owner: string
  /** ms since epoch; past it (or at 0, released) another page may take the entry over. */
  lease: number
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
  /** Entries older than this are dropped from storage. @default 7 days */
  maxAgeMs?: number
}

/** The browser's persisted queue store, plus what the tracker needs to coordinate pages and tabs. */
export interface PersistedQueueStore extends QueueStore {
  /**
   * Claims every stored entry whose claim ran out or was released (not once released itself). Two
   * tabs may claim one entry at once, and the last write wins: the caller replays (`takeOver()`
   * answers this page's own entries) only once other tabs' writes have landed, or under the replay lock.
   */
  claimOrphans(): void
  /**
   * Gives this page's entries up (the page is being left), except those whose bodies were handed
   * off; until `resume()`, whatever this page still writes is left free for other pages too.
   */
  release(exceptBodies?: ReadonlySet<string>): void
  /** The page came back (back/forward cache): its writes claim entries again. */
  resume(): void
  /**
   * Renews the claim on this page's entries (not once released) and answers how many it owns; the
   * tracker calls it on a timer while it owns some.
   */
  renew(): number
  /**
   * How many stored entries no living page owns, how many this page owns, and when the next claim of
   * another page runs out.
   */
  orphans(): { count: number; owned: number; nextExpiry: number | undefined }
  /** Whether a storage key (from a `storage` event) belongs to this queue. */
  owns(storageKey: string | null): boolean
  /** Writes what `add`, `update` and `remove` deferred; the transport calls it before a request starts. */
  persist(): void
}

/**
 * A QueueStore in localStorage (memory where storage fails) that every page and tab of the site
 * shares, bounded by count and age. Each entry has a key of its own, so that tabs writing at the
 * same moment never overwrite each other's entries. Entries belong to the page that added them
 * while it lives (its lease is renewed); `claimOrphans()` claims the others' entries whose lease ran
 * out or was released, and `takeOver()` answers this page's own.
 */
export function createPersistedQueueStore({
  storage,
  key,
  owner,
  maxEntries = 500,
  maxAgeMs = 7 * 24 * 60 * 60 * 1000,
}: PersistedQueueStoreOptions): PersistedQueueStore {
  const prefix = `${key}:`
  // What add, update and remove changed (null: removed), written in a task of its own (a localStorage
  // write costs a tracking call more than building its event) and always before the entry's request starts.
  const pending = new Map<string, StoredEntry | null>()
  // Of those, the entries added: written whatever the storage holds (an update only over this page's own).
  const added = new Set<string>()
  let released = false
  let adds = 0

  /** The entry under `storageKey`, or `undefined` for nothing, garbage, one too old or one under another key. */
  const parse = (storageKey: string): StoredEntry | undefined => {
    try {
      // Another script's data or a truncated write is no entry (a property read of null throws too). The
      // engine checks the event's own fields when it takes an entry over, and removes a broken one.
      const entry = JSON.parse(storage.get(storageKey) as string)
      if (
        typeof entry.id === 'string' &&
        prefix + entry.id === storageKey &&
        typeof entry.lease === 'number' &&
        entry.createdAt >= Date.now() - maxAgeMs
      ) {
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
    else if (first) nextTask(persist)
  }
  // A page being left may still write (a last attempt ending): those entries stay free to take over.
  const own = (entry: QueueEntry): StoredEntry => ({ ...entry, owner, lease: released ? 0 : Date.now() + leaseMs })
  // Claims and releases are written at once: other tabs must see them as soon as possible.
  const claim = (entry: QueueEntry): void => {
    pending.delete(entry.id)
    storage.set(prefix + entry.id, JSON.stringify(own(entry)))
  }
  /** Every stored entry, oldest first; broken, too old and surplus ones are dropped on the way. */
  const list = (): StoredEntry[] => {
    persist()
    const entries: StoredEntry[] = []
    for (const storageKey of storage.keys(prefix)) {
      const entry = parse(storageKey)
      if (entry) entries.push(entry)
      else storage.remove(storageKey)
    }
    entries.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    for (const { id } of entries.splice(0, entries.length - maxEntries)) storage.remove(prefix + id)
    return entries
  }
  /**
   * Shows every stored entry to `visit` (`free`: its claim ran out or was released), claims those it
   * answers truthy for, and answers this page's own.
   */
  const survey = (visit: (entry: StoredEntry, free: boolean) => unknown): StoredEntry[] => {
    const time = Date.now()
    return list().filter((entry) => {
      if (visit(entry, entry.lease <= time)) claim(entry)
      return entry.owner === owner
    })
  }

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
    remove: (id) => later(id, null),
    // A page being left replays nothing: what it has is for the next page. Its own entries whose claim
    // ran out (the page was frozen, or came back) are claimed again first.
    takeOver: () => (released ? [] : survey((entry, free) => free && entry.owner === owner)),
    claimOrphans() {
      if (!released) survey((_entry, free) => free)
    },
    release(exceptBodies) {
      released = true
      survey((entry) => entry.owner === owner && !exceptBodies?.has(entry.body))
    },
    resume() {
      released = false
    },
    renew: () => survey((entry) => !released && entry.owner === owner).length,
    orphans() {
      let count = 0
      let nextExpiry: number | undefined
      const owned = survey((entry, free) => {
        if (entry.owner === owner) return
        if (free) count++
        else nextExpiry = Math.min(nextExpiry ?? entry.lease, entry.lease)
      }).length
      return { count, owned, nextExpiry }
    },
    owns: (storageKey) => storageKey === null || storageKey.startsWith(prefix),
    persist,
  }
}
