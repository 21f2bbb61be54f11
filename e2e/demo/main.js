// Entry point of every demo page: the shared layout, then the page's own renderer.
import { renderLayout } from './layout.js'
import { pages } from './pages.js'

const page = document.body.dataset.page ?? 'home'
const main = document.querySelector('main')
renderLayout(page === 'category' ? new URLSearchParams(location.search).get('c') : page)
pages[page]?.(main)
document.title = `${main.querySelector('h1')?.textContent ?? 'Shop'} · Roast & Leaf`
