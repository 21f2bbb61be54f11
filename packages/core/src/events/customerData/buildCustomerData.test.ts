import { describe, expect, it } from 'vitest'
import { customerDataContext, loadExample } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { validatePayload } from '../validatePayload'
import { buildCustomerData } from './buildCustomerData'

describe('buildCustomerData', () => {
  it('should produce customer-data.json exactly when given its context', () => {
    const payload = expectPayload(buildCustomerData(undefined, customerDataContext))
    expect(payload).toStrictEqual(loadExample('customer-data.json'))
    expectPayload(validatePayload(payload))
  })

  it('should ignore the input and send GeneralInfo only when given an empty object', () => {
    expect(Object.keys(expectPayload(buildCustomerData({}, customerDataContext)))).toEqual(['GeneralInfo'])
  })

  it('should reject the event naming GeneralInfo.cookies.sc when the context has no sc', () => {
    expectIssueAt(buildCustomerData(undefined, { siteId: '8D3869C' }), 'GeneralInfo.cookies.sc', /got undefined$/)
  })

  it('should reject the event naming GeneralInfo.siteId when the context has an empty siteId', () => {
    expectIssueAt(buildCustomerData(undefined, { siteId: '', sc: 'x' }), 'GeneralInfo.siteId', /got ""$/)
  })
})
