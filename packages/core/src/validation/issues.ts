import type * as v from 'valibot'
import { describeValue } from '../errors/describeValue'
import { TrackerError, type ValidationIssue, type ValidationIssueKind } from '../errors/TrackerError'

/**
 * Makes one issue: `expected <expected>, got <value>` at a wire path. Its kind is `missing` for an
 * `undefined` value and `invalid_value` for any other, unless told.
 */
export function makeIssue(
  path: string,
  expected: string,
  value: unknown,
  kind: ValidationIssueKind = value === undefined ? 'missing' : 'invalid_value',
): ValidationIssue {
  const received = describeValue(value)
  return { path, kind, message: `expected ${expected}, got ${received}`, expected, received }
}

/** Joins a wire path and a key: `a.b` + `c` -> `a.b.c`, `a.b` + 1 -> `a.b[1]`. */
export const joinPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key

/**
 * Turns valibot issues into wire-path issues. Every schema of this package carries its expectation
 * ("a positive integer") as its valibot message, which is what makes this mapping possible. An issue
 * whose last path step has the key as its origin is about a name (`invalid_key`) when a name came,
 * and about a missing key (`missing`) when none did.
 */
export function fromSchemaIssues(issues: readonly v.BaseIssue<unknown>[]): ValidationIssue[] {
  return issues.map((issue) => {
    let path = ''
    for (const item of issue.path ?? []) path = joinPath(path, item.key as string | number)
    const last = issue.path?.[issue.path.length - 1] as { origin?: string } | undefined
    return makeIssue(
      path,
      issue.message,
      issue.input,
      last?.origin === 'key' && issue.input !== undefined ? 'invalid_key' : undefined,
    )
  })
}

/** Builds the `invalid_event` error from at least one issue: its message names the event and the first issue. */
export function invalidEvent(eventName: string | undefined, issues: ValidationIssue[], cause?: unknown): TrackerError {
  const [first] = issues as [ValidationIssue]
  const count = issues.length
  const message = `Invalid ${eventName ? `${eventName} ` : ''}event: ${first.path ? `${first.path}: ` : ''}${first.message}${count > 1 ? ` (and ${count - 1} more)` : ''}`
  // TrackerError leaves out an undefined eventName or cause.
  return new TrackerError('invalid_event', message, { issues, eventName, cause })
}
