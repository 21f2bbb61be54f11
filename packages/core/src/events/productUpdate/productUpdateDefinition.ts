import { defineEvent } from '../shared/defineEvent'
import { buildProductUpdate } from './buildProductUpdate'
import { productUpdateWire } from './productUpdateSchema'

/** The `ProductUpdate` event: catalog changes pushed from a server. */
export const productUpdateDefinition = defineEvent({
  wire: productUpdateWire,
  build: buildProductUpdate,
})
