import { describe, expect, it } from 'vitest'
import { forbiddenKeyIssue, isForbiddenKey } from './forbiddenKeys'

describe('isForbiddenKey', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('should flag %s', (key) => {
    expect(isForbiddenKey(key)).toBe(true)
  })

  it.each(['proto', '__proto', 'Constructor', 'tag_prototype', ''])('should let %j through', (key) => {
    expect(isForbiddenKey(key)).toBe(false)
  })
})

describe('forbiddenKeyIssue', () => {
  it('should name the key and what was expected when one is reported', () => {
    expect(forbiddenKeyIssue('Tags.__proto__', '__proto__')).toEqual({
      path: 'Tags.__proto__',
      message: 'expected a key other than __proto__, constructor or prototype, got "__proto__"',
      expected: 'a key other than __proto__, constructor or prototype',
      received: '"__proto__"',
    })
  })
})
