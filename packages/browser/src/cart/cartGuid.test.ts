import { describe, expect, it } from 'vitest'
import { createSafeStorage } from '../storage/safeStorage'
import { createCartStore, newCartGuid } from './cartGuid'

describe('newCartGuid', () => {
  it("should return the reference's form (32 uppercase hex digits, 8-4-4-4-12) when called", () => {
    expect(newCartGuid()).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/)
  })

  it('should use every hex digit when called often', () => {
    const digits = new Set(Array.from({ length: 50 }, () => newCartGuid().replace(/-/g, '')).join(''))
    expect(digits.size).toBe(16)
  })

  it('should return a different GUID when called again', () => {
    const guids = new Set(Array.from({ length: 1000 }, () => newCartGuid()))
    expect(guids.size).toBe(1000)
  })
})

describe('createCartStore', () => {
  it('should share the GUID between stores on the same storage when another page reads it', () => {
    const storage = createSafeStorage(() => undefined)
    createCartStore(storage, 'cart').set('GUID-1')
    expect(createCartStore(storage, 'cart').get()).toBe('GUID-1')
  })

  it('should forget the GUID when cleared', () => {
    const store = createCartStore(
      createSafeStorage(() => undefined),
      'cart',
    )
    store.set('GUID-1')
    store.clear()
    expect(store.get()).toBeUndefined()
  })
})
