import { describe, expect, it } from 'vitest'
import { searchRequestFromEsJs } from './fromEsJs'

describe('searchRequestFromEsJs', () => {
  it('should keep the body as is when it is the documented form', () => {
    expect(searchRequestFromEsJs({ SearchRequest: { search: 'Coffe' } })).toEqual({
      SearchRequest: { search: 'Coffe' },
    })
  })

  it('should make isFound the number 1 or 0 when it comes as a string, a boolean or PHP\'s ""', () => {
    const found = (isFound: unknown) => {
      const result = searchRequestFromEsJs({ SearchRequest: { search: 'x', isFound } })
      return (result.SearchRequest as { isFound: unknown }).isFound
    }
    expect([found('1'), found(true), found(1), found('0'), found(false), found('')]).toEqual([1, 1, 1, 0, 0, 0])
  })

  it('should write a numeric search as a string and wrap a bare body when the key is missing', () => {
    expect(searchRequestFromEsJs({ search: 12345 })).toEqual({ SearchRequest: { search: '12345' } })
  })

  it('should pass a request it cannot read through unchanged, for validation to name', () => {
    expect(searchRequestFromEsJs({ SearchRequest: ['x'] })).toEqual({ SearchRequest: ['x'] })
  })
})
