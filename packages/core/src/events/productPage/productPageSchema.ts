import { productSchema } from '../../schemas/product'
import { toValibot } from '../../schemas/toValibot'
import { type Infer, openObject } from '../../schemas/wireSchema'
import { eventWire } from '../shared/eventWire'
import { eventTagsSchema } from '../shared/tags'

/** The `ProductPage` wire payload: a product card was viewed. */
export const productPageWire = eventWire('ProductPage', openObject({ Product: productSchema, Tags: eventTagsSchema }))

/** The `ProductPage` schema in valibot, for callers who validate with valibot themselves. */
export const productPageSchema = toValibot(productPageWire)

/** A `ProductPage` payload as the schema reads it. */
export type ProductPagePayload = Infer<typeof productPageWire>
