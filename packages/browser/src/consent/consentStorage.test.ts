import { describe, expect, it } from 'vitest'
import { createSafeStorage } from '../storage/safeStorage'
import { createConsentGate } from './consentGate'
import { createConsentStorage } from './consentStorage'

/** A Map-backed Storage that counts its writes. */
function countingStorage() {
  const data = new Map<string, string>()
  const writes: string[] = []
  const storage = {
    get length() {
      return data.size
    },
    key: (index: number) => [...data.keys()][index] ?? null,
    getItem: (key: string) => data.get(key) ?? null,
    setItem(key: string, value: string) {
      writes.push(`set ${key}`)
      data.set(key, value)
    },
    removeItem(key: string) {
      writes.push(`remove ${key}`)
      data.delete(key)
    },
  } as unknown as Storage
  return { storage, data, writes }
}

describe('createConsentStorage', () => {
  it('should write nothing before the grant, read its own writes, then write them through in order', () => {
    const real = countingStorage()
    real.data.set('t:old', 'stored earlier')
    const gate = createConsentGate('pending')
    const storage = createConsentStorage(
      createSafeStorage(() => real.storage),
      gate,
    )
    storage.set('t:identity', '{"email":"a@b.c"}')
    storage.set('t:cart', 'G1')
    storage.remove('t:old')
    expect(real.writes).toEqual([])
    expect(storage.get('t:identity')).toBe('{"email":"a@b.c"}')
    expect(storage.get('t:old')).toBeNull()
    expect(storage.keys('t:').sort()).toEqual(['t:cart', 't:identity'])
    gate.set('granted')
    expect(real.writes).toEqual(['set t:identity', 'set t:cart', 'remove t:old'])
    storage.set('t:cart', 'G2')
    expect(real.data.get('t:cart')).toBe('G2')
  })

  it('should never write when consent is denied', () => {
    const real = countingStorage()
    const gate = createConsentGate('pending')
    const storage = createConsentStorage(
      createSafeStorage(() => real.storage),
      gate,
    )
    gate.set('denied')
    storage.set('t:identity', 'x')
    expect(storage.get('t:identity')).toBe('x')
    expect(real.writes).toEqual([])
  })
})
