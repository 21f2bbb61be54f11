import { describe, expect, it } from 'vitest'
import { resolveEndpoint } from './resolveEndpoint'

describe('resolveEndpoint', () => {
  it('should answer the eSputnik endpoint when no endpoint is given', () => {
    expect(resolveEndpoint()).toEqual({ ok: true, url: 'https://tracker.esputnik.com/api/v2' })
    expect(resolveEndpoint(undefined)).toEqual({ ok: true, url: 'https://tracker.esputnik.com/api/v2' })
  })

  it('should answer the preset URL when a preset name is given', () => {
    expect(resolveEndpoint('esputnik')).toEqual({ ok: true, url: 'https://tracker.esputnik.com/api/v2' })
    expect(resolveEndpoint('yespo')).toEqual({ ok: true, url: 'https://tracker.yespo.io/api/v2' })
  })

  it('should accept any https URL when one is given', () => {
    expect(resolveEndpoint('https://proxy.example.com/track')).toEqual({
      ok: true,
      url: 'https://proxy.example.com/track',
    })
  })

  it('should accept plain http when the host is a loopback address', () => {
    for (const endpoint of [
      'http://127.0.0.1:4700/api/v2',
      'http://127.5.6.7/api/v2',
      'http://localhost:4700/api/v2',
      'http://[::1]:4700/api/v2',
      'http://127.1:80/x',
    ]) {
      expect(resolveEndpoint(endpoint).ok, endpoint).toBe(true)
    }
  })

  it('should refuse plain http with invalid_config when the host is not loopback', () => {
    for (const endpoint of [
      'http://tracker.esputnik.com/api/v2',
      'http://10.0.0.1/api/v2',
      'http://128.0.0.1/',
      'http://localhost.evil.com/',
      'http://[::2]/',
    ]) {
      const result = resolveEndpoint(endpoint)
      expect(result.ok, endpoint).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('invalid_config')
        expect(result.error.message).toContain('https')
      }
    }
  })

  it('should refuse with invalid_config when the endpoint is not a usable URL', () => {
    for (const endpoint of [
      '',
      'tracker.esputnik.com',
      'ftp://example.com/',
      'https://u:p@example.com/',
      42,
      null,
      {},
    ]) {
      const result = resolveEndpoint(endpoint)
      expect(result.ok, String(endpoint)).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('invalid_config')
    }
  })
})

describe('resolveEndpoint with the page address', () => {
  it('should accept a path on the page origin when the page address is given', () => {
    expect(resolveEndpoint('/t/api/v2', 'https://shop.example/cart?x=1')).toEqual({
      ok: true,
      url: 'https://shop.example/t/api/v2',
    })
    // The site's own endpoint speaks the page's protocol, whatever its host.
    expect(resolveEndpoint('/t/api/v2', 'http://shop.test:8080/')).toEqual({
      ok: true,
      url: 'http://shop.test:8080/t/api/v2',
    })
  })

  it('should refuse a path when there is no page address, and a protocol-relative host always', () => {
    expect(resolveEndpoint('/t/api/v2').ok).toBe(false)
    for (const endpoint of ['//evil.example/api/v2', '/\\evil.example/api/v2', 't/api/v2']) {
      expect([endpoint, resolveEndpoint(endpoint, 'http://shop.test/').ok]).toEqual([endpoint, false])
    }
    const refused = resolveEndpoint('nope', 'https://shop.example/')
    expect(refused.ok ? '' : refused.error.message).toMatch(/or a path on the page's origin such as '\/t\/api\/v2'/)
  })
})
