import { describe, expect, it, vi } from 'vitest'
import { newUuid } from './newUuid'

const uuidV4 = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/

describe('newUuid', () => {
  it('should return an uppercase version 4 UUID (32 hex digits, 8-4-4-4-12) when called', () => {
    expect(newUuid()).toMatch(uuidV4)
  })

  it('should not need crypto.randomUUID when the page is plain http', () => {
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) })
    try {
      expect(newUuid()).toMatch(uuidV4)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('should use every hex digit and never repeat when called often', () => {
    const ids = Array.from({ length: 1000 }, () => newUuid())
    expect(new Set(ids).size).toBe(1000)
    expect(new Set(ids.join('').replace(/-/g, '')).size).toBe(16)
  })
})
