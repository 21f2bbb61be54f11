// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readPageContext } from './pageContext'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('readPageContext', () => {
  it('should report the location, referrer and screen size when the document has them', () => {
    vi.stubGlobal('location', { href: 'https://shop.example/p/1?x=1' })
    vi.stubGlobal('screen', { width: 1280, height: 720 })
    vi.spyOn(document, 'referrer', 'get').mockReturnValue('https://search.example/')
    expect(readPageContext()).toEqual({
      s_location: 'https://shop.example/p/1?x=1',
      referrer: 'https://search.example/',
      screendim: { h: 720, w: 1280 },
    })
  })

  it('should leave out an empty referrer and a zero screen when there are none', () => {
    vi.stubGlobal('location', { href: 'https://shop.example/' })
    vi.stubGlobal('screen', { width: 0, height: 0 })
    vi.spyOn(document, 'referrer', 'get').mockReturnValue('')
    expect(readPageContext()).toEqual({ s_location: 'https://shop.example/' })
  })

  it('should answer an empty context when there is no document at all', () => {
    vi.stubGlobal('location', undefined)
    vi.stubGlobal('document', undefined)
    vi.stubGlobal('screen', undefined)
    expect(readPageContext()).toEqual({})
  })
})
