export type { TrackerErrorCode, TrackerErrorDetails, ValidationIssue } from './errors/TrackerError'
export { TrackerError } from './errors/TrackerError'
export { buildEvent, buildRawEvent } from './events/buildEvent'
export type { SendResult } from './types'
