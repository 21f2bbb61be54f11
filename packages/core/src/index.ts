export type { TrackerErrorCode, TrackerErrorDetails, ValidationIssue } from './errors/TrackerError'
export { TrackerError } from './errors/TrackerError'
export type { SendResult } from './types'
