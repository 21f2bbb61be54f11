import { describe, expect, it } from 'vitest'
import { loadExample } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { withField, withoutField } from '../../../test/wirePath'
import { validatePayload } from '../validatePayload'

const example = loadExample('product-update.json')

describe('productUpdateSchema', () => {
  it('should accept both reference examples, without datetime or cookies, when validated', () => {
    expect(expectPayload(validatePayload(example))).toBe(example)
    expectPayload(validatePayload(loadExample('product-update-discount.json')))
  })

  it.each(['GeneralInfo.siteId', 'ProductUpdate', 'ProductUpdate[1].product_id', 'ProductUpdate[1].isInStock'])(
    'should reject the payload naming %s when that required field is missing',
    (path) => {
      expectIssueAt(validatePayload(withoutField(example, path)), path, /got undefined$/)
    },
  )

  it.each([
    ['ProductUpdate', [], /got \[\]$/],
    ['ProductUpdate[0].isInStock', 2, /got 2$/],
    ['ProductUpdate[0].unit_price', '201,95', /got "201,95"$/],
    ['ProductUpdate[0].category_id', '3', /got "3"$/],
    ['ProductUpdate[0].tag_discount', 10, /got 10$/],
    ['ProductUpdate[0].imgurl', false, /got false$/],
  ])('should reject %s when it is %j', (path, value, message) => {
    expectIssueAt(validatePayload(withField(example, path, value)), path, message)
  })

  it('should accept unit_price as a number when integrations send one', () => {
    expectPayload(validatePayload(withField(example, 'ProductUpdate[0].unit_price', 201.95)))
  })
})
