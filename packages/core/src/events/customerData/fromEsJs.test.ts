import { describe, expect, it } from 'vitest'
import { readGeneralInfo } from '../../esjs/readGeneralInfo'
import { customerDataFromEsJs } from './fromEsJs'

/** The body and what convertEsJsCall reads from the customer fragment. */
function convert(body: Record<string, unknown>) {
  const { customer, ...rest } = customerDataFromEsJs(body)
  return { ...rest, ...readGeneralInfo(customer) }
}

describe('customerDataFromEsJs', () => {
  it('should answer an empty body and the identity when the eS.JS body carries the customer', () => {
    expect(
      convert({
        CustomerData: {
          externalCustomerId: '1234509876',
          user_email: 'user@example.com',
          user_phone: '3801111111111',
          user_name: 'Johny',
          user_card_id: 'CARD-1',
          user_city: 'Kyiv',
        },
      }),
    ).toEqual({
      body: {},
      identity: { externalCustomerId: '1234509876', email: 'user@example.com', phone: '3801111111111', name: 'Johny' },
      context: { user_card_id: 'CARD-1', user_city: 'Kyiv' },
    })
  })

  it('should read the fields from the body itself when there is no CustomerData wrapper', () => {
    expect(convert({ user_email: 'user@example.com' })).toEqual({
      body: {},
      identity: { email: 'user@example.com' },
    })
  })

  it('should answer an empty body and no identity when the body is empty', () => {
    expect(convert({})).toEqual({ body: {} })
  })
})
