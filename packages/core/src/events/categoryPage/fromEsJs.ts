import type { EsJsBodyResult } from '../../esjs/types'
import { invalidEsJsBody } from '../../esjs/types'
import type { LooseRecord } from '../../esjs/values'
import { copyOpen, isRecord, setEventTags, toWireString } from '../../esjs/values'

/**
 * Converts a CategoryPage body, in the eS.JS form (`{ CategoryPage: { categoryKey }, Tags? }`) or the
 * REST form (`{ CategoryPage: { Category: { categoryKey }, Tags? } }`), to the REST wire body.
 *
 * @example
 * categoryPageFromEsJs({ CategoryPage: { categoryKey: 'Babies' } })
 * // { ok: true, body: { CategoryPage: { Category: { categoryKey: 'Babies' } } } }
 */
export function categoryPageFromEsJs(body: LooseRecord): EsJsBodyResult {
  const part = body.CategoryPage ?? (isRecord(body.Category) ? body : undefined)
  if (!isRecord(part)) return { ok: false, error: invalidEsJsBody('CategoryPage', 'CategoryPage', 'an object', part) }
  const rest = isRecord(part.Category)
  const page = rest ? copyOpen(part, ['Tags']) : {}
  const category = copyOpen(rest ? (part.Category as LooseRecord) : part, ['Tags'])
  if (category.categoryKey !== undefined) category.categoryKey = toWireString(category.categoryKey)
  page.Category = category
  return { ok: true, body: { CategoryPage: setEventTags(page, part.Tags ?? body.Tags) } }
}
