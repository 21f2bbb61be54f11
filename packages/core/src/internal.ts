// The internal entry, `@es-tracker/core/internal`: what the platform packages (browser, node,
// collector) build on and users do not need: the delivery engine and its parts, the tracker-method
// factory, retry arithmetic, defaults and shared helpers. Not covered by semver: it changes with the
// packages that use it, which are released together.
export type { EndpointResult } from './endpoint/resolveEndpoint'
export { resolveEndpoint } from './endpoint/resolveEndpoint'
export { engineDefaults } from './engine/createDeliveryCore'
export { createDeliveryEngine, createTrackerEngine } from './engine/createTrackerEngine'
export { createTrackerMethods, trackerMethodNames } from './engine/createTrackerMethods'
export { defaultClock } from './engine/defaultClock'
export { createMemoryQueueStore } from './engine/memoryQueueStore'
export type { OutagePacing, OutagePacingOptions } from './engine/outagePacing'
export { createOutagePacing } from './engine/outagePacing'
export { isQueueEntry } from './engine/queueEntry'
export { parseRetryAfter } from './engine/retryAfter'
export type { ResolvedRetryOptions, RetryContext, RetryDecision } from './engine/retryPolicy'
export { backoffDelay, decideRetry, defaultRetryOptions, resolveRetryOptions } from './engine/retryPolicy'
export type {
  CartStore,
  Clock,
  DeliveryEngine,
  DeliveryEngineOptions,
  EngineOptions,
  EventContextSource,
  QueueEntry,
  QueueStore,
  QueueStoreAddOptions,
  SharedEndpointHealth,
  SyncQueueStore,
  TrackerEngine,
  TrackerMethodsOptions,
} from './engine/types'
export { describeValue } from './errors/describeValue'
export { findUnknownFields } from './events/findUnknownFields'
export { newCartGuid } from './events/statusCart/newCartGuid'
export type { OptionRule } from './options/checkTrackerOptions'
export { checkTrackerOptions, functionRule, integerRule, maxTimerMs, mustBe } from './options/checkTrackerOptions'
export type { IdentityField } from './schemas/identity'
export { IDENTITY_FIELDS } from './schemas/identity'
export { makeIssue } from './validation/issues'
