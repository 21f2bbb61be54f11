import { describe, expect, it } from 'vitest'
import { purchasedItemsFromEsJs } from './fromEsJs'

const LAST_CART = '6F9619FF-8B86-D011-B42D-00CF4FC964FF'
const newGuid = () => 'NEVER-USED'

describe('purchasedItemsFromEsJs', () => {
  it('should join the last cart and convert the lines when the eS.JS body has no GUID', () => {
    const result = purchasedItemsFromEsJs(
      {
        OrderNumber: '123/2017',
        PurchasedItems: [
          { productKey: '430738', price: '201.95', quantity: '1', currency: 'UAH' },
          { productKey: 211452, price: 341.8, quantity: 2 },
        ],
        Tags: { block_id: '21246_r335v507' },
      },
      { lastCartGuid: LAST_CART, newGuid },
    )
    expect(result).toEqual({
      PurchasedItems: {
        OrderNumber: '123/2017',
        GUID: LAST_CART,
        Products: [
          { product_id: '430738', unit_price: '201.95', quantity: 1, price_currency_code: 'UAH' },
          { product_id: '211452', unit_price: '341.8', quantity: 2 },
        ],
        Tags: { block_id: ['21246_r335v507'] },
      },
    })
  })

  it('should keep a given GUID as a string when the body has one', () => {
    const guid = 'd41d8cd98f00b204e9800998ecf8427e'
    const result = purchasedItemsFromEsJs(
      { OrderNumber: 77, GUID: guid, PurchasedItems: [{ productKey: '1', price: '450.00', quantity: '3' }] },
      { lastCartGuid: LAST_CART, newGuid },
    )
    expect(result).toEqual({
      PurchasedItems: {
        OrderNumber: '77',
        GUID: guid,
        Products: [{ product_id: '1', unit_price: '450.00', quantity: 3 }],
      },
    })
    const numbered = purchasedItemsFromEsJs({ OrderNumber: 1, GUID: 42 }, { lastCartGuid: LAST_CART, newGuid })
    expect(numbered.PurchasedItems).toMatchObject({ GUID: '42' })
  })

  it('should send the lines without a GUID when there is no cart to join', () => {
    const result = purchasedItemsFromEsJs(
      { OrderNumber: '5', GUID: '', PurchasedItems: [{ productKey: '1', price: '9', quantity: 1 }] },
      { newGuid },
    )
    expect(result).toEqual({
      PurchasedItems: { OrderNumber: '5', Products: [{ product_id: '1', unit_price: '9', quantity: 1 }] },
    })
  })

  it('should pass the REST form through when PurchasedItems is an object', () => {
    const rest = { PurchasedItems: { GUID: LAST_CART, OrderNumber: '123/2017', Tags: { some_tags: ['1'] } } }
    expect(purchasedItemsFromEsJs(rest, { newGuid })).toEqual(rest)
  })

  it('should join the last cart when a REST one-click body has only lines', () => {
    const result = purchasedItemsFromEsJs(
      { PurchasedItems: { OrderNumber: '1', Products: [{ product_id: '430738', unit_price: '201.95', quantity: 1 }] } },
      { lastCartGuid: LAST_CART, newGuid },
    )
    expect(result.PurchasedItems).toMatchObject({ GUID: LAST_CART })
  })

  it('should wrap the REST object when it comes without the PurchasedItems key', () => {
    const result = purchasedItemsFromEsJs({ OrderNumber: '9', GUID: LAST_CART }, { newGuid })
    expect(result).toEqual({ PurchasedItems: { OrderNumber: '9', GUID: LAST_CART } })
  })

  it('should pass lines it cannot read through unchanged, for validation to name', () => {
    expect(purchasedItemsFromEsJs({ OrderNumber: '1', PurchasedItems: 'x' }, { newGuid })).toEqual({
      PurchasedItems: 'x',
    })
  })
})
