import { describe, expect, it } from 'vitest'
import type { ValidationIssue } from '../../errors/TrackerError'
import { setProductTags, toTags } from './tags'

describe('toTags', () => {
  it('should turn values into lists of strings when given scalars, numbers and lists', () => {
    const issues: ValidationIssue[] = []
    expect(toTags({ a: 'x', b: 5, c: ['y', 7], d: undefined }, {}, 'E.Tags', issues)).toStrictEqual({
      a: ['x'],
      b: ['5'],
      c: ['y', '7'],
    })
    expect(issues).toEqual([])
  })

  it('should leave Tags out when no tags, or only undefined ones, are given', () => {
    expect(toTags(undefined, {}, 'E.Tags', [])).toBeUndefined()
    expect(toTags({}, {}, 'E.Tags', [])).toBeUndefined()
    expect(toTags({ a: undefined }, {}, 'E.Tags', [])).toBeUndefined()
  })

  it('should pass a non-object through for the schema to report when tags are not an object', () => {
    expect(toTags('x', {}, 'E.Tags', [])).toBe('x')
  })

  it('should report and skip prototype-polluting names when JSON.parse made them', () => {
    const issues: ValidationIssue[] = []
    const wire = toTags(JSON.parse('{"__proto__":["x"],"ok":["y"]}'), {}, 'E.Tags', issues)
    expect(wire).toStrictEqual({ ok: ['y'] })
    expect(Object.getPrototypeOf(wire)).toBe(Object.prototype)
    expect(issues.map((issue) => issue.path)).toEqual(['E.Tags.__proto__'])
  })
})

describe('setProductTags', () => {
  it('should prefix names with tag_ once when some already carry the prefix', () => {
    const product: Record<string, unknown> = {}
    setProductTags({ something: ['a'], tag_other: 'b', tag_: 'c' }, 'P', [], product)
    expect(product).toStrictEqual({ tag_something: ['a'], tag_other: ['b'], tag_: ['c'] })
  })

  it('should report tags that are not an object when given a list', () => {
    const issues: ValidationIssue[] = []
    setProductTags(['a'], 'P.Product', issues, {})
    expect(issues.map((issue) => [issue.path, issue.message])).toEqual([
      ['P.Product.tags', 'expected an object of tags, got an array of 1'],
    ])
  })
})
