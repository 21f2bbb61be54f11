// Standard events' data in the shapes Shopify documents them, typed with Shopify's own
// `@shopify/web-pixels-extension` types (a devDependency), so that a fixture cannot drift from the
// documented shape. For the adapter's tests only: nothing of the package imports this file.
import type {
  Cart,
  CartLine,
  Checkout,
  CheckoutLineItem,
  Collection,
  Customer,
  MoneyV2,
  PixelEventsCartViewedData,
  PixelEventsCheckoutCompletedData,
  PixelEventsCollectionViewedData,
  PixelEventsProductAddedToCartData,
  PixelEventsProductViewedData,
  PixelEventsSearchSubmittedData,
  ProductVariant,
} from '@shopify/web-pixels-extension'

export const money = (amount: number, currencyCode = 'USD'): MoneyV2 => ({ amount, currencyCode })

/** A variant of a product: ids as the pixel gives them, plain numeric strings. */
export const variant = (id: string, productId: string, amount: number, currencyCode = 'USD'): ProductVariant => ({
  id,
  image: { src: `//cdn.shopify.com/s/files/${id}.jpg` },
  price: money(amount, currencyCode),
  product: {
    id: productId,
    title: `Product ${productId}`,
    type: 'Shirts',
    untranslatedTitle: null,
    url: `/products/${productId}`,
    vendor: 'Acme',
  },
  sku: `SKU-${id}`,
  title: 'Default Title',
  untranslatedTitle: 'Default Title',
})

export const cartLine = (merchandise: ProductVariant, quantity: number): CartLine => ({
  cost: { totalAmount: money(merchandise.price.amount * quantity, merchandise.price.currencyCode) },
  merchandise,
  quantity,
})

export const cart = (lines: CartLine[]): Cart => ({
  attributes: [],
  cost: { totalAmount: money(lines.reduce((sum, line) => sum + line.cost.totalAmount.amount, 0)) },
  id: 'Z2NwLXVzLWVhc3QxOjAxSjk3UFg4RlFZMjVTVkRHRlc1RlI3SlRY',
  lines,
  totalQuantity: lines.reduce((sum, line) => sum + line.quantity, 0),
})

export const productViewed = (productVariant: ProductVariant): PixelEventsProductViewedData => ({ productVariant })

export const collectionViewed = (collection: Collection): PixelEventsCollectionViewedData => ({ collection })

export const searchSubmitted = (query: string, productVariants: ProductVariant[]): PixelEventsSearchSubmittedData => ({
  searchResult: { query, productVariants },
})

export const cartLineEvent = (line: CartLine | null): PixelEventsProductAddedToCartData => ({ cartLine: line })

export const cartViewed = (viewed: Cart | null): PixelEventsCartViewedData => ({ cart: viewed })

export const customer = (fields: Partial<Customer> = {}): Customer => ({
  email: 'jane@example.com',
  firstName: 'Jane',
  id: '7153249288427',
  lastName: 'Doe',
  ordersCount: 2,
  phone: '+16135551111',
  ...fields,
})

export const lineItem = (
  lineVariant: ProductVariant,
  quantity: number,
  finalLineAmount?: number,
): CheckoutLineItem => ({
  discountAllocations: [],
  finalLinePrice: money(finalLineAmount ?? lineVariant.price.amount * quantity, lineVariant.price.currencyCode),
  id: `gid://shopify/CheckoutLineItem/${lineVariant.id}`,
  properties: [],
  quantity,
  sellingPlanAllocation: null,
  title: lineVariant.product.title,
  variant: lineVariant,
})

/** A completed checkout: its order id in the global-id form the thank-you page gives. */
export const checkout = (
  orderId: string | null,
  lineItems: CheckoutLineItem[],
  fields: Partial<Checkout> = {},
): Checkout => ({
  attributes: [],
  billingAddress: null,
  buyerAcceptsEmailMarketing: false,
  buyerAcceptsSmsMarketing: false,
  currencyCode: 'USD',
  delivery: null,
  discountApplications: [],
  discountsAmount: null,
  email: 'buyer@example.com',
  lineItems,
  localization: {
    country: { isoCode: 'US' },
    language: { isoCode: 'en' },
    market: { handle: 'us', id: 'gid://shopify/Market/1' },
  },
  order: { customer: null, id: orderId },
  phone: '+16135551111',
  shippingAddress: null,
  shippingLine: null,
  smsMarketingPhone: null,
  subtotalPrice: null,
  token: 'c1-6c2a1b',
  totalPrice: null,
  totalTax: money(0),
  transactions: [],
  ...fields,
})

export const checkoutCompleted = (completed: Checkout): PixelEventsCheckoutCompletedData => ({ checkout: completed })
