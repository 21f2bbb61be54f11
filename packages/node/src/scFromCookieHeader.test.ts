import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { scFromCookieHeader } from './scFromCookieHeader'

describe('scFromCookieHeader', () => {
  it('should answer the sc value when the header has an sc cookie among others', () => {
    expect(scFromCookieHeader('a=1; sc=CDA68358-94FB-4D83-9655-3FEB3C4114A3; b=2')).toBe(
      'CDA68358-94FB-4D83-9655-3FEB3C4114A3',
    )
    expect(scFromCookieHeader('sc=abc')).toBe('abc')
    expect(scFromCookieHeader(' sc = abc ;x=y')).toBe('abc')
  })

  it('should not confuse cookies whose names only contain sc', () => {
    expect(scFromCookieHeader('esc=1; sca=2; _sc=3')).toBeUndefined()
    expect(scFromCookieHeader('esc=1; sc=real')).toBe('real')
  })

  it('should decode URI components and quotes when the value is encoded', () => {
    expect(scFromCookieHeader('sc=a%20b%3D')).toBe('a b=')
    expect(scFromCookieHeader('sc="quoted"')).toBe('quoted')
  })

  it('should keep the raw value when its encoding is broken', () => {
    expect(scFromCookieHeader('sc=%E0%A4%A')).toBe('%E0%A4%A')
  })

  it('should answer undefined when the header is absent, empty or has an empty sc', () => {
    for (const header of [undefined, null, '', 'a=1', 'sc=', 'sc', 'sc=""', 'sc= ;']) {
      expect(scFromCookieHeader(header)).toBeUndefined()
    }
  })

  it('should skip an empty sc and take a later non-empty one', () => {
    expect(scFromCookieHeader('sc=; sc=second')).toBe('second')
  })

  it('should read an array of header lines when a framework passes one', () => {
    expect(scFromCookieHeader(['a=1', 'sc=from-array'])).toBe('from-array')
  })

  it('should never throw whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = scFromCookieHeader(value as string)
        return result === undefined || (typeof result === 'string' && result !== '')
      }),
    )
  })
})
