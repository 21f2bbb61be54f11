/** What {@link boundDepth} answers. */
export interface BoundedValue {
  /** The value, with every object or array nested deeper than the limit replaced by a string. */
  value: unknown
  /** How deep the original value was nested (a scalar is 0, `{}` is 1). */
  depth: number
}

/** What stands in for a subtree that was cut. */
export const cutMarker = (maxDepth: number): string => `[nested deeper than ${maxDepth} levels: not kept]`

/**
 * Copies parsed JSON keeping at most `maxDepth` levels of nesting, without recursion: a hostile body
 * 6,000 levels deep must not overflow the stack of whatever later walks it (notes, `JSON.stringify`,
 * the live page). Values within the limit come back as they were (the same object when nothing is cut).
 */
export function boundDepth(input: unknown, maxDepth: number): BoundedValue {
  let depth = 0
  let cut = false
  // Walks once to measure, without building anything: most bodies are shallow.
  const stack: Array<[unknown, number]> = [[input, 0]]
  while (stack.length > 0) {
    const [value, level] = stack.pop() as [unknown, number]
    if (typeof value !== 'object' || value === null) continue
    depth = Math.max(depth, level + 1)
    if (level + 1 > maxDepth) cut = true
    for (const child of Object.values(value)) stack.push([child, level + 1])
  }
  if (!cut) return { value: input, depth }

  const marker = cutMarker(maxDepth)
  const copyOf = (value: object): Record<string, unknown> | unknown[] => (Array.isArray(value) ? [] : {})
  const root = copyOf(input as object)
  const pending: Array<[source: object, target: Record<string, unknown>, level: number]> = [
    [input as object, root as Record<string, unknown>, 1],
  ]
  while (pending.length > 0) {
    const [source, target, level] = pending.pop() as [object, Record<string, unknown>, number]
    for (const [key, child] of Object.entries(source)) {
      if (typeof child !== 'object' || child === null) target[key] = child
      else if (level >= maxDepth) target[key] = marker
      else {
        const copy = copyOf(child)
        target[key] = copy
        pending.push([child, copy as Record<string, unknown>, level + 1])
      }
    }
  }
  return { value: root, depth }
}
