import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startCollector } from './startCollector'
import type { Collector } from './types'

const body = readFileSync(new URL('../test/examples/status-cart.json', import.meta.url), 'utf8')

let collector: Collector
const post = () => fetch(collector.endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
const setFaults = (config: object) =>
  fetch(`${collector.url}/_faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(config),
  })

beforeEach(async () => {
  collector = await startCollector({ port: 0 })
})
afterEach(async () => {
  await collector.close()
})

describe('startCollector fault injection', () => {
  it('should fail the next N requests with the status and Retry-After when set over HTTP', async () => {
    expect((await setFaults({ failNext: 2, status: 429, retryAfter: '1' })).status).toBe(200)
    const first = await post()
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '1'])
    // Exposed to pages on other origins, which cannot read it otherwise.
    expect(first.headers.get('access-control-expose-headers')).toBe('Retry-After')
    expect((await post()).status).toBe(429)
    expect((await post()).status).toBe(204)
    expect(collector.events()).toHaveLength(1)
    expect(collector.events({ includeFailed: true }).map((event) => event.failedByFault ?? false)).toEqual([
      true,
      true,
      false,
    ])
  })

  it('should answer 503 by default when only failNext is given', async () => {
    collector.faults.set({ failNext: 1 })
    expect((await post()).status).toBe(503)
  })

  it('should drop the connection without an answer when reset is set', async () => {
    collector.faults.set({ failNext: 1, reset: true })
    await expect(post()).rejects.toThrow()
    expect((await post()).status).toBe(204)
    expect(collector.events()).toHaveLength(1)
  })

  it('should delay the answer by at least latencyMs when latency is set', async () => {
    collector.faults.set({ latencyMs: 150 })
    const started = performance.now()
    expect((await post()).status).toBe(204)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('should list exactly the accepted requests when failing at random', async () => {
    collector.faults.set({ failRate: 0.5, seed: 7 })
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () =>
        post().then(
          (response) => response.status,
          () => 'reset' as const,
        ),
      ),
    )
    const accepted = outcomes.filter((outcome) => outcome === 204).length
    expect(accepted).toBeGreaterThan(0)
    expect(accepted).toBeLessThan(40)
    expect(collector.events()).toHaveLength(accepted)
    expect(collector.faults.state().failed).toBe(40 - accepted)
  })

  it('should stop failing when cleared over HTTP', async () => {
    await setFaults({ failNext: 5 })
    expect((await fetch(`${collector.url}/_faults`, { method: 'DELETE' })).status).toBe(204)
    expect((await post()).status).toBe(204)
  })

  it('should answer 400 naming the field when the fault config is bad', async () => {
    const response = await setFaults({ failRate: 3 })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(/failRate/)
  })
})
