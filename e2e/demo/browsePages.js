// The browsing pages: home, category (CategoryPage + ProductImpressions), product (ProductPage,
// AddToWishlist, and StatusCart on add to cart).
import { categories, findCategory, findProduct, money, products } from './catalog.js'
import { notFound, productCard, tile } from './components.js'
import { h, param } from './dom.js'
import { ga4, ga4Mode } from './ga4.js'
import { addToCart, addToWishlist, track, trackedProduct } from './store.js'

export function home(main) {
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

export function category(main) {
  const found = findCategory(param('c') ?? '')
  if (!found) return notFound(main, 'Category')
  const shown = products.filter((product) => product.category === found.key)
  main.append(
    h('h1', { text: found.name }),
    h('p', { class: 'lead', text: found.blurb }),
    h('div', { class: 'product-grid' }, ...shown.map(productCard)),
  )
  if (ga4Mode) return ga4.viewItemList(found, shown)
  track('categoryPage', { categoryKey: found.key })
  track('productImpressions', {
    products: shown.map((product) => ({ productKey: product.key, containerType: 'category-grid' })),
  })
}

export function product(main) {
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
  if (ga4Mode) ga4.viewItem(found)
  else track('productPage', { product: trackedProduct(found) })
}
