import { optionalTagsSchema } from '../../schemas/tags'
import { toValibot } from '../../schemas/toValibot'
import { nonEmptyTextSchema } from '../../schemas/values'
import { type Infer, openObject } from '../../schemas/wireSchema'
import { eventWire } from '../shared/eventWire'

/** The `CategoryPage` wire payload: a category was browsed. */
export const categoryPageWire = eventWire(
  'CategoryPage',
  openObject({
    Category: openObject({ categoryKey: nonEmptyTextSchema }),
    Tags: optionalTagsSchema,
  }),
)

/** The `CategoryPage` schema in valibot, for callers who validate with valibot themselves. */
export const categoryPageSchema = toValibot(categoryPageWire)

/** A `CategoryPage` payload as the schema reads it. */
export type CategoryPagePayload = Infer<typeof categoryPageWire>
