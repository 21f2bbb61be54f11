import { describe, expect, it } from 'vitest'
import { type AsyncStorageArea, hydrateStorage } from './hydratedStorage'

/** A storage like a Shopify pixel's `browser.localStorage`: a real Map behind answers that come a task later. */
function asyncArea(entries: Record<string, string> = {}) {
  const values = new Map(Object.entries(entries))
  const later = <T>(answer: () => T) => new Promise<T>((resolve) => setTimeout(() => resolve(answer()), 1))
  const writes: string[] = []
  const area: AsyncStorageArea = {
    getItem: (key) => later(() => values.get(key) ?? null),
    setItem: (key, value) =>
      later(() => {
        writes.push(`set ${key}`)
        values.set(key, value)
      }),
    removeItem: (key) =>
      later(() => {
        writes.push(`remove ${key}`)
        values.delete(key)
      }),
    key: (index) => later(() => [...values.keys()][index] ?? null),
    length: () => later(() => values.size),
  }
  return { area, values, writes }
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('hydrateStorage', () => {
  it("should read the prefix's keys once and answer them synchronously, leaving other scripts' keys alone", async () => {
    const { area } = asyncArea({ 'es-tracker:cart:S': 'GUID', 'es-tracker:queue:S:1': '{}', other: 'x' })
    const storage = await hydrateStorage(area, 'es-tracker:')
    expect(storage.get('es-tracker:cart:S')).toBe('GUID')
    expect(storage.get('other')).toBeNull()
    expect(storage.keys('es-tracker:queue:')).toEqual(['es-tracker:queue:S:1'])
  })

  it('should write every change through to the storage, in call order', async () => {
    const { area, values, writes } = asyncArea({ 'es-tracker:a': '1' })
    const storage = await hydrateStorage(area, 'es-tracker:')
    storage.set('es-tracker:b', '2')
    storage.remove('es-tracker:a')
    expect(storage.get('es-tracker:b')).toBe('2')
    expect(storage.get('es-tracker:a')).toBeNull()
    await settled()
    expect(writes).toEqual(['set es-tracker:b', 'remove es-tracker:a'])
    expect(Object.fromEntries(values)).toEqual({ 'es-tracker:b': '2' })
    // The next page reads what this one wrote.
    expect((await hydrateStorage(area, 'es-tracker:')).get('es-tracker:b')).toBe('2')
  })

  it('should keep values in memory, and never throw or reject, when the storage refuses', async () => {
    const refuse = () => Promise.reject(new Error('SecurityError'))
    const area: AsyncStorageArea = { getItem: refuse, setItem: refuse, removeItem: refuse, key: refuse, length: refuse }
    const storage = await hydrateStorage(area, 'es-tracker:')
    storage.set('es-tracker:a', '1')
    expect(storage.get('es-tracker:a')).toBe('1')
    await settled()
  })

  it('should never throw when the storage throws instead of rejecting', async () => {
    const raise = () => {
      throw new Error('broken')
    }
    const area = {
      getItem: raise,
      setItem: raise,
      removeItem: raise,
      key: raise,
      length: raise,
    } as unknown as AsyncStorageArea
    const storage = await hydrateStorage(area, 'es-tracker:')
    expect(() => storage.set('es-tracker:a', '1')).not.toThrow()
    expect(storage.get('es-tracker:a')).toBe('1')
  })

  it('should start with memory only when the storage does not answer in time, and ignore its late answer', async () => {
    const { area } = asyncArea({ 'es-tracker:a': 'stored' })
    const slow: AsyncStorageArea = {
      ...area,
      length: () => new Promise((resolve) => setTimeout(() => resolve(1), 200)),
    }
    const storage = await hydrateStorage(slow, 'es-tracker:', { timeoutMs: 20 })
    expect(storage.get('es-tracker:a')).toBeNull()
    storage.set('es-tracker:a', 'mine')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(storage.get('es-tracker:a')).toBe('mine')
  })

  it('should look at no more than maxKeys keys', async () => {
    const { area } = asyncArea({ 'es-tracker:a': '1', 'es-tracker:b': '2', 'es-tracker:c': '3' })
    const storage = await hydrateStorage(area, 'es-tracker:', { maxKeys: 2 })
    expect(storage.keys('es-tracker:')).toEqual(['es-tracker:a', 'es-tracker:b'])
  })

  it("should read a prefix again on reread: other pages' writes and removals since, its own writes kept", async () => {
    const { area, values } = asyncArea({ 'es-tracker:queue:1': 'old', 'es-tracker:cart': 'G' })
    const storage = await hydrateStorage(area, 'es-tracker:')
    storage.set('es-tracker:queue:mine', 'M')
    // Another page, meanwhile: delivers entry 1, adds entry 2.
    values.delete('es-tracker:queue:1')
    values.set('es-tracker:queue:2', 'new')
    await storage.reread('es-tracker:queue:')
    expect(storage.keys('es-tracker:queue:').sort()).toEqual(['es-tracker:queue:2', 'es-tracker:queue:mine'])
    expect(storage.get('es-tracker:cart')).toBe('G')
  })
})
