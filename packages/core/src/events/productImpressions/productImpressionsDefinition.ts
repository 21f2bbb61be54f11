import { defineEvent } from '../shared/defineEvent'
import { buildProductImpressions } from './buildProductImpressions'
import { productImpressionsWire } from './productImpressionsSchema'

/** The `ProductImpressions` event: products were shown in a recommendation block. */
export const productImpressionsDefinition = defineEvent({
  wire: productImpressionsWire,
  build: buildProductImpressions,
})
