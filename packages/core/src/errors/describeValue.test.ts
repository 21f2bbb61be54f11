import { describe, expect, it } from 'vitest'
import { describeValue } from './describeValue'

describe('describeValue', () => {
  it.each([
    ['string', '"x"', 'x'],
    ['empty string', '""', ''],
    ['number', '12', 12],
    ['NaN', 'NaN', Number.NaN],
    ['boolean', 'true', true],
    ['null', 'null', null],
    ['undefined', 'undefined', undefined],
    ['empty array', '[]', []],
    ['array', 'an array of 2', [1, 2]],
    ['object', 'an object', { a: 1 }],
    ['function', 'a function', () => 1],
    ['symbol', 'a symbol', Symbol('s')],
    ['bigint', '10n', 10n],
  ] as const)('should describe a %s as %s', (_, text, value) => {
    expect(describeValue(value)).toBe(text)
  })

  it('should cut long strings when they pass 40 characters', () => {
    expect(describeValue('a'.repeat(100))).toBe(`"${'a'.repeat(40)}…"`)
  })
})
