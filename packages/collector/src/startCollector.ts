import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import { validatePayload } from '@es-tracker/core'
import { createEventStore } from './eventStore'
import { createFaultInjector } from './faultInjector'
import { OwnHosts } from './http/ownOrigin'
import { jsonLinesWriter } from './jsonLinesFile'
import { createRouter } from './router'
import type { Collector, CollectorOptions } from './types'

/** The host to put in URLs: a wildcard address is reached through loopback. */
function displayHost(address: AddressInfo): string {
  if (address.address === '0.0.0.0') return '127.0.0.1'
  if (address.address === '::') return '[::1]'
  return address.family === 'IPv6' ? `[${address.address}]` : address.address
}

/** The default port of the collector (and of its CLI). */
export const DEFAULT_COLLECTOR_PORT = 4700

/**
 * Starts a local tracker endpoint that validates every event with core, keeps it, and shows it on a
 * live page; resolves once it listens.
 *
 * @example
 * const collector = await startCollector({ port: 0 })
 * const tracker = createNodeTracker({ siteId: 'DEMO123', endpoint: collector.endpoint })
 * // ... collector.events({ eventName: 'PurchasedItems' })
 * await collector.close()
 */
export async function startCollector(options: CollectorOptions = {}): Promise<Collector> {
  const { port = DEFAULT_COLLECTOR_PORT, host = '127.0.0.1', maxEvents = 10_000, maxBodyBytes = 1024 * 1024 } = options
  const { maxStoredBytes = 64 * 1024 * 1024, allowedHosts = [] } = options
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new TypeError(`maxBodyBytes must be a positive integer, got ${String(maxBodyBytes)}`)
  }
  const store = createEventStore(maxEvents, maxStoredBytes)
  // Filled in once the port is known.
  const ownHosts = new OwnHosts()
  const faults = createFaultInjector()
  if (options.faults) faults.set(options.faults)
  const onRecorded = options.out === undefined ? undefined : jsonLinesWriter(options.out)
  const router = createRouter({
    store,
    faults,
    validate: validatePayload,
    maxBodyBytes,
    ownHosts,
    ...(onRecorded ? { onRecorded } : {}),
  })
  const server = createServer(router)
  // Trackers keep connections alive; a short idle timeout keeps `close()` prompt anyway.
  server.keepAliveTimeout = 5_000
  // Slow clients (slowloris) hold a socket for this long at most: headers, then the whole request.
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const shownHost = displayHost(address)
  const url = `http://${shownHost}:${address.port}`
  for (const name of ['127.0.0.1', 'localhost', '[::1]', shownHost, host, ...allowedHosts]) {
    ownHosts.add(name, address.port)
  }
  // Listening on every interface: the machine's own addresses are its own too (a phone on the LAN).
  if (address.address === '0.0.0.0' || address.address === '::') {
    for (const entry of Object.values(networkInterfaces()).flat()) if (entry) ownHosts.add(entry.address, address.port)
  }

  let closing: Promise<void> | undefined
  return {
    url,
    endpoint: `${url}/api/v2`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        // Live pages hold their event stream open; drop every connection so close() resolves now.
        server.closeAllConnections()
      })
      return closing
    },
    events: (filter) => store.list(filter),
    clear: () => store.clear(),
    stats: () => store.stats(),
    faults: { set: (config) => faults.set(config), clear: () => faults.clear(), state: () => faults.state() },
  }
}
