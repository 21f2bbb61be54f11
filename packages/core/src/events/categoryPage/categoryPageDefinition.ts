import { defineEvent } from '../shared/defineEvent'
import { buildCategoryPage } from './buildCategoryPage'
import { categoryPageWire } from './categoryPageSchema'

/** The `CategoryPage` event: a visitor browsed a category. */
export const categoryPageDefinition = defineEvent({
  wire: categoryPageWire,
  build: buildCategoryPage,
})
