// The shop's state (cart, signed-in customer, last order) in localStorage, and the tracker calls
// that go with each change. The tracker is the es-tracker script tag's `window.esTracker`; in GA4
// mode (ga4.js) the shop pushes GA4 events instead and never calls it.
import { findProduct } from './catalog.js'
import { ga4, ga4Mode } from './ga4.js'

const CART_KEY = 'demo.cart'
const USER_KEY = 'demo.user'
const ORDER_KEY = 'demo.lastOrder'

/** Calls the tracker; before the script has loaded, the snippet's stub queues the call. */
export const track = (...args) => window.esTracker(...args)

const read = (key, fallback) => {
  try {
    return JSON.parse(localStorage.getItem(key) ?? '') ?? fallback
  } catch {
    return fallback
  }
}
const write = (key, value) => {
  try {
    localStorage.setItem(key, JSON.stringify(value))
  } catch {
    // Storage may be full or disabled; the demo keeps working for this page.
  }
}

/** The tracker's view of a product. */
export const trackedProduct = (product) => ({
  productKey: product.key,
  price: product.price,
  currency: 'USD',
  isInStock: product.inStock,
})

/** @returns {{ key: string, quantity: number }[]} */
export const cartLines = () => read(CART_KEY, []).filter((line) => findProduct(line.key))

/** Cart lines with their products and line totals. */
export const cartDetails = () =>
  cartLines().map((line) => {
    const product = findProduct(line.key)
    return { ...line, product, total: product.price * line.quantity }
  })

export const cartCount = () => cartLines().reduce((sum, line) => sum + line.quantity, 0)

export const cartTotal = () => cartDetails().reduce((sum, line) => sum + line.total, 0)

/** Saves the cart and tells the tracker its new state (every change: a new cart GUID). */
function saveCart(lines) {
  const kept = lines.filter((line) => line.quantity > 0)
  write(CART_KEY, kept)
  // In GA4 mode the caller pushed the change (add_to_cart, remove_from_cart): the bridge sends the cart.
  if (!ga4Mode)
    track('statusCart', {
      products: kept.map((line) => {
        const product = findProduct(line.key)
        return { productKey: product.key, price: product.price, quantity: line.quantity, currency: 'USD' }
      }),
    })
  document.dispatchEvent(new CustomEvent('demo:cart'))
}

export function addToCart(key, quantity = 1) {
  if (ga4Mode) ga4.addToCart(findProduct(key), quantity)
  const lines = cartLines()
  const line = lines.find((candidate) => candidate.key === key)
  if (line) line.quantity += quantity
  else lines.push({ key, quantity })
  saveCart(lines)
}

export function setQuantity(key, quantity) {
  const line = cartLines().find((candidate) => candidate.key === key)
  if (ga4Mode && line) {
    const change = quantity - line.quantity
    if (change > 0) ga4.addToCart(findProduct(key), change)
    else if (change < 0) ga4.removeFromCart(findProduct(key), -change)
  }
  saveCart(cartLines().map((line) => (line.key === key ? { ...line, quantity } : line)))
}

/** Takes the lines off the cart (GA4 mode: a remove_from_cart each). */
function removeLines(removed) {
  if (ga4Mode) for (const line of removed) ga4.removeFromCart(findProduct(line.key), line.quantity)
  saveCart(cartLines().filter((line) => !removed.some((gone) => gone.key === line.key)))
}

export const removeFromCart = (key) => removeLines(cartLines().filter((line) => line.key === key))

export const emptyCart = () => removeLines(cartLines())

export function addToWishlist(product) {
  if (ga4Mode) ga4.addToWishlist(product)
  else track('addToWishlist', { product: trackedProduct(product) })
}

/** @returns {{ email: string, name: string, phone: string } | null} */
export const currentUser = () => read(USER_KEY, null)

/** Signs the customer in: the tracker remembers who they are and sends CustomerData. */
export function signIn(user) {
  write(USER_KEY, user)
  if (ga4Mode) ga4.userData(user)
  else {
    track('identify', { email: user.email, name: user.name, phone: user.phone || undefined })
    track('customerData')
  }
  document.dispatchEvent(new CustomEvent('demo:user'))
}

/** Signs out: the tracker forgets the identity (and the last cart GUID). */
export function signOut() {
  localStorage.removeItem(USER_KEY)
  if (!ga4Mode) track('reset')
  document.dispatchEvent(new CustomEvent('demo:user'))
}

/**
 * Places the order: like many shops, the cart is emptied first (an empty StatusCart), then the
 * purchase goes out; the tracker joins it to the last cart that had products.
 */
export function placeOrder() {
  const lines = cartDetails()
  const orderNumber = `DEMO-${Date.now().toString(36).toUpperCase()}`
  const order = { orderNumber, lines: lines.map(({ key, quantity, total }) => ({ key, quantity, total })) }
  write(ORDER_KEY, order)
  // In GA4 mode the shop empties the cart without an event and the thank-you page pushes the purchase.
  saveCart([])
  if (!ga4Mode)
    track('purchasedItems', {
      orderNumber,
      products: lines.map((line) => ({ productKey: line.key, price: line.product.price, quantity: line.quantity })),
    })
  return order
}

/** @returns {{ orderNumber: string, lines: { key: string, quantity: number, total: number }[] } | null} */
export const lastOrder = () => read(ORDER_KEY, null)
