import type { QueueEntry, SyncQueueStore } from './types'

/**
 * A queue store that keeps entries in memory only, for an engine whose `replay()` should find what it let go of.
 *
 * `takeOver()` answers every entry it holds; the engine skips those it is still delivering, so only
 * entries it let go of (an unload attempt that failed, a `close()` that ran out of time) come back.
 *
 * @example
 * const engine = createTrackerEngine({ url, transport, store: createMemoryQueueStore() })
 */
/* @__NO_SIDE_EFFECTS__ */
export function createMemoryQueueStore(): SyncQueueStore & { size(): number } {
  const entries = new Map<string, QueueEntry>()
  // Copies in and out: the engine mutates its own entries (attempts).
  const put = (entry: QueueEntry) => {
    entries.set(entry.id, { ...entry })
  }
  return {
    add: put,
    update(entry) {
      if (entries.has(entry.id)) put(entry)
    },
    remove(id) {
      entries.delete(id)
    },
    takeOver: () => [...entries.values()].map((entry) => ({ ...entry })),
    size: () => entries.size,
  }
}
