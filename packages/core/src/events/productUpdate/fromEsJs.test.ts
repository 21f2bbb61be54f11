import { describe, expect, it } from 'vitest'
import { productUpdateFromEsJs } from './fromEsJs'

describe('productUpdateFromEsJs', () => {
  it('should write ids and prices as strings and stock flags as "1"/"0" when they come loose', () => {
    expect(
      productUpdateFromEsJs({
        ProductUpdate: [{ productKey: 430738, price: 201.95, isInStock: true, currency: 'UAH' }],
      }),
    ).toEqual({
      ok: true,
      body: {
        ProductUpdate: [{ product_id: '430738', unit_price: '201.95', isInStock: '1', price_currency_code: 'UAH' }],
      },
    })
  })

  it('should answer invalid_event naming ProductUpdate when it is not a list', () => {
    const result = productUpdateFromEsJs({ ProductUpdate: {} })
    expect(!result.ok && result.error.issues[0]?.path).toBe('ProductUpdate')
  })
})
