/** How many objects and arrays a snapshot copies at most: past it, the rest is kept by reference (bounded work on any input). */
const maxCopies = 10_000

/**
 * A copy of a call's input as it is now, so that the page may change or reuse its objects after the
 * call returns while the tracker builds the event later: plain objects and arrays are copied (own
 * enumerable keys), everything else is kept as it is. Shared parts are copied once, cycles stay cycles.
 * Throws what a hostile input throws (a throwing getter, say): the caller then runs the call at once.
 *
 * @example
 * const input = snapshotInput([{ products }]) // later pushes to `products` do not change `input`
 */
export function snapshotInput<Value>(value: Value): Value {
  const copies = new Map<object, unknown>()
  const copy = (current: unknown): unknown => {
    if (typeof current !== 'object' || current === null) return current
    const known = copies.get(current)
    if (known !== undefined) return known
    const isArray = Array.isArray(current)
    const prototype = isArray ? null : Object.getPrototypeOf(current)
    if ((prototype !== null && prototype !== Object.prototype) || copies.size >= maxCopies) return current
    const result: Record<string, unknown> | unknown[] = isArray ? [] : {}
    copies.set(current, result)
    if (isArray) {
      for (const item of current) (result as unknown[]).push(copy(item))
      return result
    }
    for (const key of Object.keys(current)) {
      const item = copy((current as Record<string, unknown>)[key])
      // An own `__proto__` key (JSON.parse makes one) stays a key: assigning it would set the prototype.
      if (key === '__proto__')
        Object.defineProperty(result, key, { value: item, enumerable: true, writable: true, configurable: true })
      else (result as Record<string, unknown>)[key] = item
    }
    return result
  }
  return copy(value) as Value
}
