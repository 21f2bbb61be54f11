import type { LooseRecord } from '../../esjs/values'
import { toIdString } from '../../esjs/values'
import { wireBody } from '../../esjs/wireBody'

/**
 * Converts a CategoryPage body, in the eS.JS form (`{ CategoryPage: { categoryKey }, Tags? }`) or the
 * REST form (`{ CategoryPage: { Category: { categoryKey }, Tags? } }`, with or without the outer key),
 * to the REST wire body.
 *
 * @example
 * categoryPageFromEsJs({ CategoryPage: { categoryKey: 'Babies' } })
 * // { CategoryPage: { Category: { categoryKey: 'Babies' } } }
 */
export const categoryPageFromEsJs = (body: LooseRecord): LooseRecord =>
  wireBody(body, 'CategoryPage', 'Category', [['categoryKey', toIdString]])
