import type { BuildResult, EventContext } from '../../types'
import { assembleEvent } from '../shared/assembleEvent'
import { toIdString } from '../shared/convert'
import { asRecord, setDefined } from '../shared/fields'
import { type TagsInput, toTags } from '../shared/tags'
import { categoryPageSchema } from './categoryPageSchema'

/** Input of {@link buildCategoryPage}: the category's key and event tags. */
export interface CategoryPageInput {
  categoryKey: string | number
  tags?: TagsInput
}

/**
 * Builds a `CategoryPage` payload: a visitor browsed a category.
 *
 * @example
 * buildCategoryPage({ categoryKey: 'Babies' }, context)
 */
export function buildCategoryPage(input: CategoryPageInput, context: EventContext): BuildResult {
  return assembleEvent('CategoryPage', categoryPageSchema, context, (issues) => {
    const given = asRecord(input)
    const body: Record<string, unknown> = { Category: { categoryKey: toIdString(given.categoryKey) } }
    setDefined(body, 'Tags', toTags(given.tags, 'CategoryPage.Tags', issues))
    return body
  })
}
