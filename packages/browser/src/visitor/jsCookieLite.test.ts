import Cookies from 'js-cookie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import jsCookieLite from './jsCookieLite'

/** A document whose cookie string a test sets, recording every cookie written. */
function stubDocument(cookie: string) {
  const writes: string[] = []
  vi.stubGlobal('document', {
    get cookie() {
      return cookie
    },
    set cookie(value: string) {
      writes.push(value)
    },
  })
  return writes
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

describe('jsCookieLite.get', () => {
  it.each([
    ['no cookies', ''],
    ['the cookie alone', 'sc=ABC-123'],
    ['the cookie among others', 'a=1; sc=ABC; b=2'],
    ['a quoted value', 'sc="ABC"'],
    ['percent-encoded runs', 'sc=J%C3%BCrgen%20X; other=%E2%82%AC'],
    ['an "=" inside the value', 'sc=a=b=c'],
    ['the name twice (first wins)', 'sc=FIRST; sc=SECOND'],
    ['an encoded name', 's%63=ENCODED'],
    ['a value that does not decode before a good one', 'sc=%E0%A4%A; sc=GOOD'],
    ['a name that does not decode', '%E0%A4%A=x; sc=OK'],
    ['a cookie without "="', 'sc; x=1'],
    ['a similar name', 'scx=1; xsc=2'],
  ])('should read what js-cookie reads when given %s', (_name, cookie) => {
    stubDocument(cookie)
    expect(jsCookieLite.get('sc')).toBe(Cookies.get('sc'))
  })
})

describe('jsCookieLite.set', () => {
  it.each([true, false])('should write the cookie js-cookie writes when secure is %s', (secure) => {
    vi.useFakeTimers({ now: new Date('2025-03-01T10:00:00Z') })
    const writes = stubDocument('')
    const attributes = { expires: 365, path: '/', sameSite: 'Lax', secure } as const
    jsCookieLite.set('sc', '3F2504E0-4F89-41D3-9A0C-0305E82C3301', attributes)
    Cookies.set('sc', '3F2504E0-4F89-41D3-9A0C-0305E82C3301', attributes)
    expect(writes).toHaveLength(2)
    expect(writes[0]).toBe(writes[1])
    expect(writes[0]).toContain('expires=Sun, 01 Mar 2026 10:00:00 GMT')
  })
})
