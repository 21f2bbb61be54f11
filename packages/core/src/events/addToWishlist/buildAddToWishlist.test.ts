import { describe, expect, it } from 'vitest'
import { loadExample, referenceContext } from '../../../test/examples'
import { expectIssueAt, expectPayload } from '../../../test/expectations'
import { validatePayload } from '../validatePayload'
import { type AddToWishlistInput, buildAddToWishlist } from './buildAddToWishlist'

const example = loadExample('add-to-wishlist.json')

describe('buildAddToWishlist', () => {
  it.each([
    ['a string price and a boolean stock flag', { productKey: '72354', price: '754', isInStock: true }],
    ['a number price and a numeric stock flag', { productKey: 72354, price: 754, isInStock: 1 }],
    ['string forms', { productKey: '72354', price: '754', isInStock: '1' }],
  ] as const)('should produce add-to-wishlist.json exactly when given %s', (_, product) => {
    const input: AddToWishlistInput = {
      product: { ...product, tags: { something: ['abc', 'bca'] } },
      tags: { some_tags: ['some_tag1', 'some_tag2'] },
    }
    const payload = expectPayload(buildAddToWishlist(input, referenceContext))
    expect(payload).toStrictEqual(example)
    expectPayload(validatePayload(payload))
  })

  it.each([
    [{}, 'AddToWishlist.Product'],
    [{ product: { price: '1' } }, 'AddToWishlist.Product.productKey'],
    [{ product: { productKey: '1' } }, 'AddToWishlist.Product.price'],
    [{ product: { productKey: '1', price: NaN } }, 'AddToWishlist.Product.price'],
    [{ product: { productKey: '1', price: '1', isInStock: 2 } }, 'AddToWishlist.Product.isInStock'],
    [{ product: { productKey: '1', price: '1' }, tags: 'x' }, 'AddToWishlist.Tags'],
  ])('should reject %j naming %s', (input, path) => {
    expectIssueAt(buildAddToWishlist(input as unknown as AddToWishlistInput, referenceContext), path)
  })
})
