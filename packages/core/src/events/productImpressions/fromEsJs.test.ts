import { describe, expect, it } from 'vitest'
import { productImpressionsFromEsJs } from './fromEsJs'

describe('productImpressionsFromEsJs', () => {
  it('should wrap the list in Products when the eS.JS body is a list under ProductImpression', () => {
    expect(
      productImpressionsFromEsJs({
        ProductImpression: [
          { product_id: '430968', container_type: '1253' },
          { product_id: 430738, container_type: 1254 },
        ],
      }),
    ).toEqual({
      ProductImpression: {
        Products: [
          { product_id: '430968', container_type: '1253' },
          { product_id: '430738', container_type: '1254' },
        ],
      },
    })
  })

  it('should accept the plural key and productKey when an integration followed the other docs', () => {
    const result = productImpressionsFromEsJs({ ProductImpressions: [{ productKey: '1', containerType: 'recs' }] })
    expect(result).toEqual({
      ProductImpression: { Products: [{ product_id: '1', container_type: 'recs' }] },
    })
  })

  it('should pass the REST form through when the body has a Products array', () => {
    const rest = {
      ProductImpression: { Products: [{ product_id: '430968', container_type: '1253' }], Tags: { a: ['1'] } },
    }
    expect(productImpressionsFromEsJs(rest)).toEqual(rest)
    expect(productImpressionsFromEsJs(rest.ProductImpression)).toEqual(rest)
  })

  it('should pass a list it cannot read through unchanged, for validation to name', () => {
    expect(productImpressionsFromEsJs({ ProductImpression: 5 })).toEqual({ ProductImpression: 5 })
  })
})
