import type { ValidationIssue } from '../errors/TrackerError'
import { forbiddenKeyIssue, isForbiddenKey } from './forbiddenKeys'
import { joinPath, makeIssue } from './issues'

/**
 * Finds what no schema looks at but would hurt anywhere in a payload, open fields included:
 * own `__proto__` / `constructor` / `prototype` keys (`JSON.parse` creates an own `__proto__`,
 * which a `for...in` copy would turn into a prototype change), and values `JSON.stringify`
 * throws on (BigInt, circular references), which would fail at delivery instead of here.
 */
export function findUnsafeContent(value: unknown, path = '', ancestors = new Set<object>()): ValidationIssue[] {
  if (typeof value === 'bigint') return [makeIssue(path, 'a JSON value', value)]
  if (typeof value !== 'object' || value === null) return []
  if (ancestors.has(value)) return [makeIssue(path, 'a JSON value without circular references', value)]
  ancestors.add(value)
  const issues: ValidationIssue[] = []
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      issues.push(...findUnsafeContent(item, joinPath(path, index), ancestors))
    })
  } else {
    for (const key of Object.keys(value)) {
      const keyPath = joinPath(path, key)
      if (isForbiddenKey(key)) issues.push(forbiddenKeyIssue(keyPath, key))
      else issues.push(...findUnsafeContent((value as Record<string, unknown>)[key], keyPath, ancestors))
    }
  }
  ancestors.delete(value)
  return issues
}
