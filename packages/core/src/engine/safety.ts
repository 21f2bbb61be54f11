// Small guards the engine wraps around everything it does not control: stores, clocks, callbacks.
import type { QueueEntry } from './types'

/** Runs `fn` and answers its value, or `undefined` if it threw: user code must not break delivery. */
export function callSafely<T>(fn: () => T): T | undefined {
  try {
    return fn()
  } catch {
    return undefined
  }
}

/** Calls a host's callback: neither what it throws nor an async one's rejection may reach the host. */
export function notify(call: () => unknown): void {
  const returned = callSafely(call)
  if (returned instanceof Promise) returned.catch(() => {})
}

/** The time `now` tells, or `Date.now()` when it throws or answers no finite number. */
export function timeFrom(now: () => unknown): number {
  const value = callSafely(now)
  return typeof value === 'number' && Number.isFinite(value) ? value : Date.now()
}

const isFiniteNumber = (value: unknown) => typeof value === 'number' && Number.isFinite(value)

/** Whether a value read back from a store (possibly tampered with or truncated) is a usable entry. */
export function isQueueEntry(value: unknown): value is QueueEntry {
  if (value === null || typeof value !== 'object') return false
  const entry = value as Record<string, unknown>
  return (
    typeof entry.id === 'string' &&
    entry.id !== '' &&
    typeof entry.eventName === 'string' &&
    typeof entry.body === 'string' &&
    isFiniteNumber(entry.createdAt) &&
    isFiniteNumber(entry.attempts)
  )
}

let sequence = 0

/**
 * A queue entry id unique across tabs sharing one store: time, randomness and a sequence number.
 * Not a secret and not a GUID; it only has to tell entries apart.
 */
export function newEntryId(): string {
  sequence = (sequence + 1) % Number.MAX_SAFE_INTEGER
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${sequence.toString(36)}`
}
