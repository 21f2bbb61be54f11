// Hostile world, node side: a collector that fails a fifth of the requests at random (5xx, 429,
// 408 and connection resets, with latency; seeded) while 2,000 events go through. Every event must
// arrive, and none twice.
import type { CollectedEvent, Collector } from '@es-tracker/collector'
import { startCollector } from '@es-tracker/collector'
import { createNodeTracker, newCartGuid, type TrackerError } from '@es-tracker/node'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const EVENTS = 2_000
const sc = 'CDA68358-94FB-4D83-9655-3FEB3C4114A3'

/** The fault phases: each takes a quarter of the events; failures pick a status or a reset at random. */
const phases = [
  { failRate: 0.2, status: 503, latencyMs: 2, seed: 11 },
  { failRate: 0.2, status: 500, retryAfter: '0', latencyMs: 1, seed: 12 },
  { failRate: 0.2, status: 429, retryAfter: '0', seed: 13 },
  { failRate: 0.2, status: 408, latencyMs: 3, seed: 14 },
]

/** The unique id an event carries, wherever its kind keeps it. */
function idOf(event: CollectedEvent): string | undefined {
  const payload = event.payload as Record<string, Record<string, unknown>>
  switch (event.eventName) {
    case 'PurchasedItems':
      return payload.PurchasedItems?.OrderNumber as string
    case 'CustomEvent':
      return (payload.CustomEvent?.Tags as { id?: string[] } | undefined)?.id?.[0]
    case 'SearchRequest':
      return payload.SearchRequest?.search as string
    case 'CategoryPage':
      return (payload.CategoryPage?.Category as { categoryKey?: string } | undefined)?.categoryKey
    default:
      return undefined
  }
}

let collector: Collector
beforeEach(async () => {
  collector = await startCollector({ port: 0, maxEvents: 20_000 })
})
afterEach(async () => {
  await collector.close()
})

describe('createNodeTracker (hostile network)', () => {
  it('should deliver 2,000 events exactly once when a fifth of the requests fail at random', async () => {
    const errors: TrackerError[] = []
    const tracker = createNodeTracker({
      siteId: 'FAULTS1',
      endpoint: collector.endpoint,
      concurrency: 8,
      timeout: 5_000,
      // 0.2^12: the odds of one event failing every attempt are about 4 in a billion.
      retry: { attempts: 12, baseDelayMs: 5, maxDelayMs: 40 },
      onError: (error) => errors.push(error),
    })
    const visitor = tracker.visitor({ sc, user: { email: 'ann@example.com' } })
    const send = (n: number) => {
      const id = `N-${n}`
      switch (n % 4) {
        case 0:
          return visitor.purchasedItems({ orderNumber: id, guid: newCartGuid() })
        case 1:
          return visitor.customEvent({ name: 'fault_run', tags: { id } })
        case 2:
          return visitor.searchRequest({ search: id })
        default:
          return visitor.categoryPage({ categoryKey: id })
      }
    }

    const results = []
    const perPhase = EVENTS / phases.length
    for (const [index, phase] of phases.entries()) {
      collector.faults.set(phase)
      // The next phase begins while this one's retries are still going.
      for (let n = index * perPhase; n < (index + 1) * perPhase; n++) results.push(send(n))
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const settled = await Promise.all(results)
    await tracker.close()
    const injected = collector.faults.state().failed
    collector.faults.clear()

    expect(settled.filter((result) => !result.ok)).toEqual([])
    expect(errors).toEqual([])
    const accepted = collector.events()
    const ids = accepted.map(idOf)
    const counts = new Map<string | undefined, number>()
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1)
    expect([...counts].filter(([, count]) => count > 1)).toEqual([])
    expect(new Set(ids)).toEqual(new Set(Array.from({ length: EVENTS }, (_, n) => `N-${n}`)))
    expect(accepted.every((event) => event.valid)).toBe(true)
    // The faults really happened: about a fifth of some 2,500 requests.
    expect(injected).toBeGreaterThan(EVENTS * 0.15)
    expect(collector.events({ includeFailed: true }).length).toBe(EVENTS + injected)
  }, 90_000)
})
