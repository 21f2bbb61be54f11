import { describe, expect, it } from 'vitest'
import { loadExample } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { withField, withoutField } from '../../../test/wirePath'
import { validatePayload } from '../validatePayload'

const example = loadExample('customer-data.json')

describe('customerDataSchema', () => {
  it('should accept the reference example, whose sc is not hex, when validated', () => {
    expect(expectPayload(validatePayload(example))).toBe(example)
  })

  it.each(['GeneralInfo.siteId', 'GeneralInfo.datetime', 'GeneralInfo.cookies', 'GeneralInfo.cookies.sc'])(
    'should reject the payload naming %s when that required field is missing',
    (path) => {
      expectIssueAt(validatePayload(withoutField(example, path)), path, /got undefined$/)
    },
  )

  it.each([
    ['externalCustomerId', 1234509876],
    ['user_es_contact_id', 255830499],
    ['user_email', ''],
    ['user_phone', ''],
    ['user_name', ''],
    ['externalCustomerId', ''],
  ])('should accept GeneralInfo.%s as %j when integrations send that form', (field, value) => {
    const result = validatePayload(withField(example, `GeneralInfo.${field}`, value))
    expectPayload(result)
    expect(result.ok && result.warnings).toBeFalsy()
  })

  it.each([
    ['user_email', 5, 'expected a string, got 5'],
    ['user_phone', null, 'expected a string, got null'],
    ['externalCustomerId', {}, 'expected a string or number, got an object'],
    ['cookies', 'CDA68358', 'expected an object, got "CDA68358"'],
    ['siteId', 42, 'expected a non-empty string, got 42'],
  ])('should reject GeneralInfo.%s when it is %j', (field, value, message) => {
    expectIssueAt(validatePayload(withField(example, `GeneralInfo.${field}`, value)), `GeneralInfo.${field}`, message)
  })

  it.each([
    ['user_email', 'user.example.com', 'expected an e-mail address, got "user.example.com"'],
    ['user_phone', 'call me', 'expected a phone number, got "call me"'],
    ['user_es_contact_id', 'abc', 'expected a numeric contact id, got "abc"'],
  ])('should accept the payload with a warning when GeneralInfo.%s is malformed', (field, value, message) => {
    const result = validatePayload(withField(example, `GeneralInfo.${field}`, value))
    expectPayload(result)
    expect(result.ok && result.warnings).toEqual([expect.objectContaining({ path: `GeneralInfo.${field}`, message })])
  })
})
