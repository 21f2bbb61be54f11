import { describe, expect, it } from 'vitest'
import { readGa4Push } from './readGa4Push'

function gtag(..._args: unknown[]) {
  // biome-ignore lint/complexity/noArguments: gtag pushes its arguments object, which is what is tested
  return arguments
}

describe('readGa4Push', () => {
  it('should read a dataLayer push with its ecommerce and search term, the push’s own term first', () => {
    const ecommerce = { items: [], search_term: 'inner' }
    expect(readGa4Push({ event: 'view_search_results', search_term: 'outer', ecommerce })).toEqual({
      kind: 'event',
      name: 'view_search_results',
      ecommerce,
      searchTerm: 'outer',
    })
    expect(readGa4Push({ event: 'search', ecommerce })).toMatchObject({ searchTerm: 'inner' })
  })

  it('should read gtag event arguments, the params standing for ecommerce', () => {
    const params = { currency: 'USD', items: [{ item_id: 'A' }], search_term: 'tea' }
    expect(readGa4Push(gtag('event', 'view_item', params))).toEqual({
      kind: 'event',
      name: 'view_item',
      ecommerce: params,
      searchTerm: 'tea',
    })
    expect(readGa4Push(gtag('event', 'search'))).toEqual({
      kind: 'event',
      name: 'search',
      ecommerce: undefined,
      searchTerm: undefined,
    })
  })

  it("should read gtag's user_data in both set forms", () => {
    expect(readGa4Push(gtag('set', 'user_data', { email: 'a@b.c' }))).toEqual({
      kind: 'userData',
      userData: { email: 'a@b.c' },
    })
    expect(readGa4Push(gtag('set', { user_data: { email: 'a@b.c' } }))).toEqual({
      kind: 'userData',
      userData: { email: 'a@b.c' },
    })
  })

  it("should answer undefined for Google's clearing push, pushes without an event and other gtag commands", () => {
    for (const pushed of [
      { ecommerce: null },
      { ecommerce: { items: [] } },
      { event: 42 },
      gtag('config', 'G-1'),
      gtag('set', 'user_data', 'x'),
      gtag('set', { currency: 'USD' }),
      gtag('event'),
      ['event', 'view_item', {}],
      undefined,
      'event',
    ]) {
      expect(readGa4Push(pushed)).toBeUndefined()
    }
  })

  it('should read an event whose ecommerce is null or not an object as one without ecommerce', () => {
    expect(readGa4Push({ event: 'view_item', ecommerce: null })).toMatchObject({ ecommerce: undefined })
    expect(readGa4Push({ event: 'view_item', ecommerce: 'x' })).toMatchObject({ ecommerce: undefined })
  })
})
