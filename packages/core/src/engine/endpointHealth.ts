// Whether the endpoint is failing: decides what an attempt whose answer the page never sees stands for.
import { callSafely } from './hostCalls'

/** Options of {@link createEndpointHealth}. */
export interface EndpointHealthOptions {
  /** A monotonic clock in ms (it never jumps). */
  now: () => number
  /** How long after a retryable failure the endpoint still counts as failing. */
  windowMs: number
  /** An earlier page found it failing (and no 2xx has come since): count that as a failure now. */
  failingAtStart?: boolean
  /** Told when the view changes: `true` at the first failure, `false` at a 2xx once the window has passed. */
  onChange?: (failing: boolean) => void
}

/** What the engine knows of the endpoint from the answers it saw. */
export interface EndpointHealth {
  /** A retryable failure came within the window (or an earlier page saw one and the window has not passed). */
  failing(): boolean
  /** The last answer was a retryable failure (or, before any answer, an earlier page found the endpoint failing). */
  lastAnswerFailed(): boolean
  /** Records one answer: `true` for a 2xx (or another answer the endpoint gave on purpose), `false` for a retryable failure. */
  record(answered: boolean): void
}

/**
 * Tracks the endpoint's failure streak. For sending a last attempt one 2xx does not end it (under
 * random faults the next answer may fail again): the endpoint counts as failing until `windowMs` has
 * passed without failure. A request already in flight is judged by the last answer alone.
 *
 * @example
 * const health = createEndpointHealth({ now: () => performance.now(), windowMs: 30_000 })
 * health.record(false) // failing() is true for the next 30 s
 */
export function createEndpointHealth({
  now,
  windowMs,
  failingAtStart,
  onChange,
}: EndpointHealthOptions): EndpointHealth {
  let lastFailure = failingAtStart ? now() : Number.NEGATIVE_INFINITY
  let lastAnswerFailed = !!failingAtStart
  // What `onChange` was last told (an earlier page's flag counts as told).
  let told = !!failingAtStart
  const tell = (failing: boolean) => {
    if (told === failing) return
    told = failing
    callSafely(() => onChange?.(failing))
  }
  const failing = () => now() - lastFailure < windowMs
  return {
    failing,
    lastAnswerFailed: () => lastAnswerFailed,
    record(answered) {
      lastAnswerFailed = !answered
      if (!answered) lastFailure = now()
      tell(failing())
    },
  }
}
