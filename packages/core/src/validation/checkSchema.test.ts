import { describe, expect, it } from 'vitest'
import type { ValidationIssue } from '../errors/TrackerError'
import { checkSchema } from './checkSchema'

/** The issues of a value checked against no model: what JSON cannot carry or would pollute prototypes. */
function findUnsafeContent(value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  checkSchema(undefined, value, '', issues)
  return issues
}

const pathsOf = (value: unknown) => findUnsafeContent(value).map((issue) => issue.path)

describe('checkSchema, on any JSON value', () => {
  it('should find own forbidden keys at every depth when JSON.parse created them', () => {
    const value = JSON.parse('{"a":{"__proto__":{}},"b":[{"c":{"constructor":1}}],"prototype":2}')
    expect(pathsOf(value)).toEqual(['a.__proto__', 'b[0].c.constructor', 'prototype'])
  })

  it('should ignore inherited properties when objects have ordinary prototypes', () => {
    expect(pathsOf({ a: new Date(0), b: [1, 'x', null, undefined] })).toEqual([])
  })

  it('should report BigInt values when JSON.stringify would throw on them', () => {
    const issues = findUnsafeContent({ a: [1, 2n] })
    expect(issues).toEqual([
      {
        path: 'a[1]',
        kind: 'unsafe_value',
        message: 'expected a JSON value, got 2n',
        expected: 'a JSON value',
        received: '2n',
      },
    ])
  })

  it('should report a circular reference once, where it closes, when the value is cyclic', () => {
    const value: Record<string, unknown> = { a: { b: 1 } }
    ;(value.a as Record<string, unknown>).back = value
    expect(pathsOf(value)).toEqual(['a.back'])
  })

  it('should accept shared references when they do not form a cycle', () => {
    const shared = { x: 1 }
    expect(pathsOf({ a: shared, b: [shared, shared] })).toEqual([])
  })
})
