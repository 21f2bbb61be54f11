import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toIdString } from '../../schemas/convert'
import { isBlank } from '../../schemas/predicates'
import {
  copyOpen,
  lenientDecimalString,
  lenientEventTags,
  lenientFoundFlag,
  lenientInteger,
  lenientNumber,
  lenientStockFlag,
  wireObject,
} from './lenientValues'

describe('lenientNumber', () => {
  it('should read the decimal strings templates print when a price comes as text', () => {
    expect(lenientNumber('450.00')).toBe(450)
    expect(lenientNumber(' 201.95 ')).toBe(201.95)
    expect(lenientNumber('1 234,50')).toBe(1234.5)
    expect(lenientNumber('1\u00a0234')).toBe(1234)
    expect(lenientNumber('.5')).toBe(0.5)
    expect(lenientNumber(596)).toBe(596)
  })

  it('should return the value unchanged when it is not a plain decimal', () => {
    for (const value of ['', 'abc', '1,234.50', '12 USD', '1e3', 'Infinity', null, true, [1]]) {
      expect(lenientNumber(value)).toBe(value)
    }
  })
})

describe('lenientInteger', () => {
  it('should read integer-valued strings and numbers when a quantity comes as text', () => {
    expect(lenientInteger('2')).toBe(2)
    expect(lenientInteger('2.0')).toBe(2)
    expect(lenientInteger(3)).toBe(3)
  })

  it('should return the value unchanged when it is not an integer', () => {
    expect(lenientInteger('2.5')).toBe('2.5')
    expect(lenientInteger(1.5)).toBe(1.5)
    expect(lenientInteger('x')).toBe('x')
  })
})

describe('lenientStockFlag', () => {
  it('should answer "1" when the flag is any truthy spelling', () => {
    for (const value of [true, 1, '1', 'true', ' TRUE ']) expect(lenientStockFlag(value)).toBe('1')
  })

  it('should answer "0" when the flag is any falsy spelling, PHP\'s empty string included', () => {
    for (const value of [false, 0, '0', 'false', '']) expect(lenientStockFlag(value)).toBe('0')
  })

  it('should return the value unchanged when it is no flag', () => {
    for (const value of [2, 'yes please', null, {}]) expect(lenientStockFlag(value)).toBe(value)
  })
})

describe('lenientFoundFlag', () => {
  it('should answer the number 1 or 0 when the flag is a boolean or a 0/1 spelling', () => {
    expect(lenientFoundFlag(true)).toBe(1)
    expect(lenientFoundFlag('1')).toBe(1)
    expect(lenientFoundFlag(false)).toBe(0)
    expect(lenientFoundFlag('0')).toBe(0)
  })

  it('should drop null and return anything else unchanged when it is no flag', () => {
    expect(lenientFoundFlag(null)).toBeUndefined()
    expect(lenientFoundFlag('perhaps')).toBe('perhaps')
  })
})

describe('toIdString', () => {
  it('should turn numbers into strings and keep the digits of strings when a wire field is a string', () => {
    expect(toIdString(72354)).toBe('72354')
    expect(toIdString(201.95)).toBe('201.95')
    expect(toIdString('341.80')).toBe('341.80')
    expect(toIdString(Number.NaN)).toBeNaN()
    expect(toIdString(null)).toBeNull()
  })
})

describe('isBlank', () => {
  it('should call missing, null and whitespace-only values blank when they stand for "none"', () => {
    expect([undefined, null, '', '  '].every(isBlank)).toBe(true)
    expect([0, false, 'x'].some(isBlank)).toBe(false)
  })
})

describe('wireObject', () => {
  const rules = [
    ['product_id', toIdString, 'productKey'],
    ['discount', (discount: unknown) => (isBlank(discount) ? undefined : lenientNumber(discount))],
    ['price_currency_code', undefined, 'currency'],
  ] as const

  it('should move a field to its wire name and convert it when only the other name is given', () => {
    expect(wireObject({ productKey: 7, currency: 'UAH', extra: true }, rules)).toEqual({
      product_id: '7',
      price_currency_code: 'UAH',
      extra: true,
    })
  })

  it('should keep the wire name and drop the other when both are given', () => {
    expect(wireObject({ productKey: '1', product_id: '2' }, rules)).toEqual({ product_id: '2' })
  })

  it('should drop a field when it is blank or converts to nothing', () => {
    expect(JSON.stringify(wireObject({ currency: '', discount: '' }, rules))).toBe('{}')
  })

  it('should return anything that is not an object unchanged', () => {
    expect(wireObject('x', rules)).toBe('x')
  })
})

describe('lenientEventTags', () => {
  it('should normalise every tag when Tags is an object', () => {
    expect(lenientEventTags({ size: 'XL', ids: [1, 2] })).toEqual({ size: ['XL'], ids: ['1', '2'] })
  })

  it('should return Tags unchanged when they are no object, for validation to name', () => {
    expect(lenientEventTags(undefined)).toBeUndefined()
    expect(lenientEventTags('x')).toBe('x')
  })
})

describe('copyOpen', () => {
  it('should keep unknown keys and make tag_ values string lists when copying', () => {
    expect(copyOpen({ a: 1, tag_size: 'XL', tag_ids: [1, 'b'], Tags: {} })).toEqual({
      a: 1,
      tag_size: ['XL'],
      tag_ids: ['1', 'b'],
      Tags: {},
    })
  })

  it('should leave tag values it cannot read for validation to name when they are no strings or numbers', () => {
    expect(copyOpen({ tag_nested: [['a']] })).toEqual({ tag_nested: [['a']] })
  })

  it('should keep a __proto__ key as data when the input was parsed from JSON', () => {
    const copy = copyOpen(JSON.parse('{"__proto__":{"polluted":1}}'))
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(copy)).toEqual(['__proto__'])
  })

  it('should never throw when given any object', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.anything()), (record) => {
        copyOpen(record)
      }),
    )
  })
})

describe('lenientDecimalString', () => {
  it('should keep the digits of a price string and write numbers as strings when a unit price comes loose', () => {
    expect(lenientDecimalString('341.80')).toBe('341.80')
    expect(lenientDecimalString(' 1 234,50 ')).toBe('1234.50')
    expect(lenientDecimalString(201.95)).toBe('201.95')
  })

  it('should return the value unchanged when it is no plain non-negative decimal', () => {
    for (const value of ['-5', 'free', '1,234.50', Number.NaN, null]) expect(lenientDecimalString(value)).toBe(value)
  })
})
