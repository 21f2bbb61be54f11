/**
 * `@es-tracker/collector`: a local endpoint that validates what a tracker sends, with a live page and
 * fault injection, for development and tests.
 *
 * @module @es-tracker/collector
 */
export { DEFAULT_COLLECTOR_PORT, startCollector } from './startCollector'
export type {
  CollectedEvent,
  Collector,
  CollectorOptions,
  EventFilter,
  FaultConfig,
  FaultControls,
  FaultState,
  StoreStats,
} from './types'
export { wireNotes } from './wireNotes'
