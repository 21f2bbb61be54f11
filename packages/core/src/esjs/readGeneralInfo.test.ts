import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readGeneralInfo } from './readGeneralInfo'

describe('readGeneralInfo', () => {
  it('should map the vendor identity fields to Identity when a fragment carries them', () => {
    expect(
      readGeneralInfo({
        externalCustomerId: '1234509876',
        user_email: 'user@example.com',
        user_phone: '1-541-754-3010',
        user_name: 'Gregori Boczynski',
        user_es_contact_id: 255830499,
      }),
    ).toEqual({
      identity: {
        externalCustomerId: '1234509876',
        email: 'user@example.com',
        phone: '1-541-754-3010',
        name: 'Gregori Boczynski',
        contactId: 255830499,
      },
    })
  })

  it('should map page-context fields to PageContext and ignore the fields the tracker owns', () => {
    expect(
      readGeneralInfo({
        user_city: 'Kyiv',
        user_card_id: 'C-7',
        user_client_id: 'cl',
        eventName: 'X',
        siteId: 'evil',
        cookies: { sc: 'x' },
        datetime: 1,
        s_location: 'https://elsewhere.example',
      }),
    ).toEqual({ context: { user_city: 'Kyiv', user_card_id: 'C-7', user_client_id: 'cl' } })
  })

  it('should turn a phone printed as a number into its digits when a template printed it unquoted', () => {
    expect(readGeneralInfo({ user_phone: 380501234567 }).identity).toEqual({ phone: '380501234567' })
  })

  it('should leave out blank and unusable values when a template printed nothing', () => {
    expect(readGeneralInfo({ user_email: '', user_name: '  ', user_phone: null, externalCustomerId: {} })).toEqual({})
  })

  it('should let later fragments win field by field when several are given', () => {
    expect(readGeneralInfo({ user_email: 'a@example.com', user_name: 'A' }, { user_email: 'b@example.com' })).toEqual({
      identity: { email: 'b@example.com', name: 'A' },
    })
  })

  it('should answer nothing and never throw when the fragments are junk', () => {
    expect(readGeneralInfo(undefined, 'x', 5, [1])).toEqual({})
    fc.assert(
      fc.property(fc.array(fc.anything()), (fragments) => {
        readGeneralInfo(...fragments)
      }),
    )
  })
})
