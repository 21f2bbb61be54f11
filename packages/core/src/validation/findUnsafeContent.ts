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
  // The objects being walked, outermost first: a short list, which `includes` searches faster than a Set.
  ancestors: unknown[] = [],
): ValidationIssue[] {
  if (typeof value === 'bigint') issues.push(makeIssue(path, 'a JSON value', value, 'unsafe_value'))
  else if (ancestors.includes(value)) {
    issues.push(makeIssue(path, 'a JSON value (no cycles)', value, 'unsafe_value'))
  } else if (value && typeof value === 'object') {
    ancestors.push(value)
    // An array's indices only (its other own properties are not sent), holes skipped as JSON writes null.
    for (const key of Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key]
      // Only objects and BigInts can hold what is looked for: the path is joined for those only.
      if (!rejectForbiddenKey(key, path, issues) && (typeof child === 'object' || typeof child === 'bigint'))
        findUnsafeContent(child, joinPath(path, key), issues, ancestors)
    }
    ancestors.pop()
  }
  return issues
}
