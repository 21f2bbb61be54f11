import { describe, expect, it } from 'vitest'
import { createSafeStorage } from '../storage/safeStorage'
import { createCartStore } from './cartGuid'

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
