import { describe, expect, it } from 'vitest'
import {
  cart,
  cartLine,
  cartLineEvent,
  cartViewed,
  checkout,
  checkoutCompleted,
  collectionViewed,
  customer,
  lineItem,
  productViewed,
  searchSubmitted,
  variant,
} from '../../test/shopifyFixtures'
import {
  mapCart,
  mapCartLineEvent,
  mapCheckoutCompleted,
  mapCollectionViewed,
  mapProductViewed,
  mapSearchSubmitted,
  readIdentity,
  type ShopifyMappingOptions,
} from './mapShopifyEvents'

const byVariant: ShopifyMappingOptions = { productKey: 'variant', isInStock: true }
const byProduct: ShopifyMappingOptions = { productKey: 'product', isInStock: true }

const shirt = variant('44610569208040', '8266836345064', 25, 'USD')
const shirtBlue = variant('44610569208041', '8266836345064', 27, 'USD')
const mug = variant('40001', '9001', 9.5, 'USD')

describe('mapProductViewed', () => {
  it('should give a ProductPage of the variant, its price and currency, in stock, when productKey is variant', () => {
    expect(mapProductViewed(productViewed(shirt), byVariant)).toEqual({
      value: { product: { productKey: '44610569208040', price: 25, currency: 'USD', isInStock: true } },
      skipped: [],
    })
  })

  it("should key the product by its product's id when productKey is product, and take isInStock from the options", () => {
    expect(mapProductViewed(productViewed(shirt), { productKey: 'product', isInStock: false }).value).toEqual({
      product: { productKey: '8266836345064', price: 25, currency: 'USD', isInStock: false },
    })
  })

  it('should skip the event and report the field by its path when the variant has no id', () => {
    const { value, skipped } = mapProductViewed(productViewed({ ...shirt, id: null }), byVariant)
    expect(value).toBeUndefined()
    expect(skipped).toHaveLength(1)
    expect(skipped[0]).toMatchObject({ code: 'invalid_event', eventName: 'product_viewed' })
    expect(skipped[0]!.message).toBe('product_viewed skipped: data.productVariant.id must be a non-empty id; got null')
    expect(skipped[0]!.issues[0]).toMatchObject({ path: 'data.productVariant.id' })
  })

  it('should skip the event when the price is not a number, and read a numeric string amount', () => {
    const broken = { ...shirt, price: { amount: 'abc' as unknown as number, currencyCode: 'USD' } }
    expect(mapProductViewed(productViewed(broken), byVariant).skipped[0]!.issues[0]!.path).toBe(
      'data.productVariant.price.amount',
    )
    const numericString = { ...shirt, price: { amount: '25.50' as unknown as number, currencyCode: 'EUR' } }
    expect(mapProductViewed(productViewed(numericString), byVariant).value?.product).toMatchObject({
      price: 25.5,
      currency: 'EUR',
    })
  })

  it('should skip the event when there is no data at all', () => {
    expect(mapProductViewed(undefined, byVariant).skipped[0]!.issues[0]!.path).toBe('data.productVariant.id')
  })
})

describe('mapCollectionViewed', () => {
  it("should give a CategoryPage of the collection's id and impressions of its variants in a container named by its title", () => {
    const collection = { id: '288770146539', title: 'Summer', productVariants: [shirt, mug] }
    expect(mapCollectionViewed(collectionViewed(collection), byVariant)).toEqual({
      value: {
        category: { categoryKey: '288770146539' },
        impressions: {
          products: [
            { productKey: '44610569208040', containerType: 'Summer' },
            { productKey: '40001', containerType: 'Summer' },
          ],
        },
      },
      skipped: [],
    })
  })

  it('should leave out and report a variant without an id, and send the others', () => {
    const collection = {
      id: 'gid://shopify/Collection/288770146539',
      title: 'Summer',
      productVariants: [{ ...shirt, id: null }, mug],
    }
    const { value, skipped } = mapCollectionViewed(collectionViewed(collection), byVariant)
    expect(value).toEqual({
      category: { categoryKey: '288770146539' },
      impressions: { products: [{ productKey: '40001', containerType: 'Summer' }] },
    })
    expect(skipped.map((error) => error.issues[0]!.path)).toEqual(['data.collection.productVariants[0].id'])
  })

  it('should send the CategoryPage alone when the collection has no variants', () => {
    const { value, skipped } = mapCollectionViewed(
      collectionViewed({ id: '1', title: 'Empty', productVariants: [] }),
      byVariant,
    )
    expect(value).toEqual({ category: { categoryKey: '1' } })
    expect(skipped).toEqual([])
  })

  it('should skip the CategoryPage and report it when the collection has no id, and still send the impressions', () => {
    const { value, skipped } = mapCollectionViewed(
      collectionViewed({ id: '', title: 'Summer', productVariants: [mug] }),
      byVariant,
    )
    expect(value).toEqual({ impressions: { products: [{ productKey: '40001', containerType: 'Summer' }] } })
    expect(skipped.map((error) => error.issues[0]!.path)).toEqual(['data.collection.id'])
  })

  it('should skip the whole event when neither the id nor a titled list of variants is there', () => {
    const { value, skipped } = mapCollectionViewed({ collection: null }, byVariant)
    expect(value).toBeUndefined()
    expect(skipped.map((error) => error.issues[0]!.path)).toEqual(['data.collection.id', 'data.collection.title'])
  })
})

describe('mapSearchSubmitted', () => {
  it('should give a SearchRequest found when the result has variants, not found when it has none', () => {
    expect(mapSearchSubmitted(searchSubmitted('shirt', [shirt])).value).toEqual({ search: 'shirt', isFound: true })
    expect(mapSearchSubmitted(searchSubmitted('zzz', [])).value).toEqual({ search: 'zzz', isFound: false })
  })

  it('should leave isFound out when the result lists no variants at all', () => {
    expect(mapSearchSubmitted({ searchResult: { query: 'shirt' } }).value).toEqual({ search: 'shirt' })
  })

  it('should skip and report a search without a query', () => {
    const { value, skipped } = mapSearchSubmitted(searchSubmitted('  ', []))
    expect(value).toBeUndefined()
    expect(skipped[0]!.message).toBe(
      'search_submitted skipped: data.searchResult.query must be a non-empty string; got "  "',
    )
  })
})

describe('mapCartLineEvent', () => {
  it('should give the line added: variant key, unit price, currency and the quantity added', () => {
    expect(mapCartLineEvent('product_added_to_cart', cartLineEvent(cartLine(shirt, 2)), byVariant)).toEqual({
      value: { productKey: '44610569208040', price: 25, currency: 'USD', quantity: 2 },
      skipped: [],
    })
  })

  it("should key the line by the product's id and keep the variant apart when productKey is product", () => {
    expect(mapCartLineEvent('product_added_to_cart', cartLineEvent(cartLine(shirtBlue, 1)), byProduct).value).toEqual({
      productKey: '8266836345064',
      variant: '44610569208041',
      price: 27,
      currency: 'USD',
      quantity: 1,
    })
  })

  it('should skip and report a line without merchandise id, or with a quantity that is not a positive integer', () => {
    const noId = mapCartLineEvent(
      'product_removed_from_cart',
      cartLineEvent(cartLine({ ...shirt, id: null }, 1)),
      byVariant,
    )
    expect(noId.value).toBeUndefined()
    expect(noId.skipped[0]!.message).toBe(
      'product_removed_from_cart skipped: data.cartLine.merchandise.id must be a non-empty id; got null',
    )
    const badQuantity = mapCartLineEvent(
      'product_added_to_cart',
      cartLineEvent({ ...cartLine(shirt, 1), quantity: 0 }),
      byVariant,
    )
    expect(badQuantity.skipped[0]!.issues[0]!.path).toBe('data.cartLine.quantity')
    expect(mapCartLineEvent('product_added_to_cart', cartLineEvent(null), byVariant).skipped).toHaveLength(1)
  })
})

describe('mapCart', () => {
  it('should give every line of a whole cart (init.data.cart, cart_viewed)', () => {
    const whole = cart([cartLine(shirt, 2), cartLine(mug, 1)])
    expect(mapCart('init', whole, 'init.data.cart', byVariant)).toEqual({
      value: [
        { productKey: '44610569208040', price: 25, currency: 'USD', quantity: 2 },
        { productKey: '40001', price: 9.5, currency: 'USD', quantity: 1 },
      ],
      skipped: [],
    })
    expect(mapCart('cart_viewed', cartViewed(cart([])).cart, 'data.cart', byVariant)).toEqual({
      value: [],
      skipped: [],
    })
  })

  it('should give nothing, and report nothing, for no cart (null on checkout and thank-you pages)', () => {
    expect(mapCart('init', null, 'init.data.cart', byVariant)).toEqual({ skipped: [] })
  })

  it('should leave out and report a line it cannot read, naming its index', () => {
    const whole = cart([
      cartLine(shirt, 1),
      cartLine({ ...mug, price: { amount: Number.NaN, currencyCode: 'USD' } }, 1),
    ])
    const { value, skipped } = mapCart('cart_viewed', whole, 'data.cart', byVariant)
    expect(value).toEqual([{ productKey: '44610569208040', price: 25, currency: 'USD', quantity: 1 }])
    expect(skipped[0]!.message).toBe(
      'cart_viewed line skipped: data.cart.lines[1].merchandise.price.amount must be a number; got NaN',
    )
  })
})

describe('mapCheckoutCompleted', () => {
  it("should give the purchase under the order id's numeric tail, its lines at their final unit price, and the buyer", () => {
    const completed = checkout('gid://shopify/OrderIdentity/5396439498987', [lineItem(shirt, 2, 45), lineItem(mug, 3)])
    expect(mapCheckoutCompleted(checkoutCompleted(completed), byVariant)).toEqual({
      value: {
        order: {
          orderNumber: '5396439498987',
          products: [
            { productKey: '44610569208040', price: 22.5, quantity: 2 },
            { productKey: '40001', price: 9.5, quantity: 3 },
          ],
        },
        identity: { email: 'buyer@example.com', phone: '+16135551111' },
      },
      skipped: [],
    })
  })

  it("should take the variant's price when the line has no final price, and key lines by product when told", () => {
    const item = { ...lineItem(shirt, 1), finalLinePrice: undefined as never }
    const { value } = mapCheckoutCompleted(checkoutCompleted(checkout('5396439498987', [item])), byProduct)
    expect(value?.order.products).toEqual([{ productKey: '8266836345064', price: 25, quantity: 1 }])
  })

  it('should round away the float noise of a per-unit division', () => {
    const { value } = mapCheckoutCompleted(checkoutCompleted(checkout('1', [lineItem(mug, 3, 0.3)])), byVariant)
    expect(value?.order.products?.[0]?.price).toBe(0.1)
  })

  it('should skip and report the purchase when the order has no id', () => {
    const { value, skipped } = mapCheckoutCompleted(checkoutCompleted(checkout(null, [lineItem(shirt, 1)])), byVariant)
    expect(value).toBeUndefined()
    expect(skipped[0]!.message).toBe('checkout_completed skipped: data.checkout.order.id must be an order id; got null')
  })

  it('should leave out and report a line without a variant, and send the purchase with the others', () => {
    const items = [{ ...lineItem(shirt, 1), variant: null }, lineItem(mug, 1)]
    const { value, skipped } = mapCheckoutCompleted(checkoutCompleted(checkout('42', items)), byVariant)
    expect(value?.order).toEqual({ orderNumber: '42', products: [{ productKey: '40001', price: 9.5, quantity: 1 }] })
    expect(skipped[0]!.issues[0]!.path).toBe('data.checkout.lineItems[0].variant.id')
  })

  it('should leave the identity out when the checkout has neither e-mail nor phone', () => {
    const { value } = mapCheckoutCompleted(
      checkoutCompleted(checkout('42', [lineItem(mug, 1)], { email: null, phone: null })),
      byVariant,
    )
    expect(value).toEqual({
      order: { orderNumber: '42', products: [{ productKey: '40001', price: 9.5, quantity: 1 }] },
    })
  })
})

describe('readIdentity', () => {
  it("should give a signed-in customer's e-mail, phone and id as externalCustomerId", () => {
    expect(readIdentity(customer({ id: 'gid://shopify/Customer/7153249288427' }))).toEqual({
      email: 'jane@example.com',
      phone: '+16135551111',
      externalCustomerId: '7153249288427',
    })
  })

  it('should give only the fields that are there, and nothing for no customer', () => {
    expect(readIdentity(customer({ email: null, phone: '  ' }))).toEqual({ externalCustomerId: '7153249288427' })
    expect(readIdentity(null)).toBeUndefined()
    expect(readIdentity({})).toBeUndefined()
  })
})
