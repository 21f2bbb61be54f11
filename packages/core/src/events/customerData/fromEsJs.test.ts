import { describe, expect, it } from 'vitest'
import { customerDataFromEsJs } from './fromEsJs'

describe('customerDataFromEsJs', () => {
  it('should answer the customer as a GeneralInfo fragment and no body when the eS.JS body carries it', () => {
    const customer = {
      externalCustomerId: '1234509876',
      user_email: 'user@example.com',
      user_phone: '3801111111111',
      user_name: 'Johny',
      user_card_id: 'CARD-1',
      user_city: 'Kyiv',
    }
    expect(customerDataFromEsJs({ CustomerData: customer })).toEqual({ GeneralInfo: customer })
  })

  it('should read the fields from the body itself when there is no CustomerData wrapper', () => {
    expect(customerDataFromEsJs({ user_email: 'user@example.com' })).toEqual({
      GeneralInfo: { user_email: 'user@example.com' },
    })
  })

  it('should answer an empty fragment when the body is empty', () => {
    expect(customerDataFromEsJs({})).toEqual({ GeneralInfo: {} })
  })
})
