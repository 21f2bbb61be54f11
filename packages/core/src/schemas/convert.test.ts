import { describe, expect, it } from 'vitest'
import { toAmount, toFoundFlag, toIdString, toProductPrice, toQuantity, toStockFlag, toUnitPrice } from './convert'

describe('toProductPrice', () => {
  it.each([
    ['754', undefined, '754'],
    ['754 USD', undefined, '754 USD'],
    [754, undefined, '754'],
    [754, 'USD', '754 USD'],
    ['754', 'USD', '754 USD'],
    ['754 USD', 'EUR', '754 USD'],
    [754, '', '754'],
    [-1, 'USD', -1],
    [Number.NaN, undefined, Number.NaN],
  ])('should turn price %j with currency %j into %j', (price, currency, wire) => {
    expect(toProductPrice(price, { currency })).toStrictEqual(wire)
  })
})

describe('toStockFlag', () => {
  it.each([
    [true, '1'],
    [1, '1'],
    ['1', '1'],
    [false, '0'],
    [0, '0'],
    ['0', '0'],
    ['yes', 'yes'],
    [undefined, undefined],
  ])('should turn %j into %j', (given, wire) => {
    expect(toStockFlag(given)).toBe(wire)
  })
})

describe('toFoundFlag', () => {
  it.each([
    [true, 1],
    [1, 1],
    [false, 0],
    [0, 0],
    ['1', '1'],
  ])('should turn %j into %j', (given, wire) => {
    expect(toFoundFlag(given)).toBe(wire)
  })
})

describe('toAmount, toQuantity, toUnitPrice and toIdString', () => {
  it.each([
    [toAmount, '201.95', 201.95],
    [toAmount, 596, 596],
    [toAmount, 'x', 'x'],
    [toQuantity, '2', 2],
    [toQuantity, '2.5', '2.5'],
    [toQuantity, 2, 2],
    [toUnitPrice, 201.95, '201.95'],
    [toUnitPrice, '341.80', '341.80'],
    [toUnitPrice, -1, -1],
    [toIdString, 72354, '72354'],
    [toIdString, '72354', '72354'],
    [toIdString, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY],
  ] as const)('should convert with %o: %j -> %j', (convert, given, wire) => {
    expect(convert(given)).toStrictEqual(wire)
  })
})
