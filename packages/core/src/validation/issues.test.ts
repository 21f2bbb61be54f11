import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { TrackerError } from '../errors/TrackerError'
import { fromSchemaIssues, invalidEvent, joinPath, makeIssue } from './issues'

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
        { path: 'A[0].b', kind: 'invalid_value', message: 'expected a b, got 1', expected: 'a b', received: '1' },
        { path: 'A[1].b', kind: 'invalid_value', message: 'expected a b, got "x"', expected: 'a b', received: '"x"' },
      ])
    }
  })

  it('should tell a missing key from a key that is not allowed when valibot reports either', () => {
    const schema = v.object({
      A: v.record(
        v.custom<string>((key) => key === 'ok', 'a name'),
        v.string(),
      ),
    })
    const missing = v.safeParse(schema, {})
    const badName = v.safeParse(schema, { A: { bad: 'x' } })
    expect(missing.success || fromSchemaIssues(missing.issues).map((issue) => issue.kind)).toEqual(['missing'])
    expect(badName.success || fromSchemaIssues(badName.issues).map((issue) => issue.kind)).toEqual(['invalid_key'])
  })
})

describe('makeIssue', () => {
  it('should say missing for undefined, invalid_value for anything else, or the kind it is told', () => {
    expect(makeIssue('a', 'x', undefined).kind).toBe('missing')
    expect(makeIssue('a', 'x', null).kind).toBe('invalid_value')
    expect(makeIssue('a', 'x', 'y', 'forbidden_key')).toEqual({
      path: 'a',
      kind: 'forbidden_key',
      message: 'expected x, got "y"',
      expected: 'x',
      received: '"y"',
    })
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
