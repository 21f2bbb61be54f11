export type { EndpointPreset, EndpointResult } from './endpoint/resolveEndpoint'
export { endpointPresets, resolveEndpoint } from './endpoint/resolveEndpoint'
export { createTrackerEngine, engineDefaults } from './engine/createTrackerEngine'
export { createTrackerMethods } from './engine/createTrackerMethods'
export { defaultClock } from './engine/defaultClock'
export { createMemoryQueueStore } from './engine/memoryQueueStore'
export { parseRetryAfter } from './engine/retryAfter'
export type { ResolvedRetryOptions, RetryContext, RetryDecision } from './engine/retryPolicy'
export { backoffDelay, decideRetry, defaultRetryOptions, resolveRetryOptions } from './engine/retryPolicy'
export type {
  CartStore,
  Clock,
  EngineOptions,
  EventContextSource,
  QueueEntry,
  QueueStore,
  RetryOptions,
  TrackerEngine,
  TrackerMethods,
  TrackerMethodsOptions,
  Transport,
  TransportOutcome,
  TransportRequest,
} from './engine/types'
export type { TrackerErrorCode, TrackerErrorDetails, ValidationIssue } from './errors/TrackerError'
export { TrackerError } from './errors/TrackerError'
export { convertEsJsCall } from './esjs/convertEsJsCall'
export type { EsJsCartState, EsJsCommand, EsJsConversion } from './esjs/types'
export { buildEvent, buildRawEvent } from './events/buildEvent'
export type { BuildResult, EventContext, EventName, Identity, PageContext, SendResult, WirePayload } from './types'
