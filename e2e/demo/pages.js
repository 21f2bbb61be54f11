// The page renderers by `<body data-page>`; each sends the events its page is about.
import { category, home, product } from './browsePages.js'
import { cart, checkout, thankYou } from './orderPages.js'

/** The renderers by `<body data-page>`. */
export const pages = { home, category, product, cart, checkout, 'thank-you': thankYou }
