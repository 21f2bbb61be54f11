import { maxTimerMs } from '../options/checkTrackerOptions'
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
      let timer: ReturnType<typeof setTimeout> | undefined
      // setTimeout fires at once past 2^31 - 1 ms (close(Infinity) gave up at once): a longer sleep
      // waits in steps, and an endless one only for its signal.
      const wait = (left: number) => {
        if (left === Number.POSITIVE_INFINITY) return
        timer = setTimeout(() => (left > maxTimerMs ? wait(left - maxTimerMs) : resolve()), Math.min(left, maxTimerMs))
      }
      wait(ms)
      // Aborted: resolve now and clear the timer, which would keep a Node process alive.
      const stop = () => {
        clearTimeout(timer)
        resolve()
      }
      if (signal?.aborted) stop()
      else signal?.addEventListener('abort', stop)
    }),
}
