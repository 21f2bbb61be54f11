import { describe, expect, it } from 'vitest'
import { boundDepth, cutMarker } from './boundDepth'

/** `{ a: { a: ... { a: 1 } } }`, `levels` objects deep, built without recursion. */
export function nested(levels: number): unknown {
  let value: unknown = 1
  for (let index = 0; index < levels; index += 1) value = { a: value }
  return value
}

describe('boundDepth', () => {
  it('should return the same value and its depth when it is within the limit', () => {
    const value = { GeneralInfo: { cookies: { sc: 'X' } }, list: [1, [2]] }
    expect(boundDepth(value, 3)).toEqual({ value, depth: 3 })
    expect(boundDepth(value, 3).value).toBe(value)
    expect(boundDepth('text', 3)).toEqual({ value: 'text', depth: 0 })
  })

  it('should cut what is nested deeper than the limit when a body is too deep', () => {
    const { value, depth } = boundDepth({ a: { b: [{ c: 1 }], d: 2 } }, 2)
    expect(depth).toBe(4)
    expect(value).toEqual({ a: { b: cutMarker(2), d: 2 } })
  })

  it('should handle 100,000 levels without overflowing the stack', () => {
    const { value, depth } = boundDepth(nested(100_000), 64)
    expect(depth).toBe(100_000)
    expect(JSON.stringify(value)).toContain(cutMarker(64))
    expect(boundDepth(value, 1000).depth).toBe(64)
  })
})
