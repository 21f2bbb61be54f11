import { describe, expect, it } from 'vitest'
import { createSafeStorage } from '../storage/safeStorage'
import type { BridgeStorage } from './bridgeStorage'
import { createCartMirror, type MirrorLine, sameCartContents } from './cartMirror'

// A storage as a Shopify pixel gives one: a plain map, no localStorage behind it.
const mapStorage = (): BridgeStorage & { values: Map<string, string> } => {
  const values = new Map<string, string>()
  return { values, get: (key) => values.get(key), set: (key, value) => void values.set(key, value) }
}

const line = (productKey: string, quantity: number, price = 10, extra: Partial<MirrorLine> = {}): MirrorLine => ({
  productKey,
  price,
  quantity,
  ...extra,
})

describe('createCartMirror', () => {
  it('should start from an empty cart when nothing is stored', () => {
    expect(createCartMirror(mapStorage(), 'cart').lines()).toEqual([])
  })

  it('should add a new line and answer the whole cart when a product is added', () => {
    const mirror = createCartMirror(mapStorage(), 'cart')
    mirror.add(line('A', 1))
    expect(mirror.add(line('B', 2, 5, { currency: 'USD' }))).toEqual([
      line('A', 1),
      line('B', 2, 5, { currency: 'USD' }),
    ])
  })

  it('should add the quantity and take the newer price when the product is already in the cart', () => {
    const mirror = createCartMirror(mapStorage(), 'cart')
    mirror.add(line('A', 1, 10))
    expect(mirror.add(line('A', 2, 12))).toEqual([line('A', 3, 12)])
  })

  it('should keep variants of one product apart when they differ', () => {
    const mirror = createCartMirror(mapStorage(), 'cart')
    mirror.add(line('A', 1, 10, { variant: 'red' }))
    mirror.add(line('A', 1, 10, { variant: 'blue' }))
    expect(mirror.add(line('A', 1, 10, { variant: 'red' }))).toEqual([
      line('A', 2, 10, { variant: 'red' }),
      line('A', 1, 10, { variant: 'blue' }),
    ])
  })

  it('should take the quantity off and drop the line at 0 or below when a product is removed', () => {
    const mirror = createCartMirror(mapStorage(), 'cart')
    mirror.add(line('A', 3))
    mirror.add(line('B', 1))
    expect(mirror.remove(line('A', 1))).toEqual([line('A', 2), line('B', 1)])
    expect(mirror.remove(line('A', 5))).toEqual([line('B', 1)])
    expect(mirror.remove(line('B', 1))).toEqual([])
  })

  it('should answer undefined and change nothing when the removed product is not in the cart', () => {
    const mirror = createCartMirror(mapStorage(), 'cart')
    mirror.add(line('A', 1))
    expect(mirror.remove(line('Z', 1))).toBeUndefined()
    expect(mirror.remove(line('A', 1, 10, { variant: 'red' }))).toBeUndefined()
    expect(mirror.lines()).toEqual([line('A', 1)])
  })

  it('should become the whole cart and say it changed when the contents differ', () => {
    const mirror = createCartMirror(mapStorage(), 'cart')
    mirror.add(line('A', 1))
    expect(mirror.replace([line('B', 2), line('C', 1)])).toBe(true)
    expect(mirror.lines()).toEqual([line('B', 2), line('C', 1)])
  })

  it('should say nothing changed when the same lines come in another order with other names or currency', () => {
    const mirror = createCartMirror(mapStorage(), 'cart')
    mirror.replace([line('A', 1, 10), line('B', 2, 5)])
    expect(mirror.replace([line('B', 2, 5, { currency: 'EUR' }), line('A', 1, 10)])).toBe(false)
  })

  it('should say it changed when only a quantity or a price differs', () => {
    const mirror = createCartMirror(mapStorage(), 'cart')
    mirror.replace([line('A', 1, 10)])
    expect(mirror.replace([line('A', 2, 10)])).toBe(true)
    expect(mirror.replace([line('A', 2, 11)])).toBe(true)
  })

  it('should merge lines of one product and leave out empty ones when a whole cart is given', () => {
    const mirror = createCartMirror(mapStorage(), 'cart')
    mirror.replace([line('A', 1, 10), line('B', 0), line('A', 2, 11)])
    expect(mirror.lines()).toEqual([line('A', 3, 11)])
  })

  it('should say it changed when an empty whole cart follows a non-empty mirror, and not when it repeats', () => {
    const mirror = createCartMirror(mapStorage(), 'cart')
    expect(mirror.replace([])).toBe(false)
    mirror.add(line('A', 1))
    expect(mirror.replace([])).toBe(true)
    expect(mirror.replace([])).toBe(false)
  })

  it('should be empty after clear', () => {
    const mirror = createCartMirror(mapStorage(), 'cart')
    mirror.add(line('A', 1))
    mirror.clear()
    expect(mirror.lines()).toEqual([])
  })

  it('should share one cart between mirrors on the same storage when another tab or page changes it', () => {
    const storage = createSafeStorage(() => undefined)
    const firstTab = createCartMirror(storage, 'cart')
    const secondTab = createCartMirror(storage, 'cart')
    firstTab.add(line('A', 1))
    expect(secondTab.add(line('B', 1))).toEqual([line('A', 1), line('B', 1)])
    expect(firstTab.remove(line('A', 1))).toEqual([line('B', 1)])
    firstTab.clear()
    expect(secondTab.lines()).toEqual([])
  })

  it('should keep carts under different keys apart', () => {
    const storage = mapStorage()
    createCartMirror(storage, 'one').add(line('A', 1))
    expect(createCartMirror(storage, 'two').lines()).toEqual([])
  })

  it('should store only the mirror fields, as JSON, when a line carries more', () => {
    const storage = mapStorage()
    createCartMirror(storage, 'cart').add({ ...line('A', 1), name: 'Tea' } as MirrorLine)
    expect(JSON.parse(storage.values.get('cart')!)).toEqual([line('A', 1)])
  })

  it('should count unreadable or foreign stored values as an empty cart, and skip malformed lines', () => {
    const storage = mapStorage()
    const mirror = createCartMirror(storage, 'cart')
    for (const stored of ['{not json', '{"lines":[]}', 'null', '42']) {
      storage.values.set('cart', stored)
      expect(mirror.lines()).toEqual([])
    }
    storage.values.set(
      'cart',
      JSON.stringify([
        line('A', 1),
        { productKey: 7, price: 1, quantity: 1 },
        line('B', -1),
        { productKey: 'C' },
        null,
      ]),
    )
    expect(mirror.lines()).toEqual([line('A', 1)])
  })

  it('should go on with an empty cart and never throw when the storage throws', () => {
    const broken: BridgeStorage = {
      get: () => {
        throw new Error('SecurityError')
      },
      set: () => {
        throw new Error('QuotaExceededError')
      },
    }
    const mirror = createCartMirror(broken, 'cart')
    expect(mirror.add(line('A', 1))).toEqual([line('A', 1)])
    expect(mirror.remove(line('A', 1))).toBeUndefined()
    expect(mirror.replace([line('A', 1)])).toBe(true)
    expect(() => mirror.clear()).not.toThrow()
  })
})

describe('sameCartContents', () => {
  it('should compare lines in any order by product, variant, quantity and price', () => {
    expect(sameCartContents([line('A', 1), line('B', 2)], [line('B', 2), line('A', 1)])).toBe(true)
    expect(sameCartContents([line('A', 1)], [line('A', 1, 10, { variant: 'red' })])).toBe(false)
    expect(sameCartContents([line('A', 1)], [line('A', 1), line('A', 1)])).toBe(false)
    expect(sameCartContents([], [])).toBe(true)
  })
})
