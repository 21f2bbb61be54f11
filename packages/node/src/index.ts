export type {
  SendResult,
  TrackerErrorCode,
  TrackerMethods,
  Transport,
  TransportOutcome,
  TransportRequest,
} from '@es-tracker/core'
export { TrackerError } from '@es-tracker/core'
export { newCartGuid } from '@es-tracker/core/internal'
export { createNodeTracker } from './createNodeTracker'
export { scFromCookieHeader } from './scFromCookieHeader'
export { createFetchTransport } from './transport/createFetchTransport'
export type { NodeTransportOptions } from './transport/createKyTransport'
export { createKyTransport } from './transport/createKyTransport'
export type { NodeTracker, NodeTrackerOptions, VisitorOptions } from './types'
