// How fast the engine sends while the endpoint fails: one probe at a time with a growing pause
// between probes, and full concurrency again from its first answer.
import { type ResolvedRetryOptions, retryDelay } from './retryPolicy'
import type { TransportOutcome } from './types'

/** Options of {@link createOutagePacing}. */
export interface OutagePacingOptions {
  /** A monotonic clock in ms. */
  now: () => number
  /** Wall time in ms since epoch, to read an HTTP-date `Retry-After`. */
  wallNow: () => number
  retry: ResolvedRetryOptions
  random: () => number
}

/** The endpoint-wide pace the engine keeps while attempts fail. */
export interface OutagePacing {
  /** How long no new attempt may start (0: one may start now). */
  waitMs(): number
  /** How many attempts may be in flight: all of `concurrency`, or one (a probe) while the endpoint fails. */
  limit(concurrency: number): number
  /** Records a failure worth retrying of an attempt started at `startedAt` (monotonic). */
  failed(outcome: TransportOutcome, startedAt: number): void
  /**
   * Records an answer the endpoint gave on purpose (a 2xx, a refusal). Answers the monotonic time at
   * which the outage it ended began, when it was one (two failures in a row or more): the events
   * that failed since then failed because of the endpoint, and are sent again at once.
   */
  answered(): number | undefined
  /** Sends again at once (the page came back, the device is online); the next attempt is still a probe. */
  resume(): void
}

/**
 * Paces attempts across events while the endpoint fails. Without it every queued event kept its own
 * back-off timer: during an outage each of them hammered the endpoint on its own schedule (10,000
 * events made about 2,000 failing requests a second), and after the outage each waited out its own
 * back-off, up to `maxDelayMs`, before it was tried again. With it a failure pauses new attempts for
 * the back-off of the failure streak (the server's `Retry-After` when it gave one), then one attempt
 * at a time probes the endpoint; its first answer ends the streak and the queue drains at full
 * concurrency. Attempts already in flight when the streak began count as one failure, not many.
 *
 * @example
 * const pacing = createOutagePacing({ now: () => performance.now(), wallNow: Date.now, retry, random: Math.random })
 * pacing.failed({ type: 'response', status: 503 }, startedAt) // waitMs() > 0, limit(8) === 1
 */
export function createOutagePacing({ now, wallNow, retry, random }: OutagePacingOptions): OutagePacing {
  /** Failures in a row, counting those of attempts already in flight at the previous failure as one. */
  let streak = 0
  /** When the streak began and when its last failure came (monotonic). */
  let since = 0
  let lastFailure = Number.NEGATIVE_INFINITY
  /** No new attempt before this (monotonic). */
  let pausedUntil = 0
  return {
    waitMs: () => Math.max(0, pausedUntil - now()),
    limit: (concurrency) => (streak > 0 ? 1 : concurrency),
    failed(outcome, startedAt) {
      const time = now()
      if (streak === 0) since = time
      // An attempt started before the last failure says nothing new: the endpoint was failing then.
      if (streak === 0 || startedAt >= lastFailure) streak++
      lastFailure = time
      pausedUntil = Math.max(pausedUntil, time + retryDelay(outcome, streak, retry, random, wallNow()))
    },
    answered() {
      const outageSince = streak >= 2 ? since : undefined
      streak = 0
      pausedUntil = 0
      return outageSince
    },
    resume() {
      pausedUntil = 0
    },
  }
}
