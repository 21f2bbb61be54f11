import { describe, expect, it } from 'vitest'
import { loadExample } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { withField, withoutField } from '../../../test/wirePath'
import { validatePayload } from '../validatePayload'

const example = loadExample('search-request.json')

describe('searchRequestSchema', () => {
  it('should accept the reference example, and isFound 0 or 1, when validated', () => {
    expect(expectPayload(validatePayload(example))).toBe(example)
    expectPayload(validatePayload(withField(example, 'SearchRequest.isFound', 0)))
    expectPayload(validatePayload(withField(example, 'SearchRequest.isFound', 1)))
  })

  it.each(['GeneralInfo.cookies.sc', 'GeneralInfo.datetime', 'SearchRequest', 'SearchRequest.search'])(
    'should reject the payload naming %s when that required field is missing',
    (path) => {
      expectIssueAt(validatePayload(withoutField(example, path)), path, /got undefined$/)
    },
  )

  it.each([
    ['SearchRequest.search', 42],
    ['SearchRequest.isFound', true],
    ['SearchRequest.isFound', '1'],
  ])('should reject %s when it is %j', (path, value) => {
    expectIssueAt(validatePayload(withField(example, path, value)), path, /^expected .+, got /)
  })
})
