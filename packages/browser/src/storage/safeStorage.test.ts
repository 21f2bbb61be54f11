import { describe, expect, it } from 'vitest'
import { createSafeStorage } from './safeStorage'

/** A Map-backed Storage whose methods can be made to throw. */
function fakeStorage(options: { throwOnRead?: boolean; throwOnWrite?: boolean } = {}) {
  const data = new Map<string, string>()
  const storage = {
    get length() {
      if (options.throwOnRead) throw new DOMException('denied', 'SecurityError')
      return data.size
    },
    key: (index: number) => [...data.keys()][index] ?? null,
    getItem(key: string) {
      if (options.throwOnRead) throw new DOMException('denied', 'SecurityError')
      return data.get(key) ?? null
    },
    setItem(key: string, value: string) {
      if (options.throwOnWrite) throw new DOMException('full', 'QuotaExceededError')
      data.set(key, value)
    },
    removeItem(key: string) {
      if (options.throwOnWrite) throw new DOMException('full', 'QuotaExceededError')
      data.delete(key)
    },
  } as unknown as Storage
  return { storage, data, options }
}

describe('createSafeStorage', () => {
  it('should read and write the real storage when it works', () => {
    const fake = fakeStorage()
    const storage = createSafeStorage(() => fake.storage)
    storage.set('a', '1')
    expect(fake.data.get('a')).toBe('1')
    expect(storage.get('a')).toBe('1')
    storage.remove('a')
    expect(storage.get('a')).toBeNull()
    expect(fake.data.has('a')).toBe(false)
  })

  it('should fall back to memory when accessing storage throws', () => {
    const storage = createSafeStorage(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError')
    })
    expect(() => storage.set('a', '1')).not.toThrow()
    expect(storage.get('a')).toBe('1')
    storage.remove('a')
    expect(storage.get('a')).toBeNull()
  })

  it('should keep a value in memory when the write throws because storage is full', () => {
    const fake = fakeStorage({ throwOnWrite: true })
    fake.data.set('a', 'stale')
    const storage = createSafeStorage(() => fake.storage)
    storage.set('a', 'fresh')
    expect(storage.get('a')).toBe('fresh')
    expect(fake.data.get('a')).toBe('stale')
    storage.remove('a')
    expect(storage.get('a')).toBeNull()
  })

  it('should return to the real storage when a later write succeeds', () => {
    const fake = fakeStorage({ throwOnWrite: true })
    const storage = createSafeStorage(() => fake.storage)
    storage.set('a', 'memory')
    fake.options.throwOnWrite = false
    storage.set('a', 'real')
    fake.data.set('a', 'changed by another tab')
    expect(storage.get('a')).toBe('changed by another tab')
  })

  it('should answer null without throwing when reads throw and nothing was written', () => {
    const storage = createSafeStorage(() => fakeStorage({ throwOnRead: true }).storage)
    expect(storage.get('missing')).toBeNull()
  })

  it('should use memory when there is no storage at all', () => {
    const storage = createSafeStorage(() => undefined)
    storage.set('a', '1')
    expect(storage.get('a')).toBe('1')
  })

  it('should list keys by prefix from storage and memory when some writes failed', () => {
    const fake = fakeStorage()
    const storage = createSafeStorage(() => fake.storage)
    storage.set('q:a', '1')
    storage.set('other', '1')
    fake.options.throwOnWrite = true
    storage.set('q:b', '2')
    storage.remove('q:a')
    expect(storage.keys('q:').sort()).toEqual(['q:b'])
  })

  it('should list memory keys when storage is disabled', () => {
    const storage = createSafeStorage(() => fakeStorage({ throwOnRead: true, throwOnWrite: true }).storage)
    storage.set('q:a', '1')
    expect(storage.keys('q:')).toEqual(['q:a'])
  })
})
