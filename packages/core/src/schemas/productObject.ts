import * as v from 'valibot'
import { openObject } from './openObject'
import { productTagFieldsCheck } from './tags'

/** An open product object whose `tag_*` fields are checked too (Product, CartProduct, ...). */
/* @__NO_SIDE_EFFECTS__ */
export function productObject<const Entries extends v.ObjectEntries>(entries: Entries) {
  const product = openObject(entries)
  return v.pipe(product, productTagFieldsCheck<v.InferOutput<typeof product>>())
}
