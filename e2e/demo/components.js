// Pieces the pages share: a product tile, a product card, a not-found message.
import { money } from './catalog.js'
import { h } from './dom.js'

const initials = (name) =>
  name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0])
    .join('')
    .toUpperCase()

/** A coloured tile standing in for a product photo (no external images). */
export const tile = (product, size = '') =>
  h(
    'div',
    { class: `tile ${size}`, style: { '--hue': product.hue }, 'aria-hidden': 'true' },
    h('span', { text: initials(product.name) }),
  )

/** A product's card, linking to its page. */
export const productCard = (product) =>
  h(
    'a',
    { class: 'product-card', href: `product.html?p=${encodeURIComponent(product.key)}`, 'data-product': product.key },
    tile(product),
    h('span', { class: 'product-name', text: product.name }),
    h('span', { class: 'product-price', text: money(product.price) }),
    product.inStock ? null : h('span', { class: 'tag muted', text: 'Out of stock' }),
  )

/** What a page shows for an unknown category, product or order. */
export const notFound = (main, what) =>
  main.append(
    h('h1', { text: `${what} not found` }),
    h('p', {}, h('a', { href: 'index.html', text: 'Back to the shop' })),
  )
