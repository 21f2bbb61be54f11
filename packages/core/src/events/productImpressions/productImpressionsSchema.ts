import { optionalTagsSchema } from '../../schemas/tags'
import { toValibot } from '../../schemas/toValibot'
import { nonEmptyTextSchema } from '../../schemas/values'
import { type Infer, list, openObject } from '../../schemas/wireSchema'
import { eventWire } from '../shared/eventWire'

/** One product shown in a block: `{ product_id, container_type }`. */
export const impressionSchema = openObject({ product_id: nonEmptyTextSchema, container_type: nonEmptyTextSchema })

/** The `ProductImpressions` wire payload, its body under the singular key `ProductImpression`. */
export const productImpressionsWire = eventWire(
  'ProductImpressions',
  openObject({
    Products: list(impressionSchema, 'a non-empty array of impressions', true),
    Tags: optionalTagsSchema,
  }),
)

/** The `ProductImpressions` schema in valibot, for callers who validate with valibot themselves. */
export const productImpressionsSchema = toValibot(productImpressionsWire)

/** A `ProductImpressions` payload as the schema reads it. */
export type ProductImpressionsPayload = Infer<typeof productImpressionsWire>
