import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { wireNotes } from './wireNotes'

// The reference's examples (copied from the spec's examples/ folder): all in the strict wire form.
const examplesDir = new URL('../test/examples/', import.meta.url)
const example = (name: string) => JSON.parse(readFileSync(new URL(name, examplesDir), 'utf8'))

const generalInfo = (eventName: string) => ({
  eventName,
  siteId: '8A412DC',
  datetime: 1579622183208,
  cookies: { sc: 'CDA68358-94FB-4D83-9655-3FEB3C4114A3' },
})

describe('wireNotes', () => {
  it('should have nothing to say when given the reference examples in wire form', () => {
    const files = readdirSync(examplesDir).filter((name) => name.endsWith('.json'))
    // product-update-discount.json sends isInStock as a number, which PAYLOADS.md accepts but notes.
    const strict = files.filter((name) => name !== 'product-update-discount.json')
    for (const name of strict) expect([name, wireNotes(example(name))]).toEqual([name, []])
    expect(wireNotes(example('product-update-discount.json'))).toEqual([
      'ProductUpdate[0].isInStock: sent as the number 1; the wire form is the string "1"',
    ])
  })

  it('should note a cart price, discount and quantity sent as strings', () => {
    const payload = {
      GeneralInfo: generalInfo('StatusCart'),
      StatusCart: {
        GUID: '6F9619FF-8B86-D011-B42D-00CF4FC964FF',
        Products: [{ productKey: '1', price: '201.95', discount: '10', quantity: '2' }],
      },
    }
    expect(wireNotes(payload)).toEqual([
      'StatusCart.Products[0].price: sent as a string ("201.95"); the wire form is a number',
      'StatusCart.Products[0].discount: sent as a string ("10"); the wire form is a number',
      'StatusCart.Products[0].quantity: sent as a string ("2"); the wire form is an integer',
    ])
  })

  it('should note a product price as a number and isInStock as a number', () => {
    const payload = {
      GeneralInfo: generalInfo('ProductPage'),
      ProductPage: { Product: { productKey: '1', price: 754, isInStock: 1 } },
    }
    expect(wireNotes(payload)).toEqual([
      'ProductPage.Product.price: sent as a number (754); the wire form is a string ("754")',
      'ProductPage.Product.isInStock: sent as the number 1; the wire form is the string "1"',
    ])
  })

  it('should note a lowercase GUID, a numeric unit_price and a numeric customer id', () => {
    const payload = {
      GeneralInfo: { ...generalInfo('PurchasedItems'), externalCustomerId: 42, user_email: '' },
      PurchasedItems: {
        GUID: '6f9619ff-8b86-d011-b42d-00cf4fc964ff',
        OrderNumber: 'A1',
        Products: [{ product_id: '1', unit_price: 20.5, quantity: 1 }],
      },
    }
    expect(wireNotes(payload)).toEqual([
      'GeneralInfo.externalCustomerId: sent as a number (42); the wire form is a string ("42")',
      'GeneralInfo.user_email: empty; builders leave empty identity fields out',
      'PurchasedItems.GUID: "6f9619ff-8b86-d011-b42d-00cf4fc964ff" is accepted, but the reference\'s form is 32 uppercase hex digits, 8-4-4-4-12',
      'PurchasedItems.Products[0].unit_price: sent as a number (20.5); the wire form is a string ("20.5")',
    ])
  })

  it('should note a datetime in seconds, numeric tags and a boolean isFound', () => {
    const payload = {
      GeneralInfo: { ...generalInfo('SearchRequest'), datetime: 1579622183 },
      SearchRequest: { search: 'coffee', isFound: true, Tags: { source: [1, 'a'] } },
    }
    expect(wireNotes(payload)).toEqual([
      'GeneralInfo.datetime: 1579622183 looks like seconds; the wire form is milliseconds since epoch',
      'SearchRequest.isFound: sent as true; the wire form is the number 1 or 0',
      'SearchRequest.Tags.source[0]: sent as a number (1); the wire form is a string ("1")',
    ])
  })

  it('should ignore prototype keys and non-object payloads without throwing', () => {
    expect(wireNotes(JSON.parse('{"__proto__": {"x": 1}, "constructor": 1}'))).toEqual([])
    expect(wireNotes('text')).toEqual([])
    expect(wireNotes(null)).toEqual([])
  })
})
