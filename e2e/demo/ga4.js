// The GA4 mode of the demo (/ga4/): the shop describes what happens only as a WooCommerce shop with
// GTM4WP does, by GA4 ecommerce pushes to `window.dataLayer` (SKU ids, prices as strings, the
// clearing push `{ ecommerce: null }` before each event, GTM4WP's own item fields) and `gtag('set',
// 'user_data', ...)`. It never calls the tracker: the script tag's `dataLayer` init option turns
// these pushes into the same events the other mode sends itself.
import { categories, products } from './catalog.js'

/** Whether this page runs in GA4 mode (config.js says so under /ga4/). */
export const ga4Mode = window.ES_DEMO_CONFIG?.mode === 'ga4'

window.dataLayer = window.dataLayer || []

/** A product as GTM4WP describes an item: the SKU as `item_id`, the price as a string. */
const item = (product, quantity) => ({
  item_id: product.key,
  item_name: product.name,
  sku: product.key,
  price: product.price.toFixed(2),
  stocklevel: null,
  stockstatus: product.inStock ? 'instock' : 'outofstock',
  google_business_vertical: 'retail',
  item_category: categories.find((category) => category.key === product.category)?.name ?? '',
  id: products.indexOf(product) + 101,
  item_brand: '',
  ...(quantity === undefined ? {} : { quantity }),
})

/** Pushes one GA4 ecommerce event as GTM4WP does: the clearing push first, then the event. */
function push(event, ecommerce) {
  window.dataLayer.push({ ecommerce: null })
  window.dataLayer.push({ event, ecommerce: { currency: 'USD', ...ecommerce } })
}

const value = (lines) => lines.reduce((sum, line) => sum + line.product.price * line.quantity, 0)

/** The GA4 events of the shop, each named after what happened. Cart lines are `{ product, quantity }`. */
export const ga4 = {
  viewItemList: (category, shown) =>
    push('view_item_list', {
      item_list_id: category.key,
      item_list_name: category.name,
      items: shown.map((product, index) => ({ ...item(product), index, item_list_name: category.name })),
    }),
  viewItem: (product) => push('view_item', { value: product.price, items: [item(product)] }),
  addToWishlist: (product) => push('add_to_wishlist', { value: product.price, items: [item(product)] }),
  addToCart: (product, quantity) =>
    push('add_to_cart', { value: product.price * quantity, items: [item(product, quantity)] }),
  removeFromCart: (product, quantity) =>
    push('remove_from_cart', { value: product.price * quantity, items: [item(product, quantity)] }),
  viewCart: (lines) =>
    push('view_cart', { value: value(lines), items: lines.map((line) => item(line.product, line.quantity)) }),
  beginCheckout: (lines) =>
    push('begin_checkout', { value: value(lines), items: lines.map((line) => item(line.product, line.quantity)) }),
  purchase: (orderNumber, lines) =>
    push('purchase', {
      transaction_id: orderNumber,
      affiliation: 'Roast & Leaf',
      value: value(lines),
      tax: 0,
      shipping: 0,
      coupon: '',
      items: lines.map((line) => item(line.product, line.quantity)),
    }),
  /** What a site's own tag does once a customer signs in (read only with the bridge's `identify` option). */
  userData(user) {
    gtag('set', 'user_data', { email: user.email, ...(user.phone ? { phone_number: user.phone } : {}) })
  },
}

/** Google's gtag: pushes its `arguments` object, which GTM (and the bridge) tell from a plain push. */
function gtag() {
  // biome-ignore lint/complexity/noArguments: gtag pushes its arguments object, as Google's snippet does
  window.dataLayer.push(arguments)
}
