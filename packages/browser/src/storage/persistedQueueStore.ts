import type { QueueEntry, QueueStore } from '@es-tracker/core'
import { nextTask } from '../nextTask'
import type { SafeStorage } from './safeStorage'

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
  /** How long a claim holds without renewal; a page that lives renews its own. @default 30000 */
  leaseMs?: number
  now?: () => number
  /** Runs the deferred writes in a later task. @default nextTask */
  schedule?: (callback: () => void) => void
}

/** The browser's persisted queue store, plus what the tracker needs to coordinate pages and tabs. */
export interface PersistedQueueStore extends QueueStore {
  /**
   * Runs `replay` with claiming allowed: only then does `takeOver()` claim other pages' orphaned
   * entries (the caller holds the replay lock); otherwise it answers this page's own entries only.
   */
  claiming(replay: () => void): void
  /**
   * Gives this page's entries up (the page is being left), except those whose bodies were handed
   * off; until `resume()`, whatever this page still writes is left free for other pages too.
   */
  release(exceptBodies?: ReadonlySet<string>): void
  /** The page came back (back/forward cache): its writes claim entries again. */
  resume(): void
  /** Renews the claim on this page's entries; the tracker calls it on a timer while it owns some. */
  renew(): void
  /** How many entries this page owns in storage now. */
  ownedCount(): number
  /** How many stored entries no living page owns, and when the next claim of another page runs out. */
  orphans(): { count: number; nextExpiry: number | undefined }
  /** Whether a storage key (from a `storage` event) belongs to this queue. */
  owns(storageKey: string | null): boolean
  /** Writes what `add`, `update` and `remove` deferred; the transport calls it before a request starts. */
  persist(): void
}

/**
 * A QueueStore in localStorage (memory where storage fails) that every page and tab of the site
 * shares, bounded by count and age. Each entry has a key of its own, so that tabs writing at the
 * same moment never overwrite each other's entries. Entries belong to the page that added them
 * while it lives (its lease is renewed); `takeOver()` claims the others' entries whose lease ran out
 * or was released, and must run under the tracker's replay lock so that two tabs never claim one.
 */
export function createPersistedQueueStore(options: PersistedQueueStoreOptions): PersistedQueueStore {
  const { storage, owner } = options
  const prefix = `${options.key}:`
  const maxEntries = options.maxEntries ?? 500
  const maxAgeMs = options.maxAgeMs ?? 7 * 24 * 60 * 60 * 1000
  const leaseMs = options.leaseMs ?? 30_000
  const now = options.now ?? Date.now
  // Ids this page removed: a late update must not bring a delivered entry back.
  const removed = new Set<string>()
  // Ids this page added or claimed, so that renewing does not list the whole storage.
  const mine = new Set<string>()
  let claimsAllowed = false
  let released = false
  let addsSinceBoundCheck = 0
  // What add, update and remove changed, written in a task of its own (a localStorage write costs a
  // tracking call more than building its event) and always before the entry's request starts.
  const pending = new Map<string, { entry: StoredEntry | null; isNew: boolean }>()
  const schedule = options.schedule ?? nextTask

  const persist = (): void => {
    for (const [id, { entry, isNew }] of pending) {
      if (!entry) storage.remove(prefix + id)
      // An update waited a task: another page may have taken the entry over, or delivered it, since.
      else if (isNew || parseEntry(storage.get(prefix + id))?.owner === owner) {
        storage.set(prefix + id, JSON.stringify(entry))
      }
    }
    pending.clear()
  }
  const later = (id: string, entry: StoredEntry | null, isNew = false): void => {
    const first = pending.size === 0
    pending.set(id, { entry, isNew: isNew || pending.get(id)?.isNew === true })
    // A page being left may have no later task: what it still writes (deliveries ending) goes now.
    if (released) persist()
    else if (first) schedule(persist)
  }
  const read = (id: string): StoredEntry | undefined => {
    const waiting = pending.get(id)
    return waiting ? (waiting.entry ?? undefined) : parseEntry(storage.get(prefix + id))
  }
  // Claims and releases are written at once: other tabs must see them as soon as possible.
  const write = (entry: StoredEntry): void => {
    pending.delete(entry.id)
    storage.set(prefix + entry.id, JSON.stringify(entry))
  }
  const drop = (id: string): void => {
    mine.delete(id)
    pending.delete(id)
    storage.remove(prefix + id)
  }
  // A page being left may still write (a last attempt ending): those entries stay free to take over.
  const own = (entry: QueueEntry): StoredEntry => ({ ...plain(entry), owner, lease: released ? 0 : now() + leaseMs })

  /** Every stored entry, oldest first; broken, too old and surplus ones are dropped on the way. */
  const list = (): StoredEntry[] => {
    persist()
    const oldest = now() - maxAgeMs
    const entries: StoredEntry[] = []
    for (const key of storage.keys(prefix)) {
      const entry = parseEntry(storage.get(key))
      if (entry && entry.createdAt >= oldest && prefix + entry.id === key) entries.push(entry)
      else storage.remove(key)
    }
    entries.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    while (entries.length > maxEntries) drop(entries.shift()!.id)
    return entries
  }

  return {
    add(entry) {
      removed.delete(entry.id)
      mine.add(entry.id)
      later(entry.id, own(entry), true)
      // Counting means listing the storage: not on every event.
      if (++addsSinceBoundCheck >= 50) {
        addsSinceBoundCheck = 0
        list()
      }
    },
    update(entry) {
      // The engine updates an entry before adding it (add then stores its attempts), and a late
      // update must not bring a delivered entry back: only entries stored now are updated. A page
      // being left keeps no books: its entries are for other pages now.
      if (removed.has(entry.id) || released) return
      const stored = read(entry.id)
      // Another page took it over (this one was frozen past its lease): it is that page's now.
      if (!stored || (stored.owner !== owner && stored.lease > now())) return
      later(entry.id, own(entry))
    },
    remove(id) {
      removed.add(id)
      mine.delete(id)
      later(id, null)
    },
    takeOver() {
      // A page being left replays nothing: what it has is for the next page.
      if (released) return []
      const time = now()
      const taken: QueueEntry[] = []
      for (const entry of list()) {
        if (removed.has(entry.id)) {
          drop(entry.id)
          continue
        }
        const isMine = entry.owner === owner
        if (!isMine && (entry.lease > time || !claimsAllowed)) continue
        if (!isMine || entry.lease <= time) write({ ...entry, owner, lease: time + leaseMs })
        mine.add(entry.id)
        taken.push(plain(entry))
      }
      return taken
    },
    claiming(replay) {
      claimsAllowed = true
      try {
        replay()
      } finally {
        claimsAllowed = false
      }
    },
    release(exceptBodies) {
      released = true
      persist()
      for (const id of mine) {
        const entry = read(id)
        if (!entry || entry.owner !== owner) mine.delete(id)
        else if (!exceptBodies?.has(entry.body)) write({ ...entry, lease: 0 })
      }
    },
    resume() {
      released = false
    },
    renew() {
      if (released) return
      const lease = now() + leaseMs
      for (const id of mine) {
        const entry = read(id)
        if (!entry || entry.owner !== owner) mine.delete(id)
        else write({ ...entry, lease })
      }
    },
    ownedCount() {
      let count = 0
      for (const id of mine) {
        if (read(id)?.owner === owner) count++
        else mine.delete(id)
      }
      return count
    },
    orphans() {
      const time = now()
      let count = 0
      let nextExpiry: number | undefined
      for (const entry of list()) {
        if (entry.owner === owner) continue
        if (entry.lease <= time) count++
        else nextExpiry = Math.min(nextExpiry ?? entry.lease, entry.lease)
      }
      return { count, nextExpiry }
    },
    owns: (storageKey) => storageKey === null || storageKey.startsWith(prefix),
    persist,
  }
}

function plain(entry: QueueEntry): QueueEntry {
  return {
    id: entry.id,
    eventName: entry.eventName,
    body: entry.body,
    createdAt: entry.createdAt,
    attempts: entry.attempts,
  }
}

function parseEntry(text: string | null): StoredEntry | undefined {
  try {
    // Nothing stored (null), another script's data or a truncated write: not an entry (a property
    // read of null throws too).
    const entry = JSON.parse(text as string)
    if (
      typeof entry.id === 'string' &&
      typeof entry.eventName === 'string' &&
      typeof entry.body === 'string' &&
      typeof entry.createdAt === 'number' &&
      typeof entry.attempts === 'number' &&
      typeof entry.owner === 'string' &&
      typeof entry.lease === 'number'
    ) {
      return entry
    }
  } catch {}
  return undefined
}
