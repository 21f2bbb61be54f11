import * as v from 'valibot'
import { nonEmptyArray } from '../../schemas/arrays'
import { generalInfoSchema } from '../../schemas/generalInfo'
import { openObject } from '../../schemas/openObject'
import { tagsSchema } from '../../schemas/tags'
import { nonEmptyTextSchema } from '../../schemas/values'

/** One product shown in a block: `{ product_id, container_type }`. */
export const impressionSchema = openObject({ product_id: nonEmptyTextSchema, container_type: nonEmptyTextSchema })

/** The `ProductImpressions` wire payload, its body under the singular key `ProductImpression`. */
export const productImpressionsSchema = openObject({
  GeneralInfo: generalInfoSchema('ProductImpressions'),
  ProductImpression: openObject({
    Products: nonEmptyArray(impressionSchema, 'a non-empty array of impressions'),
    Tags: v.optional(tagsSchema),
  }),
})

/** A `ProductImpressions` payload as the schema reads it. */
export type ProductImpressionsPayload = v.InferOutput<typeof productImpressionsSchema>
