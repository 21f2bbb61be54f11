import { describe, expect, it } from 'vitest'
import { maskEmail, maskPersonalData, maskPhone, maskText } from './maskPersonalData'

describe('maskEmail', () => {
  it('should keep the first letter and the domain when given an address', () => {
    expect(maskEmail('jane@example.com')).toBe('j***@example.com')
  })

  it('should mask everything when the text has no local part', () => {
    expect(maskEmail('@example.com')).toBe('***')
    expect(maskEmail('no-at-sign')).toBe('***')
  })
})

describe('maskPhone', () => {
  it('should keep the last four digits when given a formatted number', () => {
    expect(maskPhone('+380 (50) 111-3010')).toBe('***3010')
  })

  it('should mask everything when the number is four digits or shorter', () => {
    expect(maskPhone('3010')).toBe('***')
  })
})

describe('maskPersonalData', () => {
  it('should mask e-mails and phones in a wire payload when they sit in GeneralInfo', () => {
    const payload = {
      GeneralInfo: {
        eventName: 'CustomerData',
        user_email: 'jane@example.com',
        user_phone: '+380501113010',
        siteId: 'S',
      },
    }
    expect(maskPersonalData(payload)).toEqual({
      GeneralInfo: { eventName: 'CustomerData', user_email: 'j***@example.com', user_phone: '***3010', siteId: 'S' },
    })
  })

  it('should mask identity input and numeric phones when given identify arguments', () => {
    expect(maskPersonalData([{ email: 'bob@shop.io', phone: 380501113010, name: 'Bob' }])).toEqual([
      { email: 'b***@shop.io', phone: '***3010', name: 'Bob' },
    ])
  })

  it('should mask e-mail-like strings when they sit under any other key', () => {
    expect(maskPersonalData({ Tags: { contact: ['jane@example.com'] } })).toEqual({
      Tags: { contact: ['j***@example.com'] },
    })
  })

  it('should not change the original value when masking', () => {
    const input = { email: 'jane@example.com' }
    maskPersonalData(input)
    expect(input.email).toBe('jane@example.com')
  })

  it('should answer [unreadable] in place, not throw, when the value has a throwing getter or is a revoked proxy', () => {
    const throwing = Object.defineProperty({ email: 'jane@example.com' }, 'price', {
      enumerable: true,
      get() {
        throw new Error('hostile getter')
      },
    })
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(maskPersonalData([throwing, proxy, 'ok'])).toEqual(['[unreadable]', '[unreadable]', 'ok'])
    expect(maskPersonalData({ product: throwing })).toEqual({ product: '[unreadable]' })
  })

  it('should mask e-mails and phones inside other values when they are tags or free text', () => {
    expect(
      maskPersonalData({
        Tags: { contact: ['jane@example.com'], callback: ['+380 50 111 3010'] },
        note: 'call 380501113010',
      }),
    ).toEqual({ Tags: { contact: ['j***@example.com'], callback: ['***3010'] }, note: 'call ***3010' })
  })

  it('should leave other values alone when they are not personal data', () => {
    expect(maskPersonalData({ price: '754 USD', quantity: 2, ok: true, none: null })).toEqual({
      price: '754 USD',
      quantity: 2,
      ok: true,
      none: null,
    })
  })
})

describe('maskText', () => {
  it('should mask e-mails and phones when a message quotes them', () => {
    expect(maskText('GeneralInfo.user_email: got "jane@example.com", phone +380 50 111 3010')).toBe(
      'GeneralInfo.user_email: got "j***@example.com", phone ***3010',
    )
  })

  it('should mask a phone inside any text when it stands apart, not digits inside ids, IPs or timestamps', () => {
    expect(maskText('call +380 50 111 3010 or 380501113010.')).toBe('call ***3010 or ***3010.')
    expect(maskText('sc EBD600328329, host 127.0.0.1:4700, at 1700000000000')).toBe(
      'sc EBD600328329, host 127.0.0.1:4700, at 1700000000000',
    )
  })

  it('should leave timestamps, prices and words alone when there is nothing personal', () => {
    expect(maskText('event at 1700000000000 cost 754.50 USD')).toBe('event at 1700000000000 cost 754.50 USD')
  })

  it('should mask every e-mail of a word with several @, from its first letter to its last @', () => {
    expect(maskText('to @jane@example.com@ and a@b@c.io')).toBe('to @j***@example.com@ and a***@c.io')
  })

  // Before, a regular expression backtracked over every start of a long run: 30 KB took seconds and
  // 1 MB over a minute, all of it blocking the page. Each text below is 1 MB; linear work takes well
  // under a second each, and the generous timeout only tells linear from quadratic on a loaded machine.
  it('should mask 1 MB texts of every hostile shape in time linear in their length, not freeze', {
    timeout: 30_000,
  }, () => {
    const size = 1_000_000
    const letters = 'a'.repeat(size)
    expect(maskText(letters)).toBe(letters)
    expect(maskText(`${'1.'.repeat(size / 2)}a`)).toBe('***1111.a')
    expect(maskText(`${'1 '.repeat(size / 2)}x`)).toBe('***1111 x')
    expect(maskText('x@y.'.repeat(size / 4))).toBe('x***@y.')
    for (const text of ['a@ '.repeat(size / 3), `a${'@'.repeat(size)}`, `1${' -'.repeat(size / 2)}a`]) {
      expect(maskText(text)).toBe(text)
    }
    expect(maskPersonalData({ email: letters, note: [letters] })).toEqual({ email: '***', note: [letters] })
  })
})
