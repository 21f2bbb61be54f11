import { isRecord } from '../../schemas/values'
import type { BuildResult, EventContext } from '../../types'
import { assembleEvent } from '../shared/assembleEvent'
import { toIdString } from '../shared/convert'
import { asRecord, copyFields, type Issues, mapList, setDefined } from '../shared/fields'
import { type TagsInput, toTags } from '../shared/tags'
import { productImpressionsSchema } from './productImpressionsSchema'

/** One product shown in a recommendation block. */
export interface ImpressionInput {
  productKey: string | number
  /** The block (container) the product was shown in. */
  containerType: string | number
}

/** Input of {@link buildProductImpressions}: the products shown and event tags. */
export interface ProductImpressionsInput {
  products: ImpressionInput[]
  tags?: TagsInput
}

function toImpression(input: unknown, path: string, issues: Issues): unknown {
  if (!isRecord(input)) return input
  const impression = { product_id: toIdString(input.productKey), container_type: toIdString(input.containerType) }
  copyFields(input, impression, path, issues, ['productKey', 'containerType'])
  return impression
}

/**
 * Builds a `ProductImpressions` payload (body key `ProductImpression`): products were shown in a block.
 *
 * @example
 * buildProductImpressions({ products: [{ productKey: '430968', containerType: '1253' }] }, context)
 */
export function buildProductImpressions(input: ProductImpressionsInput, context: EventContext): BuildResult {
  return assembleEvent('ProductImpressions', productImpressionsSchema, context, (issues) => {
    const given = asRecord(input)
    const path = 'ProductImpression.Products'
    const body: Record<string, unknown> = {
      Products: mapList(given.products, path, (item, itemPath) => toImpression(item, itemPath, issues)),
    }
    setDefined(body, 'Tags', toTags(given.tags, 'ProductImpression.Tags', issues))
    return body
  })
}
