import { describe, expect, it } from 'vitest'
import { newCartGuid } from './newCartGuid'

describe('newCartGuid', () => {
  it('should answer 32 uppercase hex digits grouped 8-4-4-4-12 when called', () => {
    for (let i = 0; i < 100; i++)
      expect(newCartGuid()).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/)
  })

  it('should answer a different GUID when called again', () => {
    const guids = new Set(Array.from({ length: 1000 }, () => newCartGuid()))
    expect(guids.size).toBe(1000)
  })
})
