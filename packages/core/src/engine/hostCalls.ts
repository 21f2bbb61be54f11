// Guards the engine wraps around the host's code, which it does not control: callbacks, clocks, stores.
import type { TrackerError } from '../errors/TrackerError'
import type { SendResult } from './types'

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
