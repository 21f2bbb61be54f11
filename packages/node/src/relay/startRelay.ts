import type { TrackerError } from '@es-tracker/core'
import { createOutagePacing, createTrackerEngine, resolveEndpoint } from '@es-tracker/core/internal'
import { basicAuthHeader } from '../basicAuthHeader'
import { createPostgresStore } from '../postgres/createPostgresStore'
import { nodeDefaults } from '../resolveNodeOptions'
import { pollStore } from '../stores/pollStore'
import { createHttpTransport } from '../transport/createHttpTransport'
import type { RelayOptions } from './relayOptions'

/** A running relay. */
export interface Relay {
  /** The URL events go to. */
  url: string
  /** Stops taking rows, delivers what is in flight within `closeTimeoutMs`, then lets go of the rest. */
  close(): Promise<void>
}

/**
 * Delivers what a Postgres store's table holds: the node tracker's engine on the store, with nothing
 * enqueued here; it only takes over rows (written by request handlers, or left by dead instances).
 */
export function startRelay(options: RelayOptions, onError: (error: TrackerError) => void): Relay {
  const endpoint = resolveEndpoint(options.endpoint)
  if (!endpoint.ok) throw endpoint.error
  const store = createPostgresStore({
    connectionString: options.connectionString,
    ...(options.table === undefined ? {} : { table: options.table }),
    ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    onError,
  })
  const engine = createTrackerEngine({
    url: endpoint.url,
    headers: options.apiKey ? { Authorization: basicAuthHeader(options.apiKey) } : {},
    // The node tracker's default: node:http with keep-alive agents.
    transport: createHttpTransport(),
    store,
    concurrency: options.concurrency ?? nodeDefaults.concurrency,
    maxQueue: nodeDefaults.maxQueue,
    maxAgeMs: nodeDefaults.maxAgeMs,
    outagePacing: createOutagePacing,
    onError,
  })
  const stopPolling = pollStore(engine, store)
  // The poll timer does not keep a process alive (a server's tracker must not); a relay must stay up.
  const keepAlive = setInterval(() => {}, 1 << 30)
  let closing: Promise<void> | undefined
  return {
    url: endpoint.url,
    close: () =>
      (closing ??= (async () => {
        stopPolling()
        await engine.close(options.closeTimeoutMs)
        await store.close?.()
        clearInterval(keepAlive)
      })()),
  }
}
