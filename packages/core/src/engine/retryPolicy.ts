import { TrackerError } from '../errors/TrackerError'
import { parseRetryAfter } from './retryAfter'
import type { RetryOptions, TransportOutcome } from './types'

/** The retry settings with every default filled in. */
export type ResolvedRetryOptions = Required<RetryOptions>

/** Defaults of {@link RetryOptions}: five attempts, 0.5 s doubling back-off, at most 30 s apart. */
export const defaultRetryOptions: ResolvedRetryOptions = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 }

/** What to do after one attempt: done, try again after a delay, or give up with an error. */
export type RetryDecision =
  | { type: 'success' }
  | { type: 'retry'; delayMs: number; error: TrackerError }
  | { type: 'fail'; error: TrackerError }

/** What {@link decideRetry} needs besides the outcome. */
export interface RetryContext {
  /** Attempts made so far, this one included (1 after the first). */
  attempt: number
  retry: ResolvedRetryOptions
  /** Where the request went, for error messages. */
  url: string
  /** The per-attempt limit, for the timeout message. */
  timeoutMs: number
  /** Uniform in [0, 1): the jitter source. */
  random: () => number
  /** ms since epoch, to read an HTTP-date `Retry-After`. */
  now: number
  eventName?: string
}

/** Fills in the defaults of {@link RetryOptions}. */
export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  return {
    attempts: options.attempts ?? defaultRetryOptions.attempts,
    baseDelayMs: options.baseDelayMs ?? defaultRetryOptions.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? defaultRetryOptions.maxDelayMs,
  }
}

/** Statuses worth another try: the server was busy, broken or too slow, not the request. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

/**
 * Back-off before the next attempt: "full jitter", uniform in [0, min(max, base * 2^(attempt-1))),
 * so that many clients failing together do not come back together.
 */
export function backoffDelay(attempt: number, retry: ResolvedRetryOptions, random: () => number): number {
  const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.max(0, attempt - 1))
  const r = random()
  const unit = Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0
  return Math.floor(unit * ceiling)
}

/** The error an attempt's outcome stands for, or `undefined` for a success. */
export function outcomeError(outcome: TransportOutcome, context: RetryContext): TrackerError | undefined {
  const where = `POST ${context.url}`
  const { eventName } = context
  if (outcome.type === 'handed_off') return undefined
  if (outcome.type === 'response') {
    const { status } = outcome
    if (status >= 200 && status < 300) return undefined
    return new TrackerError('http_error', `Request failed with status code ${status}: ${where}`, { status, eventName })
  }
  // Anything else a transport answers counts as a network error.
  return outcome.type === 'timeout'
    ? new TrackerError('timeout', `Request timed out after ${context.timeoutMs} ms: ${where}`, {
        cause: outcome.cause,
        eventName,
      })
    : new TrackerError('network_error', `Request failed before a response (network error): ${where}`, {
        cause: (outcome as { cause?: unknown }).cause,
        eventName,
      })
}

/**
 * Decides what follows one attempt: any 2xx and a browser hand-off are a success; network errors,
 * timeouts, 408, 429 and 5xx are tried again after a back-off (or the server's `Retry-After`, capped
 * by `maxDelayMs`) while attempts remain; anything else, or the last attempt, fails with its error.
 *
 * @example
 * decideRetry({ type: 'response', status: 503, retryAfter: '2' }, { attempt: 1, ... }) // { type: 'retry', delayMs: 2000, ... }
 */
export function decideRetry(outcome: TransportOutcome, context: RetryContext): RetryDecision {
  const error = outcomeError(outcome, context)
  if (error === undefined) return { type: 'success' }
  const retryable = outcome.type === 'response' ? isRetryableStatus(outcome.status) : true
  if (!retryable || context.attempt >= context.retry.attempts) return { type: 'fail', error }
  const serverDelay = outcome.type === 'response' ? parseRetryAfter(outcome.retryAfter, context.now) : undefined
  const delayMs =
    serverDelay === undefined
      ? backoffDelay(context.attempt, context.retry, context.random)
      : Math.min(serverDelay, context.retry.maxDelayMs)
  return { type: 'retry', delayMs, error }
}
