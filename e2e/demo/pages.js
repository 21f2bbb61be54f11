// One renderer per page of the demo shop; each sends the events that page is about.
import { categories, findCategory, findProduct, money, products } from './catalog.js'
import { h, param } from './dom.js'
import {
  addToCart,
  addToWishlist,
  cartDetails,
  cartTotal,
  currentUser,
  emptyCart,
  lastOrder,
  placeOrder,
  removeFromCart,
  setQuantity,
  signIn,
  track,
  trackedProduct,
} from './store.js'

const initials = (name) =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0])
    .join('')
    .toUpperCase()

/** A coloured tile standing in for a product photo (no external images). */
const tile = (product, size = '') =>
  h(
    'div',
    { class: `tile ${size}`, style: { '--hue': product.hue }, 'aria-hidden': 'true' },
    h('span', { text: initials(product.name) }),
  )

const productCard = (product) =>
  h(
    'a',
    { class: 'product-card', href: `product.html?p=${encodeURIComponent(product.key)}`, 'data-product': product.key },
    tile(product),
    h('span', { class: 'product-name', text: product.name }),
    h('span', { class: 'product-price', text: money(product.price) }),
    product.inStock ? null : h('span', { class: 'tag muted', text: 'Out of stock' }),
  )

const notFound = (main, what) =>
  main.append(
    h('h1', { text: `${what} not found` }),
    h('p', {}, h('a', { href: 'index.html', text: 'Back to the shop' })),
  )

function home(main) {
  main.append(
    h(
      'section',
      { class: 'hero' },
      h('h1', { text: 'Fresh roasts, fine leaves.' }),
      h('p', { text: 'Small-batch coffee and tea, and the gear to brew them. A demo shop for es-tracker.' }),
    ),
    h('h2', { text: 'Shop by category' }),
    h(
      'div',
      { class: 'category-grid' },
      ...categories.map((category) =>
        h(
          'a',
          { class: 'category-card', href: `category.html?c=${category.key}` },
          h('strong', { text: category.name }),
          h('span', { text: category.blurb }),
        ),
      ),
    ),
    h('h2', { text: 'Staff picks' }),
    h(
      'div',
      { class: 'product-grid' },
      ...categories.map((category) => productCard(products.find((product) => product.category === category.key))),
    ),
  )
}

function category(main) {
  const found = findCategory(param('c') ?? '')
  if (!found) return notFound(main, 'Category')
  const shown = products.filter((product) => product.category === found.key)
  main.append(
    h('h1', { text: found.name }),
    h('p', { class: 'lead', text: found.blurb }),
    h('div', { class: 'product-grid' }, ...shown.map(productCard)),
  )
  track('categoryPage', { categoryKey: found.key })
  track('productImpressions', {
    products: shown.map((product) => ({ productKey: product.key, containerType: 'category-grid' })),
  })
}

function product(main) {
  const found = findProduct(param('p') ?? '')
  if (!found) return notFound(main, 'Product')
  const quantity = h('input', {
    type: 'number',
    min: '1',
    max: '20',
    value: '1',
    id: 'quantity',
    'aria-label': 'Quantity',
  })
  const status = h('p', { class: 'status-line', role: 'status', 'data-testid': 'product-status' })
  const addButton = h('button', {
    class: 'button primary',
    type: 'button',
    disabled: !found.inStock,
    text: found.inStock ? 'Add to cart' : 'Out of stock',
    onClick: () => {
      addToCart(found.key, Math.max(1, Math.min(20, Number.parseInt(quantity.value, 10) || 1)))
      status.replaceChildren('Added to your cart. ', h('a', { href: 'cart.html', text: 'View cart' }))
    },
  })
  const wishButton = h('button', {
    class: 'button',
    type: 'button',
    text: 'Add to wishlist',
    onClick: () => {
      addToWishlist(found)
      wishButton.textContent = 'In your wishlist'
      wishButton.disabled = true
    },
  })
  const categoryLink = findCategory(found.category)
  main.append(
    h(
      'p',
      { class: 'crumbs' },
      h('a', { href: 'index.html', text: 'Shop' }),
      ' / ',
      h('a', { href: `category.html?c=${found.category}`, text: categoryLink?.name ?? '' }),
    ),
    h(
      'div',
      { class: 'product-detail' },
      tile(found, 'large'),
      h(
        'div',
        {},
        h('h1', { text: found.name }),
        h('p', { class: 'price', text: money(found.price) }),
        h('p', { text: found.blurb }),
        h('p', {
          class: found.inStock ? 'stock in' : 'stock out',
          text: found.inStock ? 'In stock, ships tomorrow' : 'Out of stock',
        }),
        h('div', { class: 'buy-row' }, found.inStock ? quantity : null, addButton, wishButton),
        status,
      ),
    ),
  )
  track('productPage', { product: trackedProduct(found) })
}

function cart(main) {
  const render = () => {
    const lines = cartDetails()
    main.replaceChildren(h('h1', { text: 'Your cart' }))
    if (lines.length === 0) {
      main.append(
        h(
          'div',
          { class: 'empty-state' },
          h('p', { text: 'Your cart is empty.' }),
          h('a', { class: 'button', href: 'index.html', text: 'Keep shopping' }),
        ),
      )
      return
    }
    const row = (line) =>
      h(
        'tr',
        { 'data-line': line.key },
        h(
          'td',
          { class: 'line-product' },
          tile(line.product, 'small'),
          h('a', { href: `product.html?p=${line.key}`, text: line.product.name }),
        ),
        h('td', { class: 'num', text: money(line.product.price) }),
        h(
          'td',
          {},
          h(
            'div',
            { class: 'stepper' },
            h('button', {
              type: 'button',
              'aria-label': `One less ${line.product.name}`,
              text: '−',
              onClick: () => setQuantity(line.key, line.quantity - 1),
            }),
            h('span', { class: 'qty', 'data-testid': 'quantity', text: line.quantity }),
            h('button', {
              type: 'button',
              'aria-label': `One more ${line.product.name}`,
              text: '+',
              onClick: () => setQuantity(line.key, line.quantity + 1),
            }),
          ),
        ),
        h('td', { class: 'num', text: money(line.total) }),
        h(
          'td',
          {},
          h('button', {
            class: 'link-button',
            type: 'button',
            text: 'Remove',
            onClick: () => removeFromCart(line.key),
          }),
        ),
      )
    main.append(
      h(
        'table',
        { class: 'cart-table' },
        h(
          'thead',
          {},
          h('tr', {}, ...['Product', 'Price', 'Quantity', 'Total', ''].map((title) => h('th', { text: title }))),
        ),
        h('tbody', {}, ...lines.map(row)),
      ),
      h(
        'div',
        { class: 'cart-footer' },
        h('button', { class: 'button', type: 'button', text: 'Empty cart', onClick: emptyCart }),
        h(
          'p',
          { class: 'subtotal' },
          'Subtotal ',
          h('strong', { 'data-testid': 'subtotal', text: money(cartTotal()) }),
        ),
        h('a', { class: 'button primary', href: 'checkout.html', text: 'Checkout' }),
      ),
    )
  }
  document.addEventListener('demo:cart', render)
  render()
}

function signInForm(onDone) {
  const field = (label, name, type, value) =>
    h(
      'label',
      {},
      h('span', { text: label }),
      h('input', {
        name,
        type,
        value,
        required: name !== 'phone',
        autocomplete: name === 'name' ? 'name' : name === 'phone' ? 'tel' : 'email',
      }),
    )
  return h(
    'form',
    {
      class: 'card form',
      id: 'sign-in',
      onSubmit: (event) => {
        event.preventDefault()
        const data = new FormData(event.currentTarget)
        signIn({
          email: String(data.get('email')),
          name: String(data.get('name')),
          phone: String(data.get('phone') ?? ''),
        })
        onDone()
      },
    },
    h('h2', { text: 'Sign in' }),
    field('E-mail', 'email', 'email', 'ann.lee@example.com'),
    field('Name', 'name', 'text', 'Ann Lee'),
    field('Phone (optional)', 'phone', 'tel', '+380 44 123 4567'),
    h('button', { class: 'button primary', type: 'submit', text: 'Sign in' }),
  )
}

function checkout(main) {
  const render = () => {
    const user = currentUser()
    const lines = cartDetails()
    main.replaceChildren(h('h1', { text: 'Checkout' }))
    const account = user
      ? h(
          'div',
          { class: 'card' },
          h('h2', { text: 'Signed in' }),
          h('p', { 'data-testid': 'checkout-user', text: `${user.name} · ${user.email}` }),
        )
      : signInForm(render)
    const summary = h(
      'div',
      { class: 'card' },
      h('h2', { text: 'Your order' }),
      lines.length === 0
        ? h('p', {}, 'Your cart is empty. ', h('a', { href: 'index.html', text: 'Keep shopping' }))
        : h(
            'ul',
            { class: 'summary-lines' },
            ...lines.map((line) =>
              h(
                'li',
                {},
                h('span', { text: `${line.quantity} × ${line.product.name}` }),
                h('span', { text: money(line.total) }),
              ),
            ),
          ),
      h('p', { class: 'subtotal' }, 'Total ', h('strong', { text: money(cartTotal()) })),
      h('button', {
        class: 'button primary wide',
        type: 'button',
        text: 'Place order',
        disabled: lines.length === 0,
        onClick: () => {
          const order = placeOrder()
          location.href = `thank-you.html?order=${encodeURIComponent(order.orderNumber)}`
        },
      }),
    )
    main.append(h('div', { class: 'checkout-grid' }, account, summary))
  }
  document.addEventListener('demo:user', render)
  render()
}

function thankYou(main) {
  const order = lastOrder()
  if (!order || order.orderNumber !== param('order')) return notFound(main, 'Order')
  const total = order.lines.reduce((sum, line) => sum + line.total, 0)
  main.append(
    h(
      'section',
      { class: 'hero thanks' },
      h('h1', { text: 'Thank you!' }),
      h(
        'p',
        {},
        'Your order ',
        h('strong', { 'data-testid': 'order-number', text: order.orderNumber }),
        ` is confirmed: ${money(total)}.`,
      ),
      h(
        'ul',
        { class: 'summary-lines' },
        ...order.lines.map((line) =>
          h(
            'li',
            {},
            h('span', { text: `${line.quantity} × ${findProduct(line.key)?.name ?? line.key}` }),
            h('span', { text: money(line.total) }),
          ),
        ),
      ),
      h('a', { class: 'button primary', href: 'index.html', text: 'Continue shopping' }),
    ),
  )
}

/** The renderers by `<body data-page>`. */
export const pages = { home, category, product, cart, checkout, 'thank-you': thankYou }
