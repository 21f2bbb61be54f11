import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  backoffDelay,
  decideRetry,
  defaultRetryOptions,
  type RetryContext,
  tooManyRequestsFloorMs,
} from './retryPolicy'
import type { TransportOutcome } from './types'

const now = Date.UTC(2025, 0, 1, 12, 0, 0)
const url = 'https://tracker.esputnik.com/api/v2'

function context(overrides: Partial<RetryContext> = {}): RetryContext {
  return { attempt: 1, retry: defaultRetryOptions, url, timeoutMs: 10_000, random: () => 0.5, now, ...overrides }
}

describe('decideRetry', () => {
  it('should succeed when the status is any 2xx', () => {
    for (const status of [200, 201, 202, 204, 299]) {
      expect(decideRetry({ type: 'response', status }, context())).toEqual({ type: 'success' })
    }
  })

  it('should succeed when the browser took the request over', () => {
    expect(decideRetry({ type: 'handed_off' }, context())).toEqual({ type: 'success' })
  })

  it('should retry when the outcome is a network error, a timeout, 408, 429 or 5xx', () => {
    const outcomes: TransportOutcome[] = [
      { type: 'network_error', cause: new Error('reset') },
      { type: 'timeout' },
      ...[408, 429, 500, 502, 503, 504, 599].map((status) => ({ type: 'response' as const, status })),
    ]
    for (const outcome of outcomes) expect(decideRetry(outcome, context()).type).toBe('retry')
  })

  it('should fail at once with http_error when the status is another 4xx', () => {
    for (const status of [400, 401, 403, 404, 413, 422]) {
      const decision = decideRetry({ type: 'response', status }, context({ eventName: 'StatusCart' }))
      expect(decision.type).toBe('fail')
      if (decision.type !== 'fail') return
      expect(decision.error.code).toBe('http_error')
      expect(decision.error.status).toBe(status)
      expect(decision.error.eventName).toBe('StatusCart')
      expect(decision.error.message).toBe(`Request failed with status code ${status}: POST ${url}`)
    }
  })

  it('should retry with a back-off capped at maxDelayMs however many attempts came before', () => {
    const late = context({ attempt: 500, random: () => 0.999 })
    for (const outcome of [
      { type: 'network_error' },
      { type: 'timeout' },
      { type: 'response', status: 503 },
    ] as TransportOutcome[]) {
      const decision = decideRetry(outcome, late)
      expect(decision.type).toBe('retry')
      expect(decision.type === 'retry' && decision.delayMs).toBe(29_970)
    }
    const timeout = decideRetry({ type: 'timeout' }, late)
    expect(timeout.type === 'retry' && timeout.error.message).toBe(`Request timed out after 10000 ms: POST ${url}`)
  })

  it('should wait at least 5 s after a 429 whose Retry-After cannot be read', () => {
    for (const retryAfter of [null, undefined, 'soon']) {
      const decision = decideRetry({ type: 'response', status: 429, retryAfter }, context({ random: () => 0.01 }))
      expect(decision).toMatchObject({ type: 'retry', delayMs: tooManyRequestsFloorMs })
    }
    // A readable one is honoured, even a short one; a 503 has no floor; maxDelayMs caps the floor too.
    expect(decideRetry({ type: 'response', status: 429, retryAfter: '1' }, context())).toMatchObject({ delayMs: 1000 })
    expect(decideRetry({ type: 'response', status: 503 }, context({ random: () => 0.01 }))).toMatchObject({
      delayMs: 5,
    })
    const retry = { ...defaultRetryOptions, maxDelayMs: 200 }
    expect(decideRetry({ type: 'response', status: 429 }, context({ retry }))).toMatchObject({ delayMs: 200 })
  })

  it('should wait the Retry-After seconds when the server sends them', () => {
    const decision = decideRetry({ type: 'response', status: 429, retryAfter: '3' }, context())
    expect(decision).toMatchObject({ type: 'retry', delayMs: 3000 })
  })

  it('should wait until the Retry-After date when the server sends one', () => {
    const decision = decideRetry(
      { type: 'response', status: 503, retryAfter: 'Wed, 01 Jan 2025 12:00:07 GMT' },
      context(),
    )
    expect(decision).toMatchObject({ type: 'retry', delayMs: 7000 })
  })

  it('should cap Retry-After at maxDelayMs when the server asks for longer', () => {
    const retry = { ...defaultRetryOptions, maxDelayMs: 50 }
    const decision = decideRetry({ type: 'response', status: 503, retryAfter: '3600' }, context({ retry }))
    expect(decision).toMatchObject({ type: 'retry', delayMs: 50 })
  })

  it('should fall back to the back-off when Retry-After is unreadable', () => {
    const decision = decideRetry({ type: 'response', status: 503, retryAfter: 'later' }, context({ random: () => 0.5 }))
    expect(decision).toMatchObject({ type: 'retry', delayMs: 250 })
  })
})

describe('backoffDelay', () => {
  it('should double the ceiling with each attempt when jitter is at its top', () => {
    const retry = { attempts: 10, baseDelayMs: 100, maxDelayMs: 100_000 }
    const almostOne = () => 0.999999
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, retry, almostOne))).toEqual([99, 199, 399, 799])
  })

  it('should stay within [0, min(max, base * 2^(n-1))) when random is anywhere in [0, 1)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 60_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseDelayMs, maxDelayMs, r) => {
          const delay = backoffDelay(attempt, { attempts: 50, baseDelayMs, maxDelayMs }, () => r)
          const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1))
          return Number.isInteger(delay) && delay >= 0 && delay <= ceiling && (ceiling === 0 || delay < ceiling)
        },
      ),
    )
  })

  it('should stay in bounds when the injected random misbehaves', () => {
    const retry = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 }
    expect(backoffDelay(1, retry, () => Number.NaN)).toBe(0)
    expect(backoffDelay(1, retry, () => 7)).toBe(100)
    expect(backoffDelay(1, retry, () => -3)).toBe(0)
  })
})
