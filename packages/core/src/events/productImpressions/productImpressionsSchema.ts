import { toValibot } from '../../schemas/toValibot'
import { idSchema } from '../../schemas/values'
import { type Infer, list, openObject } from '../../schemas/wireSchema'
import { eventWire } from '../shared/eventWire'
import { eventTagsSchema } from '../shared/tags'

/** One product shown in a block: `{ product_id, container_type }`. */
export const impressionSchema = openObject({ product_id: idSchema, container_type: idSchema })

/** The `ProductImpressions` wire payload, its body under the singular key `ProductImpression`. */
export const productImpressionsWire = eventWire(
  'ProductImpressions',
  openObject({
    Products: list(impressionSchema, 'a non-empty array of impressions', true),
    Tags: eventTagsSchema,
  }),
  'ProductImpression',
)

/** The `ProductImpressions` schema in valibot, for callers who validate with valibot themselves. */
export const productImpressionsSchema = toValibot(productImpressionsWire)

/** A `ProductImpressions` payload as the schema reads it. */
export type ProductImpressionsPayload = Infer<typeof productImpressionsWire>
