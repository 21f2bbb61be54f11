import { describe, expect, it } from 'vitest'
import { createOutagePacing } from './outagePacing'
import { resolveRetryOptions } from './retryPolicy'
import type { TransportOutcome } from './types'

const unavailable: TransportOutcome = { type: 'response', status: 503 }

function setup() {
  let time = 1_000
  const pacing = createOutagePacing({
    now: () => time,
    wallNow: () => 1_700_000_000_000 + time,
    retry: resolveRetryOptions(),
    random: () => 0.5,
  })
  return { pacing, advance: (ms: number) => (time += ms), now: () => time }
}

describe('createOutagePacing', () => {
  it('should let every slot go while the endpoint answers', () => {
    const { pacing } = setup()
    expect(pacing.waitMs()).toBe(0)
    expect(pacing.limit(8)).toBe(8)
    expect(pacing.answered()).toBeUndefined()
  })

  it('should pause for the back-off of the streak, then allow one probe at a time, when attempts fail', () => {
    const { pacing, advance, now } = setup()
    pacing.failed(unavailable, now())
    // Full jitter 0.5 of 500 ms.
    expect(pacing.waitMs()).toBe(250)
    expect(pacing.limit(8)).toBe(1)
    advance(250)
    expect(pacing.waitMs()).toBe(0)
    pacing.failed(unavailable, now())
    expect(pacing.waitMs()).toBe(500)
  })

  it('should count the attempts already in flight at a failure as that one failure', () => {
    const { pacing, advance, now } = setup()
    const startedTogether = now()
    advance(10)
    for (let i = 0; i < 8; i++) pacing.failed(unavailable, startedTogether)
    // Still the first pause (250 ms from the first failure), not the eighth (0.5 of 30 s).
    expect(pacing.waitMs()).toBe(250)
  })

  it("should wait the server's Retry-After when it gives one", () => {
    const { pacing, now } = setup()
    pacing.failed({ type: 'response', status: 503, retryAfter: '7' }, now())
    expect(pacing.waitMs()).toBe(7_000)
  })

  it('should end the pause at an answer and tell when an outage of two failures or more began', () => {
    const { pacing, advance, now } = setup()
    pacing.failed(unavailable, now())
    expect(pacing.answered()).toBeUndefined()
    expect(pacing.limit(8)).toBe(8)
    const began = now()
    pacing.failed(unavailable, now())
    advance(300)
    pacing.failed(unavailable, now())
    expect(pacing.answered()).toBe(began)
    expect(pacing.waitMs()).toBe(0)
    expect(pacing.limit(8)).toBe(8)
  })

  it('should end the pause but keep probing one at a time when resumed', () => {
    const { pacing, now } = setup()
    pacing.failed(unavailable, now())
    pacing.resume()
    expect(pacing.waitMs()).toBe(0)
    expect(pacing.limit(8)).toBe(1)
  })
})
