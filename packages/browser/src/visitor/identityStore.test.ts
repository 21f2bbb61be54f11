import { describe, expect, it } from 'vitest'
import { createSafeStorage } from '../storage/safeStorage'
import { createIdentityStore } from './identityStore'

const memoryStorage = () => createSafeStorage(() => undefined)

describe('createIdentityStore', () => {
  it('should merge fields when identify is called twice', () => {
    const store = createIdentityStore(memoryStorage(), 'id')
    store.identify({ email: 'jane@example.com' })
    store.identify({ externalCustomerId: 42, phone: '+380501113010' })
    expect(store.get()).toEqual({ email: 'jane@example.com', externalCustomerId: 42, phone: '+380501113010' })
  })

  it('should keep the identity for the next page when it reads the same storage', () => {
    const storage = memoryStorage()
    createIdentityStore(storage, 'id').identify({ name: 'Jane', contactId: '77' })
    expect(createIdentityStore(storage, 'id').get()).toEqual({ name: 'Jane', contactId: '77' })
  })

  it('should forget one field when it is given as null or an empty string', () => {
    const store = createIdentityStore(memoryStorage(), 'id')
    store.identify({ email: 'jane@example.com', name: 'Jane', phone: '1' })
    store.identify({ email: null, name: '' })
    expect(store.get()).toEqual({ phone: '1' })
  })

  it('should ignore unknown fields and values of the wrong type when identify is given them', () => {
    const store = createIdentityStore(memoryStorage(), 'id')
    store.identify({ email: 'a@b.c', nickname: 'x', phone: { nested: true }, contactId: Number.NaN } as never)
    expect(store.get()).toEqual({ email: 'a@b.c' })
  })

  it('should keep what is known, not throw, when the input has a throwing getter', () => {
    const store = createIdentityStore(memoryStorage(), 'id')
    store.identify({ email: 'jane@example.com' })
    const hostile = Object.defineProperty({ phone: '1' }, 'name', {
      enumerable: true,
      get() {
        throw new Error('hostile getter')
      },
    })
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(() => store.identify(hostile)).not.toThrow()
    expect(() => store.identify(proxy)).not.toThrow()
    expect(store.get()).toEqual({ email: 'jane@example.com' })
  })

  it('should forget everything when cleared', () => {
    const store = createIdentityStore(memoryStorage(), 'id')
    store.identify({ email: 'a@b.c' })
    store.clear()
    expect(store.get()).toBeUndefined()
  })

  it('should answer no identity fields when its key holds foreign data', () => {
    const storage = memoryStorage()
    storage.set('id', '{not json')
    expect(createIdentityStore(storage, 'id').get()).toBeUndefined()
    storage.set('id', '"text"')
    expect(createIdentityStore(storage, 'id').get()).toEqual({})
    storage.set('id', JSON.stringify({ email: { nested: true }, other: 'x' }))
    expect(createIdentityStore(storage, 'id').get()).toEqual({})
  })

  it('should see a change made by another tab when it reads again', () => {
    const storage = memoryStorage()
    const store = createIdentityStore(storage, 'id')
    store.identify({ email: 'a@b.c' })
    expect(store.get()).toEqual({ email: 'a@b.c' })
    storage.set('id', JSON.stringify({ email: 'other@b.c' }))
    expect(store.get()).toEqual({ email: 'other@b.c' })
  })
})
