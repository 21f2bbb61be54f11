// The shop's state (cart, signed-in customer, last order) in localStorage, and the tracker calls
// that go with each change. The tracker is the es-tracker script tag's `window.esTracker`.
import { findProduct } from './catalog.js'

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
  track('statusCart', {
    products: kept.map((line) => {
      const product = findProduct(line.key)
      return { productKey: product.key, price: product.price, quantity: line.quantity, currency: 'USD' }
    }),
  })
  document.dispatchEvent(new CustomEvent('demo:cart'))
}

export function addToCart(key, quantity = 1) {
  const lines = cartLines()
  const line = lines.find((candidate) => candidate.key === key)
  if (line) line.quantity += quantity
  else lines.push({ key, quantity })
  saveCart(lines)
}

export function setQuantity(key, quantity) {
  saveCart(cartLines().map((line) => (line.key === key ? { ...line, quantity } : line)))
}

export const removeFromCart = (key) => saveCart(cartLines().filter((line) => line.key !== key))

export const emptyCart = () => saveCart([])

export function addToWishlist(product) {
  track('addToWishlist', { product: trackedProduct(product) })
}

/** @returns {{ email: string, name: string, phone: string } | null} */
export const currentUser = () => read(USER_KEY, null)

/** Signs the customer in: the tracker remembers who they are and sends CustomerData. */
export function signIn(user) {
  write(USER_KEY, user)
  track('identify', { email: user.email, name: user.name, phone: user.phone || undefined })
  track('customerData')
  document.dispatchEvent(new CustomEvent('demo:user'))
}

/** Signs out: the tracker forgets the identity (and the last cart GUID). */
export function signOut() {
  localStorage.removeItem(USER_KEY)
  track('reset')
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
  saveCart([])
  track('purchasedItems', {
    orderNumber,
    products: lines.map((line) => ({ productKey: line.key, price: line.product.price, quantity: line.quantity })),
  })
  return order
}

/** @returns {{ orderNumber: string, lines: { key: string, quantity: number, total: number }[] } | null} */
export const lastOrder = () => read(ORDER_KEY, null)
