import { describe, expect, it } from 'vitest'
import { parseRetryAfter } from './retryAfter'

const now = Date.UTC(2025, 0, 1, 12, 0, 0)

describe('parseRetryAfter', () => {
  it('should read delay-seconds when the header is a number', () => {
    expect(parseRetryAfter('1', now)).toBe(1000)
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000)
    expect(parseRetryAfter('0', now)).toBe(0)
  })

  it('should read an HTTP-date relative to now when the header is a date', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:05 GMT', now)).toBe(5000)
  })

  it('should answer 0 when the date is in the past', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:00:00 GMT', now)).toBe(0)
  })

  it('should answer undefined when the header is absent or unreadable', () => {
    for (const value of [undefined, null, '', '  ', '-1', '1e3', 'soon', 'Someday, 99 Foo 2025']) {
      expect(parseRetryAfter(value, now)).toBeUndefined()
    }
  })
})
