import type { Clock } from './types'

/**
 * The real clock: `Date.now` (wall time), `performance.now` (monotonic: browsers and Node 16+ have
 * it) and `setTimeout`, with a sleep that an `AbortSignal` cuts short.
 *
 * @example
 * await defaultClock.sleep(500)
 */
export const defaultClock: Clock = {
  now: () => Date.now(),
  monotonicNow: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms)
      // Aborted: resolve now and clear the timer, which would keep a Node process alive.
      const stop = () => {
        clearTimeout(timer)
        resolve()
      }
      if (signal?.aborted) stop()
      else signal?.addEventListener('abort', stop)
    }),
}
