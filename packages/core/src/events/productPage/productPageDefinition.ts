import { defineEvent } from '../shared/defineEvent'
import { buildProductPage } from './buildProductPage'
import { productPageWire } from './productPageSchema'

/** The `ProductPage` event: a visitor viewed a product card. */
export const productPageDefinition = defineEvent({
  wire: productPageWire,
  build: buildProductPage,
})
