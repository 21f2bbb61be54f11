import { TrackerError } from '../errors/TrackerError'
import { parseRetryAfter } from './retryAfter'
import type { RetryOptions, TransportOutcome } from './types'

/** The retry settings with every default filled in. */
export type ResolvedRetryOptions = Required<RetryOptions>

/** Defaults of {@link RetryOptions}: reported after five attempts, 0.5 s doubling back-off, at most 30 s apart. */
export const defaultRetryOptions: ResolvedRetryOptions = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 }

/**
 * The least wait after a 429 whose `Retry-After` cannot be read: a browser reads it from another
 * origin only when the endpoint exposes it (`Access-Control-Expose-Headers`), and the back-off alone
 * would come back within milliseconds to an endpoint that asked for calm.
 */
export const tooManyRequestsFloorMs = 5_000

/** What to do after one attempt: done, try again after a delay, or fail for good with an error. */
export type RetryDecision =
  | { type: 'success' }
  | { type: 'retry'; delayMs: number; error: TrackerError }
  | { type: 'fail'; error: TrackerError }

/** What {@link decideRetry} needs besides the outcome. */
export interface RetryContext {
  /** Failed attempts in a row so far, this one included (1 after the first): the back-off's exponent. */
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
  return Math.floor((Number.isFinite(r) ? Math.min(Math.max(r, 0), 1) : 0) * ceiling)
}

/**
 * The error an attempt's outcome stands for (its message names the request), or `undefined` for a
 * success: any 2xx and a browser hand-off.
 */
export function outcomeError(
  outcome: TransportOutcome,
  url: string,
  timeoutMs: number,
  eventName?: string,
): TrackerError | undefined {
  const { type } = outcome
  const status = type === 'response' ? outcome.status : undefined
  // `undefined >= 200` is false: only a response can be a 2xx.
  if (type === 'handed_off' || (status! >= 200 && status! < 300)) return undefined
  // Anything else a transport answers counts as a network error.
  const [code, what]: [TrackerError['code'], string] =
    status !== undefined
      ? ['http_error', `failed with status code ${status}`]
      : type === 'timeout'
        ? ['timeout', `timed out after ${timeoutMs} ms`]
        : ['network_error', 'failed (network error)']
  const { cause } = outcome as { cause?: unknown }
  return new TrackerError(code, `Request ${what}: POST ${url}`, { cause, status, eventName })
}

/** Whether a failed outcome is worth another try: network errors, timeouts, 408, 429 and 5xx. */
export function isRetryableOutcome(outcome: TransportOutcome): boolean {
  return outcome.type !== 'response' || isRetryableStatus(outcome.status)
}

/**
 * The wait before the next try after a failure worth retrying: the server's `Retry-After` (only a
 * response carries one) or else the back-off, at least {@link tooManyRequestsFloorMs} after a 429
 * whose `Retry-After` is unreadable, never more than `maxDelayMs`.
 */
export function retryDelay(
  outcome: TransportOutcome,
  attempt: number,
  retry: ResolvedRetryOptions,
  random: () => number,
  now: number,
): number {
  const serverDelay = parseRetryAfter((outcome as { retryAfter?: string | null }).retryAfter, now)
  const tooManyRequests = outcome.type === 'response' && outcome.status === 429
  const floor = tooManyRequests && serverDelay === undefined ? tooManyRequestsFloorMs : 0
  return Math.min(Math.max(serverDelay ?? backoffDelay(attempt, retry, random), floor), retry.maxDelayMs)
}

/**
 * Decides what follows one attempt: any 2xx and a browser hand-off are a success; network errors,
 * timeouts, 408, 429 and 5xx are tried again after a back-off (or the server's `Retry-After`, capped
 * by `maxDelayMs`), however many attempts came before (only age ends an event, which the engine
 * checks); anything else fails with its error. The engine applies the same parts
 * ({@link outcomeError}, {@link isRetryableOutcome}, {@link retryDelay}).
 *
 * @example
 * decideRetry({ type: 'response', status: 503, retryAfter: '2' }, { attempt: 1, ... }) // { type: 'retry', delayMs: 2000, ... }
 */
export function decideRetry(outcome: TransportOutcome, context: RetryContext): RetryDecision {
  const { attempt, retry } = context
  const error = outcomeError(outcome, context.url, context.timeoutMs, context.eventName)
  if (error === undefined) return { type: 'success' }
  return isRetryableOutcome(outcome)
    ? { type: 'retry', delayMs: retryDelay(outcome, attempt, retry, context.random, context.now), error }
    : { type: 'fail', error }
}
