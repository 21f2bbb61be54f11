import { assembleEvent } from '../shared/assembleEvent'
import type { TagsInput } from '../shared/tags'
import type { BuildResult, EventContext } from '../types'
import { categoryPageWire } from './categoryPageSchema'

/** Input of {@link buildCategoryPage}: the category's key and event tags. */
export interface CategoryPageInput {
  categoryKey: string | number
  tags?: TagsInput | undefined
}

/**
 * Builds a `CategoryPage` payload: a visitor browsed a category.
 *
 * @example
 * buildCategoryPage({ categoryKey: 'Babies' }, context)
 */
export function buildCategoryPage(input: CategoryPageInput, context: EventContext): BuildResult {
  return assembleEvent(categoryPageWire, input, context)
}
