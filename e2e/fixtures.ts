// The e2e suite's fixtures: a real collector and a static site on two origins, one pair per worker.
// Both come from the BUILT packages (dist/): run `pnpm build` first.
import { fileURLToPath } from 'node:url'
import type { CollectedEvent, FaultConfig } from '@es-tracker/collector'
import { startCollector } from '@es-tracker/collector'
import { test as base, expect } from '@playwright/test'
import { demoConfigScript } from './support/demoConfig.mjs'
import { type StaticServer, startStaticServer } from './support/staticServer.mjs'

export type { CollectedEvent, FaultConfig }

/** Which collected events to list. */
export interface CollectorEventFilter {
  eventName?: string
}

/** The worker's collector, as tests use it. */
export interface CollectorFixture {
  /** Base URL; the live page is at `url + '/'`. */
  url: string
  /** The tracker endpoint (`url + '/api/v2'`). */
  endpoint: string
  /** Accepted events, oldest first (requests failed by fault injection are not listed). */
  events(filter?: CollectorEventFilter): Promise<CollectedEvent[]>
  /** Waits until at least `count` events match, then returns all that match; throws after `timeoutMs`. */
  waitForEvents(count: number, filter?: CollectorEventFilter, timeoutMs?: number): Promise<CollectedEvent[]>
  /** Forgets every event (done before each test). */
  clear(): Promise<void>
  /** Injects faults into `POST /api/v2` (replaces the previous config). */
  faults(config: FaultConfig): Promise<void>
  /** Stops injecting faults (done before each test). */
  clearFaults(): Promise<void>
}

/** The worker's static site, on another origin than the collector. */
export interface SiteFixture {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string
  /** Absolute URL of a path: `e2e/` is served at `/`, `packages/browser/dist/` at `/dist/`. */
  url(path: string): string
  /** Adds response headers to every path starting with `pathPrefix` until the test ends (a CSP, say). */
  setHeaders(pathPrefix: string, headers: Record<string, string>): void
}

const e2eDir = fileURLToPath(new URL('./', import.meta.url))
const browserDist = fileURLToPath(new URL('../packages/browser/dist/', import.meta.url))
const POLL_MS = 25

interface WorkerFixtures {
  collector: CollectorFixture
  site: SiteFixture
  /** The static server behind `site` (private: tests use `site`). */
  siteServer: StaticServer
}

/** Playwright's `test` with the `collector` and `site` fixtures; the collector is cleared before each test. */
export const test = base.extend<{ resetBetweenTests: undefined }, WorkerFixtures>({
  collector: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const collector = await startCollector({ port: 0 })
      const events = async (filter: CollectorEventFilter = {}) => collector.events(filter)
      await use({
        url: collector.url,
        endpoint: collector.endpoint,
        events,
        async waitForEvents(count, filter = {}, timeoutMs = 10_000) {
          const deadline = Date.now() + timeoutMs
          for (;;) {
            const found = await events(filter)
            if (found.length >= count) return found
            if (Date.now() > deadline) {
              const seen = found.map((event) => event.eventName ?? '?').join(', ') || 'none'
              const what = filter.eventName ? ` ${filter.eventName}` : ''
              throw new Error(`waited ${timeoutMs} ms for ${count}${what} event(s), got ${found.length}: ${seen}`)
            }
            await new Promise((resolve) => setTimeout(resolve, POLL_MS))
          }
        },
        clear: async () => collector.clear(),
        faults: async (config) => collector.faults.set(config),
        clearFaults: async () => collector.faults.clear(),
      })
      await collector.close()
    },
    { scope: 'worker' },
  ],
  siteServer: [
    async ({ collector }, use) => {
      const config = (mode: 'direct' | 'ga4') => () =>
        demoConfigScript({ endpoint: collector.endpoint, collectorUrl: collector.url, mode })
      const server = await startStaticServer({
        // The demo shop at /demo/, and in its GA4 mode at /demo/ga4/.
        mounts: [
          { prefix: '/', dir: e2eDir },
          { prefix: '/demo/ga4/', dir: fileURLToPath(new URL('./demo/', import.meta.url)) },
          { prefix: '/dist/', dir: browserDist },
        ],
        routes: {
          '/demo/config.js': config('direct'),
          '/config.js': config('direct'),
          '/demo/ga4/config.js': config('ga4'),
        },
      })
      await use(server)
      await server.close()
    },
    { scope: 'worker' },
  ],
  site: [
    async ({ siteServer }, use) => {
      await use({
        origin: siteServer.origin,
        url: (path) => siteServer.url(path),
        setHeaders: (pathPrefix, headers) => siteServer.setHeaders(pathPrefix, headers),
      })
    },
    { scope: 'worker' },
  ],
  resetBetweenTests: [
    async ({ collector, siteServer }, use) => {
      await collector.clear()
      await collector.clearFaults()
      siteServer.clearHeaders()
      await use(undefined)
      // Faults and headers set by a test (a CSP, say) must not leak into the next one.
      await collector.clearFaults()
      siteServer.clearHeaders()
    },
    { auto: true },
  ],
})

export { expect }
