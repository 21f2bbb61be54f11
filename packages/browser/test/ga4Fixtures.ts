// GA4 pushes in the shapes sites send them: Google's developer guide (dataLayer and gtag forms) and
// GTM4WP on WooCommerce (SKU ids, string prices, `{ ecommerce: null }` before each event, its own
// extra item fields). Shared by the bridge's unit tests and its Playwright pages.

/** Google's "Measure ecommerce" example items (developers.google.com/analytics/devguides/collection/ga4/ecommerce). */
export const googleItems = [
  {
    item_id: 'SKU_12345',
    item_name: 'Stan and Friends Tee',
    affiliation: 'Google Merchandise Store',
    coupon: 'SUMMER_FUN',
    discount: 2.22,
    index: 0,
    item_brand: 'Google',
    item_category: 'Apparel',
    item_category2: 'Adult',
    item_list_id: 'related_products',
    item_list_name: 'Related Products',
    item_variant: 'green',
    location_id: 'ChIJIQBpAG2ahYAR_6128GcTUEo',
    price: 10.01,
    quantity: 3,
  },
  {
    item_id: 'SKU_12346',
    item_name: "Google Grey Women's Tee",
    affiliation: 'Google Merchandise Store',
    coupon: 'SUMMER_FUN',
    discount: 3.33,
    index: 1,
    item_brand: 'Google',
    item_category: 'Apparel',
    item_category2: 'Adult',
    item_list_id: 'related_products',
    item_list_name: 'Related Products',
    item_variant: 'gray',
    location_id: 'ChIJIQBpAG2ahYAR_6128GcTUEo',
    price: 21.01,
    promotion_id: 'P_12345',
    promotion_name: 'Summer Sale',
    quantity: 2,
  },
]

/** Google's `purchase` push (dataLayer form), preceded by the clearing push the guide recommends. */
export const googlePurchase = [
  { ecommerce: null },
  {
    event: 'purchase',
    ecommerce: {
      transaction_id: 'T_12345',
      value: 72.05,
      tax: 3.6,
      shipping: 5.99,
      currency: 'USD',
      coupon: 'SUMMER_SALE',
      items: googleItems,
    },
  },
]

/** A WooCommerce product as GTM4WP describes it: the SKU as `item_id`, a string price, stock fields. */
export const gtm4wpItem = (sku: string, price: string, extra: Record<string, unknown> = {}) => ({
  item_id: sku,
  item_name: `Product ${sku}`,
  sku,
  price,
  stocklevel: null,
  stockstatus: 'instock',
  google_business_vertical: 'retail',
  item_category: 'Coffee',
  id: 100 + sku.length,
  item_brand: '',
  ...extra,
})

/** One GTM4WP event: the clearing push, then the event with its `ecommerce`. */
export const gtm4wpEvent = (event: string, ecommerce: Record<string, unknown>) => [
  { ecommerce: null },
  { event, ecommerce: { currency: 'EUR', ...ecommerce } },
]
