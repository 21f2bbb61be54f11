import * as v from 'valibot'
import { nonEmptyArray } from '../../schemas/arrays'
import { catalogGeneralInfoSchema } from '../../schemas/generalInfo'
import { openObject } from '../../schemas/openObject'
import { productObject } from '../../schemas/productObject'
import {
  nonEmptyTextSchema,
  stockFlagSchema,
  stringListSchema,
  textSchema,
  unitPriceSchema,
} from '../../schemas/values'

/** One catalog product: `{ product_id, isInStock, unit_price?, price_currency_code?, name?, ... , tag_*? }`. */
export const catalogProductSchema = productObject({
  product_id: nonEmptyTextSchema,
  isInStock: stockFlagSchema,
  unit_price: v.optional(unitPriceSchema),
  price_currency_code: v.optional(textSchema),
  name: v.optional(textSchema),
  description: v.optional(textSchema),
  brand: v.optional(textSchema),
  imgurl: v.optional(textSchema),
  category: v.optional(textSchema),
  category_id: v.optional(stringListSchema),
})

/** The `ProductUpdate` wire payload: catalog changes, sent from a server, no visitor (no `sc`). */
export const productUpdateSchema = openObject({
  GeneralInfo: catalogGeneralInfoSchema('ProductUpdate'),
  ProductUpdate: nonEmptyArray(catalogProductSchema, 'a non-empty array of catalog products'),
})

/** A `ProductUpdate` payload as the schema reads it. */
export type ProductUpdatePayload = v.InferOutput<typeof productUpdateSchema>
