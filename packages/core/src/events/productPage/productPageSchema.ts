import { generalInfoSchema } from '../../schemas/generalInfo'
import { productSchema } from '../../schemas/product'
import { tagsSchema } from '../../schemas/tags'
import { toValibot } from '../../schemas/toValibot'
import { type Infer, openObject, optional } from '../../schemas/wireSchema'

/** The `ProductPage` wire payload: a product card was viewed. */
export const productPageWire = openObject({
  GeneralInfo: generalInfoSchema('ProductPage'),
  ProductPage: openObject({ Product: productSchema, Tags: optional(tagsSchema) }),
})

/** The `ProductPage` schema in valibot, for callers who validate with valibot themselves. */
export const productPageSchema = toValibot(productPageWire)

/** A `ProductPage` payload as the schema reads it. */
export type ProductPagePayload = Infer<typeof productPageWire>
