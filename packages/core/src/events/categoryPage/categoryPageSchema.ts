import { toIdString } from '../../schemas/convert'
import { toValibot } from '../../schemas/toValibot'
import { nonEmptyTextSchema } from '../../schemas/values'
import { type Infer, openObject } from '../../schemas/wireSchema'
import { eventWire } from '../shared/eventWire'
import { eventTagsSchema } from '../shared/tags'

/** The `CategoryPage` wire payload: a category was browsed. */
export const categoryPageWire = eventWire(
  'CategoryPage',
  openObject({
    // Builders read the key from the input's flat `categoryKey`.
    Category: { ...openObject({ categoryKey: nonEmptyTextSchema }), to: (key) => ({ categoryKey: toIdString(key) }) },
    Tags: eventTagsSchema,
  }),
)

/** The `CategoryPage` schema in valibot, for callers who validate with valibot themselves. */
export const categoryPageSchema = toValibot(categoryPageWire)

/** A `CategoryPage` payload as the schema reads it. */
export type CategoryPagePayload = Infer<typeof categoryPageWire>
