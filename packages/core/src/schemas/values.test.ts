import { describe, expect, it } from 'vitest'
import {
  amountSchema,
  identityIdSchema,
  isIntegerString,
  isNumericString,
  isValidGuid,
  productPriceSchema,
  quantitySchema,
  stockFlagSchema,
  unitPriceSchema,
} from './values'
import type { Leaf } from './wireSchema'

const accepts = (schema: Leaf, value: unknown) => schema.is(value)

describe('isValidGuid', () => {
  it.each([
    '6F9619FF-8B86-D011-B42D-00CF4FC964FF',
    '6f9619ff-8b86-d011-b42d-00cf4fc964ff',
    '9e107d9d372bb6826bd81d3542a419d6',
    '5f1d7a3b9c2e4',
    'A',
  ])('should accept %j', (guid) => {
    expect(isValidGuid(guid)).toBe(true)
  })

  it.each(['', ' ', 'a b', '{6F9619FF}', 'x_y', 12, null])('should reject %j', (guid) => {
    expect(isValidGuid(guid)).toBe(false)
  })
})

describe('isNumericString', () => {
  it.each(['0', '201.95', '341.80', '.5', '5.', ' 7 '])('should accept %j', (value) => {
    expect(isNumericString(value)).toBe(true)
  })

  it.each(['', '-1', '1,5', '1e3', 'x', '0x10', 5])('should reject %j', (value) => {
    expect(isNumericString(value)).toBe(false)
  })
})

describe('isIntegerString', () => {
  it.each([
    ['2', true],
    [' 3 ', true],
    ['2.0', false],
    ['-2', false],
    ['', false],
  ])('should answer %j -> %j', (value, answer) => {
    expect(isIntegerString(value)).toBe(answer)
  })
})

describe('leaf schemas', () => {
  it.each([
    [
      'amountSchema',
      amountSchema,
      [0, 201.95, '201.95', '0'],
      [-1, Number.NaN, Number.POSITIVE_INFINITY, 'x', '', null],
    ],
    ['quantitySchema', quantitySchema, [1, 2, '2', ' 3 '], [0, -1, 1.5, '0', '1.5', 'x', true]],
    ['stockFlagSchema', stockFlagSchema, ['1', '0', 1, 0], [true, false, 2, 'yes', '']],
    ['productPriceSchema', productPriceSchema, ['754', '754 USD', 754, 0], ['', ' ', -1, Number.NaN, {}]],
    ['unitPriceSchema', unitPriceSchema, ['201.95', '341.80', 201.95], ['201,95', '201.95 UAH', -1, '']],
    ['identityIdSchema', identityIdSchema, ['1234509876', '', 1234509876], [Number.NaN, null, {}, true]],
  ] as const)('should tell the forms %s accepts from those it rejects', (_, schema, accepted, rejected) => {
    for (const value of accepted) expect(accepts(schema, value), String(value)).toBe(true)
    for (const value of rejected) expect(accepts(schema, value), String(value)).toBe(false)
  })
})
