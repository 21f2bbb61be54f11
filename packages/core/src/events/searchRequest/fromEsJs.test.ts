import { describe, expect, it } from 'vitest'
import { searchRequestFromEsJs } from './fromEsJs'

describe('searchRequestFromEsJs', () => {
  it('should keep the body as is when it is the documented form', () => {
    expect(searchRequestFromEsJs({ SearchRequest: { search: 'Coffe' } })).toEqual({
      ok: true,
      body: { SearchRequest: { search: 'Coffe' } },
    })
  })

  it('should make isFound the number 1 or 0 when it comes as a string, a boolean or PHP\'s ""', () => {
    const found = (isFound: unknown) => {
      const result = searchRequestFromEsJs({ SearchRequest: { search: 'x', isFound } })
      return result.ok ? (result.body.SearchRequest as { isFound: unknown }).isFound : undefined
    }
    expect([found('1'), found(true), found(1), found('0'), found(false), found('')]).toEqual([1, 1, 1, 0, 0, 0])
  })

  it('should write a numeric search as a string and wrap a bare body when the key is missing', () => {
    expect(searchRequestFromEsJs({ search: 12345 })).toEqual({ ok: true, body: { SearchRequest: { search: '12345' } } })
  })

  it('should answer invalid_event naming SearchRequest when there is no request', () => {
    const result = searchRequestFromEsJs({})
    expect(!result.ok && result.error.issues[0]?.path).toBe('SearchRequest')
  })
})
