/** Stable machine-readable codes of every failure a tracker reports. */
export type TrackerErrorCode =
  | 'invalid_event'
  | 'invalid_config'
  | 'http_error'
  | 'network_error'
  | 'timeout'
  | 'consent'
  | 'closed'
  | 'queue_full'
  /** A queued event waited longer than `maxAgeMs` and was dropped unsent. */
  | 'expired'
  /** The queue store could not write the event (a disk or database failure): it was not sent. */
  | 'store_error'
  | 'unsupported'

/** One failing field of a payload, named by its path in the wire payload. */
export interface ValidationIssue {
  /** Wire path, e.g. `StatusCart.Products[1].quantity`. */
  path: string
  /** What a person reads: `expected a positive integer, got "x"`. */
  message: string
  /** What the schema expected. */
  expected?: string
  /** What came, as a short printable string. */
  received?: string
}

/** Extra data a {@link TrackerError} may carry. */
export interface TrackerErrorDetails {
  cause?: unknown
  issues?: ValidationIssue[]
  status?: number
  eventName?: string
}

/**
 * The one error type of es-tracker: a stable `code`, a message a person can act on and, where
 * there is one, the `cause`, the HTTP `status` or the validation `issues`.
 */
export class TrackerError extends Error {
  override readonly name = 'TrackerError'
  readonly code: TrackerErrorCode
  readonly issues: ValidationIssue[]
  readonly status?: number
  readonly eventName?: string

  constructor(
    code: TrackerErrorCode,
    message: string,
    { cause, issues = [], status, eventName }: TrackerErrorDetails = {},
  ) {
    super(message)
    // Set here rather than by Error's ES2022 `{ cause }` option, which older browsers ignore.
    if (cause !== undefined) this.cause = cause
    this.code = code
    this.issues = issues
    if (status !== undefined) this.status = status
    if (eventName !== undefined) this.eventName = eventName
  }
}
