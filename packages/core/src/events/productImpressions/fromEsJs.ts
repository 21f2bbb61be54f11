import type { EsJsBodyResult } from '../../esjs/types'
import { invalidEsJsBody } from '../../esjs/types'
import type { LooseRecord } from '../../esjs/values'
import { copyOpen, isRecord, renameField, setEventTags, toWireString } from '../../esjs/values'

/** One impression in the wire form: `product_id` and `container_type` as strings. */
function wireImpression(item: unknown): unknown {
  if (!isRecord(item)) return item
  const impression = copyOpen(item)
  renameField(impression, 'productKey', 'product_id')
  renameField(impression, 'containerType', 'container_type')
  if (impression.product_id !== undefined) impression.product_id = toWireString(impression.product_id)
  if (impression.container_type !== undefined) impression.container_type = toWireString(impression.container_type)
  return impression
}

/**
 * Converts a ProductImpressions body, in the eS.JS form (`{ ProductImpression: [items] }`) or the REST
 * form (`{ ProductImpression: { Products: [items] } }`), to the REST wire body, whose key is the
 * singular `ProductImpression`. The plural key is accepted too: the vendor's docs use both.
 *
 * @example
 * productImpressionsFromEsJs({ ProductImpression: [{ product_id: 430968, container_type: '1253' }] })
 * // { ok: true, body: { ProductImpression: { Products: [{ product_id: '430968', container_type: '1253' }] } } }
 */
export function productImpressionsFromEsJs(body: LooseRecord): EsJsBodyResult {
  const part = body.ProductImpression ?? body.ProductImpressions ?? (Array.isArray(body.Products) ? body : undefined)
  const rest = isRecord(part)
  if (!rest && !Array.isArray(part)) {
    return {
      ok: false,
      error: invalidEsJsBody('ProductImpressions', 'ProductImpression', 'an array of impressions', part),
    }
  }
  const impressions = rest ? copyOpen(part, ['Tags']) : {}
  const items = rest ? part.Products : part
  impressions.Products = Array.isArray(items) ? items.map(wireImpression) : items
  setEventTags(impressions, (rest ? part.Tags : undefined) ?? body.Tags)
  return { ok: true, body: { ProductImpression: impressions } }
}
