import { describe, expect, it } from 'vitest'
import { loadExample, referenceContext } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { validatePayload } from '../validatePayload'
import { buildSearchRequest, type SearchRequestInput } from './buildSearchRequest'

const build = (input: unknown) => buildSearchRequest(input as SearchRequestInput, referenceContext)

describe('buildSearchRequest', () => {
  it('should produce search-request.json exactly when given its friendly input', () => {
    const payload = expectPayload(build({ search: 'Coffe' }))
    expect(payload).toStrictEqual(loadExample('search-request.json'))
    expectPayload(validatePayload(payload))
  })

  it.each([
    [true, 1],
    [1, 1],
    [false, 0],
    [0, 0],
  ] as const)('should send isFound %j as %j', (given, wire) => {
    expect(expectPayload(build({ search: 'x', isFound: given })).SearchRequest).toStrictEqual({
      search: 'x',
      isFound: wire,
    })
  })

  it.each([
    [{}, 'SearchRequest.search', /got undefined$/],
    [{ search: '' }, 'SearchRequest.search', /got ""$/],
    [{ search: 'x', isFound: 'yes' }, 'SearchRequest.isFound', 'expected the number 1 or 0, got "yes"'],
    [{ search: 'x', isFound: 2 }, 'SearchRequest.isFound', 'expected the number 1 or 0, got 2'],
  ])('should reject %j naming the wire field', (input, path, message) => {
    expectIssueAt(build(input), path, message)
  })
})
