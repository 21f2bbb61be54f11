export type {
  QueueEntry,
  QueueStore,
  QueueStoreAddOptions,
  SendOptions,
  SendResult,
  TrackerErrorCode,
  TrackerMethods,
  Transport,
  TransportOutcome,
  TransportRequest,
} from '@es-tracker/core'
export { TrackerError } from '@es-tracker/core'
export { createNodeTracker } from './createNodeTracker'
export { createFirstPartyEndpoint } from './firstParty/createFirstPartyEndpoint'
export type { FirstPartyEndpoint, FirstPartyEndpointOptions, NodeRequest } from './firstParty/types'
export { newCartGuid } from './newCartGuid'
export { scFromCookieHeader } from './scFromCookieHeader'
export type { FileStoreOptions } from './stores/createFileStore'
export { createFileStore } from './stores/createFileStore'
export { createFetchTransport } from './transport/createFetchTransport'
export type { NodeTransportOptions } from './transport/createKyTransport'
export { createKyTransport } from './transport/createKyTransport'
export type { DurableQueueStore, NodeTracker, NodeTrackerOptions, VisitorOptions } from './types'
