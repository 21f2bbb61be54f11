// Test double: a clock whose time moves only when a test says so.
import type { Clock } from '../types'

interface Timer {
  at: number
  resolve: () => void
}

/**
 * A {@link Clock} for tests: `advance(ms)` moves both clocks and fires due sleeps in order; `set` and
 * `jump` move the wall clock alone (a user or the OS setting it); `sleeps` records every request.
 */
export interface FakeClock extends Clock {
  monotonicNow(): number
  readonly sleeps: number[]
  /** Sleeps not yet fired nor aborted. */
  pendingTimers(): number
  advance(ms: number): Promise<void>
  /** Sets the wall clock; the monotonic one and the timers do not move. */
  set(time: number): void
  /** Moves the wall clock by `ms` (negative: back); the monotonic one and the timers do not move. */
  jump(ms: number): void
}

/** Lets every queued promise continuation run. */
export async function drainMicrotasks(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve()
}

/** Creates a {@link FakeClock} starting at `start` ms. */
export function createFakeClock(start = 1_700_000_000_000): FakeClock {
  // Timers run on monotonic time, as real ones do; `wall - time` is what the wall clock was moved by.
  let time = 0
  let wallOffset = start
  const timers: Timer[] = []
  const sleeps: number[] = []
  const drop = (timer: Timer) => {
    const index = timers.indexOf(timer)
    if (index >= 0) timers.splice(index, 1)
  }
  return {
    sleeps,
    now: () => time + wallOffset,
    monotonicNow: () => time,
    set(value) {
      wallOffset = value - time
    },
    jump(ms) {
      wallOffset += ms
    },
    sleep(ms, signal) {
      sleeps.push(ms)
      return new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve()
        const timer: Timer = { at: time + ms, resolve }
        timers.push(timer)
        signal?.addEventListener('abort', () => {
          drop(timer)
          resolve()
        })
      })
    },
    pendingTimers: () => timers.length,
    async advance(ms) {
      const target = time + ms
      await drainMicrotasks()
      for (;;) {
        const due = timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0]
        if (due === undefined) break
        time = due.at
        drop(due)
        due.resolve()
        await drainMicrotasks()
      }
      time = target
      await drainMicrotasks()
    },
  }
}
