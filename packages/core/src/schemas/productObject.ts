import { productTagFields } from './tags'
import { type ObjectSchema, type Optional, openObject, type WireSchema } from './wireSchema'

/**
 * An open product object whose `tag_*` fields are checked too (Product, CartProduct, ...); builders
 * turn its friendly `tags` into those fields.
 */
/* @__NO_SIDE_EFFECTS__ */
export const productObject = <const Fields extends Record<string, WireSchema | Optional>>(
  fields: Fields,
): ObjectSchema<Fields> & { readonly tagged: true } => ({
  ...openObject(fields, productTagFields(fields)),
  tagged: true,
})
