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
