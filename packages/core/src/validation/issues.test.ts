import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { TrackerError } from '../errors/TrackerError'
import { describeValue, fromSchemaIssues, invalidEvent, joinPath, makeIssue } from './issues'

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

describe('joinPath', () => {
  it.each([
    ['', 'GeneralInfo', 'GeneralInfo'],
    ['StatusCart', 'Products', 'StatusCart.Products'],
    ['StatusCart.Products', 1, 'StatusCart.Products[1]'],
    ['ProductUpdate', 0, 'ProductUpdate[0]'],
  ] as const)('should join %j and %j as %j', (path, key, joined) => {
    expect(joinPath(path, key)).toBe(joined)
  })
})

describe('fromSchemaIssues', () => {
  it('should write valibot paths as wire paths when keys and indices mix', () => {
    const schema = v.object({ A: v.array(v.object({ b: v.custom(() => false, 'a b') })) })
    const result = v.safeParse(schema, { A: [{ b: 1 }, { b: 'x' }] })
    expect(result.success).toBe(false)
    if (!result.success) {
      expect(fromSchemaIssues(result.issues)).toEqual([
        { path: 'A[0].b', message: 'expected a b, got 1', expected: 'a b', received: '1' },
        { path: 'A[1].b', message: 'expected a b, got "x"', expected: 'a b', received: '"x"' },
      ])
    }
  })
})

describe('invalidEvent', () => {
  const issue = makeIssue('StatusCart.Products[1].quantity', 'a positive integer', 'x')

  it('should name the event, the first issue and how many more when several fail', () => {
    const error = invalidEvent('StatusCart', [issue, issue, issue])
    expect(error).toBeInstanceOf(TrackerError)
    expect(error.code).toBe('invalid_event')
    expect(error.eventName).toBe('StatusCart')
    expect(error.message).toBe(
      'Invalid StatusCart event: StatusCart.Products[1].quantity: expected a positive integer, got "x" (and 2 more)',
    )
    expect(error.issues).toHaveLength(3)
  })

  it('should say "Invalid event" and omit the path when neither is known', () => {
    expect(invalidEvent(undefined, [makeIssue('', 'a payload object', null)]).message).toBe(
      'Invalid event: expected a payload object, got null',
    )
  })

  it('should keep the cause when one is given', () => {
    const cause = new Error('x')
    expect(invalidEvent('ProductPage', [issue], cause).cause).toBe(cause)
  })
})
