import type { ValidationIssue } from '../errors/TrackerError'
import { joinPath, makeIssue } from './issues'

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

/**
 * Finds own `__proto__` / `constructor` / `prototype` keys anywhere in a value. `JSON.parse` creates
 * an own `__proto__` key, which `for...in`-based copies would turn into a prototype change.
 */
export function findForbiddenKeys(value: unknown, path = '', seen = new Set<object>()): ValidationIssue[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return []
  seen.add(value)
  const issues: ValidationIssue[] = []
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      issues.push(...findForbiddenKeys(item, joinPath(path, index), seen))
    })
    return issues
  }
  for (const key of Object.keys(value)) {
    const keyPath = joinPath(path, key)
    if (isForbiddenKey(key)) issues.push(forbiddenKeyIssue(keyPath, key))
    else issues.push(...findForbiddenKeys((value as Record<string, unknown>)[key], keyPath, seen))
  }
  return issues
}
