import { describe, expect, it } from 'vitest'
import { basicAuthHeader } from './basicAuthHeader'

describe('basicAuthHeader', () => {
  it('should encode an empty user and the key as password when given an ASCII key', () => {
    expect(basicAuthHeader('secret')).toBe(`Basic ${Buffer.from(':secret').toString('base64')}`)
  })

  it('should encode the key as UTF-8 when it has non-ASCII characters', () => {
    expect(basicAuthHeader('ключ')).toBe(`Basic ${Buffer.from(':ключ', 'utf8').toString('base64')}`)
  })
})
