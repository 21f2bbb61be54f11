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
    [
      'no options',
      undefined,
      /^siteId must be a non-empty string \(the site's tracker id, e\.g\. '8A412DC'\); got undefined$/,
    ],
    [
      'a siteId in place of the options',
      '8A412DC',
      /^siteId must be a non-empty string \(the site's tracker id, e\.g\. '8A412DC'\); got undefined$/,
    ],
    ['no siteId', {}, /siteId/],
    ['an empty siteId', { siteId: '  ' }, /siteId/],
    ['a plain http endpoint', { siteId: 'S', endpoint: 'http://tracker.example/api/v2' }, /https/],
    ['a malformed endpoint', { siteId: 'S', endpoint: 'not a url' }, /endpoint/],
    ['a null endpoint', { siteId: 'S', endpoint: null }, /endpoint must be .*; got null/],
    ['an unknown consent', { siteId: 'S', consent: 'yes' }, /consent/],
    ['a non-function onError', { siteId: 'S', onError: 'log' }, /onError/],
    ['a negative timeout', { siteId: 'S', timeout: -1 }, /timeout/],
    [
      'a timeout setTimeout cannot wait',
      { siteId: 'S', timeout: 2 ** 31 },
      /^timeout must be an integer from 1 to 2147483647; got 2147483648$/,
    ],
    [
      'a fractional concurrency',
      { siteId: 'S', concurrency: 1.5 },
      /^concurrency must be an integer of at least 1; got 1\.5$/,
    ],
    ['a retry that is no object', { siteId: 'S', retry: 'often' }, /^retry must be an object; got "often"$/],
    [
      'no attempts at all',
      { siteId: 'S', retry: { attempts: 0 } },
      /^retry\.attempts must be an integer of at least 1; got 0$/,
    ],
    [
      'a fractional maxStoredEvents',
      { siteId: 'S', maxStoredEvents: 2.5 },
      /^maxStoredEvents must be an integer of at least 1/,
    ],
  ])('should refuse with invalid_config when given %s', (_name, options, message) => {
    const result = checkOptions(options)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_config')
      expect(result.error.message).toMatch(message)
    }
  })
})
