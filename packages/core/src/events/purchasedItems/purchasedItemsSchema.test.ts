import { describe, expect, it } from 'vitest'
import { loadExample } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { withField, withoutField } from '../../../test/wirePath'
import { validatePayload } from '../validatePayload'

const withGuid = loadExample('purchased-items.json')
const oneClick = loadExample('purchased-items-one-click.json')

describe('purchasedItemsSchema', () => {
  it('should accept both reference examples and the combined form when validated', () => {
    expect(expectPayload(validatePayload(withGuid))).toBe(withGuid)
    expectPayload(validatePayload(oneClick))
    const both = withField(oneClick, 'PurchasedItems.GUID', '6F9619FF-8B86-D011-B42D-00CF4FC964FF')
    expectPayload(validatePayload(both))
  })

  it.each([
    [withGuid, 'GeneralInfo.cookies.sc'],
    [withGuid, 'GeneralInfo.siteId'],
    [withGuid, 'PurchasedItems'],
    [withGuid, 'PurchasedItems.OrderNumber'],
    [withGuid, 'PurchasedItems.GUID'],
    [oneClick, 'PurchasedItems.Products'],
    [oneClick, 'PurchasedItems.Products[0].product_id'],
    [oneClick, 'PurchasedItems.Products[0].unit_price'],
    [oneClick, 'PurchasedItems.Products[0].quantity'],
  ])('should reject the payload naming %#: %s when that required field is missing', (example, path) => {
    const issuePath = path === 'PurchasedItems.Products' ? 'PurchasedItems.GUID' : path
    expectIssueAt(validatePayload(withoutField(example, path)), issuePath, /got undefined$/)
  })

  it.each([
    ['PurchasedItems.Products[1].unit_price', '341,80', /got "341,80"$/],
    ['PurchasedItems.Products[1].quantity', 'two', /got "two"$/],
    ['PurchasedItems.OrderNumber', 123, /got 123$/],
    ['PurchasedItems.Tags.block_id', '21246', /got "21246"$/],
  ])('should reject %s when it is %j', (path, value, message) => {
    expectIssueAt(validatePayload(withField(oneClick, path, value)), path, message)
  })

  it('should accept the lenient forms when unit_price and quantity come as number and string', () => {
    let lenient = withField(oneClick, 'PurchasedItems.Products[0].unit_price', 201.95)
    lenient = withField(lenient, 'PurchasedItems.Products[0].quantity', '1')
    expectPayload(validatePayload(lenient))
  })

  it("should let the vendor plugins' TrackedOrderId through when a purchase carries it", () => {
    expectPayload(validatePayload(withField(withGuid, 'PurchasedItems.TrackedOrderId', '991')))
  })
})
