import type { QueueEntry, QueueStore } from '@es-tracker/core'
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
  /** The storage key every page and tab of the site shares. */
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
  /** Whether storage holds entries that no living page owns, and when the next claim runs out. */
  orphans(): { count: number; nextExpiry: number | undefined }
}

/**
 * A QueueStore in localStorage (memory where storage fails) that every page and tab of the site
 * shares, bounded by count and age. Entries belong to the page that added them while it lives (its
 * lease is renewed); `takeOver()` claims the others' entries whose lease ran out or was released,
 * and must run under the tracker's replay lock so that two tabs never claim the same entry.
 */
export function createPersistedQueueStore(options: PersistedQueueStoreOptions): PersistedQueueStore {
  const { storage, key, owner } = options
  const maxEntries = options.maxEntries ?? 500
  const maxAgeMs = options.maxAgeMs ?? 7 * 24 * 60 * 60 * 1000
  const leaseMs = options.leaseMs ?? 30_000
  const now = options.now ?? Date.now
  // Ids this page removed: a late update must not bring a delivered entry back.
  const removed = new Set<string>()
  let claimsAllowed = false
  let released = false

  const read = (): StoredEntry[] => {
    const text = storage.get(key)
    if (!text) return []
    try {
      const value: unknown = JSON.parse(text)
      return Array.isArray(value) ? value.filter(isStoredEntry) : []
    } catch {
      return []
    }
  }

  const write = (entries: StoredEntry[]): void => {
    const oldest = now() - maxAgeMs
    let kept = entries.filter((entry) => entry.createdAt >= oldest)
    if (kept.length > maxEntries) kept = kept.slice(kept.length - maxEntries)
    if (kept.length === 0) storage.remove(key)
    else storage.set(key, JSON.stringify(kept))
  }

  // A page being left may still write (a last attempt ending): those entries stay free to take over.
  const own = (entry: QueueEntry): StoredEntry => ({ ...plain(entry), owner, lease: released ? 0 : now() + leaseMs })

  const upsert = (entry: QueueEntry): void => {
    const entries = read()
    const index = entries.findIndex((stored) => stored.id === entry.id)
    if (index === -1) entries.push(own(entry))
    else entries[index] = own(entry)
    write(entries)
  }

  return {
    add(entry) {
      removed.delete(entry.id)
      upsert(entry)
    },
    update(entry) {
      // The engine updates an entry before adding it (add then stores its attempts), and a late
      // update must not bring a delivered entry back: only entries stored now are updated.
      if (removed.has(entry.id)) return
      const entries = read()
      const index = entries.findIndex((stored) => stored.id === entry.id)
      if (index === -1) return
      entries[index] = own(entry)
      write(entries)
    },
    remove(id) {
      removed.add(id)
      const entries = read()
      const kept = entries.filter((entry) => entry.id !== id)
      if (kept.length !== entries.length) write(kept)
    },
    takeOver() {
      // A page being left replays nothing: what it has is for the next page.
      if (released) return []
      const time = now()
      const entries = read()
      const taken: QueueEntry[] = []
      let claimed = false
      for (const [index, entry] of entries.entries()) {
        if (entry.owner !== owner && (entry.lease > time || !claimsAllowed)) continue
        if (entry.owner !== owner || entry.lease <= time) {
          entries[index] = { ...entry, owner, lease: time + leaseMs }
          claimed = true
        }
        taken.push(plain(entry))
      }
      if (claimed) write(entries)
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
      const entries = read()
      let changed = false
      for (const entry of entries) {
        if (entry.owner !== owner || exceptBodies?.has(entry.body)) continue
        entry.lease = 0
        changed = true
      }
      if (changed) write(entries)
    },
    resume() {
      released = false
    },
    renew() {
      if (released) return
      const entries = read()
      const lease = now() + leaseMs
      let changed = false
      for (const entry of entries) {
        if (entry.owner !== owner) continue
        entry.lease = lease
        changed = true
      }
      if (changed) write(entries)
    },
    ownedCount: () => read().filter((entry) => entry.owner === owner).length,
    orphans() {
      const time = now()
      let count = 0
      let nextExpiry: number | undefined
      for (const entry of read()) {
        if (entry.owner === owner) continue
        if (entry.lease <= time) count++
        else nextExpiry = Math.min(nextExpiry ?? entry.lease, entry.lease)
      }
      return { count, nextExpiry }
    },
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

function isStoredEntry(value: unknown): value is StoredEntry {
  if (typeof value !== 'object' || value === null) return false
  const entry = value as Record<string, unknown>
  return (
    typeof entry.id === 'string' &&
    typeof entry.eventName === 'string' &&
    typeof entry.body === 'string' &&
    typeof entry.createdAt === 'number' &&
    typeof entry.attempts === 'number' &&
    typeof entry.owner === 'string' &&
    typeof entry.lease === 'number'
  )
}
