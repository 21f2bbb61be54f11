import { describe, expect, it } from 'vitest'
import type { ValidationIssue } from '../errors/TrackerError'
import { nonEmptyTextSchema } from '../schemas/values'
import { openObject } from '../schemas/wireSchema'
import { checkSchema } from './checkSchema'

/** The issues of a value checked against no model: what JSON cannot carry or would pollute prototypes. */
function unsafeContentOf(value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = []
  checkSchema(undefined, value, '', issues)
  return issues
}

const pathsOf = (value: unknown) => unsafeContentOf(value).map((issue) => issue.path)

describe('checkSchema, on any JSON value', () => {
  it('should find own forbidden keys at every depth when JSON.parse created them', () => {
    const value = JSON.parse('{"a":{"__proto__":{}},"b":[{"c":{"constructor":1}}],"prototype":2}')
    expect(pathsOf(value)).toEqual(['a.__proto__', 'b[0].c.constructor', 'prototype'])
  })

  it('should ignore inherited properties when objects have ordinary prototypes', () => {
    expect(pathsOf({ a: new Date(0), b: [1, 'x', null, undefined] })).toEqual([])
  })

  it('should report BigInt values when JSON.stringify would throw on them', () => {
    const issues = unsafeContentOf({ a: [1, 2n] })
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

describe('checkSchema, on a model object', () => {
  const model = openObject({ sc: nonEmptyTextSchema })

  it('should check a key named like a prototype member as an open value when the model has no such field', () => {
    const issues: ValidationIssue[] = []
    checkSchema(model, { sc: 'S', toString: 'x', valueOf: { big: 1n } }, 'cookies', issues)
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['cookies.valueOf.big', 'expected a JSON value, got 1n'],
    ])
  })

  it('should report forbidden keys and open-field content before the fields, which come in the model order', () => {
    const issues: ValidationIssue[] = []
    checkSchema(model, JSON.parse('{"extra":{"__proto__":1},"sc":""}'), '', issues)
    expect(issues.map((issue) => issue.path)).toEqual(['extra.__proto__', 'sc'])
  })
})
