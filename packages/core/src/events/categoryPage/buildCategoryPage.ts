import type { BuildResult, EventContext } from '../../types'
import { assembleEvent } from '../shared/assembleEvent'
import { toIdString } from '../shared/convert'
import { type BodyConvert, bodyOf } from '../shared/fields'
import { EVENT_TAGS, type TagsInput } from '../shared/tags'
import { categoryPageWire } from './categoryPageSchema'

/** Input of {@link buildCategoryPage}: the category's key and event tags. */
export interface CategoryPageInput {
  categoryKey: string | number
  tags?: TagsInput
}

/** `{ categoryKey, tags? }` -> `{ Category: { categoryKey }, Tags? }`. */
export const categoryPageBody: BodyConvert = bodyOf([
  ['categoryKey', 'Category', (categoryKey) => ({ categoryKey: toIdString(categoryKey) })],
  EVENT_TAGS,
])

/**
 * Builds a `CategoryPage` payload: a visitor browsed a category.
 *
 * @example
 * buildCategoryPage({ categoryKey: 'Babies' }, context)
 */
export function buildCategoryPage(input: CategoryPageInput, context: EventContext): BuildResult {
  return assembleEvent('CategoryPage', categoryPageWire, categoryPageBody, input, context)
}
