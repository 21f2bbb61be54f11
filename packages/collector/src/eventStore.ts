import type { CollectedEvent, EventFilter } from './types'

/** What subscribers of an {@link EventStore} hear. */
export type StoreChange = { type: 'event'; event: CollectedEvent } | { type: 'clear' }

/** The bounded, ordered memory of received requests, with change notifications for the live page. */
export interface EventStore {
  /** Numbers and keeps one event, dropping the oldest past the bound; returns it as kept. */
  add(event: Omit<CollectedEvent, 'id'>): CollectedEvent
  list(filter?: EventFilter): CollectedEvent[]
  clear(): void
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

/** Creates an event store keeping at most `maxEvents` events (a ring: the oldest are dropped). */
export function createEventStore(maxEvents: number): EventStore {
  if (!Number.isInteger(maxEvents) || maxEvents < 1) {
    throw new TypeError(`maxEvents must be a positive integer, got ${String(maxEvents)}`)
  }
  // A plain array with a moving start index keeps adds O(1) amortized without a copy per event.
  let events: CollectedEvent[] = []
  let start = 0
  let lastId = 0
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
    add(fields) {
      lastId += 1
      const event: CollectedEvent = { id: lastId, ...fields }
      events.push(event)
      if (events.length - start > maxEvents) start += 1
      if (start > maxEvents) {
        events = events.slice(start)
        start = 0
      }
      notify({ type: 'event', event })
      return event
    },
    list(filter) {
      const kept = start === 0 ? events : events.slice(start)
      return kept.filter((event) => matchesFilter(event, filter))
    },
    clear() {
      events = []
      start = 0
      notify({ type: 'clear' })
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
