import { describe, expect, it } from 'vitest'
import { checkOptions } from './checkOptions'

describe('checkOptions', () => {
  it('should answer the default endpoint when only a siteId is given', () => {
    expect(checkOptions({ siteId: '8A412DC' })).toEqual({ ok: true, url: 'https://tracker.esputnik.com/api/v2' })
  })

  it('should accept a loopback http endpoint when testing against the collector', () => {
    expect(checkOptions({ siteId: 'S', endpoint: 'http://127.0.0.1:4700/api/v2' })).toEqual({
      ok: true,
      url: 'http://127.0.0.1:4700/api/v2',
    })
  })

  it.each([
    ['no options', undefined, /^siteId must be a non-empty string; got undefined$/],
    ['a siteId in place of the options', '8A412DC', /^siteId must be a non-empty string; got undefined$/],
    ['no siteId', {}, /siteId/],
    ['an empty siteId', { siteId: '  ' }, /siteId/],
    ['a plain http endpoint', { siteId: 'S', endpoint: 'http://tracker.example/api/v2' }, /https/],
    ['a malformed endpoint', { siteId: 'S', endpoint: 'not a url' }, /endpoint/],
    ['a null endpoint', { siteId: 'S', endpoint: null }, /endpoint must be .*; got null/],
    ['an unknown consent', { siteId: 'S', consent: 'yes' }, /consent/],
    ['a non-function onError', { siteId: 'S', onError: 'log' }, /onError/],
    ['a negative timeout', { siteId: 'S', timeout: -1 }, /timeout/],
  ])('should refuse with invalid_config when given %s', (_name, options, message) => {
    const result = checkOptions(options)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_config')
      expect(result.error.message).toMatch(message)
    }
  })
})
