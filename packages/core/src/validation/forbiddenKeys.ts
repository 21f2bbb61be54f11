import type { ValidationIssue } from '../errors/TrackerError'
import { makeIssue } from './issues'

const FORBIDDEN = ['__proto__', 'constructor', 'prototype']
const EXPECTED = 'a key other than __proto__, constructor or prototype'

/** Tells whether a caller-supplied key could pollute prototypes (`__proto__`, `constructor`, `prototype`). */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN.includes(key)
}

/** Makes the issue reported for a forbidden key at a wire path. */
export function forbiddenKeyIssue(path: string, key: string): ValidationIssue {
  return makeIssue(path, EXPECTED, key)
}
