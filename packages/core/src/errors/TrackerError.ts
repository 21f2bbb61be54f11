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

/**
 * What kind of problem an issue is, for code that reacts to it:
 * - `missing`: a required value is absent;
 * - `invalid_value`: a value of the wrong type or form;
 * - `invalid_key`: a name that is not allowed there (a tag name, a product's `tag_*` field);
 * - `forbidden_key`: `__proto__`, `constructor` or `prototype`, refused anywhere;
 * - `misplaced_body`: a body under another event's key;
 * - `unsafe_value`: what JSON cannot carry (a BigInt, a cycle, a value that does not serialize);
 * - `unknown_event`: an event name the REST API does not know;
 * - `unreadable_input`: the input threw when read (a throwing getter, a revoked proxy).
 */
export type ValidationIssueKind =
  | 'missing'
  | 'invalid_value'
  | 'invalid_key'
  | 'forbidden_key'
  | 'misplaced_body'
  | 'unsafe_value'
  | 'unknown_event'
  | 'unreadable_input'

/** One failing field of a payload, named by its path in the wire payload: data, not only a message. */
export interface ValidationIssue {
  /** Wire path, e.g. `StatusCart.Products[1].quantity`. */
  path: string
  /** What kind of problem it is. */
  kind: ValidationIssueKind
  /** What a person reads: `expected a positive integer, got "x"`. */
  message: string
  /** What the schema expected, in words: `a positive integer`. */
  expected: string
  /** What came, as a short printable string: `"x"`, `undefined`, `an object`. */
  received: string
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

/**
 * Tells whether a value is a {@link TrackerError}: an instance of this class, or one made by another
 * copy of the package on the same page or server (a script tag beside a bundled module), which
 * `instanceof` does not recognise, by its name and string `code`.
 *
 * @example
 * const result = await tracker.productPage(input)
 * if (!result.ok && isTrackerError(result.error)) console.warn(result.error.code)
 */
export function isTrackerError(value: unknown): value is TrackerError {
  if (value instanceof TrackerError) return true
  return (
    value instanceof Error && value.name === 'TrackerError' && typeof (value as { code?: unknown }).code === 'string'
  )
}
