// Guards the engine wraps around the host's code, which it does not control: callbacks, clocks, stores.
import { TrackerError, type TrackerErrorDetails } from '../errors/TrackerError'
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

/**
 * What a failure stands for: a TrackerError (a refusal with its own code and message) as it is,
 * anything else (what a store or a context threw) as a new one with this code and message.
 */
export const asTrackerError = (
  cause: unknown,
  code: TrackerError['code'],
  message: string,
  details?: TrackerErrorDetails,
): TrackerError => (cause instanceof TrackerError ? cause : new TrackerError(code, message, { ...details, cause }))

/** The time `now` tells, or `Date.now()` when it throws or answers no finite number. */
export const timeFrom = (now: () => unknown): number => {
  const value = callSafely(now)
  // Number.isFinite is false for anything but a finite number.
  return Number.isFinite(value) ? (value as number) : Date.now()
}
