// The header and footer every page shares.
import { categories } from './catalog.js'
import { h } from './dom.js'
import { cartCount, currentUser, signOut } from './store.js'

const config = () => window.ES_DEMO_CONFIG ?? {}

function cartBadge() {
  const count = cartCount()
  return h(
    'a',
    { class: 'cart-link', href: 'cart.html', 'data-testid': 'cart-link' },
    'Cart ',
    h('span', { class: 'badge', 'data-testid': 'cart-count', text: count }),
  )
}

function account() {
  const user = currentUser()
  if (!user) return h('a', { class: 'account', href: 'checkout.html#sign-in', text: 'Sign in' })
  return h(
    'span',
    { class: 'account' },
    h('span', { 'data-testid': 'signed-in-as', text: `Hi, ${user.name.split(' ')[0]}` }),
    h('button', { class: 'link-button', type: 'button', text: 'Sign out', onClick: signOut }),
  )
}

/** Renders the shared header (nav, account, cart) and footer around the page's main content. */
export function renderLayout(active) {
  const nav = h(
    'nav',
    { class: 'nav', 'aria-label': 'Categories' },
    ...categories.map((category) =>
      h('a', {
        href: `category.html?c=${category.key}`,
        class: active === category.key ? 'active' : '',
        text: category.name,
      }),
    ),
  )
  const header = h(
    'header',
    { class: 'site-header' },
    h('a', { class: 'logo', href: 'index.html' }, h('span', { class: 'logo-mark', text: 'R&L' }), 'Roast & Leaf'),
    nav,
    h('div', { class: 'header-actions' }, account(), cartBadge()),
  )
  const refreshActions = () => header.querySelector('.header-actions')?.replaceChildren(account(), cartBadge())
  const collectorUrl = config().collectorUrl
  const footer = h(
    'footer',
    { class: 'site-footer' },
    h(
      'p',
      { class: 'footer-line' },
      'An es-tracker demo storefront: category and product pages send an event when viewed, and so do cart changes, the wishlist, signing in and placing an order (the home, cart and checkout pages send none of their own), to the local collector. ',
    ),
    collectorUrl
      ? h(
          'p',
          {},
          'Watch them arrive on the ',
          h('a', { href: `${collectorUrl}/`, target: '_blank', rel: 'noopener', text: 'collector page' }),
          '.',
        )
      : null,
  )
  document.body.prepend(header)
  document.body.append(footer)
  document.addEventListener('demo:cart', refreshActions)
  document.addEventListener('demo:user', refreshActions)
}
