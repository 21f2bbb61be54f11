import { describe, expect, it } from 'vitest'
import { productPageFromEsJs } from './fromEsJs'

describe('productPageFromEsJs', () => {
  it('should wrap the product and make isInStock "1" when the eS.JS body is flat', () => {
    expect(
      productPageFromEsJs({ ProductPage: { productKey: '72354', price: '754', isInStock: 1, tag_something: ['abc'] } }),
    ).toEqual({
      ProductPage: { Product: { productKey: '72354', price: '754', isInStock: '1', tag_something: ['abc'] } },
    })
  })

  it('should read every stock spelling integrations print when isInStock comes as "1", 1, "", true or "0"', () => {
    const stock = (isInStock: unknown) => {
      const result = productPageFromEsJs({ ProductPage: { productKey: '1', price: '5', isInStock } })
      return (result.ProductPage as { Product: { isInStock: unknown } }).Product.isInStock
    }
    expect([stock('1'), stock(1), stock(true), stock(''), stock('0'), stock(false)]).toEqual([
      '1',
      '1',
      '1',
      '0',
      '0',
      '0',
    ])
  })

  it('should keep the price string as given and leave isInStock out when it is not given', () => {
    const result = productPageFromEsJs({ ProductPage: { productKey: 72354, price: '450.00' } })
    expect(result).toEqual({ ProductPage: { Product: { productKey: '72354', price: '450.00' } } })
  })

  it('should write a numeric price as a string when a template printed it unquoted', () => {
    const result = productPageFromEsJs({ ProductPage: { productKey: '1', price: 754 } })
    expect(result).toEqual({ ProductPage: { Product: { productKey: '1', price: '754' } } })
  })

  it('should move Tags into the body when they come beside or inside the product', () => {
    const beside = productPageFromEsJs({ ProductPage: { productKey: '1', price: '5' }, Tags: { a: 'x' } })
    const inside = productPageFromEsJs({ ProductPage: { productKey: '1', price: '5', Tags: { a: ['x'] } } })
    const expected = { ProductPage: { Product: { productKey: '1', price: '5' }, Tags: { a: ['x'] } } }
    expect(beside).toEqual(expected)
    expect(inside).toEqual(expected)
  })

  it('should pass the REST form through when the body has a Product wrapper', () => {
    const rest = {
      ProductPage: {
        Product: { productKey: '72354', price: '754 USD', isInStock: '1', tag_something: ['abc', 'bca'] },
        Tags: { some_tags: ['some_tag1', 'some_tag2'] },
      },
    }
    expect(productPageFromEsJs(rest)).toEqual(rest)
    expect(productPageFromEsJs(rest.ProductPage)).toEqual(rest)
  })

  it('should pass a product it cannot read through unchanged, for validation to name', () => {
    expect(productPageFromEsJs({ ProductPage: 'x' })).toEqual({ ProductPage: 'x' })
  })
})
