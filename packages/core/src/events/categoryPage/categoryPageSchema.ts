import { generalInfoSchema } from '../../schemas/generalInfo'
import { tagsSchema } from '../../schemas/tags'
import { toValibot } from '../../schemas/toValibot'
import { nonEmptyTextSchema } from '../../schemas/values'
import { type Infer, openObject, optional } from '../../schemas/wireSchema'

/** The `CategoryPage` wire payload: a category was browsed. */
export const categoryPageWire = openObject({
  GeneralInfo: generalInfoSchema('CategoryPage'),
  CategoryPage: openObject({
    Category: openObject({ categoryKey: nonEmptyTextSchema }),
    Tags: optional(tagsSchema),
  }),
})

/** The `CategoryPage` schema in valibot, for callers who validate with valibot themselves. */
export const categoryPageSchema = toValibot(categoryPageWire)

/** A `CategoryPage` payload as the schema reads it. */
export type CategoryPagePayload = Infer<typeof categoryPageWire>
