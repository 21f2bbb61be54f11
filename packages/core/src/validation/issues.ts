import type * as v from 'valibot'
import { TrackerError, type ValidationIssue } from '../errors/TrackerError'

const MAX_SHOWN = 40

/** Describes a value in a few characters for an issue's `received`: `"x"`, `12`, `null`, `an object`, `[]`. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value
    return JSON.stringify(shown)
  }
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `an array of ${value.length}`
  if (value === null) return 'null'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'function') return 'a function'
  if (typeof value === 'symbol') return 'a symbol'
  if (typeof value === 'bigint') return `${value}n`
  return String(value)
}

/** Makes one issue: `expected <expected>, got <value>` at a wire path. */
export function makeIssue(path: string, expected: string, value: unknown): ValidationIssue {
  const received = describeValue(value)
  return { path, message: `expected ${expected}, got ${received}`, expected, received }
}

/** Joins a wire path and a key: `a.b` + `c` -> `a.b.c`, `a.b` + 1 -> `a.b[1]`. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return path === '' ? key : `${path}.${key}`
}

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

/** Builds the `invalid_event` error: its message names the event and the first issue. */
export function invalidEvent(eventName: string | undefined, issues: ValidationIssue[], cause?: unknown): TrackerError {
  const [first] = issues
  const head = eventName ? `Invalid ${eventName} event` : 'Invalid event'
  const detail = first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
  // TrackerError leaves out an undefined eventName or cause.
  return new TrackerError('invalid_event', `${head}${detail}${more}`, { issues, eventName, cause })
}
