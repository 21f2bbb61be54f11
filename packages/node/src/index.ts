/**
 * `@es-tracker/node`: the server-side tracker ({@link createNodeTracker}), its durable file store, its
 * transports and the first-party endpoint that forwards a site's own tracking requests.
 *
 * @module @es-tracker/node
 */
export type {
  SendOptions,
  SendResult,
  TrackerErrorCode,
  TrackerMethods,
  Transport,
  TransportOutcome,
  TransportRequest,
} from '@es-tracker/core'
export { TrackerError } from '@es-tracker/core'
export type { QueueEntry, QueueStore, QueueStoreAddOptions } from '@es-tracker/core/internal'
export { newCartGuid } from '@es-tracker/core/internal'
export { createNodeTracker } from './createNodeTracker'
export { createFirstPartyEndpoint } from './firstParty/createFirstPartyEndpoint'
export type { FirstPartyEndpoint, FirstPartyEndpointOptions, NodeRequest } from './firstParty/types'
export { scFromCookieHeader } from './scFromCookieHeader'
export type { FileStoreOptions } from './stores/createFileStore'
export { createFileStore } from './stores/createFileStore'
export type { NodeTransportOptions } from './transport/createFetchTransport'
export { createFetchTransport } from './transport/createFetchTransport'
export type { HttpTransportOptions } from './transport/createHttpTransport'
export { createHttpTransport } from './transport/createHttpTransport'
export type { KyTransportOptions } from './transport/createKyTransport'
export { createKyTransport } from './transport/createKyTransport'
export type { DurableQueueStore, NodeTracker, NodeTrackerOptions, VisitorOptions } from './types'
