import { describe, expect, it } from 'vitest'
import { loadExample } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { withField, withoutField } from '../../../test/wirePath'
import { validatePayload } from '../validatePayload'

const example = loadExample('custom-event.json')

describe('customEventSchema', () => {
  it('should accept the reference example, page context included, when validated', () => {
    expect(expectPayload(validatePayload(example))).toBe(example)
  })

  it.each(['GeneralInfo.siteId', 'GeneralInfo.cookies.sc', 'CustomEvent', 'CustomEvent.EventName'])(
    'should reject the payload naming %s when that required field is missing',
    (path) => {
      expectIssueAt(validatePayload(withoutField(example, path)), path, /got undefined$/)
    },
  )

  it.each([
    ['GeneralInfo.screendim.h', '1200', 'expected a non-negative number, got "1200"'],
    ['GeneralInfo.screendim', [1200, 2304], /^expected a non-negative number, got undefined$/],
    ['GeneralInfo.adblockEnabled', 'true', 'expected true or false, got "true"'],
    ['GeneralInfo.s_location', 5, 'expected a string, got 5'],
    ['GeneralInfo.browser', 'Chrome', 'expected an object, got "Chrome"'],
    ['CustomEvent.EventName', '', 'expected a non-empty string, got ""'],
  ])('should reject %s when it is %j', (path, value, message) => {
    const issuePath = Array.isArray(value) ? `${path}.h` : path
    expectIssueAt(validatePayload(withField(example, path, value)), issuePath, message)
  })
})
