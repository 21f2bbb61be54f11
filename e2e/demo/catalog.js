// The demo shop's catalog: a few products in three categories. Prices are in USD.

/** @typedef {{ key: string, name: string, category: string, price: number, inStock: boolean, hue: number, blurb: string }} Product */

export const categories = [
  { key: 'coffee', name: 'Coffee', blurb: 'Single-origin beans, roasted every Monday.' },
  { key: 'tea', name: 'Tea', blurb: 'Loose-leaf teas from small gardens.' },
  { key: 'gear', name: 'Brewing gear', blurb: 'Everything between the bean and the cup.' },
]

/** @type {Product[]} */
export const products = [
  {
    key: 'COF-ETH-250',
    name: 'Ethiopia Yirgacheffe',
    category: 'coffee',
    price: 14.5,
    inStock: true,
    hue: 28,
    blurb: 'Bergamot, peach and jasmine; a bright washed coffee. 250 g.',
  },
  {
    key: 'COF-COL-250',
    name: 'Colombia Huila',
    category: 'coffee',
    price: 12.9,
    inStock: true,
    hue: 16,
    blurb: 'Red apple, caramel and cocoa; an easy everyday cup. 250 g.',
  },
  {
    key: 'COF-KEN-250',
    name: 'Kenya Nyeri AA',
    category: 'coffee',
    price: 16.75,
    inStock: true,
    hue: 350,
    blurb: 'Blackcurrant and grapefruit, with a juicy body. 250 g.',
  },
  {
    key: 'COF-BRA-1KG',
    name: 'Brazil Cerrado, 1 kg',
    category: 'coffee',
    price: 34,
    inStock: false,
    hue: 36,
    blurb: 'Hazelnut and milk chocolate; our espresso base. Back soon.',
  },
  {
    key: 'TEA-SEN-100',
    name: 'Sencha Kagoshima',
    category: 'tea',
    price: 11.2,
    inStock: true,
    hue: 95,
    blurb: 'Grassy and sweet, steamed green tea. 100 g.',
  },
  {
    key: 'TEA-ASS-200',
    name: 'Assam Breakfast',
    category: 'tea',
    price: 9.8,
    inStock: true,
    hue: 12,
    blurb: 'Malty and strong; takes milk well. 200 g.',
  },
  {
    key: 'TEA-OOL-100',
    name: 'Dong Ding Oolong',
    category: 'tea',
    price: 15.4,
    inStock: true,
    hue: 60,
    blurb: 'Roasted, honeyed, many infusions. 100 g.',
  },
  {
    key: 'GEAR-V60',
    name: 'V60 dripper',
    category: 'gear',
    price: 24,
    inStock: true,
    hue: 200,
    blurb: 'The classic cone for clean pour-overs. Ceramic.',
  },
  {
    key: 'GEAR-GRIND',
    name: 'Hand grinder',
    category: 'gear',
    price: 89,
    inStock: true,
    hue: 220,
    blurb: 'Steel burrs, 40 steps, fits in a bag.',
  },
  {
    key: 'GEAR-KETTLE',
    name: 'Gooseneck kettle',
    category: 'gear',
    price: 49.5,
    inStock: true,
    hue: 190,
    blurb: 'A slow, precise pour. 0.9 l, stovetop.',
  },
]

/** The product with this key, or undefined. */
export const findProduct = (key) => products.find((product) => product.key === key)

/** The category with this key, or undefined. */
export const findCategory = (key) => categories.find((category) => category.key === key)

/** Formats a price in USD. */
export const money = (amount) => `$${amount.toFixed(2)}`
