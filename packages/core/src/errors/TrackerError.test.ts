import { describe, expect, it } from 'vitest'
import { isTrackerError, TrackerError } from './TrackerError'

describe('TrackerError', () => {
  it('should carry its code, message, cause, status and event name when they are given', () => {
    const cause = new TypeError('Failed to fetch')
    const error = new TrackerError('http_error', 'failed', { cause, status: 503, eventName: 'StatusCart' })
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({ name: 'TrackerError', code: 'http_error', message: 'failed', status: 503 })
    expect(error.cause).toBe(cause)
    expect(error.eventName).toBe('StatusCart')
    expect(error.issues).toEqual([])
  })

  it('should keep the cause where Error ignores its options argument (browsers before ES2022)', () => {
    const NativeError = globalThis.Error
    // An Error constructor that knows no `{ cause }` option, as in older browsers.
    class OldError extends NativeError {
      constructor(message?: string) {
        super(message)
      }
    }
    Object.setPrototypeOf(TrackerError, OldError)
    Object.setPrototypeOf(TrackerError.prototype, OldError.prototype)
    try {
      const cause = new Error('reset')
      expect(new TrackerError('network_error', 'failed', { cause }).cause).toBe(cause)
    } finally {
      Object.setPrototypeOf(TrackerError, NativeError)
      Object.setPrototypeOf(TrackerError.prototype, NativeError.prototype)
    }
  })

  it('should have no cause, status or event name when none is given', () => {
    const error = new TrackerError('invalid_config', 'no siteId')
    expect('cause' in error).toBe(false)
    expect('status' in error).toBe(false)
    expect('eventName' in error).toBe(false)
  })
})

describe('isTrackerError', () => {
  it('should recognise a TrackerError when it is one', () => {
    expect(isTrackerError(new TrackerError('timeout', 'took too long'))).toBe(true)
  })

  it("should recognise another copy's TrackerError by its name and code when instanceof cannot", () => {
    const foreign = Object.assign(new Error('refused'), { name: 'TrackerError', code: 'http_error' })
    expect(foreign instanceof TrackerError).toBe(false)
    expect(isTrackerError(foreign)).toBe(true)
  })

  it('should refuse anything else when it is not a TrackerError', () => {
    for (const value of [new Error('x'), { name: 'TrackerError', code: 'timeout' }, null, undefined, 'TrackerError']) {
      expect(isTrackerError(value)).toBe(false)
    }
    expect(isTrackerError(Object.assign(new Error('x'), { name: 'TrackerError' }))).toBe(false)
  })
})
