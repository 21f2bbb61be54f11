import type * as v from 'valibot'
import { TrackerError, type ValidationIssue } from '../errors/TrackerError'

const MAX_SHOWN = 40

/** Describes a value in a few characters for an issue's `received`: `"x"`, `12`, `null`, `an object`, `[]`. */
export function describeValue(value: unknown): string {
  const type = typeof value
  return typeof value === 'string'
    ? JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value)
    : Array.isArray(value)
      ? value.length
        ? `an array of ${value.length}`
        : '[]'
      : value && type === 'object'
        ? 'an object'
        : type === 'function' || type === 'symbol'
          ? `a ${type}`
          : type === 'bigint'
            ? `${value}n`
            : String(value) // null too
}

/** Makes one issue: `expected <expected>, got <value>` at a wire path. */
export function makeIssue(path: string, expected: string, value: unknown): ValidationIssue {
  const received = describeValue(value)
  return { path, message: `expected ${expected}, got ${received}`, expected, received }
}

/** Joins a wire path and a key: `a.b` + `c` -> `a.b.c`, `a.b` + 1 -> `a.b[1]`. */
export const joinPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key

/**
 * Turns valibot issues into wire-path issues. Every schema of this package carries its expectation
 * ("a positive integer") as its valibot message, which is what makes this mapping possible.
 */
export function fromSchemaIssues(issues: readonly v.BaseIssue<unknown>[]): ValidationIssue[] {
  return issues.map((issue) => {
    let path = ''
    for (const item of issue.path ?? []) path = joinPath(path, item.key as string | number)
    return makeIssue(path, issue.message, issue.input)
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
