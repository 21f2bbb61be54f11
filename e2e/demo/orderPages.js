// The ordering pages: cart (a StatusCart per change), checkout (sign-in: identify + CustomerData;
// place order: an empty StatusCart then PurchasedItems), thank-you.
import { findProduct, money } from './catalog.js'
import { notFound, tile } from './components.js'
import { h, param } from './dom.js'
import { ga4, ga4Mode } from './ga4.js'
import {
  cartDetails,
  cartTotal,
  currentUser,
  emptyCart,
  lastOrder,
  placeOrder,
  removeFromCart,
  setQuantity,
  signIn,
} from './store.js'

export function cart(main) {
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
  if (ga4Mode && cartDetails().length > 0) ga4.viewCart(cartDetails())
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

export function checkout(main) {
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
  if (ga4Mode && cartDetails().length > 0) ga4.beginCheckout(cartDetails())
}

export function thankYou(main) {
  const order = lastOrder()
  if (!order || order.orderNumber !== param('order')) return notFound(main, 'Order')
  const total = order.lines.reduce((sum, line) => sum + line.total, 0)
  // GA4 mode: pushed on every load of this page, as GTM4WP does; the bridge sends the purchase once.
  if (ga4Mode)
    ga4.purchase(
      order.orderNumber,
      order.lines.map((line) => ({ product: findProduct(line.key), quantity: line.quantity })),
    )
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
