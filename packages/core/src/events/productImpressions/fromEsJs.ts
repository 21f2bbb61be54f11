import { toIdString } from '../../schemas/convert'
import { esJsBody } from '../shared/esJsBody'
import type { FieldRule, LooseRecord } from '../shared/lenientValues'
import { PRODUCT_ID } from '../shared/lenientValues'

/** An impression on the wire: `product_id` and `container_type` as strings. */
const IMPRESSION: readonly FieldRule[] = [PRODUCT_ID, ['container_type', toIdString, 'containerType']]

/**
 * Converts a ProductImpressions body, in the eS.JS form (`{ ProductImpression: [items] }`) or the REST
 * form (`{ ProductImpression: { Products: [items] } }`, with or without the outer key), to the REST
 * wire body, keyed by the singular `ProductImpression`. The plural key is read too: the vendor's docs use both.
 *
 * @example
 * productImpressionsFromEsJs({ ProductImpression: [{ product_id: 430968, container_type: '1253' }] })
 * // { ProductImpression: { Products: [{ product_id: '430968', container_type: '1253' }] } }
 */
export const productImpressionsFromEsJs = (body: LooseRecord): LooseRecord =>
  esJsBody(
    body,
    'ProductImpression',
    'Products',
    IMPRESSION,
    [],
    body.ProductImpression ?? body.ProductImpressions ?? body,
  )
