import * as v from 'valibot'
import { generalInfoSchema } from '../../schemas/generalInfo'
import { openObject } from '../../schemas/openObject'
import { productSchema } from '../../schemas/product'
import { tagsSchema } from '../../schemas/tags'

/** The `ProductPage` wire payload: a product card was viewed. */
export const productPageSchema = openObject({
  GeneralInfo: generalInfoSchema('ProductPage'),
  ProductPage: openObject({ Product: productSchema, Tags: v.optional(tagsSchema) }),
})

/** A `ProductPage` payload as the schema reads it. */
export type ProductPagePayload = v.InferOutput<typeof productPageSchema>
