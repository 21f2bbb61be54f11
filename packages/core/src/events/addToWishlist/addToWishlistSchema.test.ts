import { describe, expect, it } from 'vitest'
import { loadExample } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { withField, withoutField } from '../../../test/wirePath'
import { validatePayload } from '../validatePayload'

const example = loadExample('add-to-wishlist.json')

describe('addToWishlistSchema', () => {
  it('should accept the reference example when validated', () => {
    expect(expectPayload(validatePayload(example))).toBe(example)
  })

  it.each([
    'GeneralInfo.siteId',
    'GeneralInfo.datetime',
    'GeneralInfo.cookies.sc',
    'AddToWishlist',
    'AddToWishlist.Product',
    'AddToWishlist.Product.productKey',
    'AddToWishlist.Product.price',
  ])('should reject the payload naming %s when that required field is missing', (path) => {
    expectIssueAt(validatePayload(withoutField(example, path)), path, /got undefined$/)
  })

  it.each([
    ['AddToWishlist.Product.productKey', '', 'AddToWishlist.Product.productKey'],
    ['AddToWishlist.Product.price', null, 'AddToWishlist.Product.price'],
    ['AddToWishlist.Product.isInStock', '2', 'AddToWishlist.Product.isInStock'],
    ['AddToWishlist.Product.tag_something', [1], 'AddToWishlist.Product.tag_something'],
    ['AddToWishlist.Tags.some_tags', [null], 'AddToWishlist.Tags.some_tags[0]'],
  ])('should reject %s when it is %j', (path, value, issuePath) => {
    expectIssueAt(validatePayload(withField(example, path, value)), issuePath, /^expected .+, got /)
  })

  it('should reject the event naming the misplaced key when the body is under ProductPage', () => {
    const { AddToWishlist: body, ...rest } = example
    const result = validatePayload({ ...rest, ProductPage: body })
    expectIssueAt(result, 'ProductPage', 'expected the body under "AddToWishlist", got "ProductPage"')
    expectIssueAt(result, 'AddToWishlist', 'expected an object, got undefined')
  })
})
