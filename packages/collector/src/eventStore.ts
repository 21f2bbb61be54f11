import type { CollectedEvent, EventFilter } from './types'

/** What subscribers of an {@link EventStore} hear. */
export type StoreChange = { type: 'event'; event: CollectedEvent } | { type: 'clear' }

/** How full the store is, and what its bounds have made it drop. */
export interface StoreStats {
  /** Events kept now. */
  kept: number
  /** Body bytes of the events kept now. */
  bytes: number
  /** Events dropped (oldest first) to stay within `maxEvents` and `maxBytes` since the start. */
  dropped: number
}

/** The bounded, ordered memory of received requests, with change notifications for the live page. */
export interface EventStore {
  /**
   * Numbers and keeps one event whose body had `bytes` bytes, dropping the oldest past either bound
   * (the newest event is always kept); returns it as kept.
   */
  add(event: Omit<CollectedEvent, 'id'>, bytes?: number): CollectedEvent
  list(filter?: EventFilter): CollectedEvent[]
  clear(): void
  stats(): StoreStats
  /** Calls `listener` on every change until the returned function is called. */
  subscribe(listener: (change: StoreChange) => void): () => void
}

/** Returns whether `event` passes `filter`. */
export function matchesFilter(event: CollectedEvent, filter: EventFilter = {}): boolean {
  if (event.failedByFault && !filter.includeFailed) return false
  if (filter.eventName !== undefined && event.eventName !== filter.eventName) return false
  if (filter.valid !== undefined && event.valid !== filter.valid) return false
  if (filter.afterId !== undefined && event.id <= filter.afterId) return false
  return true
}

const checkBound = (name: string, value: number): void => {
  if (!Number.isInteger(value) || value < 1)
    throw new TypeError(`${name} must be a positive integer, got ${String(value)}`)
}

/**
 * Creates an event store keeping at most `maxEvents` events whose bodies add up to at most
 * `maxBytes` bytes (a ring: the oldest are dropped, and counted in `stats().dropped`).
 */
export function createEventStore(maxEvents: number, maxBytes = Number.MAX_SAFE_INTEGER): EventStore {
  checkBound('maxEvents', maxEvents)
  checkBound('maxBytes', maxBytes)
  // Plain arrays with a moving start index keep adds O(1) amortized without a copy per event.
  // Dropped slots are emptied at once, so that a dropped body's memory is freed before the next copy.
  let events: Array<CollectedEvent | undefined> = []
  let sizes: number[] = []
  let start = 0
  let lastId = 0
  let bytes = 0
  let dropped = 0
  const listeners = new Set<(change: StoreChange) => void>()

  const notify = (change: StoreChange): void => {
    for (const listener of listeners) {
      try {
        listener(change)
      } catch {
        // A broken live-page connection must not stop delivery to the others.
      }
    }
  }

  return {
    add(fields, size = 0) {
      lastId += 1
      const event: CollectedEvent = { id: lastId, ...fields }
      events.push(event)
      sizes.push(size)
      bytes += size
      while (events.length - start > 1 && (events.length - start > maxEvents || bytes > maxBytes)) {
        bytes -= sizes[start] ?? 0
        events[start] = undefined
        start += 1
        dropped += 1
      }
      if (start > 1024 && start > events.length / 2) {
        events = events.slice(start)
        sizes = sizes.slice(start)
        start = 0
      }
      notify({ type: 'event', event })
      return event
    },
    list(filter) {
      const kept = (start === 0 ? events : events.slice(start)) as CollectedEvent[]
      return kept.filter((event) => matchesFilter(event, filter))
    },
    clear() {
      events = []
      sizes = []
      start = 0
      bytes = 0
      notify({ type: 'clear' })
    },
    stats: () => ({ kept: events.length - start, bytes, dropped }),
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
