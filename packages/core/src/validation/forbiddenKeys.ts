import type { ValidationIssue } from '../errors/TrackerError'
import { makeIssue } from './issues'

const FORBIDDEN = ['__proto__', 'constructor', 'prototype']

/** Tells whether a caller-supplied key could pollute prototypes (`__proto__`, `constructor`, `prototype`). */
export const isForbiddenKey = (key: unknown): boolean => FORBIDDEN.includes(key as string)

/**
 * Reports a forbidden key at a wire path and answers `true`; answers `false` for any other key.
 * Callers skip the keys it reports: assigning `__proto__` would swap an object's prototype.
 */
export const rejectForbiddenKey = (key: unknown, path: string, issues: ValidationIssue[]): boolean =>
  isForbiddenKey(key) && !!issues.push(makeIssue(path, 'a key other than __proto__, constructor or prototype', key))
