import { describe, expect, it } from 'vitest'
import { customEventContext } from '../../test/examples'
import { buildEvent } from './buildEvent'
import { findUnknownFields } from './findUnknownFields'

describe('findUnknownFields', () => {
  it('should note a key the wire model does not know, by its wire path, when a caller made a typo', () => {
    const built = buildEvent(
      'ProductPage',
      { product: { productKey: '1', price: 5, isInstock: true, tags: { color: 'red' } }, tags: { a: '1' } },
      customEventContext,
    )
    expect(built.ok).toBe(true)
    expect(findUnknownFields(built.ok && built.payload)).toEqual([
      {
        path: 'ProductPage.Product.isInstock',
        kind: 'invalid_key',
        message: 'a field the wire model does not know: sent as given (a typo?)',
        expected: 'a field of the wire model',
        received: '"isInstock"',
      },
    ])
  })

  it('should note keys inside list items, and nothing in a payload without unknown keys', () => {
    const built = buildEvent(
      'StatusCart',
      { products: [{ productKey: '1', price: 1, quantity: 1, qty: 2 }], guid: 'G' },
      customEventContext,
    )
    expect(findUnknownFields(built.ok && built.payload).map((note) => note.path)).toEqual([
      'StatusCart.Products[0].qty',
    ])
    const clean = buildEvent('CategoryPage', { categoryKey: 'Babies' }, customEventContext)
    expect(findUnknownFields(clean.ok && clean.payload)).toEqual([])
  })
})
