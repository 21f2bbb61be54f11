import { describe, expect, it } from 'vitest'
import { newCartGuid } from './newCartGuid'

describe('newCartGuid', () => {
  it("should return the reference's form (32 uppercase hex digits, 8-4-4-4-12) when called", () => {
    for (let i = 0; i < 100; i++) {
      expect(newCartGuid()).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/)
    }
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
