// Whether the endpoint is failing: decides whether a page being left sends its last attempts, and
// what an attempt whose answer the page never sees stands for.
import { callSafely } from './hostCalls'
import type { SharedEndpointHealth } from './types'

/** Options of {@link createEndpointHealth}. */
export interface EndpointHealthOptions {
  /** A monotonic clock in ms (it never jumps). */
  now: () => number
  /** How long after a retryable failure the endpoint still counts as failing. */
  windowMs: number
  /** The failures other pages of the site saw (see {@link SharedEndpointHealth}). */
  shared?: SharedEndpointHealth | undefined
}

/** What the engine knows of the endpoint from the answers it and the site's other pages saw. */
export interface EndpointHealth {
  /** A retryable failure came within the window, here or (by `shared`) on another page of the site. */
  failing(): boolean
  /** Records one answer: `true` for a 2xx (or another answer the endpoint gave on purpose), `false` for a retryable failure. */
  record(answered: boolean): void
}

/**
 * Tracks the endpoint's failure streak. A 2xx does not end it (under random faults the next answer
 * may fail again): the endpoint counts as failing until `windowMs` has passed without a failure seen
 * by this engine or by another page of the site. A page sees only some of the answers (its tabs
 * share the endpoint): one whose own answers were all 2xx still counts a failure another tab saw.
 *
 * @example
 * const health = createEndpointHealth({ now: () => performance.now(), windowMs: 30_000 })
 * health.record(false) // failing() is true for the next 30 s
 */
export function createEndpointHealth({ now, windowMs, shared }: EndpointHealthOptions): EndpointHealth {
  let lastFailure = Number.NEGATIVE_INFINITY
  return {
    failing: () => now() - lastFailure < windowMs || callSafely(() => shared?.failedWithin(windowMs)) === true,
    record(answered) {
      if (answered) return
      lastFailure = now()
      callSafely(() => shared?.recordFailure())
    },
  }
}
