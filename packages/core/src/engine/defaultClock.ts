import type { Clock } from './types'

/**
 * The real clock: `Date.now` and `setTimeout`, with a sleep that an `AbortSignal` cuts short.
 *
 * @example
 * await defaultClock.sleep(500)
 */
export const defaultClock: Clock = {
  now: () => Date.now(),
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve()
      const onAbort = () => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  },
}
