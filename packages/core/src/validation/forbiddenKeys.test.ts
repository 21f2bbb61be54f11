import { describe, expect, it } from 'vitest'
import type { ValidationIssue } from '../errors/TrackerError'
import { isForbiddenKey, rejectForbiddenKey } from './forbiddenKeys'

describe('isForbiddenKey', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('should flag %s', (key) => {
    expect(isForbiddenKey(key)).toBe(true)
  })

  it.each(['proto', '__proto', 'Constructor', 'tag_prototype', ''])('should let %j through', (key) => {
    expect(isForbiddenKey(key)).toBe(false)
  })
})

describe('rejectForbiddenKey', () => {
  it('should report the key at its path and what was expected when the key is forbidden', () => {
    const issues: ValidationIssue[] = []
    expect(rejectForbiddenKey('__proto__', 'Tags', issues)).toBe(true)
    expect(issues).toEqual([
      {
        path: 'Tags.__proto__',
        kind: 'forbidden_key',
        message: 'expected a key other than __proto__, constructor or prototype, got "__proto__"',
        expected: 'a key other than __proto__, constructor or prototype',
        received: '"__proto__"',
      },
    ])
  })

  it('should report nothing and answer false when the key is allowed', () => {
    const issues: ValidationIssue[] = []
    expect(rejectForbiddenKey('proto', 'Tags', issues)).toBe(false)
    expect(issues).toEqual([])
  })

  it('should report the key at the wire name it stands for when one is given', () => {
    const issues: ValidationIssue[] = []
    expect(rejectForbiddenKey('constructor', 'Products[0]', issues, 'tag_constructor')).toBe(true)
    expect(issues[0]?.path).toBe('Products[0].tag_constructor')
  })
})
