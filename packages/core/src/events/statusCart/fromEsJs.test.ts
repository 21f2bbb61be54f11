import { describe, expect, it } from 'vitest'
import { statusCartFromEsJs } from './fromEsJs'

const NEW_GUID = '0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9'
const state = { newGuid: () => NEW_GUID }

describe('statusCartFromEsJs', () => {
  it('should build the REST cart with a new GUID when the eS.JS body has lines and no GUID', () => {
    const result = statusCartFromEsJs(
      {
        StatusCart: [
          { productKey: '430738', price: '201.95', discount: '180', quantity: '1', currency: 'USD', tag_size: 'XL' },
          { productKey: 902339, price: 596, quantity: 2 },
        ],
      },
      state,
    )
    expect(result).toEqual({
      StatusCart: {
        GUID: NEW_GUID,
        Products: [
          {
            productKey: '430738',
            price: 201.95,
            discount: 180,
            quantity: 1,
            price_currency_code: 'USD',
            tag_size: ['XL'],
          },
          { productKey: '902339', price: 596, quantity: 2 },
        ],
      },
    })
  })

  it('should keep a given GUID as is when an integration sends a lowercase UUID, an md5 or a short id', () => {
    for (const guid of ['6f9619ff-8b86-d011-b42d-00cf4fc964ff', 'd41d8cd98f00b204e9800998ecf8427e', '5f3a1c2b9e8d7']) {
      const result = statusCartFromEsJs(
        { StatusCart: [{ productKey: '1', price: '5', quantity: '1' }], GUID: guid },
        state,
      )
      expect(result.StatusCart).toMatchObject({ GUID: guid })
    }
  })

  it('should read "450.00" and "2" as numbers when all values come as strings', () => {
    const result = statusCartFromEsJs(
      { StatusCart: [{ productKey: '7', price: '450.00', quantity: '2', discount: '' }] },
      state,
    )
    expect(result.StatusCart).toEqual({
      GUID: NEW_GUID,
      Products: [{ productKey: '7', price: 450, quantity: 2 }],
    })
  })

  it('should send an empty cart with a new GUID when the cart has no products', () => {
    const result = statusCartFromEsJs({ StatusCart: [] }, state)
    expect(result).toEqual({ StatusCart: { GUID: NEW_GUID, Products: [] } })
  })

  it('should pass the REST form through, normalising its values, when the body has a Products array', () => {
    const rest = {
      StatusCart: {
        GUID: '6F9619FF-8B86-D011-B42D-00CF4FC964FF',
        Products: [{ productKey: '430738', price: 201.95, discount: 180, quantity: 1, price_currency_code: 'USD' }],
        Tags: { some_tags: ['1', 'a2'] },
      },
    }
    expect(statusCartFromEsJs(rest, state)).toEqual(rest)
  })

  it('should wrap the REST object when sendEventWithTags gives it without the StatusCart key', () => {
    const result = statusCartFromEsJs({ Products: [{ productKey: '1', price: '5', quantity: 1 }] }, state)
    expect(result).toEqual({
      StatusCart: { GUID: NEW_GUID, Products: [{ productKey: '1', price: 5, quantity: 1 }] },
    })
  })

  it('should move Tags given beside the lines into the cart when the eS.JS body has them', () => {
    const result = statusCartFromEsJs({ StatusCart: [], Tags: { source: 'mini-cart' } }, state)
    expect(result.StatusCart).toMatchObject({ Tags: { source: ['mini-cart'] } })
  })

  it('should leave values it cannot read for validation to name when a line is malformed', () => {
    const result = statusCartFromEsJs(
      { StatusCart: [{ productKey: '1', price: 'free', quantity: 'x' }, 'junk'] },
      state,
    )
    expect(result.StatusCart).toMatchObject({
      Products: [{ productKey: '1', price: 'free', quantity: 'x' }, 'junk'],
    })
  })

  it('should pass a cart it cannot read through unchanged, for validation to name', () => {
    expect(statusCartFromEsJs({ StatusCart: 'none' }, state)).toEqual({ StatusCart: 'none' })
  })
})
