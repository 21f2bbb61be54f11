import { toIdString } from '../../schemas/convert'
import { esJsBody } from '../shared/esJsBody'
import type { LooseRecord } from '../shared/lenientValues'

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
  esJsBody(body, 'CategoryPage', 'Category', [['categoryKey', toIdString]])
