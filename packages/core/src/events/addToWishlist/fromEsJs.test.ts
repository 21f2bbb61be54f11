import { describe, expect, it } from 'vitest'
import { addToWishlistFromEsJs } from './fromEsJs'

describe('addToWishlistFromEsJs', () => {
  it('should build the AddToWishlist body when the eS.JS product comes under AddToWishlist', () => {
    expect(addToWishlistFromEsJs({ AddToWishlist: { productKey: '72354', price: 754, isInStock: true } })).toEqual({
      AddToWishlist: { Product: { productKey: '72354', price: '754', isInStock: '1' } },
    })
  })

  it('should take the product under ProductPage when the integration copied the product-page call', () => {
    const result = addToWishlistFromEsJs({ ProductPage: { productKey: '72354', price: '754', isInStock: '0' } })
    expect(result).toEqual({
      AddToWishlist: { Product: { productKey: '72354', price: '754', isInStock: '0' } },
    })
  })

  it('should pass the REST form through when the body has a Product wrapper', () => {
    const rest = {
      AddToWishlist: { Product: { productKey: '72354', price: '754', isInStock: '1' }, Tags: { t: ['1'] } },
    }
    expect(addToWishlistFromEsJs(rest)).toEqual(rest)
  })
})
