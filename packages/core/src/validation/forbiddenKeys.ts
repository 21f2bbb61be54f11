import type { ValidationIssue } from '../errors/TrackerError'
import { joinPath, makeIssue } from './issues'

const FORBIDDEN = ['__proto__', 'constructor', 'prototype']

/** Tells whether a caller-supplied key could pollute prototypes (`__proto__`, `constructor`, `prototype`). */
export const isForbiddenKey = (key: unknown): boolean => FORBIDDEN.includes(key as string)

/**
 * Reports a forbidden key at `at` (by default the key itself) of the wire path `path` and answers
 * `true`; answers `false` for any other key. Callers skip the keys it reports: assigning `__proto__`
 * would swap an object's prototype. The path is joined only for a forbidden key.
 */
export const rejectForbiddenKey = (
  key: string | number,
  path: string,
  issues: ValidationIssue[],
  at: string | number = key,
): boolean =>
  isForbiddenKey(key) &&
  !!issues.push(
    makeIssue(joinPath(path, at), 'a key other than __proto__, constructor or prototype', key, 'forbidden_key'),
  )
