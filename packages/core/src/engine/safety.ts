// Small guards the engine wraps around everything it does not control: stores, clocks, callbacks.
import type { TrackerError } from '../errors/TrackerError'
import { isRecord } from '../schemas/values'
import type { QueueEntry, SendResult } from './types'

/** Runs `fn` and answers its value, or `undefined` if it threw: user code must not break delivery. */
export const callSafely = <T>(fn: () => T): T | undefined => {
  try {
    return fn()
  } catch {
    return undefined
  }
}

/** Calls a host's callback: neither what it throws nor an async one's rejection may reach the host. */
export const notify = (call: () => unknown): void => {
  const returned = callSafely(call)
  if (returned instanceof Promise) returned.catch(() => {})
}

/** Whether a store answered a promise (a durable store) rather than a value (the browser's, synchronous). */
export const isPromiseLike = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as Partial<PromiseLike<unknown>> | null | undefined)?.then === 'function'

/** The result of a failed event, once its error is passed to the host's `onError`. */
export const failure = (host: { onError?: (error: TrackerError) => void }, error: TrackerError): SendResult => {
  notify(() => host.onError?.(error))
  return { ok: false, error }
}

/** The time `now` tells, or `Date.now()` when it throws or answers no finite number. */
export const timeFrom = (now: () => unknown): number => {
  const value = callSafely(now)
  // Number.isFinite is false for anything but a finite number.
  return Number.isFinite(value) ? (value as number) : Date.now()
}

/** Whether a value read back from a store (possibly tampered with or truncated) is a usable entry. */
export const isQueueEntry = (value: unknown): value is QueueEntry =>
  isRecord(value) &&
  !!value.id &&
  typeof value.id === 'string' &&
  typeof value.eventName === 'string' &&
  typeof value.body === 'string' &&
  [value.createdAt, value.attempts].every(Number.isFinite)

let sequence = 0

/**
 * A queue entry id unique across tabs sharing one store: about 52 random bits and a sequence number.
 * Not a secret and not a GUID; it only has to tell entries apart.
 */
export const newEntryId = (): string => `${Math.random().toString(36).slice(2)}-${++sequence}`
