import { describe, expect, it } from 'vitest'
import { checkTrackerOptions, integerRule, maxTimerMs, type OptionRule } from './checkTrackerOptions'

const messageOf = (options: unknown, ownRules: Record<string, OptionRule> = {}) => {
  const result = checkTrackerOptions(options, ownRules)
  return result.ok ? undefined : `${result.error.code}: ${result.error.message}`
}

describe('checkTrackerOptions', () => {
  it('should answer the endpoint URL when only a siteId is given', () => {
    expect(checkTrackerOptions({ siteId: '8A412DC' }, {})).toEqual({
      ok: true,
      url: 'https://tracker.esputnik.com/api/v2',
    })
  })

  it('should accept every shared option when each is well-formed', () => {
    const options = {
      siteId: ' 8A412DC ',
      endpoint: 'yespo',
      onError: () => {},
      timeout: maxTimerMs,
      concurrency: 1,
      maxQueue: 10,
      maxAgeMs: 30 * 24 * 60 * 60 * 1000,
      retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 },
    }
    expect(checkTrackerOptions(options, {})).toEqual({ ok: true, url: 'https://tracker.yespo.io/api/v2' })
  })

  it.each([
    [undefined, "siteId must be a non-empty string (the site's tracker id, e.g. '8A412DC'); got undefined"],
    ['8A412DC', "siteId must be a non-empty string (the site's tracker id, e.g. '8A412DC'); got undefined"],
    [{ siteId: ' ' }, `siteId must be a non-empty string (the site's tracker id, e.g. '8A412DC'); got " "`],
    [{ siteId: 'S', onError: 'log' }, 'onError must be a function; got "log"'],
    [{ siteId: 'S', timeout: 0 }, 'timeout must be an integer from 1 to 2147483647; got 0'],
    [{ siteId: 'S', timeout: 2 ** 31 }, 'timeout must be an integer from 1 to 2147483647; got 2147483648'],
    [{ siteId: 'S', concurrency: 1.5 }, 'concurrency must be an integer of at least 1; got 1.5'],
    [{ siteId: 'S', maxQueue: Number.NaN }, 'maxQueue must be an integer of at least 1; got NaN'],
    [{ siteId: 'S', maxAgeMs: '1000' }, 'maxAgeMs must be an integer of at least 1; got "1000"'],
    [{ siteId: 'S', retry: null }, 'retry must be an object; got null'],
    [{ siteId: 'S', retry: { attempts: 0 } }, 'retry.attempts must be an integer of at least 1; got 0'],
    [{ siteId: 'S', retry: { baseDelayMs: -1 } }, 'retry.baseDelayMs must be an integer from 0 to 2147483647; got -1'],
    [
      { siteId: 'S', retry: { maxDelayMs: 1e12 } },
      'retry.maxDelayMs must be an integer from 0 to 2147483647; got 1000000000000',
    ],
    [
      { siteId: 'S', endpoint: null },
      "endpoint must be 'esputnik', 'yespo', an https URL (http: loopback only); got null",
    ],
  ])('should refuse with invalid_config and say what the option must be when given %j', (options, message) => {
    expect(messageOf(options)).toBe(`invalid_config: ${message}`)
  })

  it("should check the platform's own rules after the shared ones when it is given some", () => {
    const ownRules = { maxStoredEvents: integerRule(1) }
    expect(messageOf({ siteId: 'S', maxStoredEvents: 0 }, ownRules)).toBe(
      'invalid_config: maxStoredEvents must be an integer of at least 1; got 0',
    )
    expect(messageOf({ siteId: 'S', timeout: 0, maxStoredEvents: 0 }, ownRules)).toMatch(/^invalid_config: timeout/)
    expect(messageOf({ siteId: 'S', maxStoredEvents: 5 }, ownRules)).toBeUndefined()
  })

  it("should accept a path on the page's origin only when it is given the page's address", () => {
    expect(checkTrackerOptions({ siteId: 'S', endpoint: '/t/api/v2' }, {}, 'https://shop.example/cart')).toEqual({
      ok: true,
      url: 'https://shop.example/t/api/v2',
    })
    expect(checkTrackerOptions({ siteId: 'S', endpoint: '/t/api/v2' }, {}).ok).toBe(false)
  })
})
