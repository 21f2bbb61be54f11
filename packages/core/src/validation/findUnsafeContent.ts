import type { ValidationIssue } from '../errors/TrackerError'
import { rejectForbiddenKey } from './forbiddenKeys'
import { joinPath, makeIssue } from './issues'

/**
 * Finds what no schema looks at but would hurt anywhere in a payload, open fields included:
 * own `__proto__` / `constructor` / `prototype` keys (`JSON.parse` creates an own `__proto__`,
 * which a `for...in` copy would turn into a prototype change), and values `JSON.stringify`
 * throws on (BigInt, circular references), which would fail at delivery instead of here.
 * Adds them to `issues` and answers it.
 */
export function findUnsafeContent(
  value: unknown,
  path = '',
  issues: ValidationIssue[] = [],
  ancestors = new Set<object>(),
): ValidationIssue[] {
  if (typeof value === 'bigint') issues.push(makeIssue(path, 'a JSON value', value))
  else if (ancestors.has(value as object)) {
    issues.push(makeIssue(path, 'a JSON value (no cycles)', value))
  } else if (value && typeof value === 'object') {
    ancestors.add(value)
    // An array's indices only (its other own properties are not sent), holes skipped as JSON writes null.
    for (const key of Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value)) {
      const at = joinPath(path, key)
      if (!rejectForbiddenKey(key, at, issues))
        findUnsafeContent((value as Record<string, unknown>)[key], at, issues, ancestors)
    }
    ancestors.delete(value)
  }
  return issues
}
